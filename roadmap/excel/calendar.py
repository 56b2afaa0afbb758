"""The Kalender sheet: holidays, closures, school holidays and sessions the schedule used.

It shows what the dates rest on, so a reader can check a date against the town's own
calendar without opening the plan file.
"""
from __future__ import annotations

from openpyxl import Workbook

from roadmap.engine.result import Schedule
from roadmap.excel.cells import add_table, header, put_date, put_text
from roadmap.excel.paper import DEFAULT_PAPER, print_layout
from roadmap.excel.styles import CENTER, TITLE
from roadmap.text import t


def calendar_rows(schedule: Schedule) -> list[tuple]:
    """(from, to, event, name) for every calendar fact the schedule used, by date."""
    lang = schedule.language
    rows = [(h.date, h.date, 0, t("sheet.holiday", lang), h.name) for h in schedule.holidays]
    rows += [(w.start, w.end, 1, t("sheet.closure", lang), w.name) for w in schedule.closures]
    rows += [(w.start, w.end, 2, t("sheet.school", lang), w.name) for w in schedule.school_holidays]
    for body in schedule.bodies.values():
        name = body.name.get(lang)
        rows += [(day, day, 3, t("sheet.session", lang), name) for day in body.sessions]
        rows += [(day, day, 4, t("sheet.cancelled", lang), name) for day in body.cancelled]
    rows.sort(key=lambda r: (r[0], r[2], r[4]))
    return [(start, end, event, name) for start, end, _, event, name in rows]


def calendar_sheet(wb: Workbook, schedule: Schedule, paper: str = DEFAULT_PAPER) -> None:
    """Holidays, closures, school holidays and sessions, one table sorted by date."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.calendar", lang))
    put_text(ws, 1, 1, f"{t('sheet.calendar', lang)}: {schedule.project.name}", font=TITLE)
    heads = (t("sheet.from", lang), t("sheet.to", lang), t("sheet.event", lang), t("sheet.name", lang))
    header(ws, 3, heads, (13, 13, 20, 50))
    row = 4
    for start, end, event, name in calendar_rows(schedule):
        put_date(ws, row, 1, start, alignment=CENTER)
        put_date(ws, row, 2, end, alignment=CENTER)
        put_text(ws, row, 3, event)
        put_text(ws, row, 4, name)
        row += 1
    if not add_table(ws, "Kalender" if lang == "de" else "Calendar", 3, row - 1, len(heads)):
        put_text(ws, 4, 1, t("sheet.none", lang))
    ws.freeze_panes = "A4"
    ws.row_dimensions[1].height = 22
    print_layout(ws, schedule, paper, title_rows=(3, 3))
