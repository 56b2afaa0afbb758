"""The Treiberkette sheet: for every milestone and decision, the chain of links that sets
its earliest date, down to the project start, a fixed date, the status date or an actual date.

It answers the council's question "why not earlier?": each row's package sets the date of
the row above it (``Schedule.driving_chain``), the last row says what the chain hangs on.
A decision's date is the first suitable session after its driver's finish. Step 0 (shaded)
is the milestone or decision itself, in red when it is critical. A chain that reaches a
milestone listed above stops there ("weiter wie oben"): milestones come in date order, so
the rest of the chain is that milestone's block.
"""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Border, Side

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.excel.cells import fit_height, header, put_date, put_style, put_text, put_value
from roadmap.excel.packages import lag_text
from roadmap.excel.paper import DEFAULT_PAPER, print_layout
from roadmap.excel.styles import BOLD, CENTER, CRIT_FONT, TITLE, WRAP, fill
from roadmap.excel.values import numbers
from roadmap.plan.model import ENGLISH_TO_GERMAN_LINK
from roadmap.text import format_date, t, word
from roadmap.text.catalog import CATALOG

HEAD_ROW = 3
WIDTHS = (8, 5, 52, 11, 11, 52)
GROUP_FILL = "E7E6E6"  # step 0: the milestone or decision itself
ORIGIN_FILL = "FDF4D5"  # what the chain hangs on
TOP_LINE = Border(top=Side(style="thin", color="808080"))
KEEP_ROWS = 12  # a chain up to this long stays on one page

def link_text(p: ScheduledPackage, driver: str, language: str) -> str:
    """The link from ``driver`` to ``p``: ``EA``, ``EA+2 Tage``, ``AA-1 Woche`` (English FS, SS, ...)."""
    for link in p.predecessors:
        if link.pred == driver:
            kind = ENGLISH_TO_GERMAN_LINK[link.type] if language == "de" else link.type
            return kind + (lag_text(link.lag, language) if link.lag.days else "")
    return ""

def reason_text(schedule: Schedule, p: ScheduledPackage, nr: dict[str, int]) -> str:
    """What sets ``p``'s earliest date, in words."""
    lang = schedule.language
    if p.driver_reason == "capacity":
        return p.moved_note(lang) or t("tracking.driver.capacity", lang)
    if p.driver and p.driver in nr:
        key = "sheet.reason.session" if p.kind == "decision" else "sheet.reason.link"
        return t(key, lang, nr=nr[p.driver], link=link_text(p, p.driver, lang))
    dates = {"start": schedule.start, "not_before": p.not_before, "status_date": schedule.status_date,
             "actual": p.actual_start or p.actual_finish, "budget": p.start}
    reason = p.driver_reason if p.driver_reason in dates else "start"
    if f"sheet.reason.{reason}" in CATALOG and dates.get(reason):
        return t(f"sheet.reason.{reason}", lang, date=format_date(dates[reason], lang))
    if f"tracking.driver.{p.driver_reason}" in CATALOG:
        return t(f"tracking.driver.{p.driver_reason}", lang)
    return t("sheet.reason.start", lang, date=format_date(schedule.start, lang))

def _shortened(chain: list[ScheduledPackage], shown: set[str]) -> list[ScheduledPackage]:
    """The chain up to the first milestone or decision already listed above (its own block
    goes on from there), so shared chains are not repeated."""
    for index, p in enumerate(chain[1:], 1):
        if p.id in shown:
            return chain[:index + 1]
    return chain


def chains_sheet(wb: Workbook, schedule: Schedule, paper: str = DEFAULT_PAPER) -> None:
    """One block per milestone and decision (in date order): the package as step 0, then
    its drivers, each with what set its date."""
    lang = schedule.language
    ws = wb.create_sheet(t("sheet.chains", lang))
    put_text(ws, 1, 1, t("sheet.chains_title", lang), font=TITLE)
    ws.row_dimensions[1].height = 22
    put_text(ws, 2, 1, t("sheet.chains_note", lang))
    heads = (t("sheet.step", lang), t("sheet.nr", lang), t("sheet.link", lang), word("start", lang),
             word("finish", lang), t("sheet.set_by", lang))
    header(ws, HEAD_ROW, heads, WIDTHS)
    nr = numbers(schedule)
    row, keep = HEAD_ROW + 1, []
    group, origin = fill(GROUP_FILL), fill(ORIGIN_FILL)
    shown: set[str] = set()
    for milestone in schedule.milestones():
        chain = _shortened(schedule.driving_chain(milestone.id), shown)
        first = row
        for step, p in enumerate(chain):
            lead = step == 0
            shade = group if lead else None
            put_value(ws, row, 1, step, alignment=CENTER, fill=shade)
            put_value(ws, row, 2, nr[p.id], alignment=CENTER, fill=shade)
            put_text(ws, row, 3, p.name, alignment=WRAP, fill=shade,
                     font=(CRIT_FONT if p.critical else BOLD) if lead else None)
            put_date(ws, row, 4, p.start, alignment=CENTER, fill=shade)
            put_date(ws, row, 5, p.finish, alignment=CENTER, fill=shade)
            reason = (t("sheet.reason.above", lang, nr=nr[p.id]) if step and p.id in shown
                      else reason_text(schedule, p, nr))
            put_text(ws, row, 6, reason, alignment=WRAP, fill=origin if p is chain[-1] else shade)
            fit_height(ws, row, {3: p.name, 6: reason}, per_unit=1.0 if lead else 1.15)
            row += 1
        shown.add(milestone.id)
        for column in range(1, len(WIDTHS) + 1):
            put_style(ws, first, column, border=TOP_LINE)
        if row - first <= KEEP_ROWS:
            keep.append((first, row - 1))
    if row == HEAD_ROW + 1:
        put_text(ws, row, 1, t("sheet.none", lang))
        row += 1
    ws.freeze_panes = ws.cell(row=HEAD_ROW + 1, column=1)
    print_layout(ws, schedule, paper, title_rows=(HEAD_ROW, HEAD_ROW), keep=keep,
                 first_row=HEAD_ROW + 1, last_row=row - 1)
