"""The Zeitplan sheet: a Gantt chart in the grid, one column per calendar week.

The bars are not painted cell by cell. Conditional-formatting rules
(:mod:`.timeline_rules`) compare each row's Beginn/Ende cells (columns C, D) with the
Monday of each week column (header row ``WEEK_ROW``), so a head of department who types a
new date sees the bar move, in Excel and in LibreOffice; the typed date turns orange (it
differs from the computed date kept in a hidden twin) and the Arbeitspakete sheet, which
points at these cells, shows it too. Successors follow only after ``roadmap update``; a
note on the sheet says so. Milestones get a ◆ from a formula of the same kind.
A recurring package (``repeat``) is one row with a mark in the week(s) of each occurrence,
as in the Gantt: written as cells (a ◆, or a hidden number a rule paints as the bar), not
a bar from the first to the last occurrence; they move after ``roadmap update``.

Layout::

    row 1   title                      row 6   Monday of each week (the rules read it)
    row 2   Stand: <date>; edit note   row 7   council sessions (short names)
    row 3   year                       row 8   public holidays / closures (F)
    row 4   month                      row 9   school holidays (S)
    row 5   KW                         row 10  column headers; packages from row 11
    A Nr. | B Arbeitspaket | C Beginn | D Ende | E Krit. | F Status | G.. weeks |
    hidden: latest finish, ID, computed Beginn, computed Ende, Fortschritt, kind

Printed at 100 % (no text under 8 pt), split by time at month boundaries with columns
A-F and rows 3-10 repeated on every page (:mod:`.paper`).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import Outline

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.excel.cells import Look, merge, put_date, put_style, put_text, put_value
from roadmap.excel.layout import (
    CRIT, FINISH, FIRST_ROW, FIRST_WEEK, HEAD_ROW, NAME, NR, PACKAGE_FIRST_ROW, START, STATE, YEAR_ROW,
    absolute, helper_columns, package_columns,
)
from roadmap.excel.paper import DEFAULT_PAPER, print_layout
from roadmap.excel.progress import MARKS, baseline, deadline_late, states
from roadmap.excel.styles import (
    CRITICAL, DATE_FORMAT, DEADLINE_MET, HEADER_FILL, NEAR_CRITICAL, STATE_FILLS, fill, phase_colors, tint,
)
from roadmap.excel.timeline_header import calendar_header, month_groups, week_index, years
from roadmap.excel.timeline_rules import PHASE_CODE, RECURRING_CODE, block_rules, global_rules, phase_rule
from roadmap.excel.values import numbers
from roadmap.text import t, word

KIND_CODES = {"task": "task", "milestone": "milestone", "decision": "decision"}
DECISION_COLOR = "1F3864"
ROW_HEIGHT = 15  # one line of 9 pt text, and bars that read as bars in print
TEXT = Font(size=9)
TEXT_BOLD = Font(size=9, bold=True)
CRIT_FONT = Font(size=8, color=CRITICAL, bold=True)
NEAR_FONT = Font(size=8, color=NEAR_CRITICAL, bold=True)
STATE_FONT = Font(size=9, bold=True)
NOTE_FONT = Font(size=8, italic=True)
NOTE_WRAP = Alignment(wrap_text=True, vertical="top")
INDENT = Alignment(indent=1, vertical="center")
INDENT_WRAP = Alignment(indent=1, vertical="center", wrap_text=True)
CENTER = Alignment(horizontal="center", vertical="center")
MIDDLE = Alignment(vertical="center")
#: The looks of a package row's cells (shared: see cells.Look).
NR_LOOK = Look(font=TEXT, alignment=CENTER)
NAME_LOOKS = {(wrap, bold): Look(alignment=INDENT_WRAP if wrap else INDENT, font=TEXT_BOLD if bold else TEXT)
              for wrap in (False, True) for bold in (False, True)}
DATE_LOOK = Look(font=TEXT, alignment=MIDDLE)
CRIT_LOOK = Look(font=CRIT_FONT, alignment=CENTER)
NEAR_LOOK = Look(font=NEAR_FONT, alignment=CENTER)
STATE_LOOK = Look(font=STATE_FONT, alignment=CENTER)
PLAIN = Look()
#: A recurring task's occurrence week: a number no one sees (the rule paints the bar colour).
OCCURRENCE_LOOK = Look(number_format=";;;")
#: A week column (7 pt a unit in LibreOffice: 14 pt, room for "52" and a rotated "31.12.").
WEEK_WIDTH = 2.0
#: Widest name column by paper; longer names wrap onto a second line.
NAME_WIDTH = {"a3": 44, "a4": 34}
CHAR_POINTS = 5.0  # an average character of 9 pt text (DejaVu Serif in LibreOffice; Calibri is narrower)


def weeks(schedule: Schedule) -> list[dt.date]:
    """The Mondays from the week of the project start to the week of its finish.

    A status date up to 13 weeks before the start widens the chart to the left, so the
    reader sees how far away the start is ("we are here").
    """
    begin = schedule.start
    if schedule.start - dt.timedelta(weeks=13) <= schedule.status_date < schedule.start:
        begin = schedule.status_date
    first = begin - dt.timedelta(days=begin.weekday())
    last = schedule.finish - dt.timedelta(days=schedule.finish.weekday())
    return [first + dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def timeline_sheet(wb: Workbook, schedule: Schedule, paper: str = DEFAULT_PAPER) -> None:
    """Write the Zeitplan sheet (see the module docstring for the layout)."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.timeline", lang))
    mondays = weeks(schedule)
    last_col = FIRST_WEEK + len(mondays) - 1
    helpers = helper_columns(last_col)
    name_width = _columns(ws, schedule, len(mondays), helpers, paper)
    put_text(ws, 1, 1, f"{t('sheet.timeline', lang)}: {schedule.project.name}", font=Font(bold=True, size=14))
    ws.row_dimensions[1].height = 20
    put_text(ws, 2, NAME, f"{word('status', lang)}:", font=TEXT_BOLD, alignment=Alignment(horizontal="right"))
    put_date(ws, 2, START, schedule.status_date, font=TEXT_BOLD)
    put_text(ws, 2, FIRST_WEEK, t("sheet.edit_note", lang), font=NOTE_FONT, alignment=NOTE_WRAP)
    ws.row_dimensions[2].height = 24  # the note on up to two lines, over the first page's weeks
    calendar_header(ws, schedule, mondays)
    heads = ((NR, t("sheet.nr", lang)), (NAME, word("task", lang)), (START, word("start", lang)),
             (FINISH, word("finish", lang)), (CRIT, t("sheet.crit_short", lang)), (STATE, t("sheet.status", lang)))
    for column, head in heads:
        put_text(ws, HEAD_ROW, column, head, font=TEXT_BOLD, fill=fill(HEADER_FILL))
    for name, key in (("late_finish", "sheet.late_finish"), ("id", "sheet.id"), ("computed_start", "sheet.computed_start"),
                      ("computed_finish", "sheet.computed_finish"), ("progress", "sheet.progress"),
                      ("kind", "sheet.kind")):
        put_text(ws, HEAD_ROW, helpers[name], t(key, lang), font=TEXT_BOLD)
    last_row, keep = _rows(ws, schedule, mondays, last_col, helpers, name_width)
    global_rules(ws, last_col, last_row, helpers)
    _state_rules(ws, last_row)
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=FIRST_WEEK)
    ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    pages = print_layout(ws, schedule, paper, title_rows=(YEAR_ROW, HEAD_ROW), title_cols=(NR, STATE),
                         groups=month_groups(mondays), keep=keep, min_font=8, first_row=FIRST_ROW,
                         last_row=max(last_row, FIRST_ROW), last_col=helpers["kind"])
    years(ws, mondays, pages.column_ends)
    _fill_pages(ws, pages, last_col, helpers)
    merge(ws, 2, FIRST_WEEK, 2, max(FIRST_WEEK, min(pages.column_ends[0], last_col)))


