"""Council session calendars from iCalendar exports, with the quirks real RIS exports have."""
import textwrap

import pytest

from conftest import make_plan
from roadmap import PlanError
from roadmap.plan.sessions_ics import read_sessions

ICS = textwrap.dedent("""\
    BEGIN:VCALENDAR
    VERSION:2.0
    PRODID:-//Somacos//SessionNet//DE
    BEGIN:VTIMEZONE
    TZID:Europe/Berlin
    END:VTIMEZONE
    BEGIN:VEVENT
    UID:1@ris
    DTSTAMP:20261101T000000Z
    SUMMARY:Sitzung des Rates der Stadt
    DTSTART;TZID=Europe/Berlin:20270316T170000
    DTEND;TZID=Europe/Berlin:20270317T000000
    END:VEVENT
    BEGIN:VEVENT
    UID:2@ris
    DTSTAMP:20261101T000000Z
    SUMMARY:Sitzung des Rates der Stadt
    DTSTART:20270615T223000Z
    END:VEVENT
    BEGIN:VEVENT
    UID:3@ris
    DTSTAMP:20261101T000000Z
    SUMMARY:Sitzung des Rates der Stadt
    STATUS:CANCELLED
    DTSTART;VALUE=DATE:20270518
    END:VEVENT
    BEGIN:VEVENT
    UID:4@ris
    DTSTAMP:20261101T000000Z
    SUMMARY:Haupt- und Finanzausschuss - entfällt
    DTSTART;VALUE=DATE:20270302
    END:VEVENT
    BEGIN:VEVENT
    UID:5@ris
    DTSTAMP:20261101T000000Z
    SUMMARY:Haupt- und Finanzausschuss
    DTSTART;VALUE=DATE:20270309
    END:VEVENT
    BEGIN:VEVENT
    UID:6@ris
    DTSTAMP:20261101T000000Z
    SUMMARY:Sitzung des Rates der Stadt (Fortsetzung)
    DTSTART;TZID=Europe/Berlin:20270316T090000
    END:VEVENT
    END:VCALENDAR
    """).replace("\n", "\r\n")


@pytest.fixture
def ics(tmp_path):
    path = tmp_path / "sitzungen.ics"
    path.write_text(ICS, encoding="utf-8")
    return path


def test_rat_sessions_merged_cancelled_skipped_and_utc_converted(ics):
    found = read_sessions(ics, "Rates")
    # 22:30 UTC on 15.06. is 00:30 on 16.06. in Berlin; the two entries on 16.03. merge.
    assert [d.isoformat() for d in found.dates] == ["2027-03-16", "2027-06-16"]
    assert [d.isoformat() for d in found.cancelled] == ["2027-05-18"]


def test_summary_saying_entfaellt_is_skipped(ics):
    found = read_sessions(ics, r"Haupt-\s*und\s*Finanz")
    assert [d.isoformat() for d in found.dates] == ["2027-03-09"]


def test_plan_reads_ics_relative_to_the_plan(ics, tmp_path):
    head = """\
bodies:
  hfa: {name: HFA, sessions_ics: sitzungen.ics, match: Finanzausschuss}
  rat: {name: Rat, sessions_ics: sitzungen.ics, match: Rates, sessions: [2027-04-20]}
"""
    plan = make_plan("- {id: a, duration: 1d}\n", head=head, base_dir=tmp_path)
    assert [d.isoformat() for d in plan.bodies["rat"].sessions] == ["2027-03-16", "2027-04-20", "2027-06-16"]
    assert plan.bodies["rat"].sessions_source == "plan + sitzungen.ics"


def test_broken_ics_is_a_diagnostic(tmp_path):
    (tmp_path / "kaputt.ics").write_text("BEGIN:VCALENDAR\nthis is not ical\n", encoding="utf-8")
    head = "bodies:\n  rat: {name: Rat, sessions_ics: kaputt.ics}\n"
    with pytest.raises(PlanError) as error:
        make_plan("- {id: a, duration: 1d}\n", head=head, base_dir=tmp_path)
    [diagnostic] = error.value.diagnostics
    assert diagnostic.code == "ics-error" and diagnostic.line == 4
    assert "ist keine gültige iCalendar-Datei" in diagnostic.text()
    assert "is not a valid iCalendar file" in diagnostic.text("en")
