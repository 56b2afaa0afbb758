"""Resource levelling on plain arrays: delay activities so that no resource is over its
capacity on any day, keeping every precedence lag and earliest start.

This module knows nothing about plans, calendars or dates. Time is a count of working
days (0, 1, 2, ...); an activity occupies the days ``start .. start + duration - 1``.
The caller (the scheduler) turns a plan into a :class:`Problem` and the result back into
dates.

The method is the one the literature on the resource-constrained project scheduling
problem (RCPSP, benchmark PSPLIB) has found to work:

* **Serial schedule generation** (Kelley 1963; Kolisch 1996): take the activities one at
  a time in an *activity list* order that respects the precedences and put each at the
  earliest day where its predecessors allow it and every resource has room for its whole
  duration. Every list gives a feasible schedule, and some list gives an optimal one.
* **Forward-backward improvement** / justification (Li & Willis 1992; Valls, Ballestín &
  Quintanilla 2005): schedule the activities again from the end, as late as possible, in
  order of their finish, then again from the start in order of those starts. This closes
  gaps and never makes the schedule longer.
* **Biased random sampling** over the latest-finish-time priority rule (regret-based,
  Kolisch & Drexl 1996) plus a few deterministic priority rules for the first lists.
* **A genetic algorithm on activity lists** (Hartmann 1998): two-point crossover that
  keeps lists precedence-feasible, swap mutation, survival of the best; every child is
  justified and the justified order replaces it (Valls et al. 2005).

The work per schedule is a few tight loops over small integer arrays. They are compiled
with numba when it is installed (``_kernel``) and run as plain Python otherwise, with the
same results: all random numbers are drawn in Python from one seeded numpy generator and
handed to the loops, so a seed always gives the same schedule.

Budget: a fixed number of generated schedules (each forward or backward pass counts as
one, the literature's measure), never a time limit, so that results do not depend on the
machine's speed.
"""
from __future__ import annotations

import dataclasses
from typing import Sequence

import numpy as np

try:  # pragma: no cover - exercised by whichever of the two is installed
    from numba import njit as _numba_njit

    def _kernel(fn):
        return _numba_njit(cache=True, nogil=True)(fn)

    COMPILED = True
except ImportError:  # pragma: no cover
    def _kernel(fn):
        return fn

    COMPILED = False

EPS = 1e-9
DEFAULT_BUDGET = 5000
DEFAULT_SEED = 20240501


# ---------------------------------------------------------------------------------------
# The problem
# ---------------------------------------------------------------------------------------

