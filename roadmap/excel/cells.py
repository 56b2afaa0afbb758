"""Safe cell writers and the furniture every sheet shares: header rows and tables.

Plan text reaches the workbook only through :func:`put_text`, which keeps it text: a
package named ``=HYPERLINK(...)`` must never become a formula.
"""
from __future__ import annotations

import datetime as dt
import re
from copy import copy

from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from roadmap.excel.styles import BOLD, DATE_FORMAT, HEADER_FILL, WRAP, fill

#: Control characters Excel files cannot hold (XML 1.0); they are dropped from plan text.
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")


def put_text(ws: Worksheet, row: int, column: int, value, **style):
    """Write plan text as a string cell: never a formula, an error value or a number.

    A package named ``=HYPERLINK("http://x","y")`` must stay that text. openpyxl would
    store it as a formula, so the type is forced to string; the quote prefix tells
    Excel and LibreOffice to keep it text when the user edits the cell. An empty text
    without a fill or border makes no cell at all (returns ``None``).
    """
    text = _ILLEGAL.sub("", "" if value is None else str(value))[:MAX_TEXT]
    if not text and not style.get("fill") and not style.get("border"):
        return None  # nothing to see: no cell (a 2,000-package table has thousands of them)
    cell = _cell(ws, row, column)
    if text:  # an empty text is an empty cell, not a zero-length string
        cell._value = text  # checked above as openpyxl would: control characters, length
        cell.data_type = "s"
    if text[:1] in ("=", "+", "-", "@"):
        style = {**style, "quotePrefix": True}
    _apply(cell, style)
    return cell


def put_date(ws: Worksheet, row: int, column: int, value: dt.date | None, **style):
    """A real date cell shown as TT.MM.JJJJ (Excel sorts and filters it as a date)."""
    cell = _cell(ws, row, column)
    _bind(cell, value)
    _apply(cell, {"number_format": DATE_FORMAT, **style})
    return cell


def put_value(ws: Worksheet, row: int, column: int, value, number_format: str | None = None, **style):
    """A number, or a formula *we* built (never one from plan text)."""
    cell = _cell(ws, row, column)
    _bind(cell, value)
    _apply(cell, {"number_format": number_format, **style})
    return cell


#: The longest text a cell holds (Excel's limit; openpyxl cuts there, too).
MAX_TEXT = 32767


def _cell(ws: Worksheet, row: int, column: int):
    """The cell at (row, column), made if new: ``ws.cell`` without its checks (the
    writers only ask for cells they place, a 2,000-package workbook some 90,000)."""
    cell = ws._cells.get((row, column))
    if cell is None:
        cell = Cell(ws, row=row, column=column)
        ws._add_cell(cell)
    return cell


def _bind(cell, value) -> None:
    """Store a number, date or formula of ours with its type, as ``cell.value = value``
    would, without openpyxl's type dispatch; anything else goes the usual way."""
    kind = value.__class__
    if value is None:
        return
    if kind is int or kind is float:
        cell._value, cell.data_type = value, "n"
    elif kind is dt.date or kind is dt.datetime:
        cell._value, cell.data_type = value, "d"
    elif kind is str and value.startswith("="):
        cell._value, cell.data_type = value, "f"
    else:
        cell.value = value


_PLAIN = (str, bool, int, float)


def _apply(cell, style: dict) -> None:
    """Set ``style`` (font=..., fill=..., number_format=...) on ``cell``, through a cache.

    Setting a style attribute makes openpyxl hash the style object and look it up in the
    workbook's lists, every time; a 2,000-package workbook sets some 100,000 of them.
    The result only depends on the cell's style before and the objects set, so it is
    computed once per workbook and copied after that. Style objects are kept alive in the
    cache, so their ids stay theirs (pass shared constants, not fresh objects, to profit).
    """
    key = [None if cell._style is None else tuple(cell._style)]
    for name, value in style.items():
        if value is not None:
            key.append((name, value if value.__class__ in _PLAIN else id(value)))
    if len(key) == 1:
        return
    cache = _style_cache(cell.parent.parent)
    key = tuple(key)
    found = cache.get(key)
    if found is None:
        for name, value in style.items():
            if value is not None:
                setattr(cell, name, value)
        cache[key] = (copy(cell._style), tuple(style.values()))  # the objects stay alive with it
    else:
        cell._style = copy(found[0])


def _style_cache(workbook) -> dict:
    cache = getattr(workbook, "_roadmap_styles", None)
    if cache is None:
        cache = workbook._roadmap_styles = {}
    return cache


def fit_height(ws: Worksheet, row: int, wrapped: dict[int, str], line: float = 15.0,
               per_unit: float = 1.15) -> None:
    """Set the row height for the wrapped texts in it (``{column: text}``).

    Neither openpyxl nor LibreOffice's import measures text, so without this wrapped
    cells would spill over the next row in print. ``per_unit``: characters a unit of
    column width holds (1.15 for 11 pt text; less for bold).
    """
    lines = 1
    for column, text in wrapped.items():
        if not text:
            continue
        width = ws.column_dimensions[get_column_letter(column)].width or 10
        per_line = max(1, int(width * per_unit))
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
