"""The Excel plan: one workbook for the head of department, written from a Schedule.

Sheets (German names by default, English with language ``en``), one module each:

* Übersicht (:mod:`.overview`) – span, critical path, milestones and decisions,
  assumptions, legend;
* Arbeitspakete (:mod:`.packages`) – every package as an Excel table with autofilter;
* Zeitplan (:mod:`.timeline`) – a Gantt chart in the grid, painted by conditional
  formatting that reads each row's Beginn/Ende cells, so a date changed by hand moves
  its bar;
* Gremien (:mod:`.bodies`) – every decision's Beratungsfolge with session and Vorlage dates;
* Kalender (:mod:`.calendar`) – holidays, closures, school holidays and sessions the
  schedule used.

Below the sheets: :mod:`.cells` (safe cell writers, tables, print setup),
:mod:`.styles` (colours and fonts) and :mod:`.values` (Nr., months, kind words). This
module is the top: it puts the sheets together and saves the file, deterministically
and atomically.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from roadmap.engine.result import Schedule
from roadmap.excel.bodies import bodies_sheet
from roadmap.excel.calendar import calendar_sheet
from roadmap.excel.overview import overview_sheet
from roadmap.excel.packages import packages_sheet
from roadmap.excel.timeline import timeline_sheet
from roadmap.output import atomic_write
from roadmap.text import t

#: The sheets in the order the reader meets them.
SHEETS = (overview_sheet, packages_sheet, timeline_sheet, bodies_sheet, calendar_sheet)


def build_workbook(schedule: Schedule) -> Workbook:
    """The whole workbook for ``schedule`` (not yet saved).

    Parameters
    ----------
    schedule : Schedule
        The computed schedule; its language picks German or English sheets.

    Returns
    -------
    openpyxl.Workbook
    """
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in SHEETS:
        sheet(wb, schedule)
    wb.active = 0
    stamp = dt.datetime.combine(schedule.status_date, dt.time(0, 0))
    wb.properties.title = f"{t('sheet.title', schedule.language)}: {schedule.project.name}"
    wb.properties.subject = schedule.project.municipality
    wb.properties.creator = "roadmap (Smart-City-Fahrplan)"
    wb.properties.lastModifiedBy = "roadmap"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.calculation.fullCalcOnLoad = True  # phase rows sum up by formula; let Excel compute them
    return wb


#: Timestamp of every zip member, so the same schedule gives the same bytes.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def save_workbook(wb: Workbook, path) -> None:
    """Save ``wb`` to ``path`` byte for byte the same on every run.

    openpyxl's own save stamps "modified" with the clock and the zip members with the
    current time; here the properties set in :func:`build_workbook` stay, and the members
    get a fixed time.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))


def write_excel(schedule: Schedule, path, inputs=()) -> Workbook:
    """Write the Excel plan of ``schedule`` to ``path`` atomically and return the workbook.

    Parameters
    ----------
    schedule : Schedule
        The computed schedule.
    path : str or os.PathLike
        The ``.xlsx`` file; replaced only once the new one is complete.
    inputs : iterable of paths
        Files that must not be overwritten (the plan).

    Raises
    ------
    roadmap.output.OutputError
        If the file cannot be written (locked, read-only folder, the input plan).
    """
    wb = build_workbook(schedule)
    atomic_write(path, lambda temp: save_workbook(wb, temp), inputs)
    return wb
