"""``roadmap update``: what the user typed into the workbook goes back into the plan file.

The workbook is the one ``roadmap build`` writes; the edits are made with openpyxl as a
user would make them in Excel (a date typed into Ist-Beginn, a number into Dauer, a new
Beginn on the Zeitplan). The plan keeps its comments; the new schedule has the dates
computed by hand in each test.
"""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest
from click.testing import CliRunner

from roadmap.cli import cli

D = dt.date

PLAN = textwrap.dedent("""\
    roadmap: 1
    # Ein kleiner Plan zum Testen
    project:
      name: Testprojekt
      municipality: Teststadt
      state: NW
      start: 2027-02-01
      status_date: 2027-02-01
    packages:
      # Erst verstehen, dann planen
      - id: analyse
        name: Analyse
        duration: 2w   # zwei Wochen [E]
      - id: konzept
        name: Konzept schreiben
        duration: 1w
        after: [analyse]
      - id: doku
        name: Dokumentation
        duration: 1w
        after: [analyse]
      - id: umsetzung
        name: Umsetzung
        duration: 3w
        after: [konzept]
      - id: ende
        name: Fertig
        kind: milestone
        after: [umsetzung, doku]
    """)


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def built(tmp_path):
    """The plan and the workbook `roadmap build` made from it."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = invoke("build", plan, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return plan, tmp_path / "out" / "plan.xlsx"


def header_columns(ws, row):
    return {cell.value: cell.column for cell in ws[row] if isinstance(cell.value, str)}


def edit(workbook, target, packages=None, timeline=None):
    """Type values into the workbook: ``{id: {header: value}}`` per sheet, found by header."""
    wb = openpyxl.load_workbook(workbook)
    for sheet, head_row, changes in (("Arbeitspakete", 3, packages), ("Zeitplan", 10, timeline)):
        ws = wb[sheet]
        columns = header_columns(ws, head_row)
        rows = {ws.cell(row=r, column=columns["ID"]).value: r for r in range(head_row + 1, ws.max_row + 1)}
        for package, values in (changes or {}).items():
            for header, value in values.items():
                ws.cell(row=rows[package], column=columns[header]).value = value
    wb.save(target)
    return target


def schedule_of(plan):
    result = invoke("schedule", plan, "--format", "json")
    assert result.exit_code == 0, result.output
    import json

    return {p["id"]: (p["start"], p["finish"]) for p in json.loads(result.output)["packages"]}


def test_round_trip_progress_actual_dates_duration_and_start(built, tmp_path):
    plan, workbook = built
    edited = edit(workbook, tmp_path / "bearbeitet.xlsx",
                  packages={"analyse": {"Ist-Beginn": D(2027, 2, 1), "Ist-Ende": D(2027, 2, 12)},
                            "konzept": {"Ist-Beginn": D(2027, 2, 15), "Fortschritt %": 40},
                            "umsetzung": {"Dauer": 20}},
                  timeline={"doku": {"Beginn": D(2027, 3, 1)}})
    result = invoke("update", plan, "--from", edited, "--status-date", "17.02.2027")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "7 Änderungen aus bearbeitet.xlsx für " + str(plan) + ":",
        "  analyse (Analyse): Ist-Beginn: 01.02.2027 (neu)",
        "  analyse (Analyse): Ist-Ende: 12.02.2027 (neu)",
        "  konzept (Konzept schreiben): Ist-Beginn: 15.02.2027 (neu)",
        "  konzept (Konzept schreiben): Fortschritt: 40 % (neu)",
        "  doku (Dokumentation): Beginn 15.02.2027 → 01.03.2027: gespeichert als „Anfang nicht früher "
        "als“ (not_before: 2027-03-01); die Vorgänger gelten weiter",
        "  umsetzung (Umsetzung): Dauer 15 → 20 Arbeitstage (duration: 4w)",
        "  Stichtag (project.status_date): 01.02.2027 → 17.02.2027",
        f"{plan} gespeichert (Kommentare und Reihenfolge unverändert). Weiter: roadmap build {plan}",
    ]
    text = plan.read_text(encoding="utf-8")
    # every line of the old plan is still there, in order; these are the only changes
    assert text == PLAN.replace("  status_date: 2027-02-01\n", "  status_date: 2027-02-17\n").replace(
        "    duration: 2w   # zwei Wochen [E]\n",
        "    duration: 2w   # zwei Wochen [E]\n    actual_start: 2027-02-01\n    actual_finish: 2027-02-12\n").replace(
        "    name: Konzept schreiben\n    duration: 1w\n",
        "    name: Konzept schreiben\n    duration: 1w\n    actual_start: 2027-02-15\n    progress: 40\n").replace(
        "    name: Dokumentation\n    duration: 1w\n",
        "    name: Dokumentation\n    duration: 1w\n    not_before: 2027-03-01\n").replace(
        "    name: Umsetzung\n    duration: 3w\n", "    name: Umsetzung\n    duration: 4w\n")
    assert "# Ein kleiner Plan zum Testen" in text and "# Erst verstehen, dann planen" in text
    # By hand: konzept is 40 % done on 17.02., so ceil(5 x 0.6) = 3 working days are left,
    # from the first day after the status date: 18., 19., 22.02. Umsetzung, now 20 working
    # days, follows: 23.02. + 20 working days = 22.03.2027. Doku starts no earlier than
    # 01.03. (the typed Beginn) and takes its 5 days.
    assert schedule_of(plan) == {
        "analyse": ("2027-02-01", "2027-02-12"),
        "konzept": ("2027-02-15", "2027-02-22"),
        "doku": ("2027-03-01", "2027-03-05"),
        "umsetzung": ("2027-02-23", "2027-03-22"),
        "ende": ("2027-03-22", "2027-03-22"),
    }


def test_dry_run_shows_the_diff_and_writes_nothing(built, tmp_path):
    plan, workbook = built
    edited = edit(workbook, tmp_path / "b.xlsx", packages={"umsetzung": {"Dauer": 20}})
    result = invoke("update", plan, "--from", edited, "--dry-run")
    assert result.exit_code == 0, result.output
    assert plan.read_text(encoding="utf-8") == PLAN
    lines = result.output.splitlines()
    assert lines[:3] == ["1 Änderung aus b.xlsx für " + str(plan) + ":",
                         "  umsetzung (Umsetzung): Dauer 15 → 20 Arbeitstage (duration: 4w)",
                         f"Probelauf (--dry-run): {plan} bleibt unverändert. So würde sich der Plan ändern:"]
    assert lines[3:5] == [f"--- {plan}", f"+++ {plan}"]
    assert "-    duration: 3w" in lines and "+    duration: 4w" in lines


def test_a_beginn_typed_over_the_arbeitspakete_formula_counts_too(built, tmp_path):
    """The Arbeitspakete sheet shows Beginn as a formula pointing at the Zeitplan; a user who
    types a date over it means the same as on the Zeitplan."""
    plan, workbook = built
    edited = edit(workbook, tmp_path / "b.xlsx", packages={"doku": {"Beginn": D(2027, 3, 1)}})
    result = invoke("update", plan, "--from", edited)
    assert result.exit_code == 0, result.output
    assert "    name: Dokumentation\n    duration: 1w\n    not_before: 2027-03-01\n" in plan.read_text(encoding="utf-8")


def test_a_workbook_without_edits_changes_nothing(built):
    plan, workbook = built
    result = invoke("update", plan, "--from", workbook)
    assert result.exit_code == 0, result.output
    assert result.output == f"Keine Änderungen: plan.xlsx zeigt dieselben Werte wie {plan}.\n"
    assert plan.read_text(encoding="utf-8") == PLAN


def test_progress_fills_in_what_it_implies_as_ms_project_does(built, tmp_path):
    """Fortschritt without Ist-Beginn takes the planned Beginn; an Ist-Ende alone finishes
    the package (and its start is the planned one); a milestone's Ist-Ende is its date."""
    plan, workbook = built
    edited = edit(workbook, tmp_path / "b.xlsx",
                  packages={"analyse": {"Ist-Ende": D(2027, 2, 12)}, "konzept": {"Fortschritt %": "50 %"}})
    result = invoke("update", plan, "--from", edited, "--status-date", "2027-02-17")
    assert result.exit_code == 0, result.output
    assert "  analyse (Analyse): Ist-Beginn 01.02.2027 übernommen (geplanter Beginn), weil Fortschritt " \
           "oder Ist-Ende eingetragen ist" in result.output.splitlines()
    text = plan.read_text(encoding="utf-8")
    assert "    actual_start: 2027-02-15\n    progress: 50\n" in text
    assert "    actual_start: 2027-02-01\n    actual_finish: 2027-02-12\n" in text


