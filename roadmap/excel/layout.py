"""Where things are on the Zeitplan and Arbeitspakete sheets, for both of them.

The two sheets point at each other (Arbeitspakete shows the Zeitplan's dates; the Zeitplan
reads Ist-Ende and Fortschritt from Arbeitspakete), so both take rows and columns from
here rather than from each other.
"""
from __future__ import annotations

from openpyxl.utils import get_column_letter

from roadmap.engine.result import Schedule

# ---- Zeitplan ----------------------------------------------------------------------------
YEAR_ROW, MONTH_ROW, KW_ROW, WEEK_ROW = 3, 4, 5, 6
SESSION_ROW, HOLIDAY_ROW, SCHOOL_ROW, HEAD_ROW, FIRST_ROW = 7, 8, 9, 10, 11
NR, NAME, START, FINISH, CRIT, STATE, FIRST_WEEK = 1, 2, 3, 4, 5, 6, 7
#: Hidden columns right of the last week, in this order (offset 1, 2, ...).
HELPERS = ("late_finish", "id", "computed_start", "computed_finish", "progress", "kind")


def helper_columns(last_week: int) -> dict[str, int]:
    """Hidden column of each helper on a Zeitplan whose last week column is ``last_week``."""
    return {name: last_week + 1 + i for i, name in enumerate(HELPERS)}


def timeline_rows(schedule: Schedule) -> dict[str, int]:
    """Package id -> its row on the Zeitplan (phase heading rows come between)."""
    rows, row = {}, FIRST_ROW
    for _, members in schedule.phase_groups():
        row += 1  # the phase heading
        for p in members:
            rows[p.id] = row
            row += 1
    return rows


# ---- Arbeitspakete -------------------------------------------------------------------------
PACKAGE_HEAD_ROW = 3
PACKAGE_FIRST_ROW = 4
#: Column keys of the Arbeitspakete sheet in order; baseline columns only with a baseline.
PLAN_COLUMNS = ("nr", "name", "id", "phase", "kind", "owner", "duration", "start", "finish",
                "predecessors", "float", "critical")
PROGRESS_COLUMNS = ("status", "actual_start", "actual_finish", "progress", "deadline", "deadline_late")
BASELINE_COLUMNS = ("baseline_start", "baseline_finish", "slip")
#: Plans with ``needs``: what each package needs, and what levelling moved.
LOAD_COLUMNS = ("needs", "moved")
SOURCE_COLUMNS = ("source",)


def package_columns(with_baseline: bool, with_load: bool = False) -> dict[str, int]:
    """Column key -> column number on the Arbeitspakete sheet."""
    keys = (PLAN_COLUMNS + PROGRESS_COLUMNS + (BASELINE_COLUMNS if with_baseline else ())
            + (LOAD_COLUMNS if with_load else ()) + SOURCE_COLUMNS)
    return {key: index for index, key in enumerate(keys, 1)}


def package_groups(with_baseline: bool, with_load: bool = False) -> list[tuple[int, int]]:
    """Where the Arbeitspakete sheet may be split across pages (after Nr. and name)."""
    columns = package_columns(with_baseline, with_load)
    groups = [("id", "owner"), ("duration", "critical"), ("status", "deadline_late")]
    if with_baseline:
        groups.append(("baseline_start", "slip"))
    if with_load:
        groups.append(("needs", "moved"))
    groups.append(("source", "source"))
    return [(columns[a], columns[b]) for a, b in groups]


def absolute(sheet: str, row: int, column: int) -> str:
    """``'Zeitplan'!$C$12``: a reference that survives sorting the table it stands in."""
    return f"'{sheet}'!${get_column_letter(column)}${row}"
