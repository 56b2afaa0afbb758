"""Council meetings from a Ratsinformationssystem over OParl 1.0/1.1, written as .ics.

OParl (https://oparl.org, spec repository OParl/spec) is the open JSON API that ALLRIS,
SessionNet, SD.NET and others serve. This module walks it exactly as the standard says:

- the **System** object (its URL is what the town publishes) names the list of bodies;
- each **Body** (Körperschaft) names the list of its **Organizations** (Gremien,
  Fraktionen, ...), and each Organization the list of its **Meetings**; if an
  Organization names none, the Body's meeting list is filtered by the meeting's
  ``organization`` (some systems leave the link out);
- lists are *external object lists*: pages of ``{data, pagination, links}``, followed
  through ``links.next`` until a page has none;
- a meeting with ``cancelled: true`` is dropped, as is one whose name says it is cancelled
  ("entfällt", as ALLRIS writes it); a **deleted** object (``deleted: true``, soft delete)
  is never shown and, on ``--refresh``, removes the meeting from the file;
- ``start``/``end`` are RFC 3339 date-times with an offset; they are written in
  Europe/Berlin time with a VTIMEZONE, so a session at 23:30 UTC lands on the next day
  in the calendar exactly as in the town hall;
- ``--refresh`` uses the **update mechanism of OParl 1.1**: the lists are asked only for
  what changed since the last download (``modified_since``, with ``omit_internal``), and
  the answer includes deleted meetings. OParl 1.0 servers do not promise deleted objects
  there, so for them everything is loaded again.

The HTTP client is ``requests`` with urllib3's ``Retry``: connect and read timeouts on
every request, and up to :data:`RETRIES` retries with exponential backoff on connection
errors and on 429/500/502/503/504 (honouring ``Retry-After``), for GET only. Every failure
becomes an :class:`OParlError` carrying one catalog sentence.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from roadmap.plan.sessions_ics import CANCELLED
from roadmap.text.messages import Message as M

BERLIN = ZoneInfo("Europe/Berlin")

#: (connect, read) timeouts in seconds. Some RIS take long for big meeting pages.
TIMEOUT = (10, 60)
#: Retries after the first try, on connection errors and on 429/5xx answers.
RETRIES = 3
#: Exponential backoff factor in seconds: 0, 1, 2 s between the tries (urllib3 2.x).
BACKOFF = 1.0
#: A server that links pages in a circle or without end is stopped after this many pages.
MAX_PAGES = 10_000
#: ``--refresh`` asks for changes since the last download minus this, for clock skew.
CLOCK_SKEW = dt.timedelta(minutes=10)

#: ``type`` of OParl objects: ``https://schema.oparl.org/1.1/Meeting``.
TYPE = re.compile(r"^https?://schema\.oparl\.org/(\d+\.\d+)/?(\w+)$")

#: organizationType values that hold council sessions (the rest: Fraktion, Partei, ...).
GREMIUM_TYPES = ("gremium", "")


class OParlError(Exception):
    """A failure of the OParl import; ``args[0]`` is one catalog sentence (a Message)."""

    def __init__(self, message: M):
        super().__init__(message)
        self.message = message

    def render(self, language: str | None = None) -> str:
        return self.message.render(language)


# ---- HTTP ---------------------------------------------------------------------------------


class Client:
    """GET JSON from an OParl server with timeouts, retries and paging.

    ``progress`` receives a catalog message for every further page of a long list
    (the CLI prints it to stderr).
    """

    def __init__(self, timeout=None, retries: int | None = None, backoff: float | None = None,
                 progress: Callable[[M], None] | None = None):
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry


        timeout = TIMEOUT if timeout is None else timeout
        retries = RETRIES if retries is None else retries
        backoff = BACKOFF if backoff is None else backoff
        self.timeout = timeout
        self.progress = progress or (lambda message: None)
        retry = Retry(total=retries, connect=retries, read=retries, status=retries, other=0,
                      backoff_factor=backoff, status_forcelist=(429, 500, 502, 503, 504),
                      allowed_methods=frozenset({"GET"}), respect_retry_after_header=True,
                      raise_on_status=False)
        self.session = requests.Session()
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({"Accept": "application/json",
                                     "User-Agent": f"roadmap/{_version()} (OParl-Import)"})

    def get(self, url: str, params: dict | None = None) -> dict:
        """The JSON object at ``url``; :class:`OParlError` for anything else."""
        import requests

        check_url(url)
        try:
            response = self.session.get(url, params=params, timeout=self.timeout)
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema):
            raise OParlError(M("oparl.bad-url", url=url)) from None
        except requests.exceptions.RequestException as error:
            raise OParlError(M("oparl.unreachable", host=urlsplit(url).netloc or url,
                               reason=_reason(error))) from None
        if response.status_code >= 400:
            raise OParlError(M("oparl.http", url=url, status=response.status_code,
                               reason=response.reason or "")) from None
        try:
            data = response.json()
        except ValueError:
            raise OParlError(M("oparl.not-oparl", url=url, why=M("oparl.why-not-json"))) from None
        if not isinstance(data, dict):
            raise OParlError(M("oparl.not-oparl", url=url, why=M("oparl.why-not-object")))
        return data

    def items(self, url: str, params: dict | None = None, what: M | str = "") -> Iterator[dict]:
        """Every object of an external object list, page by page along ``links.next``.

        ``params`` (filters) are added to the first page only: the standard makes the
        server keep them in ``links``.
        """
        seen: set[str] = set()
        page_url, page_params, page = url, params, 0
        count = 0
        while page_url:
            if page_url in seen or page >= MAX_PAGES:
                raise OParlError(M("oparl.loop", url=url))
            seen.add(page_url)
            data = self.get(page_url, page_params)
            page += 1
            if not isinstance(data.get("data"), list):
                raise OParlError(M("oparl.bad-list", url=page_url))
            objects = [item for item in data["data"] if isinstance(item, dict)]
            count += len(objects)
            yield from objects
            links = data.get("links") if isinstance(data.get("links"), dict) else {}
            pagination = data.get("pagination") if isinstance(data.get("pagination"), dict) else {}
            next_url = links.get("next") if isinstance(links.get("next"), str) else None
            if page > 1 or next_url:  # only lists longer than one page say how far they are
                total = pagination.get("totalPages")
                if isinstance(total, int) and total > 0:
                    self.progress(M("oparl.page-of", what=what, page=page, pages=total, count=count))
                else:
                    self.progress(M("oparl.page", what=what, page=page, count=count))
            page_url, page_params = next_url, None


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("roadmap")
    except PackageNotFoundError:
        return "dev"


def check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OParlError(M("oparl.bad-url", url=url))


def _reason(error) -> M:
    """Why a server could not be reached, in the user's words."""
    import requests

    text = repr(error)
    if isinstance(error, requests.exceptions.SSLError):
        return M("oparl.reason-ssl")
    if isinstance(error, requests.exceptions.Timeout) or "timed out" in text.lower():
        return M("oparl.reason-timeout")
    if "NameResolution" in text or "Name or service not known" in text or "getaddrinfo" in text:
        return M("oparl.reason-dns")
    if "refused" in text.lower():
        return M("oparl.reason-refused")
    return M("oparl.reason-other")


