"""The search: priority rules, biased random sampling and a genetic algorithm on activity
lists, every schedule justified (forward-backward improvement)."""
from __future__ import annotations

import numpy as np

from roadmap.engine.levelling import kernels as K
from roadmap.engine.levelling.problem import Prepared, Problem, Result, lower_bound

DEFAULT_BUDGET = 5000
DEFAULT_SEED = 20240501

#: Work (schedules generated x activities) done with the plain-Python loops before the
#: search switches to the numba-compiled ones: a town's plan rarely needs more, and below
#: it loading numba would cost more than it saves. The results are the same either way.
PLAIN_WORK = 10_000


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
        self.prep = prep = Prepared(p)
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
        self.K = K  # plain loops; compiled ones once the work grows (see PLAIN_WORK)

    # one list -> justified schedule
    def evaluate(self, order: np.ndarray, max_iter: int = 3):
        q = self.prep
        start = np.empty(q.n, np.int64)
        out = np.empty(q.n, np.int64)
        max_iter = max(0, min(max_iter, (self.budget - self.used - 1) // 2))
        if self.K is K and self.used * q.n >= PLAIN_WORK:
            self.K = K.compiled() or K
        mk, cnt = self.K.fbi(order, q.dur, q.fw_ptr, q.fw_idx, q.fw_lag, q.bw_ptr, q.bw_idx,
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
        self.K.topo_by_key(np.asarray(key, np.float64), q.fw_ptr, q.fw_succ_ptr, q.fw_succ_idx, order)
        return order

    def sample_list(self, prio: np.ndarray, alpha: float = 1.0) -> np.ndarray:
        q = self.prep
        order = np.empty(q.n, np.int64)
        self.K.sample_list(prio, self.rng.random(q.n), q.fw_ptr, q.fw_succ_ptr, q.fw_succ_idx,
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
                    self.K.crossover(mother, father, q1, q2, child)
                    self.K.mutate(child, self.rng.random(n), pm, q.fw_ptr, q.fw_idx)
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