@dataclasses.dataclass
class Problem:
    """A levelling problem on working-day indices.

    durations: (n,) int, working days (0 for milestones).
    edges: (m, 3) int rows ``(pred, succ, lag)``: ``start[succ] >= start[pred] + lag``.
        Every link type reduces to this (finish-start: lag = duration of pred + gap).
        The edges must form no cycle.
    requests: (n, R) float: the share of each resource an activity takes on each day it runs.
    capacity: (R, H) float: what each resource has on each day; days past H have the
        last column's value.
    release: (n,) int: earliest start of each activity (from dates, sessions, actuals, ...).
    priority: (n,) float, higher first (0..1000, default 500). Used for the order of the
        first lists and to break ties between schedules of the same length.
    fixed: (n,) bool, optional: activities that stay at their release day (actual starts,
        priority 1000); they still take their capacity.
    snap: (n,) int, optional: -1, or the row of ``allowed`` an activity must start on.
    allowed: (K, H) bool, optional: days on which an activity with that snap row may start
        (council sessions); where no allowed day is left, the activity starts unsnapped.
    """

    durations: np.ndarray
    edges: np.ndarray
    requests: np.ndarray
    capacity: np.ndarray
    release: np.ndarray | None = None
    priority: np.ndarray | None = None
    fixed: np.ndarray | None = None
    snap: np.ndarray | None = None
    allowed: np.ndarray | None = None

    def __post_init__(self):
        self.durations = np.ascontiguousarray(self.durations, dtype=np.int64)
        n = len(self.durations)
        edges = np.asarray(self.edges, dtype=np.int64).reshape(-1, 3)
        self.edges = np.ascontiguousarray(edges)
        req = np.asarray(self.requests, dtype=np.float64)
        self.requests = np.ascontiguousarray(req.reshape(n, -1) if req.size else
                                             np.zeros((n, 0)))
        cap = np.asarray(self.capacity, dtype=np.float64)
        if cap.ndim == 1:
            cap = cap[:, None]
        self.capacity = np.ascontiguousarray(cap.reshape(self.requests.shape[1], -1)
                                             if cap.size else np.zeros((0, 1)))
        self.release = (np.zeros(n, np.int64) if self.release is None
                        else np.ascontiguousarray(self.release, dtype=np.int64))
        self.priority = (np.full(n, 500.0) if self.priority is None
                         else np.ascontiguousarray(self.priority, dtype=np.float64))
        self.fixed = (np.zeros(n, np.bool_) if self.fixed is None
                      else np.ascontiguousarray(self.fixed, dtype=np.bool_))
        self.snap = (np.full(n, -1, np.int64) if self.snap is None
                     else np.ascontiguousarray(self.snap, dtype=np.int64))
        if self.allowed is None:
            self.allowed = np.zeros((0, 1), np.bool_)
        self.allowed = np.ascontiguousarray(self.allowed, dtype=np.bool_)
        if (self.durations < 0).any():
            raise ValueError("negative duration")
        if len(self.edges) and (self.edges[:, :2].min() < 0 or self.edges[:, :2].max() >= n):
            raise ValueError("edge refers to an unknown activity")

    @property
    def n(self) -> int:
        return len(self.durations)

    @property
    def resources(self) -> int:
        return self.requests.shape[1]


@dataclasses.dataclass
class Result:
    """A levelled schedule.

    start: (n,) int start day of each activity. makespan: latest finish.
    schedules: schedules generated (forward and backward passes).
    lower_bound: a lower bound on the makespan (critical path / resource work); the search
    stops early when it reaches it. order: the activity list that produced ``start``.
    """

    start: np.ndarray
    makespan: int
    schedules: int
    lower_bound: int
    order: np.ndarray
    seed: int


# ---------------------------------------------------------------------------------------
# Compiled kernels (plain loops over arrays)
# ---------------------------------------------------------------------------------------

@_kernel
def _heap_push(heap, size, item, key):
    i = size
    heap[i] = item
    while i > 0:
        p = (i - 1) // 2
        a = heap[p]
        if key[a] < key[item] or (key[a] == key[item] and a < item):
            break
        heap[i] = a
        heap[p] = item
        i = p
    return size + 1


@_kernel
def _heap_pop(heap, size, key):
    top = heap[0]
    size -= 1
    if size > 0:
        item = heap[size]
        heap[0] = item
        i = 0
        while True:
            c = 2 * i + 1
            if c >= size:
                break
            b = heap[c]
            if c + 1 < size:
                b2 = heap[c + 1]
                if key[b2] < key[b] or (key[b2] == key[b] and b2 < b):
                    c += 1
                    b = b2
            if key[item] < key[b] or (key[item] == key[b] and item < b):
                break
            heap[i] = b
            heap[c] = item
            i = c
    return top, size


@_kernel
def _topo_by_key(key, pred_ptr, succ_ptr, succ_idx, order):
    """Precedence-feasible order: always the ready activity with the smallest key
    (ties: smaller index). Writes into ``order``."""
    n = key.shape[0]
    indeg = np.empty(n, np.int64)
    heap = np.empty(n, np.int64)
    size = 0
    for j in range(n):
        indeg[j] = pred_ptr[j + 1] - pred_ptr[j]
        if indeg[j] == 0:
            size = _heap_push(heap, size, j, key)
    pos = 0
    while size > 0:
        j, size = _heap_pop(heap, size, key)
        order[pos] = j
        pos += 1
        for k in range(succ_ptr[j], succ_ptr[j + 1]):
            s = succ_idx[k]
            indeg[s] -= 1
            if indeg[s] == 0:
                size = _heap_push(heap, size, s, key)
    return pos


