"""``roadmap report``: the Sachstandsbericht, read back from the .docx it writes.

A small plan is frozen as the baseline on 01.02.2027; on 24.02.2027 its analysis has
finished a week late and the concept is 40 % done. Every date and deviation below is
counted by hand on the NRW calendar of February/March 2027 (no holidays in it).
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from roadmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent

PLAN = textwrap.dedent("""\
    roadmap: 1
    project:
      name: Testprojekt
      municipality: Teststadt
      state: NW
      start: 2027-02-01
      status_date: 2027-02-01
    bodies:
      rat:
        name: Rat der Stadt
        short: Rat
        lead_time: 1w
        sessions: [2027-03-04, 2027-03-25, 2027-04-29]
    packages:
      - id: analyse
        name: Analyse
        duration: 2w
      - id: konzept
        name: Konzept schreiben
        duration: 1w
        after: [analyse]
      - id: doku
        name: Dokumentation
        duration: 1w
        after: [analyse]
      - id: beschluss
        name: Beschluss zum Konzept
        kind: decision
        body: rat
        after: [konzept]
      - id: umsetzung
        name: Umsetzung
        duration: 3w
        after: [konzept]
      - id: ende
        name: Fertig
        kind: milestone
        after: [umsetzung, doku, beschluss]
    """)


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def stand(tmp_path):
    """(plan on 24.02.2027, baseline of 01.02.2027)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = invoke("baseline", plan)
    assert result.exit_code == 0, result.output
    plan.write_text(PLAN.replace("status_date: 2027-02-01", "status_date: 2027-02-24").replace(
        "    name: Analyse\n    duration: 2w\n",
        "    name: Analyse\n    duration: 2w\n    actual_start: 2027-02-01\n    actual_finish: 2027-02-19\n").replace(
        "    name: Konzept schreiben\n    duration: 1w\n",
        "    name: Konzept schreiben\n    duration: 1w\n    actual_start: 2027-02-22\n    progress: 40\n"),
        encoding="utf-8")
    return plan, tmp_path / "plan.basis.json"


def read_docx(path):
    """(paragraphs as (style, text), tables as lists of rows) of a .docx."""
    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return paragraphs, tables, document


