"""The Excel plan: one workbook for the head of department, written from a Schedule.

Sheets (German names by default, English with language ``en``):

* Übersicht – span, critical path, milestones and decisions, assumptions, legend;
* Arbeitspakete – every package as an Excel table with autofilter;
* Zeitplan – a Gantt chart in the grid, painted by conditional formatting that reads
  each row's Beginn/Ende cells, so a date changed by hand moves its bar;
* Gremien – every decision's Beratungsfolge with session and Vorlage dates;
* Kalender – holidays, closures, school holidays and sessions the schedule used.

The sheet writers live in ``excel_sheets`` (overview, bodies, calendar), ``excel_table``
(work packages) and ``excel_gantt`` (timeline); this module holds what they share:
words, colours, safe cell writers and the deterministic save.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from roadmap.text import format_date, word
from roadmap.engine.result import Schedule

DATE_FORMAT = "DD.MM.YYYY"
#: What German and English readers see on the sheets, beyond the shared i18n WORDS.
SHEET_WORDS = {
    "de": {
        "overview": "Übersicht", "packages": "Arbeitspakete", "timeline": "Zeitplan",
        "bodies": "Gremien", "calendar": "Kalender",
        "title": "Smart-City-Fahrplan", "town": "Kommune", "state": "Bundesland",
        "span": "Laufzeit", "months": "Monate", "count": "Anzahl Arbeitspakete",
        "count_detail": "{tasks} Arbeitspakete, {milestones} Meilensteine, {decisions} Beschlüsse",
        "dates": "Meilensteine und Beschlüsse", "date": "Datum", "kind": "Art", "name": "Name",
        "assumptions": "Annahmen", "weekend": "Wochenende",
        "holiday_source": "Feiertage: gesetzliche Feiertage {state} aus dem Paket holidays {version}",
        "school_source": "Schulferien {state}: Paket holidays {version} (Kategorie school); "
                         "Pakete mit „Schulferien meiden“ liegen außerhalb",
        "no_school": "Schulferien: nicht berücksichtigt (calendar.school_holidays: false)",
        "sessions_source": "Sitzungstermine {body}: {source}",
        "from_plan": "im Plan eingetragen", "plan_file": "Plan-Datei",
        "legend": "Legende", "notes": "Hinweise", "none": "keine",
        "nr": "Nr.", "id": "ID", "critical": "Kritisch", "crit_short": "Krit.",
        "legend_bar": "Arbeitspaket (Farbe der Phase)", "legend_crit": "Arbeitspaket auf dem kritischen Pfad",
        "legend_ms": "◆ Meilenstein / Beschluss (rot: kritisch)", "legend_phase": "Phase (Gesamtdauer)",
        "legend_session": "Sitzungswoche (Kürzel der Gremien)",
        "legend_holiday": "Woche mit Feiertag oder Schließtag (F)",
        "legend_school": "Schulferien (S)", "legend_status": "Woche des Stichtags (Stand)",
        "legend_float": "Puffer: Wochen bis zum spätesten Ende", "late_finish": "Spätestes Ende",
        "legend_edit": "Im Blatt Zeitplan lassen sich Beginn und Ende von Hand ändern; die Balken folgen.",
        "year": "Jahr", "month": "Monat", "week_of": "Woche ab", "sessions_row": "Sitzungen",
        "holiday_mark": "F", "school_mark": "S",
        "step": "Schritt", "decision": "Beschluss", "decision_date": "Beschlussdatum",
        "from": "von", "to": "bis", "event": "Ereignis",
        "holiday": "Feiertag", "closure": "Schließtag", "school": "Schulferien",
        "session": "Sitzung", "cancelled": "Sitzung entfällt", "page": "Seite &P von &N",
        "no_phase": "Ohne Phase", "deliverable": "Ergebnis",
    },
    "en": {
        "overview": "Overview", "packages": "Work packages", "timeline": "Timeline",
        "bodies": "Bodies", "calendar": "Calendar",
        "title": "Smart city roadmap", "town": "Municipality", "state": "Land",
        "span": "Span", "months": "months", "count": "Number of work packages",
        "count_detail": "{tasks} work packages, {milestones} milestones, {decisions} decisions",
        "dates": "Milestones and decisions", "date": "Date", "kind": "Kind", "name": "Name",
        "assumptions": "Assumptions", "weekend": "Weekend",
        "holiday_source": "Public holidays of {state} from the holidays package {version}",
        "school_source": "School holidays of {state}: holidays package {version} (category school); "
                         "packages that avoid school holidays lie outside them",
        "no_school": "School holidays: not considered (calendar.school_holidays: false)",
        "sessions_source": "Session dates {body}: {source}",
        "from_plan": "written in the plan", "plan_file": "Plan file",
        "legend": "Legend", "notes": "Notes", "none": "none",
        "nr": "No.", "id": "ID", "critical": "Critical", "crit_short": "Crit.",
        "legend_bar": "Work package (colour of its phase)", "legend_crit": "Work package on the critical path",
        "legend_ms": "◆ Milestone / decision (red: critical)", "legend_phase": "Phase (overall span)",
        "legend_session": "Session week (short names of the bodies)",
        "legend_holiday": "Week with a public holiday or closure (H)",
        "legend_school": "School holidays (S)", "legend_status": "Week of the status date",
        "legend_float": "Float: weeks up to the latest finish", "late_finish": "Latest finish",
        "legend_edit": "On the Timeline sheet, change Start and Finish by hand; the bars follow.",
        "year": "Year", "month": "Month", "week_of": "Week of", "sessions_row": "Sessions",
        "holiday_mark": "H", "school_mark": "S",
        "step": "Step", "decision": "Decision", "decision_date": "Decision date",
        "from": "from", "to": "to", "event": "Event",
        "holiday": "Public holiday", "closure": "Closure", "school": "School holidays",
        "session": "Session", "cancelled": "Session cancelled", "page": "Page &P of &N",
        "no_phase": "No phase", "deliverable": "Deliverable",
    },
}

CRITICAL = "C0392B"
MILESTONE_FILL = "FCE9A9"
SESSION_FILL = "9DC3E6"
HOLIDAY_FILL = "F4B183"
SCHOOL_FILL = "FFF2CC"
STATUS_FILL = "BDD7EE"
FLOAT_FILL = "E4E4E4"
PHASE_BAR = "595959"
HEADER_FILL = "DDE4EE"

BOLD = Font(bold=True)
CRIT_FONT = Font(bold=True, color=CRITICAL)
TITLE = Font(bold=True, size=16)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
#: Short numbers and flags (Nr., Schritt, Kritisch): centred, so a right-aligned number
#: does not run into the left-aligned text of the next column.
CENTER = Alignment(horizontal="center", vertical="top")

#: Control characters Excel files cannot hold (XML 1.0); they are dropped from plan text.
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")


def sw(key: str, language: str) -> str:
    """A sheet word in the schedule's language."""
    return SHEET_WORDS.get(language, SHEET_WORDS["de"])[key]


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


