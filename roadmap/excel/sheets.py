"""The Übersicht, Gremien and Kalender sheets of the Excel plan."""
from __future__ import annotations

from importlib.metadata import version

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from roadmap.excel.workbook import (
    BOLD, CENTER, CRIT_FONT, CRITICAL, FLOAT_FILL, HEADER_FILL, HOLIDAY_FILL, MILESTONE_FILL, PHASE_BAR, SCHOOL_FILL,
    SESSION_FILL, STATUS_FILL, TITLE, TOP, WRAP, decimal, fill, fit_height,
    kind_word, numbers, phase_colors, print_setup, put_date, put_text, put_value,
    span_months, sw,
)
from roadmap.text import weekday_name, word
from roadmap.engine.result import Schedule

ONE_PAGE_ROWS = 80  # up to here the overview is shrunk onto one A3 page


def holidays_version() -> str:
    return version("holidays")


def sessions_source(schedule: Schedule, body) -> str:
    """Where a body's session dates came from, in words."""
    lang = schedule.language
    source = body.sessions_source or "plan"
    parts = [sw("from_plan", lang) if part.strip() == "plan" else part.strip()
             for part in source.split("+")]
    text = " + ".join(parts)
    if body.cancelled:
        text += f" ({len(body.cancelled)} × {sw('cancelled', lang)})"
    return text


def _section(ws, row: int, title: str) -> int:
    put_text(ws, row, 1, title, font=BOLD, fill=fill(HEADER_FILL))
    for column in range(2, 6):
        ws.cell(row=row, column=column).fill = fill(HEADER_FILL)
    return row + 1


