"""Safe cell writers and the furniture every sheet shares: header rows, tables, print setup.

Plan text reaches the workbook only through :func:`put_text`, which keeps it text: a
package named ``=HYPERLINK(...)`` must never become a formula.
"""
from __future__ import annotations

import datetime as dt
import re

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from roadmap.engine.result import Schedule
from roadmap.excel.styles import BOLD, DATE_FORMAT, HEADER_FILL, WRAP, fill
from roadmap.text import format_date, t, word

#: Control characters Excel files cannot hold (XML 1.0); they are dropped from plan text.
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")


def put_text(ws: Worksheet, row: int, column: int, value, **style):
    """Write plan text as a string cell: never a formula, an error value or a number.

    A package named ``=HYPERLINK("http://x","y")`` must stay that text. openpyxl would
    store it as a formula, so the type is forced to string; the quote prefix tells
    Excel and LibreOffice to keep it text when the user edits the cell.
    """
    text = _ILLEGAL.sub("", "" if value is None else str(value))
    cell = ws.cell(row=row, column=column)
    cell.value = text or None  # an empty text is an empty cell, not a zero-length string
    if text:
        cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True
    _apply(cell, style)
    return cell


def put_date(ws: Worksheet, row: int, column: int, value: dt.date | None, **style):
    """A real date cell shown as TT.MM.JJJJ (Excel sorts and filters it as a date)."""
    cell = ws.cell(row=row, column=column, value=value)
    cell.number_format = DATE_FORMAT
    _apply(cell, style)
    return cell


def put_value(ws: Worksheet, row: int, column: int, value, number_format: str | None = None, **style):
    """A number, or a formula *we* built (never one from plan text)."""
    cell = ws.cell(row=row, column=column, value=value)
    if number_format:
        cell.number_format = number_format
    _apply(cell, style)
    return cell


def _apply(cell, style: dict) -> None:
    for key, value in style.items():
        if value is not None:
            setattr(cell, key, value)


def fit_height(ws: Worksheet, row: int, wrapped: dict[int, str], line: float = 15.0) -> None:
    """Set the row height for the wrapped texts in it (``{column: text}``).

    Neither openpyxl nor LibreOffice's import measures text, so without this wrapped
    cells would spill over the next row in print.
    """
    lines = 1
    for column, text in wrapped.items():
        width = ws.column_dimensions[get_column_letter(column)].width or 10
        per_line = max(1, int(width * 1.15))
        count = sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n"))
        lines = max(lines, count)
    if lines > 1:
        ws.row_dimensions[row].height = line * lines


def header(ws: Worksheet, row: int, heads, widths) -> None:
    """A table's header row: bold, wrapped, tinted, and the column widths with it."""
    for column, (head, width) in enumerate(zip(heads, widths), 1):
        put_text(ws, row, column, head, font=BOLD, alignment=WRAP, fill=fill(HEADER_FILL))
        ws.column_dimensions[get_column_letter(column)].width = width


def add_table(ws: Worksheet, name: str, header_row: int, last_row: int, columns: int,
              style="TableStyleLight9"):
    """Turn a block into a real Excel table with autofilter (only if it has data rows)."""
    if last_row <= header_row:
        return None
    ref = f"A{header_row}:{get_column_letter(columns)}{last_row}"
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=style, showRowStripes=True)
    ws.add_table(table)
    return table


def print_setup(ws: Worksheet, schedule: Schedule, title_rows: str | None = None,
                landscape: bool = True) -> None:
    """A3 landscape, one page wide, title rows repeated, footer with town, status, page."""
    lang = schedule.language
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    town = schedule.project.municipality or schedule.project.name
    ws.oddFooter.left.text = _header_text(town)
    ws.oddFooter.center.text = f"{word('status', lang)}: {format_date(schedule.status_date, lang)}"
    ws.oddFooter.right.text = t("sheet.page", lang)
    ws.oddHeader.left.text = _header_text(schedule.project.name)
    ws.oddHeader.right.text = ws.title


def _header_text(text: str) -> str:
    # '&' starts a code in Excel headers and footers; a town called "A&B" must print as is
    return _ILLEGAL.sub("", text).replace("&", "&&")
