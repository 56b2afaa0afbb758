"""The workbook on paper, as LibreOffice prints it to PDF: A3 or A4 landscape, the Zeitplan
at 8 pt or more split by time with its titles on every page, no short remnants of a table;
and the workbook as LibreOffice computes it after an edit (one date, shown on both sheets).

Needs LibreOffice (``soffice``) and poppler (``pdfinfo``, ``pdftotext``), as ``.ci/run``
installs them. Fonts: DejaVu (the CI's only font), whose word boxes in ``pdftotext -bbox``
are 1.3 times the font size: 8 pt text gives 10.4 pt boxes, 7 pt text 9.1 pt.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from roadmap.build import build
from roadmap.excel.timeline import weeks

STATUS = dt.date(2027, 3, 1)
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1031,false,true,true,false,false,-1'
BOX = 1.25  # a word box of an 8 pt DejaVu text is 1.3 x 8 pt high; 7 pt text stays below 1.25 x 8


def soffice(tmp_path: Path, target: str, source: Path) -> Path:
    """Convert with LibreOffice headless in a private profile, so parallel runs don't clash."""
    assert shutil.which("soffice"), "LibreOffice (soffice) is required for these tests"
    out = tmp_path / f"lo-{target.split(':')[0]}"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", target, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    return out


def run(*args) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


class Printed:
    """The PDF's pages: size, the sheet each belongs to (its header), text and word boxes."""

    def __init__(self, pdf: Path):
        count = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", run("pdfinfo", "-f", 1, "-l", count, pdf))
        self.sizes = [(float(w), float(h)) for w, h in sizes]
        self.texts = [run("pdftotext", "-layout", "-f", i, "-l", i, pdf, "-") for i in range(1, count + 1)]
        self.sheets = [text.splitlines()[0].split()[-1] for text in self.texts]
        self.pdf = pdf

    def of(self, sheet: str) -> list[int]:
        return [i for i, name in enumerate(self.sheets) if name == sheet]

    def boxes(self, index: int) -> list[tuple[float, float, str]]:
        """(width, height, word) of every word on page ``index`` (0-based)."""
        xml = run("pdftotext", "-bbox", "-f", index + 1, "-l", index + 1, self.pdf, "-")
        found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', xml)
        return [(float(x2) - float(x1), float(y2) - float(y1), word) for x1, y1, x2, y2, word in found]


def thickness(width: float, height: float, word: str) -> float:
    """A word's line height: its box height, or its width when it is set rotated (the
    Zeitplan's Mondays and session names run upwards)."""
    return width if len(word) > 2 and height > 1.5 * width else height


def printed(tmp_path_factory, paper: str):
    folder = tmp_path_factory.mktemp(f"print-{paper}")
    result = build(None, folder, status_date=STATUS, paper=paper)
    pdf = soffice(folder, "pdf", result.excel) / "kickoff.pdf"
    assert pdf.exists()
    return result, Printed(pdf), openpyxl.load_workbook(result.excel)


@pytest.fixture(scope="module")
def a3(tmp_path_factory):
    return printed(tmp_path_factory, "a3")


@pytest.fixture(scope="module")
def a4(tmp_path_factory):
    return printed(tmp_path_factory, "a4")


def check_zeitplan(result, pdf: Printed, book, across: int):
    """Split by time into ``across`` pages per band of rows; on every page: the package
    titles of its band, the weeks labelled (year, month, KW), text at 8 pt or more."""
    pages = pdf.of("Zeitplan")
    ws = book["Zeitplan"]
    assert [b.id for b in ws.col_breaks.brk] and len(ws.col_breaks.brk) == across - 1
    assert len(pages) == across * (len(ws.row_breaks.brk) + 1)
    names = [p.name for p in result.schedule.packages]
    first, last = names[0], names[-1]
    # over then down: each band's pages follow each other, the titles on every one
    flat = {i: " ".join(pdf.texts[i].split()) for i in pages}  # a long name wraps
    assert sum(" ".join(first.split()) in flat[i] for i in pages) == across
    assert sum(" ".join(last.split()) in flat[i] for i in pages) == across
    years = {str(m.year) for m in weeks(result.schedule)}
    months = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
              "Oktober", "November", "Dezember")
    for i in pages:
        text = pdf.texts[i]
        assert "Jahr" in text and "Monat" in text and "KW" in text and "Woche ab" in text, i
        assert any(year in text for year in years) and any(month in text for month in months), i
        assert "Arbeitspaket" in text and "Beginn" in text and "Ende" in text, i  # the column heads
        # no page with a remnant of rows (a long name wraps: count the row numbers)
        assert len(set(re.findall(r"^\s{0,3}(\d{1,3})\s", text, re.M))) >= 5, i
        smallest = min(thickness(w, h, word) for w, h, word in pdf.boxes(i))
        assert smallest >= 8 * BOX, (i, smallest)


def test_a3_landscape_every_page(a3):
    result, pdf, book = a3
    assert all((round(w), round(h)) == (1191, 842) for w, h in pdf.sizes)  # A3 landscape
    for ws in book.worksheets:
        assert int(ws.page_setup.paperSize) == 8 and ws.page_setup.orientation == "landscape"
    # each sheet starts on its own pages, in order
    assert [name for i, name in enumerate(pdf.sheets) if i == 0 or pdf.sheets[i - 1] != name] == [
        "Übersicht", "Arbeitspakete", "Zeitplan", "Auslastung", "Gremien", "Treiberkette", "Kalender"]
    assert len(pdf.of("Übersicht")) == 1  # the page for the meeting
    assert "60 Einträge: 46 Arbeitspakete, 10 Meilensteine, 4 Beschlüsse" in pdf.texts[0]