@_kernel
def _serial_sgs(order, dur, pred_ptr, pred_idx, pred_lag, rq_ptr, rq_res, rq_amt,
                cap, release, fixed, snap, next_ok, start):
    """Serial schedule generation: each activity of ``order`` at the earliest day that
    its predecessors, its release day, its snap row and the remaining capacity allow.
    ``cap`` (R, H) must be long enough; columns past the last day are never read because
    H includes the sum of all durations. Returns the makespan; starts go to ``start``."""
    avail = cap.copy()
    horizon = avail.shape[1]
    makespan = 0
    # fixed activities hold their days whatever their place in the list
    for j in range(dur.shape[0]):
        if fixed[j]:
            for tau in range(max(release[j], 0), min(release[j] + dur[j], horizon)):
                for k in range(rq_ptr[j], rq_ptr[j + 1]):
                    avail[rq_res[k], tau] -= rq_amt[k]
    for pos in range(order.shape[0]):
        j = order[pos]
        t = release[j]
        d = dur[j]
        a = rq_ptr[j]
        b = rq_ptr[j + 1]
        if not fixed[j]:
            for k in range(pred_ptr[j], pred_ptr[j + 1]):
                s = start[pred_idx[k]] + pred_lag[k]
                if s > t:
                    t = s
            if t < 0:
                t = 0
            t0 = t
            while True:
                if snap[j] >= 0 and t < horizon:
                    nt = next_ok[snap[j], t]
                    if nt >= 0:
                        t = nt
                if t + d > horizon:
                    # no room left before the capacity runs out for good: keep the
                    # earliest day and leave the over-allocation to be reported
                    t = t0
                    break
                conflict = -1
                # scan from the end: the latest clash gives the longest jump
                for tau in range(t + d - 1, t - 1, -1):
                    for k in range(a, b):
                        if avail[rq_res[k], tau] < rq_amt[k] - 1e-9:
                            conflict = tau
                            break
                    if conflict >= 0:
                        break
                if conflict < 0:
                    break
                t = conflict + 1
        start[j] = t
        if fixed[j]:
            if t + d > makespan:
                makespan = t + d
            continue
        hi = t + d
        if hi > horizon:
            hi = horizon
        for tau in range(max(t, 0), hi):
            for k in range(a, b):
                avail[rq_res[k], tau] -= rq_amt[k]
        if t + d > makespan:
            makespan = t + d
    return makespan


