"""Reading the sections about days: ``calendar`` (weekend, closures) and ``bodies``.

A body's session dates come from the plan, from an .ics export of the council
information system (:mod:`roadmap.plan.sessions_ics`), or both.
"""
from __future__ import annotations

import datetime as dt

from roadmap.plan.fields import ID_PATTERN, FieldReader, brief, plain
from roadmap.plan.model import Body, CalendarSpec, Closure, Duration
from roadmap.plan.section_municipal import MunicipalSections
from roadmap.plan.sessions_ics import (MAX_MATCH, MatchTooComplex, SessionFileError, SessionList,
                                       compile_match, read_sessions)
from roadmap.plan.yamlio import LineList
from roadmap.text.messages import Message as M

CALENDAR_KEYS = ["weekend", "closures", "school_holidays", "public_holidays", "yearly_closures"]
BODY_KEYS = ["name", "short", "sessions", "sessions_ics", "match", "lead_time"]
_WEEKDAY_ALIASES = {
    **{name: i for i, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])},
    **{name: i for i, name in enumerate(["mo", "di", "mi", "do", "fr", "sa", "so"])},
    **{name: i for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])},
    **{name: i for i, name in enumerate(
        ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"])},
}


class CalendarSections(MunicipalSections, FieldReader):
    """``calendar`` and ``bodies``."""

    def read_calendar(self, data, line) -> CalendarSpec:
        if data is None:
            return CalendarSpec()
        data = self.mapping(data, line, "'calendar'")
        if data is None:
            return CalendarSpec()
        self.known_keys(data, CALENDAR_KEYS, "'calendar'")
        weekend = (5, 6)
        if "weekend" in data:
            days = data["weekend"] if isinstance(data["weekend"], list) else [data["weekend"]]
            found = []
            for day in days or []:
                index = _WEEKDAY_ALIASES.get(str(day).strip().lower())
                if index is None:
                    self.c.error(data.line_of("weekend"), "bad-weekday", M("bad-weekday.unknown", day=brief(day)))
                else:
                    found.append(index)
            weekend = tuple(sorted(set(found)))
            if len(weekend) == 7:
                self.c.error(data.line_of("weekend"), "bad-weekday", M("bad-weekday.all"))
        closures = []
        raw = data.get("closures") or []
        if not isinstance(raw, list):
            self.c.error(data.line_of("closures"), "bad-type", M("bad-type.closures"))
            raw = []
        for i, item in enumerate(raw):
            item_line = raw.line_of(i) if isinstance(raw, LineList) else line
            item = self.mapping(item, item_line, M("what.closure"))
            if item is None:
                continue
            self.known_keys(item, ["from", "to", "name"], M("what.closure"))
            if "from" not in item:
                self.c.error(item_line, "missing-key", M("missing-key.closure"))
                continue
            start = self.date(item["from"], item.line_of("from"), M("what.closure-from"))
            end = self.date(item.get("to", item["from"]), item.line_of("to"), M("what.closure-to"))
            if start and end:
                if end < start:
                    self.c.error(item.line_of("to"), "bad-date", M("bad-date.closure-order", end=end, start=start))
                else:
                    closures.append(Closure(start, end, self.scalar(item.get("name"), item.line_of("name"),
                                                                    M("what.closure"))))
        school = data.get("school_holidays", True)
        if not isinstance(school, bool):
            self.c.error(data.line_of("school_holidays"), "bad-type", M("bad-type.school-holidays"))
            school = True
        public = data.get("public_holidays", True)
        if not isinstance(public, bool):
            self.c.error(data.line_of("public_holidays"), "bad-type", M("bad-type.public-holidays"))
            public = True
        yearly = self.read_yearly_closures(data.get("yearly_closures"), data.line_of("yearly_closures"))
        return CalendarSpec(weekend=weekend, closures=tuple(closures), school_holidays=school,
                            public_holidays=public, yearly_closures=yearly)

    def read_bodies(self, data, line) -> dict[str, Body]:
        bodies = {}
        for body_id, spec, body_line in self.entries(data, line, "'bodies'"):
            body_id = str(body_id)
            if not ID_PATTERN.match(body_id):
                self.c.error(body_line, "bad-id", M("bad-id.body", id=brief(body_id)))
            spec = self.mapping(spec, body_line, M("what.body", id=body_id))
            if spec is None:
                continue
            self.known_keys(spec, BODY_KEYS, M("what.body", id=body_id))
            dates, cancelled, sources = set(), set(), []
            raw = spec.get("sessions")
            if raw is not None:
                if not isinstance(raw, list):
                    self.c.error(spec.line_of("sessions"), "bad-type", M("bad-type.sessions"))
                    raw = []
                for i, value in enumerate(raw):
                    day = self.date(value, raw.line_of(i), M("what.session", body=body_id))
                    if day:
                        dates.add(day)
                sources.append("plan")
            if spec.get("sessions_ics") is not None:
                found = self.read_ics(spec, body_id)
                if found is not None:
                    dates.update(found.dates)
                    cancelled.update(found.cancelled)
                    sources.append(plain(spec["sessions_ics"]))
            if raw is None and not spec.get("sessions_ics"):
                self.c.warning(body_line, "no-sessions", M("no-sessions.none", body=body_id))
            lead = Duration(15, text="3w")
            if "lead_time" in spec:
                lead = self.duration(spec["lead_time"], spec.line_of("lead_time"),
                                     M("what.lead-time", body=body_id)) or lead
            name = self.text(spec.get("name", body_id), spec.line_of("name"), M("what.body-name"))
            bodies[body_id] = Body(body_id, name, tuple(sorted(dates)), " + ".join(sources), lead,
                                   tuple(sorted(cancelled - dates)), body_line,
                                   short=self.scalar(spec.get("short"), spec.line_of("short"), "'short'"))
        return bodies

    def read_ics(self, spec, body_id: str) -> SessionList | None:
        """The sessions of ``spec['sessions_ics']`` (with ``match``), its problems filed."""
        line = spec.line_of("sessions_ics")
        given = self.scalar(spec["sessions_ics"], line, "'sessions_ics'")
        match = self.read_match(spec, body_id)
        if not given or match is False:
            return None
        window = (self.project_start - dt.timedelta(days=366), self.project_start + dt.timedelta(days=20 * 366))
        try:
            found = read_sessions(self.base_dir / given, match, window=window, shown=given)
        except SessionFileError as error:
            self.c.error(line, error.code, error.message)
            return None
        for code, message in found.problems:
            self.c.warning(line, code, message)
        if not found.dates:
            hint = (M("ics.titles", titles=", ".join(f"'{title}'" for title in found.titles))
                    if found.titles and match else "" if found.titles else M("ics.no-events"))
            self.c.warning(line, "no-sessions",
                           M("no-sessions.ics", file=given, body=body_id, found=hint,
                             matching=M("ics.matching", match=match) if match else ""))
        return found

    def read_match(self, spec, body_id: str):
        """``match`` as text, ``None`` if not given, ``False`` if unusable (an error is filed)."""
        if spec.get("match") is None:
            return None
        value, line = spec["match"], spec.line_of("match")
        if isinstance(value, (list, dict)):
            self.c.error(line, "bad-match", M("bad-match.type", body=body_id))
            return False
        text = plain(value)
        if len(text) > MAX_MATCH:
            self.c.error(line, "bad-match", M("bad-match.long", body=body_id, length=len(text), limit=MAX_MATCH))
            return False
        try:
            compile_match(text)
        except MatchTooComplex:
            self.c.error(line, "bad-match", M("bad-match.complex", body=body_id))
            return False
        return text or None
