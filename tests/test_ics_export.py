"""`roadmap export --format ics`: the dates a project manager puts into Outlook.

Checked by reading the file back with icalendar (round trip): exact UIDs, days, titles,
categories; stable UIDs; only DTSTAMP differs between runs; plan text stays text.
"""
from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from roadmap.cli import cli
from roadmap.engine.scheduler import schedule
from roadmap.exchange import ExportOptions, render
from roadmap.exchange.ics_export import calendar, slug
from roadmap.plan.loader import load_plan, parse_plan

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "tests" / "plans" / "rathaus.yaml")
DOMAIN = "teststadt-digitalstrategie-1-1-script.roadmap"


def invoke(*args):
    return CliRunner().invoke(cli, ["export", *args])


def events(data: bytes):
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


def overview(data: bytes):
    return [(str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"]),
             str(e["CATEGORIES"].cats[0])) for e in events(data)]


def rathaus():
    return schedule(load_plan(PLAN))


def test_milestones_decisions_consultations_and_vorlage_due_dates():
    data = render(rathaus(), "ics").data
    d = dt.date
    assert overview(data) == [
        (f"start.milestone@{DOMAIN}", d(2027, 1, 11), d(2027, 1, 12), "Meilenstein: Startschuss", "Meilenstein"),
        (f"beschluss.vorlage@{DOMAIN}", d(2027, 2, 3), d(2027, 2, 4),
         "Vorlage fertig: Grundsatzbeschluss (für ADi am 25.02.2027)", "Vorlage"),
        (f"beschluss.session-digital@{DOMAIN}", d(2027, 2, 25), d(2027, 2, 26),
         "Vorberatung (ADi): Grundsatzbeschluss", "Sitzung"),
        (f"beschluss.session-hfa@{DOMAIN}", d(2027, 3, 2), d(2027, 3, 3),
         "Vorberatung (HFA): Grundsatzbeschluss", "Sitzung"),
        (f"beschluss.decision@{DOMAIN}", d(2027, 3, 16), d(2027, 3, 17),
         "Beschluss (Rat): Grundsatzbeschluss", "Beschluss"),
    ]
    decision = events(data)[-1]
    assert str(decision["DESCRIPTION"]) == (
        "Grundsatzbeschluss\n"
        "Gremium: Rat der Stadt\n"
        "Beratungsfolge: ADi 25.02.2027 → HFA 02.03.2027 → Rat 16.03.2027\n"
        "Vorlage fertig bis: 03.02.2027 (ADi), 08.02.2027 (HFA), 22.02.2027 (Rat)\n"
        "Gesamtpuffer: 0 Arbeitstage; kritischer Pfad: ja\n"
        "Aus dem Fahrplan „Digitalstrategie =1+1 <script>“ (Teststadt), Stand 01.02.2027")
    assert str(decision["TRANSP"]) == "TRANSPARENT"  # a deadline does not block the day
    cal = icalendar.Calendar.from_ical(data)
    assert (str(cal["VERSION"]), str(cal["METHOD"]), str(cal["X-WR-CALNAME"])) == (
        "2.0", "PUBLISH", "Digitalstrategie =1+1 <script> (Teststadt) – Termine")


def test_all_adds_start_and_finish_of_every_task():
    data = render(rathaus(), "ics", ExportOptions(language="de", all_packages=True)).data
    rows = [(uid.split("@")[0], day, summary) for uid, day, _, summary, _ in overview(data)]
    d = dt.date
    assert rows == [
        ("start.milestone", d(2027, 1, 11), "Meilenstein: Startschuss"),
        ("ag.start", d(2027, 1, 11), "Beginn: Arbeitsgruppe bilden"),
        ("ag.finish", d(2027, 1, 22), "Ende: Arbeitsgruppe bilden"),
        ("vorlage.start", d(2027, 1, 25), "Beginn: Vorlage schreiben"),
        ("vorlage.finish", d(2027, 1, 29), "Ende: Vorlage schreiben"),
        ("beschluss.vorlage", d(2027, 2, 3), "Vorlage fertig: Grundsatzbeschluss (für ADi am 25.02.2027)"),
        ("beschluss.session-digital", d(2027, 2, 25), "Vorberatung (ADi): Grundsatzbeschluss"),
        ("beschluss.session-hfa", d(2027, 3, 2), "Vorberatung (HFA): Grundsatzbeschluss"),
        ("beschluss.decision", d(2027, 3, 16), "Beschluss (Rat): Grundsatzbeschluss"),
        ("forum.start", d(2027, 4, 5), "Beginn: Bürgerforum"),
        ("forum.finish", d(2027, 4, 6), "Ende: Bürgerforum"),
    ]
    assert str(events(data)[1]["CATEGORIES"].cats[0]) == "Arbeitspaket"


