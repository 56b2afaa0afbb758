"""Schedule a plan: the entry point that runs the engine's steps in order.

:func:`schedule` builds a working-day calendar wide enough for the plan
(:mod:`~roadmap.engine.calendar`), turns the plan into arrays and levels
(:func:`~roadmap.engine.network.build_network`), runs the forward and backward passes
(:func:`~roadmap.engine.passes.solve`) and assembles the :class:`Schedule`
(:func:`~roadmap.engine.assemble.assemble`). The passes clip their calendar lookups instead
of checking bounds, so when a schedule comes near the calendar's end it is run again on a
longer calendar.

``build_network``, ``solve`` and the calendar span constants are importable from here as
well: the benchmark (bench/bench_schedule.py) times the steps one by one.
"""
from __future__ import annotations

import datetime as dt
import gc
from dataclasses import replace

import numpy as np

from roadmap.engine import progress
from roadmap.engine.assemble import assemble
from roadmap.engine.calendar import build_calendar, school_data_warnings
from roadmap.engine.network import Network, build_network
from roadmap.engine.passes import Solution, solve
from roadmap.engine.result import Schedule
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.plan.fields import LATEST
from roadmap.plan.columns import columns_for
from roadmap.plan.loader import active_packages
from roadmap.plan.model import Plan
from roadmap.text.messages import Message

__all__ = ["HORIZON_YEARS", "LAST_YEAR", "MARGIN_DAYS", "Network", "Solution", "active_packages",
           "build_calendar", "build_network", "schedule", "solve"]

MARGIN_DAYS = 3 * 366  # calendar kept before the start, for negative float and lags
EDGE_DAYS = 62  # calendar kept before the earliest deadline or actual date
HORIZON_YEARS = 4
LAST_YEAR = 2400  # the calendar is never built beyond this


def schedule(plan: Plan, status_date: dt.date | None = None, level: bool | None = None) -> Schedule:
    """Schedule ``plan``; raises :class:`PlanError` when a decision finds no session.

    ``level`` (default: the plan's ``project.level``) delays tasks so that no role is over
    its capacity (:mod:`roadmap.engine.capacity`); without it, over-allocations are
    reported as warnings. Plans without ``needs`` never load the levelling.
    """
    if level is not None and level != plan.project.level:
        plan = replace(plan, project=replace(plan.project, level=level))
    # Large plans create many small objects that are never cyclic garbage; pausing the
    # collector while they are built saves about a third of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _schedule(plan, status_date)
    finally:
        if collecting:
            gc.enable()


def _schedule(plan: Plan, status_date: dt.date | None) -> Schedule:
    packages = active_packages(plan)
    # which packages have a deadline, not_before, repeat, progress ...: read from the plan's
    # columns, so that a plan without those keys pays nothing for them (at 100,000 packages
    # each scan over the objects cost 20-40 ms)
    columns = columns_for(plan, packages)
    status, tracking, warnings = _status(plan, packages, status_date, columns)
    uses_capacity = bool(plan.roles) and any(p.needs for p in packages)
    deadlines = [packages[i].deadline for i in columns.deadline]
    repeats = [packages[i].repeat for i in columns.repeat]
    # The calendar reaches back three years before the start (negative float and lags),
    # and further when a deadline or an actual date lies earlier still.
    early = deadlines + (progress.actual_dates(packages) if tracking else [])
    first = min([plan.project.start - dt.timedelta(days=MARGIN_DAYS)]
                + [d - dt.timedelta(days=EDGE_DAYS) for d in early + ([status] if tracking else [])])
    last = max([plan.project.start]
               + [d for b in plan.bodies.values() for d in b.sessions[-1:]]
               + [packages[i].not_before for i in columns.not_before]
               + deadlines
               + [r.until_date for r in repeats if r.until_date]
               + [_repeat_reach(plan.project.start, r) for r in repeats if r.count]
               + early + ([status] if tracking else [])
               + [c.end for c in plan.calendar.closures if c.end >= plan.project.start])
    last = dt.date(min(last.year + HORIZON_YEARS, LAST_YEAR), 12, 31)
    while True:
        calendar = build_calendar(plan.calendar, plan.project.state, first, last)
        first_day = calendar.nw[calendar.index(plan.project.start)]
        if first_day >= len(calendar.wd) or calendar.date(calendar.wd[first_day]) > LATEST:
            # none at all, or only after the date range (a closure up to 31.12.2199)
            raise PlanError([Diagnostic("error", "no-working-days", Message(
                "no-working-days", start=plan.project.start, last=min(last, LATEST) if first_day < len(
                    calendar.wd) else last), plan.path, 1)], plan.language)
        track = None
        if tracking:
            sessions = {b.id: np.array([calendar.index(d) for d in b.sessions], dtype=np.int64)
                        for b in plan.bodies.values()}
            track = progress.track(packages, calendar, status, sessions)
        network = build_network(plan, packages, calendar, track, columns)
        solution = solve(network, calendar, plan)
        load, shifts = None, {}
        if not solution.overflow and uses_capacity:
            levelled, network, solution, load, shifts = _capacity().apply(plan, packages, network, solution,
                                                                           calendar)
        if not solution.overflow:
            break
        if last.year >= LAST_YEAR:
            raise PlanError([Diagnostic("error", "too-long", Message("too-long", year=LAST_YEAR),
                                        plan.path, 1)])
        last = dt.date(min(last.year + 2 * (last.year - plan.project.start.year), LAST_YEAR), 12, 31)
    result = assemble(plan, packages, calendar, network, solution, status if tracking else status_date,
                      warnings)
    if columns.avoid:  # else no warning, and the rows need not be made yet
        result.diagnostics.extend(school_data_warnings(plan, result.packages))
    if load is None:
        return result
    return _capacity().annotate(levelled, packages, result, load, shifts, calendar)


def _repeat_reach(start: dt.date, repeat) -> dt.date:
    """About how far ``repeat: {every, count}`` reaches from the start (calendar days; the
    horizon beyond the plan's last date covers the package's own start)."""
    days = repeat.count * (repeat.every.days if repeat.every else 20) * (1 if repeat.every and repeat.every.elapsed
                                                                          else 1.5)
    return min(start + dt.timedelta(days=int(days) + 31), LATEST)


def _capacity():
    """roadmap.engine.capacity, imported when a plan has ``needs`` (the others never pay)."""
    from roadmap.engine import capacity

    return capacity


def _status(plan: Plan, packages, status_date: dt.date | None, columns):
    """The status date, whether the plan records progress, and the warnings about it.

    Without progress the status date only draws the "today" line and moves nothing.
    With progress and no status date anywhere, today stands in (with a warning: the
    schedule would change from day to day).
    """
    status = status_date or plan.project.status_date
    if not columns.tracked:
        return status, False, []
    warnings = []
    if status is None:
        status = dt.date.today()
        warnings.append(Diagnostic("warning", "no-status-date", Message("no-status-date", date=status),
                                   plan.path, 1))
    return status, True, warnings + progress.check(plan, packages, status)
