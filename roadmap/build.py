"""``roadmap build``: one plan, scheduled once, written as an Excel plan and an HTML Gantt.

Both files come from the same :class:`~roadmap.schedule.Schedule`, so the workbook and
the chart can never disagree about a date.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from roadmap.plan.diagnostics import PlanError
from roadmap.excel.workbook import decimal, span_months, write_excel
from roadmap.gantt.figure import write_gantt_html
from roadmap.text import format_date, word
from roadmap.engine.result import Schedule

DEFAULT_NAME = "kickoff"

SUMMARY_WORDS = {
    "de": {"span": "Laufzeit", "months": "Monate", "decisions": "Beschlüsse",
           "warnings": "Warnungen", "written": "Geschrieben", "none": "keine",
           "packages": "Pakete",
           "default": "Standard-Fahrplan (Vorlage kickoff, Beispielstadt)"},
    "en": {"span": "Span", "months": "months", "decisions": "Decisions",
           "warnings": "Warnings", "written": "Written", "none": "none",
           "packages": "packages",
           "default": "default roadmap (template kickoff, sample town)"},
}


@dataclass
class BuildResult:
    """What :func:`build` produced: the schedule and the files written."""

    schedule: Schedule
    name: str
    files: list[Path]
    plan_path: str | None = None

    @property
    def excel(self) -> Path:
        return self.files[0]

    @property
    def html(self) -> Path:
        return self.files[1]


def slug(stem: str) -> str:
    """A file-name-safe name: ``Fahrplan Lüdenscheid 2027`` -> ``fahrplan-luedenscheid-2027``."""
    text = stem.lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9_]+", "-", text).strip("-_")
    return text or "plan"


def load(plan_path: str | None, language: str | None = None, status_date: dt.date | None = None):
    """The plan at ``plan_path``, or the built-in default roadmap; raises PlanError."""
    from roadmap.plan.loader import load_plan, parse_plan

    if plan_path is None:
        from roadmap.templates.library import default_plan_text

        # The default roadmap starts the month after "today"; a status date stands in
        # for today, so a pinned status date gives the same roadmap on every run.
        plan = parse_plan(default_plan_text(status_date), file=f"{DEFAULT_NAME}.yaml")
    else:
        plan = load_plan(plan_path)
    if language:
        plan = dataclasses.replace(plan, project=dataclasses.replace(plan.project, language=language))
    return plan


def build(plan_path: str | None, out_dir, language: str | None = None,
          status_date: dt.date | None = None) -> BuildResult:
    """Schedule a plan once and write ``<out_dir>/<name>.xlsx`` and ``<name>.html``.

    Parameters
    ----------
    plan_path : str or None
        The plan file; ``None`` builds the built-in default roadmap (name ``kickoff``).
    out_dir : str or os.PathLike
        The folder for the outputs; created if missing.
    language : {"de", "en"}, optional
        Overrides the plan's language.
    status_date : datetime.date, optional
        The status date (Stand); default: the plan's, else today.

    Returns
    -------
    BuildResult

    Raises
    ------
    roadmap.PlanError
        The plan has errors (``diagnostics`` lists them).
    roadmap.output.OutputError
        An output file cannot be written.
    """
    from roadmap.engine.scheduler import schedule

    plan = load(plan_path, language, status_date)
    try:
        result = schedule(plan, status_date)
    except PlanError as error:
        error.language = error.language or plan.language  # for messages in the plan's language
        raise
    name = DEFAULT_NAME if plan_path is None else slug(Path(plan_path).stem)
    out = Path(out_dir)
    inputs = [plan_path] if plan_path else []
    files = [out / f"{name}.xlsx", out / f"{name}.html"]
    write_excel(result, files[0], inputs)
    write_gantt_html(result, files[1], inputs)
    return BuildResult(result, name, files, plan_path)


def critical_path_text(schedule: Schedule, words: dict, room: int = 8) -> str:
    """The critical packages in date order; a long path keeps its ends and its count.

    Joined by arrows when each one follows the one before by a link, else by commas:
    decisions waiting for their sessions are often critical without forming a chain.
    """
    path = schedule.critical_path()
    chain = all(before.id in {link.pred for link in after.predecessors}
                for before, after in zip(path, path[1:]))
    names = [p.name for p in path]
    if len(names) > room:
        count = f"{len(names)} {words['packages']}"
        names = names[:3] + [f"… ({count}) …"] + names[-3:]
    return (" → " if chain else ", ").join(names) or words["none"]


def summary_lines(result: BuildResult, language: str | None = None) -> list[str]:
    """The short report ``roadmap build`` prints, in ``language`` (default: the schedule's)."""
    schedule = result.schedule
    lang = language or schedule.language
    words = SUMMARY_WORDS.get(lang, SUMMARY_WORDS["de"])
    title = schedule.project.name
    if schedule.project.municipality and schedule.project.municipality not in title:
        title += f" ({schedule.project.municipality})"
    lines = [title if result.plan_path else f"{title} – {words['default']}"]
    months = decimal(span_months(schedule.start, schedule.finish), lang)
    lines.append(f"{words['span']}: {format_date(schedule.start, lang)} – "
                 f"{format_date(schedule.finish, lang)} ({months} {words['months']})")
    lines.append(f"{word('critical_path', lang)}: {critical_path_text(schedule, words)}")
    lines.append(f"{words['decisions']}:" + ("" if schedule.decisions() else f" {words['none']}"))
    for p in schedule.decisions():
        steps = schedule.beratungsfolge(p, lang)
        lines.append(f"  {format_date(p.start, lang)}  {p.name} ({steps})")
    warnings = [d for d in schedule.diagnostics if d.severity == "warning"]
    if warnings:
        lines.append(f"{words['warnings']}:")
        lines += [f"  {d.render(lang)}" for d in warnings]
    lines.append(f"{words['written']}:")
    lines += [f"  {path}" for path in result.files]
    return lines
