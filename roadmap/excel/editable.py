"""What a user may edit in the workbook, and where: the map ``roadmap update`` reads by.

Every field is found by its sheet and header text (catalog keys, German or English as the
workbook was written), never by position, so columns may move between versions. Rows are
matched to packages by the ``ID`` column (:data:`ROW_KEY`); on both sheets it is there,
on the Zeitplan hidden right of the weeks.

Where the planned dates live (the one place, so the workbook never contradicts itself):

* **Zeitplan** holds the planned Beginn and Ende as values; the head of department edits
  them there and the bar follows. Its phase rows (no ID) carry formulas for the phase
  span: a reader skips rows without an ID before it reads their cells.
* **Arbeitspakete** shows Beginn and Ende as formulas pointing at the Zeitplan cells
  (``=Zeitplan!$C$12``), so an edit in the Zeitplan shows on both sheets at once. They are
  not input cells there (a workbook written by openpyxl has no computed values for them).
* Ist-Beginn, Ist-Ende, Fortschritt % and Dauer are values on the Arbeitspakete sheet.
  For a milestone or decision, the date it happened (plan key ``actual``) is its Ist-Ende
  (:data:`MILESTONE_ACTUAL`).

Detecting an edit of a planned date: the Zeitplan keeps the computed dates in hidden
columns (:data:`COMPUTED`, header keys ``sheet.computed_start``/``sheet.computed_finish``,
next to the ID); a cell that differs from its computed twin was edited by hand, and the
sheet marks it. A reader may compare with these instead of scheduling the plan afresh.
"""
from __future__ import annotations

#: field -> (sheet key, header key) of every cell a user may edit.
EDITABLE: dict[str, tuple[str, str]] = {
    "start": ("sheet.timeline", "word.start"),
    "finish": ("sheet.timeline", "word.finish"),
    "duration": ("sheet.packages", "word.duration"),
    "actual_start": ("sheet.packages", "sheet.actual_start"),
    "actual_finish": ("sheet.packages", "sheet.actual_finish"),
    "progress": ("sheet.packages", "sheet.progress"),
}

#: A milestone's or decision's ``actual`` (the day it happened) is read from this field.
MILESTONE_ACTUAL = "actual_finish"

#: sheet key -> header key of the column that names each row's package.
ROW_KEY: dict[str, str] = {"sheet.packages": "sheet.id", "sheet.timeline": "sheet.id"}

#: sheet key -> the row holding the column headers.
HEADER_ROW: dict[str, int] = {"sheet.packages": 3, "sheet.timeline": 10}

#: field -> (sheet key, header key) of the hidden column with the value the schedule computed.
COMPUTED: dict[str, tuple[str, str]] = {
    "start": ("sheet.timeline", "sheet.computed_start"),
    "finish": ("sheet.timeline", "sheet.computed_finish"),
}

#: Custom document properties of the workbook.
PLAN_ID_PROPERTY = "roadmap-plan-id"
STATUS_DATE_PROPERTY = "roadmap-status-date"
