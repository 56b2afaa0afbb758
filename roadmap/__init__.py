"""roadmap: smart-city kickoff roadmaps for German municipalities.

Load a plan, schedule it on a working-day calendar and real council sessions, and write
an Excel plan and an HTML Gantt::

    from roadmap import load_plan, schedule, write_excel, write_gantt_html
    plan = load_plan("examples/plettenberg.yaml")
    result = schedule(plan)
    result.to_frame()
    write_excel(result, "plan.xlsx")
    write_gantt_html(result, "plan.html")

The writers (and pandas, plotly, openpyxl behind them) are imported only when first used,
so ``import roadmap`` and the commands that only check or schedule start fast.
"""
from roadmap.engine.result import Schedule
from roadmap.plan.diagnostics import Diagnostic, PlanError
from roadmap.plan.model import Plan

__all__ = ["Diagnostic", "Plan", "PlanError", "Schedule", "gantt_figure", "load_plan", "schedule",
           "write_excel", "write_gantt_html"]

#: Public names that live deeper in the package: name -> module (imported on first use).
_LAZY = {
    "gantt_figure": "roadmap.gantt.figure",
    "write_gantt_html": "roadmap.gantt.figure",
    "write_excel": "roadmap.excel.workbook",
}


def load_plan(path, **kwargs):
    """Read and validate a plan file; raises :class:`PlanError` listing every problem."""
    from roadmap.plan.loader import load_plan as _load

    return _load(path, **kwargs)


def schedule(plan, **kwargs):
    """Compute the schedule of a :class:`Plan`; raises :class:`PlanError` on errors."""
    from roadmap.engine.scheduler import schedule as _schedule

    return _schedule(plan, **kwargs)


def __getattr__(name):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'roadmap' has no attribute {name!r}")