def test_a_milestone_gets_its_actual_date(built, tmp_path):
    plan, workbook = built
    edited = edit(workbook, tmp_path / "b.xlsx",
                  packages={"analyse": {"Ist-Beginn": D(2027, 2, 1), "Ist-Ende": D(2027, 2, 12)},
                            "konzept": {"Ist-Beginn": D(2027, 2, 15), "Ist-Ende": D(2027, 2, 19)},
                            "doku": {"Ist-Beginn": D(2027, 2, 15), "Ist-Ende": D(2027, 2, 19)},
                            "umsetzung": {"Ist-Beginn": D(2027, 2, 22), "Ist-Ende": D(2027, 3, 12)},
                            "ende": {"Ist-Ende": D(2027, 3, 12)}})
    result = invoke("update", plan, "--from", edited, "--status-date", "2027-03-15")
    assert result.exit_code == 0, result.output
    assert "    kind: milestone\n    actual: 2027-03-12\n" in plan.read_text(encoding="utf-8")
    assert schedule_of(plan)["ende"] == ("2027-03-12", "2027-03-12")


@pytest.mark.parametrize("case", ["other-plan", "unknown-row", "bad-date", "bad-progress", "not-roadmap"])
def test_refusals_leave_the_plan_alone(built, tmp_path, case):
    plan, workbook = built
    target = tmp_path / "b.xlsx"
    if case == "other-plan":
        other = tmp_path / "anders.yaml"
        other.write_text(PLAN.replace("name: Testprojekt", "name: Anderes Projekt"), encoding="utf-8")
        assert invoke("build", other, "-o", tmp_path / "anders").exit_code == 0
        target = tmp_path / "anders" / "anders.xlsx"
        expected = ("anders.xlsx wurde aus einem anderen Plan erstellt („Anderes Projekt“), nicht aus "
                    "„Testprojekt“; nehmen Sie den Excel-Plan, den roadmap build aus diesem Plan geschrieben hat.")
    elif case == "unknown-row":
        edit(workbook, target, packages={"doku": {"ID": "dokumentation"}})
        expected = ("Arbeitspakete!C6: Ein Arbeitspaket „dokumentation“ gibt es im Plan nicht; neue "
                    "Arbeitspakete bitte im Plan anlegen und den Excel-Plan neu erzeugen.")
    elif case == "bad-date":
        edit(workbook, target, packages={"analyse": {"Ist-Beginn": "31.02.2027"}})
        expected = "Arbeitspakete!N4 (Ist-Beginn): „31.02.2027“ ist kein Datum (TT.MM.JJJJ)."
    elif case == "bad-progress":
        edit(workbook, target, packages={"konzept": {"Fortschritt %": "fast fertig"}})
        expected = "Arbeitspakete!P5 (Fortschritt %): „fast fertig“ ist keine Zahl von 0 bis 100."
    else:
        openpyxl.Workbook().save(target)
        expected = ("b.xlsx ist kein Excel-Plan von roadmap (die Dokumenteigenschaft roadmap-plan-id fehlt); "
                    "übernehmen lassen sich nur Arbeitsmappen, die roadmap build geschrieben hat.")
    before = sorted(p.name for p in plan.parent.iterdir())
    result = invoke("update", plan, "--from", target)
    assert result.exit_code == 1
    assert result.output.splitlines() == [expected, f"{plan} bleibt unverändert."]
    assert plan.read_text(encoding="utf-8") == PLAN
    assert sorted(p.name for p in plan.parent.iterdir()) == before  # no temporary file left


