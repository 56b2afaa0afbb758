"""``roadmap templates`` and ``roadmap new``: flags, questions, errors, and a real terminal."""
from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from roadmap.cli import cli
from roadmap.plan.loader import load_plan

FLAGS = ["--town", "Plettenberg", "--state", "NW", "--start", "11.01.2027",
         "--option", "funding=own_budget", "--option", "staffing=new_post"]


def invoke(*args, input=None):
    return CliRunner().invoke(cli, list(map(str, args)), input=input)


def test_new_with_flags_gives_a_plan_check_accepts(tmp_path):
    path = tmp_path / "fahrplan.yaml"
    result = invoke("new", path, *FLAGS)
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"Plan geschrieben: {path} (59 Einträge: 48 Arbeitspakete, 8 Meilensteine, "
                             f"3 Beschlüsse, Start 11.01.2027).\n"
                             f"Weiter: roadmap check {path}  ·  roadmap schedule {path}\n")
    assert result.stderr.startswith(f"Warnung: Die Sitzungstermine in {path} sind Beispieltermine.")
    plan = load_plan(path)
    assert plan.project.municipality == "Plettenberg"
    assert plan.options["funding"] == "own_budget" and plan.options["staffing"] == "new_post"
    assert plan.options["participation"] == "forum"  # the template default
    assert [p.name for p in tmp_path.iterdir()] == ["fahrplan.yaml"]  # no temp file left

    check = invoke("check", path)
    assert check.exit_code == 0, check.output

    scheduled = invoke("schedule", path, "--format", "json")
    assert scheduled.exit_code == 0
    data = json.loads(scheduled.stdout)
    assert data["project"] == {"name": "Smart-City-Kickoff Plettenberg", "start": "2027-01-11",
                               "finish": "2028-11-28"}
    ids = [p["id"] for p in data["packages"]]
    assert "haushalt_inkraft" in ids and "ausschreibung" in ids and "bewilligung" not in ids
    decision = next(p for p in data["packages"] if p["id"] == "strategiebeschluss")
    assert [s["body"] for s in decision["sessions"]] == ["fachausschuss", "stadtentwicklung", "hauptausschuss", "rat"]


def test_the_written_plan_is_commented_for_editing(tmp_path):
    path = tmp_path / "plan.yaml"
    assert invoke("new", path, *FLAGS).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Fahrplan „Smart-City-Kickoff Plettenberg“ – erstellt mit `roadmap new`")
    for comment in ("# So bearbeiten Sie diese Datei:", "# Projekt: Name, Kommune",
                    "# Gewählte Optionen.", "# ACHTUNG: Die Termine sind BEISPIELTERMINE",
                    "# Rollen:", "# Arbeitspakete."):
        assert comment in text
    assert "  funding: own_budget             # Eigene Haushaltsmittel (own_budget | funding_programme | two_stage)\n" in text


