"""Land profiles (issue 13): every Land's words, bodies, session rhythm and budget defaults;
``roadmap new --state X`` in that Land's words; date options on the template side; the
Hessen and Bayern examples."""
from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import sys
from pathlib import Path

import holidays
import pytest
import yaml
from click.testing import CliRunner

from roadmap.cli import cli
from roadmap.engine.calendar import school_holidays
from roadmap.engine.scheduler import schedule
from roadmap.plan.loader import STATES, load_plan, parse_plan
from roadmap.plan.model import OptionSpec, Text
from roadmap.templates import library, newplan, wizard
from roadmap.templates.laender import (KEYS_DE, KEYS_EN, ROLES, fill, land_codes, land_profile,
                                       role_of, unknown_placeholders)
from roadmap.templates.library import TemplateError, TemplateInfo, apply_options, load_template
from roadmap.templates.newplan import default_plan_text, plan_text
from roadmap.templates.sessions import default_sessions
from roadmap.text.messages import render

ROOT = Path(__file__).resolve().parent.parent
START = dt.date(2027, 1, 11)
STATUS = dt.date(2027, 1, 11)
CODES = ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH")


def invoke(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


# ---- the profiles --------------------------------------------------------------------------


def test_there_is_a_profile_for_every_land():
    assert sorted(land_codes()) == sorted(CODES) == sorted(STATES)
    shipped = sorted(p.stem for p in (ROOT / "roadmap" / "templates" / "laender").glob("*.yaml"))
    assert shipped == sorted(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_profile_has_every_word_body_rhythm_budget_and_source(code):
    profile = land_profile(code)
    assert list(profile.words["de"]) == list(KEYS_DE)
    assert list(profile.words["en"]) == list(KEYS_EN)
    assert all(value.strip() for value in profile.words["de"].values())
    assert all(value.strip() for value in profile.words["en"].values())
    assert set(profile.bodies) == set(ROLES)
    for body in profile.bodies.values():
        assert body.name.de and body.name.en and body.short and re.fullmatch(r"\d+w", body.lead_time)
    rhythm = profile.rhythm
    assert 28 <= rhythm.cycle_days <= 63 and 21 <= rhythm.min_gap_days <= rhythm.cycle_days
    assert rhythm.offsets["fachausschuss"] == 0 < rhythm.offsets["hauptausschuss"] < rhythm.offsets["rat"]
    for key in ("bid_deadline", "in_force"):
        month, day = map(int, profile.budget[key].split("-"))
        dt.date(2027, month, day)  # a real day of the year
    code_data = profile.data["municipal_code"]
    for key in ("short", "name", "url", "council_powers", "urgent_decision", "budget"):
        assert code_data[key], key
    assert profile.data["sources"]["checked"]
    assert profile.words["de"]["Gemeindeordnung"] == code_data["short"]
    # the Land's urgent-decision rule is cited in the German and the English word
    assert profile.words["de"]["Dringlichkeitsentscheidung"]
    assert profile.words["en"]["urgent_decision"]


def test_the_words_of_nw_he_and_by():
    nw, he, by = land_profile("NW"), land_profile("HE"), land_profile("BY")
    assert [nw.word(k) for k in ("Rat", "des_Rates", "im_Rat", "Ratsbeschluss", "Hauptausschuss",
                                 "Verwaltungsvorstand", "des_Verwaltungsvorstands",
                                 "Dringlichkeitsentscheidung", "Gemeindeordnung",
                                 "Personalvertretungsgesetz", "Aufsicht")] == [
        "Rat", "des Rates", "im Rat", "Ratsbeschluss", "Haupt- und Finanzausschuss", "Verwaltungsvorstand",
        "des Verwaltungsvorstands", "Dringlichkeitsentscheidung (§ 60 GO NRW)", "GO NRW", "LPVG NRW",
        "Kommunalaufsicht"]
    assert [he.word(k) for k in ("Rat", "des_Rates", "im_Rat", "den_Rat", "Ratsbeschluss",
                                 "Verwaltungsvorstand", "des_Verwaltungsvorstands", "Gemeindeordnung",
                                 "Personalvertretungsgesetz")] == [
        "Stadtverordnetenversammlung", "der Stadtverordnetenversammlung",
        "in der Stadtverordnetenversammlung", "die Stadtverordnetenversammlung",
        "Beschluss der Stadtverordnetenversammlung", "Magistrat", "des Magistrats", "HGO", "HPVG"]
    assert he.word("Dringlichkeitsentscheidung") == "Sondersitzung mit verkürzter Ladungsfrist (§ 58 Abs. 1 HGO)"
    assert [by.word(k) for k in ("Rat", "des_Rates", "im_Rat", "Ratsbeschluss", "Verwaltungsvorstand",
                                 "des_Verwaltungsvorstands", "Dringlichkeitsentscheidung",
                                 "Gemeindeordnung", "Personalvertretungsgesetz", "Aufsicht")] == [
        "Stadtrat", "des Stadtrats", "im Stadtrat", "Stadtratsbeschluss", "Verwaltungsspitze",
        "der Verwaltungsspitze", "dringliche Anordnung (Art. 37 Abs. 3 GO)", "GO", "BayPVG",
        "Rechtsaufsichtsbehörde"]
    assert land_profile("NI").word("Hauptausschuss") == "Verwaltungsausschuss"
    assert land_profile("NI").word("Dringlichkeitsentscheidung") == "Eilentscheidung (§ 89 NKomVG)"
    assert he.word("council", "en") == "municipal assembly" and by.word("councils", "en") == "town council's"


def test_fill_replaces_german_and_english_keys_and_leaves_unknown_ones():
    text = ('name: {de: "Vorlage an ${den_Rat}; ${Ratsbeschluss} nach ${Gemeindeordnung}", '
            'en: "Paper for the ${council}; ${council_decision} (${municipal_code})"}  # ${im_Rat}\n'
            "x: ${Unbekannt}\n")
    assert fill(text, land_profile("HE")) == (
        'name: {de: "Vorlage an die Stadtverordnetenversammlung; Beschluss der '
        'Stadtverordnetenversammlung nach HGO", en: "Paper for the municipal assembly; decision of '
        'the municipal assembly (HGO)"}  # in der Stadtverordnetenversammlung\nx: ${Unbekannt}\n')
    assert unknown_placeholders(text) == ["Unbekannt"]


def test_the_templates_use_only_known_placeholders():
    for path in (ROOT / "roadmap" / "templates").glob("*.yaml"):
        assert unknown_placeholders(path.read_text(encoding="utf-8")) == [], path.name


def test_role_of_maps_the_old_and_new_body_ids():
    assert [role_of(i) for i in ("fachausschuss", "digital", "hauptausschuss", "hfa", "rat",
                                 "stadtentwicklung", "bauausschuss")] == [
        "fachausschuss", "fachausschuss", "hauptausschuss", "hauptausschuss", "rat", "stadtentwicklung", None]


# ---- the default sessions in each Land's rhythm --------------------------------------------


def test_nw_sessions_are_unchanged():
    sessions = default_sessions("NW", START, bodies=["fachausschuss", "hauptausschuss", "rat"])
    assert [d for d in sessions["rat"] if d.year == 2027] == [
        dt.date(2027, 2, 2), dt.date(2027, 3, 16), dt.date(2027, 5, 11), dt.date(2027, 7, 6),
        dt.date(2027, 9, 28), dt.date(2027, 11, 30)]


def test_by_stadtrat_meets_monthly_with_a_summer_break():
    sessions = default_sessions("BY", START, bodies=["fachausschuss", "hauptausschuss", "rat"])
    # Bavaria 2027: Sommerferien 02.08.-13.09. (KMK data in holidays); chains every 4 weeks,
    # Fachausschuss on Tuesday, HFA a week later, Stadtrat a week after that.
    assert [d for d in sessions["rat"] if d.year == 2027] == [
        dt.date(2027, 1, 26), dt.date(2027, 3, 2), dt.date(2027, 4, 20), dt.date(2027, 5, 11),
        dt.date(2027, 6, 15), dt.date(2027, 7, 13), dt.date(2027, 9, 28), dt.date(2027, 10, 26),
        dt.date(2027, 11, 23), dt.date(2027, 12, 21)]
    for fa, ha, rat in zip(sessions["fachausschuss"], sessions["hauptausschuss"], sessions["rat"]):
        assert (ha - fa).days == 7 and (rat - ha).days == 7


def test_he_assembly_about_every_six_weeks():
    sessions = default_sessions("HE", START, bodies=["rat"])
    assert [d for d in sessions["rat"] if d.year == 2027] == [
        dt.date(2027, 2, 2), dt.date(2027, 3, 16), dt.date(2027, 4, 27), dt.date(2027, 6, 8),
        dt.date(2027, 8, 24), dt.date(2027, 9, 28), dt.date(2027, 11, 9), dt.date(2027, 12, 21)]


@pytest.mark.parametrize("code", CODES)
def test_sessions_respect_the_summer_recess_and_holidays(code):
    bodies = ["fachausschuss", "stadtentwicklung", "hauptausschuss", "rat"]
    sessions = default_sessions(code, START, bodies=bodies)
    summers = [w for w in school_holidays(code, 2027, 2029) if w.name.startswith("Sommer")]
    assert {w.start.year for w in summers} >= {2027, 2028}
    public = holidays.Germany(subdiv=code, years=range(2027, 2031))
    for body in bodies:
        assert len(sessions[body]) >= 15, body  # at least 5 Sitzungsfolgen a year
        for day in sessions[body]:
            assert day.weekday() < 5 and day not in public, (body, day)
            assert not any(w.start <= day <= w.end for w in summers), (body, day)
    for fa, st, ha in zip(sessions["fachausschuss"], sessions["stadtentwicklung"], sessions["hauptausschuss"]):
        assert fa < st < ha and (st - fa).days <= 3  # the parallel committee: same week


# ---- roadmap new --state X -----------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_roadmap_new_writes_a_plan_in_every_land_that_schedules(code, tmp_path):
    path = tmp_path / f"plan-{code}.yaml"
    result = invoke("new", path, "--town", "Teststadt", "--state", code, "--start", "11.01.2027",
                    "--no-interactive")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "${" not in text
    plan = load_plan(path)
    profile = land_profile(code)
    assert plan.project.state == code
    council = [b for b in plan.bodies if role_of(b) == "rat"]
    assert [plan.bodies[b].name.de for b in council] == [profile.bodies["rat"].name.de]
    assert plan.budget is not None
    assert plan.budget.in_force == tuple(map(int, profile.budget["in_force"].split("-")))
    result = schedule(plan, STATUS)
    finish = result.package("strategiebeschluss").finish
    months = (finish.year - START.year) * 12 + finish.month - START.month
    assert 12 <= months <= 30, finish


def test_kassel_keeps_its_own_rhythm():
    # Kassel: the assembly about monthly on a Monday, committees on the Thursdays before
    plan = load_plan(ROOT / "examples" / "kassel.yaml")
    council = next(plan.bodies[b] for b in plan.bodies if role_of(b) == "rat")
    main = next(plan.bodies[b] for b in plan.bodies if role_of(b) == "hauptausschuss")
    assert main.name.de == "Ausschuss für Finanzen, Wirtschaft und Grundsatzfragen"
    assert {day.weekday() for day in council.sessions} == {0}
    assert {day.weekday() for day in main.sessions} == {3}
    # every 4 weeks from Thu 14.01. (after the Christmas holidays, to 12.01.); the March chain
    # moves a week earlier, before the Easter holidays 22.03.-02.04., the next one after them
    assert list(council.sessions)[:4] == [dt.date(2027, 1, 25), dt.date(2027, 2, 22), dt.date(2027, 3, 15),
                                          dt.date(2027, 4, 19)]


def test_a_hessen_plan_is_in_hessen_words():
    text = plan_text(state="HE", start=START, town="Kassel")
    assert "Stadtverordnetenversammlung" in text and "Rat der Stadt" not in text
    assert 'name: {de: "Stadtverordnetenversammlung"' in text and 'short: "StVV"' in text
    assert "lead_time: 3w" in text
    assert 'budget:\n  bid_deadline: "06-30"\n  in_force: "04-01"\n' in text
    template = load_template().text
    if "${Verwaltungsvorstand}" in template or "${des_Verwaltungsvorstands}" in template:
        assert "Magistrat" in text
    if "${Ratsbeschluss}" in template:
        assert "Beschluss der Stadtverordnetenversammlung" in text
    english = plan_text(state="HE", start=START, language="en")
    if "${council}" in template:
        assert "municipal assembly" in english


def test_a_bayern_plan_is_in_bayern_words():
    text = plan_text(state="BY", start=START, town="Bamberg")
    assert 'name: {de: "Stadtrat", en: "Town council (Stadtrat)"}' in text and "Rat der Stadt" not in text
    assert "lead_time: 2w" in text
    assert 'budget:\n  bid_deadline: "09-30"\n  in_force: "04-01"\n' in text
    assert "eine Sitzungsfolge DigA -> HFA -> StR etwa alle 4 Wochen" in text
    if "${Dringlichkeitsentscheidung}" in load_template().text:
        assert "dringliche Anordnung (Art. 37 Abs. 3 GO)" in text


def test_the_default_roadmap_stays_nw():
    text = default_plan_text(dt.date(2026, 11, 20))
    plan = parse_plan(text, "default.yaml")
    assert plan.project.state == "NW"
    assert [plan.bodies[b].name.de for b in plan.bodies if role_of(b) == "rat"] == ["Rat der Stadt"]
    assert plan.budget.bid_deadline == (6, 30) and plan.budget.in_force == (2, 15)
    assert "${" not in text


# ---- date options (template side) ----------------------------------------------------------

DATE_SPEC = OptionSpec("call_deadline", Text("Frist des Förderaufrufs", "Deadline of the funding call"),
                       "none", (), kind="date")


def _info_with_date_option() -> TemplateInfo:
    """The kickoff template with a date option `call_deadline` (if it has none yet)."""
    info = load_template()
    if any(spec.key == "call_deadline" for spec in info.options):
        return info
    text = info.text.replace(
        "\n  options:\n",
        '\n  options:\n    call_deadline:\n      name: {de: "Frist des Förderaufrufs", en: "Deadline of the '
        'funding call"}\n      type: date\n      default: none\n', 1)
    plan = parse_plan(text, "kickoff.yaml")
    return TemplateInfo(info.id, text, info.name, info.description, plan.option_specs)


def test_date_option_values():
    info = TemplateInfo("t", "", Text(), Text(), (DATE_SPEC,))
    assert apply_options(info, {}) == {"call_deadline": "none"}
    assert apply_options(info, {"call_deadline": "2027-05-31"}) == {"call_deadline": "2027-05-31"}
    assert apply_options(info, {"call_deadline": "31.05.2027"}) == {"call_deadline": "2027-05-31"}
    assert apply_options(info, {"call_deadline": "none"}) == {"call_deadline": "none"}
    with pytest.raises(TemplateError) as error:
        apply_options(info, {"call_deadline": "31.02.2027"})
    assert render(error.value, "de") == ("'31.02.2027' ist kein Datum für die Option 'call_deadline'; "
                                         "schreiben Sie JJJJ-MM-TT, TT.MM.JJJJ oder none (kein Datum)")
    assert wizard.choice_lines(DATE_SPEC, "de") == ["Frist des Förderaufrufs:", "  Datum (TT.MM.JJJJ) oder none"]
    assert wizard.default_choice(DATE_SPEC) == "none"
    assert wizard.choice_value(DATE_SPEC, "01.07.2027") == "2027-07-01"


def _date_spec(info: TemplateInfo) -> OptionSpec:
    return next(spec for spec in info.options if spec.key == "call_deadline")


@pytest.fixture
def date_template(monkeypatch):
    info = _info_with_date_option()
    for module in (library, wizard, newplan):
        monkeypatch.setattr(module, "load_template", lambda template_id="kickoff": info)
    monkeypatch.setattr(library, "list_templates", lambda: [info])
    return info


def test_roadmap_new_takes_a_date_option(date_template, tmp_path):
    path = tmp_path / "plan.yaml"
    result = invoke("new", path, "--state", "HE", "--start", "11.01.2027", "--no-interactive",
                    "--option", "call_deadline=31.05.2027")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    name = re.escape(_date_spec(date_template).name.de)
    assert re.search(rf"^  call_deadline: 2027-05-31 +# {name} \(Datum JJJJ-MM-TT oder none\)$", text, re.M)
    assert load_plan(path).options["call_deadline"] == "2027-05-31"


def test_roadmap_new_rejects_a_bad_date_in_german(date_template, tmp_path):
    result = invoke("new", tmp_path / "plan.yaml", "--no-interactive", "--option", "call_deadline=2027-13-01")
    assert result.exit_code == 1
    assert "'2027-13-01' ist kein Datum für die Option 'call_deadline'" in result.output
    assert not (tmp_path / "plan.yaml").exists()


def test_roadmap_templates_lists_a_date_option(date_template):
    result = invoke("templates")
    assert result.exit_code == 0, result.output
    name = _date_spec(date_template).name.de
    assert f"    call_deadline – {name}\n      Datum (TT.MM.JJJJ) oder none  (Standard: kein Datum)\n" in result.output


def test_the_wizard_asks_for_a_date(date_template, tmp_path):
    path = tmp_path / "plan.yaml"
    # one line per question: town, Land, start, then the options in the template's order
    keys = [spec.key for spec in date_template.options]
    lines = ["Teststadt", "HE", "11.01.2027"] + ["30.06.2027" if k == "call_deadline" else "" for k in keys]
    answers = "\n".join(lines) + "\n"
    result = CliRunner().invoke(cli, ["new", str(path)], input=answers)
    assert result.exit_code == 0, result.output
    assert f"{_date_spec(date_template).name.de} [none]: 30.06.2027" in result.output
    assert load_plan(path).options["call_deadline"] == "2027-06-30"


# ---- the Hessen and Bayern examples ---------------------------------------------------------


def _make_calendars():
    spec = importlib.util.spec_from_file_location("make_calendars", ROOT / "examples" / "make_calendars.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_calendars"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("town,state,council", [("kassel", "HE", "Stadtverordnetenversammlung"),
                                                 ("bamberg", "BY", "Stadtrat - Vollsitzung")])
def test_the_examples_are_current_and_build_without_warnings(town, state, council, tmp_path):
    module = _make_calendars()
    ris_town = next(t for t in module.RIS_TOWNS if t.key == town)
    outputs = {"ics": module.allris_calendar_bytes(ris_town), "yaml": module.ris_plan_text(ris_town).encode("utf-8")}
    for suffix, data in outputs.items():
        path = ROOT / "examples" / f"{town}.{suffix}"
        assert path.read_bytes() == data, f"{path.name} is stale; run: python examples/make_calendars.py"
    text = (ROOT / "examples" / f"{town}.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# BEISPIEL {town.capitalize()} (")
    assert "ECHT:" in text and "ANGENOMMEN:" in text and "NICHT echt" in text
    plan = load_plan(ROOT / "examples" / f"{town}.yaml")
    assert plan.project.state == state and not plan.warnings
    assert [plan.bodies[b].name.de for b in plan.bodies if role_of(b) == "rat"] == [council]
    result = invoke("build", ROOT / "examples" / f"{town}.yaml", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert "Warnung" not in result.output and "warning" not in result.output.lower()
    assert (tmp_path / f"{town}.xlsx").exists() and (tmp_path / f"{town}.html").exists()


def test_the_example_calendars_look_like_an_allris_export():
    ics = (ROOT / "examples" / "kassel.ics").read_bytes().decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    unfolded = ics.replace("\r\n ", "")
    events = unfolded.split("BEGIN:VEVENT\r\n")[1:]
    first = events[0]
    assert re.search(r"^UID:ALLRIS-Sitzung-\d+\r$", first, re.M)
    assert "SUMMARY;LANGUAGE=de:Ausschuss für Digitalisierung\r\n" in first
    # a planned session: DTEND at the next midnight (end unknown), URL of the day's calendar page
    assert "DTSTART;TZID=Europe/Berlin:20270114T170000\r\nDTEND;TZID=Europe/Berlin:20270115T000000\r\n" in first
    assert "URL:https://www.kassel.sitzung-online.invalid/public/si010?DD=14&MM=1&YY=2027\r\n" in first
    assert sum("STATUS:CANCELLED" in event for event in events) == 1
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_the_profiles_ship_as_package_data():
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert re.search(r"^roadmap\.templates = .*laender/\*\.yaml", setup, re.M)
    for code in CODES:
        data = yaml.safe_load((ROOT / "roadmap" / "templates" / "laender" / f"{code}.yaml").read_text("utf-8"))
        assert data["code"] == code


def test_docs_laender_is_current():
    from roadmap.templates.laender_docs import laender_markdown

    assert (ROOT / "docs" / "laender.md").read_text(encoding="utf-8") == laender_markdown(), \
        "docs/laender.md is stale; run: python -m roadmap.templates.laender_docs"


# ---- roadmap new --ics / --match -------------------------------------------------------------


def test_roadmap_new_reads_the_bodies_from_a_calendar_export(tmp_path):
    path = tmp_path / "bamberg.yaml"
    result = invoke("new", path, "--town", "Bamberg", "--state", "BY", "--start", "11.01.2027",
                    "--no-interactive", "--ics", ROOT / "examples" / "bamberg.ics",
                    "--match", "rat=Stadtrat - Vollsitzung", "--match", "hauptausschuss=Finanzsenat",
                    "--match", "fachausschuss=Digitalisierungssenat", "--match", "stadtentwicklung=Bau- und Werksenat")
    assert result.exit_code == 0, result.output
    assert "Beispieltermine" not in result.stderr
    plan = load_plan(path)
    names = {role_of(b): plan.bodies[b].name.de for b in plan.bodies if role_of(b)}
    assert names["rat"] == "Stadtrat - Vollsitzung" and names["hauptausschuss"] == "Finanzsenat"
    rat = next(plan.bodies[b] for b in plan.bodies if role_of(b) == "rat")
    # bamberg.ics: the Stadtrat's first sessions of 2027; 12.05.2027 is exported as STATUS:CANCELLED
    assert list(rat.sessions)[:4] == [dt.date(2027, 1, 27), dt.date(2027, 3, 3), dt.date(2027, 4, 21),
                                      dt.date(2027, 6, 16)]
    text = path.read_text(encoding="utf-8")
    assert f'sessions_ics: "{os.path.relpath(ROOT / "examples" / "bamberg.ics", tmp_path)}"' in text
    assert schedule(plan, STATUS).package("strategiebeschluss").finish.year in (2028, 2029)


@pytest.mark.parametrize("args,message", [
    (["--match", "rat=Stadtrat"], "--match braucht --ics (die Kalenderdatei)"),
    (["--ics", "fehlt.ics"], "die Kalenderdatei 'fehlt.ics' gibt es nicht"),
    (["--ics", "ICS", "--match", "bauausschuss=Bau"], "die Vorlage hat kein Gremium 'bauausschuss'; sie kennt: "),
    (["--ics", "ICS", "--match", "rat"], "'rat' ist keine Zuordnung; schreiben Sie gremium=text"),
])
def test_roadmap_new_ics_errors_in_german(args, message, tmp_path):
    args = [str(ROOT / "examples" / "bamberg.ics") if a == "ICS" else a for a in args]
    result = invoke("new", tmp_path / "plan.yaml", "--no-interactive", *args)
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "plan.yaml").exists()