def test_values_that_would_break_the_plan_are_refused_with_the_rule(built, tmp_path):
    """An Ist-Beginn after the status date: the engine's rule, reported, nothing written."""
    plan, workbook = built
    edited = edit(workbook, tmp_path / "b.xlsx", packages={"konzept": {"Ist-Beginn": D(2027, 3, 1)}})
    result = invoke("update", plan, "--from", edited, "--status-date", "2027-02-17")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"Mit diesen Werten aus dem Excel-Plan wäre der Plan fehlerhaft; {plan} bleibt unverändert "
        "(die Zeilennummern sind die der geänderten Fassung):")
    assert result.output.splitlines()[1] == (
        f"{plan}:17: error: Arbeitspaket 'konzept': actual_start 01.03.2027 liegt nach dem Stichtag "
        "17.02.2027; Ist-Termine reichen höchstens bis zum Stichtag (project: status_date oder "
        "--status-date) [actual-after-status]")
    assert plan.read_text(encoding="utf-8") == PLAN


def test_a_workbook_older_than_the_plan_is_refused_and_a_fresh_one_shows_no_changes(built, tmp_path):
    """Running update twice with the same workbook must not undo anything: the plan now has
    actual dates after the workbook's Stand, so the workbook is refused; the workbook
    built afresh from the updated plan shows no changes."""
    plan, workbook = built
    edited = edit(workbook, tmp_path / "b.xlsx", packages={"analyse": {"Ist-Beginn": D(2027, 2, 1),
                                                                      "Ist-Ende": D(2027, 2, 12)}})
    assert invoke("update", plan, "--from", edited, "--status-date", "15.02.2027").exit_code == 0
    updated = plan.read_text(encoding="utf-8")
    again = invoke("update", plan, "--from", edited, "--status-date", "15.02.2027")
    assert again.exit_code == 1
    assert again.output.splitlines() == [
        "b.xlsx ist älter als der Plan: er zeigt den Stand 01.02.2027, plan.yaml enthält schon Ist-Daten "
        "bis 12.02.2027. Erzeugen Sie den Excel-Plan neu (roadmap build plan.yaml) und tragen Sie dort weiter ein.",
        f"{plan} bleibt unverändert."]
    assert plan.read_text(encoding="utf-8") == updated
    assert invoke("build", plan, "-o", tmp_path / "neu").exit_code == 0
    fresh = invoke("update", plan, "--from", tmp_path / "neu" / "plan.xlsx")
    assert fresh.exit_code == 0 and fresh.output.startswith("Keine Änderungen")
