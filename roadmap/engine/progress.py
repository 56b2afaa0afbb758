"""Progress against the status date: what has happened, in the network's terms.

A plan *records progress* when any of its packages has ``actual_start``,
``actual_finish``, ``progress``, ``remaining`` or ``actual``. Only then does the status
date move anything (docs/scheduling.md, "Progress"); a plan without these keys is
scheduled exactly as before, and its status date only draws the "today" line.

Each package is then in one of three states:

- *done*: a finished task (``actual_finish``), a milestone or decision with ``actual``.
  It keeps its actual dates; links no longer move it off them. A reached milestone lies
  on its actual day, at the instant its links give within that day (the day's opening
  if they give an earlier day, its closing if a later one), so a milestone reached on
  the day the plan had it keeps its exact instant.
- *running*: a task with ``actual_start`` and no ``actual_finish``. It keeps its actual
  start; its remaining working days begin at the first opening after the status date.
  Links to its start no longer apply; links to its finish (FF, SF) still do.
- *not started*: everything else. It begins no earlier than the first opening after the
  status date (a task or milestone); a decision is taken in a session after the status
  date (:func:`roadmap.engine.sessions.first_sessions`, ``floor``).

:func:`check` finds what only the status date can tell (an actual date after it);
:func:`track` turns the actuals into arrays that :func:`roadmap.engine.network.build_network`
and :func:`roadmap.engine.passes.solve` read.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from roadmap.engine.calendar import WorkCalendar
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.plan.model import Package, Plan
from roadmap.text.messages import Message

NOT_STARTED, RUNNING, DONE = 0, 1, 2
STATUS_NAMES = ("not_started", "running", "finished")


@dataclass
class Tracking:
    """The actuals of the active packages as arrays, indexed in plan order."""

    status: dt.date
    status_day: int  # calendar day index of the status date
    after: int  # boundary: the first working day after the status date
    state: np.ndarray  # NOT_STARTED | RUNNING | DONE
    fixed_start: np.ndarray  # instant of the actual start (running, done), else -1
    fixed_finish: np.ndarray  # instant of the actual finish (done), else -1
    reached: np.ndarray  # milestones reached: the opening of their actual day, else -1
    remaining: np.ndarray  # running tasks: the work left, else 0
    remaining_elapsed: np.ndarray
    taken: dict[int, list] = field(default_factory=dict)  # done decisions: (body, day index)


def state_of(p: Package) -> int:
    if p.kind == "task" and p.actual_finish is not None or p.kind != "task" and p.actual is not None:
        return DONE
    if p.kind == "task" and p.actual_start is not None:
        return RUNNING
    return NOT_STARTED


def remaining_work(p: Package) -> tuple[int, bool]:
    """The work left of a running task: ``remaining``, else ceil(duration x (1 - progress/100))."""
    if p.remaining is not None:
        return p.remaining.days, p.remaining.elapsed
    days = p.duration.days if p.duration else 0
    done = (p.progress or 0.0) / 100
    return max(1, math.ceil(round(days * (1 - done), 9))), bool(p.duration and p.duration.elapsed)


def check(plan: Plan, packages: list[Package], status: dt.date) -> list[Diagnostic]:
    """Raise :class:`PlanError` for actual dates after ``status``; return the warnings."""
    errors, warnings = [], []
    for p in packages:
        what = Message("what.package", id=p.id)
        for key in ("actual_start", "actual_finish", "actual"):
            day = getattr(p, key)
            if day is not None and day > status:
                errors.append(Diagnostic("error", "actual-after-status", Message(
                    "actual-after-status", what=what, key=key, date=day, status=status),
                    plan.path, p.line_of(key)))
        if p.kind == "decision" and p.actual is not None and p.body in plan.bodies:
            body = plan.bodies[p.body]
            if p.actual not in body.sessions:
                warnings.append(Diagnostic("warning", "actual-not-a-session", Message(
                    "actual-not-a-session", id=p.id, date=p.actual, body=p.body,
                    name=body.name.get(plan.language)), plan.path, p.line_of("actual")))
    if errors:
        raise PlanError(list(plan.warnings) + errors, plan.language)
    return warnings


def track(packages: list[Package], cal: WorkCalendar, status: dt.date, sessions: dict) -> Tracking:
    """The actuals of ``packages`` on ``cal``; ``sessions``: body id -> sorted day indices."""
    n = len(packages)
    status_day = cal.index(status)
    state = np.array([state_of(p) for p in packages], dtype=np.int64)
    fixed_start = np.full(n, -1, dtype=np.int64)
    fixed_finish = np.full(n, -1, dtype=np.int64)
    reached = np.full(n, -1, dtype=np.int64)
    remaining = np.zeros(n, dtype=np.int64)
    remaining_elapsed = np.zeros(n, dtype=bool)
    taken = {}
    for i in np.flatnonzero(state != NOT_STARTED):
        p = packages[i]
        if p.kind == "milestone":  # within its day, where its links put it (passes.solve)
            reached[i] = 2 * cal.index(p.actual)
            continue
        if p.kind == "decision":  # taken at the closing of its session day
            fixed_start[i] = fixed_finish[i] = 2 * cal.index(p.actual) + 1
            taken[int(i)] = taken_sessions(p, cal.index(p.actual), sessions)
            continue
        fixed_start[i] = 2 * cal.index(p.actual_start)
        if state[i] == DONE:
            fixed_finish[i] = 2 * cal.index(p.actual_finish) + 1
        else:
            remaining[i], remaining_elapsed[i] = remaining_work(p)
    return Tracking(status, status_day, int(cal.nw[status_day + 1]), state, fixed_start,
                    fixed_finish, reached, remaining, remaining_elapsed, taken)


def taken_sessions(p: Package, day: int, sessions: dict) -> list:
    """A decision taken on ``day``: its Beratungsfolge, each body of ``via`` at its latest
    session before the next stage (as far as the session lists reach back; the bodies of a
    group before the earliest session of the stage after them)."""
    result, before = [(p.body, day)], day
    for stage in reversed(p.stages):
        found = []
        for body in stage:
            days = sessions.get(body, np.zeros(0, dtype=np.int64))
            k = int(np.searchsorted(days, before, side="left")) - 1
            if k < 0:
                return result[::-1]
            found.append((body, int(days[k])))
        result.extend(reversed(found))
        before = min(found_day for _, found_day in found)
    return result[::-1]


def actual_dates(packages: list[Package]) -> list[dt.date]:
    """Every actual date of the plan (the calendar must reach them)."""
    return [d for p in packages for d in (p.actual_start, p.actual_finish, p.actual) if d is not None]
