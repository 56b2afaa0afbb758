"""The computed schedule: what every writer (JSON, table, Excel, Gantt) reads.

A :class:`Schedule` is separate from the :class:`~roadmap.model.Plan` it came from; it
copies the few plan facts the writers need (project, phases, roles, bodies). The engine
hands it its packages as columns (:class:`~roadmap.engine.rows.PackageColumns`);
:attr:`Schedule.packages` makes the rows from them when first read.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from roadmap.engine.serialize import format_link, frame, to_json  # noqa: F401 - format_link re-exported
from roadmap.engine.rows import NEAR_CRITICAL_DAYS, Consultation, PackageColumns, ScheduledPackage
from roadmap.plan.diagnostics import Diagnostic
from roadmap.text import format_date, t
from roadmap.plan.model import Body, Link, Phase, Project, Role

__all__ = ["NEAR_CRITICAL_DAYS", "Consultation", "Holiday", "PackageColumns", "Schedule",
           "ScheduledPackage", "Window", "count_text", "format_link"]

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Holiday:
    date: dt.date
    name: str


@dataclass(frozen=True)
class Window:
    """A span of calendar days, both ends included (school holidays, closures)."""

    start: dt.date
    end: dt.date
    name: str


#: Phase colours where the plan gives none: Okabe-Ito, the colour-blind-safe palette
#: (Okabe & Ito 2008), without its black and without vermillion, kept for the critical path.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#56B4E9", "#CC79A7", "#F0E442", "#999999")
NO_PHASE_COLOR = "#999999"


@dataclass
class Schedule:
    project: Project
    start: dt.date
    finish: dt.date
    packages: list[ScheduledPackage]
    phases: tuple[Phase, ...] = ()
    roles: dict[str, Role] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    holidays: tuple[Holiday, ...] = ()
    closures: tuple[Window, ...] = ()
    school_holidays: tuple[Window, ...] = ()
    weekend: tuple[int, ...] = (5, 6)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    plan_path: str = ""
    #: Whether the plan records progress (actual dates, % done): then the status date
    #: moves what has not happened yet (docs/scheduling.md, "Progress").
    records_progress: bool = False
    #: The comparison with a baseline (``roadmap build --baseline``), else None.
    baseline: Comparison | None = None  # noqa: F821 - roadmap.engine.baseline.Comparison
    #: The engine's working-day calendar (roadmap.engine.calendar.WorkCalendar), if known.
    calendar: object = field(default=None, repr=False, compare=False)
    #: Levelling ran; ``load``: the roles' load per working day (engine.capacity.RoleLoad),
    #: when the plan has ``needs``, else None.
    levelled: bool = False
    load: object = field(default=None, repr=False, compare=False)

    #: The engine's columns the rows are made from (set by engine.assemble), or None.
    columns = None

    @property
    def language(self) -> str:
        return self.project.language

    @property
    def plan_id(self) -> str:
        """A short, stable identity of the plan: its name and town, hashed. A workbook
        carries it, so ``roadmap update`` can refuse a workbook made from another plan."""
        key = f"{self.project.name}\n{self.project.municipality or ''}".encode("utf-8")
        return hashlib.sha256(key).hexdigest()[:16]

    @property
    def status_date(self) -> dt.date:
        return self.project.status_date or dt.date.today()

    def package(self, package_id: str) -> ScheduledPackage:
        return self.packages[self._positions()[package_id]]

    def _positions(self) -> dict[str, int]:
        """Package id -> position in plan order (sort keys must not search the list)."""
        if len(getattr(self, "_position_cache", ())) != len(self.packages):
            self._position_cache = {p.id: index for index, p in enumerate(self.packages)}
        return self._position_cache

    def critical_path(self) -> list[ScheduledPackage]:
        """The critical packages in the order they happen."""
        position = self._positions()
        critical = [p for p in self.packages if p.critical]
        return sorted(critical, key=lambda p: (p.start, p.finish, position[p.id]))

    def counts(self) -> dict[str, int]:
        """How many tasks, milestones and decisions: the one count every output shows."""
        found = {"task": 0, "milestone": 0, "decision": 0}
        for p in self.packages:
            found["decision" if p.kind == "decision" else "milestone" if p.is_milestone else "task"] += 1
        return found

    def count_text(self, language: str | None = None) -> str:
        """``45 Einträge: 33 Arbeitspakete, 9 Meilensteine, 3 Beschlüsse`` (English:
        ``45 entries: 33 work packages, ...``): the one count, in every output alike."""
        return count_text(self.counts(), language or self.language)

    def working_days_between(self, first: dt.date, second: dt.date) -> int:
        """Working days after ``first`` up to and including ``second`` (negative when
        ``second`` lies before ``first``): how far a finish moved from ``first`` to ``second``."""
        cal = self.calendar
        if cal is not None:
            upto = lambda day: int(cal.nw.take((day - cal.origin).days + 1, mode="clip"))  # noqa: E731
            return upto(second) - upto(first)
        import numpy as np  # a Schedule built by hand: weekend and the listed holidays only

        week = "".join("0" if day in self.weekend else "1" for day in range(7))
        off = [h.date for h in self.holidays] + [w.start + dt.timedelta(days=k) for w in self.closures
                                                 for k in range((w.end - w.start).days + 1)]
        low, high = sorted((first, second))
        days = int(np.busday_count(low + dt.timedelta(days=1), high + dt.timedelta(days=1), week, off))
        return days if second >= first else -days

    def is_late(self, package: ScheduledPackage) -> bool:
        """Not finished, and behind its baseline (slip > 0) or past its deadline."""
        if package.status == "finished":
            return False
        slip = self.baseline.slip(package.id) if self.baseline is not None else 0
        return slip > 0 or package.deadline_late > 0

    def driving_chain(self, package_id: str) -> list[ScheduledPackage]:
        """The chain of drivers that sets a package's earliest date, from the package back
        to the project start or a fixed date (the "Treiberkette")."""
        chain, seen = [self.package(package_id)], {package_id}
        while chain[-1].driver and chain[-1].driver not in seen:
            seen.add(chain[-1].driver)
            chain.append(self.package(chain[-1].driver))
        return chain

    def percent_complete(self) -> float:
        """Overall % done, weighted by each package's planned working days (its
        ``duration``; milestones and decisions count one day)."""
        weights = [(max(p.duration.days if p.duration and not p.duration.elapsed else p.duration_days, 1),
                    p.progress) for p in self.packages]
        total = sum(w for w, _ in weights)
        return sum(w * done for w, done in weights) / total if total else 0.0

    def decisions(self) -> list[ScheduledPackage]:
        return [p for p in self.packages if p.kind == "decision"]

    def milestones(self) -> list[ScheduledPackage]:
        """Milestones and decisions, in date order. A recurring milestone (``repeat``: a
        Sachstandsbericht in every Sitzungsfolge) is an appointment series, not one event:
        it is left out here, and its row in the Gantt and the workbook shows every date."""
        position = self._positions()
        found = [p for p in self.packages if p.is_milestone and not p.occurrences]
        return sorted(found, key=lambda p: (p.start, position[p.id]))

    def phase_groups(self) -> list[tuple[str | None, list[ScheduledPackage]]]:
        """Packages by phase, phases in plan order, then those without a known phase
        (``None``); packages keep plan order and phases without packages are left out."""
        known = [phase.id for phase in self.phases]
        groups = [(pid, [p for p in self.packages if p.phase == pid]) for pid in known]
        groups.append((None, [p for p in self.packages if p.phase not in known]))
        return [(pid, members) for pid, members in groups if members]

    def phase_color(self, phase_id: str | None) -> str:
        """``#RRGGBB`` of a phase: the plan's, else the palette's by position; grey for none.
        Every writer asks here, so the workbook and the Gantt colour a phase alike."""
        for index, phase in enumerate(self.phases):
            if phase.id == phase_id:
                return (phase.color or PALETTE[index % len(PALETTE)]).upper()
        return NO_PHASE_COLOR

    def beratungsfolge(self, package: ScheduledPackage, language: str | None = None) -> str:
        """A decision's consultations: ``DigA 25.02.2027 → HFA 02.03.2027 → Rat 16.03.2027``;
        bodies consulting in one stage joined by ``+`` (``FA 02.03.2027 + StEA 04.03.2027 → …``)."""
        language = language or self.language
        stages: list[list[str]] = []
        for index, step in enumerate(package.sessions):
            body = self.bodies.get(step.body)
            name = body.label(language) if body else (step.body_name or step.body)
            if index == 0 or step.stage is None or step.stage != package.sessions[index - 1].stage:
                stages.append([])
            stages[-1].append(f"{name} {format_date(step.date, language)}")
        return " → ".join(" + ".join(stage) for stage in stages)

    def phase_name(self, phase_id: str | None) -> str:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase.name.get(self.language)
        return phase_id or ""

    def role_name(self, role_id: str | None) -> str:
        role = self.roles.get(role_id or "")
        return role.name.get(self.language) if role else (role_id or "")

    def body_name(self, body_id: str | None) -> str:
        body = self.bodies.get(body_id or "")
        return body.name.get(self.language) if body else (body_id or "")

    def to_frame(self) -> pd.DataFrame:
        """One row per package, in plan order, dates as ``datetime64``."""
        return frame(self)

    def to_json(self) -> dict:
        """The JSON document of the contract (``roadmap schedule --format json``), with the
        progress fields of docs/plan-format.md ("Progress and the status date")."""
        return to_json(self)


def _rows(schedule: Schedule) -> list[ScheduledPackage]:
    """``Schedule.packages``: the rows, made from the engine's columns when first read."""
    rows = schedule.__dict__.get("_rows")
    if rows is None:
        columns = schedule.columns
        rows = schedule.__dict__["_rows"] = columns.rows() if columns is not None else []
    return rows


def _set_rows(schedule: Schedule, rows) -> None:
    """Rows given (a list) replace the columns; ``None`` leaves them to the columns."""
    schedule.__dict__["_rows"] = rows
    if rows is not None:
        schedule.__dict__.pop("columns", None)


# A property over the dataclass field: ``Schedule(packages=...)``, ``dataclasses.replace``
# and equality read and write it as before.
Schedule.packages = property(_rows, _set_rows, doc="The packages with their dates, in plan order.")


def count_text(counts: dict[str, int], language: str) -> str:
    """The one count from ``{"task": n, "milestone": n, "decision": n}``, singulars right."""
    def part(key: str, n: int) -> str:
        return t(f"tracking.count.{key}.{'one' if n == 1 else 'other'}", language, n=n)

    return t("tracking.count", language, entries=part("entry", sum(counts.values())),
             tasks=part("task", counts["task"]), milestones=part("milestone", counts["milestone"]),
             decisions=part("decision", counts["decision"]))
