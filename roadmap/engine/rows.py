"""The rows of a schedule: :class:`ScheduledPackage`, and the columns they are made from.

The engine's result is arrays (one entry per package, in plan order); most callers of
:func:`~roadmap.engine.scheduler.schedule` want the rows, but making 100,000 frozen
dataclass objects took longer than scheduling them. So :func:`~roadmap.engine.assemble.assemble`
keeps the computed values as :class:`PackageColumns`, and
:attr:`roadmap.engine.result.Schedule.packages` turns them into rows the first time it is
read (:meth:`PackageColumns.rows`), then keeps them.

The row's fields taken from the plan (id, links, owner, ...) are read from the plan's own
:class:`~roadmap.plan.model.Package` objects when the rows are made: the columns hold no
copy of the plan. A field added to :class:`ScheduledPackage` with a default needs nothing
here; one the engine computes gets a column.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from roadmap.plan.model import Duration, Link, Package
from roadmap.text import format_date, t

if TYPE_CHECKING:  # numpy is imported by the engine; `roadmap check` imports this module without it
    import numpy as np

#: Total float (working days) up to which a package counts as near-critical.
NEAR_CRITICAL_DAYS = 10


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
    #: Consultations with the same stage (``via: [[a, b], c]``) are held in one Sitzungsfolge;
    #: None: a stage of its own.
    stage: int | None = None


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
    # ---- the living plan (docs/plan-format.md, "Progress"): what has happened by the
    # status date. ``status`` is finished | running | not_started.
    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    progress: float = 0.0  # % complete, 0-100
    status: str = "not_started"
    # ---- why the package is where it is: the predecessor whose link sets its earliest
    # date (None: the project start, a fixed date or the status date sets it), and which
    # of these it was: start | link | not_before | status_date | actual.
    driver: str | None = None
    driver_reason: str = "start"
    #: Working days the finish lies after the deadline (0: met, or no deadline).
    deadline_late: int = 0
    #: Milestones and decisions: their instant is the closing of their day (a decision, or
    #: a milestone after a finish), not its opening. Tasks: False. Exports that carry times
    #: of day (MS Project 08:00 / 17:00, TaskJuggler) need it; the dates alone do not say.
    at_closing: bool = False
    # ---- levelling (docs/plan-format.md, "Roles, needs and levelling")
    needs: tuple[tuple[str, float], ...] = ()
    priority: int = 500
    moved_days: int = 0  # working days the levelling moved it
    moved_for: tuple[str, ...] = ()  # the roles whose capacity it waited for
    #: A recurring package (``repeat``): (start, finish) of each occurrence; else empty.
    occurrences: tuple[tuple[dt.date, dt.date], ...] = ()
    #: Working days from start to finish (a recurring package: first to last occurrence).
    span_days: int = 0
    funds: str | None = None  # "budget" (contract section 11)
    ends_at: str | None = None  # "month_end" | "quarter_end"

    def moved_note(self, language: str = "de") -> str:
        """'verschoben wegen Kapazität von sc (+5 AT)', or ''."""
        if not self.moved_days:
            return ""
        return t("level.moved", language, roles=", ".join(self.moved_for), days=self.moved_days)

    @property
    def exported_span(self) -> bool:
        """A recurring package over several days, or a notice period: exports to tools that
        know neither (MS Project, TaskJuggler) write it as a task of ``span_days`` from its
        start to its finish."""
        return bool(self.occurrences) and self.start != self.finish or self.ends_at is not None

    def occurrence_text(self, language: str = "de") -> str:
        """'3 Termine: 18.03.2027, 20.05.2027, 01.07.2027' for a recurring package, else ''."""
        if not self.occurrences:
            return ""
        n = len(self.occurrences)
        dates = ", ".join(format_date(first, language) for first, _ in self.occurrences)
        return t(f"repeat.dates.{'one' if n == 1 else 'other'}", language, n=n, dates=dates)

    @property
    def near_critical(self) -> bool:
        """Not critical, but with so little float that a small slip makes it critical."""
        return (not self.critical and self.status != "finished" and not self.occurrences
                and self.total_float <= NEAR_CRITICAL_DAYS)

    @property
    def is_milestone(self) -> bool:
        return self.kind != "task" or self.duration_days == 0 and not (
            self.duration and self.duration.elapsed and self.duration.days
        )


#: Every field's default, for rows made without calling the dataclass' ``__init__``.
_DEFAULTS = {f.name: f.default for f in dataclasses.fields(ScheduledPackage)
             if f.default is not dataclasses.MISSING}


@dataclass
class PackageColumns:
    """The computed values of every package, one array (or list) entry per package.

    Dates are day indices from ``origin``; ``late_start`` and ``late_finish`` already hold
    the actual dates of what has started or finished. ``sessions`` and ``progress`` hold
    only the packages that have them (decisions; started packages).
    """

    packages: list[Package]  # the plan's active packages, in plan order
    language: str
    origin: dt.date
    start: np.ndarray
    finish: np.ndarray
    late_start: np.ndarray
    late_finish: np.ndarray
    duration_days: np.ndarray
    total_float: np.ndarray
    free_float: np.ndarray
    critical: np.ndarray
    started: np.ndarray  # has an actual start (running or finished)
    done: np.ndarray  # finished
    status: list[str]  # ``ScheduledPackage.status``
    driver: np.ndarray  # package index, or -1
    driver_reason: list[str]
    deadline_late: np.ndarray
    at_closing: np.ndarray
    sessions: dict[int, tuple[Consultation, ...]]
    progress: dict[int, float]
    #: The recurring packages' occurrences (index -> ((start, finish), ...)) and their
    #: working days from the first start to the last finish.
    occurrences: dict = dataclasses.field(default_factory=dict)
    occurrence_days: dict = dataclasses.field(default_factory=dict)

    def dates(self, days) -> list[dt.date]:
        import numpy as np

        base = np.datetime64(self.origin, "D")
        return (base + np.asarray(days, dtype="timedelta64[D]")).astype(dt.date).tolist()

    def first_start(self, default: dt.date) -> dt.date:
        return self.dates([self.start.min()])[0] if len(self.start) else default

    def last_finish(self, default: dt.date) -> dt.date:
        """The latest finish, a recurring package's last occurrence included."""
        last = self.dates([self.finish.max()])[0] if len(self.finish) else default
        return max([last] + [shown[-1][1] for shown in self.occurrences.values()])

    def rows(self) -> list[ScheduledPackage]:
        """One :class:`ScheduledPackage` per package, equal to what its ``__init__`` makes
        (a frozen dataclass' ``__init__`` sets each field through ``object.__setattr__``:
        40 fields cost more than the schedule; here one dict update per row does)."""
        language, new = self.language, object.__new__
        start, finish = self.dates(self.start), self.dates(self.finish)
        late_start, late_finish = self.dates(self.late_start), self.dates(self.late_finish)
        days, total, free = self.duration_days.tolist(), self.total_float.tolist(), self.free_float.tolist()
        critical, late = self.critical.tolist(), self.deadline_late.tolist()
        started, done = self.started.tolist(), self.done.tolist()
        driver, closing = self.driver.tolist(), self.at_closing.tolist()
        status, reasons, sessions, progress = self.status, self.driver_reason, self.sessions, self.progress
        ids = [p.id for p in self.packages]
        rows = []
        for i, p in enumerate(self.packages):
            row = new(ScheduledPackage)
            values = row.__dict__
            values.update(_DEFAULTS)
            values.update(
                id=p.id, name=p.name.get(language), kind=p.kind, phase=p.phase,
                start=start[i], finish=finish[i], duration_days=days[i], duration=p.duration,
                late_start=late_start[i], late_finish=late_finish[i],
                total_float=total[i], free_float=free[i], critical=critical[i],
                sessions=sessions.get(i, ()), predecessors=p.after, owner=p.owner, body=p.body,
                via=p.via, not_before=p.not_before, deadline=p.deadline, avoid=p.avoid,
                source=p.source, description=p.description.get(language),
                deliverable=p.deliverable.get(language), line=p.line,
                actual_start=start[i] if started[i] else None,
                actual_finish=finish[i] if done[i] else None,
                progress=progress.get(i, 0.0), status=status[i],
                driver=ids[driver[i]] if driver[i] >= 0 else None, driver_reason=reasons[i],
                deadline_late=late[i], at_closing=closing[i], span_days=days[i],
                funds=p.funds, ends_at=p.ends_at)
            if i in self.occurrences:  # shown from the first occurrence to the last
                shown = self.occurrences[i]
                values.update(occurrences=shown, start=shown[0][0], finish=shown[-1][1],
                              span_days=self.occurrence_days[i])
            rows.append(row)
        return rows
