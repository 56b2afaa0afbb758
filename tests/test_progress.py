"""Progress against the status date (docs/plan-format.md section 7): hand-computed dates.

Calendar facts used below (NW, 2027): Mon 01.02., Mon 08.02., Mon 15.02., Mon 22.02.;
no public holiday in February; Karfreitag 26.03., Ostermontag 29.03.; NW summer holidays
19.07.-31.08. (no effect on tasks without ``avoid``).
"""
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from conftest import make_plan
from roadmap import PlanError
from roadmap.cli import cli
from roadmap.engine.scheduler import schedule


def run(body, status, head=""):
    result = schedule(make_plan(body, head=head), dt.date.fromisoformat(status))
    return {p.id: (p.start.isoformat(), p.finish.isoformat()) for p in result.packages}, result


def errors(body, status="2027-02-10", head=""):
    with pytest.raises(PlanError) as caught:
        schedule(make_plan(body, head=head), dt.date.fromisoformat(status))
    return [d.render() for d in caught.value.diagnostics if d.severity == "error"]


# ---- not started: no earlier than the first opening after the status date ------------------

def test_a_plan_without_progress_keys_is_not_moved_by_its_status_date():
    # status date Wed 10.02., well after the start 01.02.: only the "today" line
    dates, result = run("- {id: a, duration: 10d}\n- {id: b, duration: 2d, after: [a]}\n", "2027-02-10")
    assert dates == {"a": ("2027-02-01", "2027-02-12"), "b": ("2027-02-15", "2027-02-16")}
    assert not result.records_progress
    assert [p.status for p in result.packages] == ["not_started", "not_started"]
    assert "status_date" not in result.to_json()["project"]
    assert set(result.to_json()["packages"][0]) == {
        "id", "name", "phase", "kind", "start", "finish", "duration_days", "total_float",
        "free_float", "critical", "sessions"}


def test_once_the_plan_records_progress_unstarted_work_waits_for_the_status_date():
    body = ("- {id: a, duration: 10d}\n"
            "- {id: b, duration: 5d, actual_start: 2027-02-01, progress: 40}\n"
            "- {id: m, kind: milestone}\n")
    dates, result = run(body, "2027-02-10")
    # a: the first opening after Wed 10.02. is Thu 11.02.; 10 working days to Wed 24.02.
    assert dates["a"] == ("2027-02-11", "2027-02-24")
    assert (result.package("a").driver, result.package("a").driver_reason) == (None, "status_date")
    # a milestone not reached: at the opening of Thu 11.02.
    assert dates["m"] == ("2027-02-11", "2027-02-11")
    assert result.records_progress and result.status_date == dt.date(2027, 2, 10)


# ---- running: actual start kept, the work left from the status date ---------------------

def test_running_package_left_work_is_ceil_of_duration_times_the_share_left():
    # 10d, 35 % done: ceil(10 x 0.65) = 7 working days from Thu 11.02.: 11, 12, 15-19 -> Fri 19.02.
    dates, result = run("- {id: a, duration: 10d, actual_start: 2027-02-01, progress: 35}\n", "2027-02-10")
    assert dates["a"] == ("2027-02-01", "2027-02-19")
    a = result.package("a")
    assert (a.status, a.progress, a.actual_start, a.actual_finish) == ("running", 35.0, dt.date(2027, 2, 1), None)
    assert a.duration_days == 15  # 01.02.-19.02. in working days
    assert a.late_start == dt.date(2027, 2, 1)  # it has started
    assert (a.driver, a.driver_reason) == (None, "status_date")


def test_remaining_overrides_what_progress_implies():
    # 3 working days from Thu 11.02.: 11, 12, 15 -> Mon 15.02.
    dates, _ = run("- {id: a, duration: 10d, actual_start: 2027-02-01, progress: 35, remaining: 3d}\n",
                   "2027-02-10")
    assert dates["a"] == ("2027-02-01", "2027-02-15")