# ---- the object model -----------------------------------------------------------------------


def oparl_type(obj: dict) -> tuple[str, str]:
    """``("1.1", "Meeting")`` from an object's ``type``; ``("", "")`` if it has none."""
    match = TYPE.match(str(obj.get("type", "")).strip())
    return (match.group(1), match.group(2)) if match else ("", "")


def _text(obj: dict, key: str) -> str:
    value = obj.get(key)
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    short_name: str = ""
    organization_type: str = ""
    classification: str = ""
    end_date: str = ""
    meeting: object = None  # URL of the external list, a list of meetings, or None
    body_id: str = ""
    body_name: str = ""
    body_meeting: str = ""  # the Body's meeting list, if the organisation has none

    @property
    def is_gremium(self) -> bool:
        return self.organization_type.lower() in GREMIUM_TYPES

    @property
    def ended(self) -> bool:
        return bool(self.end_date) and self.end_date[:10] < dt.date.today().isoformat()

    @classmethod
    def from_json(cls, obj: dict, body: dict) -> Organization:
        return cls(id=_text(obj, "id"), name=_text(obj, "name") or _text(obj, "shortName") or _text(obj, "id"),
                   short_name=_text(obj, "shortName"), organization_type=_text(obj, "organizationType"),
                   classification=_text(obj, "classification"), end_date=_text(obj, "endDate"),
                   meeting=obj.get("meeting"), body_id=_text(body, "id"),
                   body_name=_text(body, "name") or _text(body, "shortName"),
                   body_meeting=_text(body, "meeting"))


