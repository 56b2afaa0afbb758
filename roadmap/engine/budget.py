"""The budget calendar (``funds: budget``, contract section 11) and notice periods
(``ends_at``): the two bounds of municipal procedures that the passes apply per package.

A package with ``funds: budget`` starts no earlier than the in-force date of the first
budget year Y whose bid deadline (the Kämmerei's Anmeldefrist, in year Y-1) is on or after
the finish of all its predecessors (the project start when it has none): money applied for
after the deadline waits a year longer.

A task with ``ends_at: month_end | quarter_end`` finishes on the last working day of the
calendar month / quarter in which its nominal finish lies (a notice period), so a
successor starts on the first working day of the next month / quarter.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from roadmap.engine.calendar import WorkCalendar
from roadmap.plan.model import Budget


def money_from(budget: Budget, ready: dt.date) -> dt.date:
    """The in-force date of the first budget year whose bid deadline is on or after ``ready``."""
    year = ready.year + 1 if budget.bid_date(ready.year) >= ready else ready.year + 2
    return budget.in_force_date(year)


def budget_bound(budget: Budget, ready_day: int, instant: bool, cal: WorkCalendar) -> int:
    """The lower bound on a package's variable: the first working day from the money's date."""
    day = cal.index(money_from(budget, cal.date(ready_day)))
    first = int(cal.nw.take(max(day, 0), mode="clip"))
    return 2 * int(cal.wd.take(first, mode="clip")) if instant else first


def _period(day: dt.date, kind: str) -> tuple[dt.date, dt.date]:
    """First and last day of the month or quarter ``day`` lies in."""
    month = day.month if kind == "month_end" else 3 * ((day.month - 1) // 3) + 1
    last_month = month if kind == "month_end" else month + 2
    first = dt.date(day.year, month, 1)
    following = dt.date(day.year + (last_month == 12), last_month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def _last_working_closing(day: dt.date, cal: WorkCalendar) -> int:
    """The closing of the last working day on or before ``day``."""
    p = int(cal.nw.take(cal.index(day) + 1, mode="clip")) - 1
    return 2 * int(cal.wd.take(max(p, 0), mode="clip")) + 1


def period_finish(finish: int, kind: str, cal: WorkCalendar) -> int:
    """A finish instant moved to the closing of its period's last working day."""
    _, last = _period(cal.date(finish // 2), kind)
    return max(finish, _last_working_closing(last, cal))


def period_latest(limit: int, kind: str, cal: WorkCalendar) -> int:
    """The latest nominal finish whose period finish is at or before ``limit``."""
    if period_finish(limit, kind, cal) <= limit:
        return limit
    first, _ = _period(cal.date(limit // 2), kind)
    return _last_working_closing(first - dt.timedelta(days=1), cal)


def period_finishes(finish: np.ndarray, nodes, kinds, cal: WorkCalendar) -> None:
    """:func:`period_finish` for ``nodes`` of ``finish``, in place."""
    for i in nodes:
        finish[i] = period_finish(int(finish[i]), kinds[i], cal)
