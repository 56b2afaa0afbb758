"""The whole cycle a project manager runs, through the command line only:

``roadmap new`` -> ``roadmap baseline`` -> progress typed into the workbook ->
``roadmap update`` -> ``roadmap build --baseline`` -> ``roadmap report``.

The plan starts on Monday 01.02.2027 (NRW: Karfreitag 26.03., Ostermontag 29.03.,
Christi Himmelfahrt 06.05.2027); the baseline is frozen on 29.01.2027, the progress is
reported on 15.04.2027. Dates below are counted by hand on that calendar.
"""
from __future__ import annotations

import datetime as dt

import docx
import openpyxl
from click.testing import CliRunner

from roadmap.cli import cli

D = dt.date


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def type_into(workbook, values):
    """What the user types on the Arbeitspakete sheet: ``{id: {header: value}}``."""
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Arbeitspakete"]
    columns = {cell.value: cell.column for cell in ws[3] if isinstance(cell.value, str)}
    rows = {ws.cell(row=r, column=columns["ID"]).value: r for r in range(4, ws.max_row + 1)}
    for package, cells in values.items():
        for header, value in cells.items():
            ws.cell(row=rows[package], column=columns[header]).value = value
    wb.save(workbook)


def test_new_baseline_progress_update_build_report(tmp_path):
    plan, out = tmp_path / "fahrplan.yaml", tmp_path / "ausgabe"
    invoke("new", plan, "--town", "Teststadt", "--start", "01.02.2027", "--no-interactive")
    comments = [line for line in plan.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")]

    baseline_out = invoke("baseline", plan, "--status-date", "29.01.2027")
    assert baseline_out.startswith(f"Basisplan geschrieben: {tmp_path / 'fahrplan.basis.json'} (")
    invoke("build", plan, "-o", out, "--status-date", "29.01.2027")

    # Planned: ag_gruendung 01.02.-26.02., chefsache 01.03.-19.03., funktion from 22.03.
    type_into(out / "fahrplan.xlsx", {
        "ag_gruendung": {"Ist-Beginn": D(2027, 2, 1), "Ist-Ende": D(2027, 3, 5)},
        "startschuss": {"Ist-Ende": D(2027, 3, 5)},
        "chefsache": {"Ist-Beginn": D(2027, 3, 8), "Ist-Ende": D(2027, 4, 9)},
        "auftrag": {"Ist-Ende": D(2027, 4, 9)},
        "funktion": {"Ist-Beginn": D(2027, 4, 12), "Fortschritt %": 20},
        "kosten": {"Dauer": 30},
    })
    update_out = invoke("update", plan, "--from", out / "fahrplan.xlsx", "--status-date", "15.04.2027")
    assert update_out.splitlines()[0] == f"10 Änderungen aus fahrplan.xlsx für {plan}:"
    assert "  kosten (Kosten schätzen und mit der Kämmerei den Finanzierungsweg klären): Dauer 20 → 30 Arbeitstage " \
           "(duration: 6w)" in update_out.splitlines()
    text = plan.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == comments
    assert "    kind: milestone\n    actual: 2027-03-05\n" in text
    assert "    duration: 4w\n    actual_start: 2027-04-12\n    progress: 20\n" in text

    build_out = invoke("build", plan, "--baseline", tmp_path / "fahrplan.basis.json", "-o", out)
    assert any(line.startswith("Basisplan: fahrplan.basis.json (Stand 29.01.2027): ")
               for line in build_out.splitlines())

    report = tmp_path / "sachstand.docx"
    report_out = invoke("report", plan, "--baseline", tmp_path / "fahrplan.basis.json", "-o", report)
    assert report_out.startswith(f"Sachstandsbericht geschrieben: {report} (Stand 15.04.2027: ")
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(report)).tables]
    finished, running = tables[0], tables[1]
    # one week late (26.02. -> 05.03.); chefsache planned to end 19.03., done 09.04.: 22.-25.03.,
    # (Karfreitag 26.03., Ostermontag 29.03.), 30.03.-02.04., 05.-09.04. = +13 AT
    assert finished[1:] == [
        ["Arbeitsgruppe Digitalisierung gründen", "05.03.2027", "26.02.2027", "+5 AT"],
        ["Startschuss: die Verwaltung will einen Smart-City-Prozess beginnen", "05.03.2027", "26.02.2027", "+5 AT"],
        ["Projektidee dem Verwaltungsvorstand vorstellen: Smart City zur Chefsache machen", "09.04.2027",
         "19.03.2027", "+13 AT"],
        ["Klarer Auftrag der Verwaltungsspitze", "09.04.2027", "19.03.2027", "+13 AT"],
    ]
    # funktion: 20 % of 20 days done, ceil(20 x 0.8) = 16 left from 16.04.: 16.04., 19.-23.04.,
    # 26.-30.04., 03.-05.05., (06.05. Himmelfahrt), 07.05., 10.05.; planned 22.03.-20.04.
    # (22.-25.03., 30.03.-02.04., 05.-16.04., 19.-20.04. = 20 days): 21.-23.04., 26.-30.04.,
    # 03.-05.05., 07.05., 10.05. = +13 AT
    assert running[1:] == [["Funktion der Strategie klären: Welche Bedarfslücke soll sie füllen?", "12.04.2027",
                            "20 %", "10.05.2027", "20.04.2027", "+13 AT"]]