@dataclass
class BodyInfo:
    id: str
    name: str
    organizations: list[Organization] = field(default_factory=list)


@dataclass
class SystemInfo:
    url: str
    name: str
    version: str  # "1.0" or "1.1"
    bodies: list[BodyInfo] = field(default_factory=list)

    def organizations(self) -> list[Organization]:
        return [org for body in self.bodies for org in body.organizations]


def discover(client: Client, url: str) -> SystemInfo:
    """The system at ``url`` (or a single body, if ``url`` is a Body) with its bodies and
    their organisations; deleted objects are left out."""
    root = client.get(url)
    version, kind = oparl_type(root)
    if kind == "System":
        body_list = root.get("body")
        if isinstance(body_list, str) and body_list:
            bodies = list(client.items(body_list, what=M("oparl.what-bodies")))
        elif isinstance(body_list, list):  # early 1.0 drafts listed bodies inline
            bodies = [b if isinstance(b, dict) else client.get(b) for b in body_list]
        else:
            raise OParlError(M("oparl.not-oparl", url=url, why=M("oparl.why-no-body")))
        info = SystemInfo(url, _text(root, "name") or url, version)
    elif kind == "Body":
        bodies = [root]
        info = SystemInfo(url, _text(root, "name") or url, version)
    else:
        raise OParlError(M("oparl.not-oparl", url=url, why=M("oparl.why-no-system")))
    for body in bodies:
        if body.get("deleted") is True or oparl_type(body)[1] not in ("Body", ""):
            continue
        entry = BodyInfo(_text(body, "id"), _text(body, "name") or _text(body, "shortName"))
        organization_list = body.get("organization")
        if isinstance(organization_list, str) and organization_list:
            what = M("oparl.what-organizations", body=entry.name)
            for obj in client.items(organization_list, what=what):
                if obj.get("deleted") is not True:
                    entry.organizations.append(Organization.from_json(obj, body))
        info.bodies.append(entry)
    if not info.bodies:
        raise OParlError(M("oparl.no-bodies", url=url))
    return info


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def find_organization(info: SystemInfo, wanted: str) -> Organization:
    """The organisation ``wanted`` names: its URL, its name or short name (any case), or a
    unique part of its name. Among equal names, the ones still existing win (committees
    are formed anew each Wahlperiode under the same name)."""
    organizations = info.organizations()
    by_id = [o for o in organizations if o.id and o.id.rstrip("/") == wanted.strip().rstrip("/")]
    if by_id:
        return by_id[0]
    key = _normal(wanted)
    exact = [o for o in organizations if key in (_normal(o.name), _normal(o.short_name))]
    candidates = exact or [o for o in organizations
                           if key and (key in _normal(o.name) or key in _normal(o.short_name))]
    if len(candidates) > 1:
        current = [o for o in candidates if not o.ended]
        candidates = current or candidates
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        matches = "; ".join(f"{o.name} ({o.id})" for o in candidates[:10])
        raise OParlError(M("oparl.ambiguous", name=wanted, matches=matches))
    gremien = [o for o in organizations if o.is_gremium and not o.ended] or organizations
    known = ", ".join(sorted({o.name for o in gremien}, key=str.casefold)) or "-"
    where = info.bodies[0].name if len(info.bodies) == 1 else info.name
    raise OParlError(M("oparl.unknown-organization", name=wanted, where=where, known=known))


