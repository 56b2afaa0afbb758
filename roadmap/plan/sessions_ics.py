"""Council session dates from iCalendar files exported by council information systems.

ALLRIS, SessionNet and others export a body's sessions (or all bodies' sessions) as .ics.
Real exports have quirks: a VTIMEZONE without sub-components, DTEND at midnight for
planned sessions, date-only DTSTART, Windows-1252 text, recurring series with moved or
excluded dates, and cancelled sessions that stay in the file with STATUS:CANCELLED,
METHOD:CANCEL or a summary such as "Rat der Stadt - entfällt".

The file comes from a system nobody here controls, so it is read as hostile: a regular
file only, at most :data:`~roadmap.plan.files.ICS_LIMIT_MB`; a broken event is skipped
with a warning that names it; ``match`` runs on RE2, whose time is linear in the text.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from roadmap.plan import ics_lines, ics_series
from roadmap.plan.fields import EARLIEST, LATEST
from roadmap.plan.files import ICS_LIMIT_MB, FileProblem, read_regular
from roadmap.text.messages import Message as M

BERLIN = ZoneInfo("Europe/Berlin")
MAX_MATCH = 200  # characters of a ``match`` pattern
MAX_WARNINGS = 5  # skipped events named one by one; the rest are counted
TITLES = 5  # titles shown when ``match`` finds nothing

#: Words in a SUMMARY that mean the session will not take place.
CANCELLED = re.compile(
    r"entf[äa]llt|entfaellt|entfallen|abgesagt|f(?:ä|ae|a)llt\s+aus|ausgefallen|\bausfall\b"
    r"|findet\s+nicht\s+statt|verschoben|\bcancell?ed\b|\babgesetzt\b",
    re.IGNORECASE,
)
#: The same words in lower case, and a quick first test (most titles have none of them).
_CANCELLED_LOWER = re.compile(CANCELLED.pattern)
_CANCEL_HINT = re.compile(r"entf|abges|llt|ausf|ausgef|findet|verschob|cancel")
_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?")
_FAR = dt.timedelta(days=2)


class SessionFileError(ValueError):
    """An .ics file that cannot be read at all: ``code`` and a catalog ``message``."""

    def __init__(self, code: str, message: M):
        super().__init__(message)
        self.code, self.message = code, message


class MatchTooComplex(ValueError):
    """``match`` is a regular expression RE2 refuses to compile within its memory limit."""


@dataclass
class SessionList:
    dates: list[dt.date] = field(default_factory=list)  # sorted, unique
    cancelled: list[dt.date] = field(default_factory=list)
    events: int = 0  # events matching the body, cancelled ones included
    problems: list = field(default_factory=list)  # (code, message) of skipped events, warnings
    titles: list = field(default_factory=list)  # a few distinct titles of the file


def says_cancelled(summary: str) -> bool:
    """The SUMMARY says the session will not take place ("entfällt", "abgesagt", ...)."""
    low = summary.lower()
    return bool(_CANCEL_HINT.search(low) and _CANCELLED_LOWER.search(low))


def session_day(value) -> dt.date:
    """The calendar day a DTSTART falls on in Europe/Berlin time."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # floating time: local time of the council
            return value.date()
        return value.astimezone(BERLIN).date()
    if isinstance(value, dt.date):
        return value
    raise ValueError(value)


def compile_match(pattern: str):
    """``match`` as a test on a SUMMARY: a regular expression (RE2: linear time, no
    backtracking), or a plain substring if RE2 cannot read it as one (e.g. ``(a)\\1``)."""
    import re2

    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    try:
        return re2.compile(pattern, options).search
    except re2.error as error:
        if any(word in str(error) for word in ("too large", "too big", "repetition size")):
            raise MatchTooComplex(pattern) from None
    needle = pattern.casefold()
    return lambda summary: needle in summary.casefold()


def clean(text: str, width: int = 60) -> str:
    """A title from the file, safe to show: no control characters, at most ``width`` long."""
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text[:width * 4])
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def read_sessions(path: str | Path, match: str | None = None, *, window: tuple[dt.date, dt.date] | None = None,
                  shown: str | None = None) -> SessionList:
    """Read session dates from an .ics file; ``match`` picks one body by its SUMMARY.

    ``window`` bounds the expansion of recurring series (default: one year before today
    to twenty years after); ``shown`` is the path as the plan wrote it.
    """
    shown = str(path) if shown is None else shown
    try:
        raw = read_regular(path, ICS_LIMIT_MB, M("file-too-large.ics", path=shown, limit=ICS_LIMIT_MB), shown)
    except FileProblem as problem:
        code = "ics-error" if problem.code == "unreadable" else problem.code
        raise SessionFileError(code, problem.message) from None
    try:
        calendar = ics_lines.parse(ics_lines.decode(raw))
    except ics_lines.IcsSyntaxError as error:
        key = "ics.outside" if error.outside else "ics.invalid-line" if error.line else "ics.invalid"
        message = M(key, path=shown, line=error.line) if error.line else M(key, path=shown)
        raise SessionFileError("ics-error", message) from None
    if window is None:
        today = dt.date.today()
        window = (today - dt.timedelta(days=366), today + dt.timedelta(days=20 * 366))
    return _Sessions(shown, compile_match(match) if match else None, calendar.cancel).collect(calendar, window)


