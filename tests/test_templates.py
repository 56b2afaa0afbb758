"""The kickoff template, the default council calendar, docs/templates.md and the examples."""
from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import sys
from pathlib import Path

import holidays
import icalendar
import pytest

from roadmap.engine.calendar import school_holidays
from roadmap.templates import library as templating
from roadmap.templates.docs import templates_markdown
from roadmap.templates.newplan import default_plan_text, plan_text
from roadmap.templates.sessions import default_sessions
from roadmap.plan.loader import parse_plan
from roadmap.text.messages import render
from roadmap.engine.scheduler import schedule

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "roadmap" / "templates" / "kickoff.yaml"
SEEDS = ["000_0c3994058950306d.txt", "001_838b23b1ec3abc84.txt", "002_a3542c55856c0a67.txt",
         "003_6d42f9cb1d8bde6b.txt", "004_82b882a0826b9c61.txt"]
STATUS = dt.date(2027, 6, 1)
MONEY = {"own_budget": "haushaltsbeschluss", "funding_programme": "bewilligung"}
STAFFING = {"new_post": "ausschreibung", "internal_share": "stellenanteile"}


def template_text() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def combinations():
    plan = parse_plan(template_text(), "kickoff.yaml")
    keys = [spec.key for spec in plan.option_specs]
    values = [[value for value, _ in spec.choices] for spec in plan.option_specs]
    return [dict(zip(keys, combo)) for combo in itertools.product(*values)]


