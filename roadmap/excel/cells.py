"""Safe cell writers and the furniture every sheet shares: header rows and tables.

Plan text reaches the workbook only through :func:`put_text`, which keeps it text: a
package named ``=HYPERLINK(...)`` must never become a formula.

Styles go through one cache per workbook (:func:`_apply`, :class:`Look`, :func:`merge`):
openpyxl hashes and compares its style objects whenever a style attribute is set, which
for the 80,000 cells of a 2,000-package workbook was most of the time it took.
"""
from __future__ import annotations

import datetime as dt
import re
from array import array
from copy import copy

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Border
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from roadmap.excel.styles import BOLD, DATE_FORMAT, HEADER_FILL, WRAP, fill

#: Characters an Excel file cannot hold (XML 1.0: control characters, lone surrogates, the
#: noncharacters U+FFFE and U+FFFF); they are dropped from plan text, wherever it goes.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Excel's limit for a header or footer: its three parts and their codes together.
MAX_HEADER = 255


def xml_text(value, limit: int | None = None) -> str:
    """Plan text as a workbook can hold it anywhere (cells, document properties, headers):
    without the characters of :data:`_ILLEGAL`, cut at ``limit`` characters with "…"."""
    text = _ILLEGAL.sub("", "" if value is None else str(value))
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 1)] + "…"
    return text


def xml_line(value, limit: int | None = None) -> str:
    """:func:`xml_text` on one line (a document property): a run of tabs and line breaks
    (with the spaces around it) as one space."""
    return xml_text(re.sub(r"[ \t\n\r]*[\t\n\r][ \t\n\r]*", " ", xml_text(value)).strip(), limit)


def fit_header_footer(ws: Worksheet) -> None:
    """Keep every header and footer of ``ws`` within Excel's :data:`MAX_HEADER` characters
    (longer ones make Excel offer a repair): illegal characters go, and the longest part
    is cut with "…" until the whole fits. "&&" (a literal "&") is never cut in half."""
    for item in (ws.oddHeader, ws.oddFooter, ws.evenHeader, ws.evenFooter, ws.firstHeader, ws.firstFooter):
        parts = [item.left, item.center, item.right]
        for part in parts:
            if part.text:
                part.text = xml_text(part.text)
        while len(str(item)) > MAX_HEADER:
            longest = max(parts, key=lambda part: len(part.text or ""))
            excess = len(str(item)) - MAX_HEADER
            keep = max(0, len(longest.text) - excess - 1)
            cut = longest.text[:keep]
            trailing = len(cut) - len(cut.rstrip("&"))
            if trailing % 2:  # half of an "&&"
                cut = cut[:-1]
            longest.text = (cut + "…") if cut else None
            if not cut and excess > 0 and all(not part.text for part in parts):
                break


class Look:
    """A cell style the writers use again and again: ``Look(font=TEXT, alignment=CENTER)``.

    ``put_text(ws, row, column, text, look=NAME)`` styles the cell as the same keywords
    would, but the Look itself is the key of the style cache (:func:`_apply`), so a row
    loop over 2,000 packages does not build a key from the objects for every cell. Make
    Looks once (module constants) from shared style objects.
    """

    __slots__ = ("style", "_dated")

    def __init__(self, **style):
        self.style = {name: value for name, value in style.items() if value is not None}
        self._dated = None

    def dated(self) -> "Look":
        """This look with the date format, unless it has a number format of its own."""
        if self._dated is None:
            self._dated = self if "number_format" in self.style else Look(number_format=DATE_FORMAT, **self.style)
        return self._dated


def put_text(ws: Worksheet, row: int, column: int, value, look: Look | None = None, **style):
    """Write plan text as a string cell: never a formula, an error value or a number.

    A package named ``=HYPERLINK("http://x","y")`` must stay that text. openpyxl would
    store it as a formula, so the type is forced to string; the quote prefix tells
    Excel and LibreOffice to keep it text when the user edits the cell. An empty text
    without a fill or border makes no cell at all (returns ``None``).
    """
    text = xml_text(value)[:MAX_TEXT]
    if look is not None and (style or text[:1] in _FORMULA_START):
        style, look = {**look.style, **style}, None
    given = look.style if look is not None else style
    if not text and not given.get("fill") and not given.get("border"):
        return None  # nothing to see: no cell (a 2,000-package table has thousands of them)
    cell = _cell(ws, row, column)
    if text:  # an empty text is an empty cell, not a zero-length string
        cell._value = text  # checked above as openpyxl would: control characters, length
        cell.data_type = "s"
    if text[:1] in _FORMULA_START:
        style = {**style, "quotePrefix": True}
    _apply(cell, style, look)
    return cell


_FORMULA_START = ("=", "+", "-", "@")


def put_date(ws: Worksheet, row: int, column: int, value: dt.date | None, look: Look | None = None, **style):
    """A real date cell shown as TT.MM.JJJJ (Excel sorts and filters it as a date)."""
    cell = _cell(ws, row, column)
    _bind(cell, value)
    if look is not None and not style:
        _apply(cell, None, look.dated())
    else:
        _apply(cell, {"number_format": DATE_FORMAT, **(look.style if look else {}), **style})
    return cell


