"""From the passes' arrays to the :class:`~roadmap.engine.result.Schedule` the writers read.

:func:`assemble` turns instants into dates, adds each decision's consultations with the
day its Vorlage is due, and reports what the passes found: a decision without a session is
an error (:class:`PlanError`), a missed deadline a warning.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np

from roadmap.engine.calendar import WorkCalendar
from roadmap.engine.network import Network
from roadmap.engine.passes import Solution
from roadmap.engine.result import Consultation, Schedule, ScheduledPackage
from roadmap.engine.sessions import vorlage_due
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.plan.model import Package, Phase, Plan, Text
from roadmap.text.messages import Message


def assemble(plan: Plan, packages: list[Package], cal: WorkCalendar, net: Network, sol: Solution,
             status_date: dt.date | None) -> Schedule:
    """The schedule of ``plan``'s active ``packages`` from the passes' solution ``sol``."""
    diagnostics = list(plan.warnings)
    errors = []
    for node, body, day in sol.errors:
        p = packages[node]
        name = plan.bodies[body].name.get(plan.language)
        errors.append(Diagnostic("error", "no-session", Message(
            "no-session", id=p.id, body=body, name=name, date=cal.date(day)), plan.path, p.line))
    if errors:
        raise PlanError(diagnostics + errors)

    dates = lambda values: cal.dates(np.asarray(values) // 2)  # noqa: E731 - instants -> days
    start, finish = dates(sol.early_start), dates(sol.early_finish)
    late_start, late_finish = dates(sol.late_start), dates(sol.late_finish)
    result = []
    for i, p in enumerate(packages):
        if p.kind == "task":
            days = int(net.dur[i]) if not net.elapsed[i] else int(
                cal.nw[cal.index(finish[i]) + 1] - cal.nw[cal.index(start[i])])
        else:
            days = 0
        consultations = tuple(
            Consultation(body, plan.bodies[body].name.get(plan.language), cal.date(day),
                         vorlage_due(plan.bodies[body].lead_time, day, cal))
            for body, day in sol.sessions.get(i, []))
        if p.deadline and sol.early_finish[i] > net.deadline[i]:
            diagnostics.append(Diagnostic("warning", "deadline-missed", Message(
                "deadline-missed", id=p.id, finish=finish[i], deadline=p.deadline,
                days=-int(sol.total_float[i])), plan.path, p.line))
        result.append(ScheduledPackage(
            id=p.id, name=p.name.get(plan.language), kind=p.kind, phase=p.phase,
            start=start[i], finish=finish[i], duration_days=days, duration=p.duration,
            late_start=late_start[i], late_finish=late_finish[i],
            total_float=int(sol.total_float[i]), free_float=int(sol.free_float[i]),
            critical=bool(sol.total_float[i] <= 0), sessions=consultations,
            predecessors=p.after, owner=p.owner, body=p.body, via=p.via,
            not_before=p.not_before, deadline=p.deadline, avoid=p.avoid, source=p.source,
            description=p.description.get(plan.language),
            deliverable=p.deliverable.get(plan.language), line=p.line))

    project = replace(plan.project, status_date=status_date or plan.project.status_date)
    finish_day = max((p.finish for p in result), default=plan.project.start)
    span_first = min((p.start for p in result), default=plan.project.start)
    in_span = lambda w: w.end >= span_first - dt.timedelta(days=31) and w.start <= finish_day  # noqa: E731
    return Schedule(
        project=project, start=plan.project.start, finish=finish_day, packages=result,
        phases=plan.phases or _implicit_phases(packages), roles=plan.roles, bodies=plan.bodies,
        options=plan.options,
        holidays=tuple(h for h in cal.holidays if plan.project.start <= h.date <= finish_day),
        closures=tuple(w for w in cal.closures if in_span(w)),
        school_holidays=tuple(w for w in cal.school_windows if in_span(w)),
        weekend=cal.weekend, diagnostics=diagnostics, plan_path=plan.path)


def _implicit_phases(packages: list[Package]) -> tuple[Phase, ...]:
    """A plan without a phases section: one phase per phase id, in order of first use."""
    seen = []
    for p in packages:
        if p.phase and p.phase not in seen:
            seen.append(p.phase)
    return tuple(Phase(pid, Text(pid, pid)) for pid in seen)
