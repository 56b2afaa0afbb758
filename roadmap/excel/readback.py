"""Reading back what the user typed into a workbook that ``roadmap build`` wrote.

The head of department works in Excel: Ist-Beginn, Ist-Ende, Fortschritt % and Dauer on
the Arbeitspakete sheet, a later Beginn or Ende on the Zeitplan. :func:`read_workbook`
finds those cells by their header text (the field map is
:data:`roadmap.excel.editable.EDITABLE`, so the columns may move), matches each row to a
package by its ID, and parses every value, together with the Zeitplan's hidden copy of
the computed dates (:data:`~roadmap.excel.editable.COMPUTED`);
:func:`roadmap.excel.updates.plan_changes` turns the differences into edits of the plan
file.

Nothing here guesses silently: a workbook made from another plan (custom document
property ``roadmap-plan-id``), a row whose ID the plan does not know, and a value that
does not parse are all problems with the cell they come from (``Arbeitspakete!L12``),
and ``roadmap update`` refuses the whole workbook when there is one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from roadmap.engine.result import Schedule
from roadmap.excel.editable import (COMPUTED, EDITABLE, HEADER_ROW, PLAN_ID_PROPERTY, ROW_KEY,
                                    STATUS_DATE_PROPERTY)
from roadmap.plan.durations import FormatError, parse_duration
from roadmap.text import t
from roadmap.text.catalog import CATALOG
from roadmap.text.messages import Message as M

HEADER_SEARCH_ROWS = 20
_GERMAN_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")


class ReadbackError(ValueError):
    """The workbook cannot be carried into the plan; ``problems`` says why, cell by cell."""

    def __init__(self, problems: list[M]):
        self.problems = problems
        super().__init__(problems)

    def render(self, language: str | None = None) -> str:
        return "\n".join(problem.render(language) for problem in self.problems)


@dataclass(frozen=True)
class Typed:
    """One editable cell: the parsed value (``None``: empty) and where it is."""

    field: str
    value: object
    where: str  # Arbeitspakete!L12


@dataclass
class Readback:
    """What the workbook holds, by package id and field."""

    path: str
    plan_id: str | None = None
    status_date: dt.date | None = None
    title: str = ""
    rows: dict[str, dict[str, Typed]] = field(default_factory=dict)
    problems: list[M] = field(default_factory=list)
    books: tuple | None = field(default=None, repr=False)  # (formulas, cached values)


# ---- values ------------------------------------------------------------------------------


def parse_date(value) -> dt.date:
    """A date cell: a real date, or text ``01.03.2027`` / ``1.3.27`` / ``2027-03-01``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        german, iso = _GERMAN_DATE.match(value), _ISO_DATE.match(value)
        try:
            if german:
                day, month, year = (int(g) for g in german.groups())
                return dt.date(year + 2000 if year < 100 else year, month, day)
            if iso:
                return dt.date(*(int(g) for g in iso.groups()))
        except ValueError:
            pass
    raise ValueError(value)


def parse_progress(value, number_format: str = "") -> float:
    """Fortschritt: ``50``, ``50 %``, ``12,5``; a cell formatted as percent holds 0.5 for 50 %."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value) * (100 if "%" in re.sub(r'"[^"]*"', "", number_format or "") else 1)
    elif isinstance(value, str) and _PERCENT.match(value):
        number = float(_PERCENT.match(value).group(1).replace(",", "."))
    else:
        raise ValueError(value)
    if not 0 <= number <= 100:
        raise ValueError(value)
    return round(number, 1)


def parse_days(value) -> int:
    """Dauer: a whole number of days, or a duration text (``4w``, ``20 Tage``)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if value < 0 or float(value) != int(value):
            raise ValueError(value)
        return int(value)
    if isinstance(value, str):
        try:
            return parse_duration(value).days
        except FormatError:
            pass
    raise ValueError(value)


_PARSERS = {"actual_start": "date", "actual_finish": "date", "start": "date", "finish": "date",
            "progress": "progress", "duration": "days"}


def _parse(name: str, value, number_format: str):
    kind = _PARSERS.get(_base(name), "date")
    if kind == "date":
        return parse_date(value)
    if kind == "progress":
        return parse_progress(value, number_format)
    return parse_days(value)


