"""The MSPDI ``<Task>`` elements: a summary task per phase, a task per package with its
times, duration, constraint, links and roadmap's custom fields.

- a task of D working days: Start = first day 08:00, Finish = last day 17:00, Duration
  = 8 x D hours;
- an elapsed task of N calendar days: Finish = the N-th calendar day 17:00. MS Project
  counts elapsed time in 24-hour steps from 08:00 (it would end on day N+1 at 08:00), so the
  duration is written as (N-1) x 24 + 9 elapsed hours, which ends where the contract does;
- a milestone: its instant, 08:00 (an opening) or 17:00 (a closing);
- a decision: a milestone pinned to the closing of its session day with the constraint
  "Muss anfangen am" (Must Start On), so that successors start on the next working day;
- ``not_before``: "Anfang nicht früher als" (Start No Earlier Than) on the first working
  day on or after that date; a package that avoids school holidays gets the same
  constraint on its computed start (MS Project knows no avoid windows), and so does a
  package that roadmap's levelling moved (driver reason ``capacity``: MS Project's own
  levelling would not give the same dates);
- ``deadline``: MS Project's Stichtag (Deadline), 17:00 of that date;
- links keep their type (FS/SS/FF/SF = EA/AA/EE/AE) and lag; working lags in working
  days (8 hours each), elapsed lags in elapsed days.
"""
from __future__ import annotations

import re

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.exchange.mspdi.base import (ASAP, CLOSING, FIELD_IDS, FIELDS, FORMAT_DAYS, FORMAT_ELAPSED_DAYS,
                                         FORMAT_ELAPSED_HOURS, FORMAT_ELAPSED_WEEKS, FORMAT_MONTHS,
                                         FORMAT_WEEKS, HOURS_PER_DAY, LINK_TYPES, MUST_START_ON, OPENING,
                                         START_NO_EARLIER_THAN, TENTHS_PER_HOUR)
from roadmap.exchange.mspdi.calendar import WorkingDays
from roadmap.exchange.mspdi.xmlwriter import XmlWriter, hours, stamp
from roadmap.text import t, word


def unit_format(text: str, elapsed: bool) -> int:
    """The MS Project format for a duration or lag as the user wrote it (``3w`` -> weeks)."""
    unit = re.sub(r"[^a-zäöü]", "", (text or "").lower())
    if elapsed:
        return FORMAT_ELAPSED_WEEKS if unit in ("ew", "fw") else FORMAT_ELAPSED_DAYS
    if unit in ("w", "wo", "woche", "wochen", "week", "weeks"):
        return FORMAT_WEEKS
    if unit in ("mo", "monat", "monate", "month", "months"):
        return FORMAT_MONTHS
    return FORMAT_DAYS


def _instants(p: ScheduledPackage) -> tuple[str, str]:
    """Start and Finish of a package in MS Project time."""
    if p.is_milestone and not p.exported_span:
        moment = stamp(p.start, CLOSING if p.at_closing else OPENING)
        return moment, moment
    return stamp(p.start, OPENING), stamp(p.finish, CLOSING)


def _duration(p: ScheduledPackage) -> tuple[str, int]:
    """Duration (XML) and DurationFormat of a package."""
    if p.exported_span:  # a recurring package, a notice period: the working days it spans
        return hours(HOURS_PER_DAY * p.span_days), FORMAT_DAYS
    if p.is_milestone:
        return hours(0), FORMAT_DAYS
    if p.duration is not None and p.duration.elapsed:
        return hours((p.duration.days - 1) * 24 + 9), FORMAT_ELAPSED_HOURS
    return hours(HOURS_PER_DAY * p.duration_days), unit_format(p.duration.text if p.duration else "", False)


def _constraint(p: ScheduledPackage, schedule: Schedule, days: WorkingDays) -> tuple[int, str | None]:
    """ConstraintType and ConstraintDate (see the module docstring)."""
    if p.kind == "decision":
        return MUST_START_ON, stamp(p.start, CLOSING)
    if p.occurrences and p.exported_span:
        return START_NO_EARLIER_THAN, stamp(p.start, OPENING)
    if p.avoid or p.driver_reason in ("capacity", "budget"):
        moment = stamp(p.start, CLOSING if p.is_milestone and p.at_closing else OPENING)
        return START_NO_EARLIER_THAN, moment
    if p.not_before:
        first = days.next_working(max(p.not_before, schedule.start))
        return START_NO_EARLIER_THAN, stamp(first, OPENING)
    return ASAP, None


def _lag(link) -> tuple[int, int]:
    """LinkLag (tenths of minutes) and LagFormat."""
    if link.lag.elapsed:
        return link.lag.days * 24 * TENTHS_PER_HOUR, unit_format(link.lag.text, True)
    return link.lag.days * HOURS_PER_DAY * TENTHS_PER_HOUR, unit_format(link.lag.text, False)


def _notes(p: ScheduledPackage, language: str) -> str:
    parts = [p.description] if p.description else []
    if p.deliverable:
        parts.append(t("mspdi.deliverable", language, text=p.deliverable))
    return "\n".join(parts)


def _head(x: XmlWriter, uid: int, name: str, level: int, outline: str) -> None:
    x.leaves((("UID", uid), ("ID", uid), ("Name", name), ("Active", 1), ("Manual", 0), ("Type", 1),
              ("IsNull", 0), ("WBS", outline), ("OutlineNumber", outline), ("OutlineLevel", level),
              ("Priority", 500)))