def months(start: dt.date, end: dt.date) -> float:
    return (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30.44


@pytest.fixture(scope="module")
def schedules():
    """Every option combination of the template, scheduled (about 12 s for 216 plans)."""
    text = template_text()
    result = []
    for options in combinations():
        plan = parse_plan(text, "kickoff.yaml", TEMPLATE.parent, options)
        result.append((options, plan, schedule(plan, STATUS)))
    return result


def test_template_has_the_required_options():
    plan = parse_plan(template_text(), "kickoff.yaml")
    specs = {spec.key: [value for value, _ in spec.choices] for spec in plan.option_specs}
    assert specs == {
        "start": ["funding_call", "mayor_declaration", "working_group"],
        "funding": ["own_budget", "funding_programme"],
        "staffing": ["new_post", "internal_share"],
        "consulting": ["none", "below_threshold", "eu_tender"],
        "participation": ["forum", "workshop", "online"],
        "anchoring": ["existing_structures", "new_unit"],
    }
    # every shown text has both languages
    for spec in plan.option_specs:
        assert spec.name.de and spec.name.en
        assert all(label.de and label.en for _, label in spec.choices)
    for package in plan.packages:
        assert package.name.de and package.name.en, package.id
    for item in list(plan.phases) + list(plan.roles.values()) + list(plan.bodies.values()):
        assert item.name.de and item.name.en, item.id


def test_every_combination_schedules_without_errors(schedules):
    assert len(schedules) == 3 * 2 * 2 * 3 * 3 * 2
    for options, plan, result in schedules:
        assert [d for d in result.diagnostics if d.severity == "error"] == [], options
        ids = {p.id for p in result.packages}
        # `when` keeps exactly the packages of the chosen path
        assert ("forum" in ids) == (options["participation"] == "forum")
        assert ("vergabe_eu" in ids) == (options["consulting"] == "eu_tender")
        assert ("beratung_start" in ids) == (options["consulting"] != "none")
        assert ("verortung_neu" in ids) == (options["anchoring"] == "new_unit")
        assert MONEY[options["funding"]] in ids and STAFFING[options["staffing"]] in ids
        # the strategy adoption ends the kickoff in every combination
        assert result.finish == result.package("strategiebeschluss").finish, options


def test_every_seed_document_is_cited():
    plan = parse_plan(template_text(), "kickoff.yaml")
    sources = [p.source for p in plan.packages]
    for seed in SEEDS:
        assert any(source.startswith(seed + ": ") for source in sources), seed
    for package in plan.packages:
        assert package.source.split(": ")[0] in SEEDS, package.id
        assert len(package.source.split(": ", 1)[1]) > 10, package.id


def test_decisions_land_on_session_dates_in_their_beratungsfolge(schedules):
    for options, plan, result in schedules:
        for decision in result.decisions():
            bodies = list(decision.via) + [decision.body]
            assert [c.body for c in decision.sessions] == bodies
            for consultation in decision.sessions:
                assert consultation.date in plan.bodies[consultation.body].sessions
            dates = [c.date for c in decision.sessions]
            assert dates == sorted(dates) and len(set(dates)) == len(dates)
            assert decision.finish == dates[-1], (options, decision.id)


def test_staffing_waits_for_the_money(schedules):
    for options, plan, result in schedules:
        money = result.package(MONEY[options["funding"]]).finish
        staffing = result.package(STAFFING[options["staffing"]])
        assert staffing.start > money, options
        assert result.package("finanzierung").finish >= money


def test_participation_avoids_school_holidays(schedules):
    checked = 0
    for options, plan, result in schedules:
        windows = result.school_holidays
        assert windows, "the NW school holidays must be loaded"
        for package in result.packages:
            if "school_holidays" in package.avoid:
                checked += 1
                for window in windows:
                    assert package.finish < window.start or package.start > window.end, (
                        options, package.id, window)
    assert checked == len(schedules)  # one participation format per combination


def test_kickoff_spans_12_to_30_months(schedules):
    spans = [months(result.start, result.package("strategiebeschluss").finish)
             for _, _, result in schedules]
    assert 12 <= min(spans) and max(spans) <= 30
    # measured on the template's calendar, levelled (project.level: true): 22.6 (funding
    # call, funding programme, internal share) .. 29.5 (working group, own budget, new
    # post, workshops, new unit: the core team's Mehrarbeit holds the analysis back)
    assert round(min(spans), 1) == 22.6 and round(max(spans), 1) == 29.5


def test_default_combination_dates_by_hand():
    result = schedule(parse_plan(template_text(), "kickoff.yaml"), STATUS)
    adoption = result.package("strategiebeschluss")
    # Förderbescheid: Eigenanteil decided 28.09.2027, 13 calendar weeks of waiting from
    # 29.09. end on 28.12.2027; 2w of Stellenanteile (31.12. works, 01.01. is a holiday)
    # end on 11.01.2028; 140 working days of strategy from 12.01. (minus Karfreitag,
    # Ostermontag, 1. Mai, Himmelfahrt, Pfingstmontag, Fronleichnam) end on 02.08.2028.
    assert result.package("bewilligung").finish == dt.date(2027, 12, 28)
    assert result.package("arbeitsebene").finish == dt.date(2028, 1, 11)
    assert result.package("strategie_entwurf").finish == dt.date(2028, 8, 2)
    # 4w Abstimmung to 30.08., 3w Vorlage: ready at the closing of Wed 20.09.2028; + 3w
    # lead (03.10. is a holiday) = closing of 12.10.2028; the DigA session of 29.08. is
    # past, so the chain 07.11. -> 14.11. -> 28.11.2028.
    assert result.package("vorlage_strategie").finish == dt.date(2028, 9, 20)
    assert [(c.body, c.date) for c in adoption.sessions] == [
        ("digital", dt.date(2028, 11, 7)), ("hfa", dt.date(2028, 11, 14)), ("rat", dt.date(2028, 11, 28))]
    # Grundsatzbeschluss and Eigenanteil are decided in the same council session after the summer
    assert result.package("grundsatzbeschluss").finish == dt.date(2027, 9, 28)
    assert result.package("eigenanteil").finish == dt.date(2027, 9, 28)


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
    for fa, hfa, rat in zip(sessions["digital"], sessions["hfa"], sessions["rat"]):
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
    assert "# Beratungsfolge Fachausschuss -> HFA -> Rat, etwa 4 Wochen (DOMAIN.md §1)." in text
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
    assert committed.count("| `") >= 45 + 6  # every package and option has a row


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
    assert result.finish.year == 2028  # the sample calendars run to the end of 2028
    calendar = icalendar.Calendar.from_ical((ROOT / "examples" / f"{town}.ics").read_bytes())
    assert "BEISPIELDATEN" in str(calendar["X-WR-CALDESC"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = calendar.walk("VEVENT")
    assert {e["DTSTART"].params["TZID"] for e in events} == {"Europe/Berlin"}
    assert {e["DTSTART"].dt.hour for e in events} <= {16, 17, 18}
    assert sum(str(e.get("STATUS")) == "CANCELLED" for e in events) == 1
    assert sum("entfällt" in str(e["SUMMARY"]) for e in events) == 1
