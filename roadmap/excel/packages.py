"""The Arbeitspakete sheet: every package as an Excel table, predecessors as MS Project writes them."""
from __future__ import annotations

import re

from openpyxl import Workbook

from roadmap.engine.result import Schedule
from roadmap.excel.cells import add_table, fit_height, header, print_setup, put_date, put_text, put_value
from roadmap.excel.styles import BOLD, CENTER, CRIT_FONT, TITLE, TOP, WRAP, fill, phase_colors, tint
from roadmap.excel.values import kind_word, numbers
from roadmap.plan.durations import UNITS
from roadmap.plan.model import ENGLISH_TO_GERMAN_LINK, Duration, Link
from roadmap.text import t, word

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


def duration_format(elapsed: bool, language: str) -> str:
    """A number format showing ``1 Tag`` / ``10 Tage`` (``fTage`` for calendar days)."""
    unit = "ed" if elapsed else "d"
    return f'[=1]0 "{_unit(unit, 1, language)}";0 "{_unit(unit, 2, language)}"'


def packages_sheet(wb: Workbook, schedule: Schedule) -> None:
    """Nr., ID, Phase, Arbeitspaket, ..., Quelle as a filterable table, phases coloured."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.packages", lang))
    put_text(ws, 1, 1, f"{t('sheet.packages', lang)}: {schedule.project.name}", font=TITLE)
    heads = (t("sheet.nr", lang), t("sheet.id", lang), word("phase", lang), word("task", lang),
             t("sheet.kind", lang), word("owner", lang), word("duration", lang), word("start", lang),
             word("finish", lang), word("predecessors", lang),
             f"{word('total_float', lang)} ({word('days', lang)})", t("sheet.critical", lang),
             word("source", lang))
    header(ws, 3, heads, (6, 16, 24, 48, 13, 22, 11, 12, 12, 18, 13, 9, 60))
    nr, colors = numbers(schedule), phase_colors(schedule)
    row = 4
    for p in schedule.packages:
        elapsed = bool(p.duration and p.duration.elapsed and p.kind == "task")
        put_value(ws, row, 1, nr[p.id], alignment=CENTER)
        put_text(ws, row, 2, p.id, alignment=TOP)
        put_text(ws, row, 3, schedule.phase_name(p.phase), alignment=WRAP,
                 fill=fill(tint(colors.get(p.phase, colors[None]), 0.6)))
        put_text(ws, row, 4, p.name, alignment=WRAP, font=BOLD if p.is_milestone else None)
        put_text(ws, row, 5, kind_word(p.kind, lang), alignment=TOP)
        put_text(ws, row, 6, schedule.role_name(p.owner), alignment=WRAP)
        put_value(ws, row, 7, p.duration.days if elapsed else p.duration_days,
                  duration_format(elapsed, lang), alignment=TOP)
        put_date(ws, row, 8, p.start, alignment=TOP)
        put_date(ws, row, 9, p.finish, alignment=TOP)
        put_text(ws, row, 10, predecessor_text(p.predecessors, nr, lang), alignment=WRAP)
        put_value(ws, row, 11, p.total_float, alignment=TOP)
        put_text(ws, row, 12, word("yes" if p.critical else "no", lang), alignment=CENTER,
                 font=CRIT_FONT if p.critical else None)
        put_text(ws, row, 13, p.source, alignment=WRAP)
        fit_height(ws, row, {3: schedule.phase_name(p.phase), 4: p.name, 6: schedule.role_name(p.owner),
                             10: ws.cell(row=row, column=10).value, 13: p.source})
        row += 1
    add_table(ws, "Arbeitspakete" if lang == "de" else "WorkPackages", 3, row - 1, len(heads))
    ws.freeze_panes = "E4"
    print_setup(ws, schedule, "3:3")