@_kernel
def _fbi(order, dur, fw_ptr, fw_idx, fw_lag, bw_ptr, bw_idx, bw_lag, fw_succ_ptr,
         fw_succ_idx, bw_succ_ptr, bw_succ_idx, rq_ptr, rq_res, rq_amt, cap, cap_const,
         release, fixed, snap, next_ok, tie, max_iter, bound, start, out_order):
    """Serial SGS of ``order`` followed by forward-backward improvement until it stops
    improving (at most ``max_iter`` rounds). Returns (makespan, schedules generated);
    the best forward schedule is in ``start`` and its list in ``out_order``."""
    n = dur.shape[0]
    best = _serial_sgs(order, dur, fw_ptr, fw_idx, fw_lag, rq_ptr, rq_res, rq_amt, cap,
                       release, fixed, snap, next_ok, start)
    for i in range(n):
        out_order[i] = order[i]
    count = 1
    if n == 0 or best <= bound:
        return best, count
    nosnap = np.full(n, -1, np.int64)
    nofix = np.zeros(n, np.bool_)
    zero = np.zeros(n, np.int64)
    bstart = np.empty(n, np.int64)
    fstart = np.empty(n, np.int64)
    key = np.empty(n, np.float64)
    border = np.empty(n, np.int64)
    forder = np.empty(n, np.int64)
    R = cap.shape[0]
    H = cap.shape[1]
    for _ in range(max_iter):
        m = best
        # backward: mirror time, t' = m - finish; activities that finish last go first
        for j in range(n):
            key[j] = (m - start[j] - dur[j]) + 0.5 * tie[j]
        _topo_by_key(key, bw_ptr, bw_succ_ptr, bw_succ_idx, border)
        if cap_const:
            mcap = cap
        else:
            mcap = np.empty((R, H), np.float64)
            for r in range(R):
                for tt in range(H):
                    src = m - 1 - tt
                    if src < 0:
                        src = 0
                    if src >= H:
                        src = H - 1
                    mcap[r, tt] = cap[r, src]
        mb = _serial_sgs(border, dur, bw_ptr, bw_idx, bw_lag, rq_ptr, rq_res, rq_amt, mcap,
                         zero, nofix, nosnap, next_ok, bstart)
        # forward again in order of the backward schedule's real starts
        for j in range(n):
            key[j] = (mb - bstart[j] - dur[j]) + 0.5 * tie[j]
        _topo_by_key(key, fw_ptr, fw_succ_ptr, fw_succ_idx, forder)
        mf = _serial_sgs(forder, dur, fw_ptr, fw_idx, fw_lag, rq_ptr, rq_res, rq_amt, cap,
                         release, fixed, snap, next_ok, fstart)
        count += 2
        if mf < best:
            best = mf
            for j in range(n):
                start[j] = fstart[j]
                out_order[j] = forder[j]
        else:
            if mf == best:  # same length: keep the justified one (denser, better parent)
                for j in range(n):
                    start[j] = fstart[j]
                    out_order[j] = forder[j]
            break
    return best, count


@_kernel
def _sample_list(prio, u, pred_ptr, succ_ptr, succ_idx, alpha, order):
    """Regret-based biased random sampling: among the ready activities pick j with
    probability proportional to (max prio - prio_j + 1) ** alpha (small prio = urgent).
    ``u`` holds one uniform number per step."""
    n = prio.shape[0]
    indeg = np.empty(n, np.int64)
    ready = np.empty(n, np.int64)
    nready = 0
    for j in range(n):
        indeg[j] = pred_ptr[j + 1] - pred_ptr[j]
        if indeg[j] == 0:
            ready[nready] = j
            nready += 1
    w = np.empty(n, np.float64)
    for pos in range(n):
        hi = prio[ready[0]]
        for i in range(1, nready):
            if prio[ready[i]] > hi:
                hi = prio[ready[i]]
        total = 0.0
        for i in range(nready):
            w[i] = (hi - prio[ready[i]] + 1.0) ** alpha
            total += w[i]
        x = u[pos] * total
        pick = nready - 1
        acc = 0.0
        for i in range(nready):
            acc += w[i]
            if x < acc:
                pick = i
                break
        j = ready[pick]
        ready[pick] = ready[nready - 1]
        nready -= 1
        order[pos] = j
        for k in range(succ_ptr[j], succ_ptr[j + 1]):
            s = succ_idx[k]
            indeg[s] -= 1
            if indeg[s] == 0:
                ready[nready] = s
                nready += 1


@_kernel
def _crossover(mother, father, q1, q2, child):
    """Two-point crossover on activity lists (Hartmann 1998): positions < q1 from the
    mother, q1..q2-1 from the father's list (activities not taken yet, in his order), the
    rest from the mother. Precedence-feasible parents give a feasible child."""
    n = mother.shape[0]
    taken = np.zeros(n, np.bool_)
    pos = 0
    for i in range(q1):
        child[pos] = mother[i]
        taken[mother[i]] = True
        pos += 1
    for i in range(n):
        if pos >= q2:
            break
        a = father[i]
        if not taken[a]:
            child[pos] = a
            taken[a] = True
            pos += 1
    for i in range(n):
        a = mother[i]
        if not taken[a]:
            child[pos] = a
            taken[a] = True
            pos += 1


