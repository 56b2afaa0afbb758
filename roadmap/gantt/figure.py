"""The Gantt chart for the council: a plotly figure and one self-contained HTML file.

:func:`gantt_figure` builds the figure from a :class:`~roadmap.engine.result.Schedule`;
:func:`write_gantt_html` writes it, with plotly.js and its German locale inlined, a
print stylesheet and a table of milestones and decisions (see :mod:`roadmap.gantt.page`).

The pieces, from the bottom: :mod:`.rows` (rows, colours and texts, before any plotly),
:mod:`.traces` (bars, float, diamonds, sessions), :mod:`.links` (dependency arrows),
:mod:`.shapes` (swimlanes, holidays, status line) and :mod:`.frame` (sizes, title,
legend, axes, buttons).

Date convention: the schedule's finish dates are *inclusive* working dates, while a
plotly date bar ends at an instant, so a bar runs from ``start 00:00`` to
``finish + 1 day 00:00``. Milestones, decisions and sessions sit at noon of their day,
so that a diamond on a session date sits on that session's marker line.
"""
from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from roadmap.engine.result import Schedule
from roadmap.gantt.frame import frame_figure
from roadmap.gantt.links import link_traces
from roadmap.gantt.page import write_page
from roadmap.gantt.rows import DAY, build_layout, midnight
from roadmap.gantt.shapes import calendar_windows, lanes, status_line
from roadmap.gantt.traces import add_bars, add_critical_path, add_float, add_milestones, add_sessions, used_bodies

__all__ = ["gantt_figure", "write_gantt_html"]


def gantt_figure(schedule: Schedule) -> go.Figure:
    """The Gantt chart of a schedule as a plotly figure.

    Parameters
    ----------
    schedule : Schedule
        The computed schedule; its ``language`` picks German or English labels.

    Returns
    -------
    plotly.graph_objects.Figure
        Rows top to bottom: council bodies' session rows, then each phase (header row
        with its span) followed by its packages in plan order. Traces: one bar trace per
        phase (one point per task), milestone and decision diamonds, session markers,
        dependency lines (critical ones visible, all via the "Abhängigkeiten" buttons).
    """
    language = schedule.language
    bodies = used_bodies(schedule)
    layout = build_layout(schedule, bodies)
    x_min, x_max = _x_range(schedule)
    fig = go.Figure()
    add_float(fig, schedule, layout)
    add_bars(fig, schedule, layout)
    add_critical_path(fig, schedule, layout)
    add_milestones(fig, schedule, layout)
    add_sessions(fig, schedule, layout, bodies, x_min, x_max)
    all_index, crit_index = len(fig.data), len(fig.data) + 1
    for trace in link_traces(schedule, layout, language, x_max - x_min):
        fig.add_trace(trace)
    # Shapes and annotations go in at once: plotly re-validates the whole list on each
    # add_shape/add_annotation, which made drawing them quadratic (0.4 s for 40 shapes).
    shapes, notes = lanes(layout), []
    calendar_windows(schedule, layout, x_min, x_max, shapes, notes)
    status_line(schedule, shapes, notes)
    fig.update_layout(shapes=shapes, annotations=notes)
    frame_figure(fig, schedule, layout, x_min, x_max, (crit_index, all_index))
    return fig


def write_gantt_html(schedule: Schedule, path, inputs=()) -> None:
    """Write the Gantt as one offline HTML file (atomically: temp file + rename).

    Parameters
    ----------
    schedule : Schedule
        The computed schedule.
    path : str or os.PathLike
        Where to write the ``.html`` file; an existing file is replaced only once the
        new one is complete.
    inputs : iterable of paths
        Files never to write over (the plan).

    Raises
    ------
    roadmap.output.OutputError
        The file cannot be written (the message says why and what to do).
    """
    write_page(schedule, gantt_figure(schedule), path, inputs)


def _x_range(schedule: Schedule) -> tuple[dt.datetime, dt.datetime]:
    """The time axis: a week before the first start to some weeks after the last finish."""
    first = min([schedule.start] + [p.start for p in schedule.packages])
    last = max([schedule.finish] + [p.finish for p in schedule.packages])
    span = max((last - first).days, 30)
    # Room on the right for the last decision's label ("Rat 15.12.2027").
    return midnight(first) - 7 * DAY, midnight(last) + max(21, span // 9) * DAY
