"""MS Project XML (MSPDI): what the export writes, field by field, and what the import
makes of it, without Java (the MPXJ checks are in test_mspdi_mpxj.py)."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap import load_plan, schedule
from roadmap.build import load
from roadmap.cli import cli
from roadmap.exchange.mspdi import NAMESPACE, MspdiError, import_mspdi, mspdi_text, read_mspdi_file
from roadmap.plan.loader import parse_plan

ROOT = Path(__file__).resolve().parent.parent
INTEROP = ROOT / "tests" / "plans" / "interop.yaml"
# The round trips compare planned dates; a plan that records progress (actual dates, % done)
# is left out, because the export does not carry progress yet (docs/interop.md says so).
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.yaml")
                  if "actual_start:" not in p.read_text(encoding="utf-8"))
N = {"p": NAMESPACE}


def default_plan():
    return load(None, status_date=dt.date(2026, 11, 15))


PLANS = {"default": default_plan, **{p.stem: (lambda p=p: load_plan(p)) for p in EXAMPLES},
         "interop": lambda: load_plan(INTEROP), "rathaus": lambda: load_plan(ROOT / "tests/plans/rathaus.yaml")}


@pytest.fixture(scope="module")
def interop():
    result = schedule(load_plan(INTEROP))
    return result, ET.fromstring(mspdi_text(result).encode("utf-8"))


def task(root, package_id):
    for node in root.iterfind("p:Tasks/p:Task", N):
        for attribute in node.iterfind("p:ExtendedAttribute", N):
            if attribute.findtext("p:FieldID", namespaces=N) == "188743731" \
                    and attribute.findtext("p:Value", namespaces=N) == package_id:
                return node
    raise KeyError(package_id)


def field(node, name):
    return node.findtext(f"p:{name}", namespaces=N)


def links(root, node):
    uids = {field(t, "UID"): t for t in root.iterfind("p:Tasks/p:Task", N)}
    found = []
    for link in node.iterfind("p:PredecessorLink", N):
        pred = uids[field(link, "PredecessorUID")]
        found.append((field(pred, "Name")[:1], field(link, "Type"), field(link, "LinkLag"),
                      field(link, "LagFormat")))
    return found


def test_project_header_and_namespace(interop):
    _, root = interop
    assert root.tag == f"{{{NAMESPACE}}}Project"
    assert field(root, "StartDate") == "2027-02-01T08:00:00"
    assert field(root, "FinishDate") == "2028-01-11T17:00:00"
    assert field(root, "MinutesPerDay") == "480"
    assert field(root, "Title") == 'Zoo "<&>" ${HOME} $(HOME) ] \\'
    assert field(root, "Company") == "Teststadt & Co"
    assert field(root, "StatusDate") == "2027-02-01T17:00:00"
    aliases = {field(a, "FieldName"): field(a, "Alias") for a in root.iterfind("p:ExtendedAttributes/p:ExtendedAttribute", N)}
    assert aliases == {"Text1": "Kennung", "Text2": "Art", "Text3": "Verantwortlich",
                       "Text4": "Beratungsfolge", "Text5": "Gremium", "Text6": "Quelle"}


def test_tasks_dates_durations_and_formats(interop):
    result, root = interop
    p = task(root, "p")
    assert (field(p, "Start"), field(p, "Finish"), field(p, "Duration"), field(p, "DurationFormat")) == (
        "2027-03-01T08:00:00", "2027-03-05T17:00:00", "PT40H0M0S", "7")
    # 10 calendar days from Monday 08.03.: finish Wednesday 17.03. at 17:00, 9 x 24 + 9 elapsed hours
    e1 = task(root, "e1")
    assert (field(e1, "Start"), field(e1, "Finish"), field(e1, "Duration"), field(e1, "DurationFormat")) == (
        "2027-03-08T08:00:00", "2027-03-17T17:00:00", "PT225H0M0S", "6")
    e5 = task(root, "e5")  # 2w: shown in weeks
    assert (field(e5, "Duration"), field(e5, "DurationFormat")) == ("PT80H0M0S", "9")
    danach = task(root, "danach")  # 1mo: 20 working days, shown in months
    assert (field(danach, "Duration"), field(danach, "DurationFormat")) == ("PT160H0M0S", "11")
    for package in result.packages:
        node = task(root, package.id)
        assert field(node, "Start")[:10] == package.start.isoformat()
        assert field(node, "Finish")[:10] == package.finish.isoformat()
        assert field(node, "Milestone") == ("1" if package.is_milestone else "0")
        assert field(node, "Critical") == ("1" if package.critical else "0")
        assert field(node, "TotalSlack") == str(package.total_float * 4800)


def test_milestones_at_opening_and_closing(interop):
    _, root = interop
    # after FS: the closing of Friday; after SS: the opening of Monday
    assert (field(task(root, "m1"), "Start"), field(task(root, "m1"), "Finish")) == ("2027-03-05T17:00:00",) * 2
    assert field(task(root, "m4"), "Start") == "2027-03-01T08:00:00"
    assert field(task(root, "m2"), "Start") == "2027-03-05T08:00:00"  # FS-1d: opening of Friday
    assert field(task(root, "m1"), "Duration") == "PT0H0M0S"


def test_links_keep_type_and_lag(interop):
    _, root = interop
    expected = {  # type: FF 0, FS 1, SF 2, SS 3; lag in tenths of minutes; format 7 d, 8 ed, 9 w
        "q1": [("P", "1", "0", "7")], "q2": [("P", "1", "4800", "7")], "q3": [("P", "1", "43200", "8")],
        "q4": [("P", "1", "-4800", "7")], "q5": [("P", "1", "-28800", "8")], "q6": [("P", "1", "24000", "9")],
        "q7": [("P", "3", "0", "7")], "q9": [("P", "3", "-4800", "7")], "q11": [("P", "0", "0", "7")],
        "q14": [("P", "0", "14400", "8")], "q15": [("P", "2", "0", "7")], "q17": [("P", "2", "28800", "8")],
    }
    for package_id, found in expected.items():
        assert links(root, task(root, package_id)) == found, package_id


def test_constraints_and_deadline(interop):
    _, root = interop
    beschluss = task(root, "beschluss")  # Must Start On the closing of the session day
    assert (field(beschluss, "ConstraintType"), field(beschluss, "ConstraintDate")) == ("2", "2027-05-11T17:00:00")
    assert field(beschluss, "Milestone") == "1"
    # not_before Saturday 29.05.: Start No Earlier Than Monday 31.05. 08:00
    nb = task(root, "nb")
    assert (field(nb, "ConstraintType"), field(nb, "ConstraintDate")) == ("4", "2027-05-31T08:00:00")
    assert field(nb, "Deadline") == "2027-06-10T17:00:00"
    forum = task(root, "forum")  # avoid: SNET on the computed start after the summer holidays
    assert (field(forum, "ConstraintType"), field(forum, "ConstraintDate")) == ("4", "2027-09-01T08:00:00")
    assert field(task(root, "q1"), "ConstraintType") == "0"


def test_calendar_weekend_holidays_and_closures(interop):
    _, root = interop
    calendar = root.find("p:Calendars/p:Calendar", N)
    assert field(calendar, "Name") == "Standard (Feiertage NW)"
    days = {field(d, "DayType"): field(d, "DayWorking") for d in calendar.iterfind("p:WeekDays/p:WeekDay", N)
            if field(d, "DayType") != "0"}
    assert days == {"1": "0", "2": "1", "3": "1", "4": "1", "5": "1", "6": "1", "7": "0"}
    exceptions = {(e.findtext("p:TimePeriod/p:FromDate", namespaces=N)[:10],
                   e.findtext("p:TimePeriod/p:ToDate", namespaces=N)[:10]): field(e, "Name")
                  for e in calendar.iterfind("p:Exceptions/p:Exception", N)}
    assert exceptions[("2027-03-26", "2027-03-26")] == "Karfreitag"
    assert exceptions[("2027-05-27", "2027-05-27")] == "Fronleichnam"
    assert exceptions[("2027-06-01", "2027-06-02")] == "Umzug"
    # the closure covers Christmas: one exception, no overlapping holiday exceptions
    assert exceptions[("2027-12-23", "2027-12-31")] == "Betriebsruhe <Rathaus>"
    assert ("2027-12-25", "2027-12-25") not in exceptions
    assert ("2030-12-25", "2030-12-25") in exceptions  # three years past the finish


def test_summary_tasks_per_phase(interop):
    _, root = interop
    summaries = [t for t in root.iterfind("p:Tasks/p:Task", N) if field(t, "Summary") == "1"]
    assert [(field(s, "Name"), field(s, "OutlineNumber"), field(s, "Start"), field(s, "Finish"))
            for s in summaries] == [
        ("Links & Abstände", "1", "2027-02-25T08:00:00", "2027-03-15T17:00:00"),
        ("Kalender-Fälle", "2", "2027-03-08T08:00:00", "2028-01-11T17:00:00")]
    assert field(task(root, "q1"), "OutlineLevel") == "2"
    assert field(task(root, "beschluss"), "OutlineLevel") == "1"  # no phase: top level


def test_names_and_texts_are_carried_not_interpreted(interop):
    _, root = interop
    p = task(root, "p")
    assert field(p, "Name") == 'P "quoted" <b>x</b> & ${x} $(HOME) ]\nzweite Zeile\\'
    assert field(p, "Notes") == "Beschreibung\nmit Zeilen\nErgebnis: Ergebnis <fertig>"
    values = {field(a, "FieldID"): field(a, "Value") for a in p.iterfind("p:ExtendedAttribute", N)}
    assert values == {"188743731": "p", "188743734": "Arbeitspaket", "188743737": "Kämmerei",
                      "188743746": "seed.txt: Lehre"}
    beschluss = task(root, "beschluss")
    values = {field(a, "FieldID"): field(a, "Value") for a in beschluss.iterfind("p:ExtendedAttribute", N)}
    assert values["188743740"] == "Rat der Stadt 11.05.2027"
    assert values["188743743"] == "Rat der Stadt"


def test_characters_xml_cannot_carry_are_left_out():
    plan = parse_plan('roadmap: 1\nproject: {name: "A\\u0001B\\rC", start: 2027-02-01}\n'
                      'packages:\n  - {id: a, name: "x\\u0000y\\u000bz\\r\\nw", duration: 1d}\n')
    text = mspdi_text(schedule(plan))
    root = ET.fromstring(text.encode("utf-8"))
    assert field(root, "Title") == "AB\rC"
    assert root.find("p:Tasks/p:Task", N).findtext("p:Name", namespaces=N) == "xyz\r\nw"


def test_english_words():
    result = schedule(load_plan(INTEROP))
    root = ET.fromstring(mspdi_text(result, "en").encode("utf-8"))
    aliases = [field(a, "Alias") for a in root.iterfind("p:ExtendedAttributes/p:ExtendedAttribute", N)]
    assert aliases[:2] == ["Roadmap ID", "Kind"]
    assert field(root.find("p:Calendars/p:Calendar", N), "Name") == "Standard (public holidays NW)"
    assert field(task(root, "p"), "Notes").endswith("Deliverable: Ergebnis <fertig>")


def test_same_output_on_every_run():
    assert mspdi_text(schedule(load_plan(INTEROP))) == mspdi_text(schedule(load_plan(INTEROP)))


# ---- import ---------------------------------------------------------------------------


def dates(result):
    # a recurring milestone goes to MS Project as a task over its occurrences (docs/scheduling.md)
    return {p.id: ("task" if p.exported_span and p.kind == "milestone" else p.kind, p.start, p.finish)
            for p in result.packages}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_export_then_import_gives_the_same_schedule(name):
    original = schedule(PLANS[name]())
    imported = import_mspdi(mspdi_text(original).encode("utf-8"), f"{name}.xml")
    again = schedule(parse_plan(imported.text, "imported.yaml"))
    assert dates(again) == dates(original)
    assert imported.state == original.project.state
    assert [p.id for p in again.packages] == [p.id for g in original.phase_groups() for p in g[1]]
    assert {p.id: p.phase for p in again.packages} == {p.id: p.phase for p in original.packages}
    assert {p.id: p.name for p in again.packages} == {p.id: p.name for p in original.packages}


def test_import_carries_texts_calendar_and_constraints():
    original = schedule(load_plan(INTEROP))
    imported = import_mspdi(mspdi_text(original).encode("utf-8"), "interop.xml")
    plan = parse_plan(imported.text, "imported.yaml")
    p = next(x for x in plan.packages if x.id == "p")
    assert (p.owner, p.source, p.description.de, p.deliverable.de) == (
        "Kämmerei", "seed.txt: Lehre", "Beschreibung\nmit Zeilen", "Ergebnis <fertig>")
    assert p.not_before == dt.date(2027, 3, 1)
    nb = next(x for x in plan.packages if x.id == "nb")
    assert (nb.not_before, nb.deadline) == (dt.date(2027, 5, 31), dt.date(2027, 6, 10))
    assert [(c.start, c.end, c.name) for c in plan.calendar.closures] == [
        (dt.date(2027, 6, 1), dt.date(2027, 6, 2), "Umzug"),
        (dt.date(2027, 12, 23), dt.date(2027, 12, 31), "Betriebsruhe <Rathaus>")]
    assert plan.project.name == 'Zoo "<&>" ${HOME} $(HOME) ] \\'
    beschluss = next(x for x in plan.packages if x.id == "beschluss")
    assert (beschluss.kind, beschluss.body) == ("decision", "termin_beschluss")
    body = plan.bodies["termin_beschluss"]
    assert (body.name.de, body.sessions, body.lead_time.days) == ("Rat der Stadt", (dt.date(2027, 5, 11),), 0)
    links = {x.id: [(l.pred, l.type, l.lag.days, l.lag.elapsed) for l in x.after] for x in plan.packages}
    assert links["q5"] == [("p", "FS", -2, True)]
    assert links["q6"] == [("p", "FS", 5, False)]
    assert links["q16"] == [("p", "SF", 1, False)]
    assert [w.key for w in imported.warnings] == ["mspdi.warn.pinned"]


def test_import_recognises_the_land():
    plan = parse_plan("roadmap: 1\nproject: {name: B, state: BY, start: 2027-08-02}\n"
                      "packages:\n  - {id: a, name: a, duration: 20d}\n", "by.yaml")
    original = schedule(plan)
    assert import_mspdi(mspdi_text(original).encode("utf-8")).state == "BY"
    assert "Heilige Drei Könige" not in import_mspdi(mspdi_text(original).encode("utf-8")).text
    # Forced to NW, Bavaria's extra holidays stay days off as closures
    forced = import_mspdi(mspdi_text(original).encode("utf-8"), state="nw")
    assert (forced.state, forced.warnings) == ("NW", [])
    assert '{from: 2028-01-06, to: 2028-01-06, name: "Heilige Drei Könige"}' in forced.text
    # A NW file read as Bavarian: Bavaria's extra holidays are working days in the file
    nw = schedule(parse_plan(plan_text := "roadmap: 1\nproject: {name: N, state: NW, start: 2027-08-02}\n"
                             "packages:\n  - {id: a, name: a, duration: 20d}\n", "nw.yaml"))
    assert plan_text
    as_by = import_mspdi(mspdi_text(nw).encode("utf-8"), state="BY")
    assert [w.render("de") for w in as_by.warnings] == [
        "1 Feiertag(e) von BY sind in der Datei Arbeitstage (06.01.2028); im Plan sind sie frei"]


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Name>Fremd.xml</Name><StartDate>2027-03-01T08:00:00</StartDate><MinutesPerDay>480</MinutesPerDay>
  <CalendarUID>1</CalendarUID>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
    <WeekDays>
      <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
      <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
    </WeekDays>
    <Exceptions>
      <Exception><TimePeriod><FromDate>2027-03-26T00:00:00</FromDate><ToDate>2027-03-26T23:59:59</ToDate></TimePeriod>
        <Name>Karfreitag</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>
      <Exception><TimePeriod><FromDate>2027-03-10T00:00:00</FromDate><ToDate>2027-03-11T23:59:59</ToDate></TimePeriod>
        <Name>Klausur</Name><Type>1</Type><DayWorking>0</DayWorking></Exception>
      <Exception><TimePeriod><FromDate>2027-03-13T00:00:00</FromDate><ToDate>2027-03-13T23:59:59</ToDate></TimePeriod>
        <Name>Samstagsdienst</Name><Type>1</Type><DayWorking>1</DayWorking></Exception>
    </Exceptions></Calendar></Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Fremd</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
    <Task><UID>1</UID><ID>1</ID><Name>Phase A</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Unterphase</Name><OutlineLevel>2</OutlineLevel><Summary>1</Summary></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Konzept schreiben</Name><OutlineLevel>3</OutlineLevel>
      <Duration>PT40H0M0S</Duration><DurationFormat>7</DurationFormat><Cost>1000</Cost>
      <PercentComplete>50</PercentComplete><ConstraintType>1</ConstraintType></Task>
    <Task><UID>4</UID><ID>4</ID><Name>Abstimmen</Name><OutlineLevel>2</OutlineLevel>
      <Duration>PT12H0M0S</Duration><DurationFormat>5</DurationFormat><Manual>1</Manual><CalendarUID>7</CalendarUID>
      <PredecessorLink><PredecessorUID>3</PredecessorUID><Type>3</Type><LinkLag>9600</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
    </Task>
    <Task><UID>5</UID><ID>5</ID><Name>Fertig</Name><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone>
      <Duration>PT0H0M0S</Duration><ConstraintType>2</ConstraintType><ConstraintDate>2027-04-01T08:00:00</ConstraintDate>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>14400</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
      <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink>
    </Task>
    <Task><UID>6</UID><ID>6</ID><Name>Alt</Name><OutlineLevel>1</OutlineLevel><Active>0</Active>
      <Duration>PT8H0M0S</Duration></Task>
  </Tasks>
  <Resources><Resource><UID>0</UID></Resource><Resource><UID>1</UID><Name>Frau Meier</Name><StandardRate>50</StandardRate></Resource></Resources>
  <Assignments><Assignment><UID>1</UID><TaskUID>3</TaskUID><ResourceUID>1</ResourceUID></Assignment></Assignments>
</Project>
"""