def put_value(ws: Worksheet, row: int, column: int, value, number_format: str | None = None,
              look: Look | None = None, **style):
    """A number, or a formula *we* built (never one from plan text)."""
    cell = _cell(ws, row, column)
    _bind(cell, value)
    if look is not None and number_format is None and not style:
        _apply(cell, None, look)
    else:
        _apply(cell, {**(look.style if look else {}), "number_format": number_format, **style})
    return cell


#: The longest text a cell holds (Excel's limit; openpyxl cuts there, too).
MAX_TEXT = 32767


def _cell(ws: Worksheet, row: int, column: int):
    """The cell at (row, column), made if new: ``ws.cell`` without its checks (the
    writers only ask for cells they place, a 2,000-package workbook some 90,000)."""
    cell = ws._cells.get((row, column))
    if cell is None:
        cell = ws._cells[(row, column)] = Cell(ws, row=row, column=column)
        if row > ws._current_row:  # as ws._add_cell does
            ws._current_row = row
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


def put_style(ws: Worksheet, row: int, column: int, **style):
    """Style the cell at (row, column), made if new, through the same cache as the writers
    (``ws.cell(...).fill = ...`` makes openpyxl hash and look up the style every time)."""
    cell = _cell(ws, row, column)
    _apply(cell, style)
    return cell


def _apply(cell, style: dict | None, look: Look | None = None) -> None:
    """Set ``style`` (font=..., fill=..., number_format=...) or the ``look`` on ``cell``,
    through a cache.

    Setting a style attribute makes openpyxl hash the style object and look it up in the
    workbook's lists, every time; a 2,000-package workbook sets some 100,000 of them.
    The result only depends on the cell's style before and the objects set, so it is
    computed once per workbook and copied after that. The cache knows the objects by
    their id (or the Look by itself) and keeps them alive, so an id stays theirs while
    the workbook is built (pass shared constants, not fresh objects, to profit; a fresh
    one is only a miss).
    """
    prior = cell._style
    if look is not None:
        key = (None if prior is None else tuple(prior), look)
        style = look.style
    else:
        key = (None if prior is None else tuple(prior), tuple(style), tuple(map(id, style.values())))
    cache = _style_cache(cell.parent.parent)
    found = cache.get(key)
    if found is None:
        for name, value in style.items():
            if value is not None:
                setattr(cell, name, value)
        found = cache[key] = (None if cell._style is None else StyleArray(cell._style), tuple(style.values()))
    if found[0] is not None:
        cell._style = _new_array(StyleArray, "i", found[0])


_new_array = array.__new__


def merge(ws: Worksheet, start_row: int, start_column: int, end_row: int, end_column: int) -> None:
    """``ws.merge_cells(...)`` with the same result, through the style cache.

    openpyxl gives every cell on the edges of a merged range the start cell's border side
    and every cell its protection, one style attribute at a time (a 164-week Zeitplan has
    some 1,100 of them in its month and year rows); here each distinct step is computed
    once per workbook, as :func:`_apply` does.
    """
    mcr = MergedCellRange(ws, CellRange(min_col=start_column, min_row=start_row, max_col=end_column,
                                        max_row=end_row).coord)
    ws.merged_cells.add(mcr)
    cells = mcr.cells
    next(cells)  # the start cell stays
    for row, column in cells:
        ws._cells[row, column] = MergedCell(ws, row, column)
    start = mcr.start_cell
    cache = _style_cache(ws.parent)
    for name in ("top", "left", "right", "bottom"):  # MergedCellRange.format
        side = getattr(start.border, name)
        if side and side.style is None:
            continue
        for coord in getattr(mcr, name):
            cell = ws._cells.get(coord)
            if cell is None:
                cell = ws._cells[coord] = MergedCell(ws, *coord)
            _step(cache, cell, ("border", name, start._style.borderId),
                  lambda cell: setattr(cell, "border", cell.border + Border(**{name: side})))
    protection = copy(start.protection)
    for coord in mcr.cells:
        cell = ws._cells.get(coord)
        if cell is None:
            cell = ws._cells[coord] = MergedCell(ws, *coord)
        _step(cache, cell, ("protection", start._style.protectionId),
              lambda cell: setattr(cell, "protection", protection))


def _step(cache: dict, cell, step: tuple, change) -> None:
    """``change(cell)``, or its cached result for a cell of the same style."""
    prior = cell._style
    key = (None if prior is None else tuple(prior), step)
    found = cache.get(key)
    if found is None:
        change(cell)
        found = cache[key] = StyleArray(cell._style)
    cell._style = _new_array(StyleArray, "i", found)


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
    # the columns named from the header row now, as openpyxl's writer would name them;
    # it would find the header through ws[ref] and make every empty cell of the table
    table._initialise_columns()
    for column, item in enumerate(table.tableColumns, 1):
        cell = ws._cells.get((header_row, column))
        item.name = str(None if cell is None else cell.value)
    ws.add_table(table)
    return table
