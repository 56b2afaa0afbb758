"""The kickoff template, the default council calendar, docs/templates.md and the examples."""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import holidays
import icalendar
import pytest

from roadmap.engine.calendar import school_holidays
from roadmap.templates import library as templating
from roadmap.templates.docs import _package_comments, lesson_rows, templates_markdown
from roadmap.templates.lessons import CARRIED, LEFT_OUT
from roadmap.templates.newplan import default_plan_text, plan_text
from roadmap.templates.sessions import default_sessions
from roadmap.plan.loader import parse_plan
from roadmap.plan.yamlio import load_plain
from roadmap.text.messages import render
from roadmap.engine.scheduler import schedule

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "roadmap" / "templates" / "kickoff.yaml"
STATUS = dt.date(2027, 6, 1)
#: "Titel, Ort, Jahr: „Passage“" (issue 13): readable in Excel and on hover, no file names
CITATION = re.compile(r"^[^:„“]+, [^:„“]+, (\d{4}|o\. J\.): „.+“$")
#: wording a council stumbles on, and gender forms the project does not use (context of issue 13)
STUMBLE = ["Allianz der Willigen", "Motivation ist ausgesprochen", "neue Kraft", "Verwaltungsvorstand gewinnen",
           "*in", ":in", "/ des", "/ der", "Innen "]


def template_text() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def template_plan(options=None):
    return parse_plan(template_text(), "kickoff.yaml", TEMPLATE.parent, options)


def test_template_has_the_required_options():
    plan = template_plan()
    specs = {spec.key: [value for value, _ in spec.choices] for spec in plan.option_specs}
    assert specs == {
        "start": ["funding_call", "mayor_declaration", "working_group"],
        "funding": ["own_budget", "funding_programme", "two_stage"],
        "call_deadline": [],  # a date option (type: date, default none)
        "approval": ["session", "urgent", "later"],
        "early_start": ["not_requested", "requested"],
        "budget": ["regular", "nachtrag", "ueberplanmaessig", "haushaltssicherung"],
        "staffing": ["new_post", "internal_share"],
        "consulting": ["none", "below_threshold", "eu_tender"],
        "participation": ["forum", "workshop", "online"],
        "anchoring": ["existing_structures", "new_unit"],
    }
    assert [(s.kind, s.default) for s in plan.option_specs if s.key == "call_deadline"] == [("date", "none")]
    # every shown text has both languages
    for spec in plan.option_specs:
        assert spec.name.de and spec.name.en
        assert all(label.de and label.en for _, label in spec.choices)
    for package in plan.packages:
        assert package.name.de and package.name.en, package.id
    for item in list(plan.phases) + list(plan.roles.values()) + list(plan.bodies.values()):
        assert item.name.de and item.name.en, item.id


def test_every_source_is_a_readable_citation_with_a_passage():
    plan = template_plan()
    for package in plan.packages:
        assert CITATION.match(package.source), (package.id, package.source)
        assert ".txt" not in package.source and len(package.source.split(": „", 1)[1]) > 20, package.id
    cited = {package.source.split(": „")[0] for package in plan.packages}
    assert {"Interview Stadt Plettenberg (Jonas Borgmann), Smart City Südwestfalen, 2021",
            "Leitfaden #01 Smart-City-Prozess starten, Smart City Südwestfalen, 2020",
            "Interview Stadt Soest (Stephan Siegert), Smart City Südwestfalen, 2021",
            "Die 10 ersten Schritte zur smarten Kommune, o. O., o. J.",
            "Workshop Kooperationsformen in der Smart City, 13. Regionalkonferenz, Gelsenkirchen und Bochum, o. J.",
            } <= cited


def test_every_duration_has_its_basis_in_a_comment():
    notes = _package_comments(template_text())
    for package in template_plan().packages:
        if package.kind == "task" or package.repeat is not None:
            assert re.search(r"DOMAIN\.md §\d+|\[E\]", notes.get(package.id, "")), package.id


def test_wording_a_council_reads_without_stumbling():
    plan = template_plan()
    texts = [p.name.de for p in plan.packages] + [p.description.de for p in plan.packages]
    texts += [p.deliverable.de for p in plan.packages] + [r.name.de for r in plan.roles.values()]
    texts += [label.de for spec in plan.option_specs for _, label in spec.choices]
    for text in texts:
        for phrase in STUMBLE:
            assert phrase not in text, (phrase, text)


def test_the_working_group_is_formed_once_and_the_declaration_needs_no_persuading():
    for start, formed in [("working_group", ["ag_gruendung"]), ("funding_call", ["kernteam"]),
                          ("mayor_declaration", ["kernteam"])]:
        result = schedule(template_plan({"start": start}), STATUS)
        ids = [p.id for p in result.packages]
        assert [i for i in ids if i in ("ag_gruendung", "kernteam")] == formed
        assert ("chefsache" in ids) == (start != "mayor_declaration")
        assert ("foerderrecherche" in ids) == (start != "funding_call")


