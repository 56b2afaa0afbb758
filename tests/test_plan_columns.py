"""The plan reader's columns (roadmap.plan.columns) say what the packages say.

The scheduler reads kinds, durations, links and the sparse keys from the columns the
reader appended while reading each package; these tests check that they are the same as
reading the objects afresh, and that a plan whose packages are no longer the ones the
columns were read from (``replace``, ``when``) gets fresh columns, with the same dates.
"""
from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest
from conftest import make_plan

from roadmap.engine.scheduler import schedule
from roadmap.engine.serialize import to_json
from roadmap.plan.columns import columns_for, read_columns
from roadmap.plan.loader import active_packages, load_plan

EXAMPLES = sorted(Path(__file__).resolve().parent.parent.joinpath("examples").glob("*.yaml"))


def _same(a, b) -> None:
    for f in fields(a):
        if f.name != "packages":
            assert getattr(a, f.name) == getattr(b, f.name), f.name
    assert a.packages == b.packages


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_reader_columns_are_the_objects_columns(path):
    plan = load_plan(path)
    assert plan.columns is not None and plan.columns.packages is plan.packages
    _same(plan.columns, read_columns(plan.packages))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_schedule_is_the_same_without_the_readers_columns(path):
    plan = load_plan(path)
    assert to_json(schedule(plan)) == to_json(schedule(replace(plan, columns=None)))


def test_columns_of_other_packages_are_read_afresh():
    plan = make_plan("""
        - {id: a, duration: 2w, deadline: 2027-03-01}
        - {id: b, duration: 1w, after: a SS+2d, not_before: 2027-02-10, phase: p1}
        - {id: c, kind: milestone, after: [a, b FF-1ed]}
    """)
    columns = plan.columns
    assert columns.src == [0, 0, 1] and columns.types == [1, 0, 2] and columns.lag == [2, 0, -1]
    assert columns.lag_elapsed == [False, False, True] and columns.kind == [0, 0, 1]
    assert (columns.deadline, columns.not_before, columns.phase) == ([0], [1], [None, "p1", None])
    assert columns_for(plan, active_packages(plan)) is columns
    fewer = replace(plan, packages=plan.packages[:2])  # the plan's columns belong to three packages
    assert columns_for(fewer, active_packages(fewer)).kind == [0, 0]


def test_a_plan_made_by_hand_has_no_columns():
    plan = replace(make_plan("- {id: a, duration: 1w}\n"), columns=None)
    assert columns_for(plan, active_packages(plan)).dur == [5]
