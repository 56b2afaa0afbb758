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
from roadmap.engine.network import LINK, REASONS, Network
from roadmap.engine.passes import Solution
from roadmap.engine.progress import DONE, NOT_STARTED, STATUS_NAMES
from roadmap.engine.reasons import deadline_reason
from roadmap.engine.recurring import lay_out
from roadmap.engine.result import Consultation, Schedule, ScheduledPackage
from roadmap.engine.sessions import stage_numbers, vorlage_due
from roadmap.engine.timeaxis import Lag
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.plan.model import Package, Phase, Plan, Text
from roadmap.text.messages import Message


def assemble(plan: Plan, packages: list[Package], cal: WorkCalendar, net: Network, sol: Solution,
             status_date: dt.date | None, warnings=()) -> Schedule:
    """The schedule of ``plan``'s active ``packages`` from the passes' solution ``sol``."""
    diagnostics = list(plan.warnings) + list(warnings)
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
    late_days = deadline_late(sol.early_finish, net.deadline, cal).tolist()
    track = net.tracking
    n = len(packages)
    state = track.state.tolist() if track is not None else [NOT_STARTED] * n
    driver, reason = sol.driver.tolist(), sol.reason.tolist()
    total, free = sol.total_float.tolist(), sol.free_float.tolist()
    dur, elapsed = net.dur.tolist(), net.elapsed.tolist()
    at_closing = (sol.early_start % 2 == 1).tolist()
    language = plan.language
    leads = {b.id: Lag.of([b.lead_time.days], [b.lead_time.elapsed]) for b in plan.bodies.values()}
    occurrences = lay_out(packages, cal, sol.early, sol.early_start, sol.early_finish, net.sessions, leads)
    for i in occurrences:
        if not occurrences[i]:
            body = packages[i].repeat.sessions
            diagnostics.append(Diagnostic("warning", "no-sessions", Message(
                "no-sessions.repeat", id=packages[i].id, body=body), plan.path, packages[i].line))
    result = []
    for i, p in enumerate(packages):
        started, done = state[i] != NOT_STARTED, state[i] == DONE
        if p.kind != "task":
            days = 0
        elif elapsed[i] or started or p.ends_at:  # working days from start to finish
            days = int(cal.nw[cal.index(finish[i]) + 1] - cal.nw[cal.index(start[i])])
        else:
            days = dur[i]
        consultations = tuple(
            Consultation(body, plan.bodies[body].name.get(language), cal.date(day),
                         vorlage_due(plan.bodies[body].lead_time, day, cal), stage)
            for (body, day), stage in zip(sol.sessions.get(i, []), _stages(p, len(sol.sessions.get(i, [])))))
        if p.deadline and late_days[i]:
            missed = Message("deadline-missed", id=p.id, finish=finish[i], deadline=p.deadline, days=late_days[i])
            why = deadline_reason(i, packages, driver, reason, state, start, finish, language, plan.project.start)
            diagnostics.append(Diagnostic("warning", "deadline-missed", Message(
                "deadline-missed.why", missed=missed, reason=why), plan.path, p.line))
        shown = occurrences.get(i) or ()
        first, last = (shown[0][0], shown[-1][1]) if shown else (start[i], finish[i])
        span = int(cal.nw[cal.index(last) + 1] - cal.nw[cal.index(first)]) if shown else days
        result.append(ScheduledPackage(
            id=p.id, name=p.name.get(language), kind=p.kind, phase=p.phase,
            start=first, finish=last, duration_days=days, duration=p.duration,
            late_start=start[i] if started else late_start[i],
            late_finish=finish[i] if done else late_finish[i],
            total_float=total[i], free_float=free[i], critical=total[i] <= 0 and not done and p.repeat is None,
            sessions=consultations, predecessors=p.after, owner=p.owner, body=p.body, via=p.via,
            not_before=p.not_before, deadline=p.deadline, avoid=p.avoid, source=p.source,
            description=p.description.get(language), deliverable=p.deliverable.get(language),
            line=p.line,
            actual_start=start[i] if started else None, actual_finish=finish[i] if done else None,
            progress=_progress(p, state[i], start[i], track, cal) if started else 0.0,
            status=STATUS_NAMES[state[i]],
            driver=packages[driver[i]].id if driver[i] >= 0 else None,
            driver_reason=REASONS[LINK if driver[i] >= 0 else reason[i]],
            deadline_late=late_days[i],
            at_closing=p.kind != "task" and at_closing[i],
            occurrences=shown, span_days=span, funds=p.funds, ends_at=p.ends_at))

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
        weekend=cal.weekend, diagnostics=diagnostics, plan_path=plan.path,
        records_progress=track is not None, calendar=cal)


def _stages(p: Package, count: int) -> list[int]:
    """The stage of each of a decision's ``count`` consultations (the last ones of its
    Beratungsfolge when a taken decision's earlier sessions are unknown)."""
    numbers = stage_numbers(p) if p.kind == "decision" else []
    return numbers[len(numbers) - count:] if count <= len(numbers) else [None] * count


def deadline_late(finish: np.ndarray, deadline: np.ndarray, cal: WorkCalendar) -> np.ndarray:
    """Working days each finish lies after its own deadline (0: met, or none).

    Counted as the working days after the deadline's day up to the finish date; a finish
    after the deadline that no working day separates from it (a Saturday) counts 1.
    """
    missed = finish > deadline
    if not missed.any():
        return np.zeros(len(finish), dtype=np.int64)
    after = lambda instant: cal.nw.take(instant // 2 + 1, mode="clip")  # noqa: E731 - working days <= day
    days = after(finish) - after(np.where(missed, deadline, finish))
    return np.where(missed, np.maximum(days, 1), 0)


def _progress(p: Package, state: int, start: dt.date, track, cal: WorkCalendar) -> float:
    """% complete: 100 when done; as written; else, from ``remaining``, the share of the
    working days from the actual start to the status date in those plus the work left
    (MS Project's rule)."""
    if state == DONE:
        return 100.0
    if state == NOT_STARTED:
        return 0.0
    if p.progress is not None or p.remaining is None:
        return float(p.progress or 0.0)
    worked = int(cal.nw[track.status_day + 1] - cal.nw[cal.index(start)])
    left = p.remaining.days if p.remaining is not None else 0
    return round(100.0 * worked / (worked + left), 1) if worked + left else 0.0


def _implicit_phases(packages: list[Package]) -> tuple[Phase, ...]:
    """A plan without a phases section: one phase per phase id, in order of first use."""
    seen = []
    for p in packages:
        if p.phase and p.phase not in seen:
            seen.append(p.phase)
    return tuple(Phase(pid, Text(pid, pid)) for pid in seen)
