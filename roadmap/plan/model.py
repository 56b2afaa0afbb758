"""The plan as the user wrote it, after validation: plain, immutable data.

A :class:`Plan` knows nothing about dates computed from it; :func:`roadmap.schedule`
turns it into a :class:`roadmap.schedule.Schedule`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from roadmap.plan.columns import PlanColumns

LinkType = Literal["FS", "SS", "FF", "SF"]
Kind = Literal["task", "milestone", "decision"]

#: German link abbreviations (MS Project, German UI) and the English ones they stand for.
GERMAN_LINK_TYPES = {"EA": "FS", "AA": "SS", "EE": "FF", "AE": "SF"}
ENGLISH_TO_GERMAN_LINK = {v: k for k, v in GERMAN_LINK_TYPES.items()}


@dataclass(frozen=True)
class Duration:
    """A span of time: ``days`` working days, or calendar days when ``elapsed``.

    ``text`` keeps what the user wrote (``"3w"``) for display.
    """

    days: int
    elapsed: bool = False
    text: str = ""

    def __str__(self) -> str:
        return self.text or (f"{self.days}ed" if self.elapsed else f"{self.days}d")


@dataclass(frozen=True)
class Link:
    """A dependency on a predecessor: ``type`` with a signed ``lag``."""

    pred: str
    type: LinkType = "FS"
    lag: Duration = Duration(0)
    line: int = 0


@dataclass(frozen=True)
class Text:
    """A display text in German and English; either may be missing."""

    de: str = ""
    en: str = ""

    def get(self, language: str) -> str:
        first, second = (self.en, self.de) if language == "en" else (self.de, self.en)
        return first or second


@dataclass(frozen=True)
class Repeat:
    """A recurring package (contract section 11): occurrence 1 where the package would
    start, then one ``every`` later, or one per session of body ``sessions``; up to the
    finish of package ``until``, up to the date ``until_date``, or ``count`` of them."""

    every: Duration | None = None
    sessions: str | None = None
    until: str | None = None
    until_date: dt.date | None = None
    count: int | None = None
    line: int = 0


@dataclass(frozen=True)
class Package:
    id: str
    name: Text
    kind: Kind = "task"
    duration: Duration | None = None
    after: tuple[Link, ...] = ()
    phase: str | None = None
    owner: str | None = None
    body: str | None = None
    via: tuple[str, ...] = ()
    not_before: dt.date | None = None
    deadline: dt.date | None = None
    avoid: tuple[str, ...] = ()
    when: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = ""
    description: Text = Text()
    deliverable: Text = Text()
    line: int = 0
    needs: tuple[tuple[str, float], ...] = ()  # (role id, share of a full-time post)
    priority: int = 500  # 0-1000 as in MS Project; 1000: never moved by levelling
    # ---- progress (docs/plan-format.md, "Progress and the status date")
    actual_start: dt.date | None = None
    actual_finish: dt.date | None = None
    actual: dt.date | None = None  # milestones and decisions: the day it happened
    progress: float | None = None  # % complete as written, 0-100
    remaining: Duration | None = None  # work left, overrides what progress implies
    key_lines: tuple[tuple[str, int], ...] = ()  # (key, line) of the progress keys
    # ---- municipal procedures (docs/plan-format.md, section 11)
    repeat: Repeat | None = None
    #: the Beratungsfolge in stages: a stage of several bodies meets in one Sitzungsfolge
    #: (``via: [[a, b], c]``); empty: each body of ``via`` is a stage of its own.
    via_stages: tuple[tuple[str, ...], ...] = ()
    funds: str | None = None  # "budget": waits for the budget year's money
    ends_at: str | None = None  # "month_end" | "quarter_end"

    @property
    def stages(self) -> tuple[tuple[str, ...], ...]:
        """The Beratungsfolge (``via``) as stages, each a tuple of bodies."""
        return self.via_stages or tuple((body,) for body in self.via)

    def line_of(self, key: str) -> int:
        """The line of a progress key, else the package's own line."""
        return dict(self.key_lines).get(key, self.line)

    @property
    def tracked(self) -> bool:
        """Whether the plan records progress for this package (any progress key)."""
        return (self.actual_start is not None or self.actual_finish is not None
                or self.actual is not None or self.progress is not None or self.remaining is not None)

    @property
    def is_milestone(self) -> bool:
        """Milestones and decisions are instants; so is a task of duration 0."""
        return self.kind != "task" or self.duration is None or self.duration.days == 0


