"""Recurring council sessions: RRULE, RDATE, EXDATE and RECURRENCE-ID, expanded by
``recurring-ical-events`` (made for exactly this, on top of ``icalendar``).

Only the events of a series come here (:mod:`roadmap.plan.ics_lines` reads the others).
A series is expanded within a window around the project (one year before its start to
twenty years after), and the expansion is bounded: rules that repeat more often than
daily are skipped, and after :data:`MAX_OCCURRENCES` sessions or :data:`MAX_SECONDS`
the remaining series are left out with a warning. A series that cannot be read is
skipped with a warning naming it, never the whole file.
"""
from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field

from roadmap.plan.ics_lines import Event

MAX_OCCURRENCES = 20_000
MAX_SECONDS = 3.0
_FREQUENT = re.compile(r"FREQ\s*=\s*(SECONDLY|MINUTELY|HOURLY)|BY(HOUR|MINUTE|SECOND)\s*=\s*[^;]*,", re.I)


@dataclass
class Occurrence:
    start: object  # DTSTART value: date or datetime
    summary: str
    status: str


@dataclass
class Expansion:
    occurrences: list = field(default_factory=list)
    broken: list = field(default_factory=list)  # (event, reason key: "series" | "frequent", rule)
    left_out: int = 0  # series not read because a limit was reached
    limit: str = ""  # "sessions" | "time"


def split(events: list[Event]) -> tuple[list[list[Event]], list[Event]]:
    """The series (a recurring event with the events sharing its UID, such as moved
    occurrences) and the single events, in file order."""
    recurring = {event.uid for event in events if event.recurring}
    series: dict[str, list[Event]] = {}
    single, alone = [], []
    for event in events:
        if event.uid and event.uid in recurring:
            series.setdefault(event.uid, []).append(event)
        elif event.recurring:
            alone.append([event])
        else:
            single.append(event)
    return list(series.values()) + alone, single


def expand(series: list[list[Event]], timezones: list[list[str]], window: tuple[dt.date, dt.date]) -> Expansion:
    """The occurrences of every series within ``window``."""
    result = Expansion()
    readable = []
    for group in series:
        rule = next((e.props["RRULE"][1] for e in group if "RRULE" in e.props), "")
        if _FREQUENT.search(rule):
            result.broken.append((group[0], "frequent", rule.strip()[:60]))
        else:
            readable.append(group)
    if not readable:
        return result
    import icalendar  # only files with series pay for these imports
    import recurring_ical_events

    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//roadmap//sessions//DE"]
                       + [line for zone in timezones for line in zone]
                       + [line for group in readable for event in group for line in event.text_lines]
                       + ["END:VCALENDAR"])
    try:
        components = icalendar.Calendar.from_ical(text).walk("VEVENT")
    except Exception:  # noqa: BLE001 - icalendar raises many kinds on broken input
        result.broken.extend((group[0], "series", "") for group in readable)
        return result
    if len(components) != sum(len(group) for group in readable):
        result.broken.extend((group[0], "series", "") for group in readable)
        return result
    began = time.monotonic()
    position = 0
    for index, group in enumerate(readable):
        parts = components[position:position + len(group)]
        position += len(group)
        if len(result.occurrences) > MAX_OCCURRENCES or time.monotonic() - began > MAX_SECONDS:
            result.left_out = len(readable) - index
            result.limit = "sessions" if len(result.occurrences) > MAX_OCCURRENCES else "time"
            break
        if any(getattr(part, "errors", None) for part in parts):
            result.broken.append((group[0], "series", ""))
            continue
        calendar = icalendar.Calendar()
        for part in parts:
            calendar.add_component(part)
        try:
            found = recurring_ical_events.of(calendar).between(*window)
            occurrences = [Occurrence(o["DTSTART"].dt, str(o.get("SUMMARY", "")), str(o.get("STATUS", "")))
                           for o in found]
        except Exception:  # noqa: BLE001 - a broken rule, date or time zone in this series
            result.broken.append((group[0], "series", ""))
            continue
        result.occurrences.extend(occurrences)
    return result
