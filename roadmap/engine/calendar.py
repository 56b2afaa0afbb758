"""The working-day calendar as numpy day indices.

Calendar day ``c`` is ``origin + c days``. Working day ``p`` is the p-th working day from
the origin. Two arrays make all working-day arithmetic a lookup instead of a loop:

* ``wd[p]``: the calendar day of working day ``p``;
* ``nw[c]``: the index of the first working day on or after calendar day ``c``.

The scheduler works with *instants* ``2c`` (opening of day c) and ``2c + 1`` (closing),
which keeps real-time order as integer order.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays
import numpy as np

from roadmap.plan.diagnostics import Diagnostic
from roadmap.plan.model import CalendarSpec, Plan
from roadmap.engine.result import Holiday, Window
from roadmap.text.messages import Message

#: Years searched for the end of the ``holidays`` package's school-holiday data.
SCHOOL_DATA_YEARS = range(2020, 2081)
SHOWN_IDS = 5


@lru_cache(maxsize=32)
def public_holidays(state: str, first_year: int, last_year: int) -> tuple[Holiday, ...]:
    """The Land's public holidays (``holidays`` package, category public), German names."""
    found = holidays.Germany(subdiv=state, years=range(first_year, last_year + 1),
                             categories=("public",), language="de")
    return tuple(Holiday(day, name) for day, name in sorted(found.items()))


@lru_cache(maxsize=32)
def school_holidays(state: str, first_year: int, last_year: int) -> tuple[Window, ...]:
    """The Land's school holidays as windows of consecutive days (``holidays``, category school).

    The package lists each day; consecutive days are merged into one window, so Christmas
    holidays running into January stay one window.
    """
    found = holidays.Germany(subdiv=state, years=range(first_year - 1, last_year + 1),
                             categories=("school",), language="de")
    windows: list[Window] = []
    for day, name in sorted(found.items()):
        if windows and windows[-1].end + dt.timedelta(days=1) == day:
            windows[-1] = Window(windows[-1].start, day, windows[-1].name)
        else:
            windows.append(Window(day, day, name))
    last = dt.date(last_year, 12, 31)
    first = dt.date(first_year, 1, 1)
    return tuple(w for w in windows if w.end >= first and w.start <= last)


@dataclass
class WorkCalendar:
    origin: dt.date
    working: np.ndarray  # bool per calendar day
    wd: np.ndarray  # calendar day of working day p
    nw: np.ndarray  # first working day index on or after calendar day c (len = days + 1)
    holidays: tuple[Holiday, ...]
    school_windows: tuple[Window, ...]
    closures: tuple[Window, ...]
    weekend: tuple[int, ...]

    @property
    def days(self) -> int:
        return len(self.working)

    def index(self, day: dt.date) -> int:
        return (day - self.origin).days

    def date(self, index: int) -> dt.date:
        return self.origin + dt.timedelta(days=int(index))

    def dates(self, indices: np.ndarray) -> list[dt.date]:
        base = np.datetime64(self.origin, "D")
        return (base + np.asarray(indices, dtype="timedelta64[D]")).astype(dt.date).tolist()

    def is_working(self, day: dt.date) -> bool:
        return bool(self.working[self.index(day)])

    def school_window_arrays(self) -> tuple[list[int], list[int]]:
        """Start and end day indices of the school-holiday windows, sorted."""
        return ([self.index(w.start) for w in self.school_windows],
                [self.index(w.end) for w in self.school_windows])

    def window_at_or_after(self, day_index: int) -> int:
        ends = [self.index(w.end) for w in self.school_windows]
        return bisect.bisect_left(ends, day_index)


def build_calendar(spec: CalendarSpec, state: str, first: dt.date, last: dt.date) -> WorkCalendar:
    """A calendar covering ``first`` .. ``last`` (both included)."""
    days = (last - first).days + 1
    weekday0 = first.weekday()
    weekdays = (np.arange(days) + weekday0) % 7
    working = ~np.isin(weekdays, np.array(spec.weekend, dtype=int))
    public = public_holidays(state, first.year, last.year) if spec.public_holidays else ()
    for holiday in public:
        index = (holiday.date - first).days
        if 0 <= index < days:
            working[index] = False
    closures = tuple(Window(c.start, c.end, c.name) for c in spec.closures) + yearly_windows(spec, first, last)
    for closure in closures:
        lo = max((closure.start - first).days, 0)
        hi = min((closure.end - first).days, days - 1)
        if lo <= hi:
            working[lo:hi + 1] = False
    wd = np.flatnonzero(working).astype(np.int64)
    # nw[c] = number of working days before c = index of the first working day >= c
    nw = np.concatenate(([0], np.cumsum(working))).astype(np.int64)
    schools = school_holidays(state, first.year, last.year) if spec.school_holidays else ()
    return WorkCalendar(first, working, wd, nw, public, schools, closures, spec.weekend)


def yearly_windows(spec: CalendarSpec, first: dt.date, last: dt.date) -> tuple[Window, ...]:
    """``yearly_closures`` as one window per year from ``first`` to ``last`` (sorted); a
    closure whose ``from`` lies after its ``to`` runs into the next year (24.12. to 01.01.)."""
    found = []
    for closure in spec.yearly_closures:
        for year in range(first.year - 1, last.year + 1):
            start = _month_day(year, closure.start)
            end = _month_day(year + (closure.start > closure.end), closure.end)
            if end >= first and start <= last:
                found.append(Window(start, end, closure.name))
    return tuple(sorted(found, key=lambda w: (w.start, w.end)))


def _month_day(year: int, month_day: tuple[int, int]) -> dt.date:
    month, day = month_day
    return dt.date(year, month, day if (month, day) != (2, 29) or year % 4 == 0 and (
        year % 100 != 0 or year % 400 == 0) else 28)


@lru_cache(maxsize=32)
def school_data_end(state: str) -> dt.date | None:
    """The last day of the Land's school holidays the ``holidays`` package knows: after it,
    ``avoid: school_holidays`` has nothing to avoid (NW: 14.08.2029 with holidays 0.109)."""
    found = holidays.Germany(subdiv=state, years=SCHOOL_DATA_YEARS, categories=("school",))
    return max(found) if found else None


def school_data_warnings(plan: Plan, rows) -> list[Diagnostic]:
    """One warning per plan when packages that avoid school holidays reach past the end of
    the school-holiday data (``rows``: the scheduled packages, with ``id``, ``avoid`` and
    ``finish``), at the line of the first of them, naming a few."""
    rows = [row for row in rows if "school_holidays" in (row.avoid or ())]
    if not rows or not plan.calendar.school_holidays:
        return []
    end = school_data_end(plan.project.state)
    late = [row for row in rows if end is None or row.finish > end]
    if not late:
        return []
    lines = {p.id: p.line for p in plan.packages}
    ids = ", ".join(f"'{row.id}'" for row in late[:SHOWN_IDS]) + (", …" if len(late) > SHOWN_IDS else "")
    count = Message(f"count.package.{'one' if len(late) == 1 else 'other'}", n=len(late))
    return [Diagnostic("warning", "school-holidays-end", Message(
        "school-holidays-end", state=plan.project.state, end=end or plan.project.start, packages=count, ids=ids),
        plan.path, lines.get(late[0].id, 1))]
