"""``roadmap build``: one plan, scheduled once, written as an Excel plan and an HTML Gantt.

Both files come from the same :class:`~roadmap.engine.result.Schedule`, so the workbook and
the chart can never disagree about a date, and they are written as one set: all or none
(:func:`write_outputs`). A plan beyond the documented size is refused before anything is
drawn (:func:`check_size`, docs/scheduling.md "Grenzen"). The summary it prints speaks the catalog's
words (``summary.*``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from roadmap.plan.diagnostics import PlanError
from roadmap.excel.values import decimal, span_months
from roadmap.excel.workbook import write_excel
from roadmap.exchange.tabular import visible
from roadmap.gantt.figure import write_gantt_html
from roadmap.output import OutputSet, clean_stale
from roadmap.text.messages import Message
from roadmap.text import format_date, t, word
from roadmap.engine.result import Schedule

DEFAULT_NAME = "kickoff"

#: The largest plan ``roadmap build`` writes (docs/scheduling.md, "Grenzen"): at these sizes
#: a build takes some 20 s and 0.5 GB; the workbook and the page would be unreadable long
#: before. check, schedule and export have no such limit.
MAX_PACKAGES = 10_000
MAX_LINKS = 30_000


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
        from roadmap.templates.newplan import default_plan_text

        # The default roadmap starts the month after "today"; a status date stands in
        # for today, so a pinned status date gives the same roadmap on every run.
        plan = parse_plan(default_plan_text(status_date), file=f"{DEFAULT_NAME}.yaml")
    else:
        plan = load_plan(plan_path)
    if language:
        plan = dataclasses.replace(plan, project=dataclasses.replace(plan.project, language=language))
    return plan


def build(plan_path: str | None, out_dir, language: str | None = None,
          status_date: dt.date | None = None, baseline=None, paper: str = "a3",
          pdf: bool = False, level: bool | None = None) -> BuildResult:
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
    baseline : str or os.PathLike, optional
        A baseline file (``roadmap baseline``): compared with the new schedule, which
        carries the comparison as ``schedule.baseline`` for the writers.
    paper : {"a3", "a4"}
        The paper the workbook's sheets are laid out for, landscape (default A3).
    pdf : bool
        Also write ``<name>.pdf``: the Gantt page printed by headless Chromium on
        ``paper`` (:mod:`roadmap.gantt.pdf`). Without Chromium nothing is written and
        :class:`roadmap.gantt.pdf.PdfError` says how to install it.
    level : bool, optional
        Resource levelling; default: the plan's ``project.level``.

    Returns
    -------
    BuildResult

    Raises
    ------
    roadmap.PlanError
        The plan has errors, or the baseline file is damaged (``diagnostics`` lists them).
    roadmap.output.OutputError
        An output file cannot be written; then none of them was replaced
        (:func:`write_outputs`).
    PlanTooBig
        The plan has more than :data:`MAX_PACKAGES` packages or :data:`MAX_LINKS` links;
        nothing was written.
    """
    from roadmap.engine.scheduler import schedule

    if pdf:
        from roadmap.gantt.pdf import require_browser

        require_browser()  # before anything is written: no browser, no files
    plan = load(plan_path, language, status_date)
    try:
        result = schedule(plan, status_date, level)
        if baseline is not None:
            from roadmap.engine.baseline import attach

            attach(result, baseline)
    except PlanError as error:
        error.language = error.language or plan.language  # for messages in the plan's language
        raise
    check_size(result)
    name = DEFAULT_NAME if plan_path is None else slug(Path(plan_path).stem)
    out = Path(out_dir)
    inputs = [plan_path] if plan_path else []
    files = [out / f"{name}.{suffix}" for suffix in (("xlsx", "html", "pdf") if pdf else ("xlsx", "html"))]
    write_outputs(result, files, inputs, paper)
    return BuildResult(result, name, files, plan_path)


class PlanTooBig(ValueError):
    """The plan is beyond :data:`MAX_PACKAGES` or :data:`MAX_LINKS`; ``args[0]`` is a
    catalog message saying so (German by default)."""

    def render(self, language: str | None = None) -> str:
        return self.args[0].render(language)


class _Count(int):
    """A count in a message: ``10.000`` in German, ``10,000`` in English."""

    def render(self, language: str | None = None) -> str:
        text = f"{int(self):,}"
        return text if language == "en" else text.replace(",", ".")


def check_size(schedule: Schedule) -> None:
    """Refuse a plan too big to build (:class:`PlanTooBig`), before anything is drawn."""
    packages = len(schedule.packages)
    links = sum(len(p.predecessors) for p in schedule.packages)
    if packages > MAX_PACKAGES or links > MAX_LINKS:
        raise PlanTooBig(Message("build.too-big", packages=_Count(packages), links=_Count(links),
                                 max_packages=_Count(MAX_PACKAGES), max_links=_Count(MAX_LINKS)))


