"""Recurring packages (``repeat``, docs/plan-format.md section 11): dates by hand, outputs.

NW 2027: Karfreitag 26.03., Ostermontag 29.03. The plans start on Monday 01.02.2027.
"""
from __future__ import annotations

import pytest
from conftest import make_plan, run
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.engine.scheduler import schedule
from roadmap.plan.diagnostics import PlanError

EVERY = """\
- {id: a, duration: 2w}
- {id: bericht, name: Lenkungskreis, duration: 1d, after: a, repeat: {every: 2w, until: m}}
- {id: m, kind: milestone, after: "a EA+6w"}
"""


def test_every_two_weeks_until_a_milestone():
    dates, result = run(EVERY)
    # a: 01.02.-12.02. (10 working days); bericht 1: Mon 15.02.
    # +10 wd: 16.-19.02. (4), 22.-26.02. (9), 01.03. (10) -> 01.03.; then 15.03.;
    # then 16.-19.03. (4), 22.-25.03. (8), 26.03./29.03. holidays, 30.03. (9), 31.03. (10) -> 31.03.
    # m: a's finish + 30 wd: 15.02.-25.03. are 29 wd, 26.03./29.03. holidays -> closing of 30.03.
    assert dates["m"] == ("2027-03-30", "2027-03-30")
    bericht = result.package("bericht")
    # until m: occurrences starting on or before 30.03.: 15.02., 01.03., 15.03. (31.03. is later)
    assert [first.isoformat() for first, _ in bericht.occurrences] == ["2027-02-15", "2027-03-01", "2027-03-15"]
    assert all(first == last for first, last in bericht.occurrences)  # 1d each
    assert dates["bericht"] == ("2027-02-15", "2027-03-15")  # first start, last finish
    assert not bericht.critical and not bericht.near_critical
    assert bericht.occurrence_text("de") == "3 Termine: 15.02.2027, 01.03.2027, 15.03.2027"
    assert bericht.occurrence_text("en") == "3 occurrences: 2027-02-15, 2027-03-01, 2027-03-15"
    assert [p.id for p in result.critical_path()] == ["a", "m"]
    # the recurring package moves nothing: the others' dates are those without it
    without, _ = run(EVERY.replace(", repeat: {every: 2w, until: m}", ""))
    assert {k: v for k, v in dates.items() if k != "bericht"} == {k: v for k, v in without.items() if k != "bericht"}


def test_a_task_occurrence_lasts_as_long_as_the_task():
    dates, result = run("- {id: w, duration: 3d, repeat: {every: 1w, count: 2}}\n")
    # 01.02.-03.02., then one week later 08.02.-10.02.
    assert [(a.isoformat(), b.isoformat()) for a, b in result.package("w").occurrences] == [
        ("2027-02-01", "2027-02-03"), ("2027-02-08", "2027-02-10")]
    assert dates["w"] == ("2027-02-01", "2027-02-10")


def test_every_in_calendar_days_with_a_count():
    _, result = run("- {id: m, kind: milestone, not_before: 2027-02-03, repeat: {every: 4ew, count: 3}}\n")
    # Wed 03.02., +28 days: Wed 03.03., +28 days: Wed 31.03. (a working day)
    assert [a.isoformat() for a, _ in result.package("m").occurrences] == ["2027-02-03", "2027-03-03", "2027-03-31"]


def test_until_a_date():
    _, result = run("- {id: m, kind: milestone, repeat: {every: 2w, until: 2027-03-01}}\n")
    # 01.02., 15.02., 01.03. (on the date: kept), 15.03. no
    assert [a.isoformat() for a, _ in result.package("m").occurrences] == ["2027-02-01", "2027-02-15", "2027-03-01"]


SESSIONS = """\
bodies:
  rat: {name: Rat, sessions: [2027-02-25, 2027-03-11, 2027-04-22, 2027-06-24, 2027-09-30], lead_time: 3w}
"""


def test_one_occurrence_per_session_after_the_lead_time():
    body = ("- {id: a, duration: 1w}\n"
            "- {id: bericht, name: Sachstandsbericht, duration: 3d, after: a,"
            " repeat: {sessions: rat, until: 2027-07-01}}\n")
    dates, result = run(body, head=SESSIONS)
    # a: 01.02.-05.02.; the report is written 08.02.-10.02.; + 15 wd lead time from the
    # closing of 10.02.: 11.,12. (2), 15.-19. (7), 22.-26. (12), 01.-03.03. (15) -> after 03.03.:
    # 25.02. is too early, 11.03. is the first; then 22.04., 24.06. (30.09. is after 01.07.)
    occurrences = result.package("bericht").occurrences
    assert [a.isoformat() for a, _ in occurrences] == ["2027-03-11", "2027-04-22", "2027-06-24"]
    assert dates["bericht"] == ("2027-03-11", "2027-06-24")


