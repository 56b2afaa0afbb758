"""The Excel plan: one workbook for the head of department, written from a Schedule.

Sheets (German names by default, English with language ``en``), one module each:

* Übersicht (:mod:`.overview`) – span, critical path, milestones and decisions,
  assumptions, legend;
* Arbeitspakete (:mod:`.packages`) – every package as an Excel table with autofilter;
* Zeitplan (:mod:`.timeline`) – a Gantt chart in the grid, painted by conditional
  formatting that reads each row's Beginn/Ende cells, so a date changed by hand moves
  its bar;
* Auslastung (:mod:`.load`) – each role's load per week against its capacity, a heat
  map; only for plans with ``needs``;
* Gremien (:mod:`.bodies`) – every decision's Beratungsfolge with session and Vorlage dates;
* Treiberkette (:mod:`.chains`) – for every milestone and decision, the chain of links
  that sets its earliest date;
* Kalender (:mod:`.calendar`) – holidays, closures, school holidays and sessions the
  schedule used.

Below the sheets: :mod:`.cells` (safe cell writers, tables), :mod:`.paper` (print setup
on A3 or A4, page breaks), :mod:`.layout` (where the Zeitplan and Arbeitspakete keep what
the other reads), :mod:`.progress` (state of work, plain-German notes), :mod:`.styles`
(colours and fonts) and :mod:`.values` (Nr., months, kind words). What a user may edit
for ``roadmap update`` is mapped in :mod:`.editable`. This module is the top: it puts
the sheets together and saves the file, deterministically and atomically, with the plan's
identity as custom document properties.
"""
from __future__ import annotations

import datetime as dt
import gc
import io
import zipfile
from contextlib import contextmanager

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

from roadmap.engine.result import Schedule
from roadmap.excel.bodies import bodies_sheet
from roadmap.excel.calendar import calendar_sheet
from roadmap.excel.cells import fit_header_footer, xml_line
from roadmap.excel.chains import chains_sheet
from roadmap.excel.editable import PLAN_ID_PROPERTY, STATUS_DATE_PROPERTY
from roadmap.excel.load import load_sheet
from roadmap.excel.overview import overview_sheet
from roadmap.excel.packages import packages_sheet
from roadmap.excel.paper import DEFAULT_PAPER, PAPERS
from roadmap.excel.sheetxml import FastExcelWriter
from roadmap.excel.timeline import timeline_sheet
from roadmap.output import atomic_write, write_stable_zip
from roadmap.text import t

#: The sheets in the order the reader meets them.
SHEETS = (overview_sheet, packages_sheet, timeline_sheet, load_sheet, bodies_sheet, chains_sheet, calendar_sheet)


def build_workbook(schedule: Schedule, paper: str = DEFAULT_PAPER) -> Workbook:
    """The whole workbook for ``schedule`` (not yet saved).

    Parameters
    ----------
    schedule : Schedule
        The computed schedule; its language picks German or English sheets.
    paper : {"a3", "a4"}
        The paper every sheet is laid out for (landscape).

    Returns
    -------
    openpyxl.Workbook
    """
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    with no_cycle_collection():
        return _build(schedule, paper)


def _build(schedule: Schedule, paper: str) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in SHEETS:
        sheet(wb, schedule, paper)
    wb.active = 0
    for ws in wb.worksheets:
        fit_header_footer(ws)
    stamp = dt.datetime.combine(schedule.status_date, dt.time(0, 0))
    # plan text in docProps/core.xml: no control characters, and short enough for Excel
    wb.properties.title = xml_line(f"{t('sheet.title', schedule.language)}: {schedule.project.name}", 255)
    wb.properties.subject = xml_line(schedule.project.municipality, 255)
    wb.properties.creator = "roadmap (Smart-City-Fahrplan)"
    wb.properties.lastModifiedBy = "roadmap"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    # which plan, and which status date, the workbook was made for (roadmap update checks both)
    wb.custom_doc_props.append(StringProperty(name=PLAN_ID_PROPERTY, value=schedule.plan_id))
    wb.custom_doc_props.append(StringProperty(name=STATUS_DATE_PROPERTY, value=schedule.status_date.isoformat()))
    wb.calculation.fullCalcOnLoad = True  # phase rows, dates and states are formulas; let Excel compute them
    return wb


@contextmanager
def no_cycle_collection():
    """Python's cycle collector paused while a workbook is built or saved.

    A 2,000-package workbook makes some 80,000 cells and their styles at once, and every
    few hundred new objects the collector walked all of them again (a fifth of the Excel
    stage), finding nothing: the cells are alive until the workbook is dropped. Reference
    counting still frees everything else; the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def save_workbook(wb: Workbook, path) -> None:
    """Save ``wb`` to ``path`` byte for byte the same on every run.

    openpyxl's own save stamps "modified" with the clock and the zip members with the
    current time; here the properties set in :func:`build_workbook` stay, and the members
    get a fixed time. The cell rows are written by :mod:`.sheetxml` (the same bytes as
    openpyxl's writer, several times faster).
    """
    buffer = io.BytesIO()
    with no_cycle_collection(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # compressed once, below
        FastExcelWriter(wb, archive).save()
    write_stable_zip(buffer.getvalue(), path)


def write_excel(schedule: Schedule, path, inputs=(), paper: str = DEFAULT_PAPER) -> Workbook:
    """Write the Excel plan of ``schedule`` to ``path`` atomically and return the workbook.

    Parameters
    ----------
    schedule : Schedule
        The computed schedule.
    path : str or os.PathLike
        The ``.xlsx`` file; replaced only once the new one is complete.
    inputs : iterable of paths
        Files that must not be overwritten (the plan).
    paper : {"a3", "a4"}
        The paper the sheets are printed on, landscape (``roadmap build --paper``).

    Raises
    ------
    roadmap.output.OutputError
        If the file cannot be written (locked, read-only folder, the input plan).
    """
    with no_cycle_collection():
        wb = build_workbook(schedule, paper)
        atomic_write(path, lambda temp: save_workbook(wb, temp), inputs)
    return wb
