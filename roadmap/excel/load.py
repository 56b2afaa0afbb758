"""The Auslastung sheet: each role's load per week as a heat map (plans with ``needs`` only).

Rows are the roles some package needs, columns the weeks of the schedule. A cell is the
load on the week's fullest working day as a share of the role's capacity that day
(:meth:`roadmap.engine.capacity.RoleLoad.weeks`): 100 % is a role working at its
capacity, above that it is over-allocated, ∞ is work where the role has no capacity yet
(a post that starts later). Colours (:data:`roadmap.engine.capacity.LOAD_CLASSES`) are
the Gantt's load strip's, light to dark, so a grey print still reads. Under the grid: the
legend, the over-allocations (the warnings every command prints) and what the levelling
moved. Printed like the Zeitplan: split at month boundaries, roles repeated on each page.
"""
from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from roadmap.engine.capacity import LOAD_CLASSES, capacity_text, load_class
from roadmap.engine.result import Schedule
from roadmap.excel.cells import merge, put_date, put_text, put_value
from roadmap.excel.paper import DEFAULT_PAPER, print_layout
from roadmap.excel.styles import BOLD, HEADER_FILL, TITLE, WRAP, fill
from roadmap.excel.timeline_header import month_groups
from roadmap.text import iso_week, month_name, t

MONTH_ROW, KW_ROW, WEEK_ROW = 3, 4, 5
FIRST_ROLE = 6
ROLE, CAPACITY, FIRST_WEEK = 1, 2, 3
WEEK_WIDTH = 2.6  # 18 pt: a rotated "140 %" in 8 pt
SMALL = Font(size=8)
SMALL_GREY = Font(size=8, color="808080")
NOTE = Font(size=9, italic=True)
ROTATED = Alignment(horizontal="center", vertical="center", text_rotation=90)
CENTER = Alignment(horizontal="center", vertical="center")
NO_WORK = "EDEDED"  # a week without working days (Christmas closure)


def _fonts() -> dict:
    """One font per text colour of the classes (shared objects: the style cache keys on them)."""
    return {text: Font(size=8, color=text, bold=text == "FFFFFF") for _, _, text in LOAD_CLASSES}


def _percent(ratio: float, language: str) -> str:
    if ratio == float("inf"):
        return "∞"
    return f"{ratio * 100:.0f} %" if language == "de" else f"{ratio * 100:.0f}%"


def _header(ws, schedule: Schedule, mondays: list[dt.date]) -> None:
    lang = schedule.language
    for first, last in month_groups(mondays, FIRST_WEEK):
        thursday = mondays[first - FIRST_WEEK] + dt.timedelta(days=3)
        name = month_name(thursday.month, lang)
        text = f"{name} {thursday.year}" if last - first >= 3 else name[:3]
        put_text(ws, MONTH_ROW, first, text, font=SMALL, alignment=CENTER)
        if last > first:
            merge(ws, MONTH_ROW, first, MONTH_ROW, last)
    for i, monday in enumerate(mondays):
        column = FIRST_WEEK + i
        put_value(ws, KW_ROW, column, iso_week(monday), font=SMALL, alignment=CENTER)
        put_date(ws, WEEK_ROW, column, monday, number_format="DD.MM.", font=SMALL, alignment=ROTATED)
        ws.column_dimensions[get_column_letter(column)].width = WEEK_WIDTH
    put_text(ws, KW_ROW, CAPACITY, t("sheet.load.week", lang), font=SMALL, alignment=Alignment(horizontal="right"))
    put_text(ws, WEEK_ROW, ROLE, t("sheet.load.role", lang), font=BOLD, fill=fill(HEADER_FILL), alignment=WRAP)
    put_text(ws, WEEK_ROW, CAPACITY, t("sheet.load.capacity", lang), font=BOLD, fill=fill(HEADER_FILL),
             alignment=WRAP)
    ws.row_dimensions[MONTH_ROW].height = 12
    ws.row_dimensions[KW_ROW].height = 12
    ws.row_dimensions[WEEK_ROW].height = 34


