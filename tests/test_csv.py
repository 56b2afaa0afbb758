"""`schedule --format csv` for German Excel, `csv-en` for scripts, and formula defusing.

Issue 14: a German plan's CSV has `;`, a BOM, German headers and dates; English plans,
`--lang en` and `--format csv-en` keep the English shape. No cell of either shape can
become a formula.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap.cli import cli
from roadmap.engine.scheduler import schedule
from roadmap.exchange.tabular import csv_german, csv_text, defuse, german_number
from roadmap.plan.loader import parse_plan

PLAN = str(Path(__file__).parent / "plans" / "rathaus.yaml")

GERMAN = (
    "\ufeffID;Arbeitspaket;Phase;Art;Beginn;Ende;Dauer (Arbeitstage);Gesamtpuffer;Freier Puffer;Kritisch;"
    "Beratungsfolge\r\n"
    "start;Startschuss;;Meilenstein;11.01.2027;11.01.2027;0;3;0;nein;\r\n"
    "ag;Arbeitsgruppe bilden;;Arbeitspaket;11.01.2027;22.01.2027;10;3;0;nein;\r\n"
    "vorlage;Vorlage schreiben;;Arbeitspaket;25.01.2027;29.01.2027;5;3;3;nein;\r\n"
    "beschluss;Grundsatzbeschluss;;Beschluss;16.03.2027;16.03.2027;0;0;0;ja;"
    "ADi 25.02.2027 → HFA 02.03.2027 → Rat 16.03.2027\r\n"
    "forum;Bürgerforum;;Arbeitspaket;05.04.2027;06.04.2027;2;0;0;ja;\r\n")


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_german_plan_gives_german_excel_csv():
    result = invoke("schedule", PLAN, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == GERMAN.encode("utf-8")  # UTF-8 with BOM, ; and CRLF


def test_english_language_keeps_the_script_shape():
    english = invoke("schedule", PLAN, "--format", "csv", "--lang", "en")
    assert english.stdout_bytes[:3] != b"\xef\xbb\xbf"
    assert english.stdout.splitlines()[0] == ("id,name,phase,kind,start,finish,duration_days,total_float,"
                                             "free_float,critical,sessions")
    assert english.stdout == invoke("schedule", PLAN, "--format", "csv-en").stdout


def test_export_writes_the_same_csv_to_a_file(tmp_path):
    target = tmp_path / "plan.csv"
    result = invoke("export", PLAN, "-o", str(target))
    assert result.stdout == f"{target} geschrieben (CSV für Excel): 5 Arbeitspakete.\n"
    assert target.read_bytes() == GERMAN.encode("utf-8")
    invoke("export", PLAN, "--format", "csv-en", "-o", str(target))
    assert target.read_text(encoding="utf-8") == invoke("schedule", PLAN, "--format", "csv-en").stdout


def test_phases_and_negative_float_in_german(tmp_path):
    plan = parse_plan(
        "roadmap: 1\nproject: {name: T, start: 2027-01-11}\n"
        "phases: [{id: org, name: 'Organisation; Start'}]\n"
        "packages:\n  - {id: a, name: A, phase: org, duration: 5d, deadline: 2027-01-13}\n",
        str(tmp_path / "plan.yaml"), tmp_path)
    rows = list(csv.reader(io.StringIO(csv_german(schedule(plan)).decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ["a", "A", "Organisation; Start", "Arbeitspaket", "11.01.2027", "15.01.2027", "5", "-2",
                       "0", "ja", ""]


NASTY = """\
roadmap: 1
project: {name: T, start: 2027-01-11}
packages:
  - {id: a, name: "=HYPERLINK(\\"http://x\\",\\"klick\\")", duration: 1d}
  - {id: b, name: "+49 2391 123", duration: 1d}
  - {id: c, name: "-1+1", duration: 1d}
  - {id: d, name: "@SUMME(A1)", duration: 1d}
  - {id: e, name: "\\tTab", duration: 1d}
  - {id: f, name: "\\rWagenrücklauf", duration: 1d}
  - {id: g, name: "Normal = gut", duration: 1d}
"""


@pytest.mark.parametrize("shape", ["de", "en"])
def test_no_cell_becomes_a_formula(tmp_path, shape):
    result = schedule(parse_plan(NASTY, str(tmp_path / "plan.yaml"), tmp_path))
    if shape == "de":
        rows = list(csv.reader(io.StringIO(csv_german(result).decode("utf-8-sig"), newline=""), delimiter=";"))
    else:
        rows = list(csv.reader(io.StringIO(csv_text(result), newline="")))
    assert [row[1] for row in rows[1:]] == [
        "'=HYPERLINK(\"http://x\",\"klick\")", "'+49 2391 123", "'-1+1", "'@SUMME(A1)", "'\tTab",
        "'\nWagenrücklauf", "Normal = gut"]  # CR as LF, so the row stays whole


def test_defuse_and_numbers():
    assert defuse("=1+1") == "'=1+1"
    assert defuse("\uff1d1+1") == "'\uff1d1+1"  # full-width equals sign
    assert defuse("Rat") == "Rat"
    assert defuse("") == ""
    assert german_number(-3) == "-3"  # numbers are numbers, never defused
    assert german_number(0.5) == "0,5"
    assert german_number(12.25) == "12,25"
