"""Levelling on plans: keys, warnings, moved packages, the CLI on a PSPLIB-like plan, and
feasibility on random plans."""
from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap.cli import cli
from roadmap.engine.scheduler import schedule
from conftest import make_plan

ROLES = """roles:
  sc: {name: Koordination, capacity: 1.0}
"""
BODY = """- {id: a, duration: 5d, needs: {sc: 1.0}}
- {id: b, duration: 5d, needs: {sc: 0.5}}
- {id: c, duration: 3d, needs: {sc: 0.8}, after: [a]}
"""


def test_without_levelling_dates_stay_and_the_overload_is_reported():
    plain = schedule(make_plan(BODY.replace(", needs: {sc: 1.0}", "").replace(", needs: {sc: 0.5}", "")
                               .replace(", needs: {sc: 0.8}", ""), head=ROLES))
    result = schedule(make_plan(BODY, head=ROLES))
    assert [(p.start, p.finish) for p in result.packages] == [(p.start, p.finish) for p in plain.packages]
    warnings = [d for d in result.diagnostics if d.code == "over-allocated"]
    assert len(warnings) == 1
    text = warnings[0].message.render("de")
    assert "Rolle 'sc'" in text and "01.02.2027 bis 05.02.2027" in text and "bis zu 1,5" in text


def test_levelling_moves_b_behind_the_chain_and_says_why():
    result = schedule(make_plan(BODY, head=ROLES), level=True)
    days = {p.id: (p.start.isoformat(), p.finish.isoformat()) for p in result.packages}
    # a (1.0) then c (0.8) on the post; b (0.5) fits next to neither: after c
    assert days == {"a": ("2027-02-01", "2027-02-05"), "c": ("2027-02-08", "2027-02-10"),
                    "b": ("2027-02-11", "2027-02-17")}
    assert not [d for d in result.diagnostics if d.code == "over-allocated"]
    b = result.package("b")
    assert b.moved_days == 8 and b.moved_for == ("sc",)
    assert b.moved_note("de") == "verschoben wegen Kapazität von sc (+8 AT)"
    doc = result.to_json()
    assert doc["packages"][1]["levelling"]["moved_days"] == 8
    assert "levelling" not in doc["packages"][0]


def test_enough_capacity_changes_nothing():
    head = ROLES.replace("capacity: 1.0", "capacity: 2.5")
    a = schedule(make_plan(BODY, head=head))
    b = schedule(make_plan(BODY, head=head), level=True)
    assert [(p.start, p.finish) for p in a.packages] == [(p.start, p.finish) for p in b.packages]
    assert not [d for d in a.diagnostics if d.code == "over-allocated"]


def test_capacity_steps_a_post_that_starts_later():
    head = """roles:
  neu: {name: Neue Stelle, capacity: [{from: 2027-03-01, capacity: 1.0}]}
"""
    result = schedule(make_plan("- {id: a, duration: 5d, needs: {neu: 1.0}}\n", head=head), level=True)
    assert result.package("a").start.isoformat() == "2027-03-01"


def test_plain_days_calendar_and_cli_json(tmp_path):
    text = """roadmap: 1
project: {name: P, start: 2030-01-01, status_date: 2030-01-01}
calendar: {weekend: [], public_holidays: false, school_holidays: false}
roles: {r1: {name: R1, capacity: 2}}
packages:
  - {id: a1, duration: 0d}
  - {id: a2, duration: 3d, after: [a1], needs: {r1: 2}}
  - {id: a3, duration: 2d, after: [a1], needs: {r1: 1}}
  - {id: a4, duration: 2d, after: [a1], needs: {r1: 1}}
  - {id: a5, duration: 0d, after: [a2, a3, a4]}
"""
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(cli, ["schedule", "--level", "--format", "json", str(path)])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    days = {p["id"]: p["start"] for p in doc["packages"]}
    # a3 and a4 (1 each) side by side, a2 (2) before or after them: 5 plain days
    assert sorted([days["a2"], days["a3"]]) in (["2030-01-01", "2030-01-04"], ["2030-01-01", "2030-01-03"])
    assert doc["project"]["finish"] == "2030-01-05"  # 1 Jan 2030 is a working day here


@st.composite
def plans(draw):
    n = draw(st.integers(1, 8))
    lines = []
    for j in range(n):
        dur = draw(st.integers(1, 8))
        after = [f"p{i}" for i in range(j) if draw(st.integers(0, 3)) == 0]
        typ = draw(st.sampled_from(["", " SS", " FS+2d", " FF"]))
        need = draw(st.sampled_from([0.2, 0.5, 1.0]))
        role = draw(st.sampled_from(["sc", "it"]))
        after_txt = ", ".join(f"'{a}{typ}'" for a in after)
        lines.append(f"- {{id: p{j}, duration: {dur}d, after: [{after_txt}], needs: {{{role}: {need}}}}}\n")
    return "".join(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_levelled_plans_are_feasible(body):
    head = """roles:
  sc: {name: SC, capacity: 1.0}
  it: {name: IT, capacity: [{from: 2027-01-01, capacity: 0.5}, {from: 2027-03-01, capacity: 1.0}]}
"""
    plan = make_plan(body, head=head)
    plain = schedule(plan)
    result = schedule(plan, level=True)
    assert not [d for d in result.diagnostics if d.code == "over-allocated"], body
    for p, q in zip(plain.packages, result.packages):
        assert q.start >= p.start
