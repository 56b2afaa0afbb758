"""Issue 17, the command line: click's words in German, paths that cannot be used, standard
output that cannot be written, answers piped into ``roadmap new``, and values it writes.

Exact German output is checked for the common click errors: the wording is part of what
a town-hall user reads, and a click update that changes a msgid must show up here.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap.cli import cli
from roadmap.cli.terminal import argv_language, gettext, speaking
from roadmap.plan.loader import load_plan
from roadmap.text.catalog import CATALOG

ONE = "roadmap: 1\nproject: {name: P, start: 2027-01-11}\npackages:\n  - {id: a, name: A, duration: 2d}\n"


def invoke(*args, input=None, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, prog_name="roadmap", env=env)


def run(*args, cwd, env=None, **kwargs):
    """As a user runs it: its own process, ``python -m roadmap``."""
    return subprocess.run([sys.executable, "-m", "roadmap", *map(str, args)], cwd=cwd,
                          env={**os.environ, "ROADMAP_LANG": "", **(env or {})}, **kwargs)


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(ONE, encoding="utf-8")
    return path


# ---- click's own words ---------------------------------------------------------------------


def test_unknown_option_in_german(plan):
    result = invoke("build", plan, "--nope")
    assert result.exit_code == 1
    assert result.stderr == ("Aufruf: roadmap build [OPTIONEN] [PLAN]\n"
                             "Hilfe: 'roadmap build --help'.\n\n"
                             "Fehler: Unbekannte Option '--nope'. Meinten Sie '--paper'?\n")


def test_missing_argument_in_german():
    result = invoke("check")
    assert result.exit_code == 1
    assert result.stderr == ("Aufruf: roadmap check [OPTIONEN] PLAN\n"
                             "Hilfe: 'roadmap check --help'.\n\n"
                             "Fehler: Es fehlt das Argument 'PLAN'.\n")


def test_missing_plan_in_german_with_the_resolved_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("schedule", "fehlt.yaml")
    assert result.exit_code == 1
    assert result.stderr.endswith("Fehler: Ungültiger Wert für 'PLAN': die Datei 'fehlt.yaml' gibt es nicht "
                                  f"(gesucht wurde {tmp_path.resolve() / 'fehlt.yaml'})\n")


def test_invalid_choice_and_unknown_command_in_german(plan):
    result = invoke("schedule", plan, "--format", "xlsx")
    assert result.exit_code == 1
    assert result.stderr.endswith("Fehler: Ungültiger Wert für '--format': 'xlsx' ist keiner der Werte "
                                  "'table', 'csv', 'csv-en', 'json'.\n")
    result = invoke("xyz")
    assert result.exit_code == 1
    assert result.stderr == ("Aufruf: roadmap [OPTIONEN] BEFEHL [ARGUMENTE]...\n"
                             "Hilfe: 'roadmap --help'.\n\n"
                             "Fehler: Unbekannter Befehl 'xyz'.\n")
    assert invoke("bauen").stderr.endswith("Fehler: Unbekannter Befehl 'bauen'. Meinten Sie 'baseline'?\n")
    result = invoke("check", plan, "extra")
    assert result.stderr.endswith("Fehler: Unerwartetes zusätzliches Argument (extra)\n")
    result = invoke("build", plan, "--out")
    assert result.stderr.endswith("Fehler: Die Option '--out' braucht einen Wert.\n")


def test_help_in_german():
    result = invoke("build", "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Aufruf: roadmap build [OPTIONEN] [PLAN]\n")
    assert "\nOptionen:\n" in result.stdout
    assert "  -o, --out ORDNER " in result.stdout and "--status-date DATUM" in result.stdout
    assert "[Standard: a3]" in result.stdout and "--baseline DATEI" in result.stdout
    top = invoke("--help")
    assert "\nBefehle:\n" in top.stdout and "Usage" not in top.stdout


def test_english_with_lang_en_or_roadmap_lang(plan):
    result = invoke("schedule", plan, "--lang", "en", "--format", "xlsx")
    assert result.stderr == ("Usage: roadmap schedule [OPTIONEN] PLAN\n"
                             "Try 'roadmap schedule --help' for help.\n\n"
                             "Error: Invalid value for '--format': 'xlsx' is not one of 'table', 'csv', "
                             "'csv-en', 'json'.\n")
    result = invoke("check", "fehlt.yaml", env={"ROADMAP_LANG": "en"})
    assert "Error: Invalid value for 'PLAN': the file 'fehlt.yaml' does not exist (looked for " in result.stderr
    result = invoke("build", "--lang=en", "--nope")
    assert result.stderr.endswith("Error: No such option '--nope'. Did you mean '--paper'?\n")


def test_help_in_english_as_a_user_gets_it(tmp_path):
    english = run("build", "--help", cwd=tmp_path, env={"ROADMAP_LANG": "en"}, capture_output=True, text=True)
    assert english.stdout.startswith("Usage: roadmap build [OPTIONS] [PLAN]\n")
    assert "  -o, --out DIRECTORY " in english.stdout and "[default: a3]" in english.stdout
    also = run("build", "--help", "--lang", "en", cwd=tmp_path, capture_output=True, text=True)
    assert also.stdout == english.stdout
    german = run("build", "--help", cwd=tmp_path, capture_output=True, text=True)
    assert german.stdout.startswith("Aufruf: roadmap build [OPTIONEN] [PLAN]\n")


def test_click_texts_are_translated_only_inside_roadmap():
    assert gettext("Usage:") == "Usage:"  # another click program in this process keeps English
    with speaking("de"):
        assert gettext("Usage:") == "Aufruf:"
        assert gettext("not a click text") == "not a click text"
    with speaking("en"):
        assert gettext("Usage:") == "Usage:"


def test_every_click_msgid_in_the_catalog_is_one_click_uses():
    """A key ``click.<msgid>`` that click no longer uses would silently stop translating."""
    import ast
    import importlib

    import click

    used = set()
    for name in ("core", "exceptions", "formatting", "parser", "types", "termui", "decorators", "utils"):
        source = Path(importlib.import_module(f"click.{name}").__file__).read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
                used |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    used.add("required")  # core passes the word through _() as a variable
    ours = {key[len("click."):] for key in CATALOG if key.startswith("click.")}
    assert not ours - used, (click.__version__, sorted(ours - used))


def test_version_in_german_and_english(tmp_path):
    assert run("--version", cwd=tmp_path, capture_output=True, text=True).stdout.startswith("roadmap, Version ")
    english = run("--version", cwd=tmp_path, env={"ROADMAP_LANG": "en"}, capture_output=True, text=True)
    assert english.stdout.startswith("roadmap, version ")


def test_new_with_stdin_closed_or_not_utf8(tmp_path):
    done = run("new", tmp_path / "a.yaml", cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True)
    assert done.returncode == 0 and load_plan(tmp_path / "a.yaml").project.municipality == "Musterstadt"
    done = run("new", tmp_path / "b.yaml", cwd=tmp_path, input=b"S\xffoest\n", capture_output=True)
    assert done.returncode == 0, done.stderr
    assert load_plan(tmp_path / "b.yaml").project.municipality == "S\ufffdoest"


def test_argv_language():
    assert argv_language(["build", "--lang", "en"]) == "en"
    assert argv_language(["build", "--lang=de"]) == "de"
    assert argv_language(["build", "--", "--lang", "en"]) is None
    assert argv_language(["build", "--lang", "fr"]) is None


def test_the_catch_all_stays_the_last_resort(tmp_path, monkeypatch):
    import roadmap.cli.app as app

    def bug(*args, **kwargs):
        raise KeyError("bug")

    monkeypatch.setattr(app.cli, "main", bug)
    with pytest.raises(SystemExit) as done:
        app.main()
    assert done.value.code == 1


# ---- paths that cannot be used, stdout that cannot be written --------------------------------


@pytest.mark.parametrize("args", [["check", "a\0b.yaml"], ["build", "{plan}", "-o", "x\0y"],
                                  ["new", "a\0.yaml", "--no-interactive"],
                                  ["export", "{plan}", "--format", "csv", "-o", "a\0.csv"],
                                  ["baseline", "{plan}", "-o", "a\0.json"]])
def test_a_nul_byte_in_a_path_is_one_sentence(plan, args):
    result = invoke(*[a.replace("{plan}", str(plan)) for a in args])
    assert result.exit_code == 1
    assert "Nullzeichen" in result.stderr, result.stderr
    assert "unerwartet" not in result.stderr and "Traceback" not in result.stderr


def test_a_symlink_loop_as_output_folder(plan, tmp_path):
    (tmp_path / "loop").symlink_to("loop")
    for target in ("loop", "loop/sub"):
        result = invoke("build", plan, "-o", tmp_path / target)
        assert result.exit_code == 1
        assert result.stderr.endswith("kann nicht verwendet werden: zu viele symbolische Verknüpfungen "
                                      "hintereinander – vermutlich zeigt eine Verknüpfung auf sich selbst\n")


def test_a_name_over_255_characters(plan, tmp_path):
    long = "a" * 300
    for args in (["build", plan, "-o", tmp_path / long], ["check", tmp_path / f"{long}.yaml"],
                 ["export", plan, "--format", "csv", "-o", tmp_path / f"{long}.csv"],
                 ["new", tmp_path / f"{long}.yaml", "--no-interactive"]):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert "der Name ist zu lang (höchstens 255 Zeichen je Datei- oder Ordnername)" in result.stderr, args


def test_stdout_on_dev_full(plan, tmp_path):
    with open("/dev/full", "w") as full:
        done = run("schedule", plan, cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert done.stderr == "Die Ausgabe kann nicht geschrieben werden: der Datenträger ist voll.\n"


def test_a_closed_pipe_ends_quietly(tmp_path):
    lines = ["roadmap: 1", "project: {name: P, start: 2027-01-11}", "packages:"]
    lines += [f"  - {{id: p{i}, name: Paket {i}, duration: 1d}}" for i in range(3000)]
    (tmp_path / "plan.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "roadmap", "schedule", "plan.yaml"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=30) in (0, 1)
    assert "Traceback" not in error and "Exception" not in error and "unerwartet" not in error


def test_the_terminal_wrapper_escapes_what_click_itself_prints(tmp_path):
    """click echoes a bad value in its own messages; on the real stderr it arrives escaped.
    (click itself strips ESC sequences when stderr is no terminal, not CR or BEL.)"""
    done = run("check", "a\rb\x07c\x1b[2J.yaml", cwd=tmp_path, capture_output=True)
    assert done.returncode == 1
    assert not any(c in done.stderr for c in b"\r\x07\x1b") and b"a\\x0db\\x07c" in done.stderr


# ---- roadmap new -----------------------------------------------------------------------------


def test_new_takes_answers_piped_on_stdin(tmp_path):
    path = tmp_path / "plan.yaml"
    done = run("new", path, input="Soest\nnw\n01.02.2027\n1\n\n\n\n\n\n2\n", cwd=tmp_path, capture_output=True,
               text=True)
    assert done.returncode == 0, done.stderr
    assert "Name der Stadt oder Gemeinde [Musterstadt]: Soest\n" in done.stdout
    assert "Wie beginnt der Prozess? [3]: 1\n" in done.stdout
    plan = load_plan(path)
    assert plan.project.municipality == "Soest" and plan.project.state == "NW"
    assert plan.project.start.isoformat() == "2027-02-01"
    assert plan.options["start"] == "funding_call" and plan.options["staffing"] == "internal_share"
    assert plan.options["funding"] == "funding_programme"  # the empty line: the default


def test_new_with_a_wrong_piped_answer_writes_nothing(tmp_path):
    path = tmp_path / "plan.yaml"
    result = invoke("new", path, input="Soest\nBayern\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("Fehler: Antwort 'Bayern' auf „Bundesland (Kürzel, z. B. NW)“: 'Bayern' "
                                    "ist kein Kürzel eines Bundeslands")
    assert not path.exists()


@pytest.mark.parametrize("town", ["X\nroadmap: 2", "X\rroadmap: 2", "X\x85roadmap: 2", "X\u2028roadmap: 2",
                                  "X\x1b[31m\x00\x7f\x9b", 'Q"uote\\back#hash: colon', "  Leer  ",
                                  "X\ufffe\uffff", "Ort\udcff"])
def test_new_writes_any_town_so_that_it_reads_back(tmp_path, town):
    path = tmp_path / "plan.yaml"
    result = invoke("new", path, "--town", town, "--start", "2027-01-11", "--no-interactive")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    header = text[:text.index("\nroadmap: 1\n")]
    assert all(line.startswith("#") or not line for line in header.split("\n")), header
    plan = load_plan(path)
    expected = town.replace("\udcff", "\ufffd")  # an undecodable byte of the command line
    assert plan.project.municipality == expected
    assert plan.project.name == f"Smart-City-Kickoff {expected}"
    assert "\x1b" not in result.output


def test_new_writes_an_ics_path_and_match_so_that_they_read_back(tmp_path):
    from roadmap.templates.newplan import IcsBody, plan_text

    text = plan_text(town="T", ics={"rat": IcsBody("a\nb: c.ics", "^Rat\u2028$")}, file_name="x\ny.yaml")
    assert "\nb: c.ics" not in text and "\\n" in text
    assert text.splitlines()[0].startswith("# Fahrplan „Smart-City-Kickoff T“")
    assert all(line.startswith("#") for line in text.split("\nroadmap: 1\n")[0].split("\n") if line)
