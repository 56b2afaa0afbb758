"""``roadmap build``: exact summary, errors without tracebacks, and the workbook as
LibreOffice reads it (same dates as ``roadmap schedule --format json``)."""
from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from roadmap.build import build, slug
from roadmap.cli import cli

FIXTURE = Path(__file__).parent / "fixtures" / "excel_small.yaml"
FORMULA_NAME = '=HYPERLINK("http://x","y")'
#: CSV export of every sheet: separator, quote, UTF-8, from row 1, no column formats,
#: German locale, quoted text, ..., "as shown" (dates TT.MM.JJJJ), ..., all sheets (LO >= 7.2).
CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1031,false,true,true,false,false,-1'


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def soffice(tmp_path: Path, target: str, source: Path) -> Path:
    """Convert with LibreOffice headless in a private profile, so parallel runs don't clash."""
    assert shutil.which("soffice"), "LibreOffice (soffice) is required for these tests"
    out = tmp_path / f"lo-{target.split(':')[0]}"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", target, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out  # soffice exits 0 even when it failed: callers check the files


def test_build_prints_the_summary(tmp_path):
    result = run("build", FIXTURE, "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Excel-Test & Co (Teststadt)",
        "Laufzeit: 01.03.2027 – 12.05.2027 (2,4 Monate)",
        "6 Einträge: 4 Arbeitspakete, 1 Meilenstein, 1 Beschluss",
        f"Kritischer Pfad: Start, {FORMULA_NAME}, Parallelarbeit, Beschluss Konzept, Umsetzung",
        "Beschlüsse:",
        "  27.04.2027  Beschluss Konzept (HFA 20.04.2027 → Rat 27.04.2027)",
        "Warnungen:",
        f"  {FIXTURE}:26: warning: Arbeitspaket 'parallel' endet am 10.03.2027, nach seiner Frist 09.03.2027 "
        "(1 Arbeitstag(e) zu spät). Grund: „=HYPERLINK(\"http://x\",\"y\")“ ('analyse') beginnt erst am "
        "01.03.2027 [deadline-missed]",
        "Geschrieben:",
        f"  {tmp_path}/excel_small.xlsx",
        f"  {tmp_path}/excel_small.html",
    ]
    assert result.stderr == ""
    assert "Beschluss Konzept" in (tmp_path / "excel_small.html").read_text(encoding="utf-8")


def test_english_summary_and_status_date_in_both_spellings(tmp_path):
    german = run("build", FIXTURE, "-o", tmp_path / "de", "--status-date", "01.04.2027")
    iso = run("build", FIXTURE, "-o", tmp_path / "en", "--status-date", "2027-04-01", "--lang", "en")
    assert german.exit_code == iso.exit_code == 0
    assert iso.stdout.splitlines()[1:4] == [
        "Span: 2027-03-01 – 2027-05-12 (2.4 months)",
        "6 entries: 4 work packages, 1 milestone, 1 decision",
        f"Critical path: Start, {FORMULA_NAME}, Parallelarbeit, Beschluss Konzept, Umsetzung"]
    for folder, sheet in (("de", "Zeitplan"), ("en", "Timeline")):
        book = openpyxl.load_workbook(tmp_path / folder / "excel_small.xlsx")
        assert book[sheet]["C2"].value.date().isoformat() == "2027-04-01"


def test_default_roadmap_is_named_kickoff_and_pinned_by_the_status_date(tmp_path):
    first = build(None, tmp_path / "a", status_date=__import__("datetime").date(2027, 3, 1))
    second = build(None, tmp_path / "b", status_date=__import__("datetime").date(2027, 3, 1))
    assert [p.name for p in first.files] == ["kickoff.xlsx", "kickoff.html"]
    assert first.excel.read_bytes() == second.excel.read_bytes()
    assert first.schedule.start.isoformat() == "2027-04-05"  # first Monday of the next month
    book = openpyxl.load_workbook(first.excel)
    assert book.sheetnames == ["Übersicht", "Arbeitspakete", "Zeitplan", "Auslastung", "Gremien", "Treiberkette",
                               "Kalender"]
    # 19 columns, and Bedarf and Kapazitätsabgleich: the default roadmap is levelled
    assert book["Arbeitspakete"].tables["Arbeitspakete"].ref == f"A3:U{3 + len(first.schedule.packages)}"