def test_remaining_without_progress_gives_progress_from_work_done():
    # worked 01.02.-12.02. (10 working days) + 5 left = 10/15 = 66.7 %; Mon 15.02.-Fri 19.02.
    dates, result = run("- {id: a, duration: 10d, actual_start: 2027-02-01, remaining: 1w}\n", "2027-02-12")
    assert dates["a"] == ("2027-02-01", "2027-02-19")
    assert result.package("a").progress == 66.7


def test_started_without_progress_has_all_its_work_left():
    # a status date on a Friday: the work left starts on Monday 15.02.; 5 days -> Fri 19.02.
    dates, result = run("- {id: a, duration: 5d, actual_start: 2027-02-08}\n", "2027-02-12")
    assert dates["a"] == ("2027-02-08", "2027-02-19")
    assert result.package("a").progress == 0.0 and result.package("a").status == "running"


def test_links_to_a_running_package_start_no_longer_move_it_but_links_to_its_finish_do():
    body = ("- {id: a, duration: 10d}\n"
            "- {id: b, duration: 4d, after: [a], actual_start: 2027-02-01, progress: 50}\n"
            "- {id: c, duration: 4d, after: [a FF], actual_start: 2027-02-01, progress: 50}\n")
    dates, result = run(body, "2027-02-10")
    assert dates["a"] == ("2027-02-11", "2027-02-24")
    # b: 2 days left from Thu 11.02.; a (after it in the plan) no longer moves it
    assert dates["b"] == ("2027-02-01", "2027-02-12")
    # c: 2 days left, but it may not finish before a (FF): Tue 23.02. and Wed 24.02.
    assert dates["c"] == ("2027-02-01", "2027-02-24")
    assert (result.package("c").driver, result.package("c").driver_reason) == ("a", "link")


def test_successor_of_a_running_package_follows_its_new_finish_and_ss_follows_its_actual_start():
    body = ("- {id: a, duration: 10d, actual_start: 2027-02-01, progress: 35}\n"
            "- {id: b, duration: 2d, after: [a]}\n"
            "- {id: c, duration: 2d, after: ['a SS+12d']}\n")
    dates, result = run(body, "2027-02-10")
    assert dates["b"] == ("2027-02-22", "2027-02-23")  # after a's finish Fri 19.02.
    # SS+12d from the opening of Mon 01.02.: the closing of working day 12, Tue 16.02.
    assert dates["c"] == ("2027-02-17", "2027-02-18")
    assert result.package("c").driver == "a"
    # backward, a's start is a fact: c's link from it does not make a late (it would, by 5
    # days, if it bound a's remaining work); a has no float before b, which ends the
    # project on Tue 23.02.; c may slip to 22.-23.02. (18., 19., 22.: 3 days)
    assert (result.package("a").total_float, result.package("c").total_float) == (0, 3)
    assert result.package("a").late_finish == dt.date(2027, 2, 19)


# ---- finished: actual dates kept, links no longer move it -------------------------------

def test_finished_package_keeps_its_dates_and_successors_follow_its_actual_finish():
    body = ("- {id: a, duration: 10d}\n"
            "- {id: b, duration: 5d, after: [a], actual_start: 2027-02-03, actual_finish: 2027-02-09}\n"
            "- {id: c, duration: 3d, after: ['b FS+5d']}\n")
    dates, result = run(body, "2027-02-10")
    # b began before a could finish: links no longer move finished work
    assert dates["b"] == ("2027-02-03", "2027-02-09")
    b = result.package("b")
    assert (b.status, b.progress, b.actual_finish, b.critical, b.near_critical) == (
        "finished", 100.0, dt.date(2027, 2, 9), False, False)
    assert (b.total_float, b.free_float, b.driver_reason, b.duration_days) == (0, 0, "actual", 5)
    # FS+5d from the closing of Tue 09.02.: the closing of Tue 16.02.; c Wed 17.-Fri 19.02.
    assert dates["c"] == ("2027-02-17", "2027-02-19")
    assert (result.package("c").driver, result.package("c").driver_reason) == ("b", "link")