@_kernel
def _mutate(order, u, pm, pred_ptr, pred_idx):
    """Swap neighbours with probability pm each, unless the second needs the first."""
    n = order.shape[0]
    for i in range(n - 1):
        if u[i] < pm:
            a = order[i]
            b = order[i + 1]
            linked = False
            for k in range(pred_ptr[b], pred_ptr[b + 1]):
                if pred_idx[k] == a:
                    linked = True
                    break
            if not linked:
                order[i] = b
                order[i + 1] = a


# ---------------------------------------------------------------------------------------
# Preparing the arrays
# ---------------------------------------------------------------------------------------

def _csr(n: int, keys: np.ndarray, vals: np.ndarray, lags: np.ndarray):
    """CSR lists grouped by ``keys`` (stable)."""
    order = np.argsort(keys, kind="stable")
    ptr = np.zeros(n + 1, np.int64)
    np.add.at(ptr, keys + 1, 1)
    ptr = np.cumsum(ptr)
    return (ptr, np.ascontiguousarray(vals[order], dtype=np.int64),
            np.ascontiguousarray(lags[order], dtype=np.int64))


class _Prepared:
    """Everything the kernels need, built once per problem."""

    def __init__(self, p: Problem):
        n, d = p.n, p.durations
        e = p.edges
        pred, succ, lag = e[:, 0], e[:, 1], e[:, 2]
        self.n = n
        self.dur = d
        # forward network: preds of each activity; its successor lists for topo sorting
        self.fw_ptr, self.fw_idx, self.fw_lag = _csr(n, succ, pred, lag)
        self.fw_succ_ptr, self.fw_succ_idx, self.fw_succ_lag = _csr(n, pred, succ, lag)
        # mirrored network: t' = M - finish; start'[pred] >= start'[succ] + lag + d[succ] - d[pred]
        blag = lag + d[succ] - d[pred]
        self.bw_ptr, self.bw_idx, self.bw_lag = _csr(n, pred, succ, blag)
        self.bw_succ_ptr, self.bw_succ_idx, _ = self.fw_ptr, self.fw_idx, None
        # earliest starts without resources (also checks for cycles)
        self.es = self._earliest(p)
        # requests, clipped to what the resource ever has from the release on: an
        # activity asking for more than that can never be placed; it takes all there is
        req = p.requests.copy()
        R = p.resources
        cap = p.capacity
        if R:
            most_later = np.maximum.accumulate(cap[:, ::-1], axis=1)[:, ::-1]  # (R, H)
            col = np.minimum(self.es, cap.shape[1] - 1)
            ceiling = most_later[:, col].T  # (n, R)
            req = np.minimum(req, ceiling)
        self.clipped = np.argwhere(req < p.requests - EPS)
        rows, cols = np.nonzero(req > EPS)
        self.rq_ptr = np.zeros(n + 1, np.int64)
        np.add.at(self.rq_ptr, rows + 1, 1)
        self.rq_ptr = np.cumsum(self.rq_ptr)
        self.rq_res = np.ascontiguousarray(cols, dtype=np.int64)
        self.rq_amt = np.ascontiguousarray(req[rows, cols], dtype=np.float64)
        self.req = req
        # horizon: no activity of a serial schedule starts later than everything before
        # it has finished, its own earliest start and the last change of capacity
        last_change = 0
        if R and cap.shape[1] > 1:
            changes = np.nonzero((cap[:, 1:] != cap[:, :-1]).any(axis=0))[0]
            if len(changes):
                last_change = int(changes[-1]) + 1
        pos_lag = int(np.clip(lag - d[pred], 0, None).sum()) if len(e) else 0
        horizon = (max(int(self.es.max(initial=0)), last_change, int(p.release.max(initial=0)))
                   + int(d.sum()) + pos_lag + 2)
        if p.allowed.shape[0]:
            horizon = max(horizon, p.allowed.shape[1])
        self.horizon = horizon
        full = np.empty((R, horizon), np.float64)
        w = min(horizon, cap.shape[1])
        full[:, :w] = cap[:, :w]
        if horizon > w:
            full[:, w:] = cap[:, -1:] if cap.shape[1] else 0.0
        self.cap = full
        self.cap_const = bool(R == 0 or (full == full[:, :1]).all())
        # next allowed start day per snap row (-1: none left)
        K = p.allowed.shape[0]
        nxt = np.full((K, horizon), -1, np.int64)
        for k in range(K):
            days = np.nonzero(p.allowed[k])[0]
            idx = np.searchsorted(days, np.arange(horizon))
            ok = idx < len(days)
            nxt[k, ok] = days[idx[ok]]
        self.next_ok = nxt if K else np.full((1, 1), -1, np.int64)
        self.release = p.release
        self.fixed = p.fixed
        self.snap = p.snap if K else np.full(n, -1, np.int64)
        # latest finish without resources, for priority rules and the lower bound
        self.cp = int((self.es + d).max(initial=0))
        self.lf = self._latest_finish(p, self.cp)

    def _earliest(self, p: Problem) -> np.ndarray:
        n = p.n
        order = np.empty(n, np.int64)
        got = _topo_by_key(np.zeros(n), self.fw_ptr, self.fw_succ_ptr, self.fw_succ_idx, order)
        if got != n:
            raise ValueError("the precedence links form a cycle")
        self.topo = order
        es = np.maximum(p.release, 0).astype(np.int64)
        for j in order:  # n is small; plain Python is fine here
            a, b = self.fw_ptr[j], self.fw_ptr[j + 1]
            if b > a and not p.fixed[j]:
                es[j] = max(es[j], int((es[self.fw_idx[a:b]] + self.fw_lag[a:b]).max()))
        return es

    def _latest_finish(self, p: Problem, end: int) -> np.ndarray:
        d = p.durations
        ls = (end - d).astype(np.int64)
        for j in self.topo[::-1]:
            a, b = self.fw_succ_ptr[j], self.fw_succ_ptr[j + 1]
            if b > a:  # start[s] >= start[j] + lag  =>  start[j] <= start[s] - lag
                ls[j] = min(ls[j], int((ls[self.fw_succ_idx[a:b]] - self.fw_succ_lag[a:b]).min()))
        return ls + d


