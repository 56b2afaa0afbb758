"""Every option combination of the kickoff template schedules without error in 12-30 months:
all combinations for NW, HE and BY (the Länder outside checks look at), all pairs of
options for every other Land, and a levelled sample for NW.

Schedules only, no outputs. The wide runs switch levelling off (about 15 ms a plan instead
of 500 ms); what levelling adds (the strategy waits for a new post's first day) is checked on
the levelled sample.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools

import pytest

from roadmap.engine.scheduler import schedule
from roadmap.plan.loader import STATES, parse_plan
from roadmap.templates.library import load_template
from roadmap.templates.newplan import plan_text

START = dt.date(2027, 1, 11)
STATUS = dt.date(2027, 6, 1)
DEADLINE = "2027-06-30"  # a call deadline some combinations meet and some miss
FUNDED = ("funding_programme", "two_stage")
#: options that switch one package each in their own branch: they take turns (all pairs)
TAKE_TURNS = ("participation", "anchoring")
#: options that only matter with a funding programme
FUNDING_ONLY = ("call_deadline", "approval", "early_start")


def option_values() -> dict[str, list[str]]:
    return {spec.key: [value for value, _ in spec.choices] or ["none", DEADLINE]
            for spec in load_template().options}


def defaults() -> dict[str, str]:
    return {spec.key: spec.default for spec in load_template().options}


def all_combinations(take_turns=TAKE_TURNS) -> list[dict[str, str]]:
    """Every combination that can schedule differently: with own budget the funding options
    keep their default (their packages are left out), and the options in ``take_turns``
    (participation x anchoring) take turns, so each of their pairs meets every other option
    many times."""
    values = option_values()
    main = [key for key in values if key not in take_turns]
    turns = list(itertools.product(*(values[key] for key in take_turns)))
    found = []
    for combo in itertools.product(*(values[key] for key in main)):
        options = dict(zip(main, combo))
        if options["funding"] not in FUNDED and any(options[k] != defaults()[k] for k in FUNDING_ONLY):
            continue
        options.update(zip(take_turns, turns[len(found) % len(turns)]))
        found.append(options)
    return found


def all_pairs() -> list[dict[str, str]]:
    """A small set of combinations holding every pair of option values (greedy, fixed order)."""
    values = option_values()
    keys = list(values)
    missing = {(a, va, b, vb) for a, b in itertools.combinations(keys, 2) for va in values[a] for vb in values[b]}
    found = []
    while missing:
        a, va, b, vb = min(missing)
        options = {a: va, b: vb}
        for key in keys:  # each further value: the one closing the most open pairs
            if key in options:
                continue
            options[key] = max(values[key], key=lambda v: sum(
                (k, options[k], key, v) in missing or (key, v, k, options[k]) in missing for k in options))
        missing -= {(a, options[a], b, options[b]) for a, b in itertools.combinations(keys, 2)}
        found.append(options)
    return found


@functools.lru_cache(maxsize=None)
def base_plan(state: str, staffing: str, call_deadline: str, level: bool):
    """The plan `roadmap new --state STATE` writes. Reading it resolves only the role
    capacities (by `staffing`) and the deadline (`call_deadline`); the other options act
    when scheduling, so one reading serves many combinations."""
    text = plan_text(state=state, start=START, options={"staffing": staffing, "call_deadline": call_deadline})
    plan = parse_plan(text, f"{state}.yaml")
    return dataclasses.replace(plan, project=dataclasses.replace(plan.project, level=level))


def run(state: str, options: dict[str, str], level: bool = False):
    base = base_plan(state, options["staffing"], options["call_deadline"], level)
    plan = dataclasses.replace(base, options={**base.options, **options})
    return plan, schedule(plan, STATUS)


def months(start: dt.date, end: dt.date) -> float:
    return (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30.44


def check(plan, result, options, *, levelled: bool = False) -> float:
    where = (plan.project.state, options)
    assert [d for d in result.diagnostics if d.severity == "error"] == [], where
    ids = {p.id for p in result.packages}
    # `when` keeps exactly the packages of the chosen path
    assert ("foerderrecherche" in ids) == (options["start"] != "funding_call"), where
    assert ("antrag" in ids) == (options["funding"] in FUNDED), where
    assert ("skizze" in ids) == (options["funding"] == "two_stage"), where
    assert ("haushalt_inkraft" in ids) == (options["budget"] in ("regular", "haushaltssicherung")), where
    assert ("nachtrag_beschluss" in ids) == (options["budget"] == "nachtrag"), where
    assert ("dienstantritt" in ids) == (options["staffing"] == "new_post"), where
    assert ("vergabe_eu" in ids) == (options["consulting"] == "eu_tender"), where
    assert ("werkstatt" in ids) == (options["participation"] == "workshop"), where
    # decisions sit on their bodies' sessions; the deciding body comes last (the bodies of a
    # parallel group each take their own first session, see docs/plan-format.md section 11)
    for decision in result.decisions():
        for consultation in decision.sessions:
            assert consultation.date in plan.bodies[consultation.body].sessions, where
        dates = [c.date for c in decision.sessions]
        assert decision.finish == dates[-1] and all(d < dates[-1] for d in dates[:-1]), (where, decision.id)
        assert dates[-2:] == sorted(dates[-2:]), (where, decision.id)
    # money: a new post is contracted only when the money is there; shares of existing posts
    # are an order of the head of administration and never wait for it
    money = result.package("finanzierung").finish
    if options["staffing"] == "new_post":
        assert result.package("einstellung").start >= money, where
    else:
        assert result.package("stellenanteile").finish < result.package("grundsatzbeschluss").finish, where
    # participation formats avoid the school holidays
    for package in result.packages:
        if "school_holidays" in package.avoid:
            for window in result.school_holidays:
                assert package.finish < window.start or package.start > window.end, (where, package.id)
    adoption = result.package("strategiebeschluss")
    if levelled:
        assert result.finish == adoption.finish, where  # the adoption ends the kickoff
    span = months(result.start, adoption.finish)
    assert 12 <= span <= 30, (where, span)
    return span


def test_every_combination_schedules_in_12_to_30_months_nw():
    combinations = all_combinations()
    assert len(combinations) == 3 * 4 * 2 * 3 + 2 * 3 * 2 * 3 * 2 * 4 * 2 * 3  # 72 own budget + 1728 funded
    spans = [check(*run("NW", options), options) for options in combinations]
    assert 12 <= min(spans) and max(spans) <= 30


@pytest.mark.parametrize("state", ["HE", "BY"])
def test_every_combination_schedules_in_12_to_30_months_he_by(state):
    # the start takes turns too (it changes the first two months only): 600 plans, not 1800
    combinations = all_combinations(("start",) + TAKE_TURNS)
    assert len(combinations) == 4 * 2 * 3 + 2 * 3 * 2 * 3 * 2 * 4 * 2 * 3 // 3
    spans = [check(*run(state, options), options) for options in combinations]
    assert 12 <= min(spans) and max(spans) <= 30


@pytest.mark.parametrize("state", sorted(set(STATES) - {"NW", "HE", "BY"}))
def test_every_land_schedules_every_pair_of_options(state):
    pairs = all_pairs()
    assert len(pairs) < 30
    for options in pairs + [defaults()]:
        check(*run(state, options), options)


def test_levelled_sample_nw():
    spans = [check(*run("NW", options, level=True), options, levelled=True) for options in all_pairs()]
    assert 12 <= min(spans) and max(spans) <= 30
