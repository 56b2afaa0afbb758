"""A law of progress, on random plans: recording that everything went exactly as planned
up to a status date changes no date.

Work finished by the status date gets its planned dates as actual dates; work running
over it gets its actual start and, as ``remaining``, the working days it had left; reached
milestones and taken decisions get their dates as ``actual``. Then every package, done,
running or not started, must keep its start and finish. This exercises the pinning, the
remaining work from the first opening after the status date, the status-date floor for
everything not started, a decision's session after the status date, and the links that
no longer apply.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from roadmap.engine.scheduler import schedule
from roadmap.plan.model import Duration
from test_properties import SETTINGS, plans, working

ONE = dt.timedelta(days=1)


def working_days_after(first: dt.date, last: dt.date, state: str) -> int:
    """Working days in (first, last]."""
    day, count = first + ONE, 0
    while day <= last:
        count += working(day, state)
        day += ONE
    return count


def as_planned_until(plan, result, status: dt.date):
    """``plan`` with progress recorded as if everything up to ``status`` went as planned."""
    state = plan.project.state
    by_id = {p.id: p for p in result.packages}
    packages = []
    for p in plan.packages:
        done = by_id[p.id]
        changes = {}
        if p.kind != "task":
            if done.finish <= status:
                changes["actual"] = done.finish
        elif done.finish <= status:
            changes.update(actual_start=done.start, actual_finish=done.finish)
        elif done.start <= status:
            changes["actual_start"] = done.start
            if p.duration.elapsed:
                first = status + ONE
                while not working(first, state):
                    first += ONE
                left = (done.finish - first).days + 1
                assume(left >= 1)
                changes["remaining"] = Duration(left, True)
            else:
                changes["remaining"] = Duration(working_days_after(status, done.finish, state))
        packages.append(dataclasses.replace(p, **changes))
    return dataclasses.replace(plan, packages=tuple(packages))


@SETTINGS
@given(plans(), st.integers(0, 500))
def test_progress_exactly_as_planned_changes_no_date(plan, offset):
    planned = schedule(plan)
    status = plan.project.start + offset * ONE
    assume(status <= planned.finish)
    tracked = as_planned_until(plan, planned, status)
    result = schedule(tracked, status)
    assert result.records_progress or all(p.start > status for p in planned.packages)
    before = {p.id: (p.start, p.finish) for p in planned.packages}
    after = {p.id: (p.start, p.finish) for p in result.packages}
    assert after == before
    for p in result.packages:
        expected = "finished" if p.finish <= status else "running" if p.start <= status else "not_started"
        if p.kind != "task" and p.finish <= status:
            expected = "finished"
        assert p.status == expected, p.id
