"""The budget calendar (``budget``, ``funds: budget``) and why a deadline is missed
(docs/plan-format.md section 11), dates by hand. Plans start on Monday 01.02.2027 (NW).
"""
from __future__ import annotations

import pytest
from conftest import make_plan, run

from roadmap.plan.diagnostics import PlanError

BUDGET = """\
budget:
  bid_deadline: "06-30"
  in_force: "02-15"
  years: {2029: {in_force: 2029-04-02}}
"""


def test_money_comes_with_the_next_budget_year_when_the_bid_deadline_is_met():
    body = ("- {id: a, duration: 2w}\n"
            "- {id: b, duration: 1w, after: a, funds: budget}\n")
    dates, result = run(body, head=BUDGET)
    # a finishes 12.02.2027; bid deadline 30.06.2027 >= 12.02.2027 -> budget year 2028,
    # in force from Tue 15.02.2028: b 15.02.-21.02.2028 (15.-18., 21.)
    assert dates["b"] == ("2028-02-15", "2028-02-21")
    b = result.package("b")
    assert b.driver is None and b.driver_reason == "budget" and b.funds == "budget"


def test_the_bid_deadline_day_itself_counts_and_a_day_later_costs_a_year():
    body = ("- {id: c, duration: 8d, not_before: 2027-06-21}\n"
            "- {id: d, duration: 1d, after: c, funds: budget}\n"
            "- {id: e, duration: 9d, not_before: 2027-06-21}\n"
            "- {id: f, duration: 1d, after: e, funds: budget}\n"
            "- {id: g, kind: milestone, funds: budget}\n")
    dates, _ = run(body, head=BUDGET)
    # c: Mon 21.06.-Wed 30.06.2027 (21.-25. = 5, 28.-30. = 8): on the deadline -> 2028
    assert dates["c"][1] == "2027-06-30" and dates["d"][0] == "2028-02-15"
    # e: 21.06.-01.07.2027: after the deadline 30.06.2027 -> budget year 2029, in force
    # (late budget) Mon 02.04.2029 = Ostermontag -> Tue 03.04.2029
    assert dates["e"][1] == "2027-07-01" and dates["f"][0] == "2029-04-03"
    # g without predecessors: the project start 01.02.2027 -> 2028
    assert dates["g"] == ("2028-02-15", "2028-02-15")


def test_a_deadline_missed_for_the_money_says_so():
    body = ("- {id: e, duration: 9d, not_before: 2027-06-21}\n"
            "- {id: f, name: Beschaffung, duration: 1d, after: e, funds: budget, deadline: 2028-12-31}\n")
    _, result = run(body, head=BUDGET)
    [warning] = [d for d in result.diagnostics if d.code == "deadline-missed"]
    # 03.04.2029 vs Fri 29.12.2028 (31.12.2028 is a Sunday): working days 02.01.-03.04.2029:
    # January 23 weekdays - 01.01. = 22, February 20, March 22 - Karfreitag 30.03. = 21,
    # April: 02.04. Ostermontag, 03.04. = 1 -> 64
    assert warning.text() == (
        "Arbeitspaket 'f' endet am 03.04.2029, nach seiner Frist 31.12.2028 (64 Arbeitstag(e) zu spät). "
        "Grund: die Haushaltsmittel für „Beschaffung“ ('f') stehen erst ab 03.04.2029 bereit")
    assert warning.text("en").endswith(
        "(64 working day(s) late). Reason: the budget funds for \"Beschaffung\" ('f') are available only from "
        "2029-04-03")


def test_a_deadline_missed_for_a_council_decision_names_the_decision():
    head = "bodies:\n  rat: {name: Rat, sessions: [2027-09-28]}\n"
    body = ("- {id: a, duration: 2w}\n"
            "- {id: eigenanteil, name: Ratsbeschluss zum Eigenanteil, kind: decision, body: rat, after: a}\n"
            "- {id: antrag, name: Förderantrag einreichen, duration: 1w, after: eigenanteil, deadline: 2027-09-30}\n")
    _, result = run(body, head=head)
    [warning] = [d for d in result.diagnostics if d.code == "deadline-missed"]
    # eigenanteil on Tue 28.09.2027; antrag 29.09.-05.10. (03.10. is a Sunday): 1., 4., 5.10. late = 3
    assert str(warning) == (
        "plan.yaml:8: warning: Arbeitspaket 'antrag' endet am 05.10.2027, nach seiner Frist 30.09.2027 "
        "(3 Arbeitstag(e) zu spät). Grund: der Beschluss „Ratsbeschluss zum Eigenanteil“ ('eigenanteil') "
        "fällt erst am 28.09.2027 [deadline-missed]")


def test_budget_mistakes():
    with pytest.raises(PlanError) as caught:
        make_plan("- {id: a, duration: 1w, funds: budget}\n- {id: b, duration: 1w, funds: nachtrag}\n")
    assert caught.value.render().splitlines() == [
        "plan.yaml:4: error: Arbeitspaket 'a': 'funds: budget' braucht einen Abschnitt 'budget' mit bid_deadline "
        "und in_force (Haushaltskalender der Kämmerei) [budget-missing]",
        "plan.yaml:5: error: Arbeitspaket 'b': 'funds: nachtrag' ist unbekannt; möglich ist nur 'budget' [bad-funds]"]
    with pytest.raises(PlanError) as caught:
        make_plan("- {id: a, duration: 1w}\n", head='budget: {bid_deadline: "02-30"}\n')
    assert caught.value.render().splitlines() == [
        "plan.yaml:3: error: 'budget: bid_deadline': '02-30' ist kein Tag im Jahr; schreiben Sie MM-TT in "
        "Anführungszeichen, z. B. \"12-24\" für den 24. Dezember [bad-month-day]",
        "plan.yaml:3: error: 'budget' braucht 'in_force' (MM-TT, z. B. \"06-30\") [missing-key]"]