def fit_height(ws: Worksheet, row: int, wrapped: dict[int, str], line: float = 15.0) -> None:
    """Set the row height for the wrapped texts in it (``{column: text}``).

    Neither openpyxl nor LibreOffice's import measures text, so without this wrapped
    cells would spill over the next row in print.
    """
    from openpyxl.utils import get_column_letter

    lines = 1
    for column, text in wrapped.items():
        width = ws.column_dimensions[get_column_letter(column)].width or 10
        per_line = max(1, int(width * 1.15))
        count = sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n"))
        lines = max(lines, count)
    if lines > 1:
        ws.row_dimensions[row].height = line * lines


def _apply(cell, style: dict) -> None:
    for key, value in style.items():
        if value is not None:
            setattr(cell, key, value)


def fill(color: str) -> PatternFill:
    color = color.lstrip("#").upper()
    return PatternFill("solid", start_color=color, end_color=color)


def tint(color: str, amount: float = 0.75) -> str:
    """The colour mixed with white (``amount`` of white), for light row backgrounds."""
    color = color.lstrip("#")
    rgb = [int(color[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def phase_colors(schedule: Schedule) -> dict:
    """Phase id -> hex colour without '#' (as openpyxl wants it), ``None`` for no phase."""
    ids = [phase.id for phase in schedule.phases] + [None]
    return {pid: schedule.phase_color(pid).lstrip("#") for pid in ids}


def numbers(schedule: Schedule) -> dict[str, int]:
    """Package id -> Nr. (its row number in plan order, as MS Project's ID column)."""
    return {p.id: n for n, p in enumerate(schedule.packages, 1)}


def span_months(start: dt.date, finish: dt.date) -> float:
    """The span in months, one decimal (a month = 1/12 of an average year)."""
    return round(((finish - start).days + 1) / (365.2425 / 12), 1)


def decimal(value: float, language: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "de" else text


def kind_word(kind: str, language: str) -> str:
    return word(kind if kind in ("milestone", "decision") else "task", language)



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
    ws.oddFooter.right.text = sw("page", lang)
    ws.oddHeader.left.text = _header_text(schedule.project.name)
    ws.oddHeader.right.text = ws.title


def _header_text(text: str) -> str:
    # '&' starts a code in Excel headers and footers; a town called "A&B" must print as is
    return _ILLEGAL.sub("", text).replace("&", "&&")


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
    from roadmap.excel import timeline as excel_gantt, sheets as excel_sheets, packages as excel_table

    wb = Workbook()
    wb.remove(wb.active)
    excel_sheets.overview_sheet(wb, schedule)
    excel_table.packages_sheet(wb, schedule)
    excel_gantt.timeline_sheet(wb, schedule)
    excel_sheets.bodies_sheet(wb, schedule)
    excel_sheets.calendar_sheet(wb, schedule)
    wb.active = 0
    stamp = dt.datetime.combine(schedule.status_date, dt.time(0, 0))
    wb.properties.title = f"{sw('title', schedule.language)}: {schedule.project.name}"
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
    from roadmap.output import atomic_write

    wb = build_workbook(schedule)
    atomic_write(path, lambda temp: save_workbook(wb, temp), inputs)
    return wb
