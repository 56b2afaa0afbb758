"""The Excel plan, read back with openpyxl: what a head of department sees in each sheet.

Dates of tests/fixtures/excel_small.yaml, computed by hand (NW, Easter 2027: Karfreitag
26.03., Ostermontag 29.03.; closure 30.-31.03.):
analyse 2w from Mon 01.03. -> 01.03.-12.03.; konzept EA+2d -> lag ends 16.03., 17.03.-23.03.;
parallel AA+1w -> 08.03.-10.03. (deadline 09.03. missed by 1 day, float -1);
beschluss: ready 23.03. + 1w lead = 02.04. (holidays and closure skipped) -> HFA 20.04.,
Rat 27.04.; Vorlage due 12.04. (HFA) and 19.04. (Rat);
umsetzung FS+3ed from the closing of 27.04. -> 30.04., next working day Mon 03.05., 10ed -> 12.05.

Progress, baseline, Treiberkette and print layout: tests/test_excel_tracking.py and
tests/test_excel_print.py.
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
STATE = ('=IF(ISNUMBER(O{r}),"✓ erledigt",IF(ISNUMBER(N{r}),"▶ laufend","○ nicht begonnen"))')


def small_schedule(language=None, path=FIXTURE):
    plan = load_plan(str(path))
    if language:
        import dataclasses
        plan = dataclasses.replace(plan, project=dataclasses.replace(plan.project, language=language))
    return schedule(plan)


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("xl") / "small.xlsx"
    write_excel(small_schedule(), path)
    return openpyxl.load_workbook(path)


def rows(ws, first, last, columns, first_column=1):
    return [[ws.cell(row=r, column=c).value for c in range(first_column, columns + 1)]
            for r in range(first, last + 1)]


def test_sheet_names_german_and_english(book, tmp_path):
    assert book.sheetnames == ["Übersicht", "Arbeitspakete", "Zeitplan", "Gremien", "Treiberkette", "Kalender"]
    write_excel(small_schedule("en"), tmp_path / "en.xlsx")
    english = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert english.sheetnames == ["Overview", "Work packages", "Timeline", "Bodies", "Driving path", "Calendar"]
    assert english["Work packages"]["J6"].value == "2FS+2 days"
    # the dates point at the Timeline sheet (its name quoted: it may hold a space)
    assert english["Work packages"]["H5"].value == "='Timeline'!$C$13"


def test_packages_sheet_rows(book):
    ws = book["Arbeitspakete"]
    assert rows(ws, 3, 3, 19) == [["Nr.", "Arbeitspaket", "ID", "Phase", "Art", "Verantwortlich", "Dauer",
                                   "Beginn", "Ende", "Vorgänger", "Gesamtpuffer (Tage)", "Kritisch", "Status",
                                   "Ist-Beginn", "Ist-Ende", "Fortschritt %", "Frist", "Verzug (AT)", "Quelle"]]
    # Beginn and Ende are the Zeitplan's cells (row 12.. there: phase headings come between)
    assert rows(ws, 4, 9, 12) == [
        [1, "Start", "start", "Vorbereitung", "Meilenstein", None, 0,
         "='Zeitplan'!$C$12", "='Zeitplan'!$D$12", None, -1, "ja"],
        [2, FORMULA_NAME, "analyse", "Vorbereitung", "Arbeitspaket", "Projektleitung", 10,
         "='Zeitplan'!$C$13", "='Zeitplan'!$D$13", "1", -1, "ja"],
        [3, "Konzept schreiben", "konzept", "Vorbereitung", "Arbeitspaket", "Projektleitung", 5,
         "='Zeitplan'!$C$14", "='Zeitplan'!$D$14", "2EA+2 Tage", 10, "knapp"],  # 10 days of float
        [4, "Parallelarbeit", "parallel", "Vorbereitung", "Arbeitspaket", None, 3,
         "='Zeitplan'!$C$15", "='Zeitplan'!$D$15", "2AA+1 Woche", -1, "ja"],
        [5, "Beschluss Konzept", "beschluss", "Politik", "Beschluss", None, 0,
         "='Zeitplan'!$C$17", "='Zeitplan'!$D$17", "3", 0, "ja"],
        [6, "Umsetzung", "umsetzung", "Politik", "Arbeitspaket", None, 10,
         "='Zeitplan'!$C$18", "='Zeitplan'!$D$18", "5EA+3 fTage", 0, "ja"],
    ]
    # state of work: nothing recorded yet; Parallelarbeit misses its deadline 09.03. by 1 day
    assert rows(ws, 4, 9, 18, first_column=13) == [
        [STATE.format(r=4), None, None, None, None, None],
        [STATE.format(r=5), None, None, None, None, None],
        [STATE.format(r=6), None, None, None, None, None],
        ['=IF(ISNUMBER(O7),"✓ erledigt","! verspätet")', None, None, None, D(2027, 3, 9), 1],
        [STATE.format(r=8), None, None, None, None, None],
        [STATE.format(r=9), None, None, None, None, None],
    ]
    assert ws["R7"].font.color.rgb.endswith("C0392B") and ws["Q7"].font.color.rgb.endswith("C0392B")
    assert ws["S5"].value == "seed.txt: Erst verstehen, dann planen"
    assert ws["H5"].number_format == "DD.MM.YYYY" and ws["I9"].number_format == "DD.MM.YYYY"
    assert ws["G5"].number_format == '[=1]0 "Tag";0 "Tage"'
    assert ws["G9"].number_format == '[=1]0 "fTag";0 "fTage"'  # 10 calendar days
    table = ws.tables["Arbeitspakete"]
    assert table.ref == "A3:S9" and table.autoFilter is not None
    assert ws.freeze_panes == "C4"


def test_plan_text_is_never_a_formula(book):
    for sheet, ref in (("Arbeitspakete", "B5"), ("Übersicht", "D16"), ("Zeitplan", "B13"), ("Treiberkette", "C7")):
        cell = book[sheet][ref]
        assert cell.value == FORMULA_NAME, (sheet, ref)
        assert cell.data_type == "s" and cell.quotePrefix, (sheet, ref)


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
    assert ws["G2"].value == "Orange: von Hand geändert – die Nachfolger folgen erst nach »roadmap update«."
    assert "G2:Q2" in {str(r) for r in ws.merged_cells.ranges}  # over the first page's weeks
    mondays = [ws.cell(row=6, column=c).value for c in range(7, 18)]
    assert mondays == [D(2027, 3, 1) + dt.timedelta(weeks=i) for i in range(11)]  # KW 9 .. KW 19
    assert ws["R6"].value is None
    # right of the weeks, hidden: latest finish (the float tail), ID, the computed dates
    # (edits are marked against them), the share done and the kind the rules read
    assert rows(ws, 10, 10, 23, first_column=18) == [[
        "Spätestes Ende", "ID", "Berechneter Beginn", "Berechnetes Ende", "Fortschritt %", "Art"]]
    assert all(ws.column_dimensions[c].hidden for c in "RSTUVW")
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


def test_timeline_rows_grouped_by_phase(book):
    ws = book["Zeitplan"]
    assert rows(ws, 11, 18, 5) == [
        [None, "Vorbereitung", "=MIN(C12:C15)", "=MAX(D12:D15)", None],
        [1, "Start", D(2027, 3, 1), D(2027, 3, 1), "ja"],
        [2, FORMULA_NAME, D(2027, 3, 1), D(2027, 3, 12), "ja"],
        [3, "Konzept schreiben", D(2027, 3, 17), D(2027, 3, 23), "knapp"],
        [4, "Parallelarbeit", D(2027, 3, 8), D(2027, 3, 10), "ja"],
        [None, "Politik", "=MIN(C17:C18)", "=MAX(D17:D18)", None],
        [5, "Beschluss Konzept", D(2027, 4, 27), D(2027, 4, 27), "ja"],
        [6, "Umsetzung", D(2027, 5, 3), D(2027, 5, 12), "ja"],
    ]
    assert [ws.cell(row=r, column=23).value for r in range(11, 19)] == [
        "phase", "milestone", "task", "task", "task", "phase", "decision", "task"]
    assert [ws.cell(row=r, column=19).value for r in range(11, 19)] == [
        None, "start", "analyse", "konzept", "parallel", None, "beschluss", "umsetzung"]
    assert ws["T14"].value == D(2027, 3, 17) and ws["U14"].value == D(2027, 3, 23)
    assert ws.row_dimensions[12].outline_level == 1 and not ws.row_dimensions[11].outline_level
    # a milestone row carries the diamond formula in every week, reading its own Beginn
    assert ws["G12"].value == '=IF(AND($C12>=G$6,$C12<=G$6+6),"◆","")'
    assert ws["Q17"].value == '=IF(AND($C17>=Q$6,$C17<=Q$6+6),"◆","")'
    assert ws["G13"].value is None  # task rows stay empty: conditional formatting paints them
    # the deadline 09.03. of Parallelarbeit: a red flag in its week (KW 10, column H)
    assert ws["H15"].value == "⚑" and ws["H15"].font.color.rgb.endswith("C0392B")
    # Status follows what is typed on the Arbeitspakete sheet; Parallelarbeit is late
    assert ws["F13"].value == ("=IF(ISNUMBER('Arbeitspakete'!$O$5),\"✓\","
                               "IF(ISNUMBER('Arbeitspakete'!$N$5),\"▶\",\"\"))")
    assert ws["F15"].value == "=IF(ISNUMBER('Arbeitspakete'!$O$7),\"✓\",\"!\")"
    assert ws["V13"].value == "=IF(ISNUMBER('Arbeitspakete'!$O$5),100,N('Arbeitspakete'!$P$5))"


def test_timeline_bars_are_conditional_formats_reading_the_row(book):
    ws = book["Zeitplan"]
    rules = {}
    for cf in ws.conditional_formatting:
        rules.setdefault(str(cf.sqref), []).extend((r.formula[0], r.dxf.fill.fgColor.rgb if r.dxf.fill else None)
                                                   for r in cf.rules)
    bar = 'AND($W12="task",$C12<=G$6+6,$D12>=G$6)'
    done = "AND($V12>0,OR($V12>=100,G$6+3<$C12+($D12-$C12+1)*$V12/100))"
    milestone = 'AND($W12<>"task",$W12<>"phase",$C12>=G$6,$C12<=G$6+6)'
    float_tail = 'AND($W12="task",G$6>$D12,G$6<=$R12)'  # weeks after Ende up to the latest finish
    assert [f for f, _ in rules["G12:Q15"]] == [
        f'AND($E12="ja",{bar},{done})', f'AND($E12="ja",{bar})', f"AND({bar},{done})", bar,
        f'AND($E12="ja",{milestone})', milestone, float_tail]
    colors = [c for _, c in rules["G12:Q15"]]
    # critical red, its done share darker; the phase colour, its done share darker
    assert colors[1].endswith("C0392B") and colors[3].endswith("0072B2")
    assert colors[0].endswith("6A1F18") and colors[2].endswith("003F62")
    assert [f for f, _ in rules["G11:Q11"]] == ['AND($W11="phase",$C11<=G$6+6,$D11>=G$6)']
    assert [f for f, _ in rules["G5:Q18"]] == ["AND(G$6<=$C$2,$C$2<=G$6+6)"]  # status week
    assert [f for f, _ in rules["G11:Q18"]] == ['G$9<>""']  # school-holiday weeks
    # a date typed by hand differs from its computed twin (T, U): orange
    assert rules["C11:D18"] == [('AND($S11<>"",C11<>T11)', "00F8CBAD")]
    assert [f for f, _ in rules["F11:F18"]] == ['$F11="✓"', '$F11="▶"', '$F11="!"']


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
    assert rows(ws, 3, 11, 3) == [
        ["Kommune", "Teststadt", None], ["Bundesland", "NW", None], ["Stand", D(2027, 3, 15), None],
        ["Beginn", D(2027, 3, 1), None], ["Ende", D(2027, 5, 12), None], ["Laufzeit", "2,4 Monate", None],
        # one count, in one cell: no second number beside it
        ["Umfang", "6 Einträge: 4 Arbeitspakete, 1 Meilenstein, 1 Beschluss", None],
        ["Fertigstellung", "0 % erledigt (nach Arbeitstagen gewichtet)", None],
        ["Stand der Arbeiten", "! 1 verspätet · ○ 5 nicht begonnen", None]]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Kritischer Pfad" in texts and "Meilensteine und Beschlüsse" in texts
    assert "HFA 20.04.2027 → Rat 27.04.2027" in texts
    assert f"Feiertage: gesetzliche Feiertage NW aus dem Paket holidays {holidays.__version__}" in texts
    assert "Sitzungstermine Rat der Stadt: im Plan eingetragen" in texts
    critical = [ws.cell(row=r, column=4).value for r in range(15, 20)]
    assert critical == ["Start", FORMULA_NAME, "Parallelarbeit", "Beschluss Konzept", "Umsetzung"]
    # the path here is not only decisions waiting for sessions: no explaining sentence
    assert not any(text.startswith("Der kritische Pfad besteht") for text in texts)


def test_overview_notes_are_plain_german(book):
    """A missed deadline: package, deadline, expected finish, how late; no file, no code."""
    ws = book["Übersicht"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    notes = texts[texts.index("Hinweise") + 1]
    assert notes == "Parallelarbeit: Frist 09.03.2027, voraussichtliches Ende 10.03.2027 – 1 Arbeitstag zu spät"
    assert not any("deadline-missed" in text or "excel_small.yaml:" in text for text in texts)


def test_overview_explains_a_critical_path_of_decisions():
    """The default roadmap's critical path is two decisions waiting for their sessions."""
    from roadmap.build import load
    from roadmap.excel.workbook import build_workbook

    result = schedule(load(None, status_date=dt.date(2027, 3, 1)), dt.date(2027, 3, 1))
    assert {p.kind for p in result.critical_path()} == {"decision"}
    ws = build_workbook(result)["Übersicht"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert ("Der kritische Pfad besteht hier nur aus Beschlüssen, die an feste Sitzungstermine gebunden "
            "sind: Die Vorarbeiten haben bis zur Sitzung Puffer, aber verpasst ein Beschluss seine Sitzung, "
            "rückt er mit allem, was auf ihm aufbaut, bis zur nächsten passenden Sitzung nach hinten.") in texts
    assert "60 Einträge: 46 Arbeitspakete, 10 Meilensteine, 4 Beschlüsse" in texts


def test_print_setup_and_properties(book):
    for ws in book.worksheets:
        assert int(ws.page_setup.paperSize) == 8 and ws.page_setup.orientation == "landscape"
        assert not ws.sheet_properties.pageSetUpPr.fitToPage  # a fixed scale and our own page breaks
        assert ws.oddFooter.left.text == "Teststadt"
        assert ws.oddFooter.center.text == "Stand: 15.03.2027"
        assert ws.oddFooter.right.text == "Seite &P von &N"
    assert book["Zeitplan"].print_title_rows == "$3:$10" and book["Zeitplan"].page_setup.scale == 100
    assert book["Arbeitspakete"].print_title_rows == "$3:$3"
    # the table is two pages wide: Nr. and Arbeitspaket repeat, the state of work on page 2
    assert book["Arbeitspakete"].print_title_cols == "$A:$B"
    assert [b.id for b in book["Arbeitspakete"].col_breaks.brk] == [12]
    assert book["Übersicht"].oddHeader.left.text == "Excel-Test && Co"  # '&' escaped for Excel
    assert book.properties.title == "Smart-City-Fahrplan: Excel-Test & Co"
    assert book.properties.created == D(2027, 3, 15) and book.properties.modified == D(2027, 3, 15)
    # which plan and status date the workbook was made for (roadmap update checks them)
    props = {p.name: p.value for p in book.custom_doc_props.props}
    assert props == {"roadmap-plan-id": small_schedule().plan_id, "roadmap-status-date": "2027-03-15"}


def test_a4_paper_on_every_sheet(tmp_path):
    write_excel(small_schedule(), tmp_path / "a4.xlsx", paper="a4")
    book = openpyxl.load_workbook(tmp_path / "a4.xlsx")
    for ws in book.worksheets:
        assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "landscape"
        assert ws.page_setup.scale >= 73  # 11 pt text prints at 8 pt or more
    assert book["Zeitplan"].page_setup.scale == 100  # its 8 pt labels print at 8 pt
    with pytest.raises(ValueError, match="paper"):
        write_excel(small_schedule(), tmp_path / "a5.xlsx", paper="a5")


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


def test_build_command_takes_the_paper(tmp_path):
    from click.testing import CliRunner

    from roadmap.cli import cli

    result = CliRunner().invoke(cli, ["build", str(FIXTURE), "-o", str(tmp_path), "--paper", "a4"])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "excel_small.xlsx")
    assert {int(ws.page_setup.paperSize) for ws in book.worksheets} == {9}
    default = CliRunner().invoke(cli, ["build", str(FIXTURE), "-o", str(tmp_path / "a3")])
    assert {int(ws.page_setup.paperSize) for ws in openpyxl.load_workbook(
        tmp_path / "a3" / "excel_small.xlsx").worksheets} == {8} and default.exit_code == 0
    wrong = CliRunner().invoke(cli, ["build", str(FIXTURE), "-o", str(tmp_path), "--paper", "a5"])
    assert wrong.exit_code == 1 and "a5" in wrong.output  # issue 17: a usage error exits 1, like every error
    assert "--paper [a3|a4]" in CliRunner().invoke(cli, ["build", "--help"]).output
