"""The Zeitplan sheet marks each occurrence of a recurring package (``repeat``), not one bar
from the first to the last occurrence: a hidden number in every week of a task's occurrence
(a rule paints it in the bar colour), a ◆ in the week of a milestone's occurrence.

The plan starts on Monday 01.02.2027 with status date 04.01.2027 (conftest), so the chart
begins in the status week: week column i (from G) is the week of Monday 04.01.2027 + i weeks.
NW 2027: Karfreitag 26.03., Ostermontag 29.03.
"""
from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import make_plan

from roadmap.engine.scheduler import schedule
from roadmap.excel.layout import FIRST_ROW, FIRST_WEEK, HEAD_ROW, WEEK_ROW
from roadmap.excel.styles import MILESTONE_FILL
from roadmap.excel.workbook import write_excel

PLAN = """\
- {id: a, duration: 2w}
- {id: bericht, name: Lenkungskreis, duration: 1d, after: a, repeat: {every: 2w, until: m}}
- {id: w, name: Werkstatt, duration: 4d, not_before: 2027-02-04, repeat: {every: 2w, count: 2}}
- {id: m, kind: milestone, after: "a EA+6w"}
- {id: s, name: Sachstand, kind: milestone, not_before: 2027-02-03, repeat: {every: 4ew, count: 3}}
"""
FIRST_MONDAY = dt.date(2027, 1, 4)


def week(day: str) -> int:
    """The week column of ``day`` (TT.MM.2027)."""
    date = dt.datetime.strptime(day + "2027", "%d.%m.%Y").date()
    return FIRST_WEEK + (date - FIRST_MONDAY).days // 7


def _zeitplan(tmp_path):
    result = schedule(make_plan(PLAN))
    path = tmp_path / "plan.xlsx"
    write_excel(result, path)
    ws = openpyxl.load_workbook(path)["Zeitplan"]
    heads = {ws.cell(HEAD_ROW, c).value: c for c in range(1, ws.max_column + 1)}
    rows = {ws.cell(r, heads["ID"]).value: r for r in range(FIRST_ROW, ws.max_row + 1)}
    weeks = [c for c in range(FIRST_WEEK, heads["ID"]) if isinstance(ws.cell(WEEK_ROW, c).value, dt.datetime)]
    return result, ws, heads, rows, weeks


def test_each_occurrence_gets_its_weeks_and_nothing_between(tmp_path):
    result, ws, heads, rows, weeks = _zeitplan(tmp_path)
    assert ws.cell(WEEK_ROW, FIRST_WEEK).value == dt.datetime(2027, 1, 4)
    # Lenkungskreis: a ends Fri 12.02.; occurrences Mon 15.02., 01.03., 15.03. (until m, 30.03.; the
    # next, 31.03., is later): weeks of 15.02., 01.03., 15.03.; start/finish still the first/last
    assert [a.strftime("%d.%m.") for a, _ in result.package("bericht").occurrences] == ["15.02.", "01.03.", "15.03."]
    marked = {c: ws.cell(rows["bericht"], c).value for c in weeks if ws.cell(rows["bericht"], c).value is not None}
    assert marked == {week("15.02."): 1, week("01.03."): 2, week("15.03."): 3}
    assert ws.cell(rows["bericht"], week("15.02.")).number_format == ";;;"  # a number no one sees
    assert ws.cell(rows["bericht"], 3).value == dt.datetime(2027, 2, 15)
    assert ws.cell(rows["bericht"], 4).value == dt.datetime(2027, 3, 15)
    # Werkstatt, 4 days every 2 weeks from Thu 04.02.: 04.02.-09.02. (Thu, Fri, Mon, Tue), then 10
    # working days later 18.02.-23.02.: each occurrence marks the two weeks it touches
    marked = {c: ws.cell(rows["w"], c).value for c in weeks if ws.cell(rows["w"], c).value is not None}
    assert marked == {week("01.02."): 1, week("08.02."): 1, week("15.02."): 2, week("22.02."): 2}
    # Sachstand, a milestone every 28 days from Wed 03.02.: 03.02., 03.03., 31.03.: a ◆ each
    marked = {c: ws.cell(rows["s"], c).value for c in weeks if ws.cell(rows["s"], c).value is not None}
    assert marked == {week("01.02."): "◆", week("01.03."): "◆", week("29.03."): "◆"}
    assert ws.cell(rows["s"], week("01.03.")).font.b
    # the hidden kind says "recurring": no rule draws a bar from Beginn to Ende for it
    assert [ws.cell(rows[p], heads["Art"]).value for p in ("a", "bericht", "w", "m", "s")] == [
        "task", "recurring", "recurring", "milestone", "recurring"]
    # the ordinary milestone keeps its ◆ formula in every week
    assert ws.cell(rows["m"], week("29.03.")).value.startswith("=IF(AND($C")


def test_the_rules_paint_the_marks_before_the_bars(tmp_path):
    _, ws, heads, rows, weeks = _zeitplan(tmp_path)
    block = [rule for cf in ws.conditional_formatting for rule in cf.rules
             if str(cf.sqref).startswith(f"G{rows['a']}:")]
    formulas = [rule.formula[0] for rule in block]
    # the two marks' rules come first: a number in the bar colour, a ◆ in the milestone colour
    assert formulas[0].endswith(f'="recurring",ISNUMBER(G{rows["a"]}))')
    assert formulas[1].endswith(f'="recurring",G{rows["a"]}="◆")')
    assert block[0].dxf.fill.fgColor.rgb == block[5].dxf.fill.fgColor.rgb  # the task bar (after 2 marks, 3 critical/done rules)
    assert block[1].dxf.fill.fgColor.rgb.endswith(MILESTONE_FILL)
    assert all(rule.stopIfTrue for rule in block[:2])
