"""A small OParl 1.1 server for the tests: a Ratsinformationssystem of the town Teststadt.

It serves what real systems serve (shapes from the OParl spec's examples): a System that
names its body list, a Body with external lists of organisations and meetings, paged
lists with ``pagination`` and ``links.next`` (two objects per page), the filters
``modified_since``/``omit_internal``, soft-deleted objects, a cancelled meeting, a meeting
whose name says it is cancelled, and start times with +01:00, +02:00 and UTC offsets.
Everything runs on pytest-httpserver's local port; nothing leaves the machine.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from urllib.parse import urlencode

from werkzeug import Response

PAGE_SIZE = 2


class FakeRIS:
    def __init__(self, server, version: str = "1.1", leak_deleted: bool = True):
        self.server = server
        # werkzeug logs every request to stderr, where the tests read the CLI's messages
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.version = version
        self.leak_deleted = leak_deleted  # some servers list deleted objects without being asked
        self.base = server.url_for("/oparl/v1").rstrip("/")
        self.requests: list[tuple[str, dict]] = []
        self.organizations = [
            self.organization(1, "Rat der Stadt", "Rat", "Parlament", meetings=True),
            self.organization(2, "Haupt- und Finanzausschuss", "HFA", "Ausschuss", meetings=True),
            # no 'meeting' list: the body's meeting list must be filtered
            self.organization(3, "Ausschuss für Digitalisierung", "ADi", "Ausschuss", meetings=False),
            # the same committee in the last Wahlperiode
            self.organization(4, "Ausschuss für Digitalisierung", "DigA", "Ausschuss", meetings=True,
                              endDate="2020-10-31"),
            self.organization(5, "SPD-Fraktion", "SPD", "Fraktion", meetings=False, organizationType="Fraktion"),
            {"id": self.url("/organization/6"), "type": self.type("Organization"), "deleted": True,
             "created": "2014-01-01T00:00:00+01:00", "modified": "2026-01-05T10:00:00+01:00"},
        ]
        self.meetings = [
            self.meeting(10, "Sitzung des Rates", 1, "2026-12-15T17:00:00+01:00", "2026-12-15T20:00:00+01:00"),
            self.meeting(11, "Sitzung des Rates", 1, "2027-03-10T17:00:00+01:00", cancelled=True),
            # 23:30 UTC is 00:30 on the next day in Berlin: the session is on 17.03.2027
            self.meeting(12, "Sitzung des Rates", 1, "2027-03-16T23:30:00Z"),
            self.meeting(13, "Sitzung des Rates - entfällt", 1, "2027-04-06T17:00:00+02:00"),
            self.meeting(14, "Sitzung des Rates", 1, "2027-05-11T17:00:00+02:00", "2027-05-11T21:30:00+02:00"),
            self.meeting(15, "Sondersitzung des Rates", 1, None),  # announced, no date yet
            {"id": self.url("/meeting/16"), "type": self.type("Meeting"), "deleted": True,
             "created": "2026-01-01T00:00:00+01:00", "modified": "2027-01-02T09:00:00+01:00"},
            self.meeting(20, "4. Sitzung des HFA", 2, "2027-03-03T16:00:00Z"),
            self.meeting(21, "5. Sitzung des HFA", 2, "2027-04-28T17:00:00+02:00"),
            self.meeting(30, "Ausschuss für Digitalisierung", 3, "2027-02-24T16:00:00+01:00"),
            self.meeting(31, "Ausschuss für Digitalisierung", 3, "2027-04-21T16:00:00+02:00"),
            self.meeting(40, "Digitalausschuss (alt)", 4, "2019-05-02T16:00:00+02:00"),
        ]
        routes = {"/oparl/v1/system": self.system, "/oparl/v1/bodies": self.bodies,
                  "/oparl/v1/body/1/organizations": self.organization_list,
                  "/oparl/v1/body/1/meetings": self.body_meetings}
        for number in (1, 2, 4):
            routes[f"/oparl/v1/organization/{number}/meetings"] = self.organization_meetings(number)
        for path, handler in routes.items():
            server.expect_request(path).respond_with_handler(self.logged(path, handler))

    # ---- objects ---------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base + path

    def type(self, name: str) -> str:
        return f"https://schema.oparl.org/{self.version}/{name}"

    def organization(self, number, name, short, classification, meetings, **extra):
        obj = {"id": self.url(f"/organization/{number}"), "type": self.type("Organization"),
               "body": self.url("/body/1"), "name": name, "shortName": short,
               "organizationType": extra.pop("organizationType", "Gremium"), "classification": classification,
               "startDate": "2020-11-01", "created": "2020-11-01T00:00:00+01:00",
               "modified": "2020-11-02T00:00:00+01:00", **extra}
        if meetings:
            obj["meeting"] = self.url(f"/organization/{number}/meetings")
        return obj

    def meeting(self, number, name, organization, start, end=None, cancelled=False,
                modified="2026-11-20T10:00:00+01:00"):
        obj = {"id": self.url(f"/meeting/{number}"), "type": self.type("Meeting"), "name": name,
               "meetingState": "terminiert", "cancelled": cancelled,
               "organization": [self.url(f"/organization/{organization}")],
               "location": {"id": self.url("/location/1"), "type": self.type("Location"),
                            "description": "Rathaus, Ratssaal, Markt 1, 12345 Teststadt"},
               "web": f"https://ris.teststadt.example/si0057.asp?__ksinr={number}",
               "agendaItem": [{"id": self.url(f"/agendaitem/{number}01"), "type": self.type("AgendaItem"),
                               "number": "1", "name": "Eröffnung", "public": True}],
               "created": "2026-11-01T10:00:00+01:00", "modified": modified}
        if start:
            obj["start"] = start
        if end:
            obj["end"] = end
        return obj

    # ---- endpoints -------------------------------------------------------------------------

    def logged(self, path, handler):
        def handle(request):
            self.requests.append((path, dict(request.args)))
            return handler(request)
        return handle

    def system(self, request):
        return self.json({"id": self.url("/system"), "type": self.type("System"),
                          "oparlVersion": f"https://schema.oparl.org/{self.version}/",
                          "body": self.url("/bodies"), "name": "Ratsinformationssystem Teststadt",
                          "vendor": "https://example.org/", "created": "2014-01-01T00:00:00+01:00",
                          "modified": "2026-01-01T00:00:00+01:00"})

    def bodies(self, request):
        body = {"id": self.url("/body/1"), "type": self.type("Body"), "system": self.url("/system"),
                "name": "Stadt Teststadt", "shortName": "Teststadt", "ags": "05962000",
                "organization": self.url("/body/1/organizations"), "meeting": self.url("/body/1/meetings"),
                "paper": self.url("/body/1/papers"), "person": self.url("/body/1/persons"),
                "created": "2014-01-01T00:00:00+01:00", "modified": "2026-01-01T00:00:00+01:00"}
        return self.page(request, "/bodies", [body])

    def organization_list(self, request):
        return self.page(request, "/body/1/organizations", self.organizations)

    def body_meetings(self, request):
        return self.page(request, "/body/1/meetings", self.meetings)

    def organization_meetings(self, number):
        org_id = self.url(f"/organization/{number}")

        def handler(request):
            mine = [m for m in self.meetings if org_id in m.get("organization", []) or m.get("deleted")]
            return self.page(request, f"/organization/{number}/meetings", mine)
        return handler

    def page(self, request, path, objects):
        """One page of an external object list, filtered as the standard says."""
        since = request.args.get("modified_since")
        if since:
            since = dt.datetime.fromisoformat(since.replace("Z", "+00:00"))
            objects = [o for o in objects if dt.datetime.fromisoformat(o["modified"]) >= since]
        elif not self.leak_deleted:
            objects = [o for o in objects if not o.get("deleted")]
        if request.args.get("omit_internal") == "true":
            objects = [{k: v for k, v in o.items() if k != "agendaItem"} for o in objects]
        number = int(request.args.get("page", 1))
        pages = max(1, -(-len(objects) // PAGE_SIZE))
        filters = {k: v for k, v in request.args.items() if k != "page"}

        def link(n):
            return self.url(path) + "?" + urlencode({**filters, "page": n})

        links = {"first": link(1), "self": link(number), "last": link(pages)}
        if number < pages:
            links["next"] = link(number + 1)
        if number > 1:
            links["prev"] = link(number - 1)
        return self.json({"data": objects[(number - 1) * PAGE_SIZE: number * PAGE_SIZE],
                          "pagination": {"totalElements": len(objects), "elementsPerPage": PAGE_SIZE,
                                         "currentPage": number, "totalPages": pages},
                          "links": links})

    @staticmethod
    def json(document) -> Response:
        return Response(json.dumps(document, ensure_ascii=False), content_type="application/json; charset=utf-8")
