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
from roadmap.engine.result import Consultation, PackageColumns, Schedule
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

    day = lambda values: np.asarray(values) // 2  # noqa: E731 - instants -> day indices
    start, finish = day(sol.early_start), day(sol.early_finish)
    late_days = deadline_late(sol.early_finish, net.deadline, cal)
    track = net.tracking
    n = len(packages)
    state = track.state if track is not None else np.full(n, NOT_STARTED, dtype=np.int64)
    started, done = state != NOT_STARTED, state == DONE
    task = ~np.asarray(net.is_instant, dtype=bool)
    # working days from start to finish: measured for elapsed, started and notice-period
    # tasks (ends_at), else the duration
    read = net.columns  # what the plan reader read of the packages (build_network sets it)
    ends = _mask(n, read.ends)
    measured = np.asarray(net.elapsed, dtype=bool) | started | ends
    span = cal.nw.take(finish + 1, mode="clip") - cal.nw.take(start, mode="clip") if n else np.zeros(0, np.int64)
    days = np.where(task, np.where(measured, span, net.dur), 0).astype(np.int64)
    language = plan.language
    leads = {b.id: Lag.of([b.lead_time.days], [b.lead_time.elapsed]) for b in plan.bodies.values()}
    occurrences = lay_out(packages, cal, sol.early, sol.early_start, sol.early_finish, net.sessions, leads,
                          read.repeat)
    for i in occurrences:
        if not occurrences[i]:
            body = packages[i].repeat.sessions
            diagnostics.append(Diagnostic("warning", "no-sessions", Message(
                "no-sessions.repeat", id=packages[i].id, body=body), plan.path, packages[i].line))
    sessions, consultations = {}, {}  # decisions share sessions: each is worked out once
    for i, steps in sol.sessions.items():
        keys = tuple(zip(steps, _stages(packages[i], len(steps))))
        for key in keys:
            if key not in consultations:
                (body, session), stage = key
                consultations[key] = Consultation(body, plan.bodies[body].name.get(language), cal.date(session),
                                                  vorlage_due(plan.bodies[body].lead_time, session, cal), stage)
        sessions[i] = tuple(consultations[key] for key in keys)
    driver = np.asarray(sol.driver, dtype=np.int64)
    lists = None  # the columns deadline_reason walks, as lists: made once, not per missed deadline
    for i in np.flatnonzero(late_days).tolist():  # in plan order, as the rows
        p = packages[i]
        if p.deadline:
            missed = Message("deadline-missed", id=p.id, finish=cal.date(int(finish[i])), deadline=p.deadline,
                             days=int(late_days[i]))
            lists = lists or (driver.tolist(), np.asarray(sol.reason).tolist(), state.tolist())
            why = deadline_reason(i, packages, *lists,
                                  _Dates(start, cal), _Dates(finish, cal), language, plan.project.start)
            diagnostics.append(Diagnostic("warning", "deadline-missed", Message(
                "deadline-missed.why", missed=missed, reason=why), plan.path, p.line))
    progress = {i: _progress(packages[i], int(state[i]), cal.date(int(start[i])), track, cal)
                for i in np.flatnonzero(started).tolist()}
    reasons = np.array(REASONS, dtype=object)[np.where(driver >= 0, LINK, sol.reason)].tolist()
    columns = PackageColumns(
        packages=packages, language=language, origin=cal.origin, start=start, finish=finish,
        late_start=np.where(started, start, day(sol.late_start)),
        late_finish=np.where(done, finish, day(sol.late_finish)),
        duration_days=days, total_float=np.asarray(sol.total_float), free_float=np.asarray(sol.free_float),
        critical=(np.asarray(sol.total_float) <= 0) & ~done & ~_mask(n, read.repeat),  # recurring: never critical
        started=started, done=done,
        status=np.array(STATUS_NAMES, dtype=object)[state].tolist(), driver=driver,
        driver_reason=reasons, deadline_late=np.asarray(late_days, dtype=np.int64),
        at_closing=~task & (np.asarray(sol.early_start) % 2 == 1), sessions=sessions, progress=progress,
        occurrences={i: tuple(shown) for i, shown in occurrences.items() if shown},
        occurrence_days={i: int(cal.nw[cal.index(shown[-1][1]) + 1] - cal.nw[cal.index(shown[0][0])])
                         for i, shown in occurrences.items() if shown})

    project = replace(plan.project, status_date=status_date or plan.project.status_date)
    finish_day = columns.last_finish(plan.project.start)
    span_first = columns.first_start(plan.project.start)
    in_span = lambda w: w.end >= span_first - dt.timedelta(days=31) and w.start <= finish_day  # noqa: E731
    result = Schedule(
        project=project, start=plan.project.start, finish=finish_day, packages=None,
        phases=plan.phases or _implicit_phases(read.phase), roles=plan.roles, bodies=plan.bodies,
        options=plan.options,
        holidays=tuple(h for h in cal.holidays if plan.project.start <= h.date <= finish_day),
        closures=tuple(w for w in cal.closures if in_span(w)),
        school_holidays=tuple(w for w in cal.school_windows if in_span(w)),
        weekend=cal.weekend, diagnostics=diagnostics, plan_path=plan.path,
        records_progress=track is not None, calendar=cal)
    result.columns = columns  # the rows are made when first read
    return result


class _Dates:
    """Day indices read as dates, one at a time (the few a missed deadline's reason needs)."""

    def __init__(self, days: np.ndarray, cal: WorkCalendar):
        self.days, self.cal = days, cal

    def __getitem__(self, i: int) -> dt.date:
        return self.cal.date(int(self.days[i]))


def _mask(n: int, indices: list[int]) -> np.ndarray:
    """True at ``indices`` (a plan column's index list), of ``n`` packages."""
    mask = np.zeros(n, dtype=bool)
    mask[indices] = True
    return mask


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


def _implicit_phases(phase_ids: list) -> tuple[Phase, ...]:
    """A plan without a phases section: one phase per phase id (``phase_ids``: each
    package's, or None), in order of first use."""
    seen = dict.fromkeys(filter(None, phase_ids))
    return tuple(Phase(pid, Text(pid, pid)) for pid in seen)
