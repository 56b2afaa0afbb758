"""The loops of the levelling: heap, precedence-feasible orders, serial schedule
generation, forward-backward improvement, biased sampling, crossover and mutation.

Plain loops over integer and float arrays, with the same results in two forms (every
random number comes in from the caller):

* this module: plain Python. A town's plan is levelled in a fraction of a second this way,
  less than numba needs to load its compiled code (about 0.7 s; 10 s to compile it the
  first time, before its cache is written);
* :func:`compiled`: the same source compiled by numba, loaded on first use into a module
  of its own (``kernels_jit``, with ``_JIT`` set before its code runs). The search switches
  to it when a problem turns out to need many schedules (PSPLIB: about 35 to 80 times
  faster). Without numba, :func:`compiled` returns None and the plain loops go on.
"""
from __future__ import annotations

import importlib.util
import sys

import numpy as np

if globals().get("_JIT"):  # the compiled copy (see compiled())
    from numba import njit as _numba_njit

    def _kernel(fn):
        return _numba_njit(cache=True, nogil=True)(fn)
else:
    def _kernel(fn):
        return fn


def numba_available() -> bool:
    """Whether numba is installed (without importing it)."""
    try:
        return importlib.util.find_spec("numba") is not None
    except (ImportError, ValueError):  # ValueError: sys.modules["numba"] is None (blocked)
        return False


COMPILED = numba_available()
_compiled_module = None


def compiled():
    """This module's loops compiled by numba (imported here, once), or None without numba."""
    global _compiled_module
    if _compiled_module is None:
        _compiled_module = False
        if numba_available():
            try:
                import numba  # noqa: F401 - fails cleanly if it is installed but broken
            except ImportError:
                return None
            spec = importlib.util.spec_from_file_location(__name__ + "_jit", __file__)
            module = importlib.util.module_from_spec(spec)
            module._JIT = True
            sys.modules[spec.name] = module  # numba's cache finds the module by its name
            spec.loader.exec_module(module)
            _compiled_module = module
    return _compiled_module or None

@_kernel
def heap_push(heap, size, item, key):
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
def heap_pop(heap, size, key):
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
def topo_by_key(key, pred_ptr, succ_ptr, succ_idx, order):
    """Precedence-feasible order: always the ready activity with the smallest key
    (ties: smaller index). Writes into ``order``."""
    n = key.shape[0]
    indeg = np.empty(n, np.int64)
    heap = np.empty(n, np.int64)
    size = 0
    for j in range(n):
        indeg[j] = pred_ptr[j + 1] - pred_ptr[j]
        if indeg[j] == 0:
            size = heap_push(heap, size, j, key)
    pos = 0
    while size > 0:
        j, size = heap_pop(heap, size, key)
        order[pos] = j
        pos += 1
        for k in range(succ_ptr[j], succ_ptr[j + 1]):
            s = succ_idx[k]
            indeg[s] -= 1
            if indeg[s] == 0:
                size = heap_push(heap, size, s, key)
    return pos


@_kernel
def serial_sgs(order, dur, pred_ptr, pred_idx, pred_lag, rq_ptr, rq_res, rq_amt,
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
def fbi(order, dur, fw_ptr, fw_idx, fw_lag, bw_ptr, bw_idx, bw_lag, fw_succ_ptr,
         fw_succ_idx, bw_succ_ptr, bw_succ_idx, rq_ptr, rq_res, rq_amt, cap, cap_const,
         release, fixed, snap, next_ok, tie, max_iter, bound, start, out_order):
    """Serial SGS of ``order`` followed by forward-backward improvement until it stops
    improving (at most ``max_iter`` rounds). Returns (makespan, schedules generated);
    the best forward schedule is in ``start`` and its list in ``out_order``."""
    n = dur.shape[0]
    best = serial_sgs(order, dur, fw_ptr, fw_idx, fw_lag, rq_ptr, rq_res, rq_amt, cap,
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
        topo_by_key(key, bw_ptr, bw_succ_ptr, bw_succ_idx, border)
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
        mb = serial_sgs(border, dur, bw_ptr, bw_idx, bw_lag, rq_ptr, rq_res, rq_amt, mcap,
                         zero, nofix, nosnap, next_ok, bstart)
        # forward again in order of the backward schedule's real starts
        for j in range(n):
            key[j] = (mb - bstart[j] - dur[j]) + 0.5 * tie[j]
        topo_by_key(key, fw_ptr, fw_succ_ptr, fw_succ_idx, forder)
        mf = serial_sgs(forder, dur, fw_ptr, fw_idx, fw_lag, rq_ptr, rq_res, rq_amt, cap,
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
def sample_list(prio, u, pred_ptr, succ_ptr, succ_idx, alpha, order):
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
def crossover(mother, father, q1, q2, child):
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
def mutate(order, u, pm, pred_ptr, pred_idx):
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