def write_outputs(schedule: Schedule, files: list[Path], inputs=(), paper: str = "a3") -> None:
    """Write the workbook, the page and (a third file) the PDF as one set
    (:class:`~roadmap.output.OutputSet`): all to temporary names first, renamed only when
    all are complete. On a failure no file is replaced and :class:`OutputError` (or
    :class:`~roadmap.gantt.pdf.PdfError`) says so."""
    with OutputSet(files, inputs) as outputs:
        if len(files) == 2:  # a killed ``build --pdf`` may have left a PDF's temporary files
            clean_stale(files[1].with_suffix(".pdf"))
        target = files[0]
        try:
            write_excel(schedule, outputs.temp(target), paper=paper)
            target = files[1]
            write_gantt_html(schedule, outputs.temp(target))
            if len(files) > 2:
                from roadmap.gantt.pdf import PdfError, write_pdf

                target = files[2]
                try:
                    write_pdf(outputs.temp(files[1]), outputs.temp(target), paper)
                except PdfError as error:
                    raise PdfError(Message("output.none-replaced", error=error.args[0],
                                           files=outputs.names())) from None
        except OSError as error:
            raise outputs.failed(error, target) from None
        outputs.commit()


def critical_path_text(schedule: Schedule, language: str = "de", room: int = 8) -> str:
    """The critical packages in date order; a long path keeps its ends and its count.

    Joined by arrows when each one follows the one before by a link, else by commas:
    decisions waiting for their sessions are often critical without forming a chain.
    """
    path = schedule.critical_path()
    chain = all(before.id in {link.pred for link in after.predecessors}
                for before, after in zip(path, path[1:]))
    names = [p.name for p in path]
    if len(names) > room:
        count = f"{len(names)} {t('summary.packages', language)}"
        names = names[:3] + [f"… ({count}) …"] + names[-3:]
    return (" → " if chain else ", ").join(names) or t("summary.none", language)


def baseline_line(schedule: Schedule, language: str = "de") -> str:
    """``plan.basis.json (Stand 01.09.2027): 5 später, 1 früher, ...`` for the summary."""
    comparison = schedule.baseline
    slips = [d.slip for d in comparison.deviations.values()]
    return t("tracking.baseline.line", language, file=Path(comparison.baseline.path).name,
             status=comparison.baseline.status_date, slipped=sum(s > 0 for s in slips),
             earlier=sum(s < 0 for s in slips), moved=len(comparison.moved),
             added=len(comparison.added), removed=len(comparison.removed))


def summary_lines(result: BuildResult, language: str | None = None) -> list[str]:
    """The short report ``roadmap build`` prints, in ``language`` (default: the schedule's);
    control characters from the plan shown as escapes (:func:`~roadmap.exchange.tabular.visible`)."""
    schedule = result.schedule
    lang = language or schedule.language
    title = schedule.project.name
    if schedule.project.municipality and schedule.project.municipality not in title:
        title += f" ({schedule.project.municipality})"
    lines = [title if result.plan_path else f"{title} – {t('summary.default', lang)}"]
    months = decimal(span_months(schedule.start, schedule.finish), lang)
    lines.append(f"{t('summary.span', lang)}: {format_date(schedule.start, lang)} – "
                 f"{format_date(schedule.finish, lang)} ({months} {t('summary.months', lang)})")
    lines.append(schedule.count_text(lang))
    if schedule.levelled:
        lines.append(t("summary.levelled", lang, n=sum(1 for p in schedule.packages if p.moved_days)))
    if schedule.baseline is not None:
        lines.append(f"{t('tracking.baseline.summary', lang)}: {baseline_line(schedule, lang)}")
    lines.append(f"{word('critical_path', lang)}: {critical_path_text(schedule, lang)}")
    decisions = schedule.decisions()
    lines.append(f"{t('summary.decisions', lang)}:" + ("" if decisions else f" {t('summary.none', lang)}"))
    for p in decisions:
        steps = schedule.beratungsfolge(p, lang)
        lines.append(f"  {format_date(p.start, lang)}  {p.name} ({steps})")
    warnings = [d for d in schedule.diagnostics if d.severity == "warning"]
    if warnings:
        lines.append(f"{t('summary.warnings', lang)}:")
        lines += [f"  {d.render(lang)}" for d in warnings]
    lines.append(f"{t('summary.written', lang)}:")
    lines += [f"  {path}" for path in result.files]
    # plan text (names, file names) may hold line breaks and escape sequences: each line
    # stays one line, and nothing in it can drive a terminal
    return [visible(line) for line in lines]
