"""Forward and backward pass over the package network, vectorised with numpy.

Time is counted in *instants*: ``2c`` is the opening of calendar day ``c``, ``2c + 1`` its
closing (see :mod:`roadmap.engine.calendar`). A task's variable is its start *boundary* ``s``
(working-day index); a milestone's or decision's variable is its instant. Every link is a
monotone function from the predecessor's variable to a lower bound on the successor's
(contract sections 2 and 4); the backward pass uses the exact upper inverses of the same
functions, so earliest and latest dates agree by construction.

Packages are processed level by level (a level holds packages whose predecessors are all
in earlier levels), so each level is a handful of array operations instead of a Python
loop over packages. Decisions and ``avoid`` windows need searching, and are handled per
package; they are few.
"""
from __future__ import annotations

import bisect
import datetime as dt
import gc
from dataclasses import dataclass, fields, replace
from typing import NamedTuple

import numpy as np

from roadmap.engine.calendar import WorkCalendar, build_calendar
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.text.messages import Message
from roadmap.plan.loader import active_packages
from roadmap.plan.model import Package, Plan
from roadmap.engine.result import Consultation, Schedule, ScheduledPackage

MARGIN_DAYS = 3 * 366  # calendar kept before the start, for negative float and lags
HORIZON_YEARS = 4
OVERFLOW_GUARD_DAYS = 14  # a schedule this close to the calendar's end is retried longer
LAST_YEAR = 2400  # the calendar is never built beyond this
NONE_UPPER = np.iinfo(np.int64).max // 4


@dataclass
class Network:
    """A plan's packages as arrays, indexed in plan order."""

    packages: list[Package]
    is_instant: np.ndarray  # milestone or decision
    is_decision: np.ndarray
    dur: np.ndarray  # working days (tasks) or calendar days (elapsed tasks)
    elapsed: np.ndarray
    base: np.ndarray  # lower bound of the variable (project start, not_before)
    deadline: np.ndarray  # instant the finish must not pass, or NONE_UPPER
    links: Links  # in plan order
    sessions: dict[str, np.ndarray]  # body id -> its session days (day indices, sorted)
    levels: list[Level]
    links_in: list[Links]  # per level: the links ending in it (forward pass)
    links_out: list[Links]  # per level: the links starting in it (backward pass)


