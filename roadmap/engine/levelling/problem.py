"""The levelling problem as arrays, its preparation for the kernels, and checks.

Time is a count of working days (0, 1, 2, ...); an activity occupies the days
``start .. start + duration - 1``.
"""
from __future__ import annotations

import dataclasses
from typing import Sequence

import numpy as np

from roadmap.engine.levelling.kernels import topo_by_key

EPS = 1e-9

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


def _csr(n: int, keys: np.ndarray, vals: np.ndarray, lags: np.ndarray):
    """CSR lists grouped by ``keys`` (stable)."""
    order = np.argsort(keys, kind="stable")
    ptr = np.zeros(n + 1, np.int64)
    np.add.at(ptr, keys + 1, 1)
    ptr = np.cumsum(ptr)
    return (ptr, np.ascontiguousarray(vals[order], dtype=np.int64),
            np.ascontiguousarray(lags[order], dtype=np.int64))


class Prepared:
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
        got = topo_by_key(np.zeros(n), self.fw_ptr, self.fw_succ_ptr, self.fw_succ_idx, order)
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


def lower_bound(p: Problem, prep: Prepared | None = None) -> int:
    """Critical path length, and for constant capacities the work bound
    ceil(sum of requested resource-days / capacity)."""
    prep = prep or Prepared(p)
    lb = prep.cp
    if p.resources and prep.cap_const:
        work = (prep.req * p.durations[:, None]).sum(axis=0)
        capc = prep.cap[:, 0]
        with np.errstate(divide="ignore", invalid="ignore"):
            need = np.where(capc > EPS, np.ceil(work / np.where(capc > EPS, capc, 1) - 1e-9), 0)
        if len(need):
            lb = max(lb, int(need.max()))
    return lb


def earliest_starts(problem: Problem) -> np.ndarray:
    """Start days without resource limits (release days and links only)."""
    return Prepared(problem).es.copy()


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