def _columns(ws, schedule: Schedule, count: int, helpers: dict, paper: str) -> float:
    """Column widths; the name column as wide as most names need, up to the paper's limit."""
    lengths = sorted(len(p.name) for p in schedule.packages) or [20]
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    name_width = max(24, min(NAME_WIDTH[paper], round(typical * CHAR_POINTS / 7 + 2)))
    for column, width in ((NR, 4), (NAME, name_width), (START, 9.5), (FINISH, 9.5), (CRIT, 5.5), (STATE, 5.5)):
        ws.column_dimensions[get_column_letter(column)].width = width
    for i in range(count):
        ws.column_dimensions[get_column_letter(FIRST_WEEK + i)].width = WEEK_WIDTH
    for column in helpers.values():
        ws.column_dimensions[get_column_letter(column)].width = 12
        ws.column_dimensions[get_column_letter(column)].hidden = True
    return name_width


def _rows(ws, schedule: Schedule, mondays, last_col: int, helpers: dict, name_width: float):
    """Phase header rows and package rows; the last row written and the rows to keep together."""
    lang = schedule.language
    nr, colors = numbers(schedule), phase_colors(schedule)
    state, late = states(schedule), deadline_late(schedule)
    sheet = t("sheet.packages", lang)
    columns = package_columns(baseline(schedule) is not None, schedule.load is not None)
    kind = get_column_letter(helpers["kind"])
    yes, near = word("yes", lang), t("sheet.near", lang)
    per_line = max(10, int((7 * name_width - 10) / CHAR_POINTS))
    row, keep = FIRST_ROW, []
    for phase_id, members in schedule.phase_groups():
        color = colors.get(phase_id, colors[None])
        head = row
        name = schedule.phase_name(phase_id) if phase_id else t("sheet.no_phase", lang)
        for column in range(NR, STATE + 1):
            put_style(ws, head, column, fill=fill(tint(color, 0.45)))
        put_text(ws, head, NAME, name, font=TEXT_BOLD, fill=fill(tint(color, 0.45)), alignment=MIDDLE)
        first, last = head + 1, head + len(members)
        put_value(ws, head, START, f"=MIN(C{first}:C{last})", DATE_FORMAT, font=TEXT_BOLD)
        put_value(ws, head, FINISH, f"=MAX(D{first}:D{last})", DATE_FORMAT, font=TEXT_BOLD)
        put_text(ws, head, helpers["kind"], PHASE_CODE)
        ws.row_dimensions[head].height = ROW_HEIGHT
        phase_rule(ws, head, last_col, kind)
        keep.append((head, head + 1))  # a phase heading never ends a page
        row = head + 1
        for p in members:
            source = PACKAGE_FIRST_ROW + nr[p.id] - 1  # its row on the Arbeitspakete sheet
            put_value(ws, row, NR, nr[p.id], look=NR_LOOK)
            wrap = len(p.name) > per_line
            put_text(ws, row, NAME, p.name, look=NAME_LOOKS[wrap, p.is_milestone])
            put_date(ws, row, START, p.start, look=DATE_LOOK)
            put_date(ws, row, FINISH, p.finish, look=DATE_LOOK)
            if p.critical:
                put_text(ws, row, CRIT, yes, look=CRIT_LOOK)
            elif p.near_critical:
                put_text(ws, row, CRIT, near, look=NEAR_LOOK)
            put_value(ws, row, STATE, _state_formula(sheet, source, columns, state[p.id] == "late"), look=STATE_LOOK)
            if not p.is_milestone:
                put_date(ws, row, helpers["late_finish"], p.late_finish, look=PLAIN)
            put_text(ws, row, helpers["id"], p.id, look=PLAIN)
            put_date(ws, row, helpers["computed_start"], p.start, look=PLAIN)
            put_date(ws, row, helpers["computed_finish"], p.finish, look=PLAIN)
            put_value(ws, row, helpers["progress"], _progress_formula(sheet, source, columns), look=PLAIN)
            code = KIND_CODES.get(p.kind, "task") if not (p.kind == "task" and p.is_milestone) else "milestone"
            put_text(ws, row, helpers["kind"], RECURRING_CODE if p.occurrences else code, look=PLAIN)
            ws.row_dimensions[row].outline_level = 1
            lines = min(3, -(-len(p.name) // per_line))
            ws.row_dimensions[row].height = ROW_HEIGHT if lines == 1 else 12 * lines
            deadline = week_index(mondays, p.deadline) if p.deadline else None
            if p.occurrences:
                _occurrences(ws, row, p, mondays)
            elif p.is_milestone:
                _diamonds(ws, row, len(mondays), DECISION_COLOR if p.kind == "decision" else "000000", deadline)
            if deadline is not None:
                _deadline_flag(ws, row, FIRST_WEEK + deadline, p, late.get(p.id, 0) > 0)
            row += 1
        block_rules(ws, first, last, last_col, color, yes, helpers, any(p.occurrences for p in members))
    return row - 1, keep


def _fill_pages(ws, pages, last_col: int, helpers: dict) -> None:
    """A ``=""`` in every printed page that holds no value of its own: LibreOffice leaves
    out pages without values, and a page of bars painted by conditional formatting has
    none, so it would be missing from the printout (and the pages would no longer tile)."""
    firsts = [FIRST_WEEK] + [end + 1 for end in pages.column_ends[:-1]]
    tops = [FIRST_ROW] + [end + 1 for end in pages.row_ends[:-1]]
    kind = helpers["kind"]
    for top, bottom in zip(tops, pages.row_ends):
        for first, end in zip(firsts, pages.column_ends):
            end = min(end, last_col)
            if first > end:
                continue
            row = next((r for r in range(top, bottom + 1) if ws.cell(row=r, column=kind).value
                        not in ("milestone", "decision")), None)
            if row is not None and (row, first) not in ws._cells:
                put_value(ws, row, first, '=""')


def _state_formula(sheet: str, row: int, columns: dict, late: bool) -> str:
    """✓ once Ist-Ende is filled in, else ! when late, ▶ once Ist-Beginn is filled in."""
    finished = absolute(sheet, row, columns["actual_finish"])
    started = absolute(sheet, row, columns["actual_start"])
    rest = f'"{MARKS["late"]}"' if late else f'IF(ISNUMBER({started}),"{MARKS["running"]}","")'
    return f'=IF(ISNUMBER({finished}),"{MARKS["finished"]}",{rest})'


def _progress_formula(sheet: str, row: int, columns: dict) -> str:
    """The share done, as the Arbeitspakete sheet says: 100 once Ist-Ende is there."""
    finished = absolute(sheet, row, columns["actual_finish"])
    return f'=IF(ISNUMBER({finished}),100,N({absolute(sheet, row, columns["progress"])}))'


def _state_rules(ws, last_row: int) -> None:
    if last_row < FIRST_ROW:
        return
    ref = f"{get_column_letter(STATE)}{FIRST_ROW}:{get_column_letter(STATE)}{last_row}"
    for state, color in STATE_FILLS.items():
        if color:
            ws.conditional_formatting.add(ref, FormulaRule(
                formula=[f'${get_column_letter(STATE)}{FIRST_ROW}="{MARKS[state]}"'], fill=fill(color)))


def _diamonds(ws, row: int, count: int, color: str, deadline: int | None) -> None:
    """A ◆ formula in every week cell of a milestone row: it shows in the week of Beginn
    (and a ⚑ in the week of its deadline, unless the ◆ is there)."""
    style = None
    for i, week in enumerate(_week_refs(count)):
        column = FIRST_WEEK + i
        other = '"⚑"' if i == deadline else '""'
        formula = f'=IF(AND($C{row}>={week},$C{row}<={week}+6),"◆",{other})'
        if style is None:
            style = put_value(ws, row, column, formula, look=_diamond_look(color))._style
        else:
            # the first cell's style, copied: a style set per cell makes openpyxl hash and
            # look it up every time (4.7 s of a 2,000-package workbook)
            cell = ws._cells[(row, column)] = Cell(ws, row=row, column=column, style_array=style)
            cell._value, cell.data_type = formula, "f"


def _occurrences(ws, row: int, p: ScheduledPackage, mondays) -> None:
    """A recurring package's marks: a ◆ in the week of each occurrence of a milestone, a
    hidden number in every week of each occurrence of a task (``recurring_rules`` colours both)."""
    for number, (start, finish) in enumerate(p.occurrences, 1):
        first, last = week_index(mondays, start), week_index(mondays, finish)
        if first is None or last is None:
            continue
        for i in range(first, first + 1 if p.is_milestone else last + 1):
            if p.is_milestone:
                put_text(ws, row, FIRST_WEEK + i, "◆", look=_diamond_look("000000"))
            else:
                put_value(ws, row, FIRST_WEEK + i, number, look=OCCURRENCE_LOOK)


@lru_cache(maxsize=None)
def _diamond_look(color: str) -> Look:
    return Look(font=Font(bold=True, color=color, size=10), alignment=CENTER)


@lru_cache(maxsize=8)
def _week_refs(count: int) -> tuple[str, ...]:
    """``G$6``, ``H$6``, ...: the Monday of each week column."""
    return tuple(f"{get_column_letter(FIRST_WEEK + i)}$6" for i in range(count))


FLAG_MISSED = Font(bold=True, size=9, color=CRITICAL)
FLAG_MET = Font(bold=True, size=9, color=DEADLINE_MET)


def _deadline_flag(ws, row: int, column: int, p: ScheduledPackage, missed: bool) -> None:
    """⚑ in the deadline's week: red when the package misses it."""
    font = FLAG_MISSED if missed else FLAG_MET
    if p.is_milestone:
        put_style(ws, row, column, font=font)
    else:
        put_text(ws, row, column, "⚑", font=font, alignment=CENTER)
