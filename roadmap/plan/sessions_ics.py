"""Council session dates from iCalendar files exported by council information systems.

ALLRIS, SessionNet and others export a body's sessions (or all bodies' sessions) as .ics.
Real exports have quirks: a VTIMEZONE without sub-components, DTEND at midnight for
planned sessions, date-only DTSTART, and cancelled sessions that stay in the file with
STATUS:CANCELLED or a summary such as "Rat der Stadt - entfällt".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from roadmap.text.messages import Message as M

BERLIN = ZoneInfo("Europe/Berlin")

#: Words in a SUMMARY that mean the session will not take place.
CANCELLED = re.compile(
    r"entf[äa]llt|entfaellt|abgesagt|f[äa]llt\s+aus|ausgefallen|\bcancell?ed\b|\babgesetzt\b",
    re.IGNORECASE,
)


class SessionFileError(ValueError):
    """An .ics file that cannot be read at all; the message is a catalog message."""


@dataclass
class SessionList:
    dates: list[dt.date] = field(default_factory=list)  # sorted, unique
    cancelled: list[dt.date] = field(default_factory=list)
    events: int = 0  # events matching the body, cancelled ones included


def session_day(value) -> dt.date:
    """The calendar day a DTSTART falls on in Europe/Berlin time."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # floating time: local time of the council
            return value.date()
        return value.astimezone(BERLIN).date()
    if isinstance(value, dt.date):
        return value
    raise SessionFileError(M("ics.dtstart", value=value))


def compile_match(pattern: str) -> re.Pattern:
    """``match`` is a regular expression, or a plain substring if it is not valid as one."""
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error:
        return re.compile(re.escape(pattern), re.IGNORECASE)


def read_sessions(path: str | Path, match: str | None = None) -> SessionList:
    """Read session dates from an .ics file; ``match`` picks one body by its SUMMARY."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise SessionFileError(M("ics.unreadable", path=path, reason=error.strerror or error)) from None
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as error:  # icalendar raises ValueError, KeyError, ... on broken files
        raise SessionFileError(M("ics.invalid", path=path, error=error)) from None
    wanted = compile_match(match) if match else None
    result = SessionList()
    dates, cancelled = set(), set()
    for event in calendar.walk("VEVENT"):
        summary = str(event.get("SUMMARY", ""))
        if wanted and not wanted.search(summary):
            continue
        start = event.get("DTSTART")
        if start is None:
            continue
        try:
            day = session_day(start.dt)
        except (SessionFileError, AttributeError):
            continue
        result.events += 1
        status = str(event.get("STATUS", "")).upper()
        if status == "CANCELLED" or CANCELLED.search(summary):
            cancelled.add(day)
        else:
            dates.add(day)
    result.dates = sorted(dates)
    # A session cancelled and held on the same day (a rescheduled entry) counts as held.
    result.cancelled = sorted(cancelled - dates)
    return result
