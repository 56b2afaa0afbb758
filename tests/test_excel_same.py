"""The workbook stays the same: a golden snapshot of everything ``write_excel`` puts in it.

Each case writes a workbook from a fixed plan in tests/plans/ (not the live template, so a
change of the built-in roadmap does not move the golden) and reads it back with openpyxl.
The snapshot holds, per sheet: every cell (value, type, number format, font, fill, border,
alignment, protection, quote prefix), merged cells, column widths and row heights (with
hidden and outline levels), freeze panes and sheet views, conditional formats (by
priority, with their formats), data validations, tables, print setup (paper,
orientation, scale and fit, print titles and area, margins, headers and footers, page
breaks), sheet properties; and for the workbook its sheets, defined names, document
properties (without timestamps), custom properties, calculation settings and the parts of
the zip. Styles are compared by content (their XML), not by their index in styles.xml.

Goldens: tests/golden/excel/<case>.json.gz. After a deliberate change of the workbook,
rewrite them with ``ROADMAP_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/test_excel_same.py``
and say in the commit why the workbook changed.

The cases:

* ``default-de-a3``: the default roadmap (tests/plans/default-roadmap.yaml, the text
  ``roadmap build`` used for status date 2027-03-01) as ``roadmap build`` writes it:
  roles and needs (Auslastung), decisions, school holidays, A3;
* ``default-en-a4``: the same in English on A4;
* ``generated-300``: tests/plans/excel-300.yaml, bench/generate.py's 300-package plan
  with roles, needs, progress (done, running, late) at status 2027-09-01, against a
  baseline of the same plan without progress at 2027-03-01 (baseline columns, Änderungen).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import io
import json
import os
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import tostring

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.writer.excel import ExcelWriter

from roadmap.engine.baseline import compare, freeze
from roadmap.engine.scheduler import schedule
from roadmap.excel.sheetxml import FastExcelWriter
from roadmap.excel.workbook import build_workbook, write_excel
from roadmap.plan.loader import parse_plan

HERE = Path(__file__).parent
PLANS = HERE / "plans"
GOLDEN = HERE / "golden" / "excel"
UPDATE = os.environ.get("ROADMAP_UPDATE_GOLDEN") == "1"


# ---- the cases ---------------------------------------------------------------------------


def _default(language: str | None):
    plan = parse_plan((PLANS / "default-roadmap.yaml").read_text(encoding="utf-8"), file="kickoff.yaml")
    if language:
        plan = dataclasses.replace(plan, project=dataclasses.replace(plan.project, language=language))
    return schedule(plan, dt.date(2027, 3, 1))


def _generated():
    text = (PLANS / "excel-300.yaml").read_text(encoding="utf-8")
    plain = re.sub(r", (actual_start|actual_finish|actual|progress): [0-9.-]+", "", text)
    old = schedule(parse_plan(plain, file="excel-300.yaml"), dt.date(2027, 3, 1))
    new = schedule(parse_plan(text, file="excel-300.yaml"), dt.date(2027, 9, 1))
    new.baseline = compare(new, freeze(old))
    return new


CASES = {
    "default-de-a3": (lambda: _default(None), "a3"),
    "default-en-a4": (lambda: _default("en"), "a4"),
    "generated-300": (_generated, "a3"),
}


# ---- the snapshot ------------------------------------------------------------------------


def _xml(obj) -> str | None:
    """An openpyxl object by its content: the XML it writes."""
    if obj is None:
        return None
    tree = obj.to_tree()
    return None if tree is None else tostring(tree, encoding="unicode")


def _value(cell):
    value = cell.value
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return {"date": value.isoformat() if hasattr(value, "isoformat") else str(value)}
    if value is not None and not isinstance(value, (str, int, float, bool)):
        return {"repr": str(value)}
    return value


def _style(cell) -> str:
    return json.dumps({
        "number_format": cell.number_format, "font": _xml(cell.font), "fill": _xml(cell.fill),
        "border": _xml(cell.border), "alignment": _xml(cell.alignment), "protection": _xml(cell.protection),
        "quote_prefix": bool(cell.quotePrefix), "pivot_button": bool(cell.pivotButton),
    }, sort_keys=True, ensure_ascii=False)


def _columns(ws) -> dict:
    """Column letter -> its dimension, one entry per column (a <col min max> range expanded)."""
    found = {}
    for dim in ws.column_dimensions.values():
        low, high = dim.min or 0, dim.max or 0
        if not low:
            continue
        for column in range(low, high + 1):
            found[openpyxl.utils.get_column_letter(column)] = {
                "width": dim.width, "custom_width": dim.customWidth, "hidden": dim.hidden,
                "outline": dim.outlineLevel, "collapsed": dim.collapsed, "best_fit": dim.bestFit,
                "style": _style(Cell(ws, style_array=dim._style)) if dim.style_id else None}
    return found


def _rows(ws) -> dict:
    return {str(row): {"height": dim.ht, "custom_height": dim.customHeight, "hidden": dim.hidden,
                       "outline": dim.outlineLevel, "collapsed": dim.collapsed,
                       "style": _style(Cell(ws, style_array=dim._style)) if dim.s else None}
            for row, dim in sorted(ws.row_dimensions.items())
            if dim.ht is not None or dim.hidden or dim.outlineLevel or dim.s}


def _conditional(ws) -> list:
    rules = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            rules.append({"priority": rule.priority, "range": str(cf.sqref), "type": rule.type,
                          "operator": rule.operator, "formula": list(rule.formula), "stop": rule.stopIfTrue,
                          "text": rule.text, "format": _xml(rule.dxf),
                          "scale": _xml(rule.colorScale), "bar": _xml(rule.dataBar), "icons": _xml(rule.iconSet)})
    return sorted(rules, key=lambda r: (r["priority"], r["range"]))


def _sheet(ws, styles: dict) -> dict:
    default = _style(Cell(ws))
    cells, known = [], {}
    for _, cell in sorted(ws._cells.items()):  # the cells in the file (iter_rows would make the gaps)
        key = known.get(tuple(cell._style))
        if key is None:
            key = known[tuple(cell._style)] = _style(cell)
        if cell.value is None and key == default and cell.hyperlink is None and cell.comment is None:
            continue
        index = styles.setdefault(key, len(styles))
        entry = [cell.coordinate, cell.data_type, _value(cell), index]
        if cell.hyperlink is not None or cell.comment is not None:
            entry.append({"link": _xml(cell.hyperlink), "comment": cell.comment and cell.comment.text})
        cells.append(entry)
    feet = {name: str(getattr(ws.HeaderFooter, name)) for name in ("oddHeader", "oddFooter", "evenHeader",
                                                                     "evenFooter", "firstHeader", "firstFooter")}
    return {
        "title": ws.title, "state": ws.sheet_state, "dimensions": ws.dimensions,
        "cells": cells,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "columns": _columns(ws), "rows": _rows(ws),
        "format": _xml(ws.sheet_format), "properties": _xml(ws.sheet_properties),
        "views": _xml(ws.views), "freeze": ws.freeze_panes,
        "conditional": _conditional(ws),
        "validations": sorted((_xml(dv) for dv in ws.data_validations.dataValidation)),
        "tables": {table.name: _xml(table) for table in sorted(ws.tables.values(), key=lambda t: t.name)},
        "auto_filter": _xml(ws.auto_filter),
        "print": {"setup": _xml(ws.page_setup), "options": _xml(ws.print_options),
                  "margins": _xml(ws.page_margins), "header_footer": feet,
                  "different_first": ws.HeaderFooter.differentFirst,
                  "different_odd_even": ws.HeaderFooter.differentOddEven,
                  "row_breaks": _xml(ws.row_breaks), "col_breaks": _xml(ws.col_breaks),
                  "title_rows": ws.print_title_rows, "title_cols": ws.print_title_cols,
                  "area": ws.print_area},
        "names": {name: _xml(item) for name, item in sorted(ws.defined_names.items())},
        "protection": _xml(ws.protection),
    }


def snapshot(path) -> dict:
    """Everything a reader of the workbook at ``path`` meets, as plain JSON data."""
    wb = openpyxl.load_workbook(path)
    styles: dict[str, int] = {}
    sheets = [_sheet(ws, styles) for ws in wb.worksheets]
    core = {key: value for key, value in vars(wb.properties).items()
            if key not in ("created", "modified", "lastPrinted") and not key.startswith("_")}
    with zipfile.ZipFile(path) as archive:
        parts = sorted(archive.namelist())
    return {
        "sheets": sheets,
        "styles": [json.loads(key) for key, _ in sorted(styles.items(), key=lambda item: item[1])],
        "workbook": {
            "sheetnames": wb.sheetnames, "active": wb.index(wb.active),
            "names": {name: _xml(item) for name, item in sorted(wb.defined_names.items())},
            "core": {key: str(value) if value is not None else None for key, value in sorted(core.items())},
            "custom": [[prop.name, type(prop).__name__, str(prop.value)] for prop in wb.custom_doc_props],
            "calculation": _xml(wb.calculation), "epoch": str(wb.epoch), "parts": parts,
        },
    }


# ---- comparing ---------------------------------------------------------------------------


def _cells(sheet: dict, styles: list) -> dict:
    return {entry[0]: (entry[1], entry[2], styles[entry[3]], entry[4:]) for entry in sheet["cells"]}


def differences(expected: dict, actual: dict, limit: int = 25) -> list[str]:
    """Readable differences between two snapshots (cells by coordinate, the rest by key)."""
    found = []
    if expected["workbook"] != actual["workbook"]:
        for key in expected["workbook"]:
            if expected["workbook"][key] != actual["workbook"].get(key):
                found.append(f"workbook {key}: {expected['workbook'][key]!r} != {actual['workbook'].get(key)!r}")
    for old, new in zip(expected["sheets"], actual["sheets"]):
        name = old["title"]
        before, after = _cells(old, expected["styles"]), _cells(new, actual["styles"])
        for coordinate in sorted(set(before) | set(after)):
            if before.get(coordinate) != after.get(coordinate):
                found.append(f"{name}!{coordinate}: {before.get(coordinate)} != {after.get(coordinate)}")
        for key in old:
            if key != "cells" and old[key] != new.get(key):
                found.append(f"{name} {key}: {_short(old[key])} != {_short(new.get(key))}")
    return found[:limit]


def _short(value, width: int = 600) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= width else text[:width] + "…"


def _read(path: Path) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(text.encode("utf-8"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_workbook_is_the_same(case, tmp_path):
    make, paper = CASES[case]
    path = tmp_path / f"{case}.xlsx"
    write_excel(make(), path, paper=paper)
    actual = json.loads(json.dumps(snapshot(path), ensure_ascii=False, sort_keys=True))
    golden = GOLDEN / f"{case}.json.gz"
    if UPDATE or not golden.exists():
        _write(golden, actual)
        if not UPDATE:
            pytest.fail(f"no golden for {case} yet: written to {golden}, check it in")
        return
    expected = _read(golden)
    found = differences(expected, actual)
    assert not found and len(expected["sheets"]) == len(actual["sheets"]), "\n".join(found)
    assert expected == actual


def test_snapshot_sees_a_changed_style(tmp_path):
    """The snapshot is not blind: a font, a fill, a width or a print setting changed shows."""
    make, paper = CASES["default-de-a3"]
    path = tmp_path / "a.xlsx"
    wb = write_excel(make(), path, paper=paper)
    first = snapshot(path)
    ws = wb["Zeitplan"]
    ws["B12"].font = openpyxl.styles.Font(size=9, italic=True)
    ws.column_dimensions["B"].width = 40
    ws.page_setup.scale = 55
    from roadmap.excel.workbook import save_workbook
    save_workbook(wb, tmp_path / "b.xlsx")
    found = differences(first, snapshot(tmp_path / "b.xlsx"))
    assert any(line.startswith("Zeitplan!B12") for line in found)
    assert any(line.startswith("Zeitplan columns") for line in found)
    assert any(line.startswith("Zeitplan print") for line in found)


def _members(wb, writer) -> dict[str, bytes]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        writer(wb, archive).save()
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_fast_writer_writes_openpyxls_bytes(case):
    """roadmap.excel.sheetxml writes the cell rows itself: byte for byte what openpyxl's
    writer makes of the same workbook (every part, in the same order)."""
    make, paper = CASES[case]
    result = make()
    theirs = _members(build_workbook(result, paper), ExcelWriter)
    ours = _members(build_workbook(result, paper), FastExcelWriter)
    assert list(ours) == list(theirs)
    assert [name for name in theirs if ours[name] != theirs[name]] == []


def test_fast_writer_leaves_unknown_cells_to_openpyxl():
    """A sheet with a hyperlink, a comment or a value of another type is written by
    openpyxl's own code, with the same bytes as openpyxl alone."""
    make, paper = CASES["default-de-a3"]
    result = make()
    books = [build_workbook(result, paper) for _ in range(2)]
    for wb in books:
        wb["Zeitplan"]["B12"].hyperlink = "https://example.org/a?b=1&c=2"
        wb["Arbeitspakete"]["B5"].comment = Comment("Prüfen <bis> Freitag & \"später\"", "roadmap")
        wb["Kalender"]["E4"] = dt.time(8, 30)
        wb["Übersicht"]["F3"] = "  Leerzeichen, Umlaute äöü, \u25c6 und \r\n Zeilen  "
    theirs, ours = _members(books[0], ExcelWriter), _members(books[1], FastExcelWriter)
    assert list(ours) == list(theirs)
    assert [name for name in theirs if ours[name] != theirs[name]] == []