def overview_sheet(wb: Workbook, schedule: Schedule) -> None:
    """Title, span, critical path, milestones and decisions, assumptions, legend."""
    lang = schedule.language
    ws = wb.create_sheet(sw("overview", lang))
    for column, width in zip("ABCDE", (26, 13, 13, 60, 60)):
        ws.column_dimensions[column].width = width
    put_text(ws, 1, 1, f"{sw('title', lang)}: {schedule.project.name}", font=TITLE)
    tasks = sum(p.kind == "task" for p in schedule.packages)
    milestones = sum(p.kind == "milestone" for p in schedule.packages)
    decisions = sum(p.kind == "decision" for p in schedule.packages)
    facts = [
        (sw("town", lang), schedule.project.municipality, None),
        (sw("state", lang), schedule.project.state, None),
        (word("status", lang), schedule.status_date, "date"),
        (word("start", lang), schedule.start, "date"),
        (word("finish", lang), schedule.finish, "date"),
        (sw("span", lang), f"{decimal(span_months(schedule.start, schedule.finish), lang)} "
                           f"{sw('months', lang)}", None),
        (sw("count", lang), len(schedule.packages), "number"),
    ]
    row = 3
    for label, value, kind in facts:
        put_text(ws, row, 1, label, font=BOLD)
        if kind == "date":
            put_date(ws, row, 2, value, alignment=Alignment(horizontal="left"))
        elif kind == "number":
            put_value(ws, row, 2, value, alignment=Alignment(horizontal="left"))
            put_text(ws, row, 3, sw("count_detail", lang).format(
                tasks=tasks, milestones=milestones, decisions=decisions))
        else:
            put_text(ws, row, 2, value)
        row += 1

    nr = numbers(schedule)
    row = _section(ws, row + 1, word("critical_path", lang))
    for column, head in enumerate((sw("nr", lang), word("start", lang), word("finish", lang),
                                   word("task", lang)), 1):
        put_text(ws, row, column, head, font=BOLD)
    row += 1
    for p in schedule.critical_path():
        put_value(ws, row, 1, nr[p.id], alignment=CENTER)
        put_date(ws, row, 2, p.start)
        put_date(ws, row, 3, p.finish)
        put_text(ws, row, 4, p.name, font=BOLD if p.is_milestone else None)
        row += 1

    row = _section(ws, row + 1, sw("dates", lang))
    for column, head in enumerate((sw("kind", lang), sw("date", lang), sw("nr", lang),
                                   sw("name", lang), word("sessions", lang)), 1):
        put_text(ws, row, column, head, font=BOLD)
    row += 1
    for p in schedule.milestones():
        put_text(ws, row, 1, kind_word(p.kind, lang))
        put_date(ws, row, 2, p.start)
        put_value(ws, row, 3, nr[p.id], alignment=CENTER)
        put_text(ws, row, 4, p.name, alignment=WRAP,
                 font=CRIT_FONT if p.critical else None)
        steps = schedule.beratungsfolge(p)
        put_text(ws, row, 5, steps, alignment=WRAP)
        fit_height(ws, row, {4: p.name, 5: steps})
        row += 1

    row = _section(ws, row + 1, sw("assumptions", lang))
    for line in assumptions(schedule):
        put_text(ws, row, 1, line)
        row += 1

    warnings = [d for d in schedule.diagnostics if d.severity == "warning"]
    row = _section(ws, row + 1, sw("notes", lang))
    for text in [d.render(lang) for d in warnings] or [sw("none", lang)]:
        put_text(ws, row, 1, text)
        row += 1

    row = _section(ws, row + 1, sw("legend", lang))
    colors = phase_colors(schedule)
    legend = [(next(iter(colors.values())), sw("legend_bar", lang)), (CRITICAL, sw("legend_crit", lang)),
              (FLOAT_FILL, sw("legend_float", lang)),
              (MILESTONE_FILL, sw("legend_ms", lang)), (PHASE_BAR, sw("legend_phase", lang)),
              (SESSION_FILL, sw("legend_session", lang)), (HOLIDAY_FILL, sw("legend_holiday", lang)),
              (SCHOOL_FILL, sw("legend_school", lang)), (STATUS_FILL, sw("legend_status", lang))]
    for color, text in legend:
        ws.cell(row=row, column=1).fill = fill(color)
        put_text(ws, row, 2, text)
        row += 1
    for phase in schedule.phases:
        ws.cell(row=row, column=1).fill = fill(colors[phase.id])
        put_text(ws, row, 2, f"{word('phase', lang)}: {phase.name.get(lang)}")
        row += 1
    put_text(ws, row, 2, sw("legend_edit", lang))
    print_setup(ws, schedule)
    if row <= ONE_PAGE_ROWS:
        # A short overview prints on one sheet, not with its legend's tail on a second one.
        ws.page_setup.fitToHeight = 1


def assumptions(schedule: Schedule) -> list[str]:
    """What the dates rest on: Land, calendars and their sources, weekend, plan file."""
    lang = schedule.language
    state, release = schedule.project.state, holidays_version()
    lines = [sw("holiday_source", lang).format(state=state, version=release)]
    if schedule.school_holidays:
        lines.append(sw("school_source", lang).format(state=state, version=release))
    else:
        lines.append(sw("no_school", lang))
    for body in schedule.bodies.values():
        lines.append(sw("sessions_source", lang).format(body=body.name.get(lang),
                                                         source=sessions_source(schedule, body)))
    weekend = ", ".join(weekday_name(d, lang) for d in schedule.weekend)
    lines.append(f"{sw('weekend', lang)}: {weekend}")
    if schedule.closures:
        lines.append(f"{word('closures', lang)}: " + "; ".join(
            w.name for w in schedule.closures if w.name))
    if schedule.plan_path:
        lines.append(f"{sw('plan_file', lang)}: {schedule.plan_path}")
    return lines


def add_table(ws, name: str, header_row: int, last_row: int, columns: int, style="TableStyleLight9"):
    """Turn a block into a real Excel table with autofilter (only if it has data rows)."""
    if last_row <= header_row:
        return None
    ref = f"A{header_row}:{get_column_letter(columns)}{last_row}"
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=style, showRowStripes=True)
    ws.add_table(table)
    return table


