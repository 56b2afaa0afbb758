"""The Gremien sheet: every decision's Beratungsfolge, one row per session it passes."""
from __future__ import annotations

from openpyxl import Workbook

from roadmap.engine.result import Schedule
from roadmap.excel.cells import add_table, fit_height, header, put_date, put_text, put_value
from roadmap.excel.paper import DEFAULT_PAPER, print_layout
from roadmap.excel.styles import CENTER, TITLE, TOP, WRAP
from roadmap.excel.values import numbers
from roadmap.text import t, word


def bodies_sheet(wb: Workbook, schedule: Schedule, paper: str = DEFAULT_PAPER) -> None:
    """Every decision with its Beratungsfolge: Gremium, Sitzung, Vorlage fertig bis."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.bodies", lang))
    put_text(ws, 1, 1, f"{word('sessions', lang)}: {schedule.project.name}", font=TITLE)
    heads = (t("sheet.nr", lang), t("sheet.decision", lang), t("sheet.step", lang), word("body", lang),
             word("session_date", lang), word("vorlage_due", lang), t("sheet.decision_date", lang),
             t("sheet.critical", lang))
    header(ws, 3, heads, (7, 44, 8, 30, 13, 16, 15, 10))
    nr, row = numbers(schedule), 4
    for p in schedule.decisions():
        for step, consultation in enumerate(p.sessions, 1):
            put_value(ws, row, 1, nr[p.id], alignment=CENTER)
            put_text(ws, row, 2, p.name, alignment=WRAP)
            put_value(ws, row, 3, step, alignment=CENTER)
            put_text(ws, row, 4, consultation.body_name, alignment=TOP)
            put_date(ws, row, 5, consultation.date, alignment=CENTER)
            put_date(ws, row, 6, consultation.vorlage_due, alignment=CENTER)
            put_date(ws, row, 7, p.start, alignment=CENTER)
            put_text(ws, row, 8, word("yes" if p.critical else "no", lang), alignment=CENTER)
            fit_height(ws, row, {2: p.name, 4: consultation.body_name})
            row += 1
    if not add_table(ws, "Gremien" if lang == "de" else "Bodies", 3, row - 1, len(heads)):
        put_text(ws, 4, 1, t("sheet.none", lang))
    ws.freeze_panes = "A4"
    ws.row_dimensions[1].height = 22
    print_layout(ws, schedule, paper, title_rows=(3, 3))
