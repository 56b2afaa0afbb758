"""Council sessions: which sessions a decision goes through, and when its Vorlage is due.

A decision is taken in its body's session, after the bodies of its Beratungsfolge (``via``)
have consulted in that order, each in a later session than the one before; the first
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


def first_sessions(package, ready, sessions, leads, time: TimeAxis, errors, node,
                   floor: int | None = None) -> tuple[list, bool]:
    """The Beratungsfolge from the ready instant: (body, day index) per consultation.

    ``floor``: the first day the deciding body's session may be on (a decision not yet
    taken, on the day after the status date); the consultations before it may lie
    earlier. The flag says whether the floor moved the decision.
    """
    bodies = list(package.via) + [package.body]
    x = int(time.add_lag(np.array([ready]), leads[bodies[0]][0])[0])
    need = (x + 1) // 2  # an opening allows that day, a closing the next
    result, moved = [], False
    for step, body in enumerate(bodies):
        days = sessions[body]
        k = int(np.searchsorted(days, need, side="left"))
        if floor is not None and step == len(bodies) - 1 and floor > need:
            bounded = int(np.searchsorted(days, floor, side="left"))
            moved, k, need = bounded != k, bounded, floor
        if k >= len(days):
            errors.append((node, body, need))
            day = need
        else:
            day = int(days[k])
        result.append((body, day))
        need = day + 1  # the next body meets on a later date
    return result, moved


def last_sessions(package, latest_instant, sessions, time: TimeAxis) -> list:
    """The latest Beratungsfolge whose decision closes at or before ``latest_instant``."""
    bodies = list(package.via) + [package.body]
    limit, strictly_before = (latest_instant - 1) // 2, False
    result = []
    for body in reversed(bodies):
        days = sessions[body]
        k = int(np.searchsorted(days, limit, side="left" if strictly_before else "right")) - 1
        # No session early enough (a deadline too tight): keep the limit, float goes negative.
        day = int(days[k]) if k >= 0 else limit - (1 if strictly_before else 0)
        result.append((body, day))
        limit, strictly_before = day, True
    return result[::-1]


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
