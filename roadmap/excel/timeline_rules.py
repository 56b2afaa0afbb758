"""The Zeitplan's conditional formatting: bars, done share, milestones, float, edits.

Every rule reads cells of its own row (Beginn, Ende, the critical flag, and the hidden
helpers right of the weeks: kind, progress, latest finish, computed dates) and the Monday
of its week column, so a date typed by hand moves the bar, in Excel and in LibreOffice.
"""
from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from roadmap.excel.layout import FINISH, FIRST_ROW, FIRST_WEEK, KW_ROW, SCHOOL_ROW, START, WEEK_ROW
from roadmap.excel.styles import (
    CRITICAL, EDITED_FILL, FLOAT_FILL, MILESTONE_FILL, PHASE_BAR, SCHOOL_FILL, STATUS_FILL, darker, fill, tint,
)

STATUS_CELL = "$C$2"
PHASE_CODE = "phase"
RECURRING_CODE = "recurring"
MILESTONE_FONT = Font(color=CRITICAL, bold=True)
EDITED_FONT = Font(bold=True, italic=True)


def _week() -> str:
    return f"{get_column_letter(FIRST_WEEK)}${WEEK_ROW}"


def bar(row: int, kind: str, code: str) -> str:
    """True in a week column while the row's Beginn..Ende overlaps that week."""
    return f'AND(${kind}{row}="{code}",$C{row}<={_week()}+6,$D{row}>={_week()})'


def in_week(row: int, kind: str) -> str:
    """True in the week column that holds the row's Beginn (a milestone's date)."""
    return f'AND(${kind}{row}<>"task",${kind}{row}<>"{PHASE_CODE}",$C{row}>={_week()},$C{row}<={_week()}+6)'


def done(row: int, progress: str) -> str:
    """True in a week the done share of the bar reaches past the middle of (or all of it)."""
    share = f"${progress}{row}"
    return (f"AND({share}>0,OR({share}>=100,"
            f"{_week()}+3<$C{row}+($D{row}-$C{row}+1)*{share}/100))")


def phase_rule(ws, head: int, last_col: int, kind: str) -> None:
    ref = f"{get_column_letter(FIRST_WEEK)}{head}:{get_column_letter(last_col)}{head}"
    ws.conditional_formatting.add(ref, FormulaRule(formula=[bar(head, kind, PHASE_CODE)], fill=fill(PHASE_BAR),
                                                   stopIfTrue=True))


def block_rules(ws, first: int, last: int, last_col: int, color: str, yes: str, helpers: dict,
                recurring: bool = False) -> None:
    """Bars, done share, milestone weeks and float tails of one phase block; critical ones in red.

    ``recurring``: the block has recurring packages (their marks come first; a block without
    any gets exactly the rules it always got)."""
    ref = f"{get_column_letter(FIRST_WEEK)}{first}:{get_column_letter(last_col)}{last}"
    kind = get_column_letter(helpers["kind"])
    progress = get_column_letter(helpers["progress"])
    critical = f'$E{first}="{yes}"'
    task_bar, finished = bar(first, kind, "task"), done(first, progress)
    add = ws.conditional_formatting.add
    if recurring:
        # the marks _occurrences wrote: a number in a task's occurrence weeks, a ◆ for a milestone
        cell, code = f"{get_column_letter(FIRST_WEEK)}{first}", f'${kind}{first}="{RECURRING_CODE}"'
        add(ref, FormulaRule(formula=[f"AND({code},ISNUMBER({cell}))"], fill=fill(color), stopIfTrue=True))
        add(ref, FormulaRule(formula=[f'AND({code},{cell}="◆")'], fill=fill(MILESTONE_FILL), stopIfTrue=True))
    add(ref, FormulaRule(formula=[f"AND({critical},{task_bar},{finished})"], fill=fill(darker(CRITICAL)),
                         stopIfTrue=True))
    add(ref, FormulaRule(formula=[f"AND({critical},{task_bar})"], fill=fill(CRITICAL), stopIfTrue=True))
    add(ref, FormulaRule(formula=[f"AND({task_bar},{finished})"], fill=fill(darker(color)), stopIfTrue=True))
    add(ref, FormulaRule(formula=[task_bar], fill=fill(color), stopIfTrue=True))
    add(ref, FormulaRule(formula=[f"AND({critical},{in_week(first, kind)})"], fill=fill(tint(CRITICAL, 0.7)),
                         font=MILESTONE_FONT, stopIfTrue=True))
    add(ref, FormulaRule(formula=[in_week(first, kind)], fill=fill(MILESTONE_FILL), stopIfTrue=True))
    # total float: the weeks after Ende up to the latest finish (hidden column after the weeks)
    late = f"${get_column_letter(helpers['late_finish'])}{first}"
    add(ref, FormulaRule(formula=[f'AND(${kind}{first}="task",{_week()}>$D{first},{_week()}<={late})'],
                         fill=fill(FLOAT_FILL), stopIfTrue=True))


def global_rules(ws, last_col: int, last_row: int, helpers: dict) -> None:
    """Status week over header and rows; school-holiday weeks tinted; dates edited by hand."""
    first_week, last_week = get_column_letter(FIRST_WEEK), get_column_letter(last_col)
    status = f"AND({_week()}<={STATUS_CELL},{STATUS_CELL}<={_week()}+6)"
    ws.conditional_formatting.add(f"{first_week}{KW_ROW}:{last_week}{last_row}",
                                  FormulaRule(formula=[status], fill=fill(STATUS_FILL)))
    if last_row < FIRST_ROW:
        return
    ws.conditional_formatting.add(
        f"{first_week}{FIRST_ROW}:{last_week}{last_row}",
        FormulaRule(formula=[f'{first_week}${SCHOOL_ROW}<>""'], fill=fill(tint(SCHOOL_FILL, 0.4))))
    # Beginn/Ende differ from the computed dates kept in the hidden twins (same order, side by side)
    twin = get_column_letter(helpers["computed_start"])
    package = get_column_letter(helpers["id"])
    dates = f"{get_column_letter(START)}{FIRST_ROW}:{get_column_letter(FINISH)}{last_row}"
    ws.conditional_formatting.add(dates, FormulaRule(
        formula=[f'AND(${package}{FIRST_ROW}<>"",C{FIRST_ROW}<>{twin}{FIRST_ROW})'],
        fill=fill(EDITED_FILL), font=EDITED_FONT))
