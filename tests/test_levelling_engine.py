"""The levelling algorithm on plain arrays (roadmap.engine.levelling): small cases worked
out by hand, and feasibility on random problems."""
from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.engine.levelling import Problem, earliest_starts, level, load, lower_bound, violations


def fs(a, b, dur):
    """A finish-start link as an edge (pred, succ, lag): succ starts after pred ends."""
    return (a, b, dur[a])


def test_two_tasks_one_post_run_one_after_the_other():
    # two 3-day tasks each take a whole post; one post -> 3 + 3 days
    p = Problem(durations=[3, 3], edges=[], requests=[[1.0], [1.0]], capacity=[1.0])
    r = level(p)
    assert sorted(r.start.tolist()) == [0, 3]
    assert r.makespan == 6
    assert violations(p, r.start) == []


def test_priority_decides_who_waits():
    p = Problem(durations=[3, 3], edges=[], requests=[[1.0], [1.0]], capacity=[1.0],
                priority=[100, 900])
    assert level(p).start.tolist() == [3, 0]
    p = Problem(durations=[3, 3], edges=[], requests=[[1.0], [1.0]], capacity=[1.0],
                priority=[900, 100])
    assert level(p).start.tolist() == [0, 3]


def test_enough_capacity_keeps_the_earliest_starts():
    # 1.0 + 0.5 fit into 1.5: nothing moves; links and release days as without levelling
    dur = [2, 3, 4]
    p = Problem(durations=dur, edges=[fs(0, 1, dur)], requests=[[0.5], [1.0], [0.5]],
                capacity=[1.5], release=[0, 0, 2])
    r = level(p)
    assert r.start.tolist() == [0, 2, 2] == earliest_starts(p).tolist()
    assert r.schedules == 1  # the earliest-start list already reaches the bound


def test_small_rcpsp_optimum():
    # capacity 2: A(3 days, 2) -> D(1 day, 2); B and C (2 days, 1 each) fit side by side.
    # Work 3*2 + 2 + 2 + 1*2 = 12 resource-days over capacity 2 -> at least 6 days; 6 is reached.
    dur = [3, 2, 2, 1]
    p = Problem(durations=dur, edges=[fs(0, 3, dur)], requests=[[2], [1], [1], [2]],
                capacity=[2])
    r = level(p)
    assert lower_bound(p) == 6
    assert r.makespan == 6
    assert violations(p, r.start) == []


def test_capacity_that_starts_later():
    # the role has nobody until day 5 (a new post), then one full post
    cap = np.array([[0, 0, 0, 0, 0, 1.0]])
    p = Problem(durations=[2, 1], edges=[], requests=[[1.0], [0.0]], capacity=cap)
    r = level(p)
    assert r.start.tolist() == [5, 0]


def test_capacity_that_drops():
    # a 20 % share until day 4, then none of it; needs 0.2 for 3 days -> days 0..2
    cap = np.array([[0.2, 0.2, 0.2, 0.2, 0.0]])
    p = Problem(durations=[3, 3], edges=[], requests=[[0.2], [0.2]], capacity=cap)
    r = level(p)
    # only one of them fits before the share ends; the other can never be placed within
    # capacity, so it keeps its earliest day and the over-allocation stays (reported)
    assert r.start.tolist() == [0, 0]
    assert np.allclose(load(p, r.start)[0, :3], [0.4, 0.4, 0.4])
    assert violations(p, r.start)


def test_links_with_lags_are_kept():
    # SS+1 (lag 1 from the start), FS+2 (lag dur + 2), and a negative lead FS-1
    dur = [3, 2, 2, 2]
    edges = [(0, 1, 1), (0, 2, 3 + 2), (1, 3, 2 - 1)]
    p = Problem(durations=dur, edges=edges, requests=[[1], [1], [1], [1]], capacity=[1])
    r = level(p)
    assert violations(p, r.start) == []
    assert r.makespan == 9  # all four in a row on one post


def test_snap_rows_move_a_start_to_an_allowed_day():
    # task 1 may only start on days 0, 4 or 10 (think: a session); task 0 is fixed on
    # days 0..4 and takes the whole post
    allowed = np.zeros((1, 12), bool)
    allowed[0, [0, 4, 10]] = True
    p = Problem(durations=[5, 1], edges=[], requests=[[1], [1]], capacity=[1],
                fixed=[True, False], snap=[-1, 0], allowed=allowed)
    r = level(p)
    assert r.start.tolist() == [0, 10]
    # not fixed: the shorter way round is to put task 1 on day 0 and task 0 after it
    p = Problem(durations=[5, 1], edges=[], requests=[[1], [1]], capacity=[1],
                snap=[-1, 0], allowed=allowed)
    assert level(p).start.tolist() == [1, 0]