def test_plan_errors_are_diagnostics_not_tracebacks(tmp_path):
    bad = tmp_path / "kaputt.yaml"
    bad.write_text("roadmap: 1\nproject: {name: X, start: 2027-01-04}\npackages:\n"
                   "  - {id: a, name: A, duration: 2w, after: [gibtsnicht]}\n", encoding="utf-8")
    result = run("build", bad, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"{bad}:") for line in lines)
    assert f"{bad}:4: error:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_unwritable_target_is_an_error_message(tmp_path):
    (tmp_path / "excel_small.xlsx").mkdir()  # where the workbook should go
    result = run("build", FIXTURE, "-o", tmp_path)
    assert result.exit_code == 1
    # issue 17: "Fehler:" (click's "Error:" in German) and the note that nothing was written
    files = f"'{tmp_path}/excel_small.xlsx', '{tmp_path}/excel_small.html'"
    assert result.stderr == (f"Fehler: '{tmp_path}/excel_small.xlsx' kann nicht geschrieben werden: "
                             f"das ist ein Ordner. Keine der Dateien {files} wurde geschrieben; vorhandene "
                             "Dateien sind unverändert.\n")
    english = run("build", FIXTURE, "-o", tmp_path, "--lang", "en")
    assert english.stderr == (f"Error: cannot write '{tmp_path}/excel_small.xlsx': it is a folder. None of "
                              f"the files {files} was written; existing files are unchanged.\n")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("build", FIXTURE, "-o", blocker / "sub")
    assert result.exit_code == 1
    # issue 17: the operating system's reason in German ("not a directory" before)
    assert result.stderr.endswith(f"Fehler: Ungültiger Wert für '-o' / '--out': '{blocker}/sub' kann nicht "
                                  "verwendet werden: ein Teil des Pfads ist eine Datei, kein Ordner\n")


def test_never_writes_over_the_input_plan(tmp_path):
    plan = tmp_path / "plan.xlsx"  # a YAML plan with an unlucky name
    plan.write_bytes(FIXTURE.read_bytes())
    result = run("build", plan, "-o", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Fehler: '{plan}' wird nicht geschrieben: das ist der Eingabeplan")
    assert plan.read_bytes() == FIXTURE.read_bytes()


def test_slug():
    assert slug("Fahrplan Lüdenscheid 2027") == "fahrplan-luedenscheid-2027"
    assert slug("  ") == "plan"


def test_libreoffice_reads_the_same_dates_as_schedule_json(tmp_path):
    assert run("build", FIXTURE, "-o", tmp_path).exit_code == 0
    out = soffice(tmp_path, CSV_FILTER, tmp_path / "excel_small.xlsx")
    sheet = out / "excel_small-Arbeitspakete.csv"
    assert sheet.exists(), sorted(p.name for p in out.iterdir())
    with sheet.open(encoding="utf-8") as handle:
        table = [row for row in csv.reader(handle)][2:]  # title, empty row
    header, body = table[0], table[1:]
    got = {row[header.index("ID")]: (row[header.index("Beginn")], row[header.index("Ende")]) for row in body}
    expected = json.loads(run("schedule", FIXTURE, "--format", "json").stdout)

    def german(iso):
        year, month, day = iso.split("-")
        return f"{day}.{month}.{year}"

    assert got == {p["id"]: (german(p["start"]), german(p["finish"])) for p in expected["packages"]}
    assert body[1][header.index("Arbeitspaket")] == FORMULA_NAME  # still text, not a link
    # the timeline's phase rows are formulas; LibreOffice computes them from the package dates
    timeline = list(csv.reader((out / "excel_small-Zeitplan.csv").open(encoding="utf-8")))
    assert timeline[10][1:4] == ["Vorbereitung", "01.03.2027", "23.03.2027"]
    assert timeline[11][6] == "◆"  # the start milestone in its week (KW 9)
    assert timeline[12][1] == FORMULA_NAME


def test_libreoffice_prints_every_sheet(tmp_path):
    assert run("build", FIXTURE, "-o", tmp_path).exit_code == 0
    out = soffice(tmp_path, "pdf", tmp_path / "excel_small.xlsx")
    pdf = out / "excel_small.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count("Seite 1 von") == 1 and "Stand: 15.03.2027" in text
    for words in ("Kritischer Pfad", "2EA+2 Tage", "Vorlage fertig bis", "Brückentage", FORMULA_NAME):
        assert words in text, words
