"""The Zeitplan sheet: a Gantt chart in the grid, one column per calendar week.

The bars are not painted cell by cell. Conditional-formatting rules compare each row's
Beginn/Ende cells (columns C, D) with the Monday of each week column (header row
``WEEK_ROW``), so a head of department who types a new date sees the bar move, in Excel
and in LibreOffice. Milestones get a ◆ from a formula of the same kind; the critical
flag (column E) and the status date (cell C2) are cells the rules read, too.

Layout::

    row 1   title                      row 6   Monday of each week (the rules read it)
    row 2   Stand: <status date>       row 7   council sessions (short names)
    row 3   year                       row 8   public holidays / closures (F)
    row 4   month                      row 9   school holidays (S)
    row 5   KW                         row 10  column headers; packages from row 11
    A Nr. | B Arbeitspaket | C Beginn | D Ende | E Krit. | F kind (hidden) | G.. weeks |
    latest finish (hidden, right of the last week: it paints the float tail after a bar)
"""
from __future__ import annotations

import datetime as dt
from copy import copy
from itertools import groupby

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import Outline

from roadmap.engine.result import Schedule
from roadmap.excel.cells import print_setup, put_date, put_text, put_value
from roadmap.excel.styles import (
    BOLD, CRITICAL, DATE_FORMAT, FLOAT_FILL, HEADER_FILL, HOLIDAY_FILL, MILESTONE_FILL, PHASE_BAR,
    SCHOOL_FILL, SESSION_FILL, STATUS_FILL, fill, phase_colors, tint,
)
from roadmap.excel.values import numbers
from roadmap.text import iso_week, month_name, t, word

STATUS_CELL = "$C$2"
YEAR_ROW, MONTH_ROW, KW_ROW, WEEK_ROW = 3, 4, 5, 6
SESSION_ROW, HOLIDAY_ROW, SCHOOL_ROW, HEAD_ROW, FIRST_ROW = 7, 8, 9, 10, 11
NR, NAME, START, FINISH, CRIT, KIND, FIRST_WEEK = 1, 2, 3, 4, 5, 6, 7
#: Values of the hidden kind column; language-neutral because the rules compare them.
KIND_CODES = {"task": "task", "milestone": "milestone", "decision": "decision"}
PHASE_CODE = "phase"
DECISION_COLOR = "1F3864"
THIN = Side(style="thin", color="BFBFBF")
ROW_HEIGHT = 18  # a little taller than Excel's default, so bars read as bars in print


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


def _week_index(mondays: list[dt.date], day: dt.date) -> int | None:
    index = (day - mondays[0]).days // 7
    return index if 0 <= index < len(mondays) else None



