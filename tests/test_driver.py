"""The driving predecessor ("Treiberkette") and how late a package is against its own
deadline, checked by hand on small plans (project start Mon 01.02.2027 unless said)."""
import datetime as dt

import holidays
import numpy as np
import pytest
from hypothesis import given

from conftest import run
from test_properties import SETTINGS, plans


def chain(result, package_id):
    return [p.id for p in result.driving_chain(package_id)]


def why(result, package_id):
    p = result.package(package_id)
    return p.driver, p.driver_reason


def test_the_latest_predecessor_drives():
    body = ("- {id: a, duration: 5d}\n"  # 01.-05.02.
            "- {id: b, duration: 8d}\n"  # 01.-10.02.
            "- {id: c, duration: 2d, after: [a, b]}\n"  # after b: Thu 11.02.
            "- {id: d, duration: 2d, after: [c, 'a FS+10d']}\n")  # a+10d: closing Fri 19.02. > c
    dates, result = run(body)
    assert dates["c"] == ("2027-02-11", "2027-02-12")
    assert why(result, "c") == ("b", "link")
    assert dates["d"] == ("2027-02-22", "2027-02-23")
    assert why(result, "d") == ("a", "link")
    assert why(result, "a") == (None, "start")
    assert chain(result, "d") == ["d", "a"]
    assert chain(result, "c") == ["c", "b"]


def test_ties_go_to_the_first_predecessor_listed_and_a_link_beats_the_own_bound():
    body = ("- {id: a, duration: 5d}\n"
            "- {id: b, duration: 5d}\n"
            "- {id: c, duration: 1d, after: [b, a]}\n"  # a and b both end Fri 05.02.
            "- {id: d, duration: 1d, after: [a], not_before: 2027-02-08}\n"  # a allows Mon 08.02. too
            "- {id: m, kind: milestone}\n"
            "- {id: e, duration: 1d, after: [m]}\n")  # m at the project start's opening
    dates, result = run(body)
    assert why(result, "c") == ("b", "link")
    assert dates["d"] == ("2027-02-08", "2027-02-08") and why(result, "d") == ("a", "link")
    assert dates["e"] == ("2027-02-01", "2027-02-01") and why(result, "e") == ("m", "link")


def test_not_before_and_the_project_start():
    body = ("- {id: a, duration: 2d}\n"
            "- {id: b, duration: 2d, after: [a], not_before: 2027-02-15}\n"
            "- {id: c, duration: 2d, not_before: 2027-01-15}\n")  # before the start: the start binds
    dates, result = run(body)
    assert dates["b"] == ("2027-02-15", "2027-02-16")
    assert why(result, "b") == (None, "not_before")
    assert chain(result, "b") == ["b"]
    assert why(result, "c") == (None, "start")


def test_ss_and_ff_links_drive_too():
    body = ("- {id: a, duration: 10d}\n"  # 01.-12.02.
            "- {id: b, duration: 2d, after: ['a SS+3d']}\n"  # closing of Wed 03.02.: Thu 04.02.
            "- {id: c, duration: 2d, after: [b, 'a FF']}\n")  # finish >= Fri 12.02.: 11.-12.02.
    dates, result = run(body)
    assert dates["b"] == ("2027-02-04", "2027-02-05") and why(result, "b") == ("a", "link")
    assert dates["c"] == ("2027-02-11", "2027-02-12") and why(result, "c") == ("a", "link")


def test_a_decision_chain_runs_through_the_session_wait():
    head = """\
bodies:
  hfa: {name: HFA, lead_time: 1w, sessions: [2027-03-04, 2027-04-22]}
  rat: {name: Rat, lead_time: 1w, sessions: [2027-03-09, 2027-04-27]}
"""
    body = ("- {id: prep, duration: 5d}\n"  # 01.-05.02.
            "- {id: vorlage, duration: 10d, after: [prep]}\n"  # 08.-19.02.
            "- {id: idee, duration: 2d}\n"
            "- {id: beschluss, kind: decision, body: rat, via: [hfa], after: [vorlage, idee]}\n"
            "- {id: umsetzung, duration: 5d, after: [beschluss]}\n")
    dates, result = run(body, head=head)
    # ready at the closing of Fri 19.02.; + 1w = closing of Fri 26.02.; HFA 04.03., Rat 09.03.
    assert dates["beschluss"] == ("2027-03-09", "2027-03-09")
    assert dates["umsetzung"] == ("2027-03-10", "2027-03-16")
    assert why(result, "beschluss") == ("vorlage", "link")
    assert why(result, "umsetzung") == ("beschluss", "link")
    assert chain(result, "umsetzung") == ["umsetzung", "beschluss", "vorlage", "prep"]


def test_avoiding_school_holidays_is_its_own_reason():
    # NW Osterferien 2027: Mon 22.03.-Sat 03.04.; a 5-day package from 22.03. moves to Mon 05.04.
    body = ("- {id: a, duration: 5d, not_before: 2027-03-15}\n"
            "- {id: b, duration: 5d, after: [a], avoid: school_holidays}\n")
    dates, result = run(body)
    assert dates["a"] == ("2027-03-15", "2027-03-19")
    assert dates["b"] == ("2027-04-05", "2027-04-09")
    assert why(result, "b") == (None, "avoid")