def test_finished_on_a_weekend_keeps_that_date():
    body = ("- {id: a, duration: 2d, actual_start: 2027-02-05, actual_finish: 2027-02-06}\n"
            "- {id: b, duration: 1d, after: [a]}\n")
    dates, _ = run(body, "2027-02-06")
    assert dates == {"a": ("2027-02-05", "2027-02-06"), "b": ("2027-02-08", "2027-02-08")}


def test_milestone_reached_on_its_planned_day_keeps_its_instant():
    # m at the opening of Mon 01.02. (the start); FS+3d from there: the closing of Wed 03.02.
    body = ("- {id: m, kind: milestone, actual: 2027-02-01}\n"
            "- {id: b, duration: 2d, after: ['m FS+3d']}\n")
    dates, result = run(body, "2027-02-01")
    assert dates == {"m": ("2027-02-01", "2027-02-01"), "b": ("2027-02-04", "2027-02-05")}
    m = result.package("m")
    assert (m.status, m.progress, m.driver_reason, m.total_float) == ("finished", 100.0, "actual", 0)


def test_milestone_reached_later_than_planned_happens_at_the_opening_of_its_day():
    # planned at the closing of Fri 05.02. after a; reached on Mon 08.02.: its opening;
    # FS+2d from there is the closing of Tue 09.02.: b on Wed 10.02.
    body = ("- {id: a, duration: 5d, actual_start: 2027-02-01, actual_finish: 2027-02-05}\n"
            "- {id: m, kind: milestone, after: [a], actual: 2027-02-08}\n"
            "- {id: b, duration: 2d, after: ['m FS+2d']}\n")
    dates, result = run(body, "2027-02-08")
    assert dates["m"] == ("2027-02-08", "2027-02-08")
    assert dates["b"] == ("2027-02-10", "2027-02-11")
    assert result.package("b").driver == "m"


def test_milestone_reached_earlier_than_its_links_allow_happens_at_the_closing_of_its_day():
    body = ("- {id: a, duration: 10d}\n"
            "- {id: m, kind: milestone, after: [a], actual: 2027-02-03}\n"
            "- {id: b, duration: 2d, after: ['m FS+1d']}\n")
    dates, result = run(body, "2027-02-03")
    assert dates["m"] == ("2027-02-03", "2027-02-03")
    assert result.package("m").status == "finished" and result.package("m").progress == 100.0
    assert (result.package("m").driver, result.package("m").driver_reason) == (None, "actual")
    # FS+1d from the closing of Wed 03.02. is the closing of Thu 04.02.: b Fri 05.-Mon 08.02.
    assert dates["b"] == ("2027-02-05", "2027-02-08")


# ---- decisions and council sessions --------------------------------------------------------

BODIES = """\
bodies:
  fa: {name: Ausschuss für Digitalisierung, short: ADi, sessions: [2027-06-28, 2027-09-09]}
  hfa: {name: Haupt- und Finanzausschuss, short: HFA, sessions: [2027-07-01, 2027-09-16]}
  rat: {name: Rat der Stadt, sessions: [2027-07-08, 2027-09-30, 2027-12-16]}
"""
DECISION = ("- {{id: vorlage, duration: 5d, not_before: 2027-05-31{actuals}}}\n"
            "- {{id: beschluss, kind: decision, body: rat, via: [fa, hfa], after: [vorlage]{taken}}}\n"
            "- {{id: umsetzung, duration: 1d, after: [beschluss]}}\n")


def sessions(package):
    return [(c.body, c.date.isoformat()) for c in package.sessions]