def timeline_sheet(wb: Workbook, schedule: Schedule) -> None:
    """Write the Zeitplan sheet (see the module docstring for the layout)."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.timeline", lang))
    mondays = weeks(schedule)
    last_col = FIRST_WEEK + len(mondays) - 1
    _columns(ws, len(mondays))
    put_text(ws, 1, 1, f"{t('sheet.timeline', lang)}: {schedule.project.name}", font=Font(bold=True, size=14))
    put_text(ws, 2, NAME, f"{word('status', lang)}:", font=BOLD, alignment=Alignment(horizontal="right"))
    put_date(ws, 2, START, schedule.status_date, font=BOLD)
    _calendar_header(ws, schedule, mondays)
    for column, head in ((NR, t("sheet.nr", lang)), (NAME, word("task", lang)), (START, word("start", lang)),
                         (FINISH, word("finish", lang)), (CRIT, t("sheet.crit_short", lang)),
                         (KIND, t("sheet.kind", lang))):
        put_text(ws, HEAD_ROW, column, head, font=BOLD, fill=fill(HEADER_FILL))
    late_col = last_col + 1
    put_text(ws, HEAD_ROW, late_col, t("sheet.late_finish", lang), font=BOLD)
    ws.column_dimensions[get_column_letter(late_col)].hidden = True
    last_row = _rows(ws, schedule, mondays, last_col)
    _global_rules(ws, last_col, last_row)
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=FIRST_WEEK)
    ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    print_setup(ws, schedule, f"{YEAR_ROW}:{HEAD_ROW}")


def _columns(ws, count: int) -> None:
    for column, width in ((NR, 5), (NAME, 56), (START, 11), (FINISH, 11), (CRIT, 5), (KIND, 9)):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.column_dimensions[get_column_letter(KIND)].hidden = True
    for i in range(count):
        ws.column_dimensions[get_column_letter(FIRST_WEEK + i)].width = 3.3


def _calendar_header(ws, schedule: Schedule, mondays: list[dt.date]) -> None:
    """Year, month, KW, Monday, sessions, holidays and school-holiday rows over the weeks."""
    lang = schedule.language
    small = Font(size=8)
    center = Alignment(horizontal="center", vertical="center")
    for row, key in ((YEAR_ROW, "year"), (MONTH_ROW, "month"), (KW_ROW, None), (WEEK_ROW, "week_of"),
                     (SESSION_ROW, "sessions_row"), (HOLIDAY_ROW, "holidays"), (SCHOOL_ROW, "school")):
        label = word("week", lang) if key is None else (
            word("holidays", lang) if key == "holidays" else t(f"sheet.{key}", lang))
        put_text(ws, row, NAME, label, font=small, alignment=Alignment(horizontal="right"))
    # a week belongs to the month and year of its Thursday, as ISO weeks do
    thursday = [m + dt.timedelta(days=3) for m in mondays]
    for row, key in ((YEAR_ROW, lambda d: d.year), (MONTH_ROW, lambda d: (d.year, d.month))):
        column = FIRST_WEEK
        for value, members in groupby(thursday, key=key):
            span = len(list(members))
            if row == YEAR_ROW:
                text = str(value)
            else:
                name = month_name(value[1], lang)
                text = name if span >= 3 else name[:3]
            put_text(ws, row, column, text, font=Font(bold=row == YEAR_ROW, size=8), alignment=center)
            if span > 1:
                ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + span - 1)
            ws.cell(row=row, column=column).border = Border(left=THIN)
            column += span

    sessions = _sessions_by_week(schedule, mondays)
    off_days = [h.date for h in schedule.holidays]
    for window in schedule.closures:
        off_days += [window.start + dt.timedelta(days=i) for i in range((window.end - window.start).days + 1)]
    off_weeks = {_week_index(mondays, day) for day in off_days}
    school_weeks = set()
    for window in schedule.school_holidays:
        for i in range((window.end - window.start).days + 1):
            school_weeks.add(_week_index(mondays, window.start + dt.timedelta(days=i)))
    rotated = Alignment(horizontal="center", vertical="bottom", text_rotation=90)
    for i, monday in enumerate(mondays):
        column = FIRST_WEEK + i
        put_value(ws, KW_ROW, column, iso_week(monday), font=small, alignment=center)
        put_date(ws, WEEK_ROW, column, monday, number_format="DD.MM.", font=Font(size=7), alignment=rotated)
        if i in sessions:
            labels, used = sessions[i]
            put_text(ws, SESSION_ROW, column, " ".join(labels), fill=fill(SESSION_FILL),
                     font=Font(size=7, bold=used), alignment=rotated)
        if i in off_weeks:
            put_text(ws, HOLIDAY_ROW, column, t("sheet.holiday_mark", lang), fill=fill(HOLIDAY_FILL),
                     font=small, alignment=center)
        if i in school_weeks:
            put_text(ws, SCHOOL_ROW, column, t("sheet.school_mark", lang), fill=fill(SCHOOL_FILL),
                     font=small, alignment=center)
    ws.row_dimensions[WEEK_ROW].height = 30
    ws.row_dimensions[SESSION_ROW].height = 44


def _sessions_by_week(schedule: Schedule, mondays) -> dict[int, tuple[list[str], bool]]:
    """Week index -> (short names of the bodies meeting, whether a decision uses one)."""
    lang = schedule.language
    used = {(c.body, c.date) for p in schedule.decisions() for c in p.sessions}
    found: dict[int, tuple[list[str], bool]] = {}
    for body in schedule.bodies.values():
        for day in body.sessions:
            index = _week_index(mondays, day)
            if index is None:
                continue
            labels, flag = found.get(index, ([], False))
            if body.label(lang) not in labels:
                labels.append(body.label(lang))
            found[index] = (labels, flag or (body.id, day) in used)
    return found


def _rows(ws, schedule: Schedule, mondays, last_col: int) -> int:
    """Phase header rows and package rows; returns the last row written."""
    lang = schedule.language
    nr, colors = numbers(schedule), phase_colors(schedule)
    first_week = get_column_letter(FIRST_WEEK)
    last_week = get_column_letter(last_col)
    yes = word("yes", lang)
    row = FIRST_ROW
    for phase_id, members in schedule.phase_groups():
        color = colors.get(phase_id, colors[None])
        head = row
        name = schedule.phase_name(phase_id) if phase_id else t("sheet.no_phase", lang)
        for column in range(NR, KIND + 1):
            ws.cell(row=head, column=column).fill = fill(tint(color, 0.45))
        put_text(ws, head, NAME, name, font=BOLD, fill=fill(tint(color, 0.45)))
        first, last = head + 1, head + len(members)
        put_value(ws, head, START, f"=MIN(C{first}:C{last})", DATE_FORMAT, font=BOLD)
        put_value(ws, head, FINISH, f"=MAX(D{first}:D{last})", DATE_FORMAT, font=BOLD)
        put_text(ws, head, KIND, PHASE_CODE)
        ws.row_dimensions[head].height = ROW_HEIGHT
        ws.conditional_formatting.add(
            f"{first_week}{head}:{last_week}{head}",
            FormulaRule(formula=[_bar(head, PHASE_CODE)], fill=fill(PHASE_BAR), stopIfTrue=True))
        row = head + 1
        for p in members:
            put_value(ws, row, NR, nr[p.id])
            put_text(ws, row, NAME, p.name, alignment=Alignment(indent=1),
                     font=BOLD if p.is_milestone else None)
            put_date(ws, row, START, p.start)
            put_date(ws, row, FINISH, p.finish)
            if not p.is_milestone:
                put_date(ws, row, last_col + 1, p.late_finish)
            put_text(ws, row, CRIT, yes if p.critical else "", font=Font(color=CRITICAL, bold=True),
                     alignment=Alignment(horizontal="center"))
            put_text(ws, row, KIND, KIND_CODES.get(p.kind, "task") if not (
                p.kind == "task" and p.is_milestone) else "milestone")
            ws.row_dimensions[row].outline_level = 1
            ws.row_dimensions[row].height = ROW_HEIGHT
            if p.is_milestone:
                _diamonds(ws, row, len(mondays), DECISION_COLOR if p.kind == "decision" else "000000")
            row += 1
        _block_rules(ws, first, last, last_col, color, yes)
    return row - 1


def _bar(row: int, code: str) -> str:
    """True in a week column while the row's Beginn..Ende overlaps that week."""
    week = f"{get_column_letter(FIRST_WEEK)}${WEEK_ROW}"
    return f'AND($F{row}="{code}",$C{row}<={week}+6,$D{row}>={week})'


