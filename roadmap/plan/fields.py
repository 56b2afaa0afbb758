"""The core of the plan reader: the checks every section shares, and the diagnostics.

:class:`FieldReader` reads one value at a time (a mapping, its keys, a text in German and
English, a date, a duration) and files every problem in its :class:`Collector` instead of
raising, so that one run reports all problems of a file. The section readers build on it;
:mod:`roadmap.plan.loader` puts them together.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from roadmap.plan.diagnostics import Collector
from roadmap.plan.durations import FormatError, parse_duration
from roadmap.plan.model import Duration, Text
from roadmap.plan.yamlio import LineDict
from roadmap.text.messages import Message as M

ID_PATTERN = re.compile(r"^[a-z0-9_-]+$")
MAX_DAYS = 10_000  # about 40 years of working days; more is a typo, not a plan
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2199, 12, 31)  # holiday data; sane plans


def plain(value) -> str:
    """A scalar as text; YAML turns ``2027-01-11`` into a date and ``1.0`` into a float."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def suggest(word, choices) -> M | str:
    """A "did you mean ...?" for a misspelt ``word``, or nothing when none is close."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1)
    return M("suggest", word=close[0]) if close else ""


class FieldReader:
    """The state of reading one plan file, and the checks for single values.

    ``base_dir`` resolves ``sessions_ics`` paths; ``option_overrides`` are the options
    given on the command line, which win over the plan's own.
    """

    def __init__(self, file: str, base_dir: Path, option_overrides: dict):
        self.c = Collector(file)
        self.base_dir = base_dir
        self.option_overrides = option_overrides

    def mapping(self, value, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.c.error(line, "bad-type", M("bad-type.mapping", what=what))
        return None

    def entries(self, data, line: int, what: str) -> list[tuple[object, object, int]]:
        """A keyed section (``bodies``, ``roles``) as (key, value, line); none if absent or no mapping."""
        if data is None:
            return []
        data = self.mapping(data, line, what)
        return [(key, value, data.line_of(key)) for key, value in (data or {}).items()]

    def known_keys(self, data: LineDict, known: list[str], what: str) -> None:
        for key, line in data.duplicates:
            self.c.error(line, "duplicate-key", M("duplicate-key", key=key, what=what))
        for key in data:
            if key not in known:
                self.c.error(data.line_of(key), "unknown-key",
                             M("unknown-key", key=key, what=what, suggest=suggest(key, known)))

    def text(self, value, line: int, what: str) -> Text:
        if value is None:
            return Text()
        if isinstance(value, dict):
            unknown = [k for k in value if k not in ("de", "en")]
            if unknown:
                self.c.error(line, "bad-text", M("bad-text.languages", what=what, language=unknown[0]))
            return Text(plain(value.get("de")), plain(value.get("en")))
        if isinstance(value, list):
            self.c.error(line, "bad-text", M("bad-text.list", what=what))
            return Text()
        return Text(plain(value), plain(value))

    def date(self, value, line: int, what: str) -> dt.date | None:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
                try:
                    value = dt.datetime.strptime(value.strip(), fmt).date()
                    break
                except ValueError:
                    pass
        if isinstance(value, dt.date):
            if EARLIEST <= value <= LATEST:
                return value
            self.c.error(line, "bad-date", M("bad-date.range", what=what, value=value,
                                               first=EARLIEST.year, last=LATEST.year))
            return None
        self.c.error(line, "bad-date", M("bad-date.format", what=what, value=value))
        return None

    def duration(self, value, line: int, what: str, **kwargs) -> Duration | None:
        try:
            duration = parse_duration(value, **kwargs)
        except FormatError as error:
            self.c.error(line, "bad-duration", M("detail", what=what, error=error))
            return None
        if abs(duration.days) > MAX_DAYS:
            self.c.error(line, "bad-duration", M("bad-duration.too-long", what=what, value=value, max=MAX_DAYS))
            return None
        return duration
