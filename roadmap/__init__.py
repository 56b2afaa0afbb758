"""roadmap: smart-city kickoff roadmaps for German municipalities.

Load a plan, schedule it on a working-day calendar and real council sessions, and write
an Excel plan and an HTML Gantt::

    from roadmap import load_plan, schedule
    plan = load_plan("examples/plettenberg.yaml")
    result = schedule(plan)
    result.to_frame()
"""
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.plan.model import Plan
from roadmap.engine.result import Schedule

__all__ = ["Diagnostic", "Plan", "PlanError", "Schedule", "load_plan", "schedule"]


def load_plan(path, **kwargs):
    """Read and validate a plan file; raises :class:`PlanError` listing every problem."""
    from roadmap.plan.loader import load_plan as _load

    return _load(path, **kwargs)


def schedule(plan, **kwargs):
    """Compute the schedule of a :class:`Plan`; raises :class:`PlanError` on errors."""
    from roadmap.engine.scheduler import schedule as _schedule

    return _schedule(plan, **kwargs)
