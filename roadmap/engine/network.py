"""The plan as a network of arrays, grouped into levels for the passes.

:func:`build_network` turns the active packages into numpy arrays indexed in plan order
(durations, lower bounds, deadlines, the links with what the passes need of both ends) and
groups the packages into *levels*: a level holds packages whose predecessors all lie in
earlier levels, so each pass handles a level with a handful of array operations instead of
a Python loop over packages.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from roadmap.engine.calendar import WorkCalendar
from roadmap.engine.progress import DONE, NOT_STARTED, RUNNING, Tracking
from roadmap.engine.timeaxis import Lag, Reference, Span
from roadmap.plan.columns import PlanColumns, columns_for
from roadmap.plan.model import Package, Plan

NONE_UPPER = np.iinfo(np.int64).max // 4  # "no deadline": far beyond any instant

#: Why a package is where it is (``ScheduledPackage.driver_reason``), as codes in the
#: passes: what sets its lower bound, unless a link binds (LINK) or avoid moves it (AVOID).
#: ``capacity``: levelling raised its lower bound (roadmap.engine.capacity).
#: ``budget``: the money of ``funds: budget`` (roadmap.engine.budget).
REASONS = ("start", "not_before", "status_date", "actual", "avoid", "link", "capacity", "budget")
START, NOT_BEFORE, STATUS_DATE, ACTUAL, AVOID, LINK, CAPACITY, BUDGET = range(len(REASONS))


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
    reason: np.ndarray | None = None  # per package: what sets ``base`` (START ... ACTUAL)
    tracking: Tracking | None = None  # the actuals, when the plan records progress
    columns: PlanColumns | None = None  # what the plan reader read of the packages


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
    fixed: np.ndarray = None  # ... of the packages with an actual start (running, finished, taken)
    done: np.ndarray = None  # ... of those with an actual finish too (finished, taken)
    reached: np.ndarray = None  # ... of the milestones reached (within their actual day)
    budget: np.ndarray = None  # ... of the packages with ``funds: budget``
    ends: np.ndarray = None  # ... of the tasks with ``ends_at``


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
    inert: np.ndarray  # bounds nothing backward: from a running package's (fixed) start, or
    # into a milestone reached (what happened does not constrain its predecessors)

    def select(self, index) -> Links:
        """The links at ``index`` (an index array or a slice)."""
        return Links(*(getattr(self, f.name)[index] for f in fields(self)))

    @property
    def lag(self) -> Lag:
        return Lag(self.lag_plain, self.lag_positive, self.lag_instants, self.lag_shift)

    @property
    def src_reference(self) -> Reference:
        return Reference(self.src_instant, self.src_half, self.src_calendar_shift, self.src_working_shift)


def build_network(plan: Plan, packages: list[Package], cal: WorkCalendar,
                  tracking: Tracking | None = None, columns: PlanColumns | None = None) -> Network:
    """The active ``packages`` of ``plan`` as arrays on ``cal``, grouped into levels.

    ``columns``: what the plan reader read of ``packages`` (by default the plan's own when
    they are its packages, else read now; :mod:`roadmap.plan.columns`).

    With ``tracking`` (the plan records progress, :mod:`roadmap.engine.progress`), running
    tasks count their remaining work from the status date, finished work is pinned, and
    links that no longer move a package are left out.
    """
    n = len(packages)
    columns = columns or columns_for(plan, packages)
    read = _read(columns)
    is_instant, is_decision = read.kind != 0, read.kind == 2
    dur, elapsed = read.dur, read.elapsed

    start_boundary = int(cal.nw[cal.index(plan.project.start)])
    base_boundary = np.full(n, start_boundary, dtype=np.int64)
    reason = np.full(n, START, dtype=np.int64)
    deadline = np.full(n, NONE_UPPER, dtype=np.int64)
    if read.not_before:
        nodes = np.array(read.not_before, dtype=np.int64)
        bound = cal.nw[np.maximum(_days(packages, nodes, "not_before", cal), 0)]
        base_boundary[nodes] = np.maximum(start_boundary, bound)
        reason[nodes] = np.where(bound >= start_boundary, NOT_BEFORE, START)
    if read.deadline:  # the closing of the last working day on or before the deadline
        nodes = np.array(read.deadline, dtype=np.int64)
        last_working = cal.nw[_days(packages, nodes, "deadline", cal) + 1] - 1
        deadline[nodes] = 2 * cal.wd[np.maximum(last_working, 0)] + 1
    if tracking is not None:
        state = tracking.state
        running = state == RUNNING
        dur = np.where(running, tracking.remaining, dur)
        elapsed = np.where(running, tracking.remaining_elapsed, elapsed)
        # not started: no earlier than the first opening after the status date (a decision
        # instead takes a session after it); running: the work left begins there
        later = ((state == NOT_STARTED) & ~is_decision & (tracking.after >= base_boundary)) | running
        base_boundary = np.where(later, tracking.after, base_boundary)
        reason[later] = STATUS_DATE
    base = np.where(is_instant, 2 * cal.wd[base_boundary], base_boundary)
    if tracking is not None:
        done = tracking.state == DONE
        pinned = np.where(is_instant, np.maximum(tracking.fixed_finish, tracking.reached),
                          cal.nw[tracking.fixed_start // 2])
        base = np.where(done, pinned, base)
        reason[done] = ACTUAL

    src, dst, types, lag, lag_elapsed = read.links()
    from_finish = (types == 0) | (types == 2)  # FS, FF
    to_finish = (types == 2) | (types == 3)  # FF, SF
    inert = np.zeros(len(src), dtype=bool)
    if tracking is not None and len(src):
        # done: no link moves it (a reached milestone's links only place it within its day);
        # running: only links to its finish still do
        state, reached = tracking.state, tracking.reached >= 0
        keep = (state[dst] == NOT_STARTED) | ((state[dst] == RUNNING) & to_finish) | reached[dst]
        src, dst, from_finish, to_finish = src[keep], dst[keep], from_finish[keep], to_finish[keep]
        lag, lag_elapsed = lag[keep], lag_elapsed[keep]
        inert = ((state[src] == RUNNING) & ~from_finish) | reached[dst]
    links = Links(src, dst, from_finish, to_finish, *Lag.of(lag, lag_elapsed),
                  *Reference.of(is_instant[src], from_finish, dur[src], elapsed[src]),
                  is_instant[dst], dur[dst], elapsed[dst], inert)
    sessions = {b.id: np.array([cal.index(d) for d in b.sessions], dtype=np.int64)
                for b in plan.bodies.values()}
    return _with_levels(Network(packages, is_instant, is_decision, dur, elapsed, base, deadline,
                                links, sessions, [], [], [], reason, tracking, columns), read)


class _read:  # noqa: N801 - used as a function
    """The plan's columns (roadmap.plan.columns) as arrays: at 100,000 packages, reading the
    package and link objects themselves, not the arithmetic, was the cost."""

    def __init__(self, columns: PlanColumns):
        n = len(columns.kind)
        self.not_before, self.deadline = columns.not_before, columns.deadline
        self.kind = np.array(columns.kind, dtype=np.int8)
        self.dur = np.array(columns.dur, dtype=np.int64)
        self.elapsed = np.array(columns.elapsed, dtype=bool)
        self.counts = np.array(columns.counts, dtype=np.int64)
        self.avoid, self.budget, self.ends = (np.zeros(n, dtype=bool) for _ in range(3))
        self.avoid[columns.avoid] = self.budget[columns.budget] = self.ends[columns.ends] = True
        self.columns = columns

    def links(self):
        """src, dst, type code (LINK_CODES), lag days and lag elapsed of every link, in plan order."""
        c = self.columns
        dst = np.repeat(np.arange(len(self.counts), dtype=np.int64), self.counts)
        return (np.array(c.src, dtype=np.int64), dst, np.array(c.types, dtype=np.int8),
                np.array(c.lag, dtype=np.int64), np.array(c.lag_elapsed, dtype=bool))


def _days(packages: list[Package], nodes: np.ndarray, key: str, cal: WorkCalendar) -> np.ndarray:
    """Day indices of a date field (not_before, deadline) of the packages at ``nodes``."""
    origin = cal.origin
    return np.array([(getattr(packages[i], key) - origin).days for i in nodes.tolist()], dtype=np.int64)


def _with_levels(net: Network, read: _read) -> Network:
    """Group packages into levels (Kahn's algorithm on whole frontiers at a time)."""
    avoid, budget, ends = read.avoid, read.budget, read.ends
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
        frontier = _sorted_unique(targets[indeg[targets] == 0])
        depth += 1
    node_order = np.lexsort((np.arange(n), level))
    node_bounds = np.searchsorted(level[node_order], np.arange(depth + 1))
    empty = np.zeros(0, dtype=np.int64)
    for k in range(depth):
        nodes = node_order[node_bounds[k]:node_bounds[k + 1]]
        instant, decision = net.is_instant[nodes], net.is_decision[nodes]
        span = Span.of(instant, net.dur[nodes], net.elapsed[nodes])
        group = Level(nodes, instant, span, nodes[instant], nodes[instant & ~decision],
                      nodes[decision], nodes[decision | avoid[nodes]], empty, empty, empty,
                      nodes[budget[nodes]], nodes[ends[nodes]])
        if net.tracking is not None:
            track = net.tracking
            group.fixed, group.done = nodes[track.fixed_start[nodes] >= 0], nodes[track.fixed_finish[nodes] >= 0]
            group.reached = nodes[track.reached[nodes] >= 0]
        net.levels.append(group)
    for key, out in ((dst, net.links_in), (src, net.links_out)):
        edge_order = np.argsort(level[key], kind="stable")
        bounds = np.searchsorted(level[key][edge_order], np.arange(depth + 1))
        ordered = net.links.select(edge_order)
        out.extend(ordered.select(slice(bounds[k], bounds[k + 1])) for k in range(depth))
    return net


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` without its import of numpy.ma (10-20 ms of every `roadmap` run)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, e)`` for each pair, without a Python loop."""
    lengths = ends - starts
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return np.arange(total) + offsets
