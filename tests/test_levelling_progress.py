"""Levelling with progress: what has happened stays where it happened, history is neither
levelled nor reported, and what levelling moved says why (driver reason, chains, JSON)."""
from __future__ import annotations

import datetime as dt

from roadmap.engine.scheduler import schedule
from conftest import make_plan

ROLES = """roles:
  sc: {name: Koordination, capacity: 1.0}
"""
STATUS = dt.date(2027, 2, 10)
# f1, f2: finished, both on the post at once (history); a: running, half done; b: not started
BODY = """- {id: f1, duration: 3d, actual_start: 2027-02-01, actual_finish: 2027-02-03, needs: {sc: 1.0}}
- {id: f2, duration: 3d, actual_start: 2027-02-01, actual_finish: 2027-02-03, needs: {sc: 1.0}}
- {id: a, duration: 10d, actual_start: 2027-02-01, progress: 50, needs: {sc: 1.0}}
- {id: b, duration: 5d, needs: {sc: 1.0}, priority: 900}
- {id: m, kind: milestone, after: [a, b]}
"""


def _days(result):
    return {p.id: (p.start.isoformat(), p.finish.isoformat()) for p in result.packages}


def test_started_and_finished_tasks_stay_and_only_open_work_moves():
    plan = make_plan(BODY, head=ROLES)
    plain = schedule(plan, STATUS)
    levelled = schedule(plan, STATUS, level=True)
    before, after = _days(plain), _days(levelled)
    for done in ("f1", "f2", "a"):
        assert after[done] == before[done], done
    assert before["a"] == ("2027-02-01", "2027-02-17")  # 5 days left from 11 Feb
    assert before["b"][0] == "2027-02-11"  # next to a's rest: over
    assert after["b"] == ("2027-02-18", "2027-02-24")
    b = levelled.package("b")
    assert b.moved_days == 5 and b.moved_for == ("sc",) and b.driver_reason == "capacity"
    assert not [d for d in levelled.diagnostics if d.code == "over-allocated"]


def test_history_is_not_reported_as_over_allocated():
    plain = schedule(make_plan(BODY, head=ROLES), STATUS)
    warnings = [d.message.render("de") for d in plain.diagnostics if d.code == "over-allocated"]
    # the finished f1 + f2 + a in the first days of February are history: only b and a
    assert len(warnings) == 1
    assert "11.02.2027 bis 17.02.2027" in warnings[0] and "f1" not in warnings[0]


def test_a_running_task_is_not_moved_for_a_more_important_one():
    body = BODY.replace("priority: 900", "priority: 999").replace("progress: 50", "progress: 50, priority: 0")
    levelled = schedule(make_plan(body, head=ROLES), STATUS, level=True)
    assert _days(levelled)["a"] == ("2027-02-01", "2027-02-17")
    assert levelled.package("a").moved_days == 0


def test_the_treiberkette_names_the_capacity():
    from roadmap.excel.chains import reason_text
    from roadmap.gantt.chains import chain_steps

    levelled = schedule(make_plan(BODY, head=ROLES), STATUS, level=True)
    steps = chain_steps(levelled, "b")
    assert steps[0].startswith("Kapazität: frühestens 18.02.2027")
    assert "verschoben wegen Kapazität von sc (+5 AT)" in steps[0]
    nr = {p.id: k for k, p in enumerate(levelled.packages, 1)}
    assert reason_text(levelled, levelled.package("b"), nr) == "verschoben wegen Kapazität von sc (+5 AT)"


def test_a_plan_without_needs_has_no_load_and_main_dates():
    body = "".join(line.replace(", needs: {sc: 1.0}", "") + "\n" for line in BODY.splitlines())
    plain = schedule(make_plan(body, head=ROLES), STATUS)
    levelled = schedule(make_plan(body, head=ROLES), STATUS, level=True)
    assert _days(plain) == _days(levelled)
    assert plain.load is None and levelled.load is None
