"""Reading the sections about days: ``calendar`` (weekend, closures) and ``bodies``.

A body's session dates come from the plan, from an .ics export of the council
information system (:mod:`roadmap.plan.sessions_ics`), or both.
"""
from __future__ import annotations

from roadmap.plan.fields import ID_PATTERN, FieldReader, plain
from roadmap.plan.model import Body, CalendarSpec, Closure, Duration
from roadmap.plan.sessions_ics import SessionFileError, read_sessions
from roadmap.plan.yamlio import LineList
from roadmap.text.messages import Message as M

CALENDAR_KEYS = ["weekend", "closures", "school_holidays", "public_holidays"]
BODY_KEYS = ["name", "short", "sessions", "sessions_ics", "match", "lead_time"]
_WEEKDAY_ALIASES = {
    **{name: i for i, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])},
    **{name: i for i, name in enumerate(["mo", "di", "mi", "do", "fr", "sa", "so"])},
    **{name: i for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])},
    **{name: i for i, name in enumerate(
        ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"])},
}


class CalendarSections(FieldReader):
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
                    self.c.error(data.line_of("weekend"), "bad-weekday", M("bad-weekday.unknown", day=day))
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
                    closures.append(Closure(start, end, plain(item.get("name"))))
        school = data.get("school_holidays", True)
        if not isinstance(school, bool):
            self.c.error(data.line_of("school_holidays"), "bad-type", M("bad-type.school-holidays"))
            school = True
        public = data.get("public_holidays", True)
        if not isinstance(public, bool):
            self.c.error(data.line_of("public_holidays"), "bad-type", M("bad-type.public-holidays"))
            public = True
        return CalendarSpec(weekend=weekend, closures=tuple(closures), school_holidays=school,
                            public_holidays=public)

    def read_bodies(self, data, line) -> dict[str, Body]:
        bodies = {}
        for body_id, spec, body_line in self.entries(data, line, "'bodies'"):
            body_id = str(body_id)
            if not ID_PATTERN.match(body_id):
                self.c.error(body_line, "bad-id", M("bad-id.body", id=body_id))
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
            if spec.get("sessions_ics"):
                ics = self.base_dir / str(spec["sessions_ics"])
                match = plain(spec.get("match")) or None
                try:
                    found = read_sessions(ics, match)
                except SessionFileError as error:
                    self.c.error(spec.line_of("sessions_ics"), "ics-error", M("ics-error", error=error))
                else:
                    if not found.dates:
                        self.c.warning(spec.line_of("sessions_ics"), "no-sessions",
                                       M("no-sessions.ics", file=spec["sessions_ics"], body=body_id,
                                         matching=M("ics.matching", match=match) if match else ""))
                    dates.update(found.dates)
                    cancelled.update(found.cancelled)
                    sources.append(str(spec["sessions_ics"]))
            if raw is None and not spec.get("sessions_ics"):
                self.c.warning(body_line, "no-sessions", M("no-sessions.none", body=body_id))
            lead = Duration(15, text="3w")
            if "lead_time" in spec:
                lead = self.duration(spec["lead_time"], spec.line_of("lead_time"),
                                     M("what.lead-time", body=body_id)) or lead
            name = self.text(spec.get("name", body_id), spec.line_of("name"), M("what.body-name"))
            bodies[body_id] = Body(body_id, name, tuple(sorted(dates)), " + ".join(sources), lead,
                                   tuple(sorted(cancelled - dates)), body_line,
                                   short=plain(spec.get("short")))
        return bodies