def test_default_combination_dates_by_hand():
    result = schedule(template_plan(), STATUS)
    pkg = result.package
    # Vorlage ready at the closing of Thu 20.05.2027 (levelled); 3 weeks' lead = 15 working
    # days (Fronleichnam 27.05. is a holiday) end with the closing of 11.06.; the DigA meets
    # on a later date: 15.06. -> HFA 22.06. -> Rat 06.07.2027, before the summer break.
    assert pkg("vorlage_grundsatz").finish == dt.date(2027, 5, 20)
    assert [(c.body, c.date) for c in pkg("grundsatzbeschluss").sessions] == [
        ("fachausschuss", dt.date(2027, 6, 15)), ("hauptausschuss", dt.date(2027, 6, 22)), ("rat", dt.date(2027, 7, 6))]
    # the own share is bid for by 20.04.2027, before the treasury's deadline 30.06.2027:
    # budget 2028, in force on Tue 15.02.2028 (vorläufige Haushaltsführung until then)
    assert pkg("eigenanteil_anmelden").finish == dt.date(2027, 4, 20)
    assert pkg("haushalt_inkraft").finish == dt.date(2028, 2, 15)
    # submitted with the council decision of 28.09.2027; 13 calendar weeks from 29.09. end
    # on 28.12.2027, inside the closure 24.-31.12.: the Bescheid counts from Mon 03.01.2028
    assert pkg("einreichung").finish == dt.date(2027, 9, 28)
    assert pkg("bescheid_warten").finish == dt.date(2027, 12, 28)
    assert pkg("bewilligung").finish == dt.date(2028, 1, 3)
    assert pkg("finanzierung").finish == dt.date(2028, 2, 15)
    # shares of existing posts are the head of administration's order: no wait for money
    assert pkg("stellenanteile").finish == dt.date(2027, 4, 27) < pkg("finanzierung").finish
    # the consultant (UVgO, from the existing budget line) is contracted in month 6, as in Soest
    assert pkg("beratung_start").finish == dt.date(2027, 6, 18)
    # the council confirms the focus (VV proposal of 30.07.2027) in its September session
    assert pkg("fokus_beschluss").finish == dt.date(2027, 9, 28)
    # Vorlage zur Strategie ready at the closing of 11.04.2028 (levelled); 15 working days
    # (01.05. is a holiday) end with the closing of 03.05.: DigA 13.06. and StEA 14.06. in one
    # Sitzungsfolge, HFA 20.06., Rat 04.07.2028
    assert pkg("vorlage_strategie").finish == dt.date(2028, 4, 11)
    assert [(c.body, c.date) for c in pkg("strategiebeschluss").sessions] == [
        ("fachausschuss", dt.date(2028, 6, 13)), ("stadtentwicklung", dt.date(2028, 6, 14)),
        ("hauptausschuss", dt.date(2028, 6, 20)), ("rat", dt.date(2028, 7, 4))]
    assert result.finish == dt.date(2028, 7, 4)
    # recurring: a progress report in every DigA session from the Grundsatzbeschluss until
    # the Vorlage zur Strategie
    assert [start for start, _ in pkg("sachstandsbericht").occurrences] == [
        dt.date(2027, 9, 7), dt.date(2027, 11, 9), dt.date(2028, 1, 11), dt.date(2028, 3, 7)]
    # the steering group every 8 weeks = 40 working days: Karfreitag and Ostermontag move
    # the second meeting from Mon 26.04. to Wed 28.04.2027
    steering = [start for start, _ in pkg("lenkungskreis").occurrences]
    assert steering[:2] == [dt.date(2027, 3, 1), dt.date(2027, 4, 28)]


def test_a_new_post_starts_after_a_notice_period_to_the_quarter_end():
    result = schedule(template_plan({"staffing": "new_post"}), STATUS)
    notice, start = result.package("kuendigungsfrist"), result.package("dienstantritt")
    assert notice.finish.month in (3, 6, 9, 12) and (notice.finish + dt.timedelta(days=7)).month != notice.finish.month
    assert start.finish > notice.finish and start.finish.day <= 4  # first working day of the quarter
    assert result.package("einstellung").start > result.package("finanzierung").finish
    assert result.package("ausschreibung").start <= result.package("bewilligung").finish  # "vorbehaltlich"


