"""What levelling and load look like: the Auslastung sheet, the Arbeitspakete columns, the
Gantt's load strip and hover, capacities by option and from a package, and numba loaded
only when something is levelled."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_plan
from roadmap.engine.scheduler import schedule
from roadmap.excel.workbook import build_workbook
from roadmap.gantt.figure import gantt_figure
from roadmap.plan.diagnostics import PlanError

ROOT = Path(__file__).resolve().parent.parent
ROLES = """roles:
  sc: {name: Koordination, capacity: 1.0}
  it: {name: IT, capacity: [{capacity: 0.5}, {from: 2027-03-01, capacity: 1.0}]}
"""
BODY = """- {id: a, duration: 5d, needs: {sc: 1.0}}
- {id: b, duration: 5d, needs: {sc: 0.5, it: 0.5}}
- {id: c, duration: 3d, needs: {sc: 0.8}, after: [a]}
- {id: d, duration: 2w}
"""


def _levelled():
    return schedule(make_plan(BODY, head=ROLES), level=True)


def _sheet_values(ws) -> dict:
    return {(cell.row, cell.column): cell.value for row in ws.iter_rows() for cell in row if cell.value is not None}


# ---- the workbook ---------------------------------------------------------------------


def test_auslastung_sheet_shows_roles_by_week_as_a_heat_map():
    result = schedule(make_plan(BODY, head=ROLES))  # not levelled: sc is over in week 1
    book = build_workbook(result)
    assert book.sheetnames.index("Auslastung") == book.sheetnames.index("Zeitplan") + 1
    ws = book["Auslastung"]
    values = _sheet_values(ws)
    assert values[(1, 1)] == "Auslastung der Rollen: Test"
    assert values[(6, 1)] == "Koordination (sc)" and values[(7, 1)] == "IT (it)"
    assert values[(6, 2)] == "1" and values[(7, 2)] == "0,5; ab 01.03.2027: 1"
    # week of 01.02.2027: a (1.0) and b (0.5) on sc: 150 %, the darkest but one; IT 0.5 of 0.5
    assert values[(5, 3)] in (dt.date(2027, 2, 1), dt.datetime(2027, 2, 1))
    assert values[(6, 3)] == "150 %" and values[(7, 3)] == "100 %"
    assert ws.cell(6, 3).fill.fgColor.rgb.endswith("D7301F")
    assert ws.cell(7, 3).fill.fgColor.rgb.endswith("F4A259")
    texts = " ".join(str(v) for v in values.values())
    assert "Überlastungen" in texts and "Rolle 'sc' (Koordination) ist vom 01.02.2027 bis 05.02.2027" in texts
    assert "Ohne Kapazitätsabgleich" in texts
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$3:$5"


def test_levelled_workbook_says_what_moved_and_why():
    book = build_workbook(_levelled())
    ws = book["Arbeitspakete"]
    heads = {ws.cell(3, c).value: c for c in range(1, ws.max_column + 1)}
    assert "Bedarf (Stellenanteil)" in heads and "Kapazitätsabgleich" in heads
    rows = {ws.cell(r, heads["ID"]).value: r for r in range(4, ws.max_row + 1)}
    assert ws.cell(rows["b"], heads["Kapazitätsabgleich"]).value == "verschoben wegen Kapazität von sc (+8 AT)"
    assert ws.cell(rows["b"], heads["Bedarf (Stellenanteil)"]).value == "sc 0,5; it 0,5"
    assert ws.cell(rows["a"], heads["Kapazitätsabgleich"]).value is None
    texts = " ".join(str(v) for v in _sheet_values(book["Auslastung"]).values())
    assert "Vom Kapazitätsabgleich verschoben" in texts and "Mit Kapazitätsabgleich" in texts
    assert "Überlastungen" not in texts


def test_a_plan_without_needs_has_no_auslastung_sheet_and_no_columns():
    book = build_workbook(schedule(make_plan("- {id: a, duration: 5d}\n", head=ROLES)))
    assert "Auslastung" not in book.sheetnames
    heads = [c.value for c in book["Arbeitspakete"][3]]
    assert "Kapazitätsabgleich" not in heads


# ---- the Gantt --------------------------------------------------------------------------


def test_gantt_load_strip_one_row_per_role_under_the_plan_and_the_move_in_the_hover():
    result = _levelled()
    fig = gantt_figure(result)
    labels = list(fig.layout.yaxis.ticktext)
    assert labels[-2:] == ["Auslastung Koordination (1)", "Auslastung IT (0,5; ab 01.03.2027: 1)"]
    strip = [t for t in fig.data if (t.meta or {}).get("role") == "load"]
    assert len(strip) == 1
    load = strip[0]
    assert set(load.y) == {len(labels) - 2, len(labels) - 1}
    assert set(load.customdata) == {"load:sc", "load:it"}
    first = list(load.customdata).index("load:sc")
    assert "KW 5 ab 01.02.2027: bis zu 1 bei Kapazität 1 (100 %)" in load.hovertext[first]
    hover = " ".join(h for t in fig.data if (t.meta or {}).get("role") == "bars" for h in t.hovertext)
    assert "verschoben wegen Kapazität von sc (+8 AT)" in hover


def test_gantt_page_notes_the_levelling_and_lists_the_strip_in_the_legend(tmp_path):
    from roadmap.gantt.page import page

    html = page(_levelled(), gantt_figure(_levelled()))
    assert "Kapazitätsabgleich: 1 Arbeitspaket(e) verschoben" in html
    assert 'class="sw load"' in html and 'data-key="load:sc"' in html


def test_gantt_without_needs_has_no_strip():
    fig = gantt_figure(schedule(make_plan("- {id: a, duration: 5d}\n", head=ROLES)))
    assert not [t for t in fig.data if (t.meta or {}).get("role") == "load"]


# ---- capacities by option and from a package --------------------------------------------

OPTIONS = """template:
  id: t
  options:
    staffing:
      name: Personal
      default: share
      choices: {share: Anteile, post: Stelle}