def test_a_package_finished_late_pushes_the_decision_into_the_next_council_session():
    # planned: Vorlage 31.05.-04.06.; ready at the closing of Fri 04.06.; + 3 weeks lead
    # time = closing of Fri 25.06.; FA 28.06., HFA 01.07., Rat 08.07.
    dates, result = run(DECISION.format(actuals="", taken=""), "2027-05-28", head=BODIES)
    assert dates["beschluss"] == ("2027-07-08", "2027-07-08")
    # finished a week late, on Fri 11.06.: + 3 weeks = closing of Fri 02.07., after the
    # FA's 28.06.; the next FA is 09.09. (summer break), HFA 16.09., Rat 30.09.
    late = DECISION.format(actuals=", actual_start: 2027-05-31, actual_finish: 2027-06-11", taken="")
    dates, result = run(late, "2027-06-14", head=BODIES)
    assert dates["vorlage"] == ("2027-05-31", "2027-06-11")
    decision = result.package("beschluss")
    assert sessions(decision) == [("fa", "2027-09-09"), ("hfa", "2027-09-16"), ("rat", "2027-09-30")]
    assert dates["beschluss"] == ("2027-09-30", "2027-09-30")
    assert dates["umsetzung"] == ("2027-10-01", "2027-10-01")
    assert (decision.driver, decision.driver_reason) == ("vorlage", "link")
    assert [p.id for p in result.driving_chain("umsetzung")] == ["umsetzung", "beschluss", "vorlage"]
    assert result.package("vorlage").driver_reason == "actual"


def test_a_decision_not_yet_taken_goes_to_the_first_session_after_the_status_date():
    # Vorlage done on time: FA 28.06. and HFA 01.07. lie before the status date and count as
    # held; the Rat of 08.07. has passed without the decision being recorded: next Rat 30.09.
    body = DECISION.format(actuals=", actual_start: 2027-05-31, actual_finish: 2027-06-04", taken="")
    dates, result = run(body, "2027-07-09", head=BODIES)
    decision = result.package("beschluss")
    assert sessions(decision) == [("fa", "2027-06-28"), ("hfa", "2027-07-01"), ("rat", "2027-09-30")]
    assert (decision.driver, decision.driver_reason) == (None, "status_date")
    assert decision.status == "not_started"
    # on the status date itself the Rat's session counts as past: 08.07. -> 30.09.
    dates, _ = run(body, "2027-07-08", head=BODIES)
    assert dates["beschluss"] == ("2027-09-30", "2027-09-30")
    # the day before, it is still ahead
    dates, _ = run(body, "2027-07-07", head=BODIES)
    assert dates["beschluss"] == ("2027-07-08", "2027-07-08")


def test_a_decision_taken_keeps_its_session_and_its_beratungsfolge():
    body = DECISION.format(actuals=", actual_start: 2027-05-31, actual_finish: 2027-06-04",
                           taken=", actual: 2027-07-08")
    dates, result = run(body, "2027-07-09", head=BODIES)
    decision = result.package("beschluss")
    assert sessions(decision) == [("fa", "2027-06-28"), ("hfa", "2027-07-01"), ("rat", "2027-07-08")]
    assert (decision.status, decision.progress, decision.critical) == ("finished", 100.0, False)
    # taken at the closing of Thu 08.07.; the next working day Fri 09.07. is the status
    # date, so the work after it begins on Mon 12.07.
    assert dates["umsetzung"] == ("2027-07-12", "2027-07-12")
    assert result.package("umsetzung").driver_reason == "status_date"
    assert result.diagnostics == []


def test_a_decision_taken_outside_the_session_list_is_a_warning():
    body = DECISION.format(actuals=", actual_start: 2027-05-31, actual_finish: 2027-06-04",
                           taken=", actual: 2027-07-09")
    dates, result = run(body, "2027-07-09", head=BODIES)
    assert dates["beschluss"] == ("2027-07-09", "2027-07-09")
    assert [d.render() for d in result.diagnostics] == [
        "plan.yaml:9: warning: Beschluss 'beschluss': actual 09.07.2027 ist kein Sitzungstag von 'rat' "
        "(Rat der Stadt); war es eine Sondersitzung, ergänzen Sie den Termin unter 'sessions' "
        "[actual-not-a-session]"]


# ---- the status date itself ------------------------------------------------------------------

