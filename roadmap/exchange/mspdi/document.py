"""MS Project XML (MSPDI) export: the schedule as a file MS Project, ProjectLibre and
GanttProject open, with the same dates.

The document: project settings (MS Project's standard 8-hour day from 08:00 to 17:00,
fixed-duration tasks, constraints honoured), roadmap's custom fields, the calendar
(:mod:`.calendar`) and the tasks (:mod:`.tasks`: a summary task per phase, a task per
package). Each package carries its roadmap id, kind, owner, Beratungsfolge, body and source
in the custom text fields Text1-Text6, so the import (:mod:`.reader`) gives the plan back.
The calendar has the plan's weekend and, as exceptions, the Land's public holidays (three
years past the finish, so the plan can move) and the plan's closures. Not carried:
school-holiday windows (MS Project has no such thing), roles' capacities, the template
options.

The output is the same for the same schedule on every run (no creation time stamps).
"""
from __future__ import annotations

from roadmap.engine.calendar import public_holidays
from roadmap.engine.result import Schedule
from roadmap.exchange import ExportOptions, Rendered
from roadmap.exchange.mspdi.base import CLOSING, FIELDS, FORMAT_DAYS, HOURS_PER_DAY, NAMESPACE, OPENING
from roadmap.exchange.mspdi.calendar import WorkingDays, write_calendar
from roadmap.exchange.mspdi.tasks import write_summary_task, write_task
from roadmap.exchange.mspdi.xmlwriter import XmlWriter, stamp
from roadmap.text import Message, t

#: Project settings after the name and dates, in MS Project's order.
_SETTINGS = (
    ("FYStartDate", 1), ("CriticalSlackLimit", 0), ("CurrencyDigits", 2), ("CurrencySymbol", "€"),
    ("CurrencyCode", "EUR"), ("CurrencySymbolPosition", 3), ("CalendarUID", 1),
    ("DefaultStartTime", "08:00:00"), ("DefaultFinishTime", "17:00:00"),
    ("MinutesPerDay", 60 * HOURS_PER_DAY), ("MinutesPerWeek", 5 * 60 * HOURS_PER_DAY), ("DaysPerMonth", 20),
    ("DefaultTaskType", 1),  # fixed duration: the plan has durations, no effort
    ("DefaultFixedCostAccrual", 3), ("DurationFormat", FORMAT_DAYS), ("WorkFormat", 2),
    ("EditableActualCosts", 0), ("HonorConstraints", 1), ("EarnedValueMethod", 0),
    ("InsertedProjectsLikeSummary", 1), ("MultipleCriticalPaths", 0), ("NewTasksEffortDriven", 0),
    ("NewTasksEstimated", 0), ("SplitsInProgressTasks", 0), ("SpreadActualCost", 0),
    ("SpreadPercentComplete", 0), ("TaskUpdatesResource", 1), ("FiscalYearStart", 0), ("WeekStartDay", 1),
    ("MoveCompletedEndsBack", 0), ("MoveRemainingStartsBack", 0), ("MoveRemainingStartsForward", 0),
    ("MoveCompletedEndsForward", 0), ("BaselineForEarnedValue", 0), ("AutoAddNewResourcesAndTasks", 1),
)


def mspdi_text(schedule: Schedule, language: str | None = None) -> str:
    """The schedule as an MSPDI document (UTF-8 XML text).

    Parameters
    ----------
    schedule : Schedule
        A computed schedule; its names are used as they are (the plan's language).
    language : str, optional
        Language of the words the export adds (custom field names, kinds, notes):
        ``de`` (default) or ``en``.
    """
    language = language or schedule.language
    holidays = public_holidays(schedule.project.state, schedule.start.year, schedule.finish.year + 3)
    days = WorkingDays(schedule, holidays)

    x = XmlWriter()
    x.open("Project", f' xmlns="{NAMESPACE}"')
    x.leaves((("SaveVersion", 14), ("Name", schedule.project.name), ("Title", schedule.project.name),
              ("Company", schedule.project.municipality or None), ("ScheduleFromStart", 1),
              ("StartDate", stamp(schedule.start, OPENING)), ("FinishDate", stamp(schedule.finish, CLOSING))))
    x.leaves(_SETTINGS)
    if schedule.project.status_date:
        x.leaf("StatusDate", stamp(schedule.project.status_date, CLOSING))
    x.leaf("NewTasksAreManual", 0)

    x.open("ExtendedAttributes")
    for key, field_id, field_name in FIELDS:
        x.open("ExtendedAttribute")
        x.leaves((("FieldID", field_id), ("FieldName", field_name), ("Alias", t(f"mspdi.field.{key}", language))))
        x.close("ExtendedAttribute")
    x.close("ExtendedAttributes")

    write_calendar(x, schedule, holidays, language)

    x.open("Tasks")
    rows = _outline(schedule)
    uids = {item.id: uid for uid, (kind, item, _, _) in enumerate(rows, 1) if kind == "package"}
    for uid, (kind, item, level, outline) in enumerate(rows, 1):
        if kind == "phase":
            write_summary_task(x, uid, item[0], item[1], level, outline, schedule, days, language)
        else:
            write_task(x, uid, item, level, outline, schedule, days, uids, language)
    x.close("Tasks")
    x.close("Project")
    return x.text()


def _outline(schedule: Schedule) -> list[tuple[str, object, int, str]]:
    """The task rows in order: (kind, item, outline level, outline number); a phase's item
    is ``(phase id, its packages)``, a package's the package."""
    rows: list[tuple[str, object, int, str]] = []
    number = 0
    for phase_id, members in schedule.phase_groups():
        if phase_id is None:
            for p in members:
                number += 1
                rows.append(("package", p, 1, str(number)))
            continue
        number += 1
        rows.append(("phase", (phase_id, members), 1, str(number)))
        for k, p in enumerate(members, 1):
            rows.append(("package", p, 2, f"{number}.{k}"))
    return rows


def render_mspdi(schedule: Schedule, options: ExportOptions) -> Rendered:
    """``roadmap export --format mspdi``."""
    data = mspdi_text(schedule, options.language).encode("utf-8")
    return Rendered(data, Message("export.rows", count=len(schedule.packages)))