@dataclass
class Level:
    """Packages whose predecessors all lie in earlier levels, with their attributes."""

    nodes: np.ndarray  # package indices, in plan order
    instant: np.ndarray  # per node: milestone or decision
    span: Span  # per node
    instants: np.ndarray  # package indices of the milestones and decisions
    milestones: np.ndarray  # ... of the milestones only
    decisions: np.ndarray
    special: np.ndarray  # ... of the decisions and the packages with avoid windows


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
    so that :meth:`_Time.var_inverse` needs one lookup for the three cases."""

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


@dataclass
class Links:
    """One entry per link, with what the passes need of both ends.

    The ends' attributes are copied in once, so that a pass reads each level's links as
    slices (views) instead of gathering a dozen arrays per level: on small plans that
    gathering, not the arithmetic, was most of the time.
    """

    src: np.ndarray
    dst: np.ndarray
    from_finish: np.ndarray  # FS, FF: the link starts at the predecessor's finish
    to_finish: np.ndarray  # FF, SF: the link bounds the successor's finish
    lag_plain: np.ndarray  # the four terms of Lag, flat so that select() slices them
    lag_positive: np.ndarray
    lag_instants: np.ndarray
    lag_shift: np.ndarray
    src_instant: np.ndarray  # the four terms of the predecessor's Reference
    src_half: np.ndarray
    src_calendar_shift: np.ndarray
    src_working_shift: np.ndarray
    dst_instant: np.ndarray
    dst_dur: np.ndarray
    dst_elapsed: np.ndarray

    def select(self, index) -> Links:
        """The links at ``index`` (an index array or a slice)."""
        return Links(*(getattr(self, f.name)[index] for f in fields(self)))

    @property
    def lag(self) -> Lag:
        return Lag(self.lag_plain, self.lag_positive, self.lag_instants, self.lag_shift)

    @property
    def src_reference(self) -> Reference:
        return Reference(self.src_instant, self.src_half, self.src_calendar_shift, self.src_working_shift)


@dataclass
class Solution:
    early: np.ndarray  # variable: start boundary (task) or instant (milestone, ready instant)
    late: np.ndarray
    early_start: np.ndarray  # instants
    early_finish: np.ndarray
    late_start: np.ndarray
    late_finish: np.ndarray
    total_float: np.ndarray
    free_float: np.ndarray
    sessions: dict  # node -> list of (body, day index)
    errors: list  # (node, message)
    overflow: bool


def schedule(plan: Plan, status_date: dt.date | None = None) -> Schedule:
    """Schedule ``plan``; raises :class:`PlanError` when a decision finds no session."""
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
    return _result(plan, packages, calendar, network, solution, status_date)


# ---- the network ----------------------------------------------------------------------


def build_network(plan: Plan, packages: list[Package], cal: WorkCalendar) -> Network:
    n = len(packages)
    index = {p.id: i for i, p in enumerate(packages)}
    is_instant = np.array([p.kind != "task" for p in packages], dtype=bool)
    is_decision = np.array([p.kind == "decision" for p in packages], dtype=bool)
    dur = np.array([p.duration.days if p.duration else 0 for p in packages], dtype=np.int64)
    elapsed = np.array([bool(p.duration and p.duration.elapsed) for p in packages], dtype=bool)

    start_boundary = int(cal.nw[cal.index(plan.project.start)])
    base_boundary = np.full(n, start_boundary, dtype=np.int64)
    deadline = np.full(n, NONE_UPPER, dtype=np.int64)
    for i, p in enumerate(packages):
        if p.not_before:
            base_boundary[i] = max(start_boundary, int(cal.nw[max(cal.index(p.not_before), 0)]))
        if p.deadline:
            # the closing of the last working day on or before the deadline
            last_working = int(cal.nw[cal.index(p.deadline) + 1]) - 1
            deadline[i] = 2 * int(cal.wd[max(last_working, 0)]) + 1
    base = np.where(is_instant, 2 * cal.wd[base_boundary], base_boundary)

    src, dst, types, lag, lag_elapsed = [], [], [], [], []
    for i, p in enumerate(packages):
        for link in p.after:
            src.append(index[link.pred])
            dst.append(i)
            types.append(link.type)
            lag.append(link.lag.days)
            lag_elapsed.append(link.lag.elapsed)
    types = np.array(types, dtype="U2")
    from_finish = (types == "FS") | (types == "FF")
    to_finish = (types == "FF") | (types == "SF")
    src, dst = np.array(src, dtype=np.int64), np.array(dst, dtype=np.int64)
    lag, lag_elapsed = np.array(lag, dtype=np.int64), np.array(lag_elapsed, dtype=bool)
    links = Links(src, dst, from_finish, to_finish, *Lag.of(lag, lag_elapsed),
                  *Reference.of(is_instant[src], from_finish, dur[src], elapsed[src]),
                  is_instant[dst], dur[dst], elapsed[dst])
    sessions = {b.id: np.array([cal.index(d) for d in b.sessions], dtype=np.int64)
                for b in plan.bodies.values()}
    return _with_levels(Network(packages, is_instant, is_decision, dur, elapsed, base, deadline,
                                links, sessions, [], [], []))


def _with_levels(net: Network) -> Network:
    """Group packages into levels (Kahn's algorithm on whole frontiers at a time)."""
    n = len(net.packages)
    src, dst = net.links.src, net.links.dst
    order = np.argsort(src, kind="stable")
    succ = dst[order]
    ptr = np.searchsorted(src[order], np.arange(n + 1))
    indeg = np.bincount(dst, minlength=n)
    level = np.zeros(n, dtype=np.int64)
    frontier = np.flatnonzero(indeg == 0)
    depth = 0
    while frontier.size:
        level[frontier] = depth
        targets = succ[_ranges(ptr[frontier], ptr[frontier + 1])]
        np.subtract.at(indeg, targets, 1)
        frontier = np.unique(targets[indeg[targets] == 0])
        depth += 1
    node_order = np.lexsort((np.arange(n), level))
    node_bounds = np.searchsorted(level[node_order], np.arange(depth + 1))
    avoid = np.array([bool(p.avoid) for p in net.packages], dtype=bool)
    for k in range(depth):
        nodes = node_order[node_bounds[k]:node_bounds[k + 1]]
        instant, decision = net.is_instant[nodes], net.is_decision[nodes]
        span = Span.of(instant, net.dur[nodes], net.elapsed[nodes])
        net.levels.append(Level(nodes, instant, span, nodes[instant], nodes[instant & ~decision],
                                nodes[decision], nodes[decision | avoid[nodes]]))
    for key, out in ((dst, net.links_in), (src, net.links_out)):
        edge_order = np.argsort(level[key], kind="stable")
        bounds = np.searchsorted(level[key][edge_order], np.arange(depth + 1))
        ordered = net.links.select(edge_order)
        out.extend(ordered.select(slice(bounds[k], bounds[k + 1])) for k in range(depth))
    return net


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, e)`` for each pair, without a Python loop."""
    lengths = ends - starts
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return np.arange(total) + offsets


# ---- calendar functions on arrays -----------------------------------------------------


class _Time:
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


# ---- the passes -----------------------------------------------------------------------


def solve(net: Network, cal: WorkCalendar, plan: Plan) -> Solution:
    """Both passes and the floats. Pure array work apart from decisions and ``avoid``."""
    time = _Time(cal)
    n = len(net.packages)
    sessions = net.sessions
    # each body's lead time as a lag, forward (to the first session) and back
    leads = {b.id: (Lag.of([b.lead_time.days], [b.lead_time.elapsed]),
                    Lag.of([-b.lead_time.days], [b.lead_time.elapsed])) for b in plan.bodies.values()}
    windows = ([cal.index(w.start) for w in cal.school_windows],
               [cal.index(w.end) for w in cal.school_windows])
    dur, el, inst = net.dur, net.elapsed, net.is_instant

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
            np.maximum.at(early, links.dst, time.bound(x, links.dst_instant, links.to_finish,
                                                       links.dst_dur, links.dst_elapsed))
        if level.instants.size:
            early[level.instants] = time.up(early[level.instants])
        for i in level.special:
            if net.is_decision[i]:
                found[i] = _first_sessions(net.packages[i], int(early[i]), sessions, leads, time, errors, i)
                free_target[i] = _ready_latest(found[i][0][1], leads[found[i][0][0]][1], time)
            else:
                early[i] = _avoid_forward(int(early[i]), bool(inst[i]), int(dur[i]), bool(el[i]), windows, time)
        var = early[level.nodes]
        start[level.nodes] = time.start_instant(var, level.instant)
        finish[level.nodes] = time.finish_instant(var, level.span)
        for i in level.decisions:
            start[i] = finish[i] = 2 * found[i][-1][1] + 1

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
            np.minimum.at(late, links.src, _link_inverse(links, late, time))
        if level.milestones.size:
            late[level.milestones] = time.down(late[level.milestones])
        for i in level.special:
            if net.is_decision[i]:
                late_sessions[i] = _last_sessions(net.packages[i], int(late[i]), sessions, time)
                late_instant[i] = 2 * late_sessions[i][-1][1] + 1
                late[i] = _ready_latest(late_sessions[i][0][1], leads[late_sessions[i][0][0]][1], time)
            else:
                late[i] = _avoid_backward(int(late[i]), bool(inst[i]), int(dur[i]), bool(el[i]), windows, time)

    early_var = np.where(net.is_decision, start, early)  # a decision is its session's closing
    late_var = np.where(net.is_decision, late_instant, late)
    total = np.where(inst, time.boundary(late_var) - time.boundary(early_var), late_var - early_var)

    # Free float: the same inverses against the successors' EARLY values.
    free_limit = upper.copy()
    if net.links.src.size:
        np.minimum.at(free_limit, net.links.src, _link_inverse(net.links, free_target, time))
    free_limit = np.where(milestone, time.down(free_limit), free_limit)
    for i in np.flatnonzero(net.is_decision):
        days = sessions.get(net.packages[i].body, np.zeros(0, dtype=np.int64))
        k = int(np.searchsorted(days, (int(free_limit[i]) - 1) // 2, side="right")) - 1
        free_limit[i] = max(2 * int(days[k]) + 1, int(start[i])) if k >= 0 else start[i]
    free = np.where(inst, time.boundary(free_limit) - time.boundary(early_var), free_limit - early_var)
    free = np.maximum(0, np.minimum(free, total))

    late_start = time.start_instant(late_var, inst)
    late_finish = time.finish_instant(late_var, Span.of(inst, dur, el))
    # Near the calendar's end the clipped lookups may have cut dates short: retry longer.
    overflow = bool(n) and int(max(finish.max(), late_finish.max())) // 2 >= cal.days - OVERFLOW_GUARD_DAYS
    return Solution(early_var, late_var, start, finish, late_start, late_finish, total, free,
                    found, errors, overflow)


def _link_inverse(links: Links, target, time: _Time):
    """For each link, the latest predecessor variable that lets the successor keep ``target``."""
    x = time.bound_inverse(target[links.dst], links.dst_instant, links.to_finish, links.dst_dur,
                           links.dst_elapsed)
    x = time.lag_inverse(x, links.lag)
    return time.var_inverse(x, links.src_reference)


def _first_sessions(package, ready, sessions, leads, time: _Time, errors, node) -> list:
    """The Beratungsfolge from the ready instant: (body, day index) per consultation."""
    bodies = list(package.via) + [package.body]
    x = int(time.add_lag(np.array([ready]), leads[bodies[0]][0])[0])
    need, strictly_after = (x + 1) // 2, False  # an opening allows that day, a closing the next
    result = []
    for body in bodies:
        days = sessions[body]
        k = int(np.searchsorted(days, need, side="right" if strictly_after else "left"))
        if k >= len(days):
            errors.append((node, body, need + (1 if strictly_after else 0)))
            day = need + (1 if strictly_after else 0)
        else:
            day = int(days[k])
        result.append((body, day))
        need, strictly_after = day, True
    return result


def _last_sessions(package, latest_instant, sessions, time: _Time) -> list:
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


def _ready_latest(first_day: int, lead_back: Lag, time: _Time) -> int:
    """The opening of the first consultation's day, moved back by the lead time."""
    return int(time.add_lag(np.array([2 * first_day]), lead_back)[0])