def test_the_plan_status_date_is_used_and_the_option_wins():
    body = "- {id: a, duration: 2d}\n- {id: b, duration: 2d, actual_start: 2027-02-01}\n"
    plan = make_plan(body)
    # conftest's plans carry status_date 2027-01-04: actual_start 01.02. lies after it
    with pytest.raises(PlanError) as caught:
        schedule(plan)
    assert [d.render() for d in caught.value.diagnostics] == [
        "plan.yaml:5: error: Arbeitspaket 'b': actual_start 01.02.2027 liegt nach dem Stichtag 04.01.2027; "
        "Ist-Termine reichen höchstens bis zum Stichtag (project: status_date oder --status-date) "
        "[actual-after-status]"]
    result = schedule(plan, dt.date(2027, 2, 3))
    assert result.package("a").start == dt.date(2027, 2, 4)


def test_progress_without_any_status_date_uses_today_and_warns(monkeypatch):
    text = ("roadmap: 1\nproject: {name: T, start: 2020-02-03}\npackages:\n"
            "  - {id: a, duration: 2d, actual_start: 2020-02-03, actual_finish: 2020-02-04}\n")
    from roadmap.plan.loader import parse_plan

    result = schedule(parse_plan(text))
    assert result.status_date == dt.date.today()
    assert [d.code for d in result.diagnostics] == ["no-status-date"]


def test_json_adds_the_progress_fields():
    body = ("- {id: a, duration: 10d, actual_start: 2027-02-01, actual_finish: 2027-02-12}\n"
            "- {id: b, duration: 10d, after: [a], actual_start: 2027-02-15, progress: 50}\n"
            "- {id: c, duration: 1d, after: [b]}\n")
    _, result = run(body, "2027-02-17")
    document = json.loads(json.dumps(result.to_json()))
    assert document["project"]["status_date"] == "2027-02-17"
    rows = {p["id"]: p for p in document["packages"]}
    assert {k: rows["a"][k] for k in ("start", "finish", "actual_start", "actual_finish", "progress", "status")} == {
        "start": "2027-02-01", "finish": "2027-02-12", "actual_start": "2027-02-01",
        "actual_finish": "2027-02-12", "progress": 100.0, "status": "finished"}
    # b: 5 days left from Thu 18.02.: 18, 19, 22, 23, 24
    assert {k: rows["b"][k] for k in ("start", "finish", "actual_start", "actual_finish", "progress", "status")} == {
        "start": "2027-02-15", "finish": "2027-02-24", "actual_start": "2027-02-15",
        "actual_finish": None, "progress": 50.0, "status": "running"}
    assert (rows["c"]["status"], rows["c"]["actual_start"], rows["c"]["start"]) == ("not_started", None, "2027-02-25")
    assert result.percent_complete() == pytest.approx((10 * 100 + 10 * 50) / 21)