def test_only_dtstamp_differs_between_runs():
    first = calendar(rathaus(), stamp=dt.datetime(2027, 1, 1, 8, tzinfo=dt.timezone.utc)).to_ical()
    second = calendar(rathaus(), stamp=dt.datetime(2027, 2, 3, 9, tzinfo=dt.timezone.utc)).to_ical()
    assert first != second

    def without_stamp(data):
        return re.sub(rb"DTSTAMP:\d{8}T\d{6}Z\r\n", b"", data)
    assert without_stamp(first) == without_stamp(second)


def test_uids_survive_a_moved_decision(tmp_path):
    """A later session moves the decision; its entries keep their UIDs, so a re-import
    moves them in the calendar instead of adding copies."""
    before = {uid: day for uid, day, *_ in overview(render(rathaus(), "ics").data)}
    text = Path(PLAN).read_text(encoding="utf-8").replace("duration: 1w, after: [ag]", "duration: 6w, after: [ag]")
    moved = schedule(parse_plan(text, str(tmp_path / "plan.yaml"), tmp_path))
    after = {uid: day for uid, day, *_ in overview(render(moved, "ics").data)}
    assert set(after) == set(before)
    assert after[f"beschluss.decision@{DOMAIN}"] == dt.date(2027, 5, 11)


NASTY = textwrap.dedent('''\
    roadmap: 1
    project: {name: "Fahrplan; Test, \\\\ Nord", municipality: Teststadt, start: 2027-01-11,
              status_date: 2027-01-11}
    packages:
      - id: a
        name: "=HYPERLINK(\\"http://x\\"); Komma, Punkt\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:gehackt"
        kind: milestone
        description: "Zeile 1\\nZeile 2\\u0007 <b>fett</b>"
    ''')


def test_plan_text_is_escaped_never_interpreted(tmp_path):
    plan = parse_plan(NASTY, str(tmp_path / "plan.yaml"), tmp_path)
    data = render(schedule(plan), "ics").data
    assert data.count(b"BEGIN:VEVENT") == 1  # no text can start a second event
    assert not re.search(rb"\r\n(END|BEGIN):VEVENT\r\nSUMMARY:gehackt", data)
    (event,) = events(data)
    assert str(event["SUMMARY"]) == ('Meilenstein: =HYPERLINK("http://x"); Komma, Punkt\n'
                                     "END:VEVENT\nBEGIN:VEVENT\nSUMMARY:gehackt")
    description = str(event["DESCRIPTION"])
    assert "Beschreibung: Zeile 1\nZeile 2 <b>fett</b>\n" in description  # the bell character is gone
    assert "Fahrplan; Test, \\ Nord" in description
    assert b"SUMMARY:Meilenstein: =HYPERLINK(\"http://x\")\\; Komma\\, Punkt\\nEND:VEVENT" in data.replace(b"\r\n ", b"")


def test_english_on_request():
    result = schedule(load_plan(PLAN))
    data = render(result, "ics", ExportOptions(language="en")).data
    summaries = [summary for _, _, _, summary, _ in overview(data)]
    assert summaries == ["Milestone: Startschuss", "Paper due: Grundsatzbeschluss (for ADi on 2027-02-25)",
                         "Consultation (ADi): Grundsatzbeschluss", "Consultation (HFA): Grundsatzbeschluss",
                         "Decision (Rat): Grundsatzbeschluss"]


def test_slug():
    assert slug("Plettenberg Smart-City-Fahrplan") == "plettenberg-smart-city-fahrplan"
    assert slug("Größe Übung Straße") == "groesse-uebung-strasse"
    assert slug("<>") == "plan"


