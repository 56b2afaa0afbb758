"""The forward and backward passes over the network, and total and free float.

Packages are processed level by level (:mod:`roadmap.engine.network`), so each level is a
handful of array operations on :class:`~roadmap.engine.timeaxis.TimeAxis` instead of a
Python loop over packages. The backward pass uses the exact upper inverses of the forward
pass's functions, so earliest and latest dates agree by construction. Decisions (snapped to
council sessions, :mod:`roadmap.engine.sessions`) and ``avoid`` windows need searching, and
are handled per package; they are few.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

from roadmap.engine.calendar import WorkCalendar
from roadmap.engine.budget import budget_bound, period_finish, period_latest
from roadmap.engine.network import AVOID, BUDGET, NONE_UPPER, STATUS_DATE, Links, Network
from roadmap.engine.progress import DONE, NOT_STARTED
from roadmap.engine.sessions import first_ready, first_sessions, last_sessions
from roadmap.engine.timeaxis import Lag, Reference, Span, TimeAxis
from roadmap.plan.model import Plan

OVERFLOW_GUARD_DAYS = 14  # a schedule this close to the calendar's end is retried longer


@dataclass
class Solution:
    """What the passes found, per package in plan order."""

    early: np.ndarray  # variable: start boundary (task) or instant (milestone, ready instant)
    late: np.ndarray
    early_start: np.ndarray  # instants
    early_finish: np.ndarray
    late_start: np.ndarray
    late_finish: np.ndarray
    total_float: np.ndarray
    free_float: np.ndarray
    sessions: dict  # node -> list of (body, day index)
    errors: list  # (node, body, day index): a decision that found no session
    overflow: bool
    driver: np.ndarray | None = None  # the predecessor whose link binds, or -1
    reason: np.ndarray | None = None  # why, when no link binds (network.REASONS)


def solve(net: Network, cal: WorkCalendar, plan: Plan) -> Solution:
    """Both passes and the floats. Pure array work apart from decisions and ``avoid``."""
    time = TimeAxis(cal)
    n = len(net.packages)
    sessions = net.sessions
    # each body's lead time as a lag, forward (to the first session) and back
    leads = {b.id: (Lag.of([b.lead_time.days], [b.lead_time.elapsed]),
                    Lag.of([-b.lead_time.days], [b.lead_time.elapsed])) for b in plan.bodies.values()}
    windows = ([cal.index(w.start) for w in cal.school_windows],
               [cal.index(w.end) for w in cal.school_windows])
    dur, el, inst = net.dur, net.elapsed, net.is_instant
    # the notice-period tasks (ends_at) from the levels, not a scan of every package
    ends = {i: net.packages[i].ends_at for level in net.levels for i in level.ends.tolist()}

    track = net.tracking
    state = track.state if track is not None else None
    floor = track.status_day + 1 if track is not None else None  # a decision's earliest session
    bounds, displaced = [], {}  # per level: (link bounds, what they reached); packages moved otherwise

    early = net.base.copy()
    start = np.zeros(n, dtype=np.int64)
    finish = np.zeros(n, dtype=np.int64)
    found: dict[int, list] = {}
    free_target = np.zeros(n, dtype=np.int64)  # for free float: successors' early values
    errors: list = []
    for level, links in zip(net.levels, net.links_in):
        if links.src.size:
            ref = np.where(links.from_finish, finish[links.src], start[links.src])
            x = time.add_lag(ref, links.lag)
            bound = time.bound(x, links.dst_instant, links.to_finish, links.dst_dur, links.dst_elapsed)
            np.maximum.at(early, links.dst, bound)
            bounds.append((bound, early[links.dst]))
        for i in level.budget:  # funds: budget (before instants move out of non-working time)
            if track is None or state[i] == NOT_STARTED:
                preds = links.src[links.dst == i]
                ready = int(finish[preds].max()) // 2 if preds.size else cal.index(plan.project.start)
                bound = budget_bound(plan.budget, ready, bool(inst[i]), cal)
                if bound > early[i]:
                    early[i], displaced[i] = bound, BUDGET
        if level.instants.size:
            early[level.instants] = time.up(early[level.instants])
        if level.reached.size:  # a milestone reached stays within its actual day
            early[level.reached] = np.minimum(early[level.reached], track.reached[level.reached] + 1)
        for i in level.special:
            if net.is_decision[i]:
                if track is not None and state[i] == DONE:  # taken: its sessions are known
                    found[i] = track.taken[int(i)]
                    continue
                found[i], moved = first_sessions(net.packages[i], int(early[i]), sessions, leads, time,
                                                 errors, i, floor)
                free_target[i] = first_ready(found[i], net.packages[i], leads, time)
                if moved:
                    displaced[i] = STATUS_DATE
            elif track is None or state[i] == NOT_STARTED:  # started work keeps its place
                before = int(early[i])
                early[i] = _avoid_forward(before, bool(inst[i]), int(dur[i]), bool(el[i]), windows, time)
                if early[i] != before:
                    displaced[i] = AVOID
        var = early[level.nodes]
        start[level.nodes] = time.start_instant(var, level.instant)
        finish[level.nodes] = time.finish_instant(var, level.span)
        if level.fixed.size:  # what has happened stays where it happened
            start[level.fixed] = track.fixed_start[level.fixed]
            finish[level.done] = track.fixed_finish[level.done]
        for i in level.decisions:
            start[i] = finish[i] = 2 * found[i][-1][1] + 1
        for i in level.ends:  # ends_at: the notice period ends with the month or quarter
            if track is None or state[i] == NOT_STARTED:
                finish[i] = period_finish(int(finish[i]), ends[i], cal)

    free_target = np.where(net.is_decision, free_target, early)
    project_end = int(finish.max()) if n else 0
    # The finish may pass neither the project finish nor its deadline.
    limit = np.minimum(net.deadline, project_end)
    upper = time.var_inverse(limit, Reference.of(inst, True, dur, el))
    # A milestone's latest instant lies in working time; a decision keeps its session's
    # closing even when the council meets on a Saturday or holiday.
    milestone = inst & ~net.is_decision
    upper = np.where(milestone, time.down(upper), upper)

    late = upper.copy()
    late_instant = np.zeros(n, dtype=np.int64)  # decisions: their own latest instant
    late_sessions: dict[int, list] = {}
    for level, links in zip(reversed(net.levels), reversed(net.links_out)):
        if links.src.size:
            np.minimum.at(late, links.src, _link_inverse(links, late, time, track))
        if level.milestones.size:
            late[level.milestones] = time.down(late[level.milestones])
        for i in level.special:
            if track is not None and state[i] != NOT_STARTED:
                continue
            if net.is_decision[i]:
                late_sessions[i] = last_sessions(net.packages[i], int(late[i]), sessions, time)
                late_instant[i] = 2 * late_sessions[i][-1][1] + 1
                late[i] = first_ready(late_sessions[i], net.packages[i], leads, time)
            else:
                late[i] = _avoid_backward(int(late[i]), bool(inst[i]), int(dur[i]), bool(el[i]), windows, time)
        for i in level.ends:
            if track is None or state[i] == NOT_STARTED:
                late[i] = _ends_latest(int(late[i]), ends[i], int(dur[i]), bool(el[i]), time)

    early_var = np.where(net.is_decision, start, early)  # a decision is its session's closing
    late_var = np.where(net.is_decision, late_instant, late)
    if track is not None:  # done: no float, nothing left to move
        late_var = np.where(state == DONE, early_var, late_var)
    total = np.where(inst, time.boundary(late_var) - time.boundary(early_var), late_var - early_var)

    # Free float: the same inverses against the successors' EARLY values.
    free_limit = upper.copy()
    if net.links.src.size:
        np.minimum.at(free_limit, net.links.src, _link_inverse(net.links, free_target, time, track))
    free_limit = np.where(milestone, time.down(free_limit), free_limit)
    for i in sorted(ends):
        free_limit[i] = _ends_latest(int(free_limit[i]), ends[i], int(dur[i]), bool(el[i]), time)
    for i in np.flatnonzero(net.is_decision):
        days = sessions.get(net.packages[i].body, np.zeros(0, dtype=np.int64))
        k = int(np.searchsorted(days, (int(free_limit[i]) - 1) // 2, side="right")) - 1
        free_limit[i] = max(2 * int(days[k]) + 1, int(start[i])) if k >= 0 else start[i]
    free = np.where(inst, time.boundary(free_limit) - time.boundary(early_var), free_limit - early_var)
    free = np.maximum(0, np.minimum(free, total))

    late_start = time.start_instant(late_var, inst)
    late_finish = time.finish_instant(late_var, Span.of(inst, dur, el))
    for i in sorted(ends):
        late_finish[i] = period_finish(int(late_finish[i]), ends[i], cal)
    # Near the calendar's end the clipped lookups may have cut dates short: retry longer.
    overflow = bool(n) and int(max(finish.max(), late_finish.max())) // 2 >= cal.days - OVERFLOW_GUARD_DAYS
    return Solution(early_var, late_var, start, finish, late_start, late_finish, total, free,
                    found, errors, overflow, *_drivers(net, bounds, displaced))


def _drivers(net: Network, bounds: list, displaced: dict) -> tuple[np.ndarray, np.ndarray]:
    """Each package's driver (the predecessor whose link bound it took, or -1) and the reason
    when none did (network.REASONS), from the forward pass's link bounds, level by level.

    A link that ties with the package's own lower bound (project start, not_before, status
    date) counts as its driver; among tying links the first in the package's ``after``
    wins (the levels' links are in plan order: by successor, then as listed). ``displaced``:
    packages that a session after the status date or an ``avoid`` window moved on.
    """
    driver = np.full(len(net.packages), -1, dtype=np.int64)
    reason = net.reason.copy()
    if bounds:
        bound = np.concatenate([b for b, _ in bounds])
        reached = np.concatenate([r for _, r in bounds])  # the successor's bound, over all links
        src = np.concatenate([links.src for links in net.links_in if links.src.size])
        dst = np.concatenate([links.dst for links in net.links_in if links.src.size])
        hit = np.flatnonzero(bound >= reached)
        first = np.ones(hit.size, dtype=bool)
        np.not_equal(dst[hit][1:], dst[hit][:-1], out=first[1:])
        driver[dst[hit[first]]] = src[hit[first]]
    for i, why in displaced.items():
        driver[i], reason[i] = -1, why
    if net.tracking is not None:  # done: its actual dates, not a link, put it there
        driver[net.tracking.state == DONE] = -1
    return driver, reason


def _link_inverse(links: Links, target, time: TimeAxis, track=None):
    """For each link, the latest predecessor variable that lets the successor keep ``target``."""
    x = time.bound_inverse(target[links.dst], links.dst_instant, links.to_finish, links.dst_dur,
                           links.dst_elapsed)
    x = time.lag_inverse(x, links.lag)
    x = time.var_inverse(x, links.src_reference)
    # a running package's start has happened: links from it bound nothing backward
    return x if track is None else np.where(links.inert, NONE_UPPER, x)


def _ends_latest(var: int, kind: str, dur: int, elapsed: bool, time: TimeAxis) -> int:
    """The latest start boundary of an ``ends_at`` task whose period finish keeps within the
    finish that ``var`` gives without it (mirrors budget.period_finish in the backward pass)."""
    span = Span.of([False], [dur], [elapsed])
    limit = int(time.finish_instant(np.array([var]), span)[0])
    nominal = period_latest(limit, kind, time.cal)
    if nominal >= limit:
        return var
    return min(var, int(time.var_inverse(np.array([nominal]), Reference.of([False], [True], [dur], [elapsed]))[0]))


def _span(var, instant, dur, elapsed, time: TimeAxis) -> tuple[int, int]:
    """First and last calendar day a package occupies."""
    v = np.array([var])
    first = int(time.start_instant(v, np.array([instant]))[0]) // 2
    last = int(time.finish_instant(v, Span.of([instant], [dur], [elapsed]))[0]) // 2
    return first, last


def _avoid_forward(var, instant, dur, elapsed, windows, time: TimeAxis) -> int:
    """Move a package later until no day of it lies in a school-holiday window."""
    starts, ends = windows
    while True:
        first, last = _span(var, instant, dur, elapsed, time)
        k = bisect.bisect_left(ends, first)
        if k >= len(starts) or starts[k] > last:
            return var
        after = int(time.nw(ends[k] + 1))
        var = 2 * int(time.wd(after)) if instant else after


def _avoid_backward(var, instant, dur, elapsed, windows, time: TimeAxis) -> int:
    """Move a package's latest position earlier until it clears every window."""
    starts, ends = windows
    for _ in range(len(starts) + 1):
        first, last = _span(var, instant, dur, elapsed, time)
        k = bisect.bisect_right(starts, last) - 1
        if k < 0 or ends[k] < first:
            return var
        before = 2 * (starts[k] - 1) + 1  # the closing of the day before the window
        if instant:
            var = int(time.down(np.array([before]))[0])
        else:
            var = int(time.var_inverse(np.array([before]), Reference.of([False], [True], [dur], [elapsed]))[0])
    return var