def _flags(x: XmlWriter, milestone: bool, summary: bool, critical: bool) -> None:
    x.leaves((("ResumeValid", 0), ("EffortDriven", 0), ("Recurring", 0), ("OverAllocated", 0),
              ("Estimated", 0), ("Milestone", milestone), ("Summary", summary), ("Critical", critical),
              ("IsSubproject", 0), ("IsSubprojectReadOnly", 0), ("ExternalTask", 0)))


def _field(x: XmlWriter, field_id: int, value) -> None:
    x.open("ExtendedAttribute")
    x.leaf("FieldID", field_id)
    x.leaf("Value", value)
    x.close("ExtendedAttribute")


def write_summary_task(x: XmlWriter, uid, phase_id, members, level, outline, schedule: Schedule,
                       days: WorkingDays, language: str) -> None:
    """A phase as a summary task from its first package's start to its last one's finish."""
    starts = [(p.start, p.is_milestone and p.at_closing) for p in members]
    finishes = [(p.finish, not (p.is_milestone and not p.at_closing)) for p in members]
    first_day, first_closing = min(starts)
    last_day, last_closing = max(finishes)
    start = stamp(first_day, CLOSING if first_closing else OPENING)
    finish = stamp(last_day, CLOSING if last_closing else OPENING)
    span = days.count(first_day, last_day) - (days.working(first_day) and first_closing) \
        - (days.working(last_day) and not last_closing)
    x.open("Task")
    _head(x, uid, schedule.phase_name(phase_id), level, outline)
    x.leaves((("Start", start), ("Finish", finish), ("Duration", hours(HOURS_PER_DAY * max(span, 0))),
              ("DurationFormat", FORMAT_DAYS)))
    _flags(x, False, True, any(p.critical for p in members))
    x.leaves((("EarlyStart", start), ("EarlyFinish", finish), ("FixedCostAccrual", 3), ("PercentComplete", 0),
              ("ActualDuration", hours(0)), ("RemainingDuration", hours(HOURS_PER_DAY * max(span, 0))),
              ("ConstraintType", ASAP), ("CalendarUID", -1), ("LevelAssignments", 0), ("LevelingCanSplit", 0),
              ("IgnoreResourceCalendar", 0), ("HideBar", 0), ("Rollup", 0), ("EarnedValueMethod", 0)))
    _field(x, FIELD_IDS["id"], phase_id)
    _field(x, FIELD_IDS["kind"], word("phase", language))
    x.close("Task")


def write_task(x: XmlWriter, uid, p: ScheduledPackage, level, outline, schedule: Schedule, days: WorkingDays,
               uids: dict[str, int], language: str) -> None:
    """A package as a task (a milestone for milestones and decisions) with its links."""
    start, finish = _instants(p)
    duration, duration_format = _duration(p)
    constraint, constraint_date = _constraint(p, schedule, days)
    x.open("Task")
    _head(x, uid, p.name, level, outline)
    x.leaves((("Start", start), ("Finish", finish), ("Duration", duration), ("DurationFormat", duration_format)))
    _flags(x, p.is_milestone and not p.exported_span, False, p.critical)
    late_start = stamp(p.late_start, CLOSING if p.is_milestone and p.at_closing else OPENING)
    late_finish = stamp(p.late_finish, OPENING if p.is_milestone and not p.at_closing else CLOSING)
    x.leaves((("EarlyStart", start), ("EarlyFinish", finish), ("LateStart", late_start),
              ("LateFinish", late_finish), ("FreeSlack", p.free_float * HOURS_PER_DAY * TENTHS_PER_HOUR),
              ("TotalSlack", p.total_float * HOURS_PER_DAY * TENTHS_PER_HOUR), ("FixedCostAccrual", 3),
              ("PercentComplete", 0), ("ActualDuration", hours(0)), ("RemainingDuration", duration),
              ("ConstraintType", constraint), ("CalendarUID", -1), ("ConstraintDate", constraint_date)))
    if p.deadline:
        x.leaf("Deadline", stamp(p.deadline, CLOSING))
    x.leaves((("LevelAssignments", 0), ("LevelingCanSplit", 0), ("IgnoreResourceCalendar", 0),
              ("Notes", _notes(p, language) or None), ("HideBar", 0), ("Rollup", 0), ("EarnedValueMethod", 0)))
    for link in p.predecessors:
        if link.pred not in uids:
            continue
        lag, lag_format = _lag(link)
        x.open("PredecessorLink")
        x.leaves((("PredecessorUID", uids[link.pred]), ("Type", LINK_TYPES[link.type]), ("CrossProject", 0),
                  ("LinkLag", lag), ("LagFormat", lag_format)))
        x.close("PredecessorLink")
    values = {
        "id": p.id,
        "kind": word(p.kind, language),
        "owner": schedule.role_name(p.owner) if p.owner else "",
        "sessions": schedule.beratungsfolge(p, language) if p.sessions else "",
        "body": schedule.body_name(p.body) if p.body else "",
        "source": p.source,
    }
    for key, field_id, _ in FIELDS:
        if values[key]:
            _field(x, field_id, values[key])
    x.close("Task")
