"""The computed schedule: what every writer (JSON, table, Excel, Gantt) reads.

A :class:`Schedule` is separate from the :class:`~roadmap.model.Plan` it came from; it
copies the few plan facts the writers need (project, phases, roles, bodies).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from roadmap.plan.diagnostics import Diagnostic
from roadmap.text import format_date
from roadmap.plan.model import Body, Duration, Link, Phase, Project, Role

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Consultation:
    """One step of a decision's Beratungsfolge: ``body`` meets on ``date``.

    ``vorlage_due`` is the last day the Vorlage may be ready for this session: the
    session date moved back by the body's lead time.
    """

    body: str
    body_name: str
    date: dt.date
    vorlage_due: dt.date


@dataclass(frozen=True)
class ScheduledPackage:
    """A package with its dates. Dates are inclusive working dates."""

    id: str
    name: str
    kind: str  # task | milestone | decision
    phase: str | None
    start: dt.date
    finish: dt.date
    duration_days: int
    duration: Duration | None
    late_start: dt.date
    late_finish: dt.date
    total_float: int
    free_float: int
    critical: bool
    sessions: tuple[Consultation, ...] = ()
    predecessors: tuple[Link, ...] = ()  # after `when` bridging
    owner: str | None = None
    body: str | None = None
    via: tuple[str, ...] = ()
    not_before: dt.date | None = None
    deadline: dt.date | None = None
    avoid: tuple[str, ...] = ()
    source: str = ""
    description: str = ""
    deliverable: str = ""
    line: int = 0
    needs: tuple[tuple[str, float], ...] = ()
    priority: int = 500
    moved_days: int = 0  # working days the levelling moved it
    moved_for: tuple[str, ...] = ()  # the roles whose capacity it waited for

    def moved_note(self, language: str = "de") -> str:
        """'verschoben wegen Kapazität von sc (+5 Arbeitstag(e))', or ''."""
        from roadmap.text.messages import Message

        if not self.moved_days:
            return ""
        return Message("level.moved", roles=", ".join(self.moved_for), days=self.moved_days).render(language)

    @property
    def is_milestone(self) -> bool:
        return self.kind != "task" or self.duration_days == 0 and not (
            self.duration and self.duration.elapsed and self.duration.days
        )


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
    levelled: bool = False

    @property
    def language(self) -> str:
        return self.project.language

    @property
    def status_date(self) -> dt.date:
        return self.project.status_date or dt.date.today()

    def package(self, package_id: str) -> ScheduledPackage:
        for package in self.packages:
            if package.id == package_id:
                return package
        raise KeyError(package_id)

    def critical_path(self) -> list[ScheduledPackage]:
        """The critical packages in the order they happen."""
        critical = [p for p in self.packages if p.critical]
        return sorted(critical, key=lambda p: (p.start, p.finish, self.packages.index(p)))

    def decisions(self) -> list[ScheduledPackage]:
        return [p for p in self.packages if p.kind == "decision"]

    def milestones(self) -> list[ScheduledPackage]:
        """Milestones and decisions, in date order."""
        found = [p for p in self.packages if p.is_milestone]
        return sorted(found, key=lambda p: (p.start, self.packages.index(p)))

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
        """A decision's consultations: ``DigA 25.02.2027 → HFA 02.03.2027 → Rat 16.03.2027``."""
        language = language or self.language
        steps = []
        for step in package.sessions:
            body = self.bodies.get(step.body)
            name = body.label(language) if body else (step.body_name or step.body)
            steps.append(f"{name} {format_date(step.date, language)}")
        return " → ".join(steps)

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
        import pandas as pd  # here, not at the top: importing pandas costs `roadmap check` ~1 s

        rows = [
            {
                "id": p.id,
                "name": p.name,
                "phase": p.phase,
                "kind": p.kind,
                "start": p.start,
                "finish": p.finish,
                "duration_days": p.duration_days,
                "late_start": p.late_start,
                "late_finish": p.late_finish,
                "total_float": p.total_float,
                "free_float": p.free_float,
                "critical": p.critical,
                "owner": p.owner,
                "predecessors": " ".join(format_link(link) for link in p.predecessors),
                "sessions": "; ".join(f"{c.body} {c.date.isoformat()}" for c in p.sessions),
                "source": p.source,
            }
            for p in self.packages
        ]
        frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else None)
        for column in ("start", "finish", "late_start", "late_finish"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
        return frame.set_index("id") if rows else frame

    def to_json(self) -> dict:
        """The JSON document of the contract (``roadmap schedule --format json``)."""
        return {
            "project": {
                "name": self.project.name,
                "start": self.start.isoformat(),
                "finish": self.finish.isoformat(),
            },
            "packages": [
                {
                    "id": p.id,
                    "name": p.name,
                    "phase": p.phase,
                    "kind": p.kind,
                    "start": p.start.isoformat(),
                    "finish": p.finish.isoformat(),
                    "duration_days": p.duration_days,
                    "total_float": p.total_float,
                    "free_float": p.free_float,
                    "critical": p.critical,
                    "sessions": [
                        {"body": c.body, "date": c.date.isoformat()} for c in p.sessions
                    ],
                    **({"levelling": {"moved_days": p.moved_days, "roles": list(p.moved_for),
                                      "note": p.moved_note(self.language)}}
                       if p.moved_days else {}),
                }
                for p in self.packages
            ],
            "diagnostics": [d.to_json(self.language) for d in self.diagnostics],
        }


def format_link(link: Link, german: bool = False) -> str:
    """``ag``, ``vorlage FS+2w`` (or ``vorlage EA+2w`` in German)."""
    from roadmap.plan.model import ENGLISH_TO_GERMAN_LINK

    link_type = ENGLISH_TO_GERMAN_LINK[link.type] if german else link.type
    if link.lag.days == 0 and link.type == "FS":
        return link.pred
    if link.lag.days == 0:
        return f"{link.pred} {link_type}"
    text = str(link.lag)
    sign = "" if text.startswith("-") else "+"
    return f"{link.pred} {link_type}{sign}{text}"
