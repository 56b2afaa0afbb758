"""Laws every schedule obeys, checked on random plans (hypothesis).

The checks use plain date arithmetic and the ``holidays`` package directly, not the
scheduler's numpy calendar, so they are an independent oracle for the contract.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.plan.model import Body, Duration, Link, Package, Plan, Project, Text
from roadmap.engine.scheduler import schedule

ONE = dt.timedelta(days=1)
STATES = ["NW", "BY", "BE", "SN"]


@lru_cache(maxsize=None)
def public(state):
    return holidays.Germany(subdiv=state, years=range(2026, 2036), categories=("public",))


def working(day, state):
    return day.weekday() < 5 and day not in public(state)


def next_working(day, state):  # on or after
    while not working(day, state):
        day += ONE
    return day


def boundary(day, closing, state):
    """The working day whose opening the instant maps to."""
    return next_working(day + ONE if closing else day, state)


def shift(day, n, state):
    """n working days after (n > 0) or before (n < 0) working day ``day``."""
    step = ONE if n > 0 else -ONE
    for _ in range(abs(n)):
        day += step
        while not working(day, state):
            day += step
    return day


def lag_instant(day, closing, lag: Duration, state):
    if lag.days == 0:
        return day, closing
    if lag.elapsed:
        return day + lag.days * ONE, closing
    b = boundary(day, closing, state)
    if lag.days > 0:
        return shift(b, lag.days - 1, state), True
    return shift(b, lag.days, state), False


@st.composite
def plans(draw):
    state = draw(st.sampled_from(STATES))
    start = dt.date(2027, 1, 4) + draw(st.integers(0, 400)) * ONE
    every = draw(st.integers(7, 40))
    bodies = {
        "rat": Body("rat", Text("Rat"), tuple(start + (3 + i * every) * ONE for i in range(60)),
                    "plan", Duration(draw(st.sampled_from([0, 5, 15])), draw(st.booleans()))),
        "hfa": Body("hfa", Text("HFA"), tuple(start + (i * every) * ONE for i in range(60)), "plan"),
    }
    packages = []
    for i in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(["task"] * 6 + ["milestone", "decision"]))
        duration = None
        if kind == "task":
            duration = Duration(draw(st.integers(1, 15)), draw(st.booleans()) and draw(st.booleans()))
        links = []
        for pred in sorted(set(draw(st.lists(st.integers(0, i - 1), max_size=3)))) if i else []:
            lag = Duration(draw(st.integers(-6, 6)), draw(st.booleans()))
            links.append(Link(f"p{pred}", draw(st.sampled_from(["FS", "SS", "FF", "SF"])), lag))
        not_before = start + draw(st.integers(0, 60)) * ONE if draw(st.booleans()) and not i % 3 else None
        avoid = ("school_holidays",) if kind != "decision" and draw(st.integers(0, 5)) == 0 else ()
        packages.append(Package(
            id=f"p{i}", name=Text(f"P{i}"), kind=kind, duration=duration, after=tuple(links), avoid=avoid,
            body="rat" if kind == "decision" else None,
            via=("hfa",) if kind == "decision" and draw(st.booleans()) else (),
            not_before=not_before))
    return Plan(Project("Zufall", state=state, start=start, status_date=start), tuple(packages),
                bodies=bodies)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def instants(p, kind_of):
    """(day, closing) of a scheduled package's start and finish, as the contract defines.

    A milestone's instant is its opening or closing; the opening is the weaker assumption
    for a predecessor, so it is used (a law that holds then holds for the closing too).
    """
    if kind_of[p.id] == "decision":
        return (p.start, True), (p.finish, True)
    if kind_of[p.id] == "milestone":
        return (p.start, False), (p.start, False)
    return (p.start, False), (p.finish, True)


@SETTINGS
@given(plans())
def test_every_link_holds(plan):
    result = schedule(plan)
    state = plan.project.state
    kind_of = {p.id: p.kind for p in plan.packages}
    by_id = {p.id: p for p in result.packages}
    for q in result.packages:
        for link in q.predecessors:
            start, finish = instants(by_id[link.pred], kind_of)
            ref = finish if link.type in ("FS", "FF") else start
            day, closing = lag_instant(*ref, link.lag, state)
            if q.kind in ("milestone", "decision"):
                if q.kind == "milestone":
                    need = day if working(day, state) else next_working(day, state)
                    assert q.start >= need, (link, q)
                continue
            b = boundary(day, closing, state)
            if link.type in ("FS", "SS"):
                assert q.start >= b, (link, q)
            else:
                assert boundary(q.finish, True, state) >= b, (link, q)


@SETTINGS
@given(plans())
def test_nothing_starts_before_the_project_or_on_a_non_working_day(plan):
    result = schedule(plan)
    state = plan.project.state
    first = next_working(plan.project.start, state)
    for p in result.packages:
        assert p.start >= first
        if p.kind == "task":
            assert working(p.start, state)
            if not p.duration.elapsed:
                assert working(p.finish, state)
                days = sum(working(p.start + k * ONE, state) for k in range((p.finish - p.start).days + 1))
                assert days == p.duration_days == p.duration.days
        elif p.kind == "milestone":
            assert working(p.start, state) and p.start == p.finish


@SETTINGS
@given(plans())
def test_decisions_sit_on_session_dates_in_order(plan):
    result = schedule(plan)
    for p in result.decisions():
        bodies = [c.body for c in p.sessions]
        assert bodies == list(p.via) + ["rat"]
        for c in p.sessions:
            assert c.date in plan.bodies[c.body].sessions
        dates = [c.date for c in p.sessions]
        assert dates == sorted(set(dates))
        assert p.start == p.finish == dates[-1]


@SETTINGS
@given(plans())
def test_earliest_before_latest_and_floats_consistent(plan):
    result = schedule(plan)
    for p in result.packages:
        assert p.total_float >= 0  # no deadlines in these plans
        assert p.late_start >= p.start and p.late_finish >= p.finish
        assert 0 <= p.free_float <= p.total_float
        assert p.critical == (p.total_float <= 0)


@SETTINGS
@given(plans())
def test_critical_packages_form_a_chain_to_the_finish(plan):
    result = schedule(plan)
    last = [p for p in result.packages if p.finish == result.finish]
    assert any(p.critical for p in last)
    by_id = {p.id: p for p in result.packages}
    first = next_working(plan.project.start, plan.project.state)
    for p in result.packages:
        if not p.critical or p.kind == "decision":
            continue
        if p.avoid:
            continue  # a window, not a predecessor, may have pushed it
        driven = p.start > next_working(max(first, p.not_before or first), plan.project.state)
        # Calendar time can absorb slack: a predecessor that may finish a day later and
        # still meet "FS+1ed" across a holiday has float although its successor has none.
        # So can an elapsed successor reached by a finish link: finishing on a Sunday
        # means starting on a Saturday, and a task starts only at a working opening.
        calendar_time = any(link.lag.elapsed or (by_id[link.pred].duration and by_id[link.pred].duration.elapsed)
                            for link in p.predecessors) or bool(p.duration and p.duration.elapsed)
        if driven and p.predecessors and p.kind == "task" and not calendar_time:
            assert any(by_id[link.pred].critical for link in p.predecessors), p


@SETTINGS
@given(plans())
def test_same_plan_same_schedule(plan):
    assert schedule(plan).to_json() == schedule(plan).to_json()


@SETTINGS
@given(plans())
def test_packages_that_avoid_school_holidays_do(plan):
    result = schedule(plan)
    windows = result.school_holidays
    for p in result.packages:
        if p.avoid:
            assert not any(w.start <= p.finish and p.start <= w.end for w in windows), p
