"""Notice periods (``ends_at``) and yearly closures (docs/plan-format.md section 11).

NW 2027: Karfreitag 26.03., Ostermontag 29.03.; 01.01.2028 is a Saturday.
"""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_plan, run
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.engine.scheduler import schedule
from roadmap.plan.diagnostics import PlanError


def test_month_end_moves_the_successor_to_the_first_of_the_next_month():
    body = ("- {id: kuendigung, duration: 10d, ends_at: month_end}\n"
            "- {id: dienstantritt, kind: milestone, after: kuendigung}\n"
            "- {id: einarbeitung, duration: 1w, after: kuendigung}\n")
    dates, result = run(body)
    # nominal finish: 01.02.-12.02.2027 (10 wd); the last working day of February: Fri 26.02.
    assert dates["kuendigung"] == ("2027-02-01", "2027-02-26")
    assert result.package("kuendigung").duration_days == 20  # 01.02.-26.02.
    assert dates["einarbeitung"] == ("2027-03-01", "2027-03-05")  # Mon 01.03.
    assert dates["dienstantritt"] == ("2027-02-26", "2027-02-26")  # at the closing of 26.02.


def test_quarter_end():
    body = ("- {id: k, duration: 60d, ends_at: quarter_end}\n"
            "- {id: start, duration: 1d, after: k}\n")
    dates, result = run(body)
    # 60 wd from 01.02.: February 20, March 21 (26.03./29.03. holidays) = 41, April 1.-27. = 19
    # -> nominal finish Tue 27.04.2027; the quarter ends on Wed 30.06.2027; next: Thu 01.07.
    assert dates["k"] == ("2027-02-01", "2027-06-30")
    assert dates["start"] == ("2027-07-01", "2027-07-01")
    # the start may move while the nominal finish stays in the quarter: up to a start whose
    # 60 wd end on 30.06. -> float; the successor has none
    assert result.package("k").total_float > 0 and result.package("start").total_float == 0


def test_the_last_working_day_of_a_month_with_a_yearly_closure():
    head = 'calendar:\n  yearly_closures: [{from: "12-24", to: "01-01", name: Weihnachten und Neujahr}]\n'
    body = ("- {id: k, duration: 5d, not_before: 2027-12-01, ends_at: month_end}\n"
            "- {id: next, duration: 1d, after: k}\n")
    dates, result = run(body, head=head)
    # 24.12.2027-01.01.2028 closed: the last working day of December 2027 is Thu 23.12.;
    # the next working day Mon 03.01.2028
    assert dates["k"] == ("2027-12-01", "2027-12-23")
    assert dates["next"] == ("2028-01-03", "2028-01-03")
    names = {(w.start.isoformat(), w.end.isoformat(), w.name) for w in result.closures}
    assert ("2027-12-24", "2028-01-01", "Weihnachten und Neujahr") in names


def test_yearly_closures_every_year():
    head = 'calendar:\n  yearly_closures: [{from: "12-24", to: "12-31"}]\n'
    dates, _ = run("- {id: a, duration: 10d, not_before: 2027-12-20}\n- {id: b, duration: 1d, after: a, "
                   "not_before: 2028-12-20}\n", head=head)
    # a: 20.-23.12.2027 (4), closed 24.-31.12., 01.01.2028 Sat, 03.-07.01. (9), 10.01. (10)
    assert dates["a"] == ("2027-12-20", "2028-01-10")
    # b after the closure of 2028 too: 20.12.2028 is a Wednesday
    assert dates["b"] == ("2028-12-20", "2028-12-20")


def test_notice_mistakes():
    with pytest.raises(PlanError) as caught:
        make_plan("- {id: a, duration: 1w, ends_at: monthend}\n- {id: m, kind: milestone, ends_at: month_end}\n")
    assert caught.value.render().splitlines() == [
        "plan.yaml:4: error: Arbeitspaket 'a': 'ends_at: monthend' ist unbekannt; möglich sind month_end und "
        "quarter_end (meinten Sie 'month_end'?) [bad-ends-at]",
        "plan.yaml:5: error: Arbeitspaket 'm': 'ends_at' gibt es nur bei Arbeitspaketen mit Dauer [bad-ends-at]"]


def _period_end(day: dt.date, quarter: bool) -> tuple[int, int]:
    return (day.year, (day.month - 1) // 3 if quarter else day.month)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 400), st.integers(1, 90), st.booleans())
def test_a_notice_period_ends_on_the_last_working_day_of_its_month_or_quarter(offset, days, quarter):
    start = dt.date(2027, 1, 4) + dt.timedelta(days=offset)
    kind = "quarter_end" if quarter else "month_end"
    plain = schedule(make_plan(f"- {{id: k, duration: {days}d, not_before: {start}}}\n"))
    result = schedule(make_plan(f"- {{id: k, duration: {days}d, not_before: {start}, ends_at: {kind}}}\n"
                                f"- {{id: n, duration: 1d, after: k}}\n"))
    nominal, finish, following = plain.package("k").finish, result.package("k").finish, result.package("n").start
    assert finish >= nominal
    assert _period_end(finish, quarter) == _period_end(nominal, quarter)  # the same month / quarter
    assert _period_end(following, quarter) != _period_end(finish, quarter)  # the next working day is in the next
    assert result.calendar.is_working(finish)