def _span(var, instant, dur, elapsed, time: _Time) -> tuple[int, int]:
    """First and last calendar day a package occupies."""
    v = np.array([var])
    first = int(time.start_instant(v, np.array([instant]))[0]) // 2
    last = int(time.finish_instant(v, Span.of([instant], [dur], [elapsed]))[0]) // 2
    return first, last


def _avoid_forward(var, instant, dur, elapsed, windows, time: _Time) -> int:
    """Move a package later until no day of it lies in a school-holiday window."""
    starts, ends = windows
    while True:
        first, last = _span(var, instant, dur, elapsed, time)
        k = bisect.bisect_left(ends, first)
        if k >= len(starts) or starts[k] > last:
            return var
        after = int(time.nw(ends[k] + 1))
        var = 2 * int(time.wd(after)) if instant else after


def _avoid_backward(var, instant, dur, elapsed, windows, time: _Time) -> int:
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


# ---- the result -----------------------------------------------------------------------


def _result(plan: Plan, packages, cal: WorkCalendar, net: Network, sol: Solution,
            status_date) -> Schedule:
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
                         _vorlage_due(plan.bodies[body].lead_time, day, cal))
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


def _vorlage_due(lead, session_day: int, cal: WorkCalendar) -> dt.date:
    """The last working day by whose end the Vorlage must be ready for this session.

    The latest ready instant is the session's opening moved back by the lead time; the
    Vorlage is due at the last closing of a working day at or before it.
    """
    time = _Time(cal)
    instant = _ready_latest(session_day, Lag.of([-lead.days], [lead.elapsed]), time)
    last_working = int(time.nw((instant - 1) // 2 + 1)) - 1
    return cal.date(int(time.wd(last_working)))


def _implicit_phases(packages):
    from roadmap.plan.model import Phase, Text

    seen = []
    for p in packages:
        if p.phase and p.phase not in seen:
            seen.append(p.phase)
    return tuple(Phase(pid, Text(pid, pid)) for pid in seen)
