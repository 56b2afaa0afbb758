"""The Arbeitspakete sheet: every package as an Excel table, predecessors as MS Project writes them.

Columns (:func:`roadmap.excel.layout.package_columns`): the plan (Nr., Arbeitspaket, ID,
Phase, ..., Kritisch), the state of work (Status, Ist-Beginn, Ist-Ende, Fortschritt %,
Frist, Verzug), with a baseline its dates and the Abweichung, and the Quelle. Beginn and
Ende are formulas pointing at the Zeitplan, where planned dates are edited
(:mod:`.editable`); Ist-Beginn, Ist-Ende and Fortschritt % are the input cells of the
round trip, checked by data validation. Printed with Nr. and Arbeitspaket repeated on
every page when the columns need more than one page across (:mod:`.paper`).
"""
from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from roadmap.engine.result import Schedule
from roadmap.excel.cells import Look, add_table, fit_height, header, put_text, put_value
from roadmap.excel.layout import (
    PACKAGE_FIRST_ROW, PACKAGE_HEAD_ROW, absolute, package_columns, package_groups, timeline_rows,
)
from roadmap.excel.packages_state import progress_columns, state_rules
from roadmap.excel.paper import DEFAULT_PAPER, print_layout
from roadmap.excel.progress import baseline
from roadmap.excel.styles import (
    BOLD, CENTER, CRIT_FONT, DATE_FORMAT, NEAR_CRITICAL, TITLE, TOP, WRAP, fill, phase_colors, tint,
)
from roadmap.excel.values import kind_word, numbers
from roadmap.plan.durations import UNITS
from roadmap.plan.model import ENGLISH_TO_GERMAN_LINK, Duration, Link
from roadmap.text import t, word

NEAR_FONT = Font(bold=True, color=NEAR_CRITICAL)
WRAP_INDENT = Alignment(wrap_text=True, vertical="top", indent=1)  # clear of the date before it
#: The looks of a package row's cells (shared: see cells.Look).
CENTERED, TOPPED, WRAPPED = Look(alignment=CENTER), Look(alignment=TOP), Look(alignment=WRAP)
NAME_BOLD = Look(alignment=WRAP, font=BOLD)
DATE_CENTERED = Look(number_format=DATE_FORMAT, alignment=CENTER)
PREDECESSORS = Look(alignment=WRAP_INDENT)
CRITICAL_LOOK, NEAR_LOOK = Look(alignment=CENTER, font=CRIT_FONT), Look(alignment=CENTER, font=NEAR_FONT)
_NUMBER_UNIT = re.compile(r"^\s*[+-]?\s*(\d+)\s*([A-Za-zäÄ]*)\s*$")


def lag_text(lag: Duration, language: str = "de") -> str:
    """``+2 Tage``, ``-1 Woche``, ``+3 fTage``: the unit the user wrote, MS Project words."""
    sign = "-" if lag.days < 0 else "+"
    match = _NUMBER_UNIT.match(lag.text or "")
    unit = "ed" if lag.elapsed else "d"
    amount = abs(lag.days)
    if match and match.group(2).lower() in UNITS:
        per, elapsed = UNITS[match.group(2).lower()]
        if elapsed == lag.elapsed and per * int(match.group(1)) == abs(lag.days):
            amount = int(match.group(1))
            unit = {(5, False): "w", (20, False): "mo", (7, True): "ew"}.get((per, elapsed), unit)
    return f"{sign}{amount} {_unit(unit, amount, language)}"


def _unit(unit: str, amount: int, language: str) -> str:
    """A lag unit as MS Project writes it (``Tag``/``Tage``, ``fWoche``/``fWochen``, ...),
    from the catalog keys ``sheet.unit.<unit>.one`` and ``.many``."""
    return t(f"sheet.unit.{unit}.{'one' if amount == 1 else 'many'}", language)


def predecessor_text(links: tuple[Link, ...], nr: dict[str, int], language: str = "de") -> str:
    """MS Project's Vorgänger column: ``3;5AA;7EA+2 Tage`` (English ``7FS+2 days``)."""
    parts = []
    for link in links:
        ref = str(nr.get(link.pred, link.pred))
        link_type = ENGLISH_TO_GERMAN_LINK[link.type] if language == "de" else link.type
        if link.lag.days == 0:
            parts.append(ref if link.type == "FS" else f"{ref}{link_type}")
        else:
            parts.append(f"{ref}{link_type}{lag_text(link.lag, language)}")
    return ";".join(parts)


def needs_text(p, language: str) -> str:
    """``sc 0,5; kern 0,2``: the shares of posts a package takes while it runs."""
    parts = [f"{role} {amount:g}" for role, amount in p.needs]
    return "; ".join(part.replace(".", ",") if language == "de" else part for part in parts)


def duration_format(elapsed: bool, language: str) -> str:
    """A number format showing ``1 Tag`` / ``10 Tage`` (``fTage`` for calendar days)."""
    unit = "ed" if elapsed else "d"
    return f'[=1]0 "{_unit(unit, 1, language)}";0 "{_unit(unit, 2, language)}"'