options: {staffing: share}
roles:
  sc:
    name: Koordination
    capacity:
      staffing:
        share: 0.5
        post: [{capacity: 0.2}, {from: hired, capacity: 1.2}]
"""
HIRE = """- {id: hire, duration: 10d}
- {id: hired, kind: milestone, after: [hire]}
- {id: work, duration: 10d, needs: {sc: 1.0}}
"""


def test_capacity_by_option():
    share = schedule(make_plan(HIRE, head=OPTIONS))
    assert share.roles["sc"].capacity == 0.5 and not share.roles["sc"].steps
    post = schedule(make_plan(HIRE, head=OPTIONS.replace("options: {staffing: share}",
                                                        "options: {staffing: post}")), level=True)
    # the new post counts from the milestone 'hired' (closing of Fri 12.02.: Mon 15.02.)
    assert post.roles["sc"].steps == ((None, 0.2), (dt.date(2027, 2, 15), 1.2))
    assert post.package("work").start == dt.date(2027, 2, 15)
    assert post.package("work").moved_days == 10


@pytest.mark.parametrize("capacity, code", [
    ("{other: {share: 1}}", "bad-capacity"),
    ("{staffing: {share: 1, nope: 2}}", "bad-option-value"),
    ("{staffing: {post: 1}}", "bad-capacity"),
    ("[{capacity: 1}, {capacity: 2}]", "bad-capacity"),
    ("[{from: nowhere, capacity: 1}]", "bad-capacity"),
])
def test_bad_capacities_are_errors_with_their_line(capacity, code):
    head = OPTIONS.split("roles:")[0] + f"roles:\n  sc: {{name: K, capacity: {capacity}}}\n"
    with pytest.raises(PlanError) as error:
        make_plan(HIRE, head=head)
    assert code in [d.code for d in error.value.diagnostics]


# ---- numba only when something is levelled ------------------------------------------------

CHECK = """
import sys, runpy
sys.argv = ["roadmap"] + {argv!r}
try:
    runpy.run_module("roadmap", run_name="__main__")
except SystemExit as stop:
    assert not stop.code, stop.code
print(json.dumps(sorted(m for m, module in sys.modules.items() if module is not None
                        and (m.split(".")[0] == "numba" or m.startswith("roadmap.engine.lev")))))
"""


def _modules_after(argv, tmp_path, block_numba=False) -> list[str]:
    code = ("import json\n" + ("import sys; sys.modules['numba'] = None\n" if block_numba else "")
            + CHECK.format(argv=argv))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_check_and_build_without_levelling_never_import_numba(tmp_path):
    plan = str(ROOT / "tests" / "plans" / "rathaus.yaml")  # no needs (the Plettenberg examples level now)
    assert _modules_after(["check", plan], tmp_path) == []
    assert _modules_after(["build", plan, "-o", str(tmp_path / "out")], tmp_path) == []
    code = "import sys, roadmap; print(sorted(m for m in sys.modules if 'numba' in m))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


def test_a_plan_with_needs_but_no_levelling_measures_without_numba(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("roadmap: 1\nproject: {name: P, start: 2027-02-01}\n" + ROLES + "packages:\n"
                    + "".join("  " + line + "\n" for line in BODY.splitlines()), encoding="utf-8")
    assert _modules_after(["check", str(path)], tmp_path) == []
    levelled = _modules_after(["check", "--level", str(path)], tmp_path)
    assert "roadmap.engine.levelling" in levelled


def test_levelling_works_without_numba(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("roadmap: 1\nproject: {name: P, start: 2027-02-01}\n" + ROLES + "packages:\n"
                    + "".join("  " + line + "\n" for line in BODY.splitlines()), encoding="utf-8")
    loaded = _modules_after(["schedule", "--level", "--format", "json", str(path)], tmp_path, block_numba=True)
    assert "roadmap.engine.levelling.kernels" in loaded and "numba" not in loaded
    code = ("import sys; sys.modules['numba'] = None\n"
            "from roadmap.engine.levelling import COMPILED; print(COMPILED)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
