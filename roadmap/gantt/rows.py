"""What the Gantt shows, before any plotly: rows, colours, labels and hover texts.

The chart's y axis is numeric: row 0 is the top row (the axis is reversed), and each
row is a phase header, a package, or a council body's session row. Working with row
numbers instead of plotly categories keeps duplicate package names apart and lets the
arrows and swimlane bands use plain coordinates.

Every text that comes from the plan goes through :func:`plot_text` before it reaches
plotly, because plotly renders a subset of HTML (``<b>``, ``<a href>``, ``<br>``) in
titles, ticks, legends and hover labels; the plan's text must show as typed.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field

from roadmap.engine.capacity import capacity_text
from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.text import format_date, iso_week, t, weekday_name, word

CRITICAL = "#C0002B"
DAY = dt.timedelta(days=1)
NO_PHASE = "__none__"

#: Characters an HTML page should not carry as text (parse errors: control characters,
#: noncharacters; lone surrogates no encoder takes): dropped from plan text, as in the workbook.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def html_text(text, quote: bool = True) -> str:
    """Plan text for the page: :func:`html.escape` without the characters of :data:`_NOT_TEXT`."""
    return html.escape(_NOT_TEXT.sub("", str(text)), quote=quote)


def plot_text(text: str) -> str:
    """Plan text made inert for plotly's HTML subset (``<`` ``>`` ``&`` as entities)."""
    return html_text(text, quote=False)


def wrap(text: str, width: int = 60) -> list[str]:
    """Greedy word wrap, so long sources don't make a hover label screen-wide."""
    lines, line = [], ""
    for token in str(text).split():
        if line and len(line) + 1 + len(token) > width:
            lines.append(line)
            line = token
        else:
            line = f"{line} {token}" if line else token
    return lines + [line] if line else lines


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def day_end(day: dt.date) -> dt.datetime:
    """The end of a day on the time axis: 00:00 of the next one."""
    return midnight(day) + DAY


def bar_span(package: ScheduledPackage) -> tuple[dt.datetime, dt.datetime]:
    """Where a package's bar starts and ends: inclusive finish date + 1 day, 00:00."""
    return midnight(package.start), day_end(package.finish)


def instant(day: dt.date) -> dt.datetime:
    """Where a milestone, decision, session or the status line is drawn: noon."""
    return midnight(day) + dt.timedelta(hours=12)


def day_text(day: dt.date, language: str) -> str:
    """``Di 12.01.2027`` (weekday short names help when reading a council calendar)."""
    weekday = weekday_name(day.weekday(), language)[:2]
    return f"{weekday} {format_date(day, language)}"


@dataclass(frozen=True)
class Row:
    """One line of the chart: a phase header, a package or a body's session row.

    ``y`` is the row's number (0 at the top). The page may show rows taller than one
    unit (a wrapped label) or hide some (a collapsed phase); it maps these numbers to
    its own positions (roadmap/assets/gantt-page.js), so the figure keeps plain numbers.
    """

    y: int
    kind: str  # sessions (the header of the body rows) | body | phase | package | load
    label: str  # the whole name, already escaped for plotly and HTML
    key: str  # phase id, package id or body id
    phase: str = ""  # phase key of a phase header or a package
    milestone: bool = False  # a milestone or decision row


@dataclass
class Layout:
    rows: list[Row]
    package_row: dict[str, int]
    phase_rows: dict[str, tuple[int, int]]  # phase key -> (header row, last row)
    phase_color: dict[str, str]
    phase_label: dict[str, str]  # escaped
    phase_members: dict[str, list[ScheduledPackage]]  # phase key (NO_PHASE for none) -> packages
    load_row: dict[int, int] = field(default_factory=dict)  # index into schedule.load.roles -> row


