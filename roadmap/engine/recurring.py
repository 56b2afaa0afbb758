"""Recurring packages (``repeat``, contract section 11): their occurrences.

A recurring package is no predecessor of anything (the plan reader refuses that), so the
passes place it like any package, and its occurrences are laid out afterwards from where
the passes put it: they never move other work.

- ``every: 6w``: occurrence 1 where the package starts, each further one ``every`` later
  (working days, or calendar days for ``6ew``), as long as the package itself.
- ``sessions: B``: one instant per session of body B, from the first session that leaves
  B's lead time after the package's earliest finish (the report is written first).
- ``until: P`` (up to P's finish date), ``until: <date>``, or ``count: N``.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from roadmap.engine.calendar import WorkCalendar
from roadmap.engine.timeaxis import Lag, Span, TimeAxis
from roadmap.plan.model import Package

MAX_OCCURRENCES = 1000
END_GUARD_DAYS = 14  # no occurrence this close to the calendar's end (its lookups clip)

Occurrences = tuple[tuple[dt.date, dt.date], ...]


def lay_out(packages: list[Package], cal: WorkCalendar, early, early_start, early_finish, sessions,
            leads, recurring: list[int] | None = None) -> dict[int, Occurrences]:
    """Package index -> its occurrences, for the recurring packages among ``packages``.

    ``early``, ``early_start``, ``early_finish``: the passes' arrays (variables, instants);
    ``sessions``: body -> its session days (day indices); ``leads``: body -> forward lag;
    ``recurring``: the indices of the packages with ``repeat``, when known (the plan's
    columns: no scan of every package).
    """
    if recurring is None:
        recurring = [i for i, p in enumerate(packages) if p.repeat is not None]
    if not recurring:
        return {}
    time = TimeAxis(cal)
    finish_day = {p.id: int(early_finish[i]) // 2 for i, p in enumerate(packages)}
    found = {}
    for i in recurring:
        p = packages[i]
        repeat = p.repeat
        if repeat.until is not None:
            last = finish_day.get(repeat.until)
            last = int(early_finish.max()) // 2 if last is None else last
        elif repeat.until_date is not None:
            last = cal.index(repeat.until_date)
        else:
            last = None
        limit = min(repeat.count or MAX_OCCURRENCES, MAX_OCCURRENCES)
        if repeat.sessions is not None:
            found[i] = _at_sessions(int(early_finish[i]), sessions[repeat.sessions], leads[repeat.sessions],
                                    last, limit, time, cal)
        else:
            found[i] = _every(p, int(early[i]), int(early_start[i]), last, limit, time, cal)
    return found


def _at_sessions(ready: int, days: np.ndarray, lead: Lag, last, limit: int, time: TimeAxis,
                 cal: WorkCalendar) -> Occurrences:
    x = int(time.add_lag(np.array([ready]), lead)[0])
    k = int(np.searchsorted(days, (x + 1) // 2, side="left"))
    chosen = days[k:k + limit]
    if last is not None:
        chosen = chosen[chosen <= last]
    return tuple((day, day) for day in cal.dates(chosen))


def _every(p: Package, var: int, start: int, last, limit: int, time: TimeAxis,
           cal: WorkCalendar) -> Occurrences:
    every = p.repeat.every
    instant = p.kind != "task" or p.duration is None or p.duration.days == 0
    dur = p.duration.days if p.duration and not instant else 0
    span = Span.of([instant], [dur], [bool(p.duration and p.duration.elapsed)])
    # step on the first occurrence's day: every 2w is the same weekday two weeks later
    # (later when a holiday is in between), as a working-day or calendar-day count
    steps = np.arange(limit, dtype=np.int64) * every.days
    first_day = start // 2
    if every.elapsed:
        days = time.nw(first_day + steps)
    else:
        days = time.nw(first_day) + steps
    days[0] = time.nw(first_day)
    if instant:
        starts = 2 * time.wd(days) + start % 2
        starts[0] = start
        finishes = starts
    else:
        # occurrence 1 starts where the package starts: for a started package that is its
        # actual start, not the remaining work's position after the status date (``var``)
        starts = time.start_instant(days, np.zeros(limit, dtype=bool))
        finishes = time.finish_instant(days, Span(*(np.repeat(part, limit) for part in span)))
    first, stop = starts // 2, finishes // 2
    keep = stop < cal.days - END_GUARD_DAYS
    if last is not None:
        keep &= first <= last
    keep[0] = True  # occurrence 1 is where the package is
    keep = np.logical_and.accumulate(keep)
    return tuple(zip(cal.dates(first[keep]), cal.dates(stop[keep])))
