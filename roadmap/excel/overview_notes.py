"""The Übersicht's reference parts: changes against the baseline, assumptions, legend."""
from __future__ import annotations

from importlib.metadata import version

from openpyxl.styles import Alignment, Font

from roadmap.engine.result import Schedule
from roadmap.excel.cells import fit_height, put_style, put_text, put_value
from roadmap.excel.progress import STATES, state_word
from roadmap.excel.styles import (
    CRITICAL, EDITED_FILL, FLOAT_FILL, NEAR_CRITICAL, HOLIDAY_FILL, MILESTONE_FILL, PHASE_BAR, SCHOOL_FILL, SESSION_FILL,
    STATE_FILLS, STATUS_FILL, BOLD, CENTER, TOP, WRAP, darker, fill, phase_colors,
)
from roadmap.excel.values import numbers
from roadmap.text import format_date, t, weekday_name, word


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


def changes(ws, schedule: Schedule, row: int, starts: list, section) -> int:
    """The Änderungen table against the baseline (nothing without one); the next row.

    Decisions moved to another session first (old -> new Beratungsfolge), then packages
    later and earlier than the baseline (most days first), then those added and removed:
    every difference is listed, none dropped.
    """
    comparison = schedule.baseline
    if comparison is None:
        return row
    lang = schedule.language
    nr = numbers(schedule)
    row = section(ws, row + 1, t("sheet.changes", lang, date=format_date(comparison.baseline.status_date, lang)),
                  starts)
    for column, head in enumerate((t("sheet.change", lang), t("sheet.nr", lang), t("sheet.slip", lang),
                                   t("sheet.name", lang), t("sheet.before_after", lang)), 1):
        put_text(ws, row, column, head, font=BOLD, alignment=WRAP)
    ws.row_dimensions[row].height = 30  # "Abweichung (AT)" on two lines
    row += 1
    lines = []
    moved = {m.id for m in comparison.moved}
    for m in comparison.moved:
        lines.append(("moved", nr.get(m.id), comparison.slip(m.id), m.name,
                      f"{m.beratungsfolge(schedule, True, lang)}  ⇒  {m.beratungsfolge(schedule, False, lang)}"))
    shifted = [d for d in comparison.deviations.values() if d.slip and d.id not in moved]
    for d in sorted(shifted, key=lambda d: (-d.slip, nr.get(d.id, 0))):
        p = schedule.package(d.id)
        lines.append(("later" if d.slip > 0 else "earlier", nr.get(d.id), d.slip, p.name,
                      t("sheet.change.dates", lang, old=format_date(d.baseline_finish, lang),
                        new=format_date(d.finish, lang))))
    for package_id in comparison.added:
        p = schedule.package(package_id)
        lines.append(("added", nr.get(package_id), None, p.name,
                      t("sheet.change.span", lang, start=format_date(p.start, lang), finish=format_date(p.finish, lang))))
    for e in comparison.removed:
        lines.append(("removed", None, None, e.name or e.id,
                      t("sheet.change.was", lang, start=format_date(e.start, lang), finish=format_date(e.finish, lang))))
    for kind, number, slip, name, detail in lines:
        put_text(ws, row, 1, t(f"sheet.change.{kind}", lang), font=LATE if kind in ("moved", "later") else None,
                 alignment=TOP)
        put_value(ws, row, 2, number, alignment=CENTER)
        put_value(ws, row, 3, slip, "+0;-0;0", alignment=CENTER, font=LATE if slip and slip > 0 else None)
        put_text(ws, row, 4, name, alignment=WRAP)
        put_text(ws, row, 5, detail, alignment=WRAP)
        fit_height(ws, row, {4: name, 5: detail})
        row += 1
    if not lines:
        put_text(ws, row, 1, t("sheet.none", lang))
        row += 1
    return row


def legend(ws, schedule: Schedule, row: int, note: str | None = None) -> tuple[int, bool]:
    """The Zeitplan's colours and marks explained (swatch in A, text from B), the states
    and phases beside them (column E), and ``note`` under those when it fits beside the
    swatches; the last row, and whether the note is placed."""
    lang = schedule.language
    colors = phase_colors(schedule)
    first = next(iter(colors.values()))
    swatches = [(first, None, "legend_bar"), (CRITICAL, None, "legend_crit"), (darker(first), None, "legend_done"),
                (FLOAT_FILL, None, "legend_float"), (MILESTONE_FILL, "◆", "legend_ms"),
                (PHASE_BAR, None, "legend_phase"), (SESSION_FILL, None, "legend_session"),
                (HOLIDAY_FILL, t("sheet.holiday_mark", lang), "legend_holiday"),
                (SCHOOL_FILL, t("sheet.school_mark", lang), "legend_school"),
                (STATUS_FILL, None, "legend_status"), (EDITED_FILL, None, "legend_edited"),
                (NEAR_FONT, t("sheet.near", lang), "legend_near"), (FLAG_FONT, "⚑", "legend_deadline")]
    top = row
    for color, mark, key in swatches:
        _swatch(ws, row, 1, color, mark)
        put_text(ws, row, 2, t(f"sheet.{key}", lang))
        row += 1
    # beside them: the states (mark and colour), then the phases' colours
    right = top
    for state in STATES:
        color = STATE_FILLS[state]
        put_text(ws, right, 5, state_word(state, lang), font=MARK, fill=fill(color) if color else None)
        right += 1
    for phase in schedule.phases:
        color = colors[phase.id]
        put_text(ws, right, 5, f"{word('phase', lang)}: {phase.name.get(lang)}", fill=fill(color),
                 font=WHITE if _dark(color) else None)
        right += 1
    lines = -(-len(note) // int(ws.column_dimensions["E"].width * 1.15)) if note else 0
    if note and right + lines <= row:  # room under the phases: no extra line below the legend
        put_text(ws, right, 5, note, alignment=WRAP)
        ws.merge_cells(start_row=right, start_column=5, end_row=right + lines - 1, end_column=5)
        return row - 1, True
    return max(row - 1, right - 1), False


WHITE = Font(color="FFFFFF", bold=True)
MARK = Font(bold=True)
LATE = Font(bold=True, color=CRITICAL)
NEAR_FONT = Font(bold=True, color=NEAR_CRITICAL)
FLAG_FONT = Font(bold=True, color=CRITICAL)
MARK_CENTER = Alignment(horizontal="center")


def _swatch(ws, row: int, column: int, color, mark: str | None) -> None:
    """A coloured cell, with a mark in it; ``color`` may be a font (a mark in colour)."""
    if isinstance(color, Font):
        put_text(ws, row, column, mark, font=color, alignment=MARK_CENTER)
    elif mark:
        put_text(ws, row, column, mark, font=MARK, alignment=MARK_CENTER, fill=fill(color) if color else None)
    elif color:
        put_style(ws, row, column, fill=fill(color))


def _dark(color: str) -> bool:
    red, green, blue = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    return 0.299 * red + 0.587 * green + 0.114 * blue < 140


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
            dict.fromkeys(w.name for w in schedule.closures if w.name)))  # a yearly closure once
    if schedule.plan_path:
        lines.append(f"{t('sheet.plan_file', lang)}: {schedule.plan_path}")
    return lines
