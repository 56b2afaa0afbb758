"""The Übersicht sheet: span, scope and progress, critical path, milestones and decisions,
changes against the baseline, assumptions, notes, legend.

The first sheet a head of department opens, and the one page to print for a meeting: it
shrinks onto one page as long as its text stays at 8 pt or more (:mod:`.paper`).
"""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment

from roadmap.engine.result import Schedule
from roadmap.excel.cells import fit_height, merge, put_date, put_style, put_text, put_value
from roadmap.excel.overview_notes import assumptions, changes, legend
from roadmap.excel.paper import DEFAULT_PAPER, print_layout
from roadmap.excel.progress import critical_sentence, hints, percent_text, states_text
from roadmap.excel.styles import BOLD, CENTER, CRIT_FONT, HEADER_FILL, TITLE, TOP, WRAP, fill
from roadmap.excel.values import decimal, kind_word, numbers, span_months
from roadmap.text import t, word

#: Column widths by paper: on A4 the two text columns are narrower, so 11 pt prints at 8 pt or more.
WIDTHS = {"a3": (23, 13, 13, 63, 60), "a4": (24, 12, 12, 44, 44)}
LEFT = Alignment(horizontal="left")
#: The blank row between two sections: a gap, not a line of text (keeps the page for the meeting one page).
GAP = 8


def section(ws, row: int, title: str, starts: list) -> int:
    """A tinted section heading at ``row`` (noted in ``starts``: each section is a table
    for the page breaks); the next row."""
    put_text(ws, row, 1, title, font=BOLD, fill=fill(HEADER_FILL))
    if row > 3 and ws.cell(row=row - 1, column=1).value is None:
        ws.row_dimensions[row - 1].height = GAP
    for column in range(2, 6):
        put_style(ws, row, column, fill=fill(HEADER_FILL))
    starts.append(row)
    return row + 1


def sentence(ws, row: int, text: str, first: int = 1) -> int:
    """A paragraph from column ``first`` to E (merged, wrapped); the next row."""
    put_text(ws, row, first, text, alignment=WRAP)
    merge(ws, row, first, row, 5)
    width = sum(ws.column_dimensions[c].width for c in "ABCDE"[first - 1:])
    per_line = int(width * 1.1)
    ws.row_dimensions[row].height = 15 * max(1, -(-len(text) // per_line)) + 2
    return row + 1


def overview_sheet(wb: Workbook, schedule: Schedule, paper: str = DEFAULT_PAPER) -> None:
    """Title, facts, critical path, milestones and decisions, changes, assumptions, notes, legend."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.overview", lang))
    for column, width in zip("ABCDE", WIDTHS[paper]):
        ws.column_dimensions[column].width = width
    put_text(ws, 1, 1, f"{t('sheet.title', lang)}: {schedule.project.name}", font=TITLE)
    ws.row_dimensions[1].height = 22
    starts: list[int] = []  # the rows where sections start
    row = _facts(ws, schedule)

    nr = numbers(schedule)
    row = section(ws, row + 1, word("critical_path", lang), starts)
    explained = critical_sentence(schedule)
    if explained:
        row = sentence(ws, row, explained)
    for column, head in enumerate((t("sheet.nr", lang), word("start", lang), word("finish", lang),
                                   word("task", lang)), 1):
        put_text(ws, row, column, head, font=BOLD)
    row += 1
    for p in schedule.critical_path():
        put_value(ws, row, 1, nr[p.id], alignment=CENTER)
        put_date(ws, row, 2, p.start)
        put_date(ws, row, 3, p.finish)
        put_text(ws, row, 4, p.name, font=BOLD if p.is_milestone else None)
        row += 1

    row = section(ws, row + 1, t("sheet.dates", lang), starts)
    for column, head in enumerate((t("sheet.kind", lang), t("sheet.date", lang), t("sheet.nr", lang),
                                   t("sheet.name", lang), word("sessions", lang)), 1):
        put_text(ws, row, column, head, font=BOLD)
    row += 1
    for p in schedule.milestones():
        put_text(ws, row, 1, kind_word(p.kind, lang), alignment=TOP)
        put_date(ws, row, 2, p.start, alignment=TOP)
        put_value(ws, row, 3, nr[p.id], alignment=CENTER)
        put_text(ws, row, 4, p.name, alignment=WRAP,
                 font=CRIT_FONT if p.critical else None)
        steps = schedule.beratungsfolge(p)
        if steps:
            put_text(ws, row, 5, steps, alignment=WRAP)
            fit_height(ws, row, {4: p.name, 5: steps})
        else:  # no Beratungsfolge: the name has both columns, so a long one stays on one line
            ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=5)
            _fit_merged(ws, row, p.name)
        row += 1

    row = changes(ws, schedule, row, starts, section)

    row = section(ws, row + 1, t("sheet.assumptions", lang), starts)
    for line in assumptions(schedule):
        put_text(ws, row, 1, line)
        row += 1

    row = section(ws, row + 1, t("sheet.notes", lang), starts)
    for text in hints(schedule) or [t("sheet.none", lang)]:
        put_text(ws, row, 1, text)
        row += 1

    row, placed = legend(ws, schedule, section(ws, row + 1, t("sheet.legend", lang), starts),
                         note=t("sheet.legend_edit", lang))
    if not placed:
        row = sentence(ws, row + 1, t("sheet.legend_edit", lang), first=2) - 1
    ends = [start - 2 for start in starts[1:]] + [row]  # a blank row between sections
    tables = [(3, starts[0] - 2)] + list(zip(starts, ends))
    print_layout(ws, schedule, paper, tables=tables, first_row=1, last_row=row, one_page=True)


def _fit_merged(ws, row: int, text: str) -> None:
    """The height of a row whose text fills the merged columns D and E (as :func:`fit_height`)."""
    per_line = int((ws.column_dimensions["D"].width + ws.column_dimensions["E"].width) * 1.15)
    lines = -(-len(text) // per_line)
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines


def _facts(ws, schedule: Schedule) -> int:
    """Kommune, Land, Stand, Beginn, Ende, Laufzeit, Umfang, Fertigstellung from row 3; the next row."""
    lang = schedule.language
    facts = [
        (t("sheet.town", lang), schedule.project.municipality, None),
        (t("sheet.state", lang), schedule.project.state, None),
        (word("status", lang), schedule.status_date, "date"),
        (word("start", lang), schedule.start, "date"),
        (word("finish", lang), schedule.finish, "date"),
        (t("sheet.span", lang), f"{decimal(span_months(schedule.start, schedule.finish), lang)} "
                                f"{t('sheet.months', lang)}", None),
        (t("sheet.count", lang), schedule.count_text(lang), None),
        (t("sheet.done", lang), t("sheet.done_detail", lang,
                                  percent=percent_text(schedule.percent_complete(), lang)), None),
        (t("sheet.states", lang), states_text(schedule), None),
    ]
    row = 3
    for label, value, kind in facts:
        put_text(ws, row, 1, label, font=BOLD)
        if kind == "date":
            put_date(ws, row, 2, value, alignment=LEFT)
        else:
            put_text(ws, row, 2, value)
        row += 1
    return row
