"""The MSPDI project calendar ("Standard"): the plan's weekend, and the Land's public
holidays and the plan's closures as exceptions; plus the working days the task writer
counts with."""
from __future__ import annotations

import datetime as dt

from roadmap.engine.result import Schedule
from roadmap.exchange.mspdi.xmlwriter import XmlWriter, stamp
from roadmap.text import t


class WorkingDays:
    """Working days of the schedule's calendar (weekend, public holidays, closures)."""

    def __init__(self, schedule: Schedule, holidays):
        self.weekend = set(schedule.weekend)
        self.off = {h.date for h in holidays}
        for closure in schedule.closures:
            day = closure.start
            while day <= closure.end:
                self.off.add(day)
                day += dt.timedelta(days=1)

    def working(self, day: dt.date) -> bool:
        return day.weekday() not in self.weekend and day not in self.off

    def next_working(self, day: dt.date) -> dt.date:
        for _ in range(3700):
            if self.working(day):
                return day
            day += dt.timedelta(days=1)
        return day

    def count(self, first: dt.date, last: dt.date) -> int:
        """Working days from ``first`` to ``last``, both included."""
        days, day = 0, first
        while day <= last:
            days += self.working(day)
            day += dt.timedelta(days=1)
        return days


def exception_spans(schedule: Schedule, holidays, language: str) -> list[list]:
    """``[first, last, name]`` of every day off that is not a weekend, as exceptions that
    do not overlap (MS Project refuses overlapping exceptions): a holiday inside a closure
    is left to the closure, overlapping closures are merged."""
    spans: list[list] = []
    for closure in sorted(schedule.closures, key=lambda w: (w.start, w.end)):
        name = closure.name or t("mspdi.closure", language)
        if spans and closure.start <= spans[-1][1] + dt.timedelta(days=1):
            spans[-1][1] = max(spans[-1][1], closure.end)
            if name not in spans[-1][2]:
                spans[-1][2] += f" / {name}"
        else:
            spans.append([closure.start, closure.end, name])
    for holiday in holidays:
        if not any(first <= holiday.date <= last for first, last, _ in spans):
            spans.append([holiday.date, holiday.date, holiday.name])
    spans.sort(key=lambda s: s[0])
    return spans


def write_calendar(x: XmlWriter, schedule: Schedule, holidays, language: str) -> None:
    """``<Calendars>`` with the one base calendar (UID 1) the project and its tasks use."""
    spans = exception_spans(schedule, holidays, language)
    x.open("Calendars")
    x.open("Calendar")
    x.leaf("UID", 1)
    x.leaf("Name", t("mspdi.calendar", language, state=schedule.project.state))
    x.leaf("IsBaseCalendar", 1)
    x.leaf("IsBaselineCalendar", 0)
    x.leaf("BaseCalendarUID", -1)
    x.open("WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday ... 7 = Saturday
        weekday = (day_type + 5) % 7  # Python: Monday = 0
        x.open("WeekDay")
        x.leaf("DayType", day_type)
        working = weekday not in schedule.weekend
        x.leaf("DayWorking", working)
        if working:
            x.open("WorkingTimes")
            for start, end in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                x.open("WorkingTime")
                x.leaf("FromTime", start)
                x.leaf("ToTime", end)
                x.close("WorkingTime")
            x.close("WorkingTimes")
        x.close("WeekDay")
    for first, last, _ in spans:  # the same exceptions as MS Project 2003 reads them
        x.open("WeekDay")
        x.leaf("DayType", 0)
        x.leaf("DayWorking", 0)
        _period(x, first, last)
        x.close("WeekDay")
    x.close("WeekDays")
    x.open("Exceptions")
    for first, last, name in spans:
        x.open("Exception")
        x.leaf("EnteredByOccurrences", 0)
        _period(x, first, last)
        x.leaves((("Occurrences", 1), ("Name", name), ("Type", 1), ("DayWorking", 0)))
        x.close("Exception")
    x.close("Exceptions")
    x.close("Calendar")
    x.close("Calendars")


def _period(x: XmlWriter, first: dt.date, last: dt.date) -> None:
    x.open("TimePeriod")
    x.leaf("FromDate", stamp(first, dt.time(0, 0)))
    x.leaf("ToDate", stamp(last, dt.time(23, 59, 59)))
    x.close("TimePeriod")
