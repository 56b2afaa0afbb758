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

from roadmap.engine import capacity
from roadmap.engine.assemble import assemble
from roadmap.engine.calendar import build_calendar
from roadmap.engine.network import Network, build_network
from roadmap.engine.passes import Solution, solve
from roadmap.engine.result import Schedule
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.plan.loader import active_packages
from roadmap.plan.model import Plan
from roadmap.text.messages import Message

__all__ = ["HORIZON_YEARS", "LAST_YEAR", "MARGIN_DAYS", "Network", "Solution", "active_packages",
           "build_calendar", "build_network", "schedule", "solve"]

MARGIN_DAYS = 3 * 366  # calendar kept before the start, for negative float and lags
HORIZON_YEARS = 4
LAST_YEAR = 2400  # the calendar is never built beyond this


def schedule(plan: Plan, status_date: dt.date | None = None, level: bool | None = None) -> Schedule:
    """Schedule ``plan``; raises :class:`PlanError` when a decision finds no session.

    ``level`` (default: the plan's ``project.level``) delays tasks so that no role is over
    its capacity; without it, over-allocations are reported as warnings.
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
    first = plan.project.start - dt.timedelta(days=MARGIN_DAYS)
    last = max([plan.project.start]
               + [d for b in plan.bodies.values() for d in b.sessions[-1:]]
               + [p.not_before for p in packages if p.not_before]
               + [p.deadline for p in packages if p.deadline])
    last = dt.date(last.year + HORIZON_YEARS, 12, 31)
    while True:
        calendar = build_calendar(plan.calendar, plan.project.state, first, last)
        network = build_network(plan, packages, calendar)
        solution = solve(network, calendar, plan)
        if not solution.overflow:
            break
        if last.year >= LAST_YEAR:
            raise PlanError([Diagnostic("error", "too-long", Message("too-long", year=LAST_YEAR),
                                        plan.path, 1)])
        last = dt.date(min(last.year + 2 * (last.year - plan.project.start.year), LAST_YEAR), 12, 31)
    if not capacity.uses_capacity(plan, packages):
        return assemble(plan, packages, calendar, network, solution, status_date)
    shifts = {}
    if plan.project.level:
        network, solution, load, shifts = capacity.level_plan(plan, packages, network, solution, calendar)
    else:
        load = capacity.measure(plan, packages, network, solution, calendar)
    result = assemble(plan, packages, calendar, network, solution, status_date)
    rows = [replace(row, needs=p.needs, priority=p.priority,
                    moved_days=shifts.get(i, (0, ()))[0], moved_for=shifts.get(i, (0, ()))[1])
            for i, (row, p) in enumerate(zip(result.packages, packages))]
    warnings = capacity.over_allocations(plan, packages, load, calendar, plan.project.level)
    return replace(result, packages=rows, diagnostics=list(result.diagnostics) + warnings,
                   levelled=plan.project.level)