def load_sheet(wb: Workbook, schedule: Schedule, paper: str = DEFAULT_PAPER) -> None:
    """Roles × weeks, the heat map of load / capacity; nothing for a plan without ``needs``."""
    load = schedule.load
    if load is None:
        return
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.load", lang))
    put_text(ws, 1, 1, t("sheet.load.title", lang, name=schedule.project.name), font=TITLE)
    ws.row_dimensions[1].height = 22
    note = t("sheet.load.note", lang) + " " + t("sheet.load.levelled" if schedule.levelled else "sheet.load.unlevelled",
                                                 lang)
    put_text(ws, 2, 1, note, font=NOTE)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 20
    weeks = load.weeks()
    mondays = [week.monday for week in weeks]
    _header(ws, schedule, mondays)
    fonts = _fonts()
    row = FIRST_ROLE
    for r in load.shown():
        role = schedule.roles[load.roles[r]]
        put_text(ws, row, ROLE, f"{role.name.get(lang)} ({role.id})", alignment=WRAP)
        put_text(ws, row, CAPACITY, capacity_text(role, lang), font=SMALL, alignment=WRAP)
        for i, week in enumerate(weeks):
            column = FIRST_WEEK + i
            if week.ratio is None:
                put_text(ws, row, column, "", fill=fill(NO_WORK))
                continue
            ratio = float(week.ratio[r])
            _, color, text = LOAD_CLASSES[load_class(ratio)]
            if ratio <= 0:
                continue
            put_text(ws, row, column, _percent(ratio, lang), fill=fill(color),
                     font=SMALL_GREY if week.past else fonts[text], alignment=ROTATED)
        ws.row_dimensions[row].height = 32
        row += 1
    last_grid = row - 1
    row = _legend(ws, lang, row + 1)
    row = _lists(ws, schedule, row + 1)
    ws.freeze_panes = ws.cell(row=FIRST_ROLE, column=FIRST_WEEK)
    print_layout(ws, schedule, paper, title_rows=(MONTH_ROW, WEEK_ROW), title_cols=(ROLE, CAPACITY),
                 groups=month_groups(mondays, FIRST_WEEK), min_font=8, first_row=FIRST_ROLE, last_row=max(row - 1, FIRST_ROLE),
                 last_col=FIRST_WEEK + len(mondays) - 1, tables=[(FIRST_ROLE, max(last_grid, FIRST_ROLE))])


def _legend(ws, lang: str, row: int) -> int:
    """One line per colour class: its swatch in the capacity column, its meaning beside."""
    put_text(ws, row, ROLE, t("sheet.load.legend", lang), font=BOLD)
    row += 1
    for k, (_, color, _) in enumerate(LOAD_CLASSES):
        put_text(ws, row, ROLE, t(f"load.class.{k}", lang), font=SMALL)
        put_text(ws, row, CAPACITY, "", fill=fill(color))
        row += 1
    put_text(ws, row, ROLE, t("sheet.load.no-work", lang), font=SMALL)
    put_text(ws, row, CAPACITY, "", fill=fill(NO_WORK))
    return row + 1


def _lists(ws, schedule: Schedule, row: int) -> int:
    """The over-allocations (as every command reports them) and the packages levelling moved."""
    lang = schedule.language
    over = [d for d in schedule.diagnostics if d.code == "over-allocated"]
    moved = [p for p in schedule.packages if p.moved_days]
    for key, lines in (("sheet.load.over", [d.message.render(lang) for d in over]),
                       ("sheet.load.moved", [f"{p.name} ({p.id}): {p.moved_note(lang)}" for p in moved])):
        if not lines:
            continue
        put_text(ws, row, ROLE, t(key, lang), font=BOLD)
        row += 1
        for line in lines:
            put_text(ws, row, ROLE, line)
            row += 1
        row += 1
    return row