# ---- deadlines: the package's own lateness -------------------------------------------------

def test_deadline_late_counts_the_package_own_deadline_only():
    # issue 17: a 10d with deadline 18.01., then b 20d after a with deadline 22.01.
    body = ("- {id: a, duration: 10d, deadline: 2027-01-18}\n"
            "- {id: b, duration: 20d, after: [a], deadline: 2027-01-22}\n")
    dates, result = run(body, start="2027-01-11")
    assert dates["a"] == ("2027-01-11", "2027-01-22")
    assert result.package("a").deadline_late == 4  # 19., 20., 21., 22.01.
    assert result.package("a").total_float == -20  # b's deadline pulls a too
    assert result.package("b").deadline_late == 20  # 25.01.-19.02.
    warnings = [d.render() for d in result.diagnostics]
    assert warnings[0] == ("plan.yaml:4: warning: Arbeitspaket 'a' endet am 22.01.2027, nach seiner Frist "
                           "18.01.2027 (4 Arbeitstag(e) zu spät). Grund: 'a' selbst dauert zu lang [deadline-missed]")
    assert "(20 Arbeitstag(e) zu spät)" in warnings[1]


def test_deadline_met_and_a_milestone_the_day_after():
    body = ("- {id: a, duration: 5d, deadline: 2027-02-05}\n"
            "- {id: m, kind: milestone, after: ['a FS+0ed'], deadline: 2027-02-05}\n"
            "- {id: n, kind: milestone, after: ['a SS+6d'], deadline: 2027-02-05}\n")
    dates, result = run(body)
    assert result.package("a").deadline_late == 0 and result.package("m").deadline_late == 0
    assert dates["n"] == ("2027-02-08", "2027-02-08")  # the closing of Mon 08.02.
    assert result.package("n").deadline_late == 1
    assert [d.code for d in result.diagnostics] == ["deadline-missed"]


@pytest.mark.parametrize("deadline", ["2019-03-01", "2017-03-01", "1990-01-01"])
def test_deadlines_long_before_the_start(deadline):
    dates, result = run(f"- {{id: a, duration: 10d, deadline: {deadline}}}\n", start="2027-01-11")
    assert dates["a"] == ("2027-01-11", "2027-01-22")
    # an independent count: NW public holidays and numpy's business days after the deadline
    day = dt.date.fromisoformat(deadline)
    public = list(holidays.Germany(subdiv="NW", years=range(day.year, 2028), categories=("public",)))
    last_working = day
    while last_working.weekday() >= 5 or last_working in public:
        last_working -= dt.timedelta(days=1)
    expected = int(np.busday_count(last_working + dt.timedelta(days=1), dt.date(2027, 1, 23), holidays=public))
    assert result.package("a").deadline_late == expected
    assert [d.code for d in result.diagnostics] == ["deadline-missed"]
    assert f"({expected} Arbeitstag(e) zu spät)" in result.diagnostics[0].render()
    if deadline == "2019-03-01":
        assert expected == 1987


def test_a_closure_over_years_moves_the_work_after_it():
    head = "calendar:\n  closures: [{from: 2027-01-01, to: 2035-12-31, name: zu}]\n"
    dates, _ = run("- {id: a, duration: 2d}\n", head=head)
    assert dates["a"] == ("2036-01-02", "2036-01-03")  # Wed 02.01.2036 after Neujahr


def test_no_working_day_at_all_is_an_error_not_a_crash():
    import dataclasses

    from conftest import make_plan
    from roadmap import PlanError
    from roadmap.engine.scheduler import schedule
    from roadmap.plan.model import Closure

    plan = make_plan("- {id: a, duration: 2d}\n")
    closed = dataclasses.replace(plan, calendar=dataclasses.replace(
        plan.calendar, closures=(Closure(dt.date(2027, 1, 1), dt.date(2400, 12, 31), "zu"),)))
    with pytest.raises(PlanError) as caught:
        schedule(closed)
    assert str(caught.value) == (
        "plan.yaml:1: error: ab dem Projektbeginn 01.02.2027 gibt es bis 31.12.2400 keinen Arbeitstag; "
        "Wochenende, Feiertage und Schließzeiten ('closures') decken alles ab [no-working-days]")


@SETTINGS
@given(plans())
def test_a_driver_is_always_a_predecessor_and_its_link_sets_the_start(plan):
    """On random plans: the driver is one of the package's predecessors; with only the
    driver's link (and the package's own bound), the package starts on the same day."""
    import dataclasses

    from roadmap.engine.scheduler import schedule

    result = schedule(plan)
    by_id = {p.id: p for p in plan.packages}
    for p in result.packages:
        preds = {link.pred for link in p.predecessors}
        if p.driver_reason == "link":
            assert p.driver in preds
        else:
            assert p.driver is None
            assert p.driver_reason in ("start", "not_before", "avoid"), p.driver_reason
        if p.kind == "task" and p.driver_reason != "avoid":
            kept = tuple(link for link in by_id[p.id].after if link.pred == p.driver)
            alone = dataclasses.replace(plan, packages=tuple(
                dataclasses.replace(q, after=kept, avoid=()) if q.id == p.id else q for q in plan.packages))
            assert schedule(alone).package(p.id).start == p.start, p.id
