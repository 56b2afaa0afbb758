"""Parallel consultation: groups in ``via`` (docs/plan-format.md section 11), dates by hand.

The plan starts on Monday 01.02.2027 (NW); ``a`` takes 2w: 01.02.-12.02.2027.
"""
from __future__ import annotations

import datetime as dt

from conftest import make_plan, run
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.engine.scheduler import schedule

BODIES = """\
bodies:
  fa: {name: Fachausschuss, short: FA, sessions: [2027-03-02, 2027-03-16]}
  st: {name: Stadtentwicklungsausschuss, short: StEA, sessions: [2027-03-04, 2027-04-01], lead_time: 2w}
  hfa: {name: Haupt- und Finanzausschuss, short: HFA, sessions: [2027-03-09, 2027-03-23, 2027-04-13]}
  rat: {name: Rat, sessions: [2027-03-11, 2027-03-25, 2027-04-22]}
"""


def _plan(via: str) -> str:
    return ("- {id: a, duration: 2w}\n"
            f"- {{id: b, name: Strategie, kind: decision, body: rat, via: {via}, after: a}}\n")


def test_a_group_meets_in_one_sitzungsfolge():
    _, result = run(_plan("[[fa, st], hfa]"), head=BODIES)
    b = result.package("b")
    # ready: closing of 12.02.; FA: + 15 wd (3w) = closing of 05.03. -> first session after: 16.03.
    # StEA: + 10 wd (2w) = closing of 26.02. -> 04.03.; the group's latest: 16.03.
    # HFA strictly after 16.03.: 23.03.; Rat strictly after 23.03.: 25.03.
    assert [(c.body, c.date.isoformat(), c.stage) for c in b.sessions] == [
        ("fa", "2027-03-16", 0), ("st", "2027-03-04", 0), ("hfa", "2027-03-23", 1), ("rat", "2027-03-25", 2)]
    assert result.beratungsfolge(b) == "FA 16.03.2027 + StEA 04.03.2027 → HFA 23.03.2027 → Rat 25.03.2027"
    assert result.beratungsfolge(b, "en") == "FA 2027-03-16 + StEA 2027-03-04 → HFA 2027-03-23 → Rat 2027-03-25"
    # each body's Vorlage is due by its own lead time: FA 16.03. - 15 wd (15.03., 08.-12.03.,
    # 01.-05.03., 23.-26.02.): opening of Tue 23.02. -> Mon 22.02.;
    # StEA 04.03. - 10 wd (01.-03.03., 22.-26.02., 18.-19.02.): opening of Thu 18.02. -> Wed 17.02.
    assert [c.vorlage_due.isoformat() for c in b.sessions[:2]] == ["2027-02-22", "2027-02-17"]
    # backward: Rat 25.03., HFA 23.03., FA 16.03. and StEA 04.03. (before 23.03.); the latest ready
    # instant is the earlier of the two lead times: opening of 18.02. -> a may finish on 17.02.
    a = result.package("a")
    assert a.late_finish.isoformat() == "2027-02-17" and a.total_float == 3


def test_in_sequence_the_same_bodies_take_a_cycle_longer():
    _, result = run(_plan("[fa, st, hfa]"), head=BODIES)
    # FA 16.03., StEA after it: 01.04., HFA after: 13.04., Rat after: 22.04.
    assert result.beratungsfolge(result.package("b")) == (
        "FA 16.03.2027 → StEA 01.04.2027 → HFA 13.04.2027 → Rat 22.04.2027")


def test_a_group_in_the_middle():
    _, result = run(_plan("[fa, [st, hfa]]"), head=BODIES)
    # FA 16.03.; then StEA (01.04.) and HFA (23.03.) after 16.03.; Rat after 01.04.: 22.04.
    # One Sitzungsfolge: HFA moves to its last session before the Rat, 13.04., next to StEA.
    assert result.beratungsfolge(result.package("b")) == (
        "FA 16.03.2027 → StEA 01.04.2027 + HFA 13.04.2027 → Rat 22.04.2027")


