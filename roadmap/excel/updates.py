"""What a workbook changes in the plan: the edits ``roadmap update`` writes, and why.

A cell counts as edited when it differs from what the workbook showed, that is from a
fresh schedule of the plan at the status date the workbook was built for (the
"reference"); no hidden copy of the old values is needed. Then, per package:

- Ist-Beginn, Ist-Ende, Fortschritt % become ``actual_start``, ``actual_finish``,
  ``progress``; for milestones and decisions the one date becomes ``actual``;
- a new Dauer becomes ``duration`` (in the unit the plan used, when it divides evenly);
- a new (planned) Beginn becomes ``not_before``, as MS Project sets "Anfang nicht
  früher als" when a start is typed: the links still apply, the date is a lower bound;
- a new (planned) Ende of a task becomes the ``duration`` from its Beginn to that day.

As in MS Project, progress fills in what it implies: Fortschritt > 0 or an Ist-Ende
without Ist-Beginn takes the planned Beginn as Ist-Beginn; 100 % without Ist-Ende takes
the planned Ende; an Ist-Ende sets the Fortschritt to 100 %. Each such step is its own
line in the summary, and a date it would take from after the status date is a problem
instead.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.excel.readback import Readback, ReadbackError, Typed
from roadmap.plan.diagnostics import PlanError
from roadmap.plan.durations import UNITS
from roadmap.plan.edit import Edit
from roadmap.plan.model import Package, Plan
from roadmap.text import format_date, t
from roadmap.text.messages import Message as M

PROGRESS_KEYS = ("actual_start", "actual_finish", "progress")
_UNIT = re.compile(r"^\s*\d+\s*([A-Za-zäÄ]+)\s*$")


@dataclass(frozen=True)
class Change:
    """One key of one package, before and after; ``note`` says why (for the summary)."""

    package: str
    name: str
    key: str
    old: object  # the plan's value; None: the key was not there
    new: object  # None: the key is removed
    note: str = ""  # "" | not_before | assumed | finished | duration | finish
    shown: object = None  # what the workbook showed, for not_before and duration lines

    @property
    def edit(self) -> Edit:
        return Edit(self.package, self.key, self.new)

    def render(self, language: str = "de") -> str:
        what = _describe(self, language)
        return t("update.line", language, id=self.package, name=self.name, what=what)


def _show(key: str, value, language: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, dt.date):
        return format_date(value, language)
    if key == "progress":
        number = f"{value:g}"
        return f"{number.replace('.', ',') if language == 'de' else number} %"
    return str(value)


def _describe(change: Change, language: str) -> str:
    field = t(f"update.field.{change.key}", language)
    old, new = _show(change.key, change.old, language), _show(change.key, change.new, language)
    if change.note == "not_before":
        return t("update.not-before", language, old=_show("", change.shown, language), new=new,
                 iso=change.new.isoformat())
    if change.note in ("duration", "finish"):
        return t(f"update.{change.note}", language, old=change.shown[0], new=change.shown[1],
                 text=change.new, finish=_show("", change.shown[2], language) if len(change.shown) > 2 else "")
    if change.note == "recomputed":
        return t("update.recomputed", language, old=change.old)
    if change.note in ("assumed", "finished"):
        return t(f"update.{change.note}.{change.key}", language, field=field, new=new)
    if change.old is None:
        return t("update.new", language, field=field, new=new)
    if change.new is None:
        return t("update.cleared", language, field=field, old=old)
    return t("update.set", language, field=field, old=old, new=new)


# ---- the rules -----------------------------------------------------------------------------


def _shown(ref: ScheduledPackage, field: str):
    """What the workbook showed in ``field`` for this package."""
    if field == "duration":
        elapsed = bool(ref.duration and ref.duration.elapsed and ref.kind == "task")
        return ref.duration.days if elapsed else ref.duration_days
    if field == "progress":
        return ref.progress or 0.0
    return getattr(ref, field)


def _edited(typed: dict[str, Typed], ref: ScheduledPackage) -> dict[str, Typed]:
    """The cells whose value differs from what the workbook showed. For planned dates the
    workbook's own hidden copy of the computed date (``computed_start``) is the measure
    when it has one, else the reference schedule."""
    found = {}
    for name, cell in typed.items():
        if name.startswith(("computed_", "typed_")):
            continue
        twin = typed.get(f"computed_{name}")
        value, shown = cell.value, twin.value if twin and twin.value else _shown(ref, name)
        if name == "progress":
            value, shown = value or 0.0, float(shown or 0.0)
        if value != shown:
            found[name] = cell
    for name in ("start", "finish"):  # a date typed over the Arbeitspakete sheet's formula
        over, twin = typed.get(f"typed_{name}"), typed.get(f"computed_{name}")
        shown = twin.value if twin and twin.value else _shown(ref, name)
        if name not in found and over is not None and over.value is not None and over.value != shown:
            found[name] = Typed(name, over.value, over.where)
    return found


def working_days(schedule: Schedule, first: dt.date, last: dt.date) -> int:
    """Working days from ``first`` to ``last``, both included (the schedule's calendar)."""
    closed = {h.date for h in schedule.holidays}
    for window in schedule.closures:
        closed |= {window.start + dt.timedelta(days=i) for i in range((window.end - window.start).days + 1)}
    count, day = 0, first
    while day <= last:
        count += day.weekday() not in schedule.weekend and day not in closed
        day += dt.timedelta(days=1)
    return count


def duration_text(days: int, package: Package) -> str:
    """``days`` in the unit the plan wrote (``4w`` stays weeks when it divides evenly)."""
    old = package.duration
    elapsed = bool(old and old.elapsed)
    match = _UNIT.match(old.text) if old and old.text else None
    if match and match.group(1).lower() in UNITS:
        per, unit_elapsed = UNITS[match.group(1).lower()]
        if unit_elapsed == elapsed and days % per == 0:
            return f"{days // per}{match.group(1)}"
    return f"{days}{'ed' if elapsed else 'd'}"


class _Rules:
    """The changes of one package; problems go to ``problems``."""

    def __init__(self, package: Package, ref: ScheduledPackage, status: dt.date, problems: list, schedule):
        self.package, self.ref, self.status = package, ref, status
        self.problems, self.schedule = problems, schedule
        self.changes: list[Change] = []

    def change(self, key, new, note="", shown=None):
        old = getattr(self.package, key, None)
        if key == "progress" and old is not None:
            old = float(old)
        if old != new or note in ("duration", "finish"):  # a duration compares as days
            self.changes.append(Change(self.package.id, self.ref.name, key, old, new, note, shown))

    def assumed(self, key: str, day: dt.date, where: str) -> dt.date | None:
        if day > self.status:
            self.problems.append(M(f"readback.assumed-late.{key}", where=where, id=self.package.id,
                                   date=day, status=self.status))
            return None
        return day

    def task(self, edited: dict[str, Typed]) -> None:
        state = {key: getattr(self.package, key, None) for key in PROGRESS_KEYS}
        for key in PROGRESS_KEYS:
            if key in edited:
                state[key] = edited[key].value
        progress_where = edited.get("progress", edited.get("actual_finish", next(iter(edited.values()), None)))
        where = progress_where.where if progress_where else ""
        notes = {}
        if state["actual_finish"] and state["progress"] is not None and state["progress"] != 100:
            state["progress"], notes["progress"] = 100.0, "finished"
        if not state["actual_start"] and (state["actual_finish"] or (state["progress"] or 0) > 0):
            state["actual_start"] = self.assumed("actual_start", self.ref.start, where)
            notes["actual_start"] = "assumed"
        if state["progress"] == 100 and not state["actual_finish"]:
            state["actual_finish"] = self.assumed("actual_finish", self.ref.finish, where)
            notes["actual_finish"] = "assumed"
        for key in PROGRESS_KEYS:
            if key in edited or key in notes:
                self.change(key, state[key], notes.get(key, ""))
        # the work left follows the new progress (MS Project recomputes it the same way)
        if self.package.remaining is not None and ("progress" in edited or state["actual_finish"]):
            self.change("remaining", None, "recomputed")
        if "duration" in edited or "finish" in edited:
            self.duration(edited)
        if "start" in edited and edited["start"].value and not state["actual_start"]:
            self.change("not_before", edited["start"].value, "not_before", self.ref.start)

    def duration(self, edited: dict[str, Typed]) -> None:
        shown = _shown(self.ref, "duration")
        if "duration" in edited:
            days = edited["duration"].value
            if days != shown:
                self.change("duration", duration_text(days, self.package), "duration", (shown, days))
            return
        start = edited["start"].value if "start" in edited else self.ref.start
        finish = edited["finish"].value
        if finish is None or start is None or finish < start:
            self.problems.append(M("readback.finish-before-start", where=edited["finish"].where,
                                   id=self.package.id, finish=finish or "–", start=start or "–"))
            return
        days = working_days(self.schedule, start, finish)
        if self.package.duration and self.package.duration.elapsed:
            days = (finish - start).days + 1
        if days != shown:
            self.change("duration", duration_text(days, self.package), "finish", (shown, days, finish))

    def instant(self, edited: dict[str, Typed]) -> None:
        if "duration" in edited and edited["duration"].value:
            self.problems.append(M("readback.milestone-duration", where=edited["duration"].where,
                                   id=self.package.id))
            return
        dates = {edited[k].value for k in ("actual_finish", "actual_start") if k in edited}
        if len(dates) > 1:
            cell = edited["actual_finish"]
            self.problems.append(M("readback.two-dates", where=cell.where, id=self.package.id))
            return
        if dates:
            self.change("actual", dates.pop())
        elif "progress" in edited and edited["progress"].value == 100 and not self.package.actual:
            day = self.assumed("actual", self.ref.start, edited["progress"].where)
            self.change("actual", day, "assumed")
        moved = edited.get("start") or edited.get("finish")  # a milestone's Beginn is its Ende
        if moved and moved.value and not dates and not self.package.actual:
            self.change("not_before", moved.value, "not_before", self.ref.start)


def plan_changes(plan: Plan, reference: Schedule, data: Readback, status_date: dt.date) -> list[Change]:
    """The changes the workbook ``data`` makes to ``plan``, in plan order.

    ``reference`` is the plan scheduled at the workbook's status date (what the workbook
    showed); ``status_date`` is the Stichtag of the new progress: a date taken from the
    plan ("assumed") must not lie after it.

    Raises
    ------
    ReadbackError
        Cells that do not parse, rows that match no package, contradictions.
    """
    problems = list(data.problems)
    by_id = {p.id: p for p in plan.packages}
    changes = []
    for ref in reference.packages:
        typed = data.rows.get(ref.id)
        if not typed or ref.id not in by_id:
            continue
        edited = _edited(typed, ref)
        if not edited:
            continue
        rules = _Rules(by_id[ref.id], ref, status_date, problems, reference)
        if ref.kind == "task":
            rules.task(edited)
        else:
            rules.instant(edited)
        changes += rules.changes
    if problems:
        raise ReadbackError(problems)
    return changes


# ---- roadmap update: workbook -> plan file ---------------------------------------------------


class UpdateRejected(Exception):
    """The plan would have errors with the workbook's values; ``diagnostics`` lists them
    (their line numbers are those of the changed plan, which is not written)."""

    def __init__(self, diagnostics, language=None):
        self.diagnostics, self.language = diagnostics, language
        super().__init__(diagnostics)


@dataclass
class UpdateResult:
    """What :func:`update_plan` found and did."""

    plan_path: str
    workbook: str
    changes: list[Change]
    old_text: str
    new_text: str
    status_change: tuple | None = None  # (old, new) project.status_date
    future: dt.date | None = None  # latest actual date after today, when no status date pins it
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text


def _latest_actual(plan: Plan) -> dt.date | None:
    found = [getattr(p, key, None) for p in plan.packages for key in ("actual_start", "actual_finish", "actual")]
    found = [d for d in found if isinstance(d, dt.date)]
    return max(found) if found else None


def update_plan(plan_path, workbook, status_date: dt.date | None = None, dry_run: bool = False,
                today: dt.date | None = None) -> UpdateResult:
    """Carry what the user typed into ``workbook`` back into the plan at ``plan_path``.

    Parameters
    ----------
    status_date : date, optional
        The Stichtag of the progress entered; written into ``project.status_date``.
        Without it the plan's status date applies; a plan without one is checked
        against the latest actual date instead of today (and the result says so).
    dry_run : bool
        Compute everything, write nothing.

    Raises
    ------
    roadmap.PlanError
        The plan has errors as it is.
    UpdateRejected
        The plan would have errors with the new values.
    ReadbackError
        The workbook belongs to another plan, or has rows or values that cannot be carried.
    roadmap.plan.edit.EditError, roadmap.output.OutputError
    """
    from pathlib import Path

    from roadmap.engine.scheduler import schedule
    from roadmap.excel.readback import check_identity, open_workbook, read_cells
    from roadmap.output import atomic_write_text
    from roadmap.plan.edit import apply_edits
    from roadmap.plan.loader import load_plan, parse_plan

    plan = load_plan(plan_path)
    old_text = Path(plan_path).read_text(encoding="utf-8")
    data = open_workbook(workbook)
    if data.books is None:
        raise ReadbackError(data.problems)
    try:
        reference = schedule(plan, data.status_date)
    except PlanError as error:
        if any(d.code == "actual-after-status" for d in error.diagnostics):
            # the plan already has actual dates after the workbook's Stand: the workbook
            # is older than the plan, and its empty cells would undo the newer values
            latest = _latest_actual(plan)
            raise ReadbackError([M("readback.stale", path=Path(workbook).name, status=data.status_date,
                                   latest=latest or data.status_date, plan=Path(plan_path).name)]) from None
        raise
    check_identity(data, reference)
    read_cells(data, reference)
    pinned = status_date or plan.project.status_date
    changes = plan_changes(plan, reference, data, pinned or dt.date.max)
    edits = [change.edit for change in changes]
    status_change = None
    if status_date and status_date != plan.project.status_date:
        status_change = (plan.project.status_date, status_date)
        edits.append(Edit(None, "status_date", status_date))
    new_text = apply_edits(old_text, edits)
    result = UpdateResult(str(plan_path), str(workbook), changes, old_text, new_text, status_change)
    try:
        new_plan = parse_plan(new_text, str(plan_path), Path(plan_path).parent)
        today = today or dt.date.today()
        check_date = pinned
        if not check_date:
            latest = _latest_actual(new_plan)
            check_date = max(today, latest) if latest else today
            result.future = latest if latest and latest > today else None
        schedule(new_plan, check_date)
    except PlanError as error:
        raise UpdateRejected(error.diagnostics, error.language or plan.language) from None
    if result.changed and not dry_run:
        atomic_write_text(plan_path, new_text)
        result.written = True
    return result
