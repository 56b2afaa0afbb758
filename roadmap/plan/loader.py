"""Read a plan file into a validated :class:`~roadmap.model.Plan`.

Every problem becomes a :class:`~roadmap.diagnostics.Diagnostic` with ``file:line`` and a
stable code; all problems of one file are collected before :class:`PlanError` is raised,
so a user fixes them in one round instead of one per run.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import holidays
import yaml

from roadmap.plan.diagnostics import Collector, PlanError
from roadmap.plan.durations import FormatError, parse_duration, parse_link
from roadmap.text.messages import Message as M
from roadmap.plan.model import (
    Body, CalendarSpec, Closure, Duration, Link, OptionSpec, Package, Phase, Plan, Project,
    Role, Text,
)
from roadmap.plan.sessions_ics import SessionFileError, read_sessions
from roadmap.plan.yamlio import LineDict, LineList, load_yaml

TOP_KEYS = ["roadmap", "template", "project", "calendar", "bodies", "roles", "options",
            "phases", "packages"]
PROJECT_KEYS = ["name", "municipality", "state", "start", "language", "status_date"]
CALENDAR_KEYS = ["weekend", "closures", "school_holidays"]
BODY_KEYS = ["name", "short", "sessions", "sessions_ics", "match", "lead_time"]
PACKAGE_KEYS = ["id", "name", "phase", "kind", "duration", "after", "owner", "body", "via",
                "not_before", "deadline", "avoid", "when", "source", "description",
                "deliverable"]
KINDS = ("task", "milestone", "decision")
ID_PATTERN = re.compile(r"^[a-z0-9_-]+$")
STATES = sorted(code for code in holidays.Germany.subdivisions if len(code) == 2)
AVOIDABLE = ("school_holidays",)
MAX_DAYS = 10_000  # about 40 years of working days; more is a typo, not a plan
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2199, 12, 31)  # holiday data; sane plans
_WEEKDAY_ALIASES = {
    **{name: i for i, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])},
    **{name: i for i, name in enumerate(["mo", "di", "mi", "do", "fr", "sa", "so"])},
    **{name: i for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])},
    **{name: i for i, name in enumerate(
        ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"])},
}


def load_plan(path, options: dict | None = None) -> Plan:
    """Read and validate the plan at ``path``; ``options`` override the plan's options."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        collector = Collector(str(path))
        reason = getattr(error, "strerror", None) or str(error)
        collector.error(0, "unreadable", M("unreadable", reason=reason))
        raise PlanError(collector.items) from None
    return parse_plan(text, str(path), path.parent, options)


def parse_plan(text: str, file: str = "plan.yaml", base_dir=".", options: dict | None = None) -> Plan:
    """Validate plan ``text``; ``file`` names it in diagnostics, ``base_dir`` resolves .ics paths."""
    return _Reader(file, Path(base_dir), options or {}).read(text)


def _suggest(word, choices) -> M | str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1)
    return M("suggest", word=close[0]) if close else ""


def _package(package_id) -> M:
    return M("what.package", id=package_id)


