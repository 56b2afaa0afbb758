"""The state-of-work columns of the Arbeitspakete sheet: Status, Ist-Beginn, Ist-Ende,
Fortschritt %, Frist, Verzug, and with a baseline Basis-Beginn, Basis-Ende, Abweichung.

Ist-Beginn, Ist-Ende and Fortschritt % are where the head of department types what has
happened (``roadmap update`` carries it into the plan): prefilled from the plan, tinted
as input cells, and guarded by data validation (dates; whole numbers 0-100). The Status
follows what is typed there (a formula), with a mark besides its colour.
"""
from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from roadmap.engine.result import Schedule
from roadmap.excel.cells import put_date, put_value
from roadmap.excel.layout import PACKAGE_FIRST_ROW
from roadmap.excel.progress import MARKS, baseline, deadline_late, state_word, states
from roadmap.excel.styles import CENTER, CRITICAL, INPUT_FILL, STATE_FILLS, TOP, fill, tint
from roadmap.text import t

#: Dates Excel and LibreOffice accept in the date columns (serial numbers of 01.01.2000, 31.12.2099).
FIRST_SERIAL, LAST_SERIAL = 36526, 73050
LATE_FONT = Font(bold=True, color=CRITICAL)


def progress_columns(ws, schedule: Schedule, columns: dict[str, int], last: int) -> None:
    """Fill the state-of-work (and baseline) columns of rows 4..``last``."""
    lang = schedule.language
    state, late = states(schedule), deadline_late(schedule)
    comparison = baseline(schedule)
    entries = comparison.deviations if comparison is not None else {}
    words = {s: state_word(s, lang) for s in MARKS}
    letter = {key: get_column_letter(column) for key, column in columns.items()}
    for row, p in enumerate(schedule.packages, PACKAGE_FIRST_ROW):
        put_value(ws, row, columns["status"], _state_formula(row, letter, words, state[p.id] == "late"),
                  alignment=TOP)
        actual_start = None if p.is_milestone else p.actual_start
        if actual_start:
            put_date(ws, row, columns["actual_start"], actual_start, alignment=CENTER)
        # a milestone's or decision's day it happened (plan key `actual`) is its Ist-Ende
        actual_finish = (p.actual_finish or p.actual_start) if p.is_milestone else p.actual_finish
        if actual_finish:
            put_date(ws, row, columns["actual_finish"], actual_finish, alignment=CENTER)
        share = p.progress if p.progress and not p.is_milestone else None
        if share is not None and float(share).is_integer():
            share = int(share)
        if share is not None:
            put_value(ws, row, columns["progress"], share, alignment=CENTER)
        if p.deadline:
            missed = late.get(p.id, 0) > 0
            put_date(ws, row, columns["deadline"], p.deadline, alignment=CENTER, font=LATE_FONT if missed else None)
            if missed:
                put_value(ws, row, columns["deadline_late"], late[p.id], font=LATE_FONT,
                          fill=fill(tint(CRITICAL, 0.75)), alignment=CENTER)
        entry = entries.get(p.id)
        if entry is not None and "slip" in columns:
            put_date(ws, row, columns["baseline_start"], entry.baseline_start, alignment=CENTER)
            put_date(ws, row, columns["baseline_finish"], entry.baseline_finish, alignment=CENTER)
            put_value(ws, row, columns["slip"], entry.slip, '+0;-0;0', alignment=CENTER,
                      font=LATE_FONT if entry.slip > 0 else None)
    _validation(ws, schedule, columns, last)


def _state_formula(row: int, letter: dict, words: dict, late: bool) -> str:
    """Finished once Ist-Ende is there; else late (when it is), running once Ist-Beginn is there."""
    finished, started = f"{letter['actual_finish']}{row}", f"{letter['actual_start']}{row}"
    rest = f'"{words["late"]}"' if late else (
        f'IF(ISNUMBER({started}),"{words["running"]}","{words["not_started"]}")')
    return f'=IF(ISNUMBER({finished}),"{words["finished"]}",{rest})'


def _validation(ws, schedule: Schedule, columns: dict, last: int) -> None:
    if last < PACKAGE_FIRST_ROW:
        return
    lang = schedule.language
    dates = DataValidation(type="date", operator="between", formula1=str(FIRST_SERIAL),
                           formula2=str(LAST_SERIAL), allow_blank=True, showErrorMessage=True,
                           showInputMessage=True, errorTitle=t("sheet.valid.date_title", lang),
                           error=t("sheet.valid.date", lang), promptTitle=t("sheet.valid.date_title", lang),
                           prompt=t("sheet.valid.date", lang))
    share = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True,
                           showErrorMessage=True, showInputMessage=True,
                           errorTitle=t("sheet.valid.progress_title", lang), error=t("sheet.valid.progress", lang),
                           promptTitle=t("sheet.valid.progress_title", lang), prompt=t("sheet.valid.progress", lang))
    for key, validation in (("actual_start", dates), ("actual_finish", dates), ("progress", share)):
        letter = get_column_letter(columns[key])
        validation.add(f"{letter}{PACKAGE_FIRST_ROW}:{letter}{last}")
    ws.add_data_validation(dates)
    ws.add_data_validation(share)
    # the input cells tinted by one rule, not 3 x 2,000 styled empty cells
    first, end = get_column_letter(columns["actual_start"]), get_column_letter(columns["progress"])
    ws.conditional_formatting.add(f"{first}{PACKAGE_FIRST_ROW}:{end}{last}",
                                  FormulaRule(formula=["TRUE"], fill=fill(INPUT_FILL)))


def state_rules(ws, columns: dict, last: int) -> None:
    """The Status cell coloured by its mark (the mark alone tells the state, too)."""
    if last < PACKAGE_FIRST_ROW:
        return
    letter = get_column_letter(columns["status"])
    ref = f"{letter}{PACKAGE_FIRST_ROW}:{letter}{last}"
    for state, color in STATE_FILLS.items():
        if color:
            ws.conditional_formatting.add(ref, FormulaRule(
                formula=[f'LEFT(${letter}{PACKAGE_FIRST_ROW},1)="{MARKS[state]}"'], fill=fill(color)))