def build_layout(schedule: Schedule, body_ids: list[str]) -> Layout:
    """Rows top to bottom: body session rows, then each phase header with its packages."""
    language = schedule.language
    rows: list[Row] = []
    if body_ids:
        rows.append(Row(0, "sessions", t("gantt.sessions_lane", language), ""))
    for body_id in body_ids:
        body = schedule.bodies[body_id]
        rows.append(Row(len(rows), "body", plot_text(body.label(language)), body_id))
    colors, labels, package_row, phase_rows, members_of = {}, {}, {}, {}, {}
    for phase_id, members in schedule.phase_groups():
        key = phase_id or NO_PHASE
        colors[key] = schedule.phase_color(phase_id)
        name = schedule.phase_name(phase_id) if phase_id else t("gantt.no_phase", language)
        labels[key], members_of[key] = plot_text(name), members
        header = len(rows)
        rows.append(Row(header, "phase", plot_text(name), key, key))
        for package in members:
            package_row[package.id] = len(rows)
            rows.append(Row(len(rows), "package", plot_text(package.name), package.id, key,
                            package.is_milestone))
        phase_rows[key] = (header, len(rows) - 1)
    load_row = {}
    if schedule.load is not None:  # the load strip under the plan: a row per role
        for r in schedule.load.shown():
            role = schedule.roles[schedule.load.roles[r]]
            load_row[r] = len(rows)
            label = t("gantt.load_row", language, name=role.name.get(language),
                      capacity=capacity_text(role, language))
            rows.append(Row(len(rows), "load", plot_text(label), role.id))
    return Layout(rows, package_row, phase_rows, colors, labels, members_of, load_row)


def duration_text(package: ScheduledPackage, language: str) -> str:
    if package.duration is not None and package.duration.elapsed:
        days = (package.finish - package.start).days + 1
        return f"{days} {t('gantt.calendar_days', language)} ({plot_text(str(package.duration))})"
    text = f"{package.duration_days} {t('gantt.working_days', language)}"
    if package.duration is not None and package.duration.text:
        text += f" ({plot_text(package.duration.text)})"
    return text


def consultations_text(schedule: Schedule, package: ScheduledPackage) -> str:
    """The Beratungsfolge (:meth:`Schedule.beratungsfolge`) escaped for plotly and HTML."""
    return plot_text(schedule.beratungsfolge(package))


def hover_text(schedule: Schedule, package: ScheduledPackage, extra: list[str] = ()) -> str:
    """The hover label of a bar or diamond; every plan text escaped. ``extra`` lines
    (progress, baseline, deadline, driving path) come before the source."""
    lang = schedule.language
    w = lambda key: word(key, lang)  # noqa: E731
    lines = [f"<b>{plot_text(package.name)}</b>  <i>({plot_text(package.id)})</i>",
             f"{w(package.kind if package.kind in ('milestone', 'decision') else 'task')}"
             f" · {w('phase')}: {plot_text(schedule.phase_name(package.phase))}"]
    if package.is_milestone:
        lines.append(f"{w('session_date') if package.kind == 'decision' else t('gantt.date', lang)}: "
                     f"{day_text(package.start, lang)} ({w('week')} {iso_week(package.start)})")
    else:
        lines.append(f"{w('start')}: {day_text(package.start, lang)} ({w('week')} {iso_week(package.start)})")
        lines.append(f"{w('finish')}: {day_text(package.finish, lang)} ({w('week')} {iso_week(package.finish)})")
        lines.append(f"{w('duration')}: {duration_text(package, lang)}")
    if package.owner:
        lines.append(f"{w('owner')}: {plot_text(schedule.role_name(package.owner))}")
    float_line = f"{w('total_float')}: {package.total_float} {w('days')}"
    if package.critical:
        float_line += f" · <b>{w('critical_path')}</b>"
    elif package.near_critical:
        float_line += f" · <b>{t('gantt.near_critical_hover', lang)}</b>"
    lines.append(float_line)
    if package.sessions:
        lines.append(f"{w('sessions')}: {consultations_text(schedule, package)}")
    lines.extend(extra)
    if package.source:
        source = wrap(package.source)
        lines.append(f"{w('source')}: {plot_text(source[0])}")
        lines.extend(plot_text(line) for line in source[1:4])
    return "<br>".join(lines)