def test_sessions_with_a_count_and_until_a_decision():
    body = ("- {id: beschluss, kind: decision, body: rat, not_before: 2027-03-15}\n"
            "- {id: bericht, kind: milestone, repeat: {sessions: rat, until: beschluss}}\n"
            "- {id: drei, kind: milestone, repeat: {sessions: rat, count: 2}}\n")
    _, result = run(body, head=SESSIONS)
    # beschluss: ready 15.03. + 15 wd -> 06.04. -> Rat 22.04.
    assert result.package("beschluss").start.isoformat() == "2027-04-22"
    # bericht: ready at the start 01.02. (opening) + 15 wd -> closing of 19.02. -> 25.02.;
    # until beschluss 22.04.: 25.02., 11.03., 22.04.
    assert [a.isoformat() for a, _ in result.package("bericht").occurrences] == [
        "2027-02-25", "2027-03-11", "2027-04-22"]
    assert [a.isoformat() for a, _ in result.package("drei").occurrences] == ["2027-02-25", "2027-03-11"]


def test_no_session_left_is_a_warning():
    head = "bodies:\n  rat: {name: Rat, sessions: [2027-02-03]}\n"
    _, result = run("- {id: bericht, kind: milestone, repeat: {sessions: rat, count: 2}}\n", head=head)
    assert result.package("bericht").occurrences == ()
    [warning] = [d for d in result.diagnostics if d.code == "no-sessions"]
    assert warning.text() == ("Arbeitspaket 'bericht': Gremium 'rat' hat nach dem Beginn keine Sitzung mehr; "
                              "'repeat: sessions' findet keinen Termin")


@pytest.mark.parametrize("body, expected", [
    ("- {id: a, duration: 1w, repeat: {every: 2w}}\n",
     "plan.yaml:4: error: Arbeitspaket 'a': 'repeat' braucht genau eines von 'until' (ein Arbeitspaket oder "
     "Datum) oder 'count' (Anzahl der Termine) [bad-repeat]"),
    ("- {id: a, duration: 1w, repeat: {count: 2}}\n",
     "plan.yaml:4: error: Arbeitspaket 'a': 'repeat' braucht genau eines von 'every' (z. B. 6w) oder "
     "'sessions' (ein Gremium) [bad-repeat]"),
    ("- {id: a, duration: 1w, repeat: {every: 0d, count: 2}}\n",
     "plan.yaml:4: error: Arbeitspaket 'a': 'repeat: every' muss länger als 0 sein, z. B. 6w [bad-repeat]"),
    ("- {id: a, duration: 1w, repeat: {every: 1w, count: 0}}\n",
     "plan.yaml:4: error: Arbeitspaket 'a': 'repeat: count' 0 muss eine ganze Zahl von 1 bis 1000 sein [bad-repeat]"),
    ("- {id: a, duration: 1w, repeat: {sessions: rta, count: 2}}\n",
     "plan.yaml:4: error: Arbeitspaket 'a': 'repeat: sessions': Gremium 'rta' ist unter 'bodies' nicht "
     "definiert [unknown-body]"),
    ("- {id: a, duration: 1w, repeat: {every: 1w, until: zz}}\n",
     "plan.yaml:4: error: Arbeitspaket 'a': 'repeat: until' nennt 'zz', das ist kein Arbeitspaket [unknown-package]"),
    ("- {id: a, duration: 1w, repeat: {every: 1w, count: 2}}\n- {id: b, duration: 1w, after: a}\n",
     "plan.yaml:5: error: Arbeitspaket 'b': 'a' wiederholt sich ('repeat') und kann kein Vorgänger sein; "
     "hängen Sie 'b' an das, wonach 'a' beginnt [recurring-predecessor]"),
])
def test_mistakes_in_repeat(body, expected):
    with pytest.raises(PlanError) as caught:
        make_plan(body)
    assert expected in caught.value.render().splitlines()


