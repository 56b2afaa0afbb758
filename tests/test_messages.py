"""The message catalog: German by default, English on request, codes and line format unchanged."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap.cli import cli
from roadmap.plan.diagnostics import Diagnostic
from roadmap.text.messages import CATALOG, CODES, Message, choose_language, placeholders

ROOT = Path(__file__).resolve().parent.parent

# Several problems in one plan: an unknown Land, a bad unit, a misspelt key (so the
# duration is missing), an unknown predecessor and a decision of an undefined body.
BAD_PLAN = """\
roadmap: 1
project: {name: Test, start: 2027-02-01, state: XY}
packages:
  - {id: a, duration: 3x}
  - {id: b, duraton: 1d}
  - {id: c, duration: 1d, after: [zz]}
  - {id: d, kind: decision, body: rat}
"""

GERMAN = """\
{plan}:2: error: 'XY' ist kein Kürzel eines Bundeslands; erlaubt sind BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH [bad-state]
{plan}:4: error: Arbeitspaket 'a': unbekannte Einheit 'x' in '3x'; erlaubt sind d, t, w, wo, mo (Arbeitstage) oder ed, ft, ew, fw (Kalendertage) [bad-duration]
{plan}:5: error: Arbeitspaket: unbekannter Schlüssel 'duraton' (meinten Sie 'duration'?) [unknown-key]
{plan}:5: error: Arbeitspaket 'b' braucht eine Dauer 'duration' (z. B. 10d, 3w, 2mo) [missing-key]
{plan}:6: error: Arbeitspaket 'c': der Vorgänger 'zz' ist kein Arbeitspaket [unknown-package]
{plan}:7: error: Arbeitspaket 'd': Gremium 'rat' ist unter 'bodies' nicht definiert [unknown-body]
"""  # noqa: E501

ENGLISH = """\
{plan}:2: error: 'XY' is not a German Land code; use one of BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH [bad-state]
{plan}:4: error: package 'a': unknown unit 'x' in '3x'; use d, t, w, wo, mo (working) or ed, ft, ew, fw (calendar) [bad-duration]
{plan}:5: error: unknown key 'duraton' in a work package (did you mean 'duration'?) [unknown-key]
{plan}:5: error: package 'b' is a task and needs a 'duration' (e.g. 10d, 3w, 2mo) [missing-key]
{plan}:6: error: package 'c' comes after 'zz', which is not a package [unknown-package]
{plan}:7: error: package 'd': body 'rat' is not defined under 'bodies' [unknown-body]
"""  # noqa: E501


# ---- the catalog -------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_message_has_german_and_english_with_the_same_arguments(key):
    german, english = CATALOG[key]
    assert german.strip() or key in ("suggest", "ics.matching"), key
    assert english.strip(), key
    assert placeholders(german) == placeholders(english), key


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_diagnostic_code_has_a_message_in_both_languages(code):
    keys = [key for key in CATALOG if key.split(".")[0] == code]
    assert keys, f"no catalog message for diagnostic code '{code}'"
    for key in keys:
        assert all(CATALOG[key]), key


def test_every_code_the_code_base_uses_is_known_and_documented():
    used = set()
    for path in (ROOT / "roadmap").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'\.(?:error|warning)\([^,]+, "([a-z-]+)"', text))
        used |= set(re.findall(r'Diagnostic\(\s*"(?:error|warning)",\s*"([a-z-]+)"', text))
    assert used and used <= set(CODES), used - set(CODES)
    docs = (ROOT / "docs" / "scheduling.md").read_text(encoding="utf-8")
    for code, severity in CODES.items():
        assert f"| `{code}` | {severity} |" in docs, code


def test_german_is_the_default_and_english_is_on_request(monkeypatch):
    message = Message("bad-language", language="fr")
    assert str(message) == "Sprache 'fr' muss 'de' oder 'en' sein"
    assert message.render("en") == "language 'fr' must be 'de' or 'en'"
    monkeypatch.setenv("ROADMAP_LANG", "en")
    assert str(message) == "language 'fr' must be 'de' or 'en'"
    assert message.render("de") == "Sprache 'fr' muss 'de' oder 'en' sein"


def test_language_choice_order(monkeypatch):
    assert choose_language() == "de"
    assert choose_language(plan_language="en") == "en"
    monkeypatch.setenv("ROADMAP_LANG", "EN")
    assert choose_language(plan_language="de") == "en"
    assert choose_language("de", plan_language="en") == "de"
    monkeypatch.setenv("ROADMAP_LANG", "fr")  # unknown: ignored
    assert choose_language() == "de"


def test_only_the_message_is_translated_not_severity_or_code():
    diagnostic = Diagnostic("warning", "no-sessions", Message("no-sessions.none", body="rat"), "p.yaml", 3)
    assert str(diagnostic).startswith("p.yaml:3: warning: Gremium 'rat' hat weder")
    assert str(diagnostic).endswith(" [no-sessions]")
    assert diagnostic.render("en") == ("p.yaml:3: warning: body 'rat' has neither 'sessions' nor "
                                       "'sessions_ics'; decisions of this body cannot be scheduled [no-sessions]")


def test_scheduler_diagnostics_come_in_both_languages(tmp_path):
    from conftest import make_plan
    from roadmap.engine.scheduler import schedule

    plan = make_plan("- {id: a, name: A, duration: 5d, deadline: 2027-02-03}\n")
    [warning] = schedule(plan).diagnostics
    assert warning.text("de") == ("Arbeitspaket 'a' endet am 05.02.2027, nach seiner Frist "
                                  "03.02.2027 (2 Arbeitstag(e) zu spät). Grund: „A“ ('a') selbst dauert zu lang")
    assert warning.text("en").startswith("'a' finishes on ")
    assert Diagnostic("error", "too-long", "something new").text() == "something new"


# ---- the command line -------------------------------------------------------------------


@pytest.fixture
def bad_plan(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(BAD_PLAN, encoding="utf-8")
    return path


def check(*args, env=None):
    return subprocess.run([sys.executable, "-c", "from roadmap.cli import main; main()", "check", *map(str, args)],
                          capture_output=True, text=True, env=env)


def test_check_is_german_by_default_with_every_problem_in_one_run(bad_plan):
    result = check(bad_plan)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == GERMAN.format(plan=bad_plan)
    assert "Traceback" not in result.stderr


def test_check_lang_en_is_english(bad_plan):
    result = check(bad_plan, "--lang", "en")
    assert result.returncode == 1
    assert result.stderr == ENGLISH.format(plan=bad_plan)


def test_roadmap_lang_environment_is_english(bad_plan):
    import os

    result = check(bad_plan, env={**os.environ, "ROADMAP_LANG": "en"})
    assert result.returncode == 1
    assert result.stderr == ENGLISH.format(plan=bad_plan)
    german = check(bad_plan, "--lang", "de", env={**os.environ, "ROADMAP_LANG": "en"})
    assert german.stderr == GERMAN.format(plan=bad_plan)  # --lang wins


def test_a_plan_in_english_gets_english_messages(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(BAD_PLAN.replace("state: XY", "state: XY, language: en"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{path}:2: error: 'XY' is not a German Land code; use one of BB, BE, BW, BY, HB, HE, HH, MV, "
        "NI, NW, RP, SH, SL, SN, ST, TH [bad-state]")


def test_clean_check_summary_follows_the_message_language(monkeypatch):
    plan = ROOT / "tests" / "plans" / "rathaus.yaml"
    german = CliRunner().invoke(cli, ["check", str(plan)])
    english = CliRunner().invoke(cli, ["check", str(plan), "--lang", "en"])
    monkeypatch.setenv("ROADMAP_LANG", "en")
    environment = CliRunner().invoke(cli, ["check", str(plan)])
    assert german.output == (f"{plan}: in Ordnung, 5 Einträge: 3 Arbeitspakete, 1 Meilenstein, 1 Beschluss "
                             "(11.01.2027 – 06.04.2027)\n")
    assert english.output == environment.output == (
        f"{plan}: ok, 5 entries: 3 work packages, 1 milestone, 1 decision (2027-01-11 – 2027-04-06)\n")


def test_schedule_and_new_speak_english_on_request(tmp_path, bad_plan, monkeypatch):
    result = CliRunner().invoke(cli, ["schedule", str(bad_plan), "--lang", "en"])
    assert result.exit_code == 1
    assert result.output == ENGLISH.format(plan=bad_plan)
    monkeypatch.setenv("ROADMAP_LANG", "en")
    result = CliRunner().invoke(cli, ["new", str(tmp_path / "x.yaml"), "--state", "XY"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: 'XY' is not a German Land code; use one of BB")