@dataclass(frozen=True)
class Phase:
    id: str
    name: Text
    color: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Role:
    id: str
    name: Text
    capacity: float = 1.0
    line: int = 0
    #: {from, capacity} steps, none before the first. ``from``: a date, a package id (from
    #: that package's start; the engine puts its date in) or None (from the beginning).
    steps: tuple[tuple[dt.date | str | None, float], ...] = ()


@dataclass(frozen=True)
class Body:
    """A council body (Gremium) with the session dates it meets on."""

    id: str
    name: Text
    sessions: tuple[dt.date, ...] = ()
    sessions_source: str = ""  # "plan", the .ics path, or "plan + file.ics"
    lead_time: Duration = Duration(15, text="3w")
    cancelled: tuple[dt.date, ...] = ()  # sessions skipped because the file said so
    line: int = 0
    short: str = ""  # e.g. "HFA", for labels in the Gantt

    def label(self, language: str = "de") -> str:
        return self.short or self.name.get(language)


@dataclass(frozen=True)
class Closure:
    start: dt.date
    end: dt.date
    name: str = ""


@dataclass(frozen=True)
class YearlyClosure:
    """A closure on the same days every year: (month, day) to (month, day); a ``start``
    after ``end`` wraps the year end (24.12. to 01.01.)."""

    start: tuple[int, int]
    end: tuple[int, int]
    name: str = ""


@dataclass(frozen=True)
class CalendarSpec:
    weekend: tuple[int, ...] = (5, 6)  # Monday = 0
    closures: tuple[Closure, ...] = ()
    school_holidays: bool = True
    public_holidays: bool = True
    yearly_closures: tuple[YearlyClosure, ...] = ()


@dataclass(frozen=True)
class Budget:
    """The budget calendar (contract section 11): the Kämmerei's bid deadline for the next
    budget year and the day of the budget year from which new money is available, as
    (month, day); ``years``: budget year -> its own in-force date (a late budget)."""

    bid_deadline: tuple[int, int] = (6, 30)
    in_force: tuple[int, int] = (1, 1)
    years: tuple[tuple[int, dt.date], ...] = ()
    line: int = 0

    def in_force_date(self, year: int) -> dt.date:
        return dict(self.years).get(year) or _month_day(year, self.in_force)

    def bid_date(self, year: int) -> dt.date:
        return _month_day(year, self.bid_deadline)


def _month_day(year: int, month_day: tuple[int, int]) -> dt.date:
    """The day (month, day) of ``year``; 29 February in a common year is the 28th."""
    month, day = month_day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, 28)


@dataclass(frozen=True)
class Project:
    name: str
    municipality: str = ""
    state: str = "NW"
    start: dt.date = dt.date(2027, 1, 4)
    language: str = "de"
    status_date: dt.date | None = None
    level: bool = False  # resource levelling (also --level)


@dataclass(frozen=True)
class OptionSpec:
    """A template option: its display name and the values it allows (extension)."""

    key: str
    name: Text
    default: str
    choices: tuple[tuple[str, Text], ...]
    kind: str = "choice"  # "choice" | "date": a date or "none" (contract section 11)


@dataclass(frozen=True)
class Plan:
    """A validated plan. ``packages`` holds every package, ``when`` not yet applied."""

    project: Project
    packages: tuple[Package, ...]
    calendar: CalendarSpec = CalendarSpec()
    bodies: dict[str, Body] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    phases: tuple[Phase, ...] = ()
    options: dict[str, str] = field(default_factory=dict)
    option_specs: tuple[OptionSpec, ...] = ()
    template: dict = field(default_factory=dict)  # template metadata (id, name, description)
    path: str = "plan.yaml"
    warnings: tuple = ()  # diagnostics (warnings only) found while loading
    budget: Budget | None = None  # the budget calendar (contract section 11)
    #: what the engine needs of each package and link, read by the plan reader while it had
    #: them at hand (roadmap.plan.columns); None for plans made by hand (read when scheduled)
    columns: PlanColumns | None = field(default=None, compare=False, repr=False)

    @property
    def language(self) -> str:
        return self.project.language
