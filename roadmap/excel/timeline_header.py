"""The Zeitplan's calendar rows over the weeks: year, month, KW, Monday, sessions, holidays.

They are the print title rows, so every printed page carries them. The pages are split at
month boundaries; the year is written once per year *and page*, so a page that starts in
the middle of a year still says which year it shows.
"""
from __future__ import annotations

import datetime as dt
from itertools import groupby

from openpyxl.styles import Alignment, Border, Font, Side

from roadmap.engine.result import Schedule
from roadmap.excel.cells import merge, put_date, put_text, put_value
from roadmap.excel.layout import (
    FIRST_WEEK, HEAD_ROW, HOLIDAY_ROW, KW_ROW, MONTH_ROW, NAME, SCHOOL_ROW, SESSION_ROW, WEEK_ROW, YEAR_ROW,
)
from roadmap.excel.styles import HOLIDAY_FILL, SCHOOL_FILL, SESSION_FILL, fill
from roadmap.text import iso_week, month_name, t, word

THIN = Side(style="thin", color="BFBFBF")
SMALL = Font(size=8)
SMALL_BOLD = Font(size=8, bold=True)
CENTER = Alignment(horizontal="center", vertical="center")
ROTATED = Alignment(horizontal="center", vertical="bottom", text_rotation=90)
RIGHT = Alignment(horizontal="right", vertical="center")
LEFT_LINE = Border(left=THIN)
#: Heights (pt) of the calendar rows; the session row grows with its longest label.
HEIGHTS = {YEAR_ROW: 12, MONTH_ROW: 12, KW_ROW: 12, WEEK_ROW: 34, HOLIDAY_ROW: 12, SCHOOL_ROW: 12, HEAD_ROW: 15}


def week_index(mondays: list[dt.date], day: dt.date) -> int | None:
    index = (day - mondays[0]).days // 7
    return index if 0 <= index < len(mondays) else None


def month_groups(mondays: list[dt.date], first_column: int = FIRST_WEEK) -> list[tuple[int, int]]:
    """(first, last) week column of each month, weeks from ``first_column`` on; a week
    belongs to its Thursday's month. The Zeitplan and the Auslastung sheet share it."""
    groups, column = [], first_column
    for _, members in groupby(mondays, key=lambda m: ((m + dt.timedelta(days=3)).year,
                                                     (m + dt.timedelta(days=3)).month)):
        span = len(list(members))
        groups.append((column, column + span - 1))
        column += span
    return groups


def calendar_header(ws, schedule: Schedule, mondays: list[dt.date]) -> None:
    """Labels, months, KW, Mondays, sessions, holidays and school holidays (years: :func:`years`)."""
    lang = schedule.language
    for row, key in ((YEAR_ROW, "year"), (MONTH_ROW, "month"), (KW_ROW, None), (WEEK_ROW, "week_of"),
                     (SESSION_ROW, "sessions_row"), (HOLIDAY_ROW, "holidays"), (SCHOOL_ROW, "school")):
        label = word("week", lang) if key is None else (
            word("holidays", lang) if key == "holidays" else t(f"sheet.{key}", lang))
        put_text(ws, row, NAME, label, font=SMALL, alignment=RIGHT)
    for first, last in month_groups(mondays):
        thursday = mondays[first - FIRST_WEEK] + dt.timedelta(days=3)
        name = month_name(thursday.month, lang)
        _label(ws, MONTH_ROW, first, last, name if last - first >= 2 else name[:3], SMALL)

    sessions = _sessions_by_week(schedule, mondays)
    off_days = [h.date for h in schedule.holidays]
    for window in schedule.closures:
        off_days += [window.start + dt.timedelta(days=i) for i in range((window.end - window.start).days + 1)]
    off_weeks = {week_index(mondays, day) for day in off_days}
    school_weeks = set()
    for window in schedule.school_holidays:
        for i in range((window.end - window.start).days + 1):
            school_weeks.add(week_index(mondays, window.start + dt.timedelta(days=i)))
    longest = 0
    for i, monday in enumerate(mondays):
        column = FIRST_WEEK + i
        put_value(ws, KW_ROW, column, iso_week(monday), font=SMALL, alignment=CENTER)
        put_date(ws, WEEK_ROW, column, monday, number_format="DD.MM.", font=SMALL, alignment=ROTATED)
        if i in sessions:
            labels, used = sessions[i]
            text = " ".join(labels)
            longest = max(longest, len(text))
            put_text(ws, SESSION_ROW, column, text, fill=fill(SESSION_FILL),
                     font=SMALL_BOLD if used else SMALL, alignment=ROTATED)
        if i in off_weeks:
            put_text(ws, HOLIDAY_ROW, column, t("sheet.holiday_mark", lang), fill=fill(HOLIDAY_FILL),
                     font=SMALL, alignment=CENTER)
        if i in school_weeks:
            put_text(ws, SCHOOL_ROW, column, t("sheet.school_mark", lang), fill=fill(SCHOOL_FILL),
                     font=SMALL, alignment=CENTER)
    for row, height in HEIGHTS.items():
        ws.row_dimensions[row].height = height
    # rotated 8 pt text: about 5 pt a character, and room for the cell's padding
    ws.row_dimensions[SESSION_ROW].height = max(30, min(120, 5 * longest + 8))


def years(ws, mondays: list[dt.date], page_ends: tuple[int, ...]) -> None:
    """The year over its weeks, once per year and printed page (``page_ends``: last column
    of each page)."""
    starts = [FIRST_WEEK] + [end + 1 for end in page_ends[:-1]]
    for page_first, page_last in zip(starts, page_ends):
        page_last = min(page_last, FIRST_WEEK + len(mondays) - 1)
        columns = range(page_first, page_last + 1)
        for year, members in groupby(columns, key=lambda c: (mondays[c - FIRST_WEEK] + dt.timedelta(days=3)).year):
            members = list(members)
            _label(ws, YEAR_ROW, members[0], members[-1], str(year), SMALL_BOLD)


def _label(ws, row: int, first: int, last: int, text: str, font) -> None:
    put_text(ws, row, first, text, font=font, alignment=CENTER, border=LEFT_LINE)
    if last > first:
        merge(ws, row, first, row, last)


def _sessions_by_week(schedule: Schedule, mondays) -> dict[int, tuple[list[str], bool]]:
    """Week index -> (short names of the bodies meeting, whether a decision uses one)."""
    lang = schedule.language
    used = {(c.body, c.date) for p in schedule.decisions() for c in p.sessions}
    found: dict[int, tuple[list[str], bool]] = {}
    for body in schedule.bodies.values():
        for day in body.sessions:
            index = week_index(mondays, day)
            if index is None:
                continue
            labels, flag = found.get(index, ([], False))
            if body.label(lang) not in labels:
                labels.append(body.label(lang))
            found[index] = (labels, flag or (body.id, day) in used)
    return found