def test_existing_file_is_not_overwritten_without_force(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("meins\n", encoding="utf-8")
    result = invoke("new", path, *FLAGS)
    assert result.exit_code == 1
    assert result.output == (f"Fehler: '{path}' gibt es schon; wählen Sie einen anderen Namen oder "
                             "überschreiben Sie die Datei mit --force\n")
    assert path.read_text(encoding="utf-8") == "meins\n"
    forced = invoke("new", path, *FLAGS, "--force")
    assert forced.exit_code == 0
    assert load_plan(path).project.municipality == "Plettenberg"


@pytest.mark.parametrize("args, message", [
    (["--option", "fundng=own_budget"],
     "Fehler: die Vorlage 'kickoff' hat keine Option 'fundng'; sie kennt: start, funding, call_deadline, "
     "approval, early_start, budget, staffing, consulting, participation, anchoring\n"),
    (["--option", "funding=cash"],
     "Fehler: 'cash' ist keine Auswahl der Option 'funding'; wählen Sie eine von: own_budget, funding_programme, "
     "two_stage\n"),
    (["--option", "funding"],
     "Fehler: 'funding' ist keine Option; schreiben Sie schlüssel=wert, z. B. funding=own_budget\n"),
    (["--state", "XY"], "Fehler: 'XY' ist kein Kürzel eines Bundeslands; erlaubt sind BB, BE, BW, BY, HB, HE, "
                        "HH, MV, NI, NW, RP, SH, SL, SN, ST, TH\n"),
    (["--start", "31.02.2027"], "Fehler: '31.02.2027' ist kein Datum; schreiben Sie JJJJ-MM-TT oder TT.MM.JJJJ\n"),
    (["--template", "gibtsnicht"], "Fehler: es gibt keine Vorlage 'gibtsnicht'; vorhanden: kickoff\n"),
    (["--template", "gibtsnicht", "--lang", "en"], "Error: there is no template 'gibtsnicht'; available: kickoff\n"),
])
def test_bad_values_are_errors(tmp_path, args, message):
    path = tmp_path / "plan.yaml"
    result = invoke("new", path, *args)
    assert result.exit_code == 1
    assert result.output == message
    assert not path.exists()


def test_questions_with_clirunner_input(tmp_path):
    path = tmp_path / "plan.yaml"
    # town, Land (lower case is fine), start, then the ten options (call_deadline empty: none);
    # "x" and "9" are re-asked
    answers = "Soest\nnw\n2027-01-11\n1\n\n\n\nx\n9\n2\n\n\n\n2\n\n"
    result = invoke("new", path, "--interactive", input=answers)
    assert result.exit_code == 0, result.output
    assert "Name der Stadt oder Gemeinde [Musterstadt]: Soest" in result.output
    assert "  1) Mit einem Förderaufruf [funding_call]" in result.output
    assert result.output.count("Bitte eine Nummer von 1 bis 2 eingeben.") == 2
    plan = load_plan(path)
    assert plan.project.municipality == "Soest" and plan.project.state == "NW"
    assert plan.options == {"start": "funding_call", "funding": "funding_programme", "call_deadline": "none",
                            "approval": "session", "early_start": "requested", "budget": "regular",
                            "staffing": "internal_share", "consulting": "below_threshold",
                            "participation": "workshop", "anchoring": "existing_structures"}


def test_questions_in_english(tmp_path):
    path = tmp_path / "plan.yaml"
    result = invoke("new", path, "--interactive", "--lang", "en", "--town", "Olpe",
                    "--start", "2027-03-01", input="\n" * 14)
    assert result.exit_code == 0, result.output
    assert "German Land (code, e.g. NW) [NW]: " in result.output
    assert "How does the process start?:" in result.output
    assert "Plan written:" in result.output
    assert load_plan(path).project.language == "en"


def test_no_questions_without_a_terminal(tmp_path):
    path = tmp_path / "plan.yaml"
    result = invoke("new", path, "--start", "2027-01-11")  # CliRunner's stdin is no terminal
    assert result.exit_code == 0
    assert "?" not in result.stdout
    assert load_plan(path).project.municipality == "Musterstadt"


def test_templates_lists_options_in_german_and_english():
    german = invoke("templates")
    assert german.exit_code == 0
    assert german.output.startswith(
        "kickoff – Smart-City-Kickoff: vom Startschuss bis zur beschlossenen Strategie\n")
    assert "    funding – Finanzierung\n      own_budget         Eigene Haushaltsmittel\n" \
           "      funding_programme  Förderprogramm mit einstufigem Antrag  (Standard)\n" in german.output
    english = invoke("templates", "--lang", "en")
    assert "    funding – Funding\n      own_budget         Own budget\n" \
           "      funding_programme  Funding programme, one-stage application  (default)\n" in english.output


# ---- a real pseudo-terminal ------------------------------------------------------------


class Terminal:
    """``roadmap new`` in a pseudo-terminal, so stdin.isatty() is true as for a user."""

    def __init__(self, *args, cwd):
        self.master, slave = pty.openpty()
        env = dict(os.environ, COLUMNS="120", TERM="dumb")
        self.process = subprocess.Popen([sys.executable, "-m", "roadmap", *args], cwd=cwd,
                                        stdin=slave, stdout=slave, stderr=slave, env=env)
        os.close(slave)
        self.seen = ""

    def expect(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"waited for {text!r}; the terminal shows:\n{self.seen}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the program ended and the terminal closed
                    chunk = b""
                if not chunk:
                    assert text in self.seen, f"ended before {text!r}:\n{self.seen}"
                self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")

    def answer(self, prompt: str, reply: str) -> None:
        self.expect(prompt)
        os.write(self.master, (reply + "\n").encode())

    def close(self) -> int:
        code = self.process.wait(timeout=30)
        os.close(self.master)
        return code


def test_questions_in_a_real_terminal(tmp_path):
    term = Terminal("new", "plan.yaml", "--option", "participation=online", cwd=tmp_path)
    try:
        term.answer("Name der Stadt oder Gemeinde [Musterstadt]: ", "Menden")
        term.answer("Bundesland (Kürzel, z. B. NW) [NW]: ", "")
        term.answer("Starttermin (TT.MM.JJJJ) [", "01.02.2027")
        term.answer("Auswahl (Nummer) [3]: ", "2")  # start: mayor_declaration
        term.answer("Auswahl (Nummer) [2]: ", "")   # funding: default
        term.answer("oder none [none]: ", "")       # call_deadline: none
        term.answer("Beschluss über Förderantrag und Eigenanteil:", "")
        term.answer("Vorzeitiger Maßnahmebeginn:", "")
        term.answer("Haushaltsmittel (Gesamtkosten oder Eigenanteil):", "")
        term.answer("Personal:", "1")               # staffing: new_post
        term.answer("Externe Beratung:", "3")       # consulting: eu_tender
        term.answer("Verortung in der Verwaltung:", "")
        term.expect("Weiter: roadmap check plan.yaml")
    finally:
        code = term.close()
    assert code == 0, term.seen
    assert "Format der Bürgerbeteiligung" not in term.seen  # given as --option, not asked
    plan = load_plan(tmp_path / "plan.yaml")
    assert plan.project.municipality == "Menden"
    assert plan.project.start.isoformat() == "2027-02-01"
    assert plan.options == {"start": "mayor_declaration", "funding": "funding_programme", "call_deadline": "none",
                            "approval": "session", "early_start": "not_requested", "budget": "regular",
                            "staffing": "new_post", "consulting": "eu_tender",
                            "participation": "online", "anchoring": "existing_structures"}