def test_import_of_a_foreign_file_warns_about_what_it_drops():
    result = import_mspdi(FOREIGN.encode("utf-8"), "fremd.xml")
    keys = [w.key for w in result.warnings]
    assert keys == ["mspdi.warn.working-exception", "mspdi.warn.inactive", "mspdi.warn.nested",
                    "mspdi.warn.alap", "mspdi.warn.rounded", "mspdi.warn.manual",
                    "mspdi.warn.task-calendar", "mspdi.warn.must", "mspdi.warn.unknown-link",
                    "mspdi.warn.resources", "mspdi.warn.costs", "mspdi.warn.progress"]
    rendered = [w.render("de") for w in result.warnings]
    assert rendered[-3] == ("1 Ressource(n) und 1 Zuordnung(en) nicht übernommen: roadmap plant mit "
                            "Dauern; tragen Sie Zuständigkeiten als 'owner' ein")
    assert rendered[4] == "'Abstimmen': Dauer oder Abstand von 1,50 Tagen auf ganze Tage gerundet"
    plan = parse_plan(result.text, "fremd.yaml")
    assert [(p.id, p.phase, p.kind, str(p.duration) if p.duration else None) for p in plan.packages] == [
        ("konzept_schreiben", "phase_a", "task", "5d"), ("abstimmen", "phase_a", "task", "2d"),
        ("fertig", None, "milestone", None)]
    assert [(l.pred, l.type, str(l.lag)) for l in plan.packages[1].after] == [("konzept_schreiben", "SS", "2d")]
    # the link from the summary task reaches every task in it
    assert [(l.pred, l.type, str(l.lag)) for l in plan.packages[2].after] == [
        ("konzept_schreiben", "FS", "1ed"), ("abstimmen", "FS", "1ed")]
    assert plan.packages[2].not_before == dt.date(2027, 4, 1)
    assert [(c.start, c.end, c.name) for c in plan.calendar.closures] == [
        (dt.date(2027, 3, 10), dt.date(2027, 3, 11), "Klausur")]
    assert (plan.project.name, plan.project.state, plan.project.start) == ("Fremd", "NW", dt.date(2027, 3, 1))
    result_dates = {p.id: (p.start.isoformat(), p.finish.isoformat()) for p in schedule(plan).packages}
    assert result_dates == {"konzept_schreiben": ("2027-03-01", "2027-03-05"),
                            "abstimmen": ("2027-03-03", "2027-03-04"),
                            "fertig": ("2027-04-01", "2027-04-01")}