def test_recurring_predecessor_in_english():
    with pytest.raises(PlanError) as caught:
        make_plan("- {id: a, duration: 1w, repeat: {every: 1w, count: 2}}\n- {id: b, duration: 1w, after: a}\n")
    assert caught.value.render("en") == (
        "plan.yaml:5: error: package 'b': 'a' recurs ('repeat') and cannot be a predecessor; link 'b' to what "
        "'a' starts after [recurring-predecessor]")


def test_outputs_list_the_occurrences(tmp_path):
    from roadmap.excel.workbook import build_workbook
    from roadmap.exchange.ics_export import entries
    from roadmap.gantt.figure import gantt_figure

    result = schedule(make_plan(EVERY))
    document = result.to_json()
    [bericht] = [p for p in document["packages"] if p["id"] == "bericht"]
    assert bericht["occurrences"] == [{"start": "2027-02-15", "finish": "2027-02-15"},
                                      {"start": "2027-03-01", "finish": "2027-03-01"},
                                      {"start": "2027-03-15", "finish": "2027-03-15"}]
    assert all("occurrences" not in p for p in document["packages"] if p["id"] != "bericht")
    # Gantt: one trace of marks on the package's one row, none of the ordinary bars
    fig = gantt_figure(result)
    marks = [trace for trace in fig.data if (trace.meta or {}).get("recurring")]
    assert len(marks) == 1 and len(set(marks[0].y)) == 1 and len(marks[0].y) == 3
    assert all("bericht" not in (trace.customdata or ()) for trace in fig.data
               if (trace.meta or {}).get("role") == "bars" and not (trace.meta or {}).get("recurring"))
    # Excel: the dates under the name
    wb = build_workbook(result)
    texts = [cell.value for row in wb["Arbeitspakete"].iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "Lenkungskreis\n3 Termine: 15.02.2027, 01.03.2027, 15.03.2027" in texts
    # ics: one event per occurrence (with a milestone m)
    summaries = [entry.summary for entry in entries(result)]
    assert summaries[:3] == ["Lenkungskreis (Termin 1 von 3)", "Lenkungskreis (Termin 2 von 3)",
                             "Lenkungskreis (Termin 3 von 3)"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 15), min_size=1, max_size=6), st.integers(0, 5), st.integers(1, 15),
       st.integers(1, 8), st.booleans())
def test_a_recurring_package_never_moves_other_work(durations, anchor, every, count, milestone):
    """The other packages' dates, floats and the critical path are those without the
    recurring package; its occurrences are ordered and ``every`` apart at least."""
    chain = "".join(f"- {{id: p{k}, duration: {d}d{', after: p%d' % (k - 1) if k else ''}}}\n"
                    for k, d in enumerate(durations))
    anchor = min(anchor, len(durations) - 1)
    kind = "kind: milestone" if milestone else "duration: 2d"
    recurring = f"- {{id: r, {kind}, after: p{anchor}, repeat: {{every: {every}d, count: {count}}}}}\n"
    with_r, result = run(chain + recurring)
    without, plain = run(chain)
    assert {k: v for k, v in with_r.items() if k != "r"} == without
    assert [(p.id, p.total_float, p.critical) for p in result.packages if p.id != "r"] == [
        (p.id, p.total_float, p.critical) for p in plain.packages]
    occurrences = result.package("r").occurrences
    assert len(occurrences) == count
    for (a, _), (b, _) in zip(occurrences, occurrences[1:]):
        assert result.working_days_between(a, b) >= every


def test_a_started_recurring_package_keeps_its_occurrences_from_its_actual_start():
    """The Lenkungskreis met on 15.02.2027 (actual start); at status date 16.03.2027 its
    occurrences still count from that day, not from the status date."""
    plan = make_plan(EVERY.replace("repeat: {every: 2w, until: m}}",
                                   "repeat: {every: 2w, until: m}, actual_start: 2027-02-15}"))
    import dataclasses
    import datetime as dt

    plan = dataclasses.replace(plan, project=dataclasses.replace(plan.project, status_date=dt.date(2027, 3, 16)))
    bericht = schedule(plan).package("bericht")
    # every 10 working days from the actual start, as without progress: 15.02., 01.03., 15.03.
    # (a, unreported, moves behind the status date and m with it, so more occurrences follow);
    # before the fix occurrence 1 sat on the status date and the list ran backwards
    firsts = [first.isoformat() for first, _ in bericht.occurrences]
    assert firsts[:3] == ["2027-02-15", "2027-03-01", "2027-03-15"]
    assert firsts == sorted(firsts)
