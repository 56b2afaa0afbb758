"""iCalendar text read quickly: content lines, components, and the properties a council
session needs.

The ``icalendar`` package builds a full object for every property of every event; for a
100,000-event export that took 22 s (docs/scheduling.md, "Reading plans and calendar
files"). Sessions need a few properties, so this reader unfolds the lines, follows the
BEGIN/END lines and keeps DTSTART, SUMMARY, STATUS, UID and the recurrence properties of
each top-level VEVENT, with its line number for messages. Only recurring events (RRULE,
RDATE, EXDATE, RECURRENCE-ID) go on to ``icalendar`` and ``recurring-ical-events``
(:mod:`roadmap.plan.ics_series`), with the file's VTIMEZONEs.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

RECURRENCE = ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")
#: A content line whose parameters hold quoted text (which may contain ':').
_QUOTED = re.compile(r'[^:;]+(?:;[^=;:]+=(?:"[^"]*"|[^";:]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:')
_ESCAPE = re.compile(r"\\([\\;,nN])")


class IcsSyntaxError(ValueError):
    """Not an iCalendar file (``line`` 0), a line that is no content line, or (``outside``)
    a component outside BEGIN:VCALENDAR ... END:VCALENDAR."""

    def __init__(self, line: int, outside: bool = False):
        super().__init__(line)
        self.line, self.outside = line, outside


@dataclass
class Event:
    line: int  # of BEGIN:VEVENT
    props: dict = field(default_factory=dict)  # NAME -> (";PARAMS", value), the first of each
    span: tuple = (0, 0)  # of the event in ``text``
    text: str = ""  # the unfolded file

    @property
    def text_lines(self) -> list[str]:
        """Its unfolded lines, BEGIN:VEVENT to END:VEVENT, for ``icalendar``."""
        return self.text[self.span[0]:self.span[1]].split("\n")

    @property
    def summary(self) -> str:
        value = self.props.get("SUMMARY", ("", ""))[1]
        return _ESCAPE.sub(_unescape, value) if "\\" in value else value

    @property
    def uid(self) -> str:
        return self.props.get("UID", ("", ""))[1].strip()

    @property
    def recurring(self) -> bool:
        return any(name in self.props for name in RECURRENCE)


@dataclass
class IcsFile:
    events: list = field(default_factory=list)
    timezones: list = field(default_factory=list)  # the logical lines of each VTIMEZONE
    cancel: bool = False  # METHOD:CANCEL: every event in the file is a cancellation


def _unescape(found: re.Match) -> str:
    char = found.group(1)
    return "\n" if char in "nN" else char


def decode(data: bytes) -> str:
    """iCalendar is UTF-8; older exports are Windows-1252/Latin-1 ("entfällt" as 0xE4)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_NAMES = "DTSTART|SUMMARY|STATUS|UID|RRULE|RDATE|EXDATE|RECURRENCE-ID"
#: Patterns on the unfolded text with a "\n" before every line: a literal first character
#: lets the regular expression engine skip from line to line. Names are upper case in
#: every export seen; a file with lower-case names gets the case-insensitive set.
_UPPER = (re.compile(r"\n(BEGIN|END)[ \t]*:[ \t]*([A-Za-z0-9-]+)[ \t]*(?=\n)"),
          re.compile(rf"\n({_NAMES})([;:][^\n]*)"),
          re.compile(r"\nMETHOD[ \t]*:[ \t]*CANCEL[ \t]*(?=\n)"))
_ANY_CASE = tuple(re.compile(pattern.pattern, re.I) for pattern in _UPPER)
_LOWER_NAME = re.compile(r"\n[a-z][A-Za-z-]*[;:]")
_FOLD = re.compile(r"\n[ \t]")
_START = re.compile(r"\n*BEGIN[ \t]*:[ \t]*VCALENDAR[ \t]*$", re.M | re.I)


def parse(text: str) -> IcsFile:
    """The events and time zones of ``text``; raises :class:`IcsSyntaxError`.

    Regular expressions find the lines (in C); Python only walks the BEGIN/END lines and
    the few properties of each event.
    """
    text = "\n" + text.replace("\r\n", "\n").replace("\r", "\n") + "\n"
    if not _START.match(text):
        raise IcsSyntaxError(0)
    _check_lines(text)
    folds = [found.start() - 2 * index for index, found in enumerate(_FOLD.finditer(text))]
    flat = _FOLD.sub("", text) if folds else text
    boundary, prop, cancel = _ANY_CASE if _LOWER_NAME.search(flat) else _UPPER
    result = IcsFile(cancel=("METHOD" in flat or prop is not _UPPER[1]) and bool(cancel.search(flat)))
    stack: list[tuple[str, int]] = []  # (component, position of its BEGIN line)
    holes: list[tuple[int, int]] = []  # nested components inside the current event
    counted, line = 0, 0
    for found in boundary.finditer(flat):
        kind, component = found.group(1).upper(), found.group(2).upper()
        if kind == "BEGIN":
            if not stack and component != "VCALENDAR":
                raise IcsSyntaxError(_line(flat, folds, found.start()), outside=True)
            stack.append((component, found.start()))
            continue
        if not stack:
            continue  # an END without BEGIN: nothing to close
        opened, begin = stack.pop()
        if len(stack) == 2 and stack[1][0] == "VEVENT":
            holes.append((begin, found.end()))
        if len(stack) != 1:
            continue
        if opened == "VEVENT":
            line += flat.count("\n", counted, begin + 1)  # counted on, not from the start
            counted = begin + 1
            number = line + (bisect.bisect_left(folds, begin) if folds else 0)
            result.events.append(_event(flat, prop, begin, found.end(), holes, number))
        elif opened == "VTIMEZONE":
            result.timezones.append(flat[begin + 1:found.end()].split("\n"))
        holes = []
    return result


def _line(flat: str, folds: list[int], position: int) -> int:
    """The line in the file (before unfolding) of the line after the "\n" at ``position``
    of the unfolded text."""
    return flat.count("\n", 0, position + 1) + bisect.bisect_left(folds, position)


def _check_lines(text: str) -> None:
    """Raise :class:`IcsSyntaxError` at the first line that is no content line (no ':')."""
    for found in _LONE.finditer(text):
        if found.group().strip():
            raise IcsSyntaxError(text.count("\n", 0, found.start() + 1))


_LONE = re.compile(r"\n[^ \t:\n][^:\n]*(?=\n)")


def _event(flat: str, prop: re.Pattern, begin: int, end: int, holes, number: int) -> Event:
    event = Event(number, {}, (begin + 1, end), flat)
    props = event.props
    start = begin
    for hole_start, hole_end in holes + [(end, end)]:
        for found in prop.finditer(flat, start, hole_start):
            name, rest = found.groups()
            name = name.upper()
            if name in props:
                continue
            if rest[0] == ":":
                props[name] = ("", rest[1:])
            else:
                colon = rest.find(":")
                if '"' in rest[:colon]:
                    quoted = _QUOTED.match(name + rest)
                    colon = quoted.end() - 1 - len(name) if quoted else colon
                if colon > 0:
                    props[name] = (rest[:colon], rest[colon + 1:])
        start = hole_end
    return event


def parameter(params: str, name: str) -> str | None:
    """The value of parameter ``name`` in ``;A=b;TZID="x"`` (unquoted), or ``None``."""
    for part in re.findall(r';([^=;]+)=("[^"]*"|[^;]*)', params):
        if part[0].strip().upper() == name:
            return part[1].strip().strip('"')
    return None