# ---- the workbook ----------------------------------------------------------------------------


def _texts(key: str) -> set[str]:
    """Both languages of a catalog key (a workbook may be German or English)."""
    return {text.strip().lower() for text in CATALOG.get(key, (key, key))}


def _label(key: str) -> str:
    """A header or sheet name in German (the catalog key itself if the catalog lacks it)."""
    return t(key) if key in CATALOG else key


def _custom_property(wb, name: str):
    try:
        return wb.custom_doc_props[name].value
    except (KeyError, AttributeError):
        return None


def _status_date(wb) -> dt.date | None:
    value = _custom_property(wb, STATUS_DATE_PROPERTY)
    if value:
        try:
            return parse_date(value if not isinstance(value, str) else value[:10])
        except ValueError:
            pass
    created = wb.properties.created
    return created.date() if isinstance(created, dt.datetime) else None


def _find_sheet(wb, key: str):
    names = _texts(key)
    for ws in wb.worksheets:
        if ws.title.strip().lower() in names:
            return ws
    return None


def _header_row(ws, wanted: dict[str, set[str]]) -> tuple[int, dict[str, int]]:
    """The row among the first ones holding most of the wanted headers, and their columns."""
    best, columns = 0, {}
    for row in ws.iter_rows(min_row=1, max_row=min(HEADER_SEARCH_ROWS, ws.max_row)):
        found = {}
        for cell in row:
            text = str(cell.value).strip().lower() if isinstance(cell.value, str) else None
            for name, texts in wanted.items():
                if text in texts and name not in found:
                    found[name] = cell.column
        if len(found) > len(columns):
            best, columns = row[0].row, found
    return best, columns


def _cell_value(cell, cached):
    """The value the user sees: a constant, or the value Excel computed for a formula."""
    value = cell.value
    if isinstance(value, str) and value.startswith("=") and cell.data_type == "f":
        return cached.value if cached is not None else None, True
    return value, False


def open_workbook(path) -> Readback:
    """The workbook's identity and status date; the cells are read by :func:`read_cells`."""
    import openpyxl
    from zipfile import BadZipFile

    result = Readback(str(path))
    try:
        wb = openpyxl.load_workbook(path)
        values = openpyxl.load_workbook(path, data_only=True)
    except (OSError, BadZipFile, KeyError, ValueError) as error:
        result.problems.append(M("readback.unreadable", path=path, reason=error))
        return result
    result.plan_id = _custom_property(wb, PLAN_ID_PROPERTY)
    result.status_date = _status_date(wb)
    result.title = wb.properties.title or ""
    result.books = (wb, values)
    return result


def read_cells(result: Readback, schedule: Schedule) -> Readback:
    """Every editable cell, parsed and matched to a package of ``schedule`` by its ID."""
    if result.books is None:
        return result
    wb, values = result.books
    known = {p.id for p in schedule.packages}
    sheets: dict[str, dict[str, str]] = {}
    for name, (sheet_key, header_key) in EDITABLE.items():
        sheets.setdefault(sheet_key, {})[name] = header_key
    for name, (sheet_key, header_key) in COMPUTED.items():
        sheets.setdefault(sheet_key, {})[f"computed_{name}"] = header_key
    for name in ("start", "finish"):  # shown as formulas there; a date typed over one counts too
        if EDITABLE.get(name, ("sheet.packages",))[0] != "sheet.packages":
            sheets.setdefault("sheet.packages", {})[f"typed_{name}"] = f"word.{name}"
    for sheet_key, fields in sheets.items():
        ws = _find_sheet(wb, sheet_key)
        if ws is None:
            result.problems.append(M("readback.no-sheet", sheet=_label(sheet_key)))
            continue
        _read_sheet(ws, values[ws.title], sheet_key, fields, known, result)
    return result


def read_workbook(path, schedule: Schedule) -> Readback:
    """:func:`open_workbook` and :func:`read_cells` in one step."""
    return read_cells(open_workbook(path), schedule)


