"""`roadmap oparl` against a local OParl 1.1 server: listing, .ics, refresh, errors.

The server (tests/oparl_fake.py) runs on pytest-httpserver's local port; no test needs
the internet.
"""
from __future__ import annotations

import datetime as dt
import socket
import textwrap

import icalendar
import pytest
from click.testing import CliRunner

from oparl_fake import FakeRIS
from roadmap.cli import cli
from roadmap.engine.scheduler import schedule
from roadmap.exchange import oparl
from roadmap.plan.loader import load_plan
from roadmap.plan.sessions_ics import read_sessions


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch):
    """Retries without backoff, so a failing server costs no seconds."""
    monkeypatch.setattr(oparl.http, "BACKOFF", 0.0)


@pytest.fixture
def ris(httpserver):
    return FakeRIS(httpserver)


def invoke(*args):
    return CliRunner().invoke(cli, ["oparl", *args])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- listing -------------------------------------------------------------------------------


def test_listing_shows_bodies_and_committees(ris):
    result = invoke(ris.url("/system"))
    assert result.exit_code == 0, result.output
    org = ris.url("/organization")
    assert result.stdout == textwrap.dedent(f"""\
        OParl 1.1: Ratsinformationssystem Teststadt
        Körperschaft: Stadt Teststadt
          Gremien (4):
            Rat der Stadt                  Rat   Parlament                  {org}/1
            Haupt- und Finanzausschuss     HFA   Ausschuss                  {org}/2
            Ausschuss für Digitalisierung  ADi   Ausschuss                  {org}/3
            Ausschuss für Digitalisierung  DigA  Ausschuss  bis 31.10.2020  {org}/4
          Außerdem 1 weitere Organisation(en) (Fraktion); alle zeigen: --all
        Sitzungskalender eines Gremiums schreiben:
          roadmap oparl {ris.url("/system")} --organization "Rat der Stadt" -o rat.ics
        """)
    # the organisation list has three pages; the deleted organisation is not shown
    assert result.stderr == ("Gremien von Stadt Teststadt: Seite 1 von 3 geladen (2 Einträge)\n"
                             "Gremien von Stadt Teststadt: Seite 2 von 3 geladen (4 Einträge)\n"
                             "Gremien von Stadt Teststadt: Seite 3 von 3 geladen (6 Einträge)\n")


def test_listing_all_organisations_includes_the_fraktion(ris):
    result = invoke(ris.url("/system"), "--all")
    assert "  Organisationen (5):" in result.stdout
    assert f"    SPD-Fraktion                   SPD   Fraktion                   {ris.url('/organization/5')}" \
        in result.stdout.splitlines()


