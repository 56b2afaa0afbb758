"""The Sachstandsbericht (``roadmap report``): where the project stands, for the council.

- :mod:`.content`: what the report says, from a schedule and its baseline comparison;
- :mod:`.document`: the report as plain data (title, facts, sections of tables);
- :mod:`.word` (``.docx``, python-docx) and :mod:`.markdown` (``.md``): the two formats.

:func:`make_report` is what the command runs: read the plan, schedule it at the status
date, compare with the baseline, write the file.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from roadmap.report.content import build_report
from roadmap.report.document import Report, Section

__all__ = ["Report", "Section", "build_report", "make_report", "write_report"]

FORMATS = (".docx", ".md")


def write_report(report: Report, path, inputs=()) -> Path:
    """Write ``report`` as ``.docx`` or, for any other suffix, as Markdown."""
    if Path(path).suffix.lower() == ".docx":
        from roadmap.report.word import write_docx

        return write_docx(report, path, inputs)
    from roadmap.report.markdown import write_markdown

    return write_markdown(report, path, inputs)


def make_report(plan_path, out, baseline=None, status_date: dt.date | None = None,
                language: str | None = None, level: bool | None = None):
    """Schedule the plan at ``status_date``, compare it with ``baseline`` (a file made by
    ``roadmap baseline``), write the report to ``out``; returns ``(schedule, path)``.

    Raises
    ------
    roadmap.PlanError
        The plan has errors, or the baseline file is damaged.
    roadmap.output.OutputError
        The report cannot be written.
    """
    import dataclasses

    from roadmap.engine.scheduler import schedule
    from roadmap.plan.loader import load_plan

    plan = load_plan(plan_path)
    if language:
        plan = dataclasses.replace(plan, project=dataclasses.replace(plan.project, language=language))
    result = schedule(plan, status_date, level)
    if baseline is not None:
        from roadmap.engine.baseline import attach

        attach(result, baseline)
    report = build_report(result, Path(plan_path).name)
    return result, write_report(report, out, inputs=[plan_path] + ([baseline] if baseline else []))