def test_a_call_deadline_that_cannot_be_met_says_which_step_is_late():
    result = schedule(template_plan({"start": "funding_call", "call_deadline": "2027-05-31"}), STATUS)
    late = [d for d in result.diagnostics if d.code == "deadline-missed"]
    assert len(late) == 1
    text = render(late[0].message, "de")
    assert text.startswith("Arbeitspaket 'einreichung' endet am ") and "nach seiner Frist 31.05.2027" in text
    assert "Grund: " in text


# ---- the default council calendar -------------------------------------------------------


def test_template_sessions_are_the_default_calendar():
    plan = parse_plan(template_text(), "kickoff.yaml")
    generated = default_sessions("NW", dt.date(2027, 1, 11))
    for body_id, dates in generated.items():
        assert list(plan.bodies[body_id].sessions) == dates


def test_default_sessions_nw_2027():
    sessions = default_sessions("NW", dt.date(2027, 1, 11))
    first_year = {body: [d for d in dates if d.year == 2027] for body, dates in sessions.items()}
    # Chains on Tuesdays; the March chain moves before the Easter holidays (22.03.-03.04.),
    # the summer holidays (19.07.-31.08.) have none.
    assert first_year["rat"] == [dt.date(2027, 2, 2), dt.date(2027, 3, 16), dt.date(2027, 5, 11),
                                 dt.date(2027, 7, 6), dt.date(2027, 9, 28), dt.date(2027, 11, 30)]
    for fa, hfa, rat in zip(sessions["fachausschuss"], sessions["hauptausschuss"], sessions["rat"]):
        assert (hfa - fa).days == 7 and (rat - hfa).days == 14
    school = holidays.Germany(subdiv="NW", years=range(2027, 2030), categories=("school",))
    public = holidays.Germany(subdiv="NW", years=range(2027, 2030))
    for dates in sessions.values():
        for day in dates:
            assert day.weekday() < 5 and day not in public and day not in school, day
        for year in (2027, 2028):
            assert 5 <= sum(d.year == year for d in dates) <= 7


def test_default_sessions_after_the_school_holiday_data_ends():
    # holidays has KMK data up to 2029; later years keep July/August and Christmas free
    sessions = default_sessions("NW", dt.date(2030, 1, 1))
    for day in sessions["rat"]:
        assert day.month not in (7, 8)
        assert not (day.month == 12 and day.day >= 23) and not (day.month == 1 and day.day <= 6)


def test_default_sessions_rejects_an_unknown_land():
    with pytest.raises(templating.TemplateError, match="'XX' ist kein Kürzel eines Bundeslands"):
        default_sessions("XX", dt.date(2027, 1, 1))


def test_default_plan_text():
    text = default_plan_text(dt.date(2026, 11, 20))
    plan = parse_plan(text, "default.yaml")
    assert plan.project.start == dt.date(2026, 12, 7)  # first Monday of December 2026
    assert plan.project.municipality == "Musterstadt" and plan.project.state == "NW"
    assert plan.options == {spec.key: spec.default for spec in plan.option_specs}
    assert "BEISPIELTERMINE" in text
    result = schedule(plan, STATUS)
    assert result.package("strategiebeschluss").kind == "decision"
    assert templating.default_start(dt.date(2026, 12, 31)) == dt.date(2027, 1, 4)


def test_plan_text_keeps_the_template_comments():
    text = plan_text(town="Olpe", start=dt.date(2027, 3, 1), file_name="olpe.yaml")
    assert text.startswith("# Fahrplan „Smart-City-Kickoff Olpe“ – erstellt mit `roadmap new`")
    assert "# Beratungsfolge Fachausschuss -> Haupt- und Finanzausschuss -> Rat, etwa 4 Wochen (DOMAIN.md §1)." in text
    assert "  municipality: \"Olpe\"\n" in text
    assert "roadmap check olpe.yaml" in text


def test_apply_options_errors():
    info = templating.load_template("kickoff")
    with pytest.raises(templating.TemplateError, match="hat keine Option 'fundng'"):
        templating.apply_options(info, {"fundng": "own_budget"})
    with pytest.raises(templating.TemplateError, match="'cash' ist keine Auswahl der Option 'funding'"):
        templating.apply_options(info, {"funding": "cash"})
    with pytest.raises(templating.TemplateError, match="es gibt keine Vorlage 'nope'") as error:
        templating.load_template("nope")
    assert render(error.value, "en") == "there is no template 'nope'; available: kickoff"


# ---- generated files are up to date -----------------------------------------------------


def test_docs_templates_md_is_generated():
    committed = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    assert committed == templates_markdown(), "run: python -m roadmap.templates.docs"
    assert "${" not in committed  # the words of NW, not placeholders