def test_a_body_url_works_like_the_system_url(httpserver, ris):
    # some towns publish the body's address; it lists that body alone
    httpserver.expect_request("/oparl/v1/body/1").respond_with_json(
        {"id": ris.url("/body/1"), "type": ris.type("Body"), "name": "Stadt Teststadt",
         "organization": ris.url("/body/1/organizations"), "meeting": ris.url("/body/1/meetings")})
    result = invoke(ris.url("/body/1"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["OParl 1.1: Stadt Teststadt", "Körperschaft: Stadt Teststadt"]


# ---- meetings as .ics ------------------------------------------------------------------------


def events_of(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return calendar, calendar.walk("VEVENT")


def test_one_committee_as_ics(ris, tmp_path):
    target = tmp_path / "rat.ics"
    result = invoke(ris.url("/system"), "--organization", "Rat der Stadt", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == textwrap.dedent(f"""\
        {target} geschrieben: 3 Sitzungen von Rat der Stadt, 15.12.2026 – 11.05.2027.
        Ausgelassen: 2 abgesagte Sitzung(en), 1 ohne Termin.
        Im Plan unter 'bodies' eintragen (die Kennung links frei wählen):
          rat:
            name: "Rat der Stadt"
            sessions_ics: "{target}"
        """)
    assert "Lade Sitzungen von Rat der Stadt …\n" in result.stderr
    assert "Sitzungen von Rat der Stadt: Seite 4 von 4 geladen (7 Einträge)\n" in result.stderr
    calendar, events = events_of(target)
    berlin = oparl.BERLIN
    assert [(str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND") if "DTEND" in e else None)
            for e in events] == [
        (f"{ris.url('/meeting/10')}#{ris.url('/organization/1')}",
         dt.datetime(2026, 12, 15, 17, tzinfo=berlin), dt.datetime(2026, 12, 15, 20, tzinfo=berlin)),
        # 2027-03-16T23:30:00Z is half past midnight on 17.03. in Berlin
        (f"{ris.url('/meeting/12')}#{ris.url('/organization/1')}",
         dt.datetime(2027, 3, 17, 0, 30, tzinfo=berlin), None),
        (f"{ris.url('/meeting/14')}#{ris.url('/organization/1')}",
         dt.datetime(2027, 5, 11, 17, tzinfo=berlin), dt.datetime(2027, 5, 11, 21, 30, tzinfo=berlin))]
    first = events[0]
    assert first.get("DTSTART").params["TZID"] == "Europe/Berlin"
    assert str(first["SUMMARY"]) == "Rat der Stadt"
    assert str(first["DESCRIPTION"]) == "Sitzung des Rates\nterminiert"
    assert str(first["LOCATION"]) == "Rathaus, Ratssaal, Markt 1, 12345 Teststadt"
    assert str(first["URL"]) == "https://ris.teststadt.example/si0057.asp?__ksinr=10"
    assert [str(c["TZID"]) for c in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(calendar["X-OPARL-SYSTEM"]) == ris.url("/system")
    # the plan's reader sees exactly these session days
    sessions = read_sessions(target)
    assert sessions.dates == [dt.date(2026, 12, 15), dt.date(2027, 3, 17), dt.date(2027, 5, 11)]
    assert sessions.cancelled == []
    # OParl 1.1: lists are asked without their internal agenda items
    assert ("/oparl/v1/organization/1/meetings", {"omit_internal": "true"}) in ris.requests


PLAN = """\
roadmap: 1
project: {{name: Digitalstrategie, municipality: Teststadt, state: NW, start: 2027-01-11,
          status_date: 2027-02-01}}
bodies:
{bodies}
packages:
  - {{id: start, name: Startschuss, kind: milestone}}
  - {{id: ag, name: Arbeitsgruppe bilden, duration: 2w, after: [start]}}
  - {{id: vorlage, name: Vorlage schreiben, duration: 1w, after: [ag]}}
  - {{id: beschluss, name: Grundsatzbeschluss, kind: decision, body: rat, via: [adi, hfa], after: [vorlage]}}
"""


def test_oparl_to_ics_to_plan_schedules_on_the_council_dates(ris, tmp_path):
    """The whole round trip: three committees into one file, the printed snippet pasted
    into a plan, and the decision lands on the RIS's dates (the cancelled 10.03. skipped)."""
    target = tmp_path / "sitzungen.ics"
    result = invoke(ris.url("/system"), "--organization", "Rat der Stadt", "--organization", "HFA",
                    "--gremium", "Ausschuss für Digitalisierung", "-o", str(target))
    assert result.exit_code == 0, result.output
    snippet = result.stdout.split("(die Kennung links frei wählen):\n")[1]
    assert snippet == textwrap.indent(textwrap.dedent(f"""\
        rat:
          name: "Rat der Stadt"
          sessions_ics: "{target}"
          match: '^Rat der Stadt$'
        hfa:
          name: "Haupt- und Finanzausschuss"
          sessions_ics: "{target}"
          match: '^Haupt- und Finanzausschuss$'
        adi:
          name: "Ausschuss für Digitalisierung"
          sessions_ics: "{target}"
          match: '^Ausschuss für Digitalisierung$'
        """), "  ")
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(PLAN.format(bodies=snippet.rstrip("\n")), encoding="utf-8")
    decision = schedule(load_plan(plan_file)).package("beschluss")
    assert [(c.body, c.date) for c in decision.sessions] == [
        ("adi", dt.date(2027, 2, 24)), ("hfa", dt.date(2027, 3, 3)), ("rat", dt.date(2027, 3, 17))]
    # the Ausschuss für Digitalisierung has no meeting list of its own: the body's list was
    # filtered, and the committee of the last Wahlperiode (same name) was not taken
    assert any(path == "/oparl/v1/body/1/meetings" for path, _ in ris.requests)
    assert not any(path == "/oparl/v1/organization/4/meetings" for path, _ in ris.requests)


def test_organisation_by_url_and_default_file_name(ris, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(ris.url("/system"), "--organization", ris.url("/organization/2"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("hfa.ics geschrieben: 2 Sitzungen von Haupt- und Finanzausschuss, "
                                    "03.03.2027 – 28.04.2027.\n")
    assert read_sessions(tmp_path / "hfa.ics").dates == [dt.date(2027, 3, 3), dt.date(2027, 4, 28)]


def test_refresh_loads_only_changes_and_applies_deletions(ris, tmp_path):
    target = tmp_path / "rat.ics"
    assert invoke(ris.url("/system"), "--organization", "Rat", "-o", str(target)).exit_code == 0
    before = target.read_bytes()
    retrieved = dt.datetime.fromisoformat(str(icalendar.Calendar.from_ical(before)["X-OPARL-RETRIEVED"]))
    later = (retrieved + dt.timedelta(hours=1)).isoformat()
    # since then: meeting 14 moved by a week, meeting 12 was deleted, a new one planned
    moved = ris.meeting(14, "Sitzung des Rates", 1, "2027-05-18T17:00:00+02:00", modified=later)
    ris.meetings[ris.meetings.index(next(m for m in ris.meetings if m["id"].endswith("/meeting/14")))] = moved
    ris.meetings[2] = {"id": ris.url("/meeting/12"), "type": ris.type("Meeting"), "deleted": True,
                       "created": "2026-11-01T10:00:00+01:00", "modified": later}
    ris.meetings.append(ris.meeting(17, "Sitzung des Rates", 1, "2027-06-29T17:00:00+02:00", modified=later))
    ris.requests.clear()
    result = invoke(ris.url("/system"), "--organization", "Rat", "-o", str(target), "--refresh")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{target} geschrieben: 3 Sitzungen von Rat der Stadt, 15.12.2026 – 29.06.2027."
    assert lines[1] == f"Seit {(retrieved - oparl.CLOCK_SKEW).date():%d.%m.%Y}: 2 neue oder geänderte, " \
                       "1 gelöschte oder abgesagte Sitzung(en)."
    assert read_sessions(target).dates == [dt.date(2026, 12, 15), dt.date(2027, 5, 18), dt.date(2027, 6, 29)]
    # the server was asked for changes only (modified_since), and said which were deleted
    since = (retrieved - oparl.CLOCK_SKEW).astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    meeting_requests = [args for path, args in ris.requests if path == "/oparl/v1/organization/1/meetings"]
    assert meeting_requests == [{"modified_since": since, "omit_internal": "true"},
                                {"modified_since": since, "omit_internal": "true", "page": "2"}]


def test_refresh_without_an_earlier_file_loads_everything(ris, tmp_path):
    target = tmp_path / "rat.ics"
    result = invoke(ris.url("/system"), "--organization", "Rat", "-o", str(target), "--refresh")
    assert result.exit_code == 0, result.output
    assert f"{target} stammt nicht aus einem früheren Abruf derselben Gremien; alle Sitzungen werden " \
           "geladen.\n" in result.stderr
    assert read_sessions(target).dates == [dt.date(2026, 12, 15), dt.date(2027, 3, 17), dt.date(2027, 5, 11)]


def test_oparl_1_0_reloads_everything_and_sends_no_1_1_parameters(httpserver, tmp_path):
    ris = FakeRIS(httpserver, version="1.0", leak_deleted=False)
    target = tmp_path / "rat.ics"
    assert invoke(ris.url("/system"), "--organization", "Rat", "-o", str(target)).exit_code == 0
    ris.requests.clear()
    result = invoke(ris.url("/system"), "--organization", "Rat", "-o", str(target), "--refresh")
    assert result.exit_code == 0, result.output
    assert "OParl 1.0 meldet gelöschte Sitzungen nicht; alle Sitzungen werden neu geladen.\n" in result.stderr
    assert {tuple(args) for path, args in ris.requests if "meetings" in path} == {(), ("page",)}
    assert read_sessions(target).dates == [dt.date(2026, 12, 15), dt.date(2027, 3, 17), dt.date(2027, 5, 11)]


def test_a_server_error_is_retried(httpserver, ris, tmp_path):
    httpserver.clear_all_handlers()
    # the first answer is a 503 (server busy), then the real one
    httpserver.expect_oneshot_request("/oparl/v1/system").respond_with_data("busy", status=503)
    ris2 = FakeRIS(httpserver)
    result = invoke(ris2.url("/system"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("OParl 1.1: Ratsinformationssystem Teststadt\n")


# ---- errors: one German sentence, exit 1 ---------------------------------------------------


def test_unreachable_server(tmp_path):
    port = free_port()
    result = invoke(f"http://127.0.0.1:{port}/oparl/v1/system", "--organization", "Rat", "-o",
                    str(tmp_path / "rat.ics"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"Der Server 127.0.0.1:{port} ist nicht erreichbar (Verbindung abgelehnt); prüfen "
                             "Sie die Adresse und die Internetverbindung und versuchen Sie es später noch "
                             "einmal.\n")
    assert not (tmp_path / "rat.ics").exists()


def test_not_oparl_html_page(httpserver):
    httpserver.expect_request("/").respond_with_data("<html><body>Bürgerinfo</body></html>",
                                                     content_type="text/html")
    result = invoke(httpserver.url_for("/"))
    assert result.exit_code == 1
    assert result.stderr == (f"Unter {httpserver.url_for('/')} liegt keine OParl-Schnittstelle (die Antwort ist "
                             "kein JSON); die Adresse endet meist auf /oparl/v1/system oder "
                             "/bi/oparl/1.0/system.asp.\n")


def test_not_oparl_other_json(httpserver):
    httpserver.expect_request("/api").respond_with_json({"status": "ok"})
    result = invoke(httpserver.url_for("/api"))
    assert result.exit_code == 1
    assert result.stderr == (f"Unter {httpserver.url_for('/api')} liegt keine OParl-Schnittstelle (die Antwort "
                             "ist kein OParl-System-Objekt); die Adresse endet meist auf /oparl/v1/system oder "
                             "/bi/oparl/1.0/system.asp.\n")


def test_http_error(httpserver):
    httpserver.expect_request("/oparl/v1/system").respond_with_data("nope", status=404)
    url = httpserver.url_for("/oparl/v1/system")
    result = invoke(url)
    assert result.exit_code == 1
    assert result.stderr == (f"Der Server antwortet auf {url} mit dem Fehler 404 NOT FOUND; prüfen Sie die "
                             "Adresse des OParl-Systems oder versuchen Sie es später noch einmal.\n")


def test_unknown_organisation_lists_the_existing_ones(ris, tmp_path):
    result = invoke(ris.url("/system"), "--organization", "Umweltausschuss", "-o", str(tmp_path / "u.ics"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "Das Gremium 'Umweltausschuss' gibt es in Stadt Teststadt nicht; vorhanden sind: Ausschuss für "
        "Digitalisierung, Haupt- und Finanzausschuss, Rat der Stadt.")
    assert not (tmp_path / "u.ics").exists()


def test_ambiguous_organisation(ris):
    result = invoke(ris.url("/system"), "--organization", "ausschuss")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"'ausschuss' passt auf mehrere Gremien (Haupt- und Finanzausschuss ({ris.url('/organization/2')}); "
        f"Ausschuss für Digitalisierung ({ris.url('/organization/3')})); geben Sie den vollständigen Namen "
        "oder die Adresse (URL) des Gremiums an.")


@pytest.mark.parametrize("url", ["ris.teststadt.de/oparl/v1/system", "ftp://ris.teststadt.de/system", "Rat"])
def test_bad_url(url):
    result = invoke(url)
    assert result.exit_code == 1
    assert result.stderr == (f"'{url}' ist keine Web-Adresse; geben Sie die Adresse des OParl-Systems mit "
                             "https:// an, z. B. https://ris.beispielstadt.de/oparl/v1/system.\n")


def test_paging_in_a_circle_is_stopped(httpserver):
    base = httpserver.url_for("/o")
    httpserver.expect_request("/o/system").respond_with_json(
        {"id": f"{base}/system", "type": "https://schema.oparl.org/1.1/System", "body": f"{base}/bodies"})
    httpserver.expect_request("/o/bodies").respond_with_json(
        {"data": [], "pagination": {}, "links": {"next": f"{base}/bodies"}})
    result = invoke(f"{base}/system")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Die Liste {base}/bodies hört nicht auf ('links.next' führt im Kreis), der Server hält sich nicht "
        "an OParl.")


def test_unwritable_output(ris, tmp_path):
    folder = tmp_path / "ordner"
    folder.mkdir()
    result = invoke(ris.url("/system"), "--organization", "Rat", "-o", str(folder))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"'{folder}' kann nicht geschrieben werden: das ist ein Ordner"


def test_english_messages_on_request(ris):
    result = invoke(ris.url("/system"), "--organization", "Umweltausschuss", "--lang", "en")
    assert result.stderr.splitlines()[-1] == (
        "There is no organisation 'Umweltausschuss' in Stadt Teststadt; there are: Ausschuss für "
        "Digitalisierung, Haupt- und Finanzausschuss, Rat der Stadt.")


# ---- the parts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("2027-03-16T23:30:00Z", dt.datetime(2027, 3, 17, 0, 30, tzinfo=oparl.BERLIN)),
    ("2027-07-01T08:00:00+00:00", dt.datetime(2027, 7, 1, 10, 0, tzinfo=oparl.BERLIN)),
    ("2027-01-04T17:00:00+01:00", dt.datetime(2027, 1, 4, 17, 0, tzinfo=oparl.BERLIN)),
    ("2027-01-04T17:00:00.1234567+01:00", dt.datetime(2027, 1, 4, 17, 0, 0, 123456, tzinfo=oparl.BERLIN)),
    ("2027-01-04T17:00:00", dt.datetime(2027, 1, 4, 17, 0, tzinfo=oparl.BERLIN)),  # no offset: Berlin
    ("2027-01-04", dt.date(2027, 1, 4)),
    ("morgen", None), ("", None), (None, None), (17, None),
])
def test_parse_instant(text, expected):
    assert oparl.parse_instant(text) == expected


def test_never_overwrites_a_file_that_is_not_a_calendar(ris, tmp_path):
    plan = tmp_path / "fahrplan.yaml"
    plan.write_text("roadmap: 1\n", encoding="utf-8")
    result = invoke(ris.url("/system"), "--organization", "Rat", "-o", str(plan))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (f"'{plan}' wird nicht überschrieben: die Datei ist kein "
                                              "iCalendar-Kalender; wählen Sie mit -o eine .ics-Datei.")
    assert plan.read_text(encoding="utf-8") == "roadmap: 1\n"