def _columns(ws, sheet_key: str, fields: dict[str, str]) -> tuple[int, dict[str, int]]:
    """The header row and the column of each field (and of the ID, as ``_id``)."""
    wanted = {name: _texts(key) for name, key in fields.items()}
    wanted["_id"] = _texts(ROW_KEY.get(sheet_key, "sheet.id"))
    expected = HEADER_ROW.get(sheet_key)
    if expected:
        found = {}
        for cell in ws[expected]:
            text = cell.value.strip().lower() if isinstance(cell.value, str) else None
            found.update({name: cell.column for name, texts in wanted.items()
                          if text in texts and name not in found})
        if all(name in found for name in wanted if not _optional(name)):
            return expected, found
    return _header_row(ws, wanted)  # rows were inserted above the table: search


def _read_sheet(ws, cached_ws, sheet_key: str, fields: dict[str, str], known: set[str],
                result: Readback) -> None:
    head, columns = _columns(ws, sheet_key, fields)
    missing = [fields[name] for name in fields if name not in columns and not _optional(name)]
    if "_id" not in columns:
        missing.append(ROW_KEY.get(sheet_key, "sheet.id"))
    if missing:
        for key in missing:
            result.problems.append(M("readback.no-column", sheet=ws.title, column=_label(key)))
        return
    fields = {name: key for name, key in fields.items() if name in columns}
    for row in range(head + 1, ws.max_row + 1):
        id_cell = ws.cell(row=row, column=columns["_id"])
        package_id = str(id_cell.value).strip() if id_cell.value is not None else ""
        if not package_id:  # a phase row, or values typed into a row of their own
            if any(_typed_constant(ws.cell(row=row, column=columns[name])) for name in fields
                   if not _optional(name)):
                result.problems.append(M("readback.no-id", sheet=ws.title, row=row))
            continue
        if package_id not in known:
            result.problems.append(M("readback.unknown-row", where=f"{ws.title}!{id_cell.coordinate}",
                                     id=package_id))
            continue
        typed = _read_row(ws, cached_ws, row, fields, columns, result)
        if package_id in result.rows and set(result.rows[package_id]) & set(typed):
            result.problems.append(M("readback.duplicate-row", sheet=ws.title, row=row, id=package_id))
            continue
        result.rows.setdefault(package_id, {}).update(typed)


def _optional(name: str) -> bool:
    """Fields a workbook may lack: the hidden computed dates, dates typed over formulas."""
    return name.startswith(("computed_", "typed_"))


def _base(name: str) -> str:
    return name.removeprefix("computed_").removeprefix("typed_")


def _typed_constant(cell) -> bool:
    value = cell.value
    return value is not None and not (isinstance(value, str) and (not value.strip() or cell.data_type == "f"))


def _read_row(ws, cached_ws, row: int, fields: dict[str, str], columns: dict[str, int],
              result: Readback) -> dict[str, Typed]:
    typed = {}
    for name in fields:
        cell = ws.cell(row=row, column=columns[name])
        value, formula = _cell_value(cell, cached_ws.cell(row=row, column=columns[name]))
        where = f"{ws.title}!{cell.coordinate}"
        if formula and (value is None or name.startswith("typed_")):
            if not _optional(name):
                result.problems.append(M("readback.formula", where=where))
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            typed[name] = Typed(name, None, where)
            continue
        try:
            typed[name] = Typed(name, _parse(_base(name), value, cell.number_format), where)
        except ValueError:
            if not name.startswith("computed_"):
                result.problems.append(M(f"readback.bad-{_PARSERS.get(_base(name), 'date')}", where=where,
                                         value=value, column=_label(fields[name])))
    return typed


def check_identity(data: Readback, schedule: Schedule) -> None:
    """Raise :class:`ReadbackError` unless the workbook was made from this plan."""
    if data.problems and any(p.key == "readback.unreadable" for p in data.problems):
        raise ReadbackError(data.problems)
    if not data.plan_id:
        raise ReadbackError([M("readback.not-roadmap", path=Path(data.path).name)])
    if data.plan_id != schedule.plan_id:
        title = data.title.partition(": ")[2] or data.title or "?"
        raise ReadbackError([M("readback.other-plan", path=Path(data.path).name, title=title,
                               plan=schedule.project.name)])