def packages_sheet(wb: Workbook, schedule: Schedule, paper: str = DEFAULT_PAPER) -> None:
    """Every package as a filterable table: plan, state of work, baseline, source."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.packages", lang))
    put_text(ws, 1, 1, f"{t('sheet.packages', lang)}: {schedule.project.name}", font=TITLE)
    ws.row_dimensions[1].height = 22
    with_baseline, with_load = baseline(schedule) is not None, schedule.load is not None
    columns = package_columns(with_baseline, with_load)
    heads = {"nr": t("sheet.nr", lang), "name": word("task", lang), "id": t("sheet.id", lang),
             "phase": word("phase", lang), "kind": t("sheet.kind", lang), "owner": word("owner", lang),
             "duration": word("duration", lang), "start": word("start", lang), "finish": word("finish", lang),
             "predecessors": word("predecessors", lang),
             "float": f"{word('total_float', lang)} ({word('days', lang)})",
             "critical": t("sheet.critical", lang), "status": t("sheet.status", lang),
             "actual_start": t("sheet.actual_start", lang), "actual_finish": t("sheet.actual_finish", lang),
             "progress": t("sheet.progress", lang), "deadline": t("sheet.deadline", lang),
             "deadline_late": t("sheet.deadline_late", lang), "baseline_start": t("sheet.baseline_start", lang),
             "baseline_finish": t("sheet.baseline_finish", lang), "slip": t("sheet.slip", lang),
             "needs": t("sheet.needs", lang), "moved": t("sheet.moved", lang), "source": word("source", lang)}
    longest_id = max((len(p.id) for p in schedule.packages), default=4)
    widths = {"nr": 5, "name": 42, "id": max(6, min(22, round(longest_id * 0.95 + 1))), "phase": 16, "kind": 12,
              "owner": 18, "duration": 9, "start": 11, "finish": 11, "predecessors": 14, "float": 13,
              "critical": 9, "status": 16, "actual_start": 11, "actual_finish": 11, "progress": 11,
              "deadline": 11, "deadline_late": 9, "baseline_start": 11, "baseline_finish": 11, "slip": 13,
              "needs": 16, "moved": 30, "source": 60}
    order = sorted(columns, key=columns.get)
    header(ws, PACKAGE_HEAD_ROW, [heads[key] for key in order], [widths[key] for key in order])
    ws.row_dimensions[PACKAGE_HEAD_ROW].height = 30
    nr, colors = numbers(schedule), phase_colors(schedule)
    timeline, places = t("sheet.timeline", lang), timeline_rows(schedule)
    yes, no, near = word("yes", lang), word("no", lang), t("sheet.near", lang)
    durations = {elapsed: Look(number_format=duration_format(elapsed, lang), alignment=TOP)
                 for elapsed in (False, True)}
    phase_looks: dict = {}
    row = PACKAGE_FIRST_ROW
    for p in schedule.packages:
        elapsed = bool(p.duration and p.duration.elapsed and p.kind == "task")
        c = columns
        phase_look = phase_looks.get(p.phase)
        if phase_look is None:
            color = tint(colors.get(p.phase, colors[None]), 0.6)
            phase_look = phase_looks[p.phase] = Look(alignment=WRAP, fill=fill(color))
        put_value(ws, row, c["nr"], nr[p.id], look=CENTERED)
        name = f"{p.name}\n{p.occurrence_text(lang)}" if p.occurrences else p.name  # repeat: its dates
        put_text(ws, row, c["name"], name, look=NAME_BOLD if p.is_milestone else WRAPPED)
        put_text(ws, row, c["id"], p.id, look=TOPPED)
        put_text(ws, row, c["phase"], schedule.phase_name(p.phase), look=phase_look)
        put_text(ws, row, c["kind"], kind_word(p.kind, lang), look=TOPPED)
        put_text(ws, row, c["owner"], schedule.role_name(p.owner), look=WRAPPED)
        put_value(ws, row, c["duration"], p.duration.days if elapsed else p.duration_days, look=durations[elapsed])
        # the Zeitplan holds the planned dates: an edit there shows here too
        put_value(ws, row, c["start"], f"={absolute(timeline, places[p.id], 3)}", look=DATE_CENTERED)
        put_value(ws, row, c["finish"], f"={absolute(timeline, places[p.id], 4)}", look=DATE_CENTERED)
        predecessors = put_text(ws, row, c["predecessors"], predecessor_text(p.predecessors, nr, lang),
                                look=PREDECESSORS)
        put_value(ws, row, c["float"], p.total_float, look=TOPPED)
        if p.critical:
            put_text(ws, row, c["critical"], yes, look=CRITICAL_LOOK)
        else:
            put_text(ws, row, c["critical"], near if p.near_critical else no,
                     look=NEAR_LOOK if p.near_critical else CENTERED)
        put_text(ws, row, c["source"], p.source, look=WRAPPED)
        if with_load:
            put_text(ws, row, c["needs"], needs_text(p, lang), alignment=WRAP)
            put_text(ws, row, c["moved"], p.moved_note(lang), alignment=WRAP)
        fit_height(ws, row, {c["name"]: name, c["phase"]: schedule.phase_name(p.phase),
                             c["owner"]: schedule.role_name(p.owner),
                             c["predecessors"]: predecessors.value if predecessors else None,
                             c["source"]: p.source, **({c["moved"]: p.moved_note(lang)} if with_load else {})})
        row += 1
    last = row - 1
    progress_columns(ws, schedule, columns, last)
    add_table(ws, "Arbeitspakete" if lang == "de" else "WorkPackages", PACKAGE_HEAD_ROW, last, len(columns))
    state_rules(ws, columns, last)
    ws.freeze_panes = ws.cell(row=PACKAGE_FIRST_ROW, column=columns["id"])
    print_layout(ws, schedule, paper, title_rows=(PACKAGE_HEAD_ROW, PACKAGE_HEAD_ROW), title_cols=(1, 2),
                 groups=package_groups(with_baseline, with_load), first_row=PACKAGE_FIRST_ROW,
                 last_row=max(last, PACKAGE_FIRST_ROW))
