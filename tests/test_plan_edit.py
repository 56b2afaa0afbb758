"""Editing a plan file in place (roadmap/plan/edit.py): only the asked-for lines change.

The plans come as users have them: the examples (block style, comments everywhere), a
plan from ``roadmap new`` (multi-line ``sessions: [...]`` lists that a YAML dumper would
rejoin) and a compact plan of ``{...}`` flow mappings.
"""
from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from roadmap.plan.edit import Edit, EditError, apply_edits, unified_diff, yaml_value
from roadmap.plan.loader import parse_plan

ROOT = Path(__file__).resolve().parent.parent
D = dt.date


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) between two texts."""
    removed, added = [], []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


@pytest.fixture
def new_plan_text(tmp_path):
    from click.testing import CliRunner

    from roadmap.cli import cli

    plan = tmp_path / "fahrplan.yaml"
    result = CliRunner().invoke(cli, ["new", str(plan), "--town", "Teststadt", "--start", "01.02.2027",
                                      "--no-interactive"])
    assert result.exit_code == 0, result.output
    return plan.read_text(encoding="utf-8")


def test_no_edits_leaves_the_text_as_it_is():
    text = (ROOT / "examples/plettenberg.yaml").read_text(encoding="utf-8")
    assert apply_edits(text, []) == text


def test_progress_keys_go_in_after_the_duration_and_nothing_else_moves(new_plan_text):
    new = apply_edits(new_plan_text, [
        Edit("kernteam", "progress", 40.0),
        Edit("kernteam", "actual_start", D(2027, 3, 1)),
        Edit("startschuss", "actual", D(2027, 2, 26)),
        Edit("kosten", "duration", "5w"),
        Edit("chefsache", "not_before", D(2027, 3, 8)),
        Edit(None, "status_date", D(2027, 4, 1)),
    ])
    removed, added = changed_lines(new_plan_text, new)
    assert removed == ["    duration: 4w"]
    assert added == ["  status_date: 2027-04-01", "    actual: 2027-02-26", "    not_before: 2027-03-08",
                     "    actual_start: 2027-03-01", "    progress: 40", "    duration: 5w"]
    # the new keys sit where a reader looks for them: right after the duration
    block = new.split("  - id: kernteam\n")[1].split("  - id:")[0]
    assert block.splitlines()[2:5] == ["    duration: 4w", "    actual_start: 2027-03-01", "    progress: 40"]
    # the multi-line session lists of `roadmap new` and every comment are still there
    assert "    sessions: [2027-02-02, 2027-04-06, 2027-06-01, 2027-09-07, 2027-11-09,\n" in new
    assert [l for l in new.splitlines() if l.lstrip().startswith("#")] == \
        [l for l in new_plan_text.splitlines() if l.lstrip().startswith("#")]
    plan = parse_plan(new, "fahrplan.yaml")
    kernteam = next(p for p in plan.packages if p.id == "kernteam")
    assert (kernteam.actual_start, kernteam.progress, plan.project.status_date) == (D(2027, 3, 1), 40, D(2027, 4, 1))


def test_a_value_is_replaced_where_it_stands_with_its_comment():
    text = ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\npackages:\n"
            "  - id: a\n    name: A\n    duration: 3w   # drei Wochen [E]\n    progress: 20 # Stand März\n"
            "    actual_start: 2027-02-01\n")
    new = apply_edits(text, [Edit("a", "duration", "4w"), Edit("a", "progress", 62.5)])
    assert changed_lines(text, new) == (["    duration: 3w   # drei Wochen [E]", "    progress: 20 # Stand März"],
                                        ["    duration: 4w   # drei Wochen [E]", "    progress: 62.5 # Stand März"])


def test_a_cleared_value_loses_its_line():
    text = ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\npackages:\n"
            "  - id: a\n    name: A\n    duration: 3w\n    actual_start: 2027-02-01\n    progress: 20\n"
            "  # next\n  - id: b\n    name: B\n    duration: 1w\n")
    new = apply_edits(text, [Edit("a", "progress", None), Edit("a", "actual_start", None)])
    assert changed_lines(text, new) == (["    actual_start: 2027-02-01", "    progress: 20"], [])


def test_flow_mappings_get_the_key_inside_the_braces():
    text = (ROOT / "tests/fixtures/excel_small.yaml").read_text(encoding="utf-8")
    new = apply_edits(text, [Edit("konzept", "progress", 30), Edit("konzept", "actual_start", D(2027, 1, 18)),
                             Edit("parallel", "deadline", None), Edit("start", "actual", D(2027, 1, 4))])
    removed, added = changed_lines(text, new)
    assert added == [
        "  - {id: start, name: Start, kind: milestone, actual: 2027-01-04, phase: vor}",
        '  - {id: konzept, name: Konzept schreiben, duration: 5d, actual_start: 2027-01-18, progress: 30, '
        'after: ["analyse EA+2d"], phase: vor, owner: pm}',
        '  - {id: parallel, name: Parallelarbeit, duration: 3d, after: ["analyse AA+1w"], phase: vor}']
    assert len(removed) == 3


def test_crlf_line_ends_stay():
    text = "roadmap: 1\r\nproject:\r\n  name: T\r\n  start: 2027-02-01\r\npackages:\r\n  - id: a\r\n    duration: 1w\r\n"
    new = apply_edits(text, [Edit("a", "progress", 10), Edit("a", "actual_start", D(2027, 2, 1))])
    assert new == ("roadmap: 1\r\nproject:\r\n  name: T\r\n  start: 2027-02-01\r\npackages:\r\n  - id: a\r\n"
                   "    duration: 1w\r\n    actual_start: 2027-02-01\r\n    progress: 10\r\n")


def test_unknown_package_and_odd_layout_are_errors_not_guesses():
    text = "roadmap: 1\nproject: {name: T, start: 2027-02-01}\npackages:\n  - id: a\n    duration: |\n      3w\n"
    with pytest.raises(EditError) as error:
        apply_edits(text, [Edit("b", "progress", 1)])
    assert error.value.render("de") == "Im Plan gibt es kein Arbeitspaket mit der ID 'b'."
    with pytest.raises(EditError):
        apply_edits(text, [Edit("a", "duration", "4w")])


def test_values_and_diff():
    assert [yaml_value(v) for v in (D(2027, 3, 1), 50.0, 12.5, "4w")] == ["2027-03-01", "50", "12.5", "4w"]
    diff = unified_diff("a: 1\n", "a: 2\n", "plan.yaml")
    assert diff.splitlines() == ["--- plan.yaml", "+++ plan.yaml", "@@ -1 +1 @@", "-a: 1", "+a: 2"]