# ---- meetings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting:
    id: str
    name: str
    start: dt.datetime | dt.date | None
    end: dt.datetime | dt.date | None = None
    location: str = ""
    web: str = ""
    state: str = ""
    cancelled: bool = False
    deleted: bool = False
    modified: dt.datetime | None = None

    @classmethod
    def from_json(cls, obj: dict) -> Meeting:
        location = obj.get("location")
        name = _text(obj, "name")
        return cls(
            id=_text(obj, "id"), name=name, start=parse_instant(obj.get("start")),
            end=parse_instant(obj.get("end")),
            location=_text(location, "description") if isinstance(location, dict) else "",
            web=_text(obj, "web"), state=_text(obj, "meetingState"),
            cancelled=obj.get("cancelled") is True or bool(CANCELLED.search(name)),
            deleted=obj.get("deleted") is True, modified=_as_datetime(parse_instant(obj.get("modified"))))


def parse_instant(value) -> dt.datetime | dt.date | None:
    """An OParl date-time (RFC 3339) in Europe/Berlin time; a bare date stays a date;
    a time without offset is taken as Berlin time; anything else is ``None``."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        text = re.sub(r"[zZ]$", "+00:00", text.replace(" ", "T", 1))
        text = re.sub(r"(\.\d{1,6})\d*", r"\1", text)  # Python 3.10 takes 1-6 digits
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=BERLIN)
    return parsed.astimezone(BERLIN)


def _as_datetime(value) -> dt.datetime | None:
    return value if isinstance(value, dt.datetime) else None


def meeting_objects(client: Client, organization: Organization, version: str,
                    since: dt.datetime | None = None) -> Iterator[dict]:
    """The raw meeting objects of ``organization``; with ``since``, only those changed
    since then (deleted ones included, OParl 1.1)."""
    params = {}
    if since is not None:
        params["modified_since"] = since.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    if version != "1.0":
        params["omit_internal"] = "true"  # no agenda items: pages a fraction of the size
    what = M("oparl.what-meetings", name=organization.name)
    ref = organization.meeting
    if isinstance(ref, str) and ref:
        yield from client.items(ref, params or None, what=what)
    elif isinstance(ref, list):
        for item in ref:
            yield item if isinstance(item, dict) else client.get(str(item))
    elif organization.body_meeting:
        for obj in client.items(organization.body_meeting, params or None, what=what):
            members = obj.get("organization")
            ids = [m if isinstance(m, str) else _text(m, "id") for m in members] if isinstance(members, list) else []
            if organization.id in ids or obj.get("deleted") is True:
                yield obj


# ---- the .ics -----------------------------------------------------------------------------------


def event_uid(meeting_id: str, organization: Organization) -> str:
    """Stable per meeting and organisation: a joint session of two requested committees
    gives one entry for each, so ``match:`` finds it under both."""
    return f"{meeting_id}#{organization.id}"


def meeting_event(meeting: Meeting, organization: Organization, stamp: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", event_uid(meeting.id, organization))
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.start)
    if meeting.end is not None and type(meeting.end) is type(meeting.start) and meeting.end > meeting.start:
        event.add("dtend", meeting.end)
    event.add("summary", organization.name)  # what `match:` of a plan looks for
    lines = [line for line in (meeting.name, meeting.state) if line]
    if lines:
        event.add("description", "\n".join(lines))
    if meeting.location:
        event.add("location", meeting.location)
    if meeting.web.startswith(("http://", "https://")):
        event.add("url", meeting.web)
    if meeting.modified is not None:
        event.add("last-modified", meeting.modified.astimezone(dt.timezone.utc))
    event.add("x-oparl-organization", organization.id)
    return event


@dataclass
class ImportResult:
    calendar: icalendar.Calendar
    organizations: list[Organization]
    events: int = 0
    cancelled: int = 0  # dropped because cancelled
    undated: int = 0  # dropped because they have no start
    changed: int = 0  # --refresh: meetings added or updated
    removed: int = 0  # --refresh: meetings deleted or cancelled since
    since: dt.datetime | None = None  # --refresh: changes since then; None: everything loaded
    first: dt.date | None = None
    last: dt.date | None = None


def berlin_timezone() -> icalendar.Timezone:
    """Europe/Berlin as a VTIMEZONE with the EU rule in force since 1996 (last Sunday of
    March and October), as Outlook writes it: short, and valid for every future year."""
    zone = icalendar.Timezone()
    zone.add("tzid", "Europe/Berlin")
    for kind, name, start, before, after, month in (
            (icalendar.TimezoneDaylight, "CEST", dt.datetime(1996, 3, 31, 2), "+0100", "+0200", 3),
            (icalendar.TimezoneStandard, "CET", dt.datetime(1996, 10, 27, 3), "+0200", "+0100", 10)):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", dt.timedelta(hours=int(before[:3])))
        part.add("tzoffsetto", dt.timedelta(hours=int(after[:3])))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def _day(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _sort_key(event) -> tuple:
    start = event.decoded("dtstart")
    moment = start.astimezone(BERLIN).replace(tzinfo=None) if isinstance(start, dt.datetime) else \
        dt.datetime.combine(start, dt.time())
    return (moment, str(event.get("summary", "")), str(event.get("uid", "")))


def previous_download(path) -> tuple[str, list[str], dt.datetime] | None:
    """``(system URL, organisation ids, retrieved)`` of an .ics this module wrote, else None."""
    try:
        cal = icalendar.Calendar.from_ical(Path(path).read_bytes())
        system = str(cal["X-OPARL-SYSTEM"])
        organizations = cal.get("X-OPARL-ORGANIZATION")
        organizations = [str(o) for o in (organizations if isinstance(organizations, list) else [organizations])]
        retrieved = dt.datetime.fromisoformat(str(cal["X-OPARL-RETRIEVED"]))
    except Exception:  # missing, unreadable, not ours: load everything
        return None
    return system, organizations, retrieved


def import_meetings(client: Client, info: SystemInfo, organizations: list[Organization],
                    refresh_from=None, now: dt.datetime | None = None) -> ImportResult:
    """The meetings of ``organizations`` as a calendar that ``sessions_ics:`` reads.

    With ``refresh_from`` (the path of an earlier download of the same organisations
    from an OParl 1.1 system), only the changes since then are loaded and merged into
    that file's events; otherwise everything is loaded.
    """
    now = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    ids = [o.id for o in organizations]
    kept: dict[str, icalendar.Event] = {}
    since = None
    if refresh_from is not None and info.version != "1.0":
        previous = previous_download(refresh_from)
        if previous and previous[0] == info.url and sorted(previous[1]) == sorted(ids):
            since = previous[2] - CLOCK_SKEW
            old = icalendar.Calendar.from_ical(Path(refresh_from).read_bytes())
            kept = {str(e["UID"]): e for e in old.walk("VEVENT")}
    result = ImportResult(calendar=icalendar.Calendar(), organizations=organizations, since=since)
    for organization in organizations:
        client.progress(M("oparl.loading", name=organization.name))
        for obj in meeting_objects(client, organization, info.version, since):
            meeting = Meeting.from_json(obj)
            if not meeting.id:
                continue
            uid = event_uid(meeting.id, organization)
            if meeting.deleted or meeting.cancelled or meeting.start is None:
                if uid in kept:
                    del kept[uid]
                    result.removed += 1
                elif not meeting.deleted:
                    if meeting.cancelled:
                        result.cancelled += 1
                    else:
                        result.undated += 1
                continue
            kept[uid] = meeting_event(meeting, organization, now)
            result.changed += 1
    cal = result.calendar
    cal.add("prodid", "-//roadmap//OParl-Import//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", ", ".join(o.name for o in organizations))
    cal.add("x-wr-timezone", "Europe/Berlin")
    cal.add("x-oparl-system", info.url)
    for organization_id in ids:
        cal.add("x-oparl-organization", organization_id)
    cal.add("x-oparl-retrieved", now.isoformat())
    events = sorted(kept.values(), key=_sort_key)
    if any(isinstance(e.decoded("dtstart"), dt.datetime) for e in events):
        cal.add_component(berlin_timezone())  # before the events, where readers look first
    for event in events:
        cal.add_component(event)
    days = [_day(e.decoded("dtstart")) for e in cal.walk("VEVENT")]
    result.events = len(days)
    if days:
        result.first, result.last = min(days), max(days)
    return result
