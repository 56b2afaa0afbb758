"""Instant arithmetic on the working-day calendar, on whole arrays at once.

Time is counted in *instants*: ``2c`` is the opening of calendar day ``c``, ``2c + 1`` its
closing (see :mod:`roadmap.engine.calendar`). A task's variable is its start *boundary* ``s``
(working-day index); a milestone's or decision's variable is its instant. Every link is a
monotone function from the predecessor's variable to a lower bound on the successor's
(contract sections 2 and 4); :class:`TimeAxis` holds those functions and their exact upper
inverses, so the forward and backward passes agree by construction.

:class:`Lag`, :class:`Span` and :class:`Reference` are the terms those functions take,
worked out once per link or package so that the passes only add and look up.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from roadmap.engine.calendar import WorkCalendar


class Lag(NamedTuple):
    """A lag's terms, worked out once per link so that the passes only add and look up."""

    plain: np.ndarray  # elapsed or zero: moves 2 instants per calendar day, in real time
    positive: np.ndarray  # 1 where the lag is positive (it then lands on a closing)
    instants: np.ndarray  # 2 * days
    shift: np.ndarray  # days - positive: the working-day step of a working lag

    @classmethod
    def of(cls, days, elapsed) -> Lag:
        days = np.asarray(days, dtype=np.int64)
        positive = (days > 0).astype(np.int64)
        return cls(np.asarray(elapsed, dtype=bool) | (days == 0), positive, 2 * days, days - positive)


class Span(NamedTuple):
    """How far a package's finish lies from its start, worked out once per package."""

    instant: np.ndarray  # milestone or decision: start and finish are one instant
    working: np.ndarray  # D - 1 working days (0 for an elapsed task)
    calendar: np.ndarray  # N - 1 calendar days (0 for a working-day task)

    @classmethod
    def of(cls, instant, dur, elapsed) -> Span:
        elapsed = np.asarray(elapsed, dtype=bool)
        span = np.asarray(dur, dtype=np.int64) - 1
        return cls(np.asarray(instant, dtype=bool), np.where(elapsed, 0, span), np.where(elapsed, span, 0))


class Reference(NamedTuple):
    """Which instant of a package a bound refers to (its start or finish), worked out once
    so that :meth:`TimeAxis.var_inverse` needs one lookup for the three cases."""

    instant: np.ndarray  # milestone or decision: the variable is the instant itself
    half: np.ndarray  # 1 for the finish (a closing), 0 for the start (an opening)
    calendar_shift: np.ndarray  # elapsed finish: dur - 1 calendar days before it
    working_shift: np.ndarray  # 1, or 1 + dur - 1 working days for a working finish

    @classmethod
    def of(cls, instant, from_finish, dur, elapsed) -> Reference:
        finish, elapsed = np.asarray(from_finish, dtype=bool), np.asarray(elapsed, dtype=bool)
        span = np.asarray(dur, dtype=np.int64) - 1
        return cls(np.asarray(instant, dtype=bool), finish.astype(np.int64),
                   np.where(finish & elapsed, span, 0), 1 + np.where(finish & ~elapsed, span, 0))


class TimeAxis:
    """Instant and boundary arithmetic on a :class:`WorkCalendar` (contract section 2)."""

    def __init__(self, cal: WorkCalendar):
        self.cal = cal
        self.wd_arr, self.nw_arr, self.working = cal.wd, cal.nw, cal.working

    # Lookups clip at the calendar's ends instead of checking bounds on every call (that
    # check cost half the time of small plans); solve() checks once whether the schedule
    # came near the end, and schedule() then retries with a longer calendar.

    def wd(self, p):
        return self.wd_arr.take(p, mode="clip")

    def nw(self, c):
        return self.nw_arr.take(c, mode="clip")

    def boundary(self, t):
        """The boundary an instant maps to (non-working time: the next opening)."""
        return self.nw((t + 1) // 2)

    def up(self, t):
        """An instant moved out of non-working time to the next opening."""
        return np.where(self.working.take(t // 2, mode="clip"), t, 2 * self.wd(self.boundary(t)))

    def down(self, t):
        """An instant moved out of non-working time back to the previous closing."""
        return np.where(self.working.take(t // 2, mode="clip"), t,
                        2 * self.wd(self.nw(t // 2) - 1) + 1)

    # forward: variable -> instants -> lag -> bound

    # Each formula is computed for every entry and np.where keeps the ones it applies to;
    # the clipped lookups make the others harmless.

    def start_instant(self, var, instant):
        return np.where(instant, var, 2 * self.wd(var))

    def finish_instant(self, var, span: Span):
        # the closing of working day var + D - 1, or of calendar day wd(var) + N - 1
        return np.where(span.instant, var, 2 * (self.wd(var + span.working) + span.calendar) + 1)

    def add_lag(self, t, lag: Lag):
        # closing of working day b+L-1 (L > 0) or opening of working day b+L (L < 0)
        moved = 2 * self.wd(self.boundary(t) + lag.shift) + lag.positive
        return np.where(lag.plain, t + lag.instants, moved)

    def bound(self, x, instant, to_finish, dur, elapsed):
        """Lower bound on the successor's variable from instant ``x``."""
        b = self.boundary(x)
        finish_working = b - dur
        finish_elapsed = self.nw(self.wd(b - 1) - dur + 1)
        task = np.where(to_finish, np.where(elapsed, finish_elapsed, finish_working), b)
        return np.where(instant, x, task)

    # backward: the exact upper inverses of the functions above

    def bound_inverse(self, y, instant, to_finish, dur, elapsed):
        """The latest instant ``x`` whose bound still allows variable ``y``."""
        finish_boundary = np.where(elapsed, self.nw(self.wd(y) + dur), y + dur)
        task = 2 * self.wd(np.where(to_finish, finish_boundary, y))
        return np.where(instant, y, task)

    def lag_inverse(self, x, lag: Lag):
        # q: the last working day whose closing (L > 0) or opening (L < 0) is at or before x;
        # the result is the opening of working day q - L + 1 (L > 0) or q - L (L < 0)
        q = self.nw((x - lag.positive) // 2 + 1) - 1
        moved = 2 * self.wd(q - lag.shift)
        return np.where(lag.plain, x - lag.instants, moved)

    def var_inverse(self, x, ref: Reference):
        """The latest variable whose start (or finish) instant is at or before ``x``."""
        # Three cases in one lookup (they cost a lookup each otherwise):
        #   start                 nw(x // 2 + 1) - 1
        #   finish, working days  nw((x - 1) // 2 + 1) - dur
        #   finish, elapsed days  nw((x - 1) // 2 + 1 - (dur - 1)) - 1
        task = self.nw((x - ref.half) // 2 + 1 - ref.calendar_shift) - ref.working_shift
        return np.where(ref.instant, x, task)
