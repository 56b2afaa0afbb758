"""Template options of ``type: date`` (docs/plan-format.md section 11): a funding call's
deadline as a hard date, ``none`` when there is none. The plans start on Monday 11.01.2027 (NW).
"""
from __future__ import annotations

import pytest

from roadmap.engine.scheduler import schedule
from roadmap.plan.diagnostics import PlanError
from roadmap.plan.loader import parse_plan

PLAN = """\
roadmap: 1
template:
  id: test
  options:
    call_deadline: {name: Einreichungsfrist des Förderaufrufs, type: date, default: none}
    funding: {name: Finanzierung, default: grant, choices: {own: Eigenmittel, grant: Förderung}}
project: {name: T, start: 2027-01-11}
OPTIONS
packages:
  - {id: a, name: Antrag schreiben, duration: 4w}
  - {id: antrag, name: Antrag einreichen, kind: milestone, after: a, deadline: call_deadline,
     when: {call_deadline: set}}
  - {id: recherche, name: Förderaufruf suchen, duration: 2w, when: {call_deadline: none}}
  - {id: frueh, duration: 1d, not_before: call_deadline}
"""


def _plan(options: str = "", overrides=None):
    return parse_plan(PLAN.replace("OPTIONS", options), "plan.yaml", ".", overrides)


def test_the_option_spec_knows_its_kind():
    plan = _plan()
    kinds = {spec.key: spec.kind for spec in plan.option_specs}
    assert kinds == {"call_deadline": "date", "funding": "choice"}
    assert plan.options["call_deadline"] == "none"


def test_a_date_sets_the_deadline_and_keeps_the_when_set_packages():
    plan = _plan("options: {call_deadline: 2027-02-05}")
    result = schedule(plan)
    ids = [p.id for p in result.packages]
    assert ids == ["a", "antrag", "frueh"]  # recherche needs call_deadline: none
    antrag = result.package("antrag")
    assert antrag.deadline.isoformat() == "2027-02-05"
    # a: 11.01.-05.02.2027 (20 wd), antrag at its closing: the deadline is met
    assert antrag.start.isoformat() == "2027-02-05" and antrag.deadline_late == 0
    assert result.package("frueh").start.isoformat() == "2027-02-05"  # not_before the option's date


def test_none_counts_as_absent():
    result = schedule(_plan())
    assert [p.id for p in result.packages] == ["a", "recherche", "frueh"]
    assert result.package("frueh").not_before is None
    assert result.package("frueh").start.isoformat() == "2027-01-11"


def test_the_command_line_wins_and_german_dates_work():
    # roadmap new/check --option call_deadline=04.02.2027 (the "laender" engineer's side)
    result = schedule(_plan("options: {call_deadline: none}", {"call_deadline": "04.02.2027"}))
    [warning] = [d for d in result.diagnostics if d.code == "deadline-missed"]
    # antrag on 05.02.2027 after a (20 wd), 1 working day after 04.02.
    assert warning.text() == ("Arbeitspaket 'antrag' endet am 05.02.2027, nach seiner Frist 04.02.2027 "
                              "(1 Arbeitstag(e) zu spät). Grund: „Antrag schreiben“ ('a') ist erst am 05.02.2027 "
                              "fertig")


def test_date_option_mistakes():
    with pytest.raises(PlanError) as caught:
        _plan("options: {call_deadline: bald}")
    assert caught.value.render() == ("plan.yaml:8: error: Option 'call_deadline': 'bald' ist kein Datum; schreiben "
                                     "Sie JJJJ-MM-TT, TT.MM.JJJJ oder none [bad-option-value]")
    with pytest.raises(PlanError) as caught:
        parse_plan(PLAN.replace("OPTIONS", "").replace("{call_deadline: set}", "{call_deadline: ja}"), "plan.yaml")
    assert caught.value.render() == ("plan.yaml:12: error: Arbeitspaket 'antrag': die Option 'call_deadline' ist "
                                     "ein Datum; 'when' prüft nur none oder set, nicht 'ja' [bad-option-value]")
    with pytest.raises(PlanError) as caught:
        parse_plan(PLAN.replace("OPTIONS", "").replace("type: date, default: none", "type: datum"), "plan.yaml")
    assert caught.value.render().splitlines()[0] == (
        "plan.yaml:5: error: Option 'call_deadline': 'type: datum' ist unbekannt; möglich sind choice und date "
        "[bad-option-value]")