# ---------------------------------------------------------------------------------------
# The search
# ---------------------------------------------------------------------------------------

def lower_bound(p: Problem, prep: _Prepared | None = None) -> int:
    """Critical path length, and for constant capacities the work bound
    ceil(sum of requested resource-days / capacity)."""
    prep = prep or _Prepared(p)
    lb = prep.cp
    if p.resources and prep.cap_const:
        work = (prep.req * p.durations[:, None]).sum(axis=0)
        capc = prep.cap[:, 0]
        with np.errstate(divide="ignore", invalid="ignore"):
            need = np.where(capc > EPS, np.ceil(work / np.where(capc > EPS, capc, 1) - 1e-9), 0)
        if len(need):
            lb = max(lb, int(need.max()))
    return lb


class _Search:
    # tuned on PSPLIB (bench/bench_levelling.py)
    POPULATION = (10, 100, 40)  # min, max, budget per member (small problems)
    POPULATION_LARGE = (10, 60, 60)  # from LARGE activities on
    LARGE = 60
    CHILD_FBI = 2  # forward-backward rounds per child
    MUTATION = 2.0  # expected swaps per list (capped at 5 % per position)
    SAMPLE_ALPHA = 1.0

    def __init__(self, p: Problem, seed: int, budget: int):
        self.p = p
        self.prep = prep = _Prepared(p)
        self.rng = np.random.default_rng(seed)
        self.budget = budget
        self.used = 0
        self.lb = lower_bound(p, prep)
        n = p.n
        # ties between equal starts: higher priority first, then latest finish time
        pr = p.priority
        tie_key = np.lexsort((prep.lf, -pr))
        tie = np.empty(n, np.float64)
        tie[tie_key] = np.arange(n) / max(n, 1)
        self.tie = tie
        # secondary objective: priority-weighted finishes (prefers high priority early)
        self.weight = (1.0 + pr / 1000.0) / max(n, 1)
        self.best_start = None
        self.best_order = None
        self.best_score = (np.inf, np.inf)

    # one list -> justified schedule
    def evaluate(self, order: np.ndarray, max_iter: int = 3):
        q = self.prep
        start = np.empty(q.n, np.int64)
        out = np.empty(q.n, np.int64)
        max_iter = max(0, min(max_iter, (self.budget - self.used - 1) // 2))
        mk, cnt = _fbi(order, q.dur, q.fw_ptr, q.fw_idx, q.fw_lag, q.bw_ptr, q.bw_idx,
                       q.bw_lag, q.fw_succ_ptr, q.fw_succ_idx, q.bw_succ_ptr, q.bw_succ_idx,
                       q.rq_ptr, q.rq_res, q.rq_amt, q.cap, q.cap_const, q.release, q.fixed,
                       q.snap, q.next_ok, self.tie, max_iter, self.lb, start, out)
        self.used += cnt
        score = (int(mk), float((self.weight * (start + q.dur)).sum()))
        if score < self.best_score:
            self.best_score = score
            self.best_start = start.copy()
            self.best_order = out.copy()
        return score, out

    def done(self) -> bool:
        return self.used >= self.budget or self.best_score[0] <= self.lb

    def rule_list(self, key: np.ndarray) -> np.ndarray:
        q = self.prep
        order = np.empty(q.n, np.int64)
        _topo_by_key(np.asarray(key, np.float64), q.fw_ptr, q.fw_succ_ptr, q.fw_succ_idx, order)
        return order

    def sample_list(self, prio: np.ndarray, alpha: float = 1.0) -> np.ndarray:
        q = self.prep
        order = np.empty(q.n, np.int64)
        _sample_list(prio, self.rng.random(q.n), q.fw_ptr, q.fw_succ_ptr, q.fw_succ_idx,
                     alpha, order)
        return order

    def run(self) -> Result:
        p, q = self.p, self.prep
        n = p.n
        if n == 0:
            return Result(np.zeros(0, np.int64), 0, 0, 0, np.zeros(0, np.int64), 0)
        lf = q.lf.astype(np.float64)
        ls = lf - p.durations
        # deterministic priority rules first: the earliest-start list (which gives
        # today's dates when nothing clashes), user priority, LFT, LST
        rules = [
            q.es + 0.5 * self.tie,
            -p.priority * 1e6 + lf,
            lf - p.priority * 1e-3,
            ls - p.priority * 1e-3,
        ]
        pop: list[tuple[tuple, np.ndarray]] = []
        for key in rules:
            if self.done():
                break
            pop.append(self.evaluate(self.rule_list(key)))
        # the rest of the first generation: biased random sampling on LFT
        size = self.population_size()
        prio = lf - p.priority * 1e-3
        while len(pop) < size and not self.done():
            pop.append(self.evaluate(self.sample_list(prio, self.SAMPLE_ALPHA)))
        # genetic algorithm on activity lists
        pm = min(0.05, self.MUTATION / max(n, 1))
        while not self.done():
            pop.sort(key=lambda x: x[0])
            # ranking: parents drawn with a bias to the better half
            m = len(pop)
            children = []
            for _ in range(max(1, m // 2)):
                if self.done():
                    break
                i, k = self._pick(m), self._pick(m)
                if i == k:
                    k = (k + 1) % m
                q1, q2 = np.sort(self.rng.integers(0, n + 1, size=2))
                for mother, father in ((pop[i][1], pop[k][1]), (pop[k][1], pop[i][1])):
                    if self.done():
                        break
                    child = np.empty(n, np.int64)
                    _crossover(mother, father, q1, q2, child)
                    _mutate(child, self.rng.random(n), pm, q.fw_ptr, q.fw_idx)
                    children.append(self.evaluate(child, max_iter=self.CHILD_FBI))
            pop = self._survivors(pop + children, m)
        return Result(self.best_start, int(self.best_score[0]), self.used, self.lb,
                      self.best_order, 0)

    def population_size(self) -> int:
        lo, hi, per = self.POPULATION if self.p.n < self.LARGE else self.POPULATION_LARGE
        return int(np.clip(self.budget // per, lo, hi))

    def _pick(self, m: int) -> int:
        # two-tournament
        a, b = self.rng.integers(0, m, size=2)
        return int(min(a, b))

    @staticmethod
    def _survivors(pool, m):
        pool.sort(key=lambda x: x[0])
        out, seen = [], set()
        for score, order in pool:
            sig = (score, order.tobytes())
            if sig in seen:
                continue
            seen.add(sig)
            out.append((score, order))
            if len(out) == m:
                break
        if len(out) < m:  # keep the population size with duplicates if needed
            out += pool[:m - len(out)]
        return out


def level(problem: Problem, *, budget: int = DEFAULT_BUDGET, seed: int = DEFAULT_SEED) -> Result:
    """Levelled schedule of ``problem``: feasible for every precedence, release day and
    capacity (requests above what a resource ever has are clipped to it), as short as the
    search finds within ``budget`` generated schedules. Deterministic for a seed."""
    s = _Search(problem, seed, max(int(budget), 1))
    res = s.run()
    res.seed = seed
    return res


def earliest_starts(problem: Problem) -> np.ndarray:
    """Start days without resource limits (release days and links only)."""
    return _Prepared(problem).es.copy()


# ---------------------------------------------------------------------------------------
# Load and checks
# ---------------------------------------------------------------------------------------

def load(problem: Problem, start: Sequence[int], horizon: int | None = None) -> np.ndarray:
    """(R, horizon) resource use per day of the schedule ``start``."""
    start = np.asarray(start, np.int64)
    d = problem.durations
    end = int((start + d).max(initial=0))
    horizon = max(end, 1) if horizon is None else horizon
    R = problem.resources
    diff = np.zeros((R, horizon + 1))
    lo = np.clip(start, 0, horizon)
    hi = np.clip(start + d, 0, horizon)
    for r in range(R):
        np.add.at(diff[r], lo, problem.requests[:, r])
        np.add.at(diff[r], hi, -problem.requests[:, r])
    return np.cumsum(diff, axis=1)[:, :horizon]


def capacity_profile(problem: Problem, horizon: int) -> np.ndarray:
    cap = problem.capacity
    out = np.empty((cap.shape[0], horizon))
    w = min(horizon, cap.shape[1])
    out[:, :w] = cap[:, :w]
    if horizon > w:
        out[:, w:] = cap[:, -1:]
    return out


def violations(problem: Problem, start: Sequence[int]) -> list[str]:
    """Everything wrong with a schedule (empty list = feasible)."""
    start = np.asarray(start, np.int64)
    out = []
    for a, b, lag in problem.edges:
        if start[b] < start[a] + lag:
            out.append(f"link {a}->{b}: {start[b]} < {start[a]} + {lag}")
    bad = np.nonzero(start < problem.release)[0]
    out += [f"activity {j} before its release" for j in bad]
    if problem.resources:
        use = load(problem, start)
        cap = capacity_profile(problem, use.shape[1])
        over = np.argwhere(use > cap + 1e-6)
        out += [f"resource {r} over capacity on day {t}" for r, t in over[:20]]
    return out