def test_the_lessons_table_holds_every_source_and_names_only_what_exists():
    committed = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    table = committed[committed.index("### Lektionen und wo sie stecken"):]
    plan = template_plan()
    for package in plan.packages:
        citation, passage = package.source.split(": „", 1)
        assert f"| {citation} | „{passage} | " in table, package.id
    packages = {p.id for p in plan.packages}
    options = {spec.key: {v for v, _ in spec.choices} for spec in plan.option_specs}
    data = load_plain(template_text())

    def exists(target: str) -> bool:
        kind, _, rest = target.partition(":")
        if kind == "option":
            key, _, value = rest.partition("=")
            return key in options and (not value or value in options[key])
        if kind == "rule":
            node = data
            for part in rest.split("."):
                if not isinstance(node, dict) or part not in node:
                    return False
                node = node[part]
            return True
        return target in packages

    for citation, passage, targets, note in CARRIED:
        assert targets and all(exists(t) for t in targets), (passage, targets)
    for row in LEFT_OUT:
        assert len(row) == 3 and row[2]  # left out, with the reason
    rows = lesson_rows(plan)
    assert len(rows) == len({p.source for p in plan.packages}) + len(CARRIED) + len(LEFT_OUT)
    for _, _, carried_by, _ in rows:
        named = re.findall(r"`([^`]+)`", carried_by)
        assert named or carried_by == "– (weggelassen)"
        for name in named:
            assert (name in packages or exists("rule:" + name)
                    or exists("option:" + name)), name


def _make_calendars():
    spec = importlib.util.spec_from_file_location("make_calendars", ROOT / "examples" / "make_calendars.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_calendars"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_examples_are_generated():
    for path, data in _make_calendars().outputs().items():
        assert path.read_bytes() == data, f"{path.name} is stale; run: python examples/make_calendars.py"


@pytest.mark.parametrize("town", ["plettenberg", "soest"])
def test_examples_schedule_on_their_ics_calendars(town):
    from roadmap.plan.loader import load_plan

    plan = load_plan(ROOT / "examples" / f"{town}.yaml")
    assert {body.sessions_source for body in plan.bodies.values()} == {f"{town}.ics"}
    assert sum(len(body.cancelled) for body in plan.bodies.values()) == 2  # CANCELLED + "entfällt"
    summer = [w for w in school_holidays("NW", 2027, 2028) if w.name.startswith("Sommer")]
    for body in plan.bodies.values():
        assert 5 <= len([d for d in body.sessions if d.year == 2027]) <= 7
        for day in body.sessions:
            assert not any(w.start <= day <= w.end for w in summer)
    result = schedule(plan)
    assert not [d for d in result.diagnostics if d.severity == "error"]
    assert result.finish.year <= 2029  # the sample calendars run to the end of 2029
    calendar = icalendar.Calendar.from_ical((ROOT / "examples" / f"{town}.ics").read_bytes())
    # the plan names each committee as its own calendar does (issue 13)
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    raw = load_plain((ROOT / "examples" / f"{town}.yaml").read_text(encoding="utf-8"))["bodies"]
    for body_id, body in plan.bodies.items():
        match = raw[body_id]["match"]
        assert match in body.name.de.replace("Rat der", "Rates der"), (body.name.de, match)
        assert any(match in summary for summary in summaries)
    assert "BEISPIELDATEN" in str(calendar["X-WR-CALDESC"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = calendar.walk("VEVENT")
    assert {e["DTSTART"].params["TZID"] for e in events} == {"Europe/Berlin"}
    assert {e["DTSTART"].dt.hour for e in events} <= {16, 17, 18}
    assert sum(str(e.get("STATUS")) == "CANCELLED" for e in events) == 1
    assert sum("entfällt" in str(e["SUMMARY"]) for e in events) == 1


def test_the_examples_follow_their_seeds():
    from roadmap.plan.loader import load_plan

    soest = load_plan(ROOT / "examples" / "soest.yaml")
    # Soest: the federal call "kam uns sehr gelegen", the region chose five towns first (two
    # stages), "Projektantrag sowie die damit verbundene Stellenausschreibung": a new post
    assert {k: soest.options[k] for k in ("start", "funding", "staffing", "participation")} == {
        "start": "funding_call", "funding": "two_stage", "staffing": "new_post", "participation": "workshop"}
    result = schedule(soest)
    assert result.package("skizze_eingereicht").finish <= dt.date(2027, 5, 31)  # the call's deadline
    assert result.package("ausschreibung").start < result.package("bewilligung").finish  # vorbehaltlich
    assert not [d for d in result.diagnostics if d.code == "deadline-missed"]
    plettenberg = load_plan(ROOT / "examples" / "plettenberg.yaml")
    # Plettenberg: a working group, no funding ("zunächst keinerlei Budget"), 20 % shares
    assert {k: plettenberg.options[k] for k in ("start", "funding", "staffing", "participation")} == {
        "start": "working_group", "funding": "own_budget", "staffing": "internal_share", "participation": "forum"}