def test_a3_zeitplan_split_by_time_at_8_pt(a3):
    result, pdf, book = a3
    # 115 weeks (01.03.2027, the status week, to the week of 08.05.2029: the plan starts on
    # 05.04.2027, so the bid for the own share misses the treasury's deadline of 30.06.2027
    # and the money comes with the budget 2029), 14 pt each beside the title columns: 3
    # pages across, split at month boundaries
    assert len(weeks(result.schedule)) == 115
    assert book["Zeitplan"].page_setup.scale == 100
    check_zeitplan(result, pdf, book, across=3)


def test_a3_no_table_page_with_a_remnant(a3):
    result, pdf, book = a3
    for i in pdf.of("Arbeitspakete"):
        rows = re.findall(r"^\s*(\d+)\s+\S", pdf.texts[i], re.M)
        assert len(rows) >= 5, (i, rows)
    for i in pdf.of("Kalender"):
        assert len(re.findall(r"^\s*\d\d\.\d\d\.\d{4}", pdf.texts[i], re.M)) >= 5, i
    # the Arbeitspakete sheet: Nr. and Arbeitspaket repeated on the state-of-work pages
    # (bands across: plan, state of work, needs and levelling with the source)
    pages = pdf.of("Arbeitspakete")
    bands = len(book["Arbeitspakete"].col_breaks.brk) + 1
    assert bands == 3
    assert sum("Ist-Beginn" in pdf.texts[i] for i in pages) == len(pages) // bands
    assert sum("Kapazitätsabgleich" in pdf.texts[i] for i in pages) == len(pages) // bands
    names = [" ".join(p.name.split()) for p in result.schedule.packages]
    assert all(any(name in " ".join(pdf.texts[i].split()) for name in names) for i in pages)


def test_a4_landscape_every_page(a4):
    result, pdf, book = a4
    assert all((round(w), round(h)) == (842, 595) for w, h in pdf.sizes)  # A4 landscape
    for ws in book.worksheets:
        assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "landscape"
    check_zeitplan(result, pdf, book, across=len(book["Zeitplan"].col_breaks.brk) + 1)
    assert len(book["Zeitplan"].col_breaks.brk) + 1 > 3  # smaller paper, more pages across


def test_a_date_edited_in_the_zeitplan_shows_on_both_sheets(tmp_path):
    """The Arbeitspakete sheet shows the Zeitplan's dates, so an edit there is seen on both;
    Ist-Ende typed on the Arbeitspakete sheet turns the state to finished on both."""
    fixture = Path(__file__).parent / "fixtures" / "excel_small.yaml"
    result = build(str(fixture), tmp_path)
    book = openpyxl.load_workbook(result.excel)
    book["Zeitplan"]["D15"] = dt.datetime(2027, 3, 19)  # Parallelarbeit: Ende 10.03. -> 19.03.
    book["Arbeitspakete"]["N5"] = dt.datetime(2027, 3, 1)  # analyse: Ist-Beginn, Ist-Ende
    book["Arbeitspakete"]["O5"] = dt.datetime(2027, 3, 12)
    edited = tmp_path / "bearbeitet.xlsx"
    book.save(edited)
    out = soffice(tmp_path, CSV_FILTER, edited)

    def sheet(name):
        with (out / f"bearbeitet-{name}.csv").open(encoding="utf-8") as handle:
            return list(csv.reader(handle))

    packages = sheet("Arbeitspakete")
    head = packages[2]
    rows = {row[head.index("ID")]: row for row in packages[3:]}
    assert rows["parallel"][head.index("Ende")] == "19.03.2027"
    assert rows["analyse"][head.index("Status")] == "✓ erledigt"
    assert rows["parallel"][head.index("Status")] == "! verspätet"
    assert rows["konzept"][head.index("Status")] == "○ nicht begonnen"
    timeline = sheet("Zeitplan")
    assert timeline[12][:6] == ["2", '=HYPERLINK("http://x","y")', "01.03.2027", "12.03.2027", "ja", "✓"]
    assert timeline[14][3] == "19.03.2027" and timeline[14][5] == "!"


def test_every_page_of_the_zeitplan_is_printed(tmp_path):
    """LibreOffice leaves out pages without values; bars are conditional formatting, so a
    page of bars only (or of empty weeks) would go missing and the pages no longer tile."""
    packages = "\n".join(
        f"  - {{id: p{i}, name: Arbeitspaket {i}, duration: 1w{', after: [p%d]' % (i - 1) if i > 1 else ''}}}"
        for i in range(1, 61))
    plan = tmp_path / "kette.yaml"
    plan.write_text("roadmap: 1\nproject: {name: Kette, municipality: Teststadt, state: NW, start: 2027-01-04,\n"
                    f"          status_date: 2027-01-04}}\npackages:\n{packages}\n", encoding="utf-8")
    result = build(str(plan), tmp_path, paper="a4")
    ws = openpyxl.load_workbook(result.excel)["Zeitplan"]
    across, down = len(ws.col_breaks.brk) + 1, len(ws.row_breaks.brk) + 1
    assert across >= 3 and down >= 2  # the first rows' bars are all on the first page
    pdf = Printed(soffice(tmp_path, "pdf", result.excel) / "kette.pdf")
    assert len(pdf.of("Zeitplan")) == across * down