def test_fixed_activities_keep_their_day():
    p = Problem(durations=[3, 3], edges=[], requests=[[1], [1]], capacity=[1],
                release=[0, 1], fixed=[False, True])
    r = level(p)
    assert r.start[1] == 1
    assert r.start[0] == 4  # waits until the fixed one is done


def test_requests_above_capacity_do_not_hang():
    p = Problem(durations=[2, 2], edges=[], requests=[[3.0], [1.0]], capacity=[1.0])
    r = level(p)
    assert r.makespan == 4


def test_cycle_is_refused():
    import pytest

    with pytest.raises(ValueError):
        level(Problem(durations=[1, 1], edges=[(0, 1, 1), (1, 0, 1)], requests=[[0], [0]],
                      capacity=[1]))


def test_same_seed_same_schedule_budget_kept():
    rng = np.random.default_rng(3)
    n = 40
    dur = rng.integers(1, 8, n)
    edges = [(i, j, int(dur[i])) for j in range(n) for i in range(j) if rng.random() < 0.06]
    p = Problem(durations=dur, edges=edges, requests=rng.integers(0, 4, (n, 3)),
                capacity=[4, 5, 3])
    a, b = level(p, budget=300, seed=7), level(p, budget=300, seed=7)
    assert a.start.tolist() == b.start.tolist()
    assert a.schedules <= 300 and b.schedules == a.schedules
    assert violations(p, a.start) == []


@st.composite
def problems(draw):
    n = draw(st.integers(1, 12))
    R = draw(st.integers(0, 2))
    dur = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    edges = []
    for j in range(n):
        for i in range(j):
            if draw(st.integers(0, 4)) == 0:
                edges.append((i, j, draw(st.integers(-2, dur[i] + 2))))
    final = [draw(st.sampled_from([0.5, 1.0, 1.5, 2.0])) for _ in range(R)]
    steps = draw(st.integers(1, 3))
    cap = np.array([[draw(st.sampled_from([0.0, 0.2, 0.5, 1.0, 2.0])) for _ in range(steps)]
                    + [final[r]] for r in range(R)]).reshape(R, steps + 1)
    cap = np.repeat(cap, draw(st.integers(1, 4)), axis=1)
    req = np.array([[draw(st.sampled_from([0.0, 0.2, 0.5, 1.0])) * (1 if final[r] >= 1 else 0.5)
                     for r in range(R)] for _ in range(n)]).reshape(n, R)
    release = draw(st.lists(st.integers(0, 5), min_size=n, max_size=n))
    prio = draw(st.lists(st.integers(0, 1000), min_size=n, max_size=n))
    return Problem(durations=dur, edges=edges, requests=req, capacity=cap, release=release,
                   priority=prio)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(), st.integers(1, 60))
def test_levelled_schedules_are_feasible(p, budget):
    r = level(p, budget=budget, seed=1)
    assert violations(p, r.start) == []
    assert r.makespan >= lower_bound(p)
    assert r.schedules <= max(budget, 1)
    assert (r.start >= earliest_starts(p)).all()
    assert level(p, budget=budget, seed=1).start.tolist() == r.start.tolist()


def test_plain_and_compiled_loops_give_the_same_schedule(monkeypatch):
    """The search starts in plain Python and switches to the numba-compiled loops once the
    work grows (search.PLAIN_WORK); the schedule must not depend on where it switches."""

    from roadmap.engine.levelling import kernels, search

    # numba is in install_requires: without it this comparison has nothing to compare
    assert kernels.compiled() is not None, "numba is not installed (pip install .)"
    rng = np.random.default_rng(7)
    n = 30
    dur = rng.integers(1, 10, n)
    edges = [(a, b, int(dur[a])) for b in range(n) for a in range(b) if rng.random() < 0.08]
    p = Problem(durations=dur, edges=edges, requests=rng.random((n, 3)) * 0.6, capacity=[1.0, 1.0, 1.0])
    results = []
    for work in (10 ** 12, 10_000, 0):  # never, after a while, from the start
        monkeypatch.setattr(search, "PLAIN_WORK", work)
        r = level(p, budget=600)
        assert violations(p, r.start) == []
        results.append((r.makespan, r.start.tolist(), r.schedules))
    assert results[0] == results[1] == results[2]
