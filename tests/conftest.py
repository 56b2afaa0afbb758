"""Shared helpers: plans written inline as YAML, scheduled with a pinned status date."""
from __future__ import annotations

import datetime as dt
import os
import textwrap

import pytest
from hypothesis import settings

from roadmap.plan.loader import parse_plan
from roadmap.engine.scheduler import schedule

# Property tests draw the same examples on every run, so a red CI is a reproducible bug,
# not bad luck. To search new ground: HYPOTHESIS_PROFILE=explore .venv/bin/pytest -q
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

STATUS = dt.date(2027, 1, 4)


def make_plan(body: str, *, start: str = "2027-02-01", state: str = "NW", head: str = "", base_dir="."):
    """A plan from the ``packages:`` part (and optional extra top-level YAML in ``head``)."""
    text = (f"roadmap: 1\nproject: {{name: Test, municipality: Teststadt, state: {state}, "
            f"start: {start}, status_date: 2027-01-04}}\n" + textwrap.dedent(head)
            + "packages:\n" + textwrap.indent(textwrap.dedent(body), "  "))
    return parse_plan(text, "plan.yaml", base_dir)


def run(body: str, **kwargs):
    """Schedule a plan and return ``{id: (start, finish)}`` as ISO strings plus the schedule."""
    result = schedule(make_plan(body, **kwargs))
    return {p.id: (p.start.isoformat(), p.finish.isoformat()) for p in result.packages}, result


@pytest.fixture
def d():
    return dt.date.fromisoformat


@pytest.fixture(autouse=True)
def _german_messages_by_default(monkeypatch):
    """Tests expect the default language; a developer's ROADMAP_LANG must not leak in."""
    monkeypatch.delenv("ROADMAP_LANG", raising=False)