@pytest.mark.parametrize("example", ["plettenberg", "soest"])
def test_examples_export_every_decision(example):
    result = schedule(load_plan(ROOT / "examples" / f"{example}.yaml"))
    uids = {str(e["UID"]).split("@")[0]: e.decoded("DTSTART") for e in events(render(result, "ics").data)}
    for package in result.decisions():
        assert uids[f"{package.id}.decision"] == package.start
        assert uids[f"{package.id}.vorlage"] == package.sessions[0].vorlage_due
    for package in result.packages:
        if package.occurrences:  # recurring (progress report, steering group): one event each
            assert [uids[f"{package.id}.occurrence-{k}"] for k in range(1, len(package.occurrences) + 1)] == [
                day for day, _ in package.occurrences]
        elif package.kind == "milestone":
            assert uids[f"{package.id}.milestone"] == package.start


# ---- the command ---------------------------------------------------------------------------


def test_cli_writes_the_file_and_says_so(tmp_path):
    target = tmp_path / "termine.ics"
    result = invoke(PLAN, "--format", "ics", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{target} geschrieben (iCalendar-Kalender): 5 Termine.\n"
    assert result.stderr == ""
    assert len(events(target.read_bytes())) == 5


def test_cli_format_from_the_suffix_and_default_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke(PLAN, "-o", "termine.ics").stdout == "termine.ics geschrieben (iCalendar-Kalender): 5 Termine.\n"
    result = invoke(PLAN, "--format", "ics", "--all")
    assert result.stdout == "rathaus.ics geschrieben (iCalendar-Kalender): 11 Termine.\n"
    assert (tmp_path / "rathaus.ics").exists()


def test_cli_without_a_format(tmp_path):
    result = invoke(PLAN, "-o", str(tmp_path / "plan.txt"))
    assert result.exit_code == 1
    assert result.stderr == ("Welches Format? Geben Sie --format an (ics, csv, csv-en, mspdi, tjp) oder eine "
                             "Ausgabedatei mit passender Endung, z. B. -o termine.ics.\n")


def test_cli_missing_plan(tmp_path):
    result = invoke(str(tmp_path / "fehlt.yaml"), "--format", "ics", "-o", str(tmp_path / "t.ics"))
    assert result.exit_code == 1
    assert result.stderr == (f"{tmp_path / 'fehlt.yaml'}: error: der Plan kann nicht gelesen werden: "
                             "No such file or directory [unreadable]\n")


def test_cli_never_overwrites_the_plan(tmp_path):
    plan = tmp_path / "plan.ics"  # a plan with an odd name: still never overwritten
    plan.write_text(Path(PLAN).read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(str(plan), "--format", "ics", "-o", str(plan))
    assert result.exit_code == 1
    assert result.stderr == (f"'{plan}' wird nicht geschrieben: das ist der Eingabeplan '{plan}'; wählen Sie "
                             "mit -o einen anderen Ausgabeordner\n")


def test_cli_output_is_a_folder(tmp_path):
    result = invoke(PLAN, "--format", "ics", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"'{tmp_path}' kann nicht geschrieben werden: das ist ein Ordner\n"


def test_cli_english(tmp_path):
    target = tmp_path / "dates.ics"
    result = invoke(PLAN, "--format", "ics", "-o", str(target), "--lang", "en")
    assert result.stdout == f"Wrote {target} (iCalendar calendar): 5 events.\n"
    assert str(events(target.read_bytes())[0]["SUMMARY"]) == "Milestone: Startschuss"


@pytest.mark.parametrize("command", ["export", "oparl"])
def test_help_is_german_with_examples_and_lists_every_format(command):
    import subprocess
    import sys

    from roadmap.exchange import FORMATS

    env = {k: v for k, v in __import__("os").environ.items() if k != "ROADMAP_LANG"}
    result = subprocess.run([sys.executable, "-m", "roadmap", command, "--help"], capture_output=True,
                            text=True, env=env, cwd="/")
    assert result.returncode == 0, result.stderr
    assert "Beispiele:" in result.stdout and f"roadmap {command} " in result.stdout
    if command == "export":
        for name in FORMATS:
            assert f"\n    {name} " in result.stdout


def test_without_a_status_date_no_stand_and_the_same_file_every_day(tmp_path):
    text = Path(PLAN).read_text(encoding="utf-8").replace("  status_date: 2027-02-01\n", "")
    result = schedule(parse_plan(text, str(tmp_path / "plan.yaml"), tmp_path))
    description = str(events(render(result, "ics").data)[0]["DESCRIPTION"])
    assert description.endswith("Aus dem Fahrplan „Digitalstrategie =1+1 <script>“ (Teststadt)")
