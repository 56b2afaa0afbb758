"""Fuzzing the input side: plan bytes, YAML structure and calendar files.

tests/test_bad_input_fuzz.py replaces values of a valid plan; here the files themselves
are broken: bytes flipped and inserted (control characters, tabs, NUL, Windows-1252,
anchors, aliases, tags, brackets), YAML documents built from anchors, aliases, merge keys
and odd tags, and calendar files built from good, broken and recurring events plus
random bytes. The answer is always a plan, a schedule or diagnostics with ``file:line``
and a code (never another exception), and it comes quickly.
"""
from __future__ import annotations

import datetime as dt
import pathlib
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_bad_input_fuzz import broken_plans

from roadmap.engine.scheduler import schedule
from roadmap.plan.diagnostics import PlanError
from roadmap.plan.files import FileProblem, decode_plan
from roadmap.plan.loader import parse_plan
from roadmap.plan.sessions_ics import SessionFileError, read_sessions
from roadmap.text.messages import CODES

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
BASE = (FIXTURES / "excel_small.yaml").read_bytes()
SECONDS = 5  # per example; the real limits are far lower, this only catches a hang

#: Bytes that break files in the ways the issue found.
NASTY = [b"\t", b"\x00", b"\x01", b"\x1b[31m", b"\r", b"\xfc", b"\xff\xfe", b"\xef\xbb\xbf", b"&a ", b"*a",
         b"!!binary ", b"!!set ", b"!!omap ", b"!foo ", b"<<: ", b"[", b"]", b"{", b"}", b": ", b"- ",
         b"'", b'"', b"\\", b"#", b"9" * 60, b"9999-12-31", b"1989-12-31", b"2027-02-30", b"---\n", b"\n  "]


#: What a Python repr looks like in a message: a list, dict, bytes or set literal, an object.
PYTHON_REPR = re.compile(r"\['|\[None|\{'|\{None|b'|b\"|object at 0x|<roadmap\.|LineDict|LineList")


def _answer_is_diagnostics(run) -> None:
    began = time.monotonic()
    try:
        run()
    except PlanError as error:
        assert error.diagnostics
        for d in error.diagnostics:
            assert d.code in CODES, d.code
            assert d.file == "plan.yaml"
            assert d.text() and d.text("en")
            assert not PYTHON_REPR.search(d.text()), d.text()
        assert any(d.severity == "error" for d in error.diagnostics)
    assert time.monotonic() - began < SECONDS


def _load_and_schedule(data: bytes) -> None:
    try:
        text = decode_plan(data)
    except FileProblem as problem:
        assert problem.code in CODES
        return
    schedule(parse_plan(text, "plan.yaml", FIXTURES))


@st.composite
def mangled_plans(draw) -> bytes:
    data = bytearray(BASE)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        piece = draw(st.one_of(st.sampled_from(NASTY), st.binary(min_size=1, max_size=4)))
        if draw(st.booleans()):
            data[where:where] = piece
        else:
            data[where:where + len(piece)] = piece
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_plans())
def test_mangled_plan_bytes_get_diagnostics(data):
    _answer_is_diagnostics(lambda: _load_and_schedule(data))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_plans())
def test_values_of_the_wrong_type_never_show_as_python(text):
    """The value fuzzing of test_bad_input_fuzz.py, checked for Python reprs in messages."""
    _answer_is_diagnostics(lambda: schedule(parse_plan(text, "plan.yaml", FIXTURES)))


# ---- YAML structure: anchors, aliases, merges, tags, numbers, nesting ---------------------------

SCALARS = st.sampled_from(["x", "2d", "'a'", "1" * 60, "-1", "2027-01-11", "9999-01-01", "null", "true", "~",
                           "!!binary aGk=", "!!str 5", "!!int 7", "!!float 1e999", "!!timestamp 2027-01-11",
                           "!!set {a}", "!!omap [a: 1]", "!!pairs [a: 1]", "!x y", "0x1F", "1_000", "190:20:30"])


@st.composite
def yaml_values(draw, depth=0):
    kind = draw(st.sampled_from(["scalar", "alias", "list", "map", "merge"] if depth < 4 else ["scalar", "alias"]))
    anchor = f"&n{draw(st.integers(0, 10**9))} " if draw(st.booleans()) else ""
    if kind == "scalar":
        return anchor + draw(SCALARS)
    if kind == "alias":
        return "*" + draw(st.sampled_from(ANCHORS))
    items = [draw(yaml_values(depth + 1)) for _ in range(draw(st.integers(0, 4)))]
    if kind == "list":
        return anchor + "[" + ", ".join(items) + "]"
    keys = draw(st.lists(st.sampled_from(["id", "name", "duration", "after", "de", "en", "when", "x"]),
                         min_size=len(items), max_size=len(items)))
    pairs = [f"{k}: {v}" for k, v in zip(keys, items)]
    if kind == "merge":
        pairs.append("<<: *" + draw(st.sampled_from(["m", "m", "a"])))
    return anchor + "{" + ", ".join(pairs) + "}"