def _in_week(row: int) -> str:
    """True in the week column that holds the row's Beginn (a milestone's date)."""
    week = f"{get_column_letter(FIRST_WEEK)}${WEEK_ROW}"
    return f'AND($F{row}<>"task",$F{row}<>"{PHASE_CODE}",$C{row}>={week},$C{row}<={week}+6)'


def _diamonds(ws, row: int, count: int, color: str) -> None:
    """A ◆ formula in every week cell of a milestone row: it shows in the week of Beginn."""
    first = None
    for i in range(count):
        column = FIRST_WEEK + i
        week = f"{get_column_letter(column)}${WEEK_ROW}"
        cell = ws.cell(row=row, column=column,
                       value=f'=IF(AND($C{row}>={week},$C{row}<={week}+6),"◆","")')
        if first is None:
            cell.font = Font(bold=True, color=color, size=10)
            cell.alignment = Alignment(horizontal="center", vertical="center")
            first = cell
        else:
            # the first cell's style, shared: setting font and alignment per cell makes
            # openpyxl hash and look up both every time (4.7 s of a 2,000-package workbook)
            cell._style = copy(first._style)


def _block_rules(ws, first: int, last: int, last_col: int, color: str, yes: str) -> None:
    """Bars and milestone weeks of one phase block; critical ones first, in red."""
    ref = f"{get_column_letter(FIRST_WEEK)}{first}:{get_column_letter(last_col)}{last}"
    critical = f'$E{first}="{yes}"'
    add = ws.conditional_formatting.add
    add(ref, FormulaRule(formula=[f"AND({critical},{_bar(first, 'task')})"], fill=fill(CRITICAL),
                         stopIfTrue=True))
    add(ref, FormulaRule(formula=[_bar(first, "task")], fill=fill(color), stopIfTrue=True))
    add(ref, FormulaRule(formula=[f"AND({critical},{_in_week(first)})"], fill=fill(tint(CRITICAL, 0.7)),
                         font=Font(color=CRITICAL, bold=True), stopIfTrue=True))
    add(ref, FormulaRule(formula=[_in_week(first)], fill=fill(MILESTONE_FILL), stopIfTrue=True))
    # total float: the weeks after Ende up to the latest finish (hidden column after the weeks)
    late = f"${get_column_letter(last_col + 1)}{first}"
    week = f"{get_column_letter(FIRST_WEEK)}${WEEK_ROW}"
    add(ref, FormulaRule(formula=[f'AND($F{first}="task",{week}>$D{first},{week}<={late})'],
                         fill=fill(FLOAT_FILL), stopIfTrue=True))


def _global_rules(ws, last_col: int, last_row: int) -> None:
    """Status week over header and rows; school-holiday weeks as a light column tint."""
    first_week, last_week = get_column_letter(FIRST_WEEK), get_column_letter(last_col)
    week = f"{first_week}${WEEK_ROW}"
    status = f"AND({week}<={STATUS_CELL},{STATUS_CELL}<={week}+6)"
    ws.conditional_formatting.add(f"{first_week}{KW_ROW}:{last_week}{last_row}",
                                  FormulaRule(formula=[status], fill=fill(STATUS_FILL)))
    if last_row >= FIRST_ROW:
        ws.conditional_formatting.add(
            f"{first_week}{FIRST_ROW}:{last_week}{last_row}",
            FormulaRule(formula=[f'{first_week}${SCHOOL_ROW}<>""'], fill=fill(tint(SCHOOL_FILL, 0.4))))
