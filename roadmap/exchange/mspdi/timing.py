"""MS Project's durations, lags and constraints as a plan's terms.

- durations in working time -> working days (``MinutesPerDay``, default 480 minutes), in
  weeks (``3w``) or months (``2mo``) when the file shows them so and they are whole;
  elapsed durations -> calendar days (``ed``, ``ew``); roadmap's own elapsed export
  ((N-1) x 24 + 9 hours) gives ``Ned`` back;
- "Start No Earlier Than" / "Must Start On" -> ``not_before``; a milestone pinned to the
  *end* of a day (17:00, as roadmap exports council decisions) -> pinned to that day (it
  becomes a decision of its own placeholder body); finish constraints -> ``not_before`` of
  the task's start; "Finish No Later than" and Stichtag (Deadline) -> ``deadline``;
  "as late as possible" and "Start No Later Than" are reported.
"""
from __future__ import annotations

import datetime as dt

from roadmap.exchange.mspdi.base import ELAPSED_FORMATS, MONTH_FORMATS, WEEK_FORMATS
from roadmap.exchange.mspdi.parse import Node, parse_stamp, to_int
from roadmap.exchange.mspdi.warnings import Warnings
from roadmap.text import format_date

#: ConstraintType: 0 as soon as possible, 1 as late as possible, 2 must start on, 3 must
#: finish on, 4 start no earlier than, 5 start no later than, 6 finish no earlier than,
#: 7 finish no later than.
ASAP, ALAP, MUST_START, MUST_FINISH, SNET, SNLT, FNET, FNLT = range(8)


def duration_text(minutes: float, duration_format: int, name: str, *, for_task: bool, minutes_per_day: int,
                  days_per_month: int, warn: Warnings) -> str:
    """A duration (``for_task``) or lag of ``minutes`` in the plan's syntax (``3d``, ``2w``, ``5ed``)."""
    if duration_format in ELAPSED_FORMATS:
        hours = minutes / 60
        if for_task and duration_format in (6, 38) and round(hours) == hours and (hours - 9) % 24 == 0 \
                and hours >= 9:
            return f"{int((hours - 9) // 24) + 1}ed"  # roadmap's own export (N-1) x 24 + 9 h
        days = hours / 24
        if abs(days - round(days)) > 1e-6:
            warn("mspdi.warn.rounded", name=name, value=f"{days:.2f}".replace(".", ","))
        days = max(int(round(days)), 1 if for_task else int(round(days)))
        if duration_format in WEEK_FORMATS and days % 7 == 0 and days:
            return f"{days // 7}ew"
        return f"{days}ed"
    days = minutes / minutes_per_day
    if abs(days - round(days)) > 1e-6:
        warn("mspdi.warn.rounded", name=name, value=f"{days:.2f}".replace(".", ","))
    days = int(round(days))
    if for_task:
        days = max(days, 1)
    if duration_format in WEEK_FORMATS and days % 5 == 0 and days:
        return f"{days // 5}w"
    if duration_format in MONTH_FORMATS and days_per_month == 20 and days % 20 == 0 and days:
        return f"{days // 20}mo"
    return f"{days}d"


def apply_constraints(node: Node, name: str, package, milestone: bool, warn: Warnings, language: str) -> None:
    """Set ``package.not_before``, ``deadline`` or ``pinned`` from the task's constraint
    and deadline; report what the plan says differently."""
    kind = to_int(node.get("ConstraintType"))
    moment = parse_stamp(node.get("ConstraintDate"))
    deadline = parse_stamp(node.get("Deadline"))
    if deadline:
        package.deadline = deadline.date()
    if kind == ASAP or moment is None:
        if kind == ALAP:
            warn("mspdi.warn.alap", name=name)
        return
    opening = moment.time() <= dt.time(8, 0)
    if kind in (MUST_START, SNET, MUST_FINISH, FNET):
        if kind in (MUST_FINISH, FNET) and not milestone:
            start = parse_stamp(node.get("Start"))
            warn("mspdi.warn.finish-constraint", name=name)
            if start:
                package.not_before = start.date()
            return
        if milestone and not opening:
            package.pinned = moment.date()
            return
        package.not_before = moment.date() if opening else moment.date() + dt.timedelta(days=1)
        if kind in (MUST_START, MUST_FINISH):
            warn("mspdi.warn.must", name=name, date=format_date(moment.date(), language))
    elif kind == FNLT:
        if package.deadline is None:
            package.deadline = moment.date()
        warn("mspdi.warn.fnlt", name=name)
    elif kind == SNLT:
        warn("mspdi.warn.snlt", name=name)
    elif kind == ALAP:
        warn("mspdi.warn.alap", name=name)