#: Anchors every document defines: a scalar, a mapping to merge, and a chain of lists
#: that grows tenfold per level: 61,110 nodes added by aliases, so a few more uses of the
#: last ones pass the limit of 100,000.
ANCHORS = ["a", "m", "l1", "l2", "l3", "l4", "l5"]
DEFS = ("defs: [&a x, &m {k: v, id: z}, &l1 [x, y, z, x, y, z, x, y, z, x], "
        + ", ".join(f"&l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(2, 5))
        + ", &l5 [*l4, *l4, *l4, *l4, *l4]]\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(yaml_values(), min_size=1, max_size=4), st.sampled_from(["name", "description", "after", "when"]))
def test_yaml_structures_get_diagnostics(values, field):
    doc = ("roadmap: 1\nproject: {name: P, start: 2027-01-11}\n" + DEFS
           + "x: [" + ", ".join(values[1:]) + "]\n")
    doc += f"packages:\n  - {{id: a, duration: 2d, {field}: {values[0]}}}\n"
    _answer_is_diagnostics(lambda: schedule(parse_plan(doc, "plan.yaml", FIXTURES)))


def test_an_alias_bomb_is_refused_in_well_under_a_second():
    levels = "".join(f"{k}: &{k} [{', '.join(['*' + p] * 9) if p else ', '.join(['lol'] * 9)}]\n"
                     for k, p in zip("abcdefghij", [None] + list("abcdefghi")))
    doc = ("roadmap: 1\nproject: {name: P, start: 2027-01-11}\n" + levels
           + "packages: [{id: a, duration: 1d, name: *j}]\n")
    began = time.monotonic()
    try:
        parse_plan(doc, "plan.yaml")
    except PlanError as error:
        assert [d.code for d in error.diagnostics] == ["alias-limit"]
    assert time.monotonic() - began < 0.2


# ---- calendar files ---------------------------------------------------------------------------

EVENTS = [
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat der Stadt\r\nDTSTART;TZID=Europe/Berlin:20270301T170000\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat entfällt\r\nDTSTART;VALUE=DATE:20270302\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nDTSTART:20270230T100000\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nDTSTART:notadate\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nDTSTART:99991231T235959Z\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Rat Serie\r\nDTSTART;TZID=Europe/Berlin:20270301T170000\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=10\r\nEXDATE;TZID=Europe/Berlin:20270308T170000\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=Europe/Berlin:20270315T170000\r\nSUMMARY:Rat Serie\r\n"
    "DTSTART;TZID=Europe/Berlin:20270316T170000\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat täglich\r\nDTSTART;VALUE=DATE:19900101\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nDTSTART:20270301T170000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nDTSTART:20270301\r\nRRULE:FREQ=YEARLY;BYDAY=XX;COUNT=-1\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nDTSTART;TZID=\"(UTC+01:00) Berlin\":20270301T170000\r\nEND:VEVENT",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nDTSTART;TZID=Mars/Olympus:20270301T170000\r\nEND:VEVENT",
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nEND:VTIMEZONE",
    "BEGIN:VEVENT\r\nUID:{n}\r\nSUMMARY:Rat\r\nDTSTART;VALUE=DATE:20270301\r\nBEGIN:VALARM\r\n"
    "SUMMARY:Alarm\r\nDTSTART:x\r\nEND:VALARM\r\nEND:VEVENT",
    "METHOD:CANCEL",
]


@st.composite
def calendar_files(draw) -> bytes:
    parts = [draw(st.sampled_from(EVENTS)).format(n=i) for i in range(draw(st.integers(0, 8)))]
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "\r\n".join(parts) + "\r\nEND:VCALENDAR\r\n"
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(data)))
        data[where:where] = draw(st.one_of(st.sampled_from(NASTY + [b"\r\n ", b";X=\"", b":"]),
                                           st.binary(min_size=1, max_size=3)))
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(calendar_files(), st.sampled_from([None, "Rat", "^(a+)+$", "(a)\\1", "Serie|täglich", "["]))
def test_calendar_files_give_sessions_or_one_error(tmp_path, data, match):
    path = tmp_path / "rat.ics"
    path.write_bytes(data)
    began = time.monotonic()
    try:
        found = read_sessions(path, match, window=(dt.date(2026, 1, 1), dt.date(2047, 1, 1)))
    except SessionFileError as error:
        assert error.code in CODES and error.message.render("de") and error.message.render("en")
    else:
        assert all(dt.date(1990, 1, 1) <= day <= dt.date(2199, 12, 31) for day in found.dates)
        assert found.dates == sorted(set(found.dates))
        for code, message in found.problems:
            assert code in CODES and message.render("de") and message.render("en")
    assert time.monotonic() - began < SECONDS