def test_the_docx_has_every_section_with_hand_computed_values(stand, tmp_path):
    plan, baseline = stand
    target = tmp_path / "sachstand.docx"
    result = invoke("report", plan, "--baseline", baseline, "-o", target)
    assert result.exit_code == 0, result.output
    assert result.output == f"Sachstandsbericht geschrieben: {target} (Stand 24.02.2027: 32 % erledigt, 5 im Verzug)\n"
    paragraphs, tables, document = read_docx(target)
    assert [text for style, text in paragraphs if style.startswith(("Title", "Heading"))] == [
        "Sachstandsbericht: Testprojekt",
        "Seit dem Basisplan abgeschlossen", "In Arbeit", "Im Verzug gegenüber dem Basisplan",
        "Beschlüsse in einer anderen Sitzung", "Die nächsten 3 Beschlüsse",
        "Wenig Puffer: kritische und fast kritische Arbeitspakete", "Änderungen am Plan seit dem Basisplan"]
    # % done, weighted by the planned working days (milestones and decisions count 1):
    # analyse 10 x 100 % + konzept 5 x 40 % over 10 + 5 + 5 + 1 + 15 + 1 = 37 days = 32 %
    facts = [text for style, text in paragraphs if style == "List Bullet"]
    assert facts == [
        "Stichtag: 24.02.2027",
        "Fertigstellung: 32 % (nach Arbeitstagen gewichtet)",
        # the Beschluss moves from 04.03. to 25.03.: 15 working days; the end follows it:
        # 12.03. -> 25.03. = 9 working days
        "Projektende: 25.03.2027 (Basisplan: 12.03.2027, +9 AT)",
        "Umfang: 6 Einträge: 4 Arbeitspakete, 1 Meilenstein, 1 Beschluss",
        "Stand der Einträge: 1 abgeschlossen, 1 in Arbeit, 4 nicht begonnen; 5 im Verzug",
        "Basisplan: plan.basis.json, Stand 01.02.2027",
    ]
    finished, running, late, moved, upcoming, near = tables
    # Analyse: planned to end 12.02., ended 19.02.: one week = +5 AT
    assert finished == [["Arbeitspaket", "Ist-Ende", "Ende laut Basisplan", "Abweichung"],
                        ["Analyse", "19.02.2027", "12.02.2027", "+5 AT"]]
    # Konzept: 40 % of 5 days done, ceil(5 x 0.6) = 3 left from 25.02.: 25., 26.02., 01.03.;
    # planned end 19.02. -> 01.03. = 6 working days
    assert running == [["Arbeitspaket", "Ist-Beginn", "Fortschritt", "Ende voraussichtlich",
                        "Ende laut Basisplan", "Abweichung"],
                       ["Konzept schreiben", "22.02.2027", "40 %", "01.03.2027", "19.02.2027", "+6 AT"]]
    assert late == [
        ["Arbeitspaket", "Ende laut Basisplan", "Ende voraussichtlich", "Abweichung", "Grund"],
        # started 22.02. instead of 15.02.: 5 working days late, inherited from Analyse
        ["Konzept schreiben", "19.02.2027", "01.03.2027", "+6 AT",
         "begann 5 AT später als geplant; 40 % erledigt, Ende voraussichtlich 01.03.2027; "
         "Ursache: „Analyse“ (+5 AT)"],
        # not started: from the first day after the status date, 25.02.-03.03. (+8 AT)
        ["Dokumentation", "19.02.2027", "03.03.2027", "+8 AT",
         "noch nicht begonnen, frühestens ab 25.02.2027; Ursache: „Analyse“ (+5 AT)"],
        # 02.03. + 15 working days = 22.03. (planned 12.03.: +6 AT)
        ["Umsetzung", "12.03.2027", "22.03.2027", "+6 AT",
         "wartet auf „Konzept schreiben“ (Ende 01.03.2027, +6 AT gegenüber dem Basisplan); "
         "Ursache: „Analyse“ (+5 AT)"],
        # the Vorlage for 04.03. had to be ready a week before; Konzept ends 01.03.
        ["Beschluss zum Konzept", "04.03.2027", "25.03.2027", "+15 AT",
         "Sitzung Rat 04.03.2027 nicht mehr erreichbar, nächste am 25.03.2027; wartet auf "
         "„Konzept schreiben“ (Ende 01.03.2027, +6 AT gegenüber dem Basisplan)"],
        ["Fertig", "12.03.2027", "25.03.2027", "+9 AT",
         "wartet auf „Beschluss zum Konzept“ (Ende 25.03.2027, +15 AT gegenüber dem Basisplan)"],
    ]
    assert moved == [["Beschluss", "Sitzung bisher", "Sitzung neu", "Beratungsfolge", "Grund"],
                     ["Beschluss zum Konzept", "Rat 04.03.2027", "Rat 25.03.2027", "Rat 25.03.2027",
                      "wartet auf „Konzept schreiben“ (Ende 01.03.2027, +6 AT gegenüber dem Basisplan)"]]
    # Vorlage fertig bis: the session's opening moved back by 1w (5 working days) is the
    # opening of 18.03., so the last working day that closes before it is 17.03.
    assert upcoming == [["Beschluss", "Sitzung", "Vorlage fertig bis", "Beratungsfolge"],
                        ["Beschluss zum Konzept", "Rat 25.03.2027", "17.03.2027", "Rat 25.03.2027"]]
    assert near == [["Arbeitspaket", "Beginn", "Ende", "Puffer (AT)", "Einstufung"],
                    ["Beschluss zum Konzept", "25.03.2027", "25.03.2027", "0", "kritisch"],
                    ["Fertig", "25.03.2027", "25.03.2027", "0", "kritisch"],
                    ["Konzept schreiben", "22.02.2027", "01.03.2027", "3", "fast kritisch"],
                    ["Umsetzung", "02.03.2027", "22.03.2027", "3", "fast kritisch"]]
    assert paragraphs[-2][1] == "Keine Arbeitspakete hinzugekommen oder entfallen."
    assert document.core_properties.title == "Sachstandsbericht: Testprojekt"
    assert document.core_properties.language == "de-DE"


