"""Every malformed plan is rejected with file:line, a stable code and a helpful message."""
import textwrap

import pytest

from roadmap import PlanError
from roadmap.plan.loader import parse_plan

HEAD = "roadmap: 1\nproject: {name: T, start: 2027-02-01}\n"  # lines 1-2


def problems(text):
    with pytest.raises(PlanError) as error:
        parse_plan(textwrap.dedent(text), "plan.yaml")
    return [(d.line, d.code) for d in error.value.diagnostics if d.severity == "error"], error.value


@pytest.mark.parametrize("packages, line, code, words", [
    ("- {id: a, duration: 3x}", 4, "bad-duration", "unbekannte Einheit 'x'"),
    ("- {id: a, duration: 1.5d}", 4, "bad-duration", "keine ganze Zahl"),
    ("- {id: a, duration: -2d}", 4, "bad-duration", "ist negativ"),
    ("- {id: a}", 4, "missing-key", "braucht eine Dauer 'duration'"),
    ("- {id: A, duration: 1d}", 4, "bad-id", "a-z"),
    ("- {name: x, duration: 1d}", 4, "missing-key", "braucht eine 'id'"),
    ("- {id: a, duration: 1d}\n- {id: a, duration: 1d}", 5, "duplicate-id", "schon in Zeile 4 vergeben"),
    ("- {id: a, duration: 1d, after: [b]}", 4, "unknown-package", "Vorgänger 'b' ist kein Arbeitspaket"),
    ("- {id: ab, duration: 1d}\n- {id: c, duration: 1d, after: [abc]}", 5, "unknown-package", "meinten Sie 'ab'"),
    ("- {id: a, duration: 1d, after: ['b XY']}\n- {id: b, duration: 1d}", 4, "bad-link", "unbekannte Art der Abhängigkeit"),
    ("- {id: a, duration: 1d, after: ['b FS+2q']}\n- {id: b, duration: 1d}", 4, "bad-link", "unbekannte Einheit"),
    ("- {id: a, duration: 1d, after: [a]}", 4, "self-link", "sein eigener Vorgänger"),
    ("- {id: a, duration: 1d, dauer: 2d}", 4, "unknown-key", "unbekannter Schlüssel 'dauer'"),
    ("- {id: a, duration: 1d, kind: meilenstein}", 4, "bad-kind", "task, milestone oder decision"),
    ("- {id: a, kind: milestone, duration: 2d}", 4, "bad-duration", "hat keine Dauer"),
    ("- {id: a, kind: decision}", 4, "missing-key", "beschließende Gremium ('body')"),
    ("- {id: a, kind: decision, body: rat}", 4, "unknown-body", "Gremium 'rat' ist unter 'bodies' nicht definiert"),
    ("- {id: a, duration: 1d, body: rat}", 4, "not-a-decision", "nur bei Beschlüssen ('kind: decision')"),
    ("- {id: a, kind: decision, body: rat, via: [null]}", 4, "bad-type", "'via' muss eine Liste von Gremien-IDs"),
    ("- {id: a, duration: 1d, not_before: 2027-02-30}", 4, "bad-date", "ist kein Datum"),
    ("- {id: a, duration: 1d, deadline: morgen}", 4, "bad-date", "ist kein Datum"),
    ("- {id: a, duration: 1d, avoid: ferien}", 4, "bad-avoid", "möglich ist nur 'school_holidays'"),
    ("- {id: a, duration: 1d, when: {funding: own}}", 4, "unknown-option", "unter 'options' nicht gesetzt"),
    ("- {id: a, duration: 1d, name: {de: x, fr: y}}", 4, "bad-text", "'de' und 'en'"),
    ("- {id: a, duration: 1d, after: [c]}\n- {id: b, duration: 1d, after: [a]}\n- {id: c, duration: 1d, after: [b]}",
     4, "cycle", "einen Kreis: a -> b -> c -> a"),
    ("- id: a\n  duration: 1d\n  duration: 2d", 6, "duplicate-key", "'duration' steht zweimal da"),
    ("- [a, b]", 4, "bad-type", "Zeilen 'Schlüssel: Wert'"),
])
def test_package_problem(packages, line, code, words):
    found, error = problems(HEAD + "packages:\n" + packages + "\n")
    assert (line, code) in found
    assert any(words in d.text() for d in error.diagnostics), [d.text() for d in error.diagnostics]


