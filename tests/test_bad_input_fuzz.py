"""Any value anywhere in a plan may be wrong; the answer is a schedule or diagnostics.

Hypothesis replaces one to three values of a valid plan (tests/fixtures/excel_small.yaml:
phases, roles, bodies with a Beratungsfolge, every link type, a deadline, a decision) by
odd values, wrong types and text that looks like code, and checks that loading and
scheduling either succeed or raise PlanError with file:line diagnostics, never anything
else: a user must never see a traceback.
"""
from __future__ import annotations

import copy
import pathlib

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.plan.diagnostics import PlanError
from roadmap.plan.loader import parse_plan
from roadmap.engine.scheduler import schedule

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
BASE = yaml.safe_load((FIXTURES / "excel_small.yaml").read_text("utf-8"))
ODD = [None, 0, -5, 3.7, True, "", "x", "2027-13-45", "2027-02-30", [], [None], [1, 2], {},
       {"a": 1}, "FS+", "a FS+3x", 10**12, "-3d", "0", "=1+1", "<script>", "ed", "5ew",
       "99999d", "analyse SF-400d", "rat"]


def paths(node, prefix=()):
    """Every place in the document a value can be replaced."""
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, prefix + (index,))


@st.composite
def broken_plans(draw):
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(list(paths(doc))))
        node = doc
        for step in where[:-1]:
            node = node[step]
        node[where[-1]] = draw(st.sampled_from(ODD))
    return yaml.safe_dump(doc, allow_unicode=True)


@settings(max_examples=300, deadline=None)
@given(broken_plans())
def test_a_broken_plan_gets_diagnostics_never_a_crash(text):
    try:
        schedule(parse_plan(text, "plan.yaml", FIXTURES))
    except PlanError as error:
        assert error.diagnostics
        assert all(d.code and d.file == "plan.yaml" and d.line >= 1 for d in error.diagnostics)
        assert any(d.severity == "error" for d in error.diagnostics)
