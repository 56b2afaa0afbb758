"""The Übersicht sheet: span, critical path, milestones and decisions, assumptions, legend.

The first sheet a head of department opens, and the one page to print for a meeting.
"""
from __future__ import annotations

from importlib.metadata import version

from openpyxl import Workbook
from openpyxl.styles import Alignment

from roadmap.engine.result import Schedule
from roadmap.excel.cells import fit_height, print_setup, put_date, put_text, put_value
from roadmap.excel.styles import (
    BOLD, CENTER, CRIT_FONT, CRITICAL, FLOAT_FILL, HEADER_FILL, HOLIDAY_FILL, MILESTONE_FILL, PHASE_BAR,
    SCHOOL_FILL, SESSION_FILL, STATUS_FILL, TITLE, WRAP, fill, phase_colors,
)
from roadmap.excel.values import decimal, kind_word, numbers, span_months
from roadmap.text import t, weekday_name, word

ONE_PAGE_ROWS = 80  # up to here the overview is shrunk onto one A3 page


def holidays_version() -> str:
    return version("holidays")


def sessions_source(schedule: Schedule, body) -> str:
    """Where a body's session dates came from, in words."""
    lang = schedule.language
    source = body.sessions_source or "plan"
    parts = [t("sheet.from_plan", lang) if part.strip() == "plan" else part.strip()
             for part in source.split("+")]
    text = " + ".join(parts)
    if body.cancelled:
        text += f" ({len(body.cancelled)} × {t('sheet.cancelled', lang)})"
    return text


def _section(ws, row: int, title: str) -> int:
    put_text(ws, row, 1, title, font=BOLD, fill=fill(HEADER_FILL))
    for column in range(2, 6):
        ws.cell(row=row, column=column).fill = fill(HEADER_FILL)
    return row + 1


def overview_sheet(wb: Workbook, schedule: Schedule) -> None:
    """Title, span, critical path, milestones and decisions, assumptions, legend."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.overview", lang))
    for column, width in zip("ABCDE", (26, 13, 13, 60, 60)):
        ws.column_dimensions[column].width = width
    put_text(ws, 1, 1, f"{t('sheet.title', lang)}: {schedule.project.name}", font=TITLE)
    row = _facts(ws, schedule)

    nr = numbers(schedule)
    row = _section(ws, row + 1, word("critical_path", lang))
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

    row = _section(ws, row + 1, t("sheet.dates", lang))
    for column, head in enumerate((t("sheet.kind", lang), t("sheet.date", lang), t("sheet.nr", lang),
                                   t("sheet.name", lang), word("sessions", lang)), 1):
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

    row = _section(ws, row + 1, t("sheet.assumptions", lang))
    for line in assumptions(schedule):
        put_text(ws, row, 1, line)
        row += 1

    warnings = [d for d in schedule.diagnostics if d.severity == "warning"]
    row = _section(ws, row + 1, t("sheet.notes", lang))
    for text in [d.render(lang) for d in warnings] or [t("sheet.none", lang)]:
        put_text(ws, row, 1, text)
        row += 1

    row = _legend(ws, schedule, _section(ws, row + 1, t("sheet.legend", lang)))
    print_setup(ws, schedule)
    if row <= ONE_PAGE_ROWS:
        # A short overview prints on one sheet, not with its legend's tail on a second one.
        ws.page_setup.fitToHeight = 1


def _facts(ws, schedule: Schedule) -> int:
    """Kommune, Land, Stand, Beginn, Ende, Laufzeit, Anzahl from row 3; the next row."""
    lang = schedule.language
    tasks = sum(p.kind == "task" for p in schedule.packages)
    milestones = sum(p.kind == "milestone" for p in schedule.packages)
    decisions = sum(p.kind == "decision" for p in schedule.packages)
    facts = [
        (t("sheet.town", lang), schedule.project.municipality, None),
        (t("sheet.state", lang), schedule.project.state, None),
        (word("status", lang), schedule.status_date, "date"),
        (word("start", lang), schedule.start, "date"),
        (word("finish", lang), schedule.finish, "date"),
        (t("sheet.span", lang), f"{decimal(span_months(schedule.start, schedule.finish), lang)} "
                                f"{t('sheet.months', lang)}", None),
        (t("sheet.count", lang), len(schedule.packages), "number"),
    ]
    row = 3
    for label, value, kind in facts:
        put_text(ws, row, 1, label, font=BOLD)
        if kind == "date":
            put_date(ws, row, 2, value, alignment=Alignment(horizontal="left"))
        elif kind == "number":
            put_value(ws, row, 2, value, alignment=Alignment(horizontal="left"))
            put_text(ws, row, 3, t("sheet.count_detail", lang, tasks=tasks, milestones=milestones,
                                   decisions=decisions))
        else:
            put_text(ws, row, 2, value)
        row += 1
    return row


def _legend(ws, schedule: Schedule, row: int) -> int:
    """The colours of the Zeitplan sheet explained, then one line per phase; the last row."""
    lang = schedule.language
    colors = phase_colors(schedule)
    legend = [(next(iter(colors.values())), "legend_bar"), (CRITICAL, "legend_crit"),
              (FLOAT_FILL, "legend_float"), (MILESTONE_FILL, "legend_ms"), (PHASE_BAR, "legend_phase"),
              (SESSION_FILL, "legend_session"), (HOLIDAY_FILL, "legend_holiday"),
              (SCHOOL_FILL, "legend_school"), (STATUS_FILL, "legend_status")]
    for color, key in legend:
        ws.cell(row=row, column=1).fill = fill(color)
        put_text(ws, row, 2, t(f"sheet.{key}", lang))
        row += 1
    for phase in schedule.phases:
        ws.cell(row=row, column=1).fill = fill(colors[phase.id])
        put_text(ws, row, 2, f"{word('phase', lang)}: {phase.name.get(lang)}")
        row += 1
    put_text(ws, row, 2, t("sheet.legend_edit", lang))
    return row


def assumptions(schedule: Schedule) -> list[str]:
    """What the dates rest on: Land, calendars and their sources, weekend, plan file."""
    lang = schedule.language
    state, release = schedule.project.state, holidays_version()
    lines = [t("sheet.holiday_source", lang, state=state, version=release)]
    if schedule.school_holidays:
        lines.append(t("sheet.school_source", lang, state=state, version=release))
    else:
        lines.append(t("sheet.no_school", lang))
    for body in schedule.bodies.values():
        lines.append(t("sheet.sessions_source", lang, body=body.name.get(lang),
                       source=sessions_source(schedule, body)))
    weekend = ", ".join(weekday_name(d, lang) for d in schedule.weekend)
    lines.append(f"{t('sheet.weekend', lang)}: {weekend}")
    if schedule.closures:
        lines.append(f"{word('closures', lang)}: " + "; ".join(
            w.name for w in schedule.closures if w.name))
    if schedule.plan_path:
        lines.append(f"{t('sheet.plan_file', lang)}: {schedule.plan_path}")
    return lines