@pytest.mark.parametrize("text, line, code", [
    ("roadmap: 2\nproject: {name: T, start: 2027-02-01}\npackages: [{id: a, duration: 1d}]\n", 1, "bad-version"),
    ("project: {name: T, start: 2027-02-01}\npackages: [{id: a, duration: 1d}]\n", 1, "missing-key"),
    ("roadmap: 1\nproject: {name: T}\npackages: [{id: a, duration: 1d}]\n", 2, "missing-key"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01, state: XY}\npackages: [{id: a, duration: 1d}]\n", 2, "bad-state"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01, language: fr}\npackages: [{id: a, duration: 1d}]\n", 2, "bad-language"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\npackages: []\n", 3, "bad-type"),
    ("roadmap: 1\nprojekt: {name: T}\nproject: {name: T, start: 2027-02-01}\npackages: [{id: a, duration: 1d}]\n", 2, "unknown-key"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01\npackages: []\n", 3, "yaml-syntax"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\ncalendar: {weekend: [sat, funday]}\npackages: [{id: a, duration: 1d}]\n", 3, "bad-weekday"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\ncalendar:\n  school_holidays: false\npackages: [{id: a, duration: 1d, avoid: school_holidays}]\n", 5, "avoid-without-school-holidays"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\ncalendar:\n  closures:\n    - {from: 2027-03-05, to: 2027-03-01}\npackages: [{id: a, duration: 1d}]\n", 5, "bad-date"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\nbodies:\n  rat: {name: Rat, lead_time: 3 Wochen, sessions: [2027-13-01]}\npackages: [{id: a, duration: 1d}]\n", 4, "bad-date"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\nbodies:\n  rat: {name: Rat, sessions_ics: fehlt.ics}\npackages: [{id: a, duration: 1d}]\n", 4, "ics-error"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\nphases: [{id: p1, name: A}]\npackages: [{id: a, duration: 1d, phase: p2}]\n", 4, "unknown-phase"),
    ("roadmap: 1\nproject: {name: T, start: 2027-02-01}\nroles: {sc: Koordination}\npackages: [{id: a, duration: 1d, owner: bm}]\n", 4, "unknown-role"),
    ("roadmap: 1\ntemplate:\n  options:\n    funding: {default: own, choices: {own: Eigen, grant: Förderung}}\n"
     "project: {name: T, start: 2027-02-01}\noptions: {funding: loan}\npackages: [{id: a, duration: 1d}]\n", 6, "bad-option-value"),
    ("roadmap: 1\ntemplate:\n  options:\n    funding: {default: own, choices: {own: Eigen, grant: Förderung}}\n"
     "project: {name: T, start: 2027-02-01}\noptions: {fundign: own}\npackages: [{id: a, duration: 1d}]\n", 6, "unknown-option"),
])
def test_plan_problem(text, line, code):
    found, _ = problems(text)
    assert (line, code) in found


def test_all_problems_are_reported_in_one_run():
    found, error = problems(HEAD + "packages:\n- {id: a, duration: 3x}\n- {id: b, duraton: 1d}\n"
                            "- {id: c, duration: 1d, after: [zz]}\n")
    assert [line for line, _ in found] == [4, 5, 5, 6]
    assert str(error).splitlines()[0] == (
        "plan.yaml:4: error: Arbeitspaket 'a': unbekannte Einheit 'x' in '3x'; erlaubt sind d, t, w, wo, "
        "mo (Arbeitstage) oder ed, ft, ew, fw (Kalendertage) [bad-duration]")
    assert error.render("en").splitlines()[0] == (
        "plan.yaml:4: error: package 'a': unknown unit 'x' in '3x'; use d, t, w, wo, mo (working) "
        "or ed, ft, ew, fw (calendar) [bad-duration]")


def test_names_with_formula_or_markup_are_just_text():
    plan = parse_plan(HEAD + "packages:\n- {id: a, duration: 1d, name: '=1+1'}\n"
                      "- {id: b, duration: 1d, name: '<script>alert(1)</script>'}\n")
    assert [p.name.de for p in plan.packages] == ["=1+1", "<script>alert(1)</script>"]


def test_german_dates_and_duration_aliases_are_accepted():
    plan = parse_plan("roadmap: 1\nproject: {name: T, start: 11.01.2027}\npackages:\n"
                      "- {id: a, duration: 3 Wochen}\n- {id: b, duration: 2t, after: ['a EA+1 Tag']}\n"
                      "- {id: c, duration: 1mo, after: [{id: b, type: AA, lag: -1}]}\n")
    assert plan.project.start.isoformat() == "2027-01-11"
    assert [p.duration.days for p in plan.packages] == [15, 2, 20]
    assert (plan.packages[1].after[0].type, plan.packages[1].after[0].lag.days) == ("FS", 1)
    assert (plan.packages[2].after[0].type, plan.packages[2].after[0].lag.days) == ("SS", -1)


def test_absurd_durations_and_dates_are_rejected_quickly():
    found, _ = problems(HEAD + "packages:\n- {id: a, duration: 99999w}\n- {id: b, duration: 1d, not_before: 1066-10-14}\n")
    assert found == [(4, "bad-duration"), (5, "date-out-of-range")]


def test_schedule_running_for_centuries_is_an_error():
    from roadmap.engine.scheduler import schedule

    chain = "".join(f"- {{id: p{i}, duration: 9000d{', after: [p%d]' % (i - 1) if i else ''}}}\n" for i in range(60))
    with pytest.raises(PlanError) as error:
        schedule(parse_plan(HEAD + "packages:\n" + chain))
    assert [d.code for d in error.value.diagnostics] == ["too-long"]
