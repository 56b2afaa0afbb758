"""Reading plans and calendar files: limits, encodings, parser messages and calendar rules
(docs/plan-format.md section 9, "Grenzen"). The corpus (tests/corpus/) runs the same
cases end to end; these check the pieces and the edges of each limit."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from roadmap.plan.diagnostics import PlanError
from roadmap.plan.fields import suggest
from roadmap.plan.files import FileProblem, check_characters, decode_plan
from roadmap.plan.loader import parse_plan
from roadmap.plan.section_project import state_hint
from roadmap.plan.sessions_ics import compile_match, read_sessions, says_cancelled
from roadmap.plan.yamlio import MAX_ALIAS_NODES, MAX_DEPTH, MAX_NUMBER, YamlLimit, load_yaml

HEAD = "roadmap: 1\nproject: {name: T, start: 2027-01-11}\n"
WINDOW = (dt.date(2026, 1, 1), dt.date(2047, 1, 1))


def codes(text):
    with pytest.raises(PlanError) as error:
        parse_plan(text, "plan.yaml")
    return [(d.line, d.code) for d in error.value.diagnostics if d.severity == "error"]


# ---- the limits, at their edges ---------------------------------------------------------------


def test_numbers_up_to_the_limit_are_numbers():
    assert load_yaml(f"a: {'1' * MAX_NUMBER}") == {"a": int("1" * MAX_NUMBER)}
    problems = []
    assert load_yaml(f"a: {'1' * (MAX_NUMBER + 1)}", problems) == {"a": "1" * (MAX_NUMBER + 1)}
    assert [(line, code) for line, code, _ in problems] == [(1, "number-too-long")]


def test_nesting_up_to_the_limit_is_read():
    deep = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert load_yaml(f"a: {deep}")["a"] is not None
    with pytest.raises(YamlLimit) as limit:
        load_yaml(f"a: {'[' * MAX_DEPTH}{']' * MAX_DEPTH}")
    assert limit.value.code == "too-deep"


def test_aliases_up_to_the_limit_are_read_and_one_more_is_refused():
    # a list of 1,000 scalars used n times adds 1,001 nodes for every use after the first
    anchor = "a: &x [" + ", ".join(["v"] * 1000) + "]\n"
    uses = MAX_ALIAS_NODES // 1001
    assert len(load_yaml(anchor + "b: [" + ", ".join(["*x"] * uses) + "]\n")["b"]) == uses
    with pytest.raises(YamlLimit) as limit:
        load_yaml(anchor + "b: [" + ", ".join(["*x"] * (uses + 1)) + "]\n")
    assert (limit.value.line, limit.value.code) == (1, "alias-limit")


def test_merge_keys_still_work():
    data = load_yaml("base: &b {duration: 2d, owner: pm}\np: {<<: *b, id: a}\n")
    assert data["p"] == {"duration": "2d", "owner": "pm", "id": "a"}


def test_a_plain_plan_with_ampersands_is_not_walked_for_aliases(monkeypatch):
    from roadmap.plan import yamlio

    monkeypatch.setattr(yamlio, "check_aliases", lambda node: pytest.fail("walked"))
    load_yaml("name: Bau & Planung, Q&A\n")


def test_dates_outside_the_range_have_their_own_code():
    assert codes(HEAD + "packages: [{id: a, duration: 1d, deadline: 2200-01-01}]\n") == [(3, "date-out-of-range")]
    assert codes("roadmap: 1\nproject: {name: T, start: 1989-12-31}\npackages: [{id: a, duration: 1d}]\n") == [
        (2, "date-out-of-range")]


# ---- encodings and characters ---------------------------------------------------------------------


@pytest.mark.parametrize("data, code, line", [
    ("roadmap: 1\nname: Pr\u00fcfung\n".encode("cp1252"), "bad-encoding", 2),
    ("roadmap: 1\n".encode("utf-16-le"), "bad-encoding", 1),
    (b"roadmap: 1\nname: a\x00b\n", "bad-character", 2),
    (b"\xff\xd8\xff\xe0 jpeg", "bad-encoding", 1),
])
def test_bytes_that_are_no_plan(data, code, line):
    with pytest.raises(FileProblem) as problem:
        decode_plan(data)
    assert (problem.value.code, problem.value.line) == (code, line)


def test_a_bom_is_fine():
    assert decode_plan("\ufeffroadmap: 1\n".encode("utf-8")) == "roadmap: 1\n"
    assert decode_plan("roadmap: 1\n".encode("utf-16")) == "roadmap: 1\n"


def test_control_characters_are_found_with_line_and_column():
    with pytest.raises(FileProblem) as problem:
        check_characters("a: 1\nb: x\x1by\n")
    assert (problem.value.code, problem.value.line) == ("bad-character", 2)
    assert "Spalte 5" in problem.value.message.render("de") and "U+001B" in problem.value.message.render("de")
    check_characters("a: 'tab\there', nel \x85, ok: äöü €\n")


# ---- the YAML parser in German -------------------------------------------------------------------


@pytest.mark.parametrize("text, words", [
    (HEAD + "packages:\n\t- {id: a, duration: 1d}\n", "Tabulatorzeichen; rücken Sie mit Leerzeichen ein"),
    (HEAD + "packages:\n  - {id: a, duration: 1d}\n  id: b\n", "Listeneintrag '- ...' erwartet"),
    (HEAD + "packages: [{id: a, duration: 1d}\n", "nicht geschlossen"),
    (HEAD + "packages:\n  - id: a\n    name: Ziel: digital\n", "Doppelpunkt an unerwarteter Stelle"),
    (HEAD + "packages:\n  - {id: a, name: \"offen, duration: 1d}\n", "Anführungszeichen wird nicht geschlossen"),
    (HEAD + "packages: *nirgends\n", "zeigt auf keinen Anker"),
    (HEAD + "packages: [@a]\n", "mit dem Zeichen '@' kann kein Wert beginnen"),
    (HEAD + "---\nroadmap: 1\n", "mehrere Dokumente"),
])
def test_common_parser_problems_are_german(text, words):
    with pytest.raises(PlanError) as error:
        parse_plan(text, "plan.yaml")
    [diagnostic] = error.value.diagnostics
    assert diagnostic.code == "yaml-syntax" and words in diagnostic.text(), diagnostic.text()
    assert diagnostic.line > 0


# ---- words a user types ----------------------------------------------------------------------------


@pytest.mark.parametrize("given, code", [("Bayern", "BY"), ("nordrhein-westfalen", "NW"), ("Thueringen", "TH"),
                                         ("Baden Württemberg", "BW"), ("Bavaria", "BY"), ("NRW", "NW"), ("XY", None)])
def test_land_names_point_at_their_code(given, code):
    assert state_hint(given) == code


@pytest.mark.parametrize("word, meant", [("dauer", "duration"), ("Frist", "deadline"), ("gremium", "body"),
                                         ("vorgänger", "after"), ("duraton", "duration")])
def test_german_key_names_suggest_the_key(word, meant):
    assert suggest(word, ["id", "name", "duration", "after", "deadline", "body"]).args["word"] == meant


# ---- calendar files -------------------------------------------------------------------------------


def ics(tmp_path, body: str, name="rat.ics", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + body + "END:VCALENDAR\r\n").encode(encoding))
    return path


def event(summary, start, extra=""):
    return f"BEGIN:VEVENT\r\nUID:{summary}{start}\r\nSUMMARY:{summary}\r\nDTSTART{start}\r\n{extra}END:VEVENT\r\n"


def test_days_in_berlin_time(tmp_path):
    path = ics(tmp_path, event("utc", ":20270315T233000Z") + event("ny", ";TZID=America/New_York:20270316T200000")
               + event("quoted", ';TZID="(UTC+01:00) Amsterdam, Berlin":20270317T100000')
               + event("floating", ":20270318T235900") + event("date", ";VALUE=DATE:20270319")
               + event("dashes", ":2027-03-20T10:00:00"))
    found = read_sessions(path, window=WINDOW)
    assert found.dates == [dt.date(2027, 3, d) for d in (16, 17, 18, 19, 20)]
    assert not found.problems


def test_folded_lines_lower_case_names_and_alarms(tmp_path):
    path = ics(tmp_path, "begin:vevent\r\nuid:1\r\nsummary:Rat der\r\n  Stadt\r\ndtstart;value=date:20270301\r\n"
                         "BEGIN:VALARM\r\nSUMMARY:Rat entfällt\r\nDTSTART:20270302\r\nEND:VALARM\r\nend:vevent\r\n")
    found = read_sessions(path, "Rat der Stadt", window=WINDOW)
    assert found.dates == [dt.date(2027, 3, 1)] and found.cancelled == []


def test_cancel_words():
    for title in ("Rat - entfällt", "Rat entfaellt", "Rat findet nicht statt", "Rat: Ausfall", "Sitzung verschoben",
                  "Rat ausgefallen", "Rat abgesetzt", "Sitzung entfallen",
                  "Rat abgesagt", "Rat fällt aus", "Rat CANCELLED"):
        assert says_cancelled(title), title
    for title in ("Rat der Stadt", "Ausfallbürgschaft (Beratung)", "Ausschuss für Digitales"):
        assert not says_cancelled(title), title


def test_latin1_file(tmp_path):
    path = ics(tmp_path, event("Rat entfällt", ";VALUE=DATE:20270301") + event("Rat", ";VALUE=DATE:20270302"),
               encoding="latin-1")
    found = read_sessions(path, "Rat", window=WINDOW)
    assert found.dates == [dt.date(2027, 3, 2)] and found.cancelled == [dt.date(2027, 3, 1)]


def test_series_are_bounded(tmp_path):
    daily = "".join(event(f"Rat {i}", ";VALUE=DATE:20260101", "RRULE:FREQ=DAILY\r\n") for i in range(6))
    began = time.monotonic()
    found = read_sessions(ics(tmp_path, daily), window=WINDOW)
    assert time.monotonic() - began < 10
    assert [code for code, _ in found.problems] == ["ics-limit"]
    assert "3 Terminserien" in found.problems[0][1].render("de")


def test_only_five_skipped_events_are_named(tmp_path):
    path = ics(tmp_path, "".join(event(f"Rat {i}", ":kaputt") for i in range(8)) + event("Rat", ";VALUE=DATE:20270301"))
    found = read_sessions(path, window=WINDOW)
    texts = [message.render("de") for _, message in found.problems]
    assert len(texts) == 6 and texts[-1].endswith("rat.ics: 3 Termine mehr mit Fehlern übersprungen")
    assert found.dates == [dt.date(2027, 3, 1)]


def test_match_runs_on_re2_and_falls_back_to_text():
    assert compile_match("^(a+)+$")("a" * 100_000 + "!") is None
    assert compile_match("rat|hfa")("Sitzung des RATES")
    assert compile_match("(a)\\1")("x (a)\\1 y")  # no back-references in RE2: a plain substring
    assert not compile_match("(a)\\1")("aa")


def test_school_holiday_data_has_an_end():
    from roadmap.engine.calendar import school_data_end

    end = school_data_end("NW")
    assert end is not None and dt.date(2029, 1, 1) <= end <= dt.date(2081, 1, 1)
