"""The calendar of an MSPDI file as a plan's calendar: the weekend, the Land whose public
holidays the exceptions are, and the other exceptions as closures.

The project calendar (or the first base calendar) and the calendars it derives from are
read base first; a derived calendar's week days and exceptions win. Exceptions of type 1
(a date span) and 2 (yearly on a month day) are taken; working exceptions (a working
Saturday), other recurring exceptions and working days of another length cannot be
said in a plan and are reported.
"""
from __future__ import annotations

import datetime as dt
import re

import holidays as holidays_package

from roadmap.exchange.mspdi.parse import Node, parse_stamp, to_int
from roadmap.exchange.mspdi.warnings import Warnings
from roadmap.text import format_date

STATES = sorted(code for code in holidays_package.Germany.subdivisions if len(code) == 2)
MAX_LISTED = 5  # dates listed in one warning

Span = tuple[dt.date, dt.date, str]  # first and last day off, the exception's name


def read_calendar(root: Node, minutes_per_day: int, warn: Warnings) -> tuple[tuple[int, ...], list[Span], str]:
    """Weekend (Monday = 0), non-working exception spans, the calendar's name."""
    calendars = {c.get("UID"): c for c in root.within("Calendars", "Calendar")}
    chosen = calendars.get(root.get("CalendarUID")) or next(
        (c for c in calendars.values() if c.get("IsBaseCalendar") == "1"), None)
    if chosen is None:
        return (5, 6), [], ""
    chain = [chosen]
    base = calendars.get(chosen.get("BaseCalendarUID"))
    while base is not None and base not in chain and len(chain) < 5:
        chain.append(base)
        base = calendars.get(base.get("BaseCalendarUID"))
    working: dict[int, bool] = {}
    spans: list[Span] = []
    partial = False
    for calendar in reversed(chain):  # the base first, the derived calendar wins
        legacy = []
        for day in calendar.within("WeekDays", "WeekDay"):
            day_type = to_int(day.get("DayType"), -1)
            if 1 <= day_type <= 7:
                weekday = (day_type + 5) % 7
                working[weekday] = day.get("DayWorking") == "1"
                if working[weekday] and _minutes(day) not in (None, minutes_per_day):
                    partial = True
            elif day_type == 0:
                legacy.append(day)
        exceptions = calendar.within("Exceptions", "Exception")
        for exception in exceptions or legacy:
            spans.extend(_exception(exception, warn))
    if partial:
        warn("mspdi.warn.partial-days", minutes=minutes_per_day // 60)
    weekend = tuple(sorted(d for d in range(7) if not working.get(d, d < 5)))
    if len(weekend) == 7:
        weekend = (5, 6)
    return weekend, spans, chosen.get("Name")


def _minutes(day: Node) -> int | None:
    times = day.find("WorkingTimes")
    if times is None:
        return None
    total = 0
    for period in times.findall("WorkingTime"):
        try:
            start = dt.time.fromisoformat(period.get("FromTime"))
            end = dt.time.fromisoformat(period.get("ToTime"))
        except ValueError:
            continue
        end_minutes = 1440 if end == dt.time(0, 0) else end.hour * 60 + end.minute
        total += end_minutes - (start.hour * 60 + start.minute)
    return total


def _exception(node: Node, warn: Warnings) -> list[Span]:
    period = node.find("TimePeriod")
    name = node.get("Name")
    first = parse_stamp(period.get("FromDate")) if period is not None else None
    last = parse_stamp(period.get("ToDate")) if period is not None else None
    if first is None or last is None:
        return []
    first_day, last_day = first.date(), last.date()
    if last.time() == dt.time(0, 0) and last_day > first_day:
        last_day -= dt.timedelta(days=1)  # an exclusive midnight end
    if node.get("DayWorking") == "1":
        warn("mspdi.warn.working-exception", name=name or first_day.isoformat())
        return []
    kind = to_int(node.get("Type"), 1)
    if kind == 1 and to_int(node.get("Period"), 1) <= 1:
        return [(first_day, last_day, name)]
    if kind == 2:  # yearly on a month day
        month, month_day = to_int(node.get("Month"), -1) + 1, to_int(node.get("MonthDay"))
        found = []
        for year in range(first_day.year, last_day.year + 1):
            try:
                day = dt.date(year, month, month_day)
            except ValueError:
                continue
            if first_day <= day <= last_day:
                found.append((day, day, name))
        return found
    warn("mspdi.warn.recurring-exception", name=name or first_day.isoformat())
    return []


def choose_state(spans: list[Span], calendar_name: str, years: range, requested: str | None,
                 warn: Warnings) -> str:
    """The Land whose public holidays the file's exceptions match best (``requested``
    if given)."""
    off = {first + dt.timedelta(days=k) for first, last, _ in spans
           for k in range((last - first).days + 1)}
    if requested:
        return requested
    hint = next((code for code in re.findall(r"\b([A-Z]{2})\b", calendar_name or "")
                 if code in STATES), None)
    if not off:
        warn("mspdi.warn.no-holidays", state=hint or "NW")
        return hint or "NW"
    first, last = min(off), max(off)
    scores = []
    for code in STATES:
        public = {day for day in holidays_package.Germany(subdiv=code, years=years, categories=("public",))
                  if first <= day <= last}
        scores.append((len(public & off) - len(public - off), code == hint, code == "NW", code))
    return max(scores)[3]


def closures(spans: list[Span], state: str, weekend, years: range, project_start: dt.date,
             warn: Warnings, language: str) -> list[Span]:
    """The exceptions that are not the Land's public holidays (or weekends): the plan's
    closures. A public holiday the file works on is reported (the plan keeps it off)."""
    public = holidays_package.Germany(subdiv=state, years=years, categories=("public",), language="de")
    found = []
    off_days = set()
    for first, last_day, name in spans:
        days = [first + dt.timedelta(days=k) for k in range((last_day - first).days + 1)]
        off_days.update(days)
        if all(day in public or day.weekday() in weekend for day in days):
            continue
        found.append((first, last_day, name))
    if spans:
        first_off, last_off = min(s[0] for s in spans), max(s[1] for s in spans)
        missing = sorted(day for day in public if first_off <= day <= last_off and day not in off_days
                         and day.weekday() not in weekend and project_start <= day)
        if missing:
            warn("mspdi.warn.holiday-working", state=state, count=len(missing),
                 dates=", ".join(format_date(d, language) for d in missing[:MAX_LISTED])
                 + (" …" if len(missing) > MAX_LISTED else ""))
    return found
