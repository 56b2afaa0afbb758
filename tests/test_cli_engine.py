"""`roadmap check` and `roadmap schedule` as a user runs them: exact output, exit codes."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap.cli import cli

PLAN = str(Path(__file__).parent / "plans" / "rathaus.yaml")


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_schedule_table_is_german_by_default():
    result = invoke("schedule", PLAN)
    assert result.exit_code == 0, result.output
    assert result.output == """\
ID         Arbeitspaket              Beginn        Ende  Dauer  Gesamtpuffer  !
---------  --------------------  ----------  ----------  -----  ------------  -
start      Startschuss           11.01.2027  11.01.2027      0             3
ag         Arbeitsgruppe bilden  11.01.2027  22.01.2027     10             3
vorlage    Vorlage schreiben     25.01.2027  29.01.2027      5             3
beschluss  Grundsatzbeschluss    16.03.2027  16.03.2027      0             0  *
             ADi 25.02.2027 → HFA 02.03.2027 → Rat 16.03.2027
forum      Bürgerforum           05.04.2027  06.04.2027      2             0  *

11.01.2027 – 06.04.2027; * = Kritischer Pfad
"""


def test_schedule_json_is_the_contract_document():
    result = invoke("schedule", PLAN, "--format", "json")
    document = json.loads(result.output)
    assert document["project"] == {"name": "Digitalstrategie =1+1 <script>",
                                   "start": "2027-01-11", "finish": "2027-04-06"}
    decision = document["packages"][3]
    assert decision == {
        "id": "beschluss", "name": "Grundsatzbeschluss", "phase": None, "kind": "decision",
        "start": "2027-03-16", "finish": "2027-03-16", "duration_days": 0, "total_float": 0,
        "free_float": 0, "critical": True,
        "sessions": [{"body": "digital", "date": "2027-02-25"}, {"body": "hfa", "date": "2027-03-02"},
                     {"body": "rat", "date": "2027-03-16"}]}
    assert document["diagnostics"] == []


def test_schedule_csv_en():
    # issue 14: `--format csv` became German for German plans; the old shape is `csv-en`
    result = invoke("schedule", PLAN, "--format", "csv-en")
    lines = result.output.splitlines()
    assert lines[0] == "id,name,phase,kind,start,finish,duration_days,total_float,free_float,critical,sessions"
    assert lines[4] == ("beschluss,Grundsatzbeschluss,,decision,2027-03-16,2027-03-16,0,0,0,true,"
                        "digital:2027-02-25 hfa:2027-03-02 rat:2027-03-16")


def test_schedule_english_on_request():
    result = invoke("schedule", PLAN, "--lang", "en")
    assert result.output.splitlines()[0].split() == ["ID", "Work", "package", "Start", "Finish",
                                                     "Duration", "Total", "float", "!"]
    assert "2027-03-16" in result.output


def test_check_clean_plan():
    result = invoke("check", PLAN)
    assert result.exit_code == 0
    assert result.output == (f"{PLAN}: in Ordnung, 5 Einträge: 3 Arbeitspakete, 1 Meilenstein, 1 Beschluss "
                             "(11.01.2027 – 06.04.2027)\n")


def test_check_reports_every_error_and_exits_1(tmp_path):
    bad = tmp_path / "plan.yaml"
    bad.write_text("roadmap: 1\nproject: {name: T, start: 2027-01-11}\npackages:\n"
                   "  - {id: a, duration: 3x}\n  - {id: b, duration: 1d, after: [c]}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", "from roadmap.cli import main; main()", "check", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{bad}:4: error: Arbeitspaket 'a': unbekannte Einheit 'x' in '3x'; erlaubt sind d, t, w, wo, mo "
        "(Arbeitstage) oder ed, ft, ew, fw (Kalendertage) [bad-duration]\n"
        f"{bad}:5: error: Arbeitspaket 'b': der Vorgänger 'c' ist kein Arbeitspaket [unknown-package]\n")


def test_missing_file_is_a_clear_error():
    result = invoke("check", "gibt-es-nicht.yaml")
    assert result.exit_code == 2
    assert "Error: Invalid value for 'PLAN': File 'gibt-es-nicht.yaml' does not exist." in result.output


def help_text(*args, lang: str | None = None) -> str:
    """``roadmap ... --help`` in a fresh process: its language is fixed at import."""
    env = {k: v for k, v in os.environ.items() if k != "ROADMAP_LANG"}
    if lang:
        env["ROADMAP_LANG"] = lang
    result = subprocess.run([sys.executable, "-m", "roadmap", *args, "--help"], capture_output=True,
                            text=True, env=env, cwd="/")
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", ["check", "schedule", "build", "new", "templates"])
def test_every_command_has_german_help_with_an_example(command):
    text = help_text(command)
    assert "Beispiel" in text and "roadmap " + command in text
    assert "Diese Hilfe zeigen und beenden." in text


def test_help_is_english_with_roadmap_lang_en():
    text = help_text("check", lang="en")
    assert "Check PLAN and report every problem" in text and "Example:" in text
    assert "Show this message and exit." in text


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "roadmap", "--help"], capture_output=True, text=True,
                            cwd="/")
    assert result.returncode == 0 and "schedule" in result.stdout