class _Reader:
    def __init__(self, file: str, base_dir: Path, option_overrides: dict):
        self.c = Collector(file)
        self.base_dir = base_dir
        self.option_overrides = option_overrides

    # ---- helpers -------------------------------------------------------------------

    def mapping(self, value, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.c.error(line, "bad-type", M("bad-type.mapping", what=what))
        return None

    def known_keys(self, data: LineDict, known: list[str], what: str) -> None:
        for key, line in data.duplicates:
            self.c.error(line, "duplicate-key", M("duplicate-key", key=key, what=what))
        for key in data:
            if key not in known:
                self.c.error(data.line_of(key), "unknown-key",
                             M("unknown-key", key=key, what=what, suggest=_suggest(key, known)))

    def text(self, value, line: int, what: str) -> Text:
        if value is None:
            return Text()
        if isinstance(value, dict):
            unknown = [k for k in value if k not in ("de", "en")]
            if unknown:
                self.c.error(line, "bad-text", M("bad-text.languages", what=what, language=unknown[0]))
            return Text(_plain(value.get("de")), _plain(value.get("en")))
        if isinstance(value, list):
            self.c.error(line, "bad-text", M("bad-text.list", what=what))
            return Text()
        return Text(_plain(value), _plain(value))

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

    # ---- sections ------------------------------------------------------------------

    def read(self, text: str) -> Plan:
        try:
            data = load_yaml(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            line = mark.line + 1 if mark else 0
            problem = getattr(error, "problem", None) or str(error)
            self.c.error(line, "yaml-syntax", M("yaml-syntax", problem=problem))
            raise PlanError(self.c.items) from None
        if not isinstance(data, LineDict):
            self.c.error(1, "bad-type", M("bad-type.plan"))
            raise PlanError(self.c.items)
        self.known_keys(data, TOP_KEYS, M("what.plan"))
        for key in ("roadmap", "project", "packages"):
            if key not in data:
                self.c.error(data.line or 1, "missing-key", M("missing-key.top", key=key))
        if "roadmap" in data and data["roadmap"] != 1:
            self.c.error(data.line_of("roadmap"), "bad-version", M("bad-version", version=data["roadmap"]))

        template, option_specs = self.read_template(data.get("template"), data.line_of("template"))
        project = self.read_project(data.get("project"), data.line_of("project"))
        calendar = self.read_calendar(data.get("calendar"), data.line_of("calendar"))
        bodies = self.read_bodies(data.get("bodies"), data.line_of("bodies"))
        roles = self.read_roles(data.get("roles"), data.line_of("roles"))
        options = self.read_options(data.get("options"), data.line_of("options"), option_specs)
        phases = self.read_phases(data.get("phases"), data.line_of("phases"))
        packages = self.read_packages(data.get("packages"), data.line_of("packages"),
                                      phases, roles, bodies, options, option_specs, calendar)
        self.c.items.sort(key=lambda d: d.line)  # stable: same-line problems keep their order
        if self.c.has_errors:
            raise PlanError(self.c.items, project.language if isinstance(data.get("project"), dict) else None)
        return Plan(project=project, packages=tuple(packages), calendar=calendar, bodies=bodies,
                    roles=roles, phases=tuple(phases), options=options,
                    option_specs=tuple(option_specs), template=template, path=self.c.file,
                    warnings=tuple(self.c.items))

    def read_template(self, data, line):
        if data is None:
            return {}, []
        data = self.mapping(data, line, "'template'")
        if data is None:
            return {}, []
        self.known_keys(data, ["id", "name", "description", "options"], "'template'")
        meta = {
            "id": _plain(data.get("id")),
            "name": self.text(data.get("name"), data.line_of("name"), M("what.template-name")),
            "description": self.text(data.get("description"), data.line_of("description"),
                                     M("what.template-description")),
        }
        specs = []
        options = data.get("options") or {}
        options = self.mapping(options, data.line_of("options"), "'template.options'") or {}
        for key, spec in options.items():
            spec_line = options.line_of(key)
            spec = self.mapping(spec, spec_line, M("what.template-option", key=key))
            if spec is None:
                continue
            self.known_keys(spec, ["name", "default", "choices"], M("what.template-option", key=key))
            choices = self.mapping(spec.get("choices"), spec.line_of("choices"),
                                   M("what.choices", key=key)) or {}
            pairs = tuple((str(value), self.text(name, choices.line_of(value), M("what.choice", value=value)))
                          for value, name in choices.items())
            default = _plain(spec.get("default"))
            if pairs and default not in [value for value, _ in pairs]:
                self.c.error(spec.line_of("default"), "bad-option-value",
                             M("bad-option-value.default", default=default, key=key,
                               choices=", ".join(value for value, _ in pairs)))
            specs.append(OptionSpec(str(key), self.text(spec.get("name"), spec_line, M("what.option-name")),
                                    default, pairs))
        return meta, specs

    def read_project(self, data, line) -> Project:
        data = self.mapping(data, line, "'project'") if data is not None else None
        if data is None:
            return Project(name="")
        self.known_keys(data, PROJECT_KEYS, "'project'")
        if "name" not in data:
            self.c.error(data.line, "missing-key", M("missing-key.project-name"))
        if "start" not in data:
            self.c.error(data.line, "missing-key", M("missing-key.project-start"))
        state = _plain(data.get("state", "NW")).upper()
        if state not in STATES:
            self.c.error(data.line_of("state"), "bad-state", M("bad-state", state=state, states=", ".join(STATES)))
        language = _plain(data.get("language", "de")).lower()
        if language not in ("de", "en"):
            self.c.error(data.line_of("language"), "bad-language", M("bad-language", language=language))
            language = "de"
        start = self.date(data["start"], data.line_of("start"), "start") if "start" in data else None
        status = None
        if data.get("status_date") is not None:
            status = self.date(data["status_date"], data.line_of("status_date"), "status_date")
        return Project(name=_plain(data.get("name")), municipality=_plain(data.get("municipality")),
                       state=state, start=start or dt.date(2027, 1, 4), language=language,
                       status_date=status)

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
                    closures.append(Closure(start, end, _plain(item.get("name"))))
        school = data.get("school_holidays", True)
        if not isinstance(school, bool):
            self.c.error(data.line_of("school_holidays"), "bad-type", M("bad-type.school-holidays"))
            school = True
        return CalendarSpec(weekend=weekend, closures=tuple(closures), school_holidays=school)

    def read_bodies(self, data, line) -> dict[str, Body]:
        if data is None:
            return {}
        data = self.mapping(data, line, "'bodies'")
        bodies = {}
        for body_id, spec in (data or {}).items():
            body_line = data.line_of(body_id)
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
                match = _plain(spec.get("match")) or None
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
                                   short=_plain(spec.get("short")))
        return bodies

    def read_roles(self, data, line) -> dict[str, Role]:
        if data is None:
            return {}
        data = self.mapping(data, line, "'roles'")
        roles = {}
        for role_id, spec in (data or {}).items():
            role_line = data.line_of(role_id)
            if not isinstance(spec, dict):
                roles[str(role_id)] = Role(str(role_id), self.text(spec, role_line, M("what.role-name")), 1.0, role_line)
                continue
            self.known_keys(spec, ["name", "capacity"], M("what.role", id=role_id))
            capacity = spec.get("capacity", 1.0)
            if isinstance(capacity, bool) or not isinstance(capacity, (int, float)) or capacity <= 0:
                self.c.error(spec.line_of("capacity"), "bad-capacity", M("bad-capacity", role=role_id))
                capacity = 1.0
            roles[str(role_id)] = Role(str(role_id), self.text(spec.get("name", role_id), role_line, M("what.role-name")),
                                       float(capacity), role_line)
        return roles

    def read_options(self, data, line, specs: list[OptionSpec]) -> dict[str, str]:
        chosen = {spec.key: spec.default for spec in specs if spec.default}
        given = {}
        if data is not None:
            data = self.mapping(data, line, "'options'") or {}
            given = {str(k): (_plain(v), data.line_of(k)) for k, v in data.items()}
        given.update({str(k): (str(v), 0) for k, v in self.option_overrides.items()})
        by_key = {spec.key: spec for spec in specs}
        for key, (value, key_line) in given.items():
            spec = by_key.get(key)
            if specs and spec is None:
                self.c.error(key_line or line, "unknown-option",
                             M("unknown-option.plan", key=key, suggest=_suggest(key, by_key),
                               known=", ".join(by_key)))
                continue
            if spec and spec.choices and value not in [v for v, _ in spec.choices]:
                self.c.error(key_line or line, "bad-option-value",
                             M("bad-option-value.plan", value=value, key=key,
                               suggest=_suggest(value, [v for v, _ in spec.choices]),
                               choices=", ".join(v for v, _ in spec.choices)))
                continue
            chosen[key] = value
        return chosen

    def read_phases(self, data, line) -> list[Phase]:
        if data is None:
            return []
        if not isinstance(data, list):
            self.c.error(line, "bad-type", M("bad-type.phases"))
            return []
        phases, seen = [], set()
        for i, item in enumerate(data):
            item_line = data.line_of(i)
            item = self.mapping(item, item_line, M("what.phase"))
            if item is None:
                continue
            self.known_keys(item, ["id", "name", "color"], M("what.phase"))
            phase_id = _plain(item.get("id"))
            if not phase_id:
                self.c.error(item_line, "missing-key", M("missing-key.phase"))
                continue
            if phase_id in seen:
                self.c.error(item_line, "duplicate-id", M("duplicate-id.phase", id=phase_id))
            seen.add(phase_id)
            color = _plain(item.get("color")) or None
            if color and not re.fullmatch(r"#[0-9a-fA-F]{6}", color):
                self.c.error(item.line_of("color"), "bad-color", M("bad-color", color=color))
                color = None
            phases.append(Phase(phase_id, self.text(item.get("name", phase_id), item.line_of("name"), M("what.phase-name")),
                                color, item_line))
        return phases

    def read_packages(self, data, line, phases, roles, bodies, options, specs, calendar) -> list[Package]:
        if data is None:
            return []
        if not isinstance(data, list) or not data:
            self.c.error(line, "bad-type", M("bad-type.packages"))
            return []
        packages, lines = [], {}
        for i, item in enumerate(data):
            package = self.read_package(item, data.line_of(i), phases, roles, bodies, options, specs, calendar)
            if package is None:
                continue
            if package.id in lines:
                self.c.error(package.line, "duplicate-id",
                             M("duplicate-id.package", id=package.id, line=lines[package.id]))
                continue
            lines[package.id] = package.line
            packages.append(package)
        by_id = {p.id: p for p in packages}
        for package in packages:
            for link in package.after:
                if link.pred == package.id:
                    self.c.error(link.line, "self-link", M("self-link", id=package.id))
                elif link.pred not in by_id:
                    self.c.error(link.line, "unknown-package",
                                 M("unknown-package", id=package.id, pred=link.pred,
                                   suggest=_suggest(link.pred, by_id)))
        cycle = find_cycle(packages)
        if cycle:
            self.c.error(by_id[cycle[0]].line, "cycle", M("cycle", cycle=" -> ".join(cycle)))
        return packages

    def read_package(self, item, line, phases, roles, bodies, options, specs, calendar) -> Package | None:
        item = self.mapping(item, line, M("what.work-package"))
        if item is None:
            return None
        self.known_keys(item, PACKAGE_KEYS, M("what.work-package"))
        package_id = _plain(item.get("id"))
        if not package_id:
            self.c.error(line, "missing-key", M("missing-key.package-id"))
            return None
        if not ID_PATTERN.match(package_id):
            self.c.error(item.line_of("id"), "bad-id", M("bad-id.package", id=package_id))
        what = _package(package_id)
        kind = _plain(item.get("kind", "task"))
        if kind not in KINDS:
            self.c.error(item.line_of("kind"), "bad-kind",
                         M("bad-kind", what=what, kind=kind, suggest=_suggest(kind, KINDS)))
            kind = "task"
        duration = None
        if "duration" in item:
            duration = self.duration(item["duration"], item.line_of("duration"), what)
        if kind == "task" and "duration" not in item:
            self.c.error(line, "missing-key", M("missing-key.duration", what=what))
        if kind != "task" and duration and duration.days:
            self.c.error(item.line_of("duration"), "bad-duration",
                         M("bad-duration.not-task", what=what, kind=M(f"kind.{kind}")))
        if kind == "task" and duration is not None and duration.days == 0:
            kind = "milestone"  # the contract: 0 or 0d makes a milestone

        after = []
        raw_after = item.get("after") or []
        if isinstance(raw_after, (str, dict)):
            raw_after = LineList([raw_after])
            raw_after.line, raw_after.item_lines = item.line_of("after"), [item.line_of("after")]
        if not isinstance(raw_after, list):
            self.c.error(item.line_of("after"), "bad-link", M("bad-link.list", what=what))
            raw_after = []
        for i, value in enumerate(raw_after):
            link_line = raw_after.line_of(i) if isinstance(raw_after, LineList) else item.line_of("after")
            try:
                after.append(parse_link(value, link_line))
            except FormatError as error:
                self.c.error(link_line, "bad-link", M("detail", what=what, error=error))

        phase = _plain(item.get("phase")) or None
        if phase and phases and phase not in [p.id for p in phases]:
            self.c.error(item.line_of("phase"), "unknown-phase",
                         M("unknown-phase", what=what, phase=phase, suggest=_suggest(phase, [p.id for p in phases])))
        owner = _plain(item.get("owner")) or None
        if owner and roles and owner not in roles:
            self.c.error(item.line_of("owner"), "unknown-role",
                         M("unknown-role", what=what, owner=owner, suggest=_suggest(owner, roles)))

        body = _plain(item.get("body")) or None
        via_raw = item.get("via") or []
        via = tuple(_plain(v) for v in (via_raw if isinstance(via_raw, list) else [via_raw]))
        if not all(isinstance(v, str) and v for v in (via_raw if isinstance(via_raw, list) else [via_raw])):
            self.c.error(item.line_of("via"), "bad-type", M("bad-type.via", what=what))
            via = tuple(v for v in via if v and v in bodies)
        if kind == "decision":
            if not body:
                self.c.error(line, "missing-key", M("missing-key.decision-body", what=what))
            for ref, ref_line in [(body, item.line_of("body"))] + [(v, item.line_of("via")) for v in via]:
                if ref and ref not in bodies:
                    self.c.error(ref_line, "unknown-body",
                                 M("unknown-body", what=what, body=ref, suggest=_suggest(ref, bodies)))
        elif body or via:
            self.c.error(item.line_of("body" if body else "via"), "not-a-decision", M("not-a-decision", what=what))

        not_before = deadline = None
        if item.get("not_before") is not None:
            not_before = self.date(item["not_before"], item.line_of("not_before"), M("what.field", what=what, field="not_before"))
        if item.get("deadline") is not None:
            deadline = self.date(item["deadline"], item.line_of("deadline"), M("what.field", what=what, field="deadline"))

        avoid_raw = item.get("avoid") or []
        avoid = tuple(_plain(a) for a in (avoid_raw if isinstance(avoid_raw, list) else [avoid_raw]))
        for value in avoid:
            if value not in AVOIDABLE:
                self.c.error(item.line_of("avoid"), "bad-avoid", M("bad-avoid.value", what=what, value=value))
            elif not calendar.school_holidays:
                self.c.error(item.line_of("avoid"), "avoid-without-school-holidays",
                             M("avoid-without-school-holidays", what=what))
        if avoid and kind == "decision":
            self.c.error(item.line_of("avoid"), "bad-avoid", M("bad-avoid.decision", what=what))

        when = []
        raw_when = item.get("when")
        if raw_when is not None:
            raw_when = self.mapping(raw_when, item.line_of("when"), M("what.field", what=what, field="'when'")) or {}
            by_key = {spec.key: spec for spec in specs}
            for key, values in raw_when.items():
                values = tuple(_plain(v) for v in (values if isinstance(values, list) else [values]))
                if key not in options:
                    self.c.error(raw_when.line_of(key), "unknown-option",
                                 M("unknown-option.when", what=what, key=key, suggest=_suggest(key, options)))
                    continue
                spec = by_key.get(key)
                for value in values:
                    if spec and spec.choices and value not in [v for v, _ in spec.choices]:
                        self.c.error(raw_when.line_of(key), "bad-option-value",
                                     M("bad-option-value.when", what=what, value=value, key=key,
                                       choices=", ".join(v for v, _ in spec.choices)))
                when.append((str(key), values))

        return Package(
            id=package_id,
            name=self.text(item.get("name", package_id), item.line_of("name"), M("what.field", what=what, field="name")),
            kind=kind, duration=duration if kind == "task" else None, after=tuple(after),
            phase=phase, owner=owner, body=body, via=via, not_before=not_before,
            deadline=deadline, avoid=avoid, when=tuple(when), source=_plain(item.get("source")),
            description=self.text(item.get("description"), item.line_of("description"), M("what.description")),
            deliverable=self.text(item.get("deliverable"), item.line_of("deliverable"), M("what.deliverable")),
            line=line,
        )


def _plain(value) -> str:
    """A scalar as text; YAML turns ``2027-01-11`` into a date and ``1.0`` into a float."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def find_cycle(packages) -> list[str]:
    """A dependency cycle as ``[a, b, c, a]`` (each comes after the previous), or ``[]``."""
    preds = {p.id: [link.pred for link in p.after] for p in packages}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in preds:
        if root in state:
            continue
        path, stack = [root], [iter(preds[root])]
        state[root] = 1
        while stack:
            pred = next(stack[-1], None)
            if pred is None:
                state[path.pop()] = 2
                stack.pop()
            elif pred not in preds or state.get(pred) == 2:
                continue
            elif state.get(pred) == 1:
                # path runs from successors to predecessors; report in time order.
                cycle = path[path.index(pred):] + [pred]
                return cycle[::-1]
            else:
                state[pred] = 1
                path.append(pred)
                stack.append(iter(preds[pred]))
    return []


def active_packages(plan: Plan) -> list[Package]:
    """The packages ``when`` keeps, with links through left-out packages bridged.

    A successor of a left-out package inherits that package's predecessors, keeping the
    type and lag of its own link, so the network stays connected.
    """
    def included(package: Package) -> bool:
        return all(plan.options.get(key) in values for key, values in package.when)

    if not any(p.when for p in plan.packages):
        return list(plan.packages)
    kept = {p.id for p in plan.packages if included(p)}
    by_id = {p.id: p for p in plan.packages}

    def resolve(pred: str, seen=()) -> list[str]:
        if pred in kept:
            return [pred]
        found = []
        for link in by_id[pred].after:
            if link.pred not in seen:
                found += [p for p in resolve(link.pred, seen + (pred,)) if p not in found]
        return found

    result = []
    for package in plan.packages:
        if package.id not in kept:
            continue
        links, seen = [], set()
        for link in package.after:
            for pred in resolve(link.pred):
                key = (pred, link.type, link.lag.days, link.lag.elapsed)
                if key not in seen:
                    seen.add(key)
                    links.append(Link(pred, link.type, link.lag, link.line))
        result.append(_replace_after(package, tuple(links)))
    return result


def _replace_after(package: Package, after: tuple[Link, ...]) -> Package:
    from dataclasses import replace

    return replace(package, after=after) if after != package.after else package
