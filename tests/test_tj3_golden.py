"""roadmap against TaskJuggler: the same plans, the same dates.

Each case in tests/golden/tj3 is a .tjp for tj3, the CSV tj3 wrote for it (committed, so
the test needs no tj3; regenerate.sh rewrites it), and the equivalent roadmap plan .yaml.
The .tjp files use only what tj3 expresses the way the contract does (plain FS, FS/SS with
`gaplength` = working lag, `gapduration` = calendar lag, `length` = working days,
`duration` = calendar days, milestones, `start` = not_before) and take their holidays from
the `holidays` package (holidays-XX.tji), like roadmap.

Reading tj3's CSV as contract dates. tj3 books hourly slots in working hours (default
Mon-Fri 09:00-17:00, `dailyworkinghours 8`, so `1d` of `length` is one working day) and
reports instants, with the end EXCLUSIVE:
- a task's start is often its predecessor's end (e.g. Friday 17:00); the start date is the
  day of the first working slot at or after it (Monday);
- a task's end is the end of its last slot (Tuesday 17:00, or 00:00 of the next day after a
  `duration`); the inclusive finish date is the day of the last working slot ending at or
  before it (Tuesday). For a calendar-day (`duration`) task the finish may be a weekend:
  its finish date is the calendar day just before the end instant (end 00:00 Sunday ->
  Saturday), as the contract says for elapsed tasks;
- a milestone is one instant; its date is the first working day whose 17:00 is not before
  it (Friday 17:00 -> Friday; Saturday 17:00 -> Monday), which is the contract's "an
  instant in non-working time moves to the next opening".
Two places where tj3 counts differently are kept out of the fixtures and guarded here:
calendar lags/durations across a clock change (tj3 adds real hours, giving 16:00), and
calendar lags/durations from a 17:00 instant (tj3 counts 24 h steps from 17:00, the
contract whole calendar days from the opening).
"""
from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import pathlib
import re

import pytest

from roadmap import load_plan, schedule

GOLDEN = pathlib.Path(__file__).parent / "golden" / "tj3"
CASES = sorted(p.stem for p in GOLDEN.glob("*.tjp"))
DAY_START, DAY_END = 9, 17  # tj3's default working hours


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"tj3_golden_{name}", GOLDEN / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _leaves(case: str) -> set[dt.date]:
    """The holidays tj3 used for a case: the dates in the .tji the .tjp includes."""
    (include,) = re.findall(r'^include "(.+)"', (GOLDEN / f"{case}.tjp").read_text("utf-8"), re.M)
    text = (GOLDEN / include).read_text("utf-8")
    return {dt.date.fromisoformat(d) for d in re.findall(r"^leaves holiday \".*\" (\S+)$", text, re.M)}


def _tj3_rows(case: str) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    return _tj3_rows_from(GOLDEN / f"{case}.csv")


