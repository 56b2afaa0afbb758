"""The Excel plan, read back with openpyxl: what a head of department sees in each sheet.

Dates of tests/fixtures/excel_small.yaml, computed by hand (NW, Easter 2027: Karfreitag
26.03., Ostermontag 29.03.; closure 30.-31.03.):
analyse 2w from Mon 01.03. -> 01.03.-12.03.; konzept EA+2d -> lag ends 16.03., 17.03.-23.03.;
parallel AA+1w -> 08.03.-10.03. (deadline 09.03. missed by 1 day, float -1);
beschluss: ready 23.03. + 1w lead = 02.04. (holidays and closure skipped) -> HFA 20.04.,
Rat 27.04.; Vorlage due 12.04. (HFA) and 19.04. (Rat);
umsetzung FS+3ed from the closing of 27.04. -> 30.04., next working day Mon 03.05., 10ed -> 12.05.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from roadmap.excel.workbook import save_workbook, write_excel
from roadmap.excel.packages import lag_text, predecessor_text
from roadmap.plan.loader import load_plan
from roadmap.plan.model import Duration, Link
from roadmap.engine.scheduler import schedule

FIXTURE = Path(__file__).parent / "fixtures" / "excel_small.yaml"
D = dt.datetime  # openpyxl reads dates back as datetimes
FORMULA_NAME = '=HYPERLINK("http://x","y")'


def small_schedule(language=None):
    plan = load_plan(str(FIXTURE))
    if language:
        import dataclasses
        plan = dataclasses.replace(plan, project=dataclasses.replace(plan.project, language=language))
    return schedule(plan)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("xl") / "small.xlsx"
    write_excel(small_schedule(), path)
    return openpyxl.load_workbook(path)


def rows(ws, first, last, columns):
    return [[ws.cell(row=r, column=c).value for c in range(1, columns + 1)] for r in range(first, last + 1)]


def test_sheet_names_german_and_english(book, tmp_path):
    assert book.sheetnames == ["Übersicht", "Arbeitspakete", "Zeitplan", "Gremien", "Kalender"]
    write_excel(small_schedule("en"), tmp_path / "en.xlsx")
    english = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert english.sheetnames == ["Overview", "Work packages", "Timeline", "Bodies", "Calendar"]
    assert english["Work packages"]["J6"].value == "2FS+2 days"


def test_packages_sheet_rows(book):
    ws = book["Arbeitspakete"]
    assert rows(ws, 3, 3, 13) == [["Nr.", "ID", "Phase", "Arbeitspaket", "Art", "Verantwortlich", "Dauer",
                                   "Beginn", "Ende", "Vorgänger", "Gesamtpuffer (Tage)", "Kritisch", "Quelle"]]
    assert rows(ws, 4, 9, 12) == [
        [1, "start", "Vorbereitung", "Start", "Meilenstein", None, 0, D(2027, 3, 1), D(2027, 3, 1), None, -1, "ja"],
        [2, "analyse", "Vorbereitung", FORMULA_NAME, "Arbeitspaket", "Projektleitung", 10,
         D(2027, 3, 1), D(2027, 3, 12), "1", -1, "ja"],
        [3, "konzept", "Vorbereitung", "Konzept schreiben", "Arbeitspaket", "Projektleitung", 5,
         D(2027, 3, 17), D(2027, 3, 23), "2EA+2 Tage", 10, "nein"],
        [4, "parallel", "Vorbereitung", "Parallelarbeit", "Arbeitspaket", None, 3,
         D(2027, 3, 8), D(2027, 3, 10), "2AA+1 Woche", -1, "ja"],
        [5, "beschluss", "Politik", "Beschluss Konzept", "Beschluss", None, 0,
         D(2027, 4, 27), D(2027, 4, 27), "3", 0, "ja"],
        [6, "umsetzung", "Politik", "Umsetzung", "Arbeitspaket", None, 10,
         D(2027, 5, 3), D(2027, 5, 12), "5EA+3 fTage", 0, "ja"],
    ]
    assert ws["M5"].value == "seed.txt: Erst verstehen, dann planen"
    assert ws["H5"].number_format == "DD.MM.YYYY" and ws["I9"].number_format == "DD.MM.YYYY"
    assert ws["G5"].number_format == '[=1]0 "Tag";0 "Tage"'
    assert ws["G9"].number_format == '[=1]0 "fTag";0 "fTage"'  # 10 calendar days
    table = ws.tables["Arbeitspakete"]
    assert table.ref == "A3:M9" and table.autoFilter is not None
    assert ws.freeze_panes == "E4"


def test_plan_text_is_never_a_formula(book):
    for sheet, ref in (("Arbeitspakete", "D5"), ("Übersicht", "D14")):
        cell = book[sheet][ref]
        assert cell.value == FORMULA_NAME
        assert cell.data_type == "s" and cell.quotePrefix, (sheet, ref)
    assert book["Zeitplan"]["B13"].value == FORMULA_NAME and book["Zeitplan"]["B13"].data_type == "s"


@pytest.mark.parametrize("lag, de, en", [
    (Duration(2, text="2d"), "+2 Tage", "+2 days"),
    (Duration(1, text="1d"), "+1 Tag", "+1 day"),
    (Duration(5, text="1w"), "+1 Woche", "+1 wk"),
    (Duration(-10, text="-2w"), "-2 Wochen", "-2 wks"),
    (Duration(20, text="1mo"), "+1 Monat", "+1 mon"),
    (Duration(3, True, "3ed"), "+3 fTage", "+3 edays"),
    (Duration(14, True, "2ew"), "+2 fWochen", "+2 ewks"),
    (Duration(3), "+3 Tage", "+3 days"),  # no text written: working days
])
def test_lag_in_ms_project_words(lag, de, en):
    assert lag_text(lag, "de") == de
    assert lag_text(lag, "en") == en


def test_predecessors_use_row_numbers_and_german_types():
    links = (Link("a"), Link("b", "SS"), Link("c", "FF", Duration(-1, text="-1d")), Link("d", "SF"))
    nr = {"a": 3, "b": 5, "c": 7, "d": 9}
    assert predecessor_text(links, nr, "de") == "3;5AA;7EE-1 Tag;9AE"
    assert predecessor_text(links, nr, "en") == "3;5SS;7FF-1 day;9SF"


def test_timeline_header_weeks_and_calendar_rows(book):
    ws = book["Zeitplan"]
    assert ws["C2"].value == D(2027, 3, 15) and ws["C2"].number_format == "DD.MM.YYYY"
    mondays = [ws.cell(row=6, column=c).value for c in range(7, ws.max_column)]
    assert mondays == [D(2027, 3, 1) + dt.timedelta(weeks=i) for i in range(11)]  # KW 9 .. KW 19
    # right of the weeks, hidden: the latest finish the float tail reads
    assert ws["R10"].value == "Spätestes Ende" and ws.column_dimensions["R"].hidden
    # (analyse and Parallelarbeit have -1 day of float: the deadline 09.03. is missed)
    assert ws["R13"].value == D(2027, 3, 11) and ws["R15"].value == D(2027, 3, 9)
    # Konzept ends Tue 23.03. with 10 days of float: 24., 25., (Karfreitag, Ostermontag,
    # closure 30.-31.) 01., 02., 05.-09., 12.04.
    assert ws["R14"].value == D(2027, 4, 12)
    assert [ws.cell(row=5, column=c).value for c in range(7, 18)] == list(range(9, 20))
    assert (ws["G3"].value, ws["G4"].value) == ("2027", "März")
    week = {m.date(): 7 + i for i, m in enumerate(mondays)}

    def marks(row):
        return {day: ws.cell(row=row, column=col).value for day, col in week.items()
                if ws.cell(row=row, column=col).value}

    assert marks(7) == {dt.date(2027, 4, 19): "HFA", dt.date(2027, 4, 26): "Rat"}
    # Karfreitag; Ostermontag + closure; 1 May (a Saturday); Himmelfahrt
    assert set(marks(8)) == {dt.date(2027, 3, 22), dt.date(2027, 3, 29), dt.date(2027, 4, 26), dt.date(2027, 5, 3)}
    assert set(marks(9)) == {dt.date(2027, 3, 22), dt.date(2027, 3, 29)}  # Osterferien 22.03.-03.04.
    assert ws.freeze_panes == "G11"
    assert ws.column_dimensions["F"].hidden


def test_timeline_rows_grouped_by_phase(book):
    ws = book["Zeitplan"]
    got = rows(ws, 11, 18, 6)
    assert got == [
        [None, "Vorbereitung", "=MIN(C12:C15)", "=MAX(D12:D15)", None, "phase"],
        [1, "Start", D(2027, 3, 1), D(2027, 3, 1), "ja", "milestone"],
        [2, FORMULA_NAME, D(2027, 3, 1), D(2027, 3, 12), "ja", "task"],
        [3, "Konzept schreiben", D(2027, 3, 17), D(2027, 3, 23), None, "task"],
        [4, "Parallelarbeit", D(2027, 3, 8), D(2027, 3, 10), "ja", "task"],
        [None, "Politik", "=MIN(C17:C18)", "=MAX(D17:D18)", None, "phase"],
        [5, "Beschluss Konzept", D(2027, 4, 27), D(2027, 4, 27), "ja", "decision"],
        [6, "Umsetzung", D(2027, 5, 3), D(2027, 5, 12), "ja", "task"],
    ]
    assert ws.row_dimensions[12].outline_level == 1 and not ws.row_dimensions[11].outline_level
    # a milestone row carries the diamond formula in every week, reading its own Beginn
    assert ws["G12"].value == '=IF(AND($C12>=G$6,$C12<=G$6+6),"◆","")'
    assert ws["Q17"].value == '=IF(AND($C17>=Q$6,$C17<=Q$6+6),"◆","")'
    assert ws["G13"].value is None  # task rows stay empty: conditional formatting paints them


def test_timeline_bars_are_conditional_formats_reading_the_row(book):
    ws = book["Zeitplan"]
    rules = {}
    for cf in ws.conditional_formatting:
        rules.setdefault(str(cf.sqref), []).extend((r.formula[0], r.dxf.fill.fgColor.rgb if r.dxf.fill else None)
                                                   for r in cf.rules)
    bar = 'AND($F12="task",$C12<=G$6+6,$D12>=G$6)'
    milestone = 'AND($F12<>"task",$F12<>"phase",$C12>=G$6,$C12<=G$6+6)'
    float_tail = 'AND($F12="task",G$6>$D12,G$6<=$R12)'  # weeks after Ende up to the latest finish
    assert [f for f, _ in rules["G12:Q15"]] == [
        f'AND($E12="ja",{bar})', bar, f'AND($E12="ja",{milestone})', milestone, float_tail]
    colors = [c for _, c in rules["G12:Q15"]]
    assert colors[0].endswith("C0392B") and colors[1].endswith("0072B2")  # critical red, phase colour
    assert [f for f, _ in rules["G11:Q11"]] == ['AND($F11="phase",$C11<=G$6+6,$D11>=G$6)']
    assert [f for f, _ in rules["G5:Q18"]] == ["AND(G$6<=$C$2,$C$2<=G$6+6)"]  # status week
    assert [f for f, _ in rules["G11:Q18"]] == ['G$9<>""']  # school-holiday weeks


def test_bodies_sheet_lists_the_beratungsfolge(book):
    ws = book["Gremien"]
    assert rows(ws, 3, 5, 8) == [
        ["Nr.", "Beschluss", "Schritt", "Gremium", "Sitzung", "Vorlage fertig bis", "Beschlussdatum", "Kritisch"],
        [5, "Beschluss Konzept", 1, "Haupt- und Finanzausschuss", D(2027, 4, 20), D(2027, 4, 12), D(2027, 4, 27), "ja"],
        [5, "Beschluss Konzept", 2, "Rat der Stadt", D(2027, 4, 27), D(2027, 4, 19), D(2027, 4, 27), "ja"],
    ]
    assert ws.tables["Gremien"].ref == "A3:H5"


def test_calendar_sheet_lists_what_the_schedule_used(book):
    ws = book["Kalender"]
    assert rows(ws, 4, 13, 4) == [
        [D(2027, 3, 22), D(2027, 4, 3), "Schulferien", "Oster-/Frühjahrsferien"],
        [D(2027, 3, 26), D(2027, 3, 26), "Feiertag", "Karfreitag"],
        [D(2027, 3, 29), D(2027, 3, 29), "Feiertag", "Ostermontag"],
        [D(2027, 3, 30), D(2027, 3, 31), "Schließtag", "Brückentage"],
        [D(2027, 4, 20), D(2027, 4, 20), "Sitzung", "Haupt- und Finanzausschuss"],
        [D(2027, 4, 27), D(2027, 4, 27), "Sitzung", "Rat der Stadt"],
        [D(2027, 5, 1), D(2027, 5, 1), "Feiertag", "Erster Mai"],
        [D(2027, 5, 6), D(2027, 5, 6), "Feiertag", "Christi Himmelfahrt"],
        [D(2027, 6, 15), D(2027, 6, 15), "Sitzung", "Haupt- und Finanzausschuss"],
        [D(2027, 6, 22), D(2027, 6, 22), "Sitzung", "Rat der Stadt"],
    ]
    assert ws["A4"].number_format == "DD.MM.YYYY"


def test_overview_facts_critical_path_and_assumptions(book):
    import holidays

    ws = book["Übersicht"]
    assert ws["A1"].value == "Smart-City-Fahrplan: Excel-Test & Co"
    assert rows(ws, 3, 9, 2) == [["Kommune", "Teststadt"], ["Bundesland", "NW"], ["Stand", D(2027, 3, 15)],
                                 ["Beginn", D(2027, 3, 1)], ["Ende", D(2027, 5, 12)],
                                 ["Laufzeit", "2,4 Monate"], ["Anzahl Arbeitspakete", 6]]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Kritischer Pfad" in texts and "Meilensteine und Beschlüsse" in texts
    assert "HFA 20.04.2027 → Rat 27.04.2027" in texts
    assert f"Feiertage: gesetzliche Feiertage NW aus dem Paket holidays {holidays.__version__}" in texts
    assert "Sitzungstermine Rat der Stadt: im Plan eingetragen" in texts
    assert any("deadline-missed" in t for t in texts)  # the warning is shown under Hinweise
    critical = [ws.cell(row=r, column=4).value for r in range(13, 18)]
    assert critical == ["Start", FORMULA_NAME, "Parallelarbeit", "Beschluss Konzept", "Umsetzung"]


def test_print_setup_and_properties(book):
    for ws in book.worksheets:
        assert int(ws.page_setup.paperSize) == 8 and ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddFooter.left.text == "Teststadt"
        assert ws.oddFooter.center.text == "Stand: 15.03.2027"
        assert ws.oddFooter.right.text == "Seite &P von &N"
    assert book["Zeitplan"].print_title_rows == "$3:$10"
    assert book["Arbeitspakete"].print_title_rows == "$3:$3"
    assert book["Übersicht"].oddHeader.left.text == "Excel-Test && Co"  # '&' escaped for Excel
    # a short overview prints on one page; the long sheets run onto as many pages as needed
    assert book["Übersicht"].page_setup.fitToHeight == 1
    assert book["Arbeitspakete"].page_setup.fitToHeight == 0
    assert book.properties.title == "Smart-City-Fahrplan: Excel-Test & Co"
    assert book.properties.created == D(2027, 3, 15) and book.properties.modified == D(2027, 3, 15)


def test_same_plan_gives_the_same_bytes(tmp_path):
    result = small_schedule()
    write_excel(result, tmp_path / "a.xlsx")
    write_excel(small_schedule(), tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_failed_write_leaves_the_old_file(tmp_path):
    from roadmap.excel.workbook import build_workbook
    from roadmap.output import atomic_write

    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")

    def broken(temp):
        save_workbook(build_workbook(small_schedule()), temp)
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="der Datenträger ist voll"):
        atomic_write(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]  # no temp file left behind
