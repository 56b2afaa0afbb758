"""Decisions on council sessions with their Beratungsfolge (contract section 5)."""
import pytest

from conftest import make_plan, run
from roadmap import PlanError
from roadmap.engine.scheduler import schedule

# A year with the NW summer break (19.07.-31.08.2027): no sessions in it.
BODIES = """\
bodies:
  fa: {name: Ausschuss für Digitalisierung, short: ADi, sessions: [2027-06-28, 2027-09-09]}
  hfa: {name: Haupt- und Finanzausschuss, short: HFA, sessions: [2027-07-01, 2027-09-16]}
  rat: {name: Rat der Stadt, sessions: [2027-07-08, 2027-09-30, 2027-12-16]}
"""


def plan(ready_day, duration="5d"):
    return (f"- {{id: vorlage, duration: {duration}, not_before: {ready_day}}}\n"
            "- {id: beschluss, kind: decision, body: rat, via: [fa, hfa], after: [vorlage]}\n"
            "- {id: umsetzung, duration: 1d, after: [beschluss]}\n")


def test_beratungsfolge_before_the_summer_break():
    # Vorlage ready at the closing of Fri 04.06.; + 3w lead = closing of Fri 25.06.
    dates, result = run(plan("2027-05-31"), head=BODIES)
    assert dates["vorlage"] == ("2027-05-31", "2027-06-04")
    decision = result.package("beschluss")
    assert [(c.body, c.date.isoformat()) for c in decision.sessions] == [
        ("fa", "2027-06-28"), ("hfa", "2027-07-01"), ("rat", "2027-07-08")]
    assert decision.sessions[0].vorlage_due.isoformat() == "2027-06-04"
    assert dates["beschluss"] == ("2027-07-08", "2027-07-08")
    assert dates["umsetzung"] == ("2027-07-09", "2027-07-09")  # the next working day


def test_one_week_late_crosses_the_summer_break():
    # ready at the closing of Fri 11.06.: + 3w = closing of Fri 02.07., after the FA on 28.06.
    dates, result = run(plan("2027-06-07"), head=BODIES)
    decision = result.package("beschluss")
    assert [(c.body, c.date.isoformat()) for c in decision.sessions] == [
        ("fa", "2027-09-09"), ("hfa", "2027-09-16"), ("rat", "2027-09-30")]
    # 15 working days before Thu 09.09. is Thu 19.08.: ready by the end of Wed 18.08.
    assert decision.sessions[0].vorlage_due.isoformat() == "2027-08-18"
    assert result.package("umsetzung").start.isoformat() == "2027-10-01"


def test_predecessors_of_a_decision_have_float_up_to_the_vorlage_deadline():
    _, result = run(plan("2027-05-31", duration="3d"), head=BODIES)
    # latest ready = opening of Mon 28.06. moved back 15 working days = opening of Mon 07.06.
    vorlage = result.package("vorlage")
    assert vorlage.finish.isoformat() == "2027-06-02"
    assert vorlage.late_finish.isoformat() == "2027-06-04"
    assert vorlage.total_float == 2  # 03.06. and 04.06.
    assert vorlage.free_float == 2
    assert result.package("beschluss").total_float == 0
    assert result.package("beschluss").critical


def test_session_on_the_lead_day_counts_only_from_an_opening():
    head = """\
bodies:
  rat: {name: Rat, lead_time: 1ed, sessions: [2027-03-02, 2027-03-03]}
"""
    # ready at the opening of Mon 01.03. (milestone at project start); + 24 h = opening of Tue
    dates, _ = run("- {id: k, kind: milestone, not_before: 2027-03-01}\n"
                   "- {id: b, kind: decision, body: rat, after: [k]}\n", head=head)
    assert dates["b"] == ("2027-03-02", "2027-03-02")
    # ready at the closing of Mon: + 24 h = closing of Tue, so only a later date qualifies
    dates, _ = run("- {id: k, duration: 1d, not_before: 2027-03-01}\n"
                   "- {id: b, kind: decision, body: rat, after: [k]}\n", head=head)
    assert dates["b"] == ("2027-03-03", "2027-03-03")


def test_decision_without_a_late_enough_session_is_an_error():
    head = "bodies:\n  rat: {name: Rat der Stadt, sessions: [2027-03-04]}\n"
    with pytest.raises(PlanError) as error:
        schedule(make_plan("- {id: a, duration: 10d}\n"
                           "- {id: b, kind: decision, body: rat, after: [a]}\n", head=head))
    message = str(error.value)
    assert message == ("plan.yaml:7: error: Beschluss 'b': Gremium 'rat' (Rat der Stadt) hat keine Sitzung am "
                       "oder nach dem 06.03.2027; ergänzen Sie spätere Sitzungstermine [no-session]")
    assert error.value.render("en") == ("plan.yaml:7: error: decision 'b': body 'rat' (Rat der Stadt) has no "
                                        "session on or after 2027-03-06; add later session dates [no-session]")
    assert "[no-session]" in message


def test_decision_deadline_gives_negative_float():
    dates, result = run(plan("2027-06-07").replace(
        "after: [vorlage]}", "after: [vorlage], deadline: 2027-07-31}"), head=BODIES)
    decision = result.package("beschluss")
    assert decision.finish.isoformat() == "2027-09-30"
    assert decision.total_float < 0
    assert [d.code for d in result.diagnostics] == ["deadline-missed"]
