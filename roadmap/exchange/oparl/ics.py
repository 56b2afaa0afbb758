"""The meetings as an .ics that ``sessions_ics:`` reads: :func:`event_uid`,
:func:`meeting_event`, the Europe/Berlin VTIMEZONE (:func:`berlin_timezone`),
:func:`previous_download` and :func:`import_meetings` with its :class:`ImportResult`,
including ``--refresh`` (changes since the last download minus :data:`CLOCK_SKEW`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import icalendar

from roadmap.exchange.oparl.http import Client
from roadmap.exchange.oparl.meetings import BERLIN, Meeting, meeting_objects
from roadmap.exchange.oparl.model import Organization, SystemInfo
from roadmap.text.messages import Message as M

#: ``--refresh`` asks for changes since the last download minus this, for clock skew.
CLOCK_SKEW = dt.timedelta(minutes=10)


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
