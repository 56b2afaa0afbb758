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
from roadmap.plan.values import brief, plain
from roadmap.plan.yamlio import LineDict
from roadmap.text.messages import Message as M

ID_PATTERN = re.compile(r"[a-z0-9_-]+\Z")  # \Z, not $: "a\n" is no id
MAX_DAYS = 10_000  # about 40 years of working days; more is a typo, not a plan
#: The date range of every date in a plan or calendar file (docs/plan-format.md, "Grenzen").
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2199, 12, 31)

#: German (and other common) words for keys -> the key they mean, for "did you mean ...?".
GERMAN_KEYS = {
    "dauer": "duration", "nach": "after", "vorgänger": "after", "vorgaenger": "after",
    "abhängigkeiten": "after", "frist": "deadline", "termin": "deadline", "art": "kind",
    "typ": "kind", "gremium": "body", "beratungsfolge": "via", "verantwortlich": "owner",
    "zuständig": "owner", "rolle": "owner", "beschreibung": "description", "ergebnis": "deliverable",
    "quelle": "source", "bezeichnung": "name", "titel": "name", "nicht_vor": "not_before",
    "frühestens": "not_before", "meiden": "avoid", "wenn": "when", "kennung": "id",
    "projekt": "project", "kalender": "calendar", "gremien": "bodies", "rollen": "roles",
    "optionen": "options", "phasen": "phases", "arbeitspakete": "packages", "pakete": "packages",
    "vorlage": "template", "kommune": "municipality", "gemeinde": "municipality",
    "stadt": "municipality", "bundesland": "state", "land": "state", "beginn": "start",
    "projektbeginn": "start", "sprache": "language", "stichtag": "status_date",
    "wochenende": "weekend", "schließzeiten": "closures", "schliesszeiten": "closures",
    "schulferien": "school_holidays", "sitzungen": "sessions", "sitzungskalender": "sessions_ics",
    "vorlauf": "lead_time", "kurzname": "short", "kürzel": "short", "kapazität": "capacity",
    "farbe": "color", "von": "from", "bis": "to", "ist_start": "actual_start",
    "ist_ende": "actual_finish", "fortschritt": "progress", "rest": "remaining",
    "restdauer": "remaining", "ist": "actual",
}


def suggest(word, choices) -> M | str:
    """A "did you mean ...?" for a misspelt ``word``, or nothing when none is close.
    A German key name (``dauer``) suggests the key it means (``duration``)."""
    choices = [str(c) for c in choices]
    meant = GERMAN_KEYS.get(str(word).strip().lower())
    if meant in choices:
        return M("suggest", word=meant)
    close = difflib.get_close_matches(str(word), choices, n=1)
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
        # mappings whose duplicate keys were reported, kept alive so that no other mapping
        # gets their id (the package reader lets each package's YAML go once it is read)
        self._checked: dict[int, LineDict] = {}
        self.project_start = dt.date(2027, 1, 4)  # until project.start is read

    def mapping(self, value, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            self.duplicates(value, what)
            return value
        self.c.error(line, "bad-type", M("bad-type.mapping", what=what))
        return None

    def duplicates(self, data: LineDict, what) -> None:
        """Report each key given twice in ``data`` (once per mapping, however often checked)."""
        if data.duplicates and id(data) not in self._checked:
            self._checked[id(data)] = data
            for key, line in data.duplicates:
                self.c.error(line, "duplicate-key", M("duplicate-key", key=plain(key), what=what))

    def scalar(self, value, line: int, what) -> str:
        """A text field that must be one value: a list or mapping is a ``bad-type``."""
        if isinstance(value, (list, dict)):
            self.c.error(line, "bad-type", M("bad-type.text", what=what))
            return ""
        return plain(value)

    def entries(self, data, line: int, what: str) -> list[tuple[object, object, int]]:
        """A keyed section (``bodies``, ``roles``) as (key, value, line); none if absent or no mapping."""
        if data is None:
            return []
        data = self.mapping(data, line, what)
        return [(key, value, data.line_of(key)) for key, value in (data or {}).items()]

    def known_keys(self, data: LineDict, known: list[str], what: str) -> None:
        self.duplicates(data, what)
        for key in data:
            if key not in known:
                self.c.error(data.line_of(key), "unknown-key",
                             M("unknown-key", key=brief(key), what=what, suggest=suggest(plain(key), known)))

    def text(self, value, line: int, what: str) -> Text:
        if value is None:
            return Text()
        if isinstance(value, dict):
            if isinstance(value, LineDict):
                self.duplicates(value, what)
            unknown = [k for k in value if k not in ("de", "en")]
            if unknown:
                self.c.error(line, "bad-text", M("bad-text.languages", what=what, language=plain(unknown[0])))
            return Text(self.scalar(value.get("de"), line, what), self.scalar(value.get("en"), line, what))
        if isinstance(value, list):
            self.c.error(line, "bad-type", M("bad-type.text", what=what))
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
            self.c.error(line, "date-out-of-range", M("date-out-of-range", what=what, value=value,
                                                        first=EARLIEST, last=LATEST))
            return None
        self.c.error(line, "bad-date", M("bad-date.format", what=what, value=brief(value)))
        return None

    def duration(self, value, line: int, what: str, **kwargs) -> Duration | None:
        try:
            duration = parse_duration(value, **kwargs)
        except FormatError as error:
            self.c.error(line, "bad-duration", M("detail", what=what, error=error))
            return None
        if abs(duration.days) > MAX_DAYS:
            self.c.error(line, "bad-duration",
                         M("bad-duration.too-long", what=what, value=brief(value), max=MAX_DAYS))
            return None
        return duration
