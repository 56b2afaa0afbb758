"""Baselines: the schedule the council approved, frozen to a file, and what moved since.

``roadmap baseline PLAN`` freezes a schedule (:func:`freeze`, :func:`write_baseline`);
``roadmap build PLAN --baseline FILE`` reads it back (:func:`read_baseline`) and compares
the new schedule with it (:func:`compare`, :func:`attach`), so the writers can show each
package's slip, the decisions that moved to another session, and what was added or removed.

The file is JSON, one package per line (docs/plan-format.md, "Baseline files"); it is read
with the plan's line-aware YAML reader (JSON is YAML), so a damaged file is reported as
``file:line: error: ... [bad-baseline]`` like any plan error.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from roadmap.engine.result import Schedule
from roadmap.output import atomic_write_text
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.plan.yamlio import LineDict, LineList, load_yaml
from roadmap.text import format_date
from roadmap.text.messages import Message as M

FORMAT = 1
SUFFIX = ".basis.json"


@dataclass(frozen=True)
class BaselineEntry:
    """One package as the baseline froze it; ``sessions``: a decision's (body, date)."""

    id: str
    name: str
    kind: str
    start: dt.date
    finish: dt.date
    sessions: tuple[tuple[str, dt.date], ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Baseline:
    plan_name: str
    municipality: str
    plan_id: str  # Schedule.plan_id of the plan it was made from
    plan_file: str  # the plan's file name when it was frozen
    plan_hash: str  # sha256 of the plan file's bytes ("" when there was no file)
    status_date: dt.date
    entries: tuple[BaselineEntry, ...]
    path: str = ""  # where it was read from


@dataclass(frozen=True)
class Deviation:
    """A package in both: its baseline and current dates, and the slip in working days
    (+ = later than the baseline, - = earlier)."""

    id: str
    baseline_start: dt.date
    baseline_finish: dt.date
    start: dt.date
    finish: dt.date
    slip: int  # of the finish
    start_slip: int


@dataclass(frozen=True)
class MovedDecision:
    """A decision now taken in another session than in the baseline."""

    id: str
    name: str
    old_date: dt.date
    new_date: dt.date
    old_sessions: tuple[tuple[str, dt.date], ...]  # the baseline's Beratungsfolge
    new_sessions: tuple[tuple[str, dt.date], ...]

    def beratungsfolge(self, schedule: Schedule, old: bool, language: str | None = None) -> str:
        """``DigA 25.02.2027 → HFA 02.03.2027 → Rat 16.03.2027`` (old or new)."""
        language = language or schedule.language
        steps = []
        for body, day in self.old_sessions if old else self.new_sessions:
            known = schedule.bodies.get(body)
            steps.append(f"{known.label(language) if known else body} {format_date(day, language)}")
        return " → ".join(steps)


@dataclass
class Comparison:
    """A schedule against a baseline (``Schedule.baseline``)."""

    baseline: Baseline
    deviations: dict[str, Deviation] = field(default_factory=dict)  # plan order
    moved: list[MovedDecision] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # ids not in the baseline, plan order
    removed: list[BaselineEntry] = field(default_factory=list)  # no longer in the plan

    def get(self, package_id: str) -> Deviation | None:
        return self.deviations.get(package_id)

    def slip(self, package_id: str) -> int:
        """Working days the package finishes after its baseline finish (0 if not in it)."""
        found = self.deviations.get(package_id)
        return found.slip if found else 0


# ---- freeze and write ---------------------------------------------------------------------


def default_path(plan_path) -> Path:
    """``plans/plettenberg.yaml`` -> ``plans/plettenberg.basis.json``."""
    plan_path = Path(plan_path)
    return plan_path.with_name(plan_path.stem + SUFFIX)


def freeze(schedule: Schedule, plan_path=None) -> Baseline:
    """The baseline of ``schedule``, made from the plan file at ``plan_path``."""
    digest = ""
    if plan_path and Path(plan_path).is_file():
        digest = hashlib.sha256(Path(plan_path).read_bytes()).hexdigest()
    entries = tuple(BaselineEntry(p.id, p.name, p.kind, p.start, p.finish,
                                  tuple((c.body, c.date) for c in p.sessions))
                    for p in schedule.packages)
    return Baseline(schedule.project.name, schedule.project.municipality, schedule.plan_id,
                    Path(plan_path).name if plan_path else "", digest, schedule.status_date, entries)


def baseline_text(baseline: Baseline) -> str:
    """The file: JSON, one package per line."""
    head = {"roadmap_baseline": FORMAT,
            "plan": {"name": baseline.plan_name, "municipality": baseline.municipality,
                     "id": baseline.plan_id, "file": baseline.plan_file, "sha256": baseline.plan_hash},
            "status_date": baseline.status_date.isoformat()}
    dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    lines = [f"  {dump(key)}: {dump(value)}," for key, value in head.items()]
    rows = []
    for e in baseline.entries:
        row = {"id": e.id, "name": e.name, "kind": e.kind, "start": e.start.isoformat(),
               "finish": e.finish.isoformat()}
        if e.sessions:
            row["sessions"] = [{"body": body, "date": day.isoformat()} for body, day in e.sessions]
        rows.append(f"    {dump(row)}")
    return "{\n" + "\n".join(lines) + '\n  "packages": [\n' + ",\n".join(rows) + "\n  ]\n}\n"


def write_baseline(baseline: Baseline, path, inputs=()) -> Path:
    """Write ``baseline`` to ``path`` atomically, never over one of ``inputs`` (the plan)."""
    return atomic_write_text(path, baseline_text(baseline), inputs)


# ---- read ---------------------------------------------------------------------------------


def read_baseline(path) -> Baseline:
    """The baseline at ``path``; a damaged file raises :class:`PlanError` with file:line."""
    file = str(path)

    def broken(at, variant, /, **args):
        return PlanError([Diagnostic("error", "bad-baseline", M(f"bad-baseline.{variant}", **args), file, at)])

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise broken(0, "unreadable", reason=getattr(problem, "strerror", None) or problem) from None
    try:
        data = load_yaml(text)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        raise broken(mark.line + 1 if mark else 0, "syntax",
                    problem=getattr(problem, "problem", None) or problem) from None
    if not isinstance(data, LineDict) or "roadmap_baseline" not in data:
        raise broken(1, "kind")
    if data["roadmap_baseline"] != FORMAT or isinstance(data["roadmap_baseline"], bool):
        raise broken(data.line_of("roadmap_baseline"), "version", version=data["roadmap_baseline"])
    reader = _Reader(broken)
    plan = reader.mapping(data, "plan")
    entries, seen = [], {}
    packages = data.get("packages")
    if not isinstance(packages, LineList):
        raise broken(data.line_of("packages"), "type", key="packages", expected=M("what.baseline-list"))
    for index, item in enumerate(packages):
        line = packages.line_of(index)
        if not isinstance(item, LineDict):
            raise broken(line, "type", key="packages", expected=M("what.baseline-list"))
        entry = reader.entry(item, line)
        if entry.id in seen:
            raise broken(line, "duplicate", id=entry.id, line=seen[entry.id])
        seen[entry.id] = line
        entries.append(entry)
    return Baseline(reader.text(plan, "name"), reader.text(plan, "municipality"), reader.text(plan, "id"),
                    reader.text(plan, "file"), reader.text(plan, "sha256"),
                    reader.date(data, "status_date", M("what.baseline-status")), tuple(entries), file)


class _Reader:
    """Values of a baseline file, each checked, with the line of what is wrong."""

    def __init__(self, broken):
        self.broken = broken

    def mapping(self, data: LineDict, key: str) -> LineDict:
        value = data.get(key)
        if not isinstance(value, LineDict):
            raise self.broken(data.line_of(key), "missing", what=M("what.baseline"), key=key)
        return value

    def text(self, data: LineDict, key: str, required: bool = False, what=None) -> str:
        value = data.get(key)
        if value is None and required:
            raise self.broken(data.line, "missing", what=what, key=key)
        if value is not None and not isinstance(value, str):
            raise self.broken(data.line_of(key), "type", key=key, expected=M("what.baseline-text"))
        return value or ""

    def date(self, data: LineDict, key: str, what) -> dt.date:
        value = data.get(key)
        if value is None:
            raise self.broken(data.line, "missing", what=what, key=key)
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.broken(data.line_of(key), "date", what=what, value=value) from None

    def entry(self, item: LineDict, line: int) -> BaselineEntry:
        what = M("what.baseline-entry", id=item.get("id", "?"))
        package_id = self.text(item, "id", True, M("what.baseline-entry", id="?"))
        sessions = []
        raw = item.get("sessions") or []
        if not isinstance(raw, list):
            raise self.broken(item.line_of("sessions"), "type", key="sessions", expected=M("what.baseline-list"))
        for step in raw:
            if not isinstance(step, LineDict):
                raise self.broken(item.line_of("sessions"), "type", key="sessions",
                                 expected=M("what.baseline-list"))
            sessions.append((self.text(step, "body", True, what), self.date(step, "date", what)))
        return BaselineEntry(package_id, self.text(item, "name"), self.text(item, "kind") or "task",
                             self.date(item, "start", what), self.date(item, "finish", what),
                             tuple(sessions), line)


# ---- compare ------------------------------------------------------------------------------


def compare(schedule: Schedule, baseline: Baseline) -> Comparison:
    """What moved between ``baseline`` and ``schedule``."""
    frozen = {e.id: e for e in baseline.entries}
    result = Comparison(baseline)
    for p in schedule.packages:
        old = frozen.get(p.id)
        if old is None:
            result.added.append(p.id)
            continue
        result.deviations[p.id] = Deviation(
            p.id, old.start, old.finish, p.start, p.finish,
            schedule.working_days_between(old.finish, p.finish),
            schedule.working_days_between(old.start, p.start))
        if p.kind == "decision" and old.kind == "decision" and old.finish != p.finish:
            result.moved.append(MovedDecision(p.id, p.name, old.finish, p.finish, old.sessions,
                                              tuple((c.body, c.date) for c in p.sessions)))
    current = {p.id for p in schedule.packages}
    result.removed = [e for e in baseline.entries if e.id not in current]
    return result


def attach(schedule: Schedule, path) -> Comparison:
    """Read the baseline at ``path``, compare, and set ``schedule.baseline``; a baseline of
    another plan (another name or town) is compared anyway, with a warning."""
    baseline = read_baseline(path)
    if baseline.plan_id and baseline.plan_id != schedule.plan_id:
        schedule.diagnostics.append(Diagnostic("warning", "baseline-other-plan", M(
            "baseline-other-plan", baseline=baseline.plan_name, plan=schedule.project.name), str(path), 1))
    schedule.baseline = compare(schedule, baseline)
    return schedule.baseline
