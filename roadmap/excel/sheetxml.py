"""Saving the workbook: openpyxl's writer, with the cell rows written as text.

openpyxl serialises each cell through lxml's incremental writer, element by element; a
2,000-package workbook has some 80,000 cells and that took more than half the Excel
stage. :class:`FastExcelWriter` writes the same bytes: each worksheet's ``<sheetData>``
is made here as one string (what ``openpyxl.cell._writer.lxml_write_cell`` writes, with
the same style ids in the same order, the same number formatting and the same escaping:
ASCII with character references), and spliced into the sheet XML that openpyxl writes
for everything else (columns, views, merged cells, conditional formats, validations,
print setup, tables). A sheet with something this writer does not know (a hyperlink, a
comment, rich text, an array formula) is written by openpyxl's own code.

tests/test_excel_same.py compares the workbook with its golden, and the bytes of both
writers.
"""
from __future__ import annotations

import datetime as dt
from io import BytesIO
from math import isinf, isnan

from openpyxl.compat import safe_string
from openpyxl.compat.numbers import NUMERIC_TYPES
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

#: What an empty ``sheetData`` looks like in the XML openpyxl writes; replaced by the rows.
_EMPTY = b"<sheetData></sheetData>"
_PLAIN = (str, int, float, dt.date, dt.datetime, bool)


def _text(value: str) -> str:
    """Text as lxml writes it into an ASCII document: &, <, > and CR escaped, the rest
    of the non-ASCII characters as decimal character references."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    if not value.isascii():
        value = value.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return value


def _attribute(value: str) -> str:
    value = _text(value).replace('"', "&quot;")
    return value.replace("\n", "&#10;").replace("\t", "&#9;")


def _number(value) -> str:
    """openpyxl's ``safe_string`` for a number."""
    if isnan(value) or isinf(value):
        return ""
    return "%.16g" % value


class Unknown(Exception):
    """A cell this writer does not know (a hyperlink, a comment, rich text, an array formula)."""


def _row(dim) -> str:
    """The attributes of a row element after ``r``, as openpyxl writes ``dict(dim)``: the
    true-ish fields in their order; ``s`` and ``customFormat`` only for a styled row (an
    unstyled one has style id 0, which openpyxl leaves out)."""
    styled = dim.has_style
    text = ""
    for key in dim.__fields__:
        if not styled and (key == "s" or key == "customFormat"):
            continue
        value = getattr(dim, key, None)
        if value:
            text += f' {key}="{_attribute(safe_string(value))}"'
    return text


_TYPES = {"s": ' t="inlineStr"', "d": ' t="n"', "f": "", "n": ' t="n"'}


def sheet_data(ws) -> str:
    """The ``<sheetData>`` element of ``ws``, as openpyxl's writer makes it; raises
    :class:`Unknown` for a cell it does not know."""
    wb = ws.parent
    add_style = wb._cell_styles.add
    epoch = wb.epoch
    styles: dict = {}  # style array -> ' s="id"', or "" unstyled (openpyxl adds each in first-seen order)
    serials: dict = {}  # date -> its serial number
    starts: dict[int, str] = {}  # column -> '<c r="G'
    rows: dict[int, list] = {}
    for (row, _), cell in sorted(ws._cells.items()):
        rows.setdefault(row, []).append(cell)
    for row in ws.row_dimensions.keys() - rows.keys():
        rows[row] = []
    dims = ws.row_dimensions
    out = ["<sheetData>"]
    append = out.append
    for index in sorted(rows):
        dim = dims.get(index)
        append(f'<row r="{index}"{_row(dim) if dim is not None else ""}>')
        for cell in rows[index]:
            value, kind, style = cell._value, cell.data_type, cell._style
            if cell._comment is not None or cell.hyperlink is not None:
                raise Unknown(cell.coordinate)
            if style is None:
                styled = ""
            else:
                key = tuple(style)
                styled = styles.get(key)
                if styled is None:
                    styled = styles[key] = f' s="{add_style(style)}"' if any(key) else ""
            typed = _TYPES.get(kind)
            if typed is None:
                typed = f' t="{kind}"'
            if value is None:
                if styled:
                    append(f"{_start(starts, cell.column)}{index}\"{styled}{typed}></c>")
                continue
            if value.__class__ not in _PLAIN:
                raise Unknown(cell.coordinate)
            head = f"{_start(starts, cell.column)}{index}\"{styled}{typed}"
            if kind == "s":
                if value == "":
                    append(head + "></c>")
                elif value != value.strip():
                    append(f'{head}><is><t xml:space="preserve">{_text(value)}</t></is></c>')
                else:
                    append(f"{head}><is><t>{_text(value)}</t></is></c>")
            elif kind == "f":
                append(f"{head}><f>{_text(value[1:])}</f><v></v></c>" if value != "" else head + "></c>")
            elif kind == "d":
                serial = serials.get(value)
                if serial is None:
                    serial = serials[value] = to_excel(value, epoch)
                append(f"{head}><v>{_number(serial)}</v></c>")
            elif value == "":
                append(head + "></c>")
            elif isinstance(value, NUMERIC_TYPES):
                append(f"{head}><v>{_number(value)}</v></c>")
            else:
                append(f"{head}><v>{_text(str(value))}</v></c>")
        append("</row>")
    append("</sheetData>")
    return "".join(out)


def _start(starts: dict, column: int) -> str:
    start = starts.get(column)
    if start is None:
        start = starts[column] = f'<c r="{get_column_letter(column)}'
    return start


class SheetWriter(WorksheetWriter):
    """openpyxl's worksheet writer, into memory, with the rows from :func:`sheet_data`."""

    def __init__(self, ws):
        super().__init__(ws, BytesIO())
        self._rows = None

    def write_rows(self):
        try:  # now, where openpyxl writes them: the style ids come in the same order
            self._rows = sheet_data(self.ws).encode("ascii")
        except Unknown:  # openpyxl's own way (the style ids given so far are the same)
            return super().write_rows()
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            pass
        self.xf.send(None)

    def xml(self) -> bytes:
        data = self.read()
        if self._rows is not None:
            if data.count(_EMPTY) != 1:
                raise RuntimeError("sheetData not found in the sheet XML")
            data = data.replace(_EMPTY, self._rows, 1)
        return data

    def cleanup(self):
        pass  # in memory: no temporary file


class FastExcelWriter(ExcelWriter):
    """openpyxl's ExcelWriter with :class:`SheetWriter` for the worksheets."""

    def write_worksheet(self, ws):
        if self.workbook.write_only:
            return super().write_worksheet(ws)
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = SheetWriter(ws)
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.xml())
        self.manifest.append(ws)