def test_schedule_command_takes_the_status_date(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("roadmap: 1\nproject: {name: T, start: 2027-02-01}\npackages:\n"
                    "  - {id: a, duration: 10d, actual_start: 2027-02-01, progress: 35}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["schedule", str(plan), "--format", "json", "--status-date", "10.02.2027"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)["packages"][0]
    assert (row["start"], row["finish"], row["progress"], row["status"]) == ("2027-02-01", "2027-02-19", 35.0, "running")


# ---- errors, each with its line ----------------------------------------------------------------

def test_actual_dates_after_the_status_date():
    assert errors("- {id: a, duration: 5d, actual_start: 2027-02-01, actual_finish: 2027-02-11}\n") == [
        "plan.yaml:4: error: Arbeitspaket 'a': actual_finish 11.02.2027 liegt nach dem Stichtag 10.02.2027; "
        "Ist-Termine reichen höchstens bis zum Stichtag (project: status_date oder --status-date) "
        "[actual-after-status]"]
    assert errors("- {id: m, kind: milestone, actual: 2027-02-11}\n")[0].endswith("[actual-after-status]")


def test_actual_finish_before_actual_start():
    body = ("- id: a\n  duration: 5d\n  actual_start: 2027-02-05\n  actual_finish: 2027-02-01\n")
    assert errors(body) == ["plan.yaml:7: error: Arbeitspaket 'a': actual_finish 01.02.2027 liegt vor "
                            "actual_start 05.02.2027 [actual-order]"]


def test_progress_without_actual_start():
    body = "- id: a\n  duration: 5d\n  progress: 40\n"
    assert errors(body) == ["plan.yaml:6: error: Arbeitspaket 'a': progress 40 ohne actual_start; tragen Sie "
                            "ein, wann die Arbeit begonnen hat [progress-without-start]"]
    # progress 0 says "not started yet" and needs no start
    dates, result = run("- {id: a, duration: 5d, progress: 0}\n", "2027-02-10")
    assert dates["a"] == ("2027-02-11", "2027-02-17") and result.package("a").status == "not_started"


def test_progress_100_without_actual_finish():
    body = "- id: a\n  duration: 5d\n  actual_start: 2027-02-01\n  progress: 100\n"
    assert errors(body) == ["plan.yaml:7: error: Arbeitspaket 'a': progress 100 ohne actual_finish; tragen "
                            "Sie ein, wann das Arbeitspaket fertig wurde [progress-without-finish]"]


@pytest.mark.parametrize("line, expected", [
    ("progress: 140", "plan.yaml:6: error: Arbeitspaket 'a': progress 140 liegt nicht zwischen 0 und 100 "
                      "(Prozent fertig) [bad-progress]"),
    ("progress: viel", "plan.yaml:6: error: Arbeitspaket 'a': progress 'viel' ist keine Zahl; schreiben Sie, "
                       "wie viel Prozent fertig sind, 0 bis 100 (z. B. 40) [bad-progress]"),
    ("actual: 2027-02-01", "plan.yaml:6: error: Arbeitspaket 'a': 'actual' gibt es nur bei Meilensteinen und "
                           "Beschlüssen; für ein Arbeitspaket schreiben Sie actual_start und actual_finish "
                           "[bad-actual-key]"),
    ("remaining: 2d", "plan.yaml:6: error: Arbeitspaket 'a': remaining 2d ohne actual_start; tragen Sie ein, "
                      "wann die Arbeit begonnen hat [progress-without-start]"),
    ("actual_finish: 2027-02-05", "plan.yaml:6: error: Arbeitspaket 'a': actual_finish ohne actual_start; "
                                  "tragen Sie auch ein, wann die Arbeit begonnen hat [progress-without-start]"),
])
def test_more_progress_errors(line, expected):
    assert errors(f"- id: a\n  duration: 5d\n  {line}\n") == [expected]


def test_progress_conflicts_and_keys_of_the_wrong_kind():
    body = ("- id: a\n  duration: 5d\n  actual_start: 2027-02-01\n  actual_finish: 2027-02-05\n"
            "  progress: 60\n"
            "- id: m\n  kind: milestone\n  actual_start: 2027-02-01\n")
    assert errors(body) == [
        "plan.yaml:8: error: Arbeitspaket 'a': actual_finish ist eingetragen, aber progress ist 60 statt 100; "
        "ein fertiges Arbeitspaket ist zu 100 % fertig [progress-conflict]",
        "plan.yaml:11: error: Arbeitspaket 'm' ist ein Meilenstein und hat kein 'actual_start'; schreiben Sie "
        "'actual: <Datum>', den Tag, an dem er erreicht wurde [bad-actual-key]"]


def test_progress_accepts_a_percent_sign_and_a_german_decimal_comma():
    dates, result = run("- {id: a, duration: 10d, actual_start: 2027-02-01, progress: '62,5 %'}\n", "2027-02-10")
    # ceil(10 x 0.375) = 4: Thu 11.-Tue 16.02.
    assert dates["a"] == ("2027-02-01", "2027-02-16") and result.package("a").progress == 62.5