def _header(ws, row: int, heads, widths) -> None:
    for column, (head, width) in enumerate(zip(heads, widths), 1):
        put_text(ws, row, column, head, font=BOLD, alignment=WRAP, fill=fill(HEADER_FILL))
        ws.column_dimensions[get_column_letter(column)].width = width


def bodies_sheet(wb: Workbook, schedule: Schedule) -> None:
    """Every decision with its Beratungsfolge: Gremium, Sitzung, Vorlage fertig bis."""
    lang = schedule.language
    ws = wb.create_sheet(sw("bodies", lang))
    put_text(ws, 1, 1, f"{word('sessions', lang)}: {schedule.project.name}", font=TITLE)
    heads = (sw("nr", lang), sw("decision", lang), sw("step", lang), word("body", lang),
             word("session_date", lang), word("vorlage_due", lang), sw("decision_date", lang),
             sw("critical", lang))
    _header(ws, 3, heads, (7, 50, 8, 34, 13, 16, 15, 10))
    nr, row = numbers(schedule), 4
    for p in schedule.decisions():
        for step, consultation in enumerate(p.sessions, 1):
            put_value(ws, row, 1, nr[p.id], alignment=CENTER)
            put_text(ws, row, 2, p.name, alignment=WRAP)
            put_value(ws, row, 3, step, alignment=CENTER)
            put_text(ws, row, 4, consultation.body_name, alignment=TOP)
            put_date(ws, row, 5, consultation.date)
            put_date(ws, row, 6, consultation.vorlage_due)
            put_date(ws, row, 7, p.start)
            put_text(ws, row, 8, word("yes" if p.critical else "no", lang), alignment=CENTER)
            fit_height(ws, row, {2: p.name, 4: consultation.body_name})
            row += 1
    if not add_table(ws, "Gremien" if lang == "de" else "Bodies", 3, row - 1, len(heads)):
        put_text(ws, 4, 1, sw("none", lang))
    ws.freeze_panes = "A4"
    print_setup(ws, schedule, "3:3")


def calendar_rows(schedule: Schedule) -> list[tuple]:
    """(from, to, event, name) for every calendar fact the schedule used, by date."""
    lang = schedule.language
    rows = [(h.date, h.date, 0, sw("holiday", lang), h.name) for h in schedule.holidays]
    rows += [(w.start, w.end, 1, sw("closure", lang), w.name) for w in schedule.closures]
    rows += [(w.start, w.end, 2, sw("school", lang), w.name) for w in schedule.school_holidays]
    for body in schedule.bodies.values():
        name = body.name.get(lang)
        rows += [(day, day, 3, sw("session", lang), name) for day in body.sessions]
        rows += [(day, day, 4, sw("cancelled", lang), name) for day in body.cancelled]
    rows.sort(key=lambda r: (r[0], r[2], r[4]))
    return [(start, end, event, name) for start, end, _, event, name in rows]


def calendar_sheet(wb: Workbook, schedule: Schedule) -> None:
    """Holidays, closures, school holidays and sessions, one table sorted by date."""
    lang = schedule.language
    ws = wb.create_sheet(sw("calendar", lang))
    put_text(ws, 1, 1, f"{sw('calendar', lang)}: {schedule.project.name}", font=TITLE)
    heads = (sw("from", lang), sw("to", lang), sw("event", lang), sw("name", lang))
    _header(ws, 3, heads, (13, 13, 20, 50))
    row = 4
    for start, end, event, name in calendar_rows(schedule):
        put_date(ws, row, 1, start)
        put_date(ws, row, 2, end)
        put_text(ws, row, 3, event)
        put_text(ws, row, 4, name)
        row += 1
    if not add_table(ws, "Kalender" if lang == "de" else "Calendar", 3, row - 1, len(heads)):
        put_text(ws, 4, 1, sw("none", lang))
    ws.freeze_panes = "A4"
    print_setup(ws, schedule, "3:3")