def _tj3_rows_from(path) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    """Start and (exclusive) end instant per task id from a tj3 CSV report."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    parse = lambda text: dt.datetime.strptime(text, "%Y-%m-%d %H:%M")  # noqa: E731
    return {row["Id"]: (parse(row["Start"]), parse(row["End"])) for row in rows}


class Tj3Calendar:
    """tj3's working time for one case: weekdays 09:00-17:00 minus the leaves."""

    def __init__(self, leaves: set[dt.date]):
        self.leaves = leaves

    def working(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.leaves

    def next_working(self, day: dt.date) -> dt.date:
        while not self.working(day):
            day += dt.timedelta(days=1)
        return day

    def start_date(self, t: dt.datetime) -> dt.date:
        """Day of the first working slot beginning at or after ``t``."""
        if self.working(t.date()) and t.hour < DAY_END:
            return t.date()
        return self.next_working(t.date() + dt.timedelta(days=1))

    def finish_date(self, t: dt.datetime) -> dt.date:
        """Day of the last working slot ending at or before the exclusive end ``t``."""
        day = t.date()
        if self.working(day) and t.hour > DAY_START:
            return day
        day -= dt.timedelta(days=1)
        while not self.working(day):
            day -= dt.timedelta(days=1)
        return day

    def milestone_date(self, t: dt.datetime) -> dt.date:
        """First working day whose closing (17:00) is not before ``t``."""
        if self.working(t.date()) and t.hour <= DAY_END:
            return t.date()
        return self.next_working(t.date() + dt.timedelta(days=1))


def _tj3_dates(case: str, plan) -> dict[str, tuple[dt.date, dt.date]]:
    cal = Tj3Calendar(_leaves(case))
    kinds = {p.id: p for p in plan.packages}
    result = {}
    for task, (start, end) in _tj3_rows(case).items():
        package = kinds[task]
        if package.is_milestone:
            assert start == end, f"{case}: {task} is a milestone in the plan but not in tj3"
            result[task] = (cal.milestone_date(start),) * 2
        elif package.duration.elapsed:
            result[task] = (cal.start_date(start), (end - dt.timedelta(hours=1)).date())
        else:
            result[task] = (cal.start_date(start), cal.finish_date(end))
    return result


@pytest.mark.parametrize("case", CASES)
def test_fixture_stays_where_tj3_counts_like_the_contract(case):
    """Every tj3 instant is 00:00 or 17:00 (a 16:00 means a calendar lag crossed a clock
    change), and calendar-day tasks start at 00:00 (not at a predecessor's 17:00)."""
    plan = load_plan(GOLDEN / f"{case}.yaml")
    elapsed = {p.id for p in plan.packages if p.duration and p.duration.elapsed}
    for task, (start, end) in _tj3_rows(case).items():
        for t in (start, end):
            assert (t.hour, t.minute) in {(0, 0), (17, 0)}, f"{case}: {task} has tj3 instant {t}"
        if task in elapsed:
            assert start.hour == 0, f"{case}: calendar-day task {task} starts at {start} in tj3"


@pytest.mark.parametrize("case", CASES)
def test_roadmap_dates_equal_tj3(case):
    plan = load_plan(GOLDEN / f"{case}.yaml")
    expected = _tj3_dates(case, plan)
    ours = {p.id: (p.start, p.finish) for p in schedule(plan).packages}
    assert sorted(ours) == sorted(expected), f"{case}: the .yaml and the .tjp name different tasks"
    mismatches = [f"{task}: roadmap {ours[task][0]}..{ours[task][1]}, "
                  f"tj3 {expected[task][0]}..{expected[task][1]}"
                  for task in ours if ours[task] != expected[task]]
    assert not mismatches, f"{case}:\n" + "\n".join(mismatches)


def test_cases_cover_what_they_claim():
    """The fixtures exercise every tj3 construct we map, and the Länder really differ."""
    text = "".join((GOLDEN / f"{case}.tjp").read_text("utf-8") for case in CASES)
    for construct in ("gaplength", "gapduration", "onstart", "milestone", "duration ", "length "):
        assert construct in text, construct
    finals = {state: _tj3_rows(f"laender_{state}") for state in ("nw", "by", "be", "sn")}
    states = list(finals)
    for i, a in enumerate(states):
        for b in states[i + 1:]:
            assert finals[a] != finals[b], f"laender_{a} and laender_{b} schedule alike"


@pytest.mark.parametrize("state", ["NW", "BY", "BE", "SN"])
def test_holiday_includes_match_the_holidays_package(state):
    """The committed .tji still lists what the holidays package says (else: regenerate.sh)."""
    tji = _module("tji")
    assert (GOLDEN / f"holidays-{state}.tji").read_text("utf-8") == tji.leaves(state)


def test_laender_cases_are_generated():
    laender = _module("laender")
    for state in laender.STATES:
        assert (GOLDEN / f"laender_{state.lower()}.tjp").read_text("utf-8") == laender.tjp(state)
        assert (GOLDEN / f"laender_{state.lower()}.yaml").read_text("utf-8") == laender.plan(state)


def test_join_float_hand_computed():
    """tj3 has no float; the join case's floats by hand (BE, Frauentag Mon 8 March 2027).

    a1 Mar 1-5, a2 Mar 9-15 join at the closing of Mar 15: critical. b2 (Mar 9-10) + FS+2d
    reaches the closing of Mar 12: b2 may finish Mar 11 (lag days Mar 12, 15), one day of
    float, all of it free; b1 (Mar 1-3) shares it but has no free float. c1 (14 calendar
    days from Mar 1, finish Sunday Mar 14) may start Mar 2 and finish Mon Mar 15: 1 day.
    """
    result = schedule(load_plan(GOLDEN / "join_float.yaml"))
    floats = {p.id: (p.total_float, p.free_float, p.critical) for p in result.packages}
    assert floats == {
        "start": (0, 0, True), "a1": (0, 0, True), "a2": (0, 0, True),
        "b1": (1, 0, False), "b2": (1, 1, False), "c1": (1, 1, False),
        "zusammen": (0, 0, True), "bericht": (0, 0, True), "abnahme": (0, 0, True),
    }
