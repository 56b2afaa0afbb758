"""Council meetings as OParl serves them: :class:`Meeting` from its JSON,
:func:`parse_instant` (RFC 3339 in Europe/Berlin time, :data:`BERLIN`) and
:func:`meeting_objects`, the raw meetings of one organisation (only the changes since a
moment, with OParl 1.1's ``modified_since``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator
from zoneinfo import ZoneInfo

from roadmap.exchange.oparl.http import Client
from roadmap.exchange.oparl.model import Organization, _text
from roadmap.plan.sessions_ics import CANCELLED
from roadmap.text.messages import Message as M

BERLIN = ZoneInfo("Europe/Berlin")


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