class _Sessions:
    """Collects the sessions of one file, and the warnings about the events it skips."""

    def __init__(self, shown: str, wanted, cancel_all: bool):
        self.shown, self.wanted, self.cancel_all = shown, wanted, cancel_all
        self.result = SessionList()
        self.dates: set[dt.date] = set()
        self.cancelled: set[dt.date] = set()
        self.skipped: list = []
        self.titles: dict[str, None] = {}

    def collect(self, calendar: ics_lines.IcsFile, window) -> SessionList:
        series, single = ics_series.split(calendar.events)
        for event in single:
            summary = event.summary
            if not self.take(summary):
                continue
            if "DTSTART" not in event.props:
                self.skip("ics-bad-event", "ics-bad-event.no-dtstart", event, summary)
                continue
            params, value = event.props["DTSTART"]
            try:
                day = _day(params, value)
            except ValueError:
                self.skip("ics-bad-event", "ics-bad-event.dtstart", event, summary, value=clean(value, 30))
                continue
            if not EARLIEST <= day <= LATEST:
                self.skip("ics-out-of-range", "ics-out-of-range", event, summary, value=day,
                          first=EARLIEST, last=LATEST)
                continue
            self.add(day, summary, event.props.get("STATUS", ("", ""))[1])
        if series:
            self.expand(series, calendar.timezones, window)
        return self.finish()

    def take(self, summary: str) -> bool:
        if len(self.titles) < TITLES:
            title = clean(summary)
            if title:
                self.titles.setdefault(title, None)
        return not self.wanted or bool(self.wanted(summary))

    def add(self, day: dt.date, summary: str, status: str) -> None:
        self.result.events += 1
        if self.cancel_all or status.strip().upper() == "CANCELLED" or says_cancelled(summary):
            self.cancelled.add(day)
        else:
            self.dates.add(day)

    def skip(self, code: str, key: str, event, summary: str, **args) -> None:
        self.skipped.append((code, key, event.line, clean(summary or event.uid or "?"), args))

    def expand(self, series, timezones, window) -> None:
        first, last = max(window[0], EARLIEST), min(window[1], LATEST)
        if first > last:
            return
        series = [group for group in series if self.take(group[0].summary) or
                  any(self.take(e.summary) for e in group[1:])]
        found = ics_series.expand(series, timezones, (first, last))
        for event, reason, rule in found.broken:
            self.skip("ics-bad-event", f"ics-bad-event.{reason}", event, event.summary, rule=rule)
        for occurrence in found.occurrences:
            if self.wanted and not self.wanted(occurrence.summary):
                continue
            try:
                day = session_day(occurrence.start)
            except (ValueError, OverflowError):
                continue
            if first <= day <= last:
                self.add(day, occurrence.summary, occurrence.status)
        if found.left_out:
            count = M(f"count.series.{'one' if found.left_out == 1 else 'other'}", n=found.left_out)
            key = f"ics-limit.{found.limit}"
            self.result.problems.append(("ics-limit", M(key, file=self.shown, series=count,
                                                         limit=ics_series.MAX_OCCURRENCES,
                                                         seconds=int(ics_series.MAX_SECONDS))))

    def finish(self) -> SessionList:
        for code, key, line, event, args in self.skipped[:MAX_WARNINGS]:
            self.result.problems.append((code, M(key, file=self.shown, line=line, event=event, **args)))
        more = len(self.skipped) - MAX_WARNINGS
        if more > 0:
            count = M(f"count.event.{'one' if more == 1 else 'other'}", n=more)
            self.result.problems.append(("ics-bad-event", M("ics-bad-event.more", file=self.shown, count=count)))
        self.result.dates = sorted(self.dates)
        # A session cancelled and held on the same day (a rescheduled entry) counts as held.
        self.result.cancelled = sorted(self.cancelled - self.dates)
        self.result.titles = list(self.titles)
        return self.result


def _day(params: str, value: str) -> dt.date:
    """The day of a DTSTART in Europe/Berlin; ``ValueError`` if it is not a date."""
    found = _DATE.fullmatch(value.strip().replace("-", "").replace(":", ""))
    if not found:
        raise ValueError(value)
    year, month, day, hour, minute, second, utc = found.groups()
    date = dt.date(int(year), int(month), int(day))
    if hour is None or not EARLIEST - _FAR <= date <= LATEST + _FAR:
        return date
    moment = dt.datetime(date.year, date.month, date.day, int(hour), int(minute), int(second or 0))
    if utc:
        return moment.replace(tzinfo=dt.timezone.utc).astimezone(BERLIN).date()
    if not params or params == ";TZID=Europe/Berlin":
        return date
    tzid = ics_lines.parameter(params, "TZID")
    zone = _zone(tzid) if tzid and tzid != "Europe/Berlin" else None
    return moment.replace(tzinfo=zone).astimezone(BERLIN).date() if zone else date


@lru_cache(maxsize=64)
def _zone(tzid: str):
    """An IANA time zone, or ``None``: an unknown TZID counts as the council's local time."""
    try:
        return ZoneInfo(tzid)
    except Exception:  # noqa: BLE001 - ZoneInfo raises several kinds on odd keys
        return None