def test_a_group_member_that_could_meet_a_cycle_earlier_waits_for_the_others():
    bodies = BODIES.replace("sessions: [2027-03-02, 2027-03-16]}", "sessions: [2027-03-02, 2027-03-16, 2027-03-30]}")
    # FA's first possible session is 16.03. (its 3w lead time), StEA's 04.03. (2w) - a cycle
    # apart. HFA: strictly after 16.03.: 23.03. StEA stays on 04.03. (its next, 01.04., is after
    # the HFA); FA keeps 16.03. (30.03. is after the HFA as well).
    _, result = run(_plan("[[fa, st], hfa]"), head=bodies)
    assert result.beratungsfolge(result.package("b")) == (
        "FA 16.03.2027 + StEA 04.03.2027 → HFA 23.03.2027 → Rat 25.03.2027")
    # With a StEA session on 17.03. the committee meets in the FA's cycle instead.
    bodies = bodies.replace("[2027-03-04, 2027-04-01]", "[2027-03-04, 2027-03-17, 2027-04-01]")
    _, result = run(_plan("[[fa, st], hfa]"), head=bodies)
    assert result.beratungsfolge(result.package("b")) == (
        "FA 16.03.2027 + StEA 17.03.2027 → HFA 23.03.2027 → Rat 25.03.2027")


def test_a_bad_group_is_reported():
    import pytest

    from roadmap.plan.diagnostics import PlanError

    with pytest.raises(PlanError) as caught:
        make_plan("- {id: b, kind: decision, body: rat, via: [[fa, 3]]}\n", head=BODIES)
    assert caught.value.render() == ("plan.yaml:9: error: Arbeitspaket 'b': 'via' muss eine Liste von Gremien-IDs "
                                     "sein (Beratungsfolge, z. B. [digital, hfa]) [bad-type]")


def _sessions(draw_days):
    return sorted({dt.date(2027, 2, 1) + dt.timedelta(days=d) for d in draw_days})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 300), min_size=1, max_size=8), st.lists(st.integers(0, 300), min_size=1, max_size=8),
       st.lists(st.integers(0, 300), min_size=1, max_size=8), st.integers(1, 30))
def test_a_group_never_takes_longer_than_the_same_bodies_in_sequence(x, y, z, days):
    late = [dt.date(2028, 6, 1 + k) for k in range(3)]  # every body can always still meet
    head = "bodies:\n" + "".join(
        f"  {name}: {{name: {name}, sessions: [{', '.join(d.isoformat() for d in _sessions(s) + late)}]}}\n"
        for name, s in (("x", x), ("y", y), ("z", z)))
    head += f"  r: {{name: r, sessions: [{', '.join(d.isoformat() for d in _sessions(z) + late)}, 2028-07-01]}}\n"
    body = f"- {{id: a, duration: {days}d}}\n- {{id: b, kind: decision, body: r, via: VIA, after: a}}\n"
    parallel = schedule(make_plan(body.replace("VIA", "[[x, y], z]"), head=head)).package("b")
    sequence = schedule(make_plan(body.replace("VIA", "[x, y, z]"), head=head)).package("b")
    assert parallel.start <= sequence.start


def test_a_decision_taken_lists_its_group_before_the_next_stage():
    from roadmap.plan.loader import parse_plan

    text = ("roadmap: 1\nproject: {name: T, start: 2027-02-01, status_date: 2027-03-31}\n" + BODIES
            + "packages:\n  - {id: a, duration: 2w, actual_start: 2027-02-01, actual_finish: 2027-02-12}\n"
            "  - {id: b, kind: decision, body: rat, via: [[fa, st], hfa], after: a, actual: 2027-03-25}\n")
    result = schedule(parse_plan(text))
    # taken on 25.03.: HFA's latest session before it 23.03.; FA and StEA before 23.03.: 16.03. and 04.03.
    assert result.beratungsfolge(result.package("b")) == (
        "FA 16.03.2027 + StEA 04.03.2027 → HFA 23.03.2027 → Rat 25.03.2027")


def test_the_calendar_export_gives_the_group_s_earliest_vorlage_date():
    from roadmap.exchange.ics_export import entries

    _, result = run(_plan("[[fa, st], hfa]"), head=BODIES)
    first = entries(result)[0]
    # StEA's Vorlage (17.02.) is due before FA's (22.02.)
    assert (first.day.isoformat(), first.summary) == ("2027-02-17", "Vorlage fertig: Strategie (für StEA am 04.03.2027)")