@pytest.mark.parametrize("data, key", [
    (b"<Project", "mspdi.bad-xml"),
    (b"", "mspdi.bad-xml"),
    (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
     b'<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>', "mspdi.dtd"),
    (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b'<Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>', "mspdi.dtd"),
    (b"<plan><task/></plan>", "mspdi.not-mspdi"),
    (b'<Project xmlns="urn:other"/>', "mspdi.not-mspdi"),
    (b'<Project xmlns="http://schemas.microsoft.com/project"><Tasks/></Project>', "mspdi.no-tasks"),
])
def test_bad_files_are_one_sentence(data, key):
    with pytest.raises(MspdiError) as caught:
        import_mspdi(data, "x.xml")
    assert caught.value.args[0].key == key
    assert "\n" not in caught.value.render("de")


def test_unreadable_file(tmp_path):
    with pytest.raises(MspdiError) as caught:
        read_mspdi_file(tmp_path / "fehlt.xml")
    assert caught.value.render("de").startswith(f"'{tmp_path / 'fehlt.xml'}' kann nicht gelesen werden: ")


# ---- command line ---------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_cli_export_and_import_round_trip(tmp_path):
    xml = tmp_path / "plan.xml"
    result = run("export", INTEROP, "--format", "mspdi", "-o", xml)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{xml} geschrieben (MS-Project-XML): 37 Arbeitspakete.\n"
    assert "deadline-missed" not in result.stderr
    plan = tmp_path / "plan.yaml"
    result = run("import", xml, "-o", plan)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (f"Plan geschrieben: {plan} (37 Arbeitspakete, Feiertage von NW); "
                             f"weiter mit: roadmap check {plan}\n")
    assert result.stderr.startswith(f"{xml}: warning: Meilenstein 'Beschluss' ist auf das Ende des 11.05.2027 festgelegt")
    again = run("import", xml, "-o", plan)
    assert again.exit_code == 1
    assert "gibt es schon" in again.stderr and "Traceback" not in again.stderr
    assert run("import", xml, "-o", plan, "--force").exit_code == 0
    assert dates(schedule(load_plan(plan))) == dates(schedule(load_plan(INTEROP)))