def test_markdown_and_english(stand, tmp_path):
    plan, baseline = stand
    target = tmp_path / "report.md"
    result = invoke("report", plan, "--baseline", baseline, "-o", target, "--lang", "en")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Status report: Testprojekt\n\n**Status 2027-02-24 · compared with the baseline of "
                           "2027-02-01**\n")
    assert "| Decision | Previous session | New session | Consultation sequence | Reason |" in text
    assert "| Beschluss zum Konzept | Rat 2027-03-04 | Rat 2027-03-25 | Rat 2027-03-25 |" in text


def test_without_a_baseline_only_deadlines_make_a_package_late(stand, tmp_path):
    plan, _ = stand
    target = tmp_path / "r.md"
    assert invoke("report", plan, "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "Ohne Basisplan (--baseline) zählt hier nur eine verfehlte Frist als Verzug." in text
    assert "Kein Arbeitspaket ist im Verzug." in text


def test_plan_text_stays_text_in_markdown():
    from roadmap.report.markdown import escape

    assert escape("Botschafter*innen | <b>x</b> [link](y)") == \
        r"Botschafter\*innen \| \<b\>x\</b\> \[link\](y)"


def test_the_example_report_and_the_readme_are_current(tmp_path):
    """examples/plettenberg-sachstand.md is what `roadmap report` writes today, and the
    README shows its rows."""
    target = tmp_path / "sachstand.md"
    result = invoke("report", ROOT / "examples/plettenberg-stand.yaml", "--baseline",
                    ROOT / "examples/plettenberg.basis.json", "-o", target)
    assert result.exit_code == 0, result.output
    fresh = target.read_text(encoding="utf-8")
    assert fresh == (ROOT / "examples/plettenberg-sachstand.md").read_text(encoding="utf-8"), \
        "regenerate: roadmap report examples/plettenberg-stand.yaml --baseline " \
        "examples/plettenberg.basis.json -o examples/plettenberg-sachstand.md"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    moved = next(line for line in fresh.splitlines()
                 if line.startswith("| Grundsatzbeschluss") and "| Rat 08.07.2027 | Rat 02.12.2027 |" in line)
    assert moved in readme
    # hand-checked: 30 packages with Ist-Ende and 4 milestones with actual are done; Bedarfsanalyse,
    # Digitallotsen and Quick Wins run; 55 - 37 = 18 not started. Late: those 3 and 15 of the 18
    # not started (all but the budget calendar's Haushaltsverfahren, Inkrafttreten, Finanzierung).
    # The strategy decision moves from Rat 14.09.2028 to Rat 30.11.2028: 53 working days (NRW:
    # 03.10. and 01.11.2028 are holidays).
    for line in ("- Fertigstellung: 61 % (nach Arbeitstagen gewichtet)",
                 "- Projektende: 30.11.2028 (Basisplan: 14.09.2028, +53 AT)",
                 "- Stand der Einträge: 34 abgeschlossen, 4 in Arbeit, 17 nicht begonnen; 18 im Verzug"):
        assert line in fresh and line in readme


def test_the_readme_shows_what_build_prints_for_the_example(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", str(ROOT / "examples/plettenberg-stand.yaml"), "--baseline",
                                      str(ROOT / "examples/plettenberg.basis.json"), "-o", "ausgabe", "--pdf"])
    assert result.exit_code == 0, result.output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("`roadmap build` prints\n\n```text\n", 1)[1].split("```", 1)[0]
    assert result.output == block
