"""Council sessions: which sessions a decision goes through, and when its Vorlage is due.

A decision is taken in its body's session, after the bodies of its Beratungsfolge (``via``)
have consulted in that order, each stage in a later session than the one before (the bodies
of one stage, ``via: [[a, b], c]``, in the same Sitzungsfolge); the first
session must leave the first body's lead time after the decision is ready (the Vorlage has
to be in by then). Session days are sorted day indices
(:attr:`roadmap.engine.network.Network.sessions`); the search is a bisection per body,
done per decision because decisions are few.
"""
from __future__ import annotations

import datetime as dt

import numpy as np

from roadmap.engine.calendar import WorkCalendar
from roadmap.engine.timeaxis import Lag, TimeAxis


def stages_of(package) -> list[tuple[str, ...]]:
    """The Beratungsfolge as stages, the deciding body last (a stage of its own)."""
    return list(package.stages) + [(package.body,)]


def first_sessions(package, ready, sessions, leads, time: TimeAxis, errors, node,
                   floor: int | None = None) -> tuple[list, bool]:
    """The Beratungsfolge from the ready instant: (body, day index) per consultation.

    Each body of a stage takes its first session after the previous stage (the first
    stage: its own lead time after the ready instant); the next stage comes strictly after
    the stage's latest session. ``floor``: the first day the deciding body's session may
    be on (a decision not yet taken, on the day after the status date); the consultations
    before it may lie earlier. The flag says whether the floor moved the decision.
    """
    stages = stages_of(package)
    result, moved, need = [], False, None
    for step, stage in enumerate(stages):
        latest = None
        for body in stage:
            if step == 0:
                x = int(time.add_lag(np.array([ready]), leads[body][0])[0])
                need = (x + 1) // 2  # an opening allows that day, a closing the next
            days = sessions[body]
            k = int(np.searchsorted(days, need, side="left"))
            at = need
            if floor is not None and step == len(stages) - 1 and floor > need:
                bounded = int(np.searchsorted(days, floor, side="left"))
                moved, k, at = bounded != k, bounded, floor
            if k >= len(days):
                errors.append((node, body, at))
                day = at
            else:
                day = int(days[k])
            result.append((body, day))
            latest = day if latest is None else max(latest, day)
        need = latest + 1  # the next stage meets on a later date
    return _one_sitzungsfolge(result, stages, sessions), moved


def _one_sitzungsfolge(found: list, stages, sessions) -> list:
    """Move the bodies of a group to their last session before the next stage.

    Each body's first possible session may lie in different cycles (a Tuesday committee
    misses its lead time, the Wednesday one does not); a council reads "FA 05.06. + StEA
    18.04." as wrong. The group's latest session fixes the next stage, so every other body
    of the group can sit in the same Sitzungsfolge: its last session before the next stage.
    The next stage's sessions and the decision stay as they are.
    """
    found = list(found)
    start = 0
    for step, stage in enumerate(stages[:-1]):
        end = start + len(stage)
        if len(stage) > 1:
            following = min(day for _, day in found[end:end + len(stages[step + 1])])
            for i in range(start, end):
                body, day = found[i]
                days = sessions[body]
                k = int(np.searchsorted(days, following, side="left")) - 1
                if k >= 0 and int(days[k]) > day:
                    found[i] = (body, int(days[k]))
        start = end
    return found


def last_sessions(package, latest_instant, sessions, time: TimeAxis) -> list:
    """The latest Beratungsfolge whose decision closes at or before ``latest_instant``."""
    limit, strictly_before = (latest_instant - 1) // 2, False
    result = []
    for stage in reversed(stages_of(package)):
        earliest, found = None, []
        for body in stage:
            days = sessions[body]
            k = int(np.searchsorted(days, limit, side="left" if strictly_before else "right")) - 1
            # No session early enough (a deadline too tight): keep the limit, float goes negative.
            day = int(days[k]) if k >= 0 else limit - (1 if strictly_before else 0)
            found.append((body, day))
            earliest = day if earliest is None else min(earliest, day)
        result.extend(reversed(found))
        limit, strictly_before = earliest, True
    return result[::-1]


def first_ready(found: list, package, leads, time: TimeAxis) -> int:
    """The latest ready instant that still reaches the first stage's sessions ``found``."""
    first = package.stages[0] if package.stages else (package.body,)
    return min(ready_latest(day, leads[body][1], time) for body, day in found[:len(first)])


def stage_numbers(package) -> list[int]:
    """The stage of each consultation, in the order of :func:`first_sessions`."""
    return [k for k, stage in enumerate(stages_of(package)) for _ in stage]


def ready_latest(first_day: int, lead_back: Lag, time: TimeAxis) -> int:
    """The opening of the first consultation's day, moved back by the lead time."""
    return int(time.add_lag(np.array([2 * first_day]), lead_back)[0])


def vorlage_due(lead, session_day: int, cal: WorkCalendar) -> dt.date:
    """The last working day by whose end the Vorlage must be ready for this session.

    The latest ready instant is the session's opening moved back by the lead time; the
    Vorlage is due at the last closing of a working day at or before it.
    """
    time = TimeAxis(cal)
    instant = ready_latest(session_day, Lag.of([-lead.days], [lead.elapsed]), time)
    last_working = int(time.nw((instant - 1) // 2 + 1)) - 1
    return cal.date(int(time.wd(last_working)))