def test_cli_default_name_english_and_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", ROOT / "tests/plans/rathaus.yaml", "--format", "mspdi", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Wrote rathaus.xml (MS Project XML): 5 work packages.\n"
    written = (tmp_path / "rathaus.xml").read_text(encoding="utf-8")
    assert written.startswith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project')
    assert "<Alias>Roadmap ID</Alias>" in written
    by_suffix = run("export", ROOT / "tests/plans/rathaus.yaml", "-o", tmp_path / "again.xml", "--lang", "en")
    assert by_suffix.exit_code == 0
    assert (tmp_path / "again.xml").read_text(encoding="utf-8") == written
    bad = tmp_path / "kaputt.xml"
    bad.write_text("<Project><Tasks>", encoding="utf-8")
    result = run("import", bad)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"'{bad}' ist keine gültige XML-Datei (Zeile 1: ")
    assert result.stderr.count("\n") == 1
    result = run("import", bad, "--lang", "en")
    assert result.stderr.startswith(f"'{bad}' is not a valid XML file")
    blocked = tmp_path / "blocked"
    blocked.write_text("", encoding="utf-8")
    result = run("export", ROOT / "tests/plans/rathaus.yaml", "--format", "mspdi", "-o", blocked / "x.xml")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1 and str(blocked) in result.stderr
    result = run("import", tmp_path / "nope.xml")
    assert (result.exit_code, result.stderr) == (
        1, f"'{tmp_path / 'nope.xml'}' kann nicht gelesen werden: No such file or directory\n")
    good = tmp_path / "gut.xml"
    good.write_text(mspdi_text(schedule(load_plan(INTEROP))), encoding="utf-8")
    result = run("import", good, "--state", "XX")
    assert result.exit_code == 1
    assert result.stderr.startswith("'XX' ist kein Kürzel eines Bundeslands; erlaubt sind BB, BE, BW, ")


def test_cli_never_overwrites_the_plan(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(INTEROP.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("export", plan, "--format", "tjp", "-o", plan)
    assert result.exit_code == 1
    assert plan.read_text(encoding="utf-8") == INTEROP.read_text(encoding="utf-8")
