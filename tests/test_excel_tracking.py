"""The living plan in the workbook: progress typed in and shown, the baseline's changes,
the Treiberkette, and the map ``roadmap update`` reads the workbook by.

Hand-computed dates (tests/fixtures/excel_small.yaml, see tests/test_excel.py):

* With progress (status date Mon 15.03.2027): analyse finished 01.03.-12.03.; Konzept
  started 15.03. with 40 % of 5 days done, ceil(5 * 0.6) = 3 days left: 16.-18.03.;
  Parallelarbeit not started, so from the first opening after the status date: 16.-18.03.,
  7 working days after its deadline 09.03. (10., 11., 12., 15., 16., 17., 18.).
  % done by planned working days (Schedule.percent_complete, milestones weigh one day):
  start 1 x 100, analyse 10 x 100, Konzept 5 x 40, Parallelarbeit 3, Beschluss 1 and
  Umsetzung 7 (03.-12.05. without Himmelfahrt) x 0: 1300 / 27 = 48.15 -> "48,1 %".
* Against a baseline of the unchanged plan, with Konzept 20 days instead of 5: 17.03.
  -> 19.04. (7 days in March, 01.-02.04., 05.-09.04., 12.-16.04., 19.04.), 15 working days
  later than 23.03.; its Vorlage misses the HFA on 20.04. (due 12.04.), so the Beschluss
  moves to HFA 15.06. -> Rat 22.06., 37 working days later (28.-30.04.: 3; May without
  Himmelfahrt and Pfingstmontag: 19; June 01.-22. without Fronleichnam: 15).
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from roadmap.engine.baseline import compare, freeze
from roadmap.engine.scheduler import schedule
from roadmap.excel.editable import COMPUTED, EDITABLE, HEADER_ROW, MILESTONE_ACTUAL, ROW_KEY
from roadmap.excel.workbook import build_workbook, save_workbook, write_excel
from roadmap.plan.loader import load_plan, parse_plan
from roadmap.text import t

FIXTURE = Path(__file__).parent / "fixtures" / "excel_small.yaml"
D = dt.datetime
FORMULA_NAME = '=HYPERLINK("http://x","y")'


def book_of(result):
    """The workbook as written to a file and opened again (dates come back as datetimes)."""
    buffer = io.BytesIO()
    save_workbook(build_workbook(result), buffer)
    return openpyxl.load_workbook(buffer)


def texts(ws):
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def with_progress():
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("kind: milestone, phase: vor}", "kind: milestone, phase: vor, actual: 2027-03-01}")
    text = text.replace('source: "seed.txt: Erst verstehen, dann planen"}',
                        'source: "seed.txt: Erst verstehen, dann planen", actual_start: 2027-03-01,\n'
                        '     actual_finish: 2027-03-12}')
    text = text.replace('after: ["analyse EA+2d"], phase: vor, owner: pm}',
                        'after: ["analyse EA+2d"], phase: vor, owner: pm,\n     actual_start: 2027-03-15, progress: 40}')
    return schedule(parse_plan(text, file="fortschritt.yaml"))


@pytest.fixture(scope="module")
def progress_book():
    return book_of(with_progress())


def test_progress_columns_are_prefilled_from_the_plan(progress_book):
    ws = progress_book["Arbeitspakete"]
    # Status (a formula on what is typed), Ist-Beginn, Ist-Ende, Fortschritt %, Frist, Verzug (AT)
    got = [[ws.cell(row=r, column=c).value for c in range(14, 19)] for r in range(4, 10)]
    assert got == [
        [None, D(2027, 3, 1), None, None, None],  # the milestone's day: its Ist-Ende
        [D(2027, 3, 1), D(2027, 3, 12), 100, None, None],
        [D(2027, 3, 15), None, 40, None, None],
        [None, None, None, D(2027, 3, 9), 7],  # Parallelarbeit: 16.-18.03., 7 days late
        [None, None, None, None, None],
        [None, None, None, None, None],
    ]
    assert ws["M7"].value == '=IF(ISNUMBER(O7),"✓ erledigt","! verspätet")'
    assert ws["M6"].value == '=IF(ISNUMBER(O6),"✓ erledigt",IF(ISNUMBER(N6),"▶ laufend","○ nicht begonnen"))'


def test_overview_gives_percent_done_and_the_states(progress_book):
    ws = progress_book["Übersicht"]
    facts = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(3, 12)}
    assert facts["Fertigstellung"] == "48,1 % erledigt (nach Arbeitstagen gewichtet)"
    assert facts["Stand der Arbeiten"] == "✓ 2 erledigt · ▶ 1 laufend · ! 1 verspätet · ○ 2 nicht begonnen"
    assert ("Parallelarbeit: Frist 09.03.2027, voraussichtliches Ende 18.03.2027 – 7 Arbeitstage zu spät"
            in texts(ws))


def test_input_cells_are_validated(progress_book):
    ws = progress_book["Arbeitspakete"]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    dates, share = rules["N4:N9 O4:O9"], rules["P4:P9"]
    assert (dates.type, dates.operator, dates.formula1, dates.formula2) == ("date", "between", "36526", "73050")
    assert (share.type, share.operator, share.formula1, share.formula2) == ("whole", "between", "0", "100")
    assert dates.showErrorMessage and share.showErrorMessage and dates.allow_blank
    assert share.error == "Bitte eine ganze Zahl von 0 bis 100 eingeben."
    assert dates.error == "Bitte ein Datum eingeben, z. B. 15.03.2027."
    # the input cells are tinted by one rule
    rules = {str(cf.sqref): [r.formula[0] for r in cf.rules] for cf in ws.conditional_formatting}
    assert rules["N4:P9"] == ["TRUE"]


def test_timeline_shows_state_and_done_share(progress_book):
    ws = progress_book["Zeitplan"]
    assert ws["F13"].value == ("=IF(ISNUMBER('Arbeitspakete'!$O$5),\"✓\","
                               "IF(ISNUMBER('Arbeitspakete'!$N$5),\"▶\",\"\"))")
    assert ws["F15"].value == "=IF(ISNUMBER('Arbeitspakete'!$O$7),\"✓\",\"!\")"
    # the planned dates follow the progress: Konzept 15.-18.03., Parallelarbeit 16.-18.03.
    assert [(ws.cell(row=r, column=3).value, ws.cell(row=r, column=4).value) for r in (14, 15)] == [
        (D(2027, 3, 15), D(2027, 3, 18)), (D(2027, 3, 16), D(2027, 3, 18))]


def baseline_schedule():
    old = schedule(load_plan(str(FIXTURE)))
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace('duration: 5d, after: ["analyse EA+2d"]', 'duration: 20d, after: ["analyse EA+2d"]')
    text = text.replace('  - {id: parallel, name: Parallelarbeit, duration: 3d, after: ["analyse AA+1w"], '
                        'phase: vor, deadline: 2027-03-09}\n', "")
    text += "  - {id: info, name: Bürgerinfo, duration: 1w, after: [konzept], phase: pol}\n"
    new = schedule(parse_plan(text, file="neu.yaml"))
    new.baseline = compare(new, freeze(old))
    return new


def test_baseline_columns_on_the_packages_sheet():
    ws = book_of(baseline_schedule())["Arbeitspakete"]
    heads = [ws.cell(row=3, column=c).value for c in range(1, ws.max_column + 1)]
    assert heads[18:] == ["Basis-Beginn", "Basis-Ende", "Abweichung (AT)", "Quelle"]
    got = [[ws.cell(row=r, column=c).value for c in (2, 19, 20, 21)] for r in range(4, 10)]
    assert got == [
        ["Start", D(2027, 3, 1), D(2027, 3, 1), 0],
        [FORMULA_NAME, D(2027, 3, 1), D(2027, 3, 12), 0],
        ["Konzept schreiben", D(2027, 3, 17), D(2027, 3, 23), 15],
        ["Beschluss Konzept", D(2027, 4, 27), D(2027, 4, 27), 37],
        ["Umsetzung", D(2027, 5, 3), D(2027, 5, 12), 38],
        ["Bürgerinfo", None, None, None],  # new since the baseline
    ]
    assert ws["U6"].number_format == "+0;-0;0" and ws["U6"].font.color.rgb.endswith("C0392B")
    # late against the baseline: its state says so
    assert ws["M6"].value == '=IF(ISNUMBER(O6),"✓ erledigt","! verspätet")'


def test_changes_table_lists_every_difference():
    ws = book_of(baseline_schedule())["Übersicht"]
    rows = [[c.value for c in row] for row in ws.iter_rows(max_col=5)]
    start = next(i for i, row in enumerate(rows) if row[0] == "Änderungen gegenüber dem Basisplan vom 15.03.2027")
    assert rows[start + 1] == ["Änderung", "Nr.", "Abweichung (AT)", "Name", "bisher → jetzt"]
    assert rows[start + 2: start + 7] == [
        ["Beschluss verschoben", 4, 37, "Beschluss Konzept",
         "HFA 20.04.2027 → Rat 27.04.2027  ⇒  HFA 15.06.2027 → Rat 22.06.2027"],
        ["später", 5, 38, "Umsetzung", "Ende 12.05.2027 → 07.07.2027"],
        ["später", 3, 15, "Konzept schreiben", "Ende 23.03.2027 → 19.04.2027"],
        ["neu", 6, None, "Bürgerinfo", "neu im Plan: 20.04.2027 – 26.04.2027"],
        ["entfallen", None, None, "Parallelarbeit", "bisher 08.03.2027 – 10.03.2027, nicht mehr im Plan"],
    ]


def test_no_baseline_no_changes_table(tmp_path):
    ws = build_workbook(schedule(load_plan(str(FIXTURE))))["Übersicht"]
    assert not any(text.startswith("Änderungen") for text in texts(ws))


def test_treiberkette_lists_each_chain_down_to_its_origin():
    ws = book_of(schedule(load_plan(str(FIXTURE))))["Treiberkette"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_col=6)]
    assert rows == [
        ["Schritt", "Nr.", "Vorgang", "Beginn", "Ende", "Termin bestimmt durch"],
        [0, 1, "Start", D(2027, 3, 1), D(2027, 3, 1), "Projektbeginn 01.03.2027"],
        [0, 5, "Beschluss Konzept", D(2027, 4, 27), D(2027, 4, 27), "erste passende Sitzung nach Nr. 3 (EA)"],
        [1, 3, "Konzept schreiben", D(2027, 3, 17), D(2027, 3, 23), "Vorgänger Nr. 2 (EA+2 Tage)"],
        [2, 2, FORMULA_NAME, D(2027, 3, 1), D(2027, 3, 12), "Vorgänger Nr. 1 (EA)"],
        # the start milestone is listed above: the chain goes on there
        [3, 1, "Start", D(2027, 3, 1), D(2027, 3, 1), "weiter wie oben bei Nr. 1"],
    ]
    assert ws["C7"].data_type == "s" and ws["C7"].quotePrefix  # plan text stays text


def test_editable_map_names_headers_the_workbook_has(tmp_path):
    for language in ("de", "en"):
        path = tmp_path / f"{language}.xlsx"
        result = schedule(load_plan(str(FIXTURE)))
        result.project = __import__("dataclasses").replace(result.project, language=language)
        write_excel(result, path)
        book = openpyxl.load_workbook(path)
        wanted = {**EDITABLE, **COMPUTED, **{f"row:{k}": (k, v) for k, v in ROW_KEY.items()}}
        for field, (sheet_key, header_key) in wanted.items():
            ws = book[t(sheet_key, language)]
            heads = [c.value for c in ws[HEADER_ROW[sheet_key]]]
            assert t(header_key, language) in heads, (language, field)
    assert MILESTONE_ACTUAL in EDITABLE
    props = {p.name: p.value for p in openpyxl.load_workbook(tmp_path / "de.xlsx").custom_doc_props.props}
    assert props["roadmap-plan-id"] == schedule(load_plan(str(FIXTURE))).plan_id
