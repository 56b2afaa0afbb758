"""The Gantt chart for the council: a plotly figure and one self-contained HTML file.

:func:`gantt_figure` builds the figure from a :class:`~roadmap.engine.result.Schedule`;
:func:`write_gantt_html` writes it, with plotly.js and its German locale inlined, a
print stylesheet and a table of milestones and decisions (see :mod:`roadmap.gantt.page`).

The pieces, from the bottom: :mod:`.rows` (rows, colours and texts, before any plotly),
:mod:`.traces` (bars, float, diamonds, sessions), :mod:`.links` (dependency arrows),
:mod:`.shapes` (swimlanes, holidays, status line), :mod:`.tracking` (progress, baseline,
deadlines), :mod:`.load` (the roles' load strip under the plan), :mod:`.chains` (driving paths) and :mod:`.frame` (sizes, axes); the page
(:mod:`.page`, :mod:`.header`) adds title, legend, buttons and the row labels in HTML.

Date convention: the schedule's finish dates are *inclusive* working dates, while a
plotly date bar ends at an instant, so a bar runs from ``start 00:00`` to
``finish + 1 day 00:00``. Milestones, decisions and sessions sit at noon of their day,
so that a diamond on a session date sits on that session's marker line.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from roadmap.engine.result import Schedule
from roadmap.gantt.frame import frame_figure, x_range
from roadmap.gantt import plain
from roadmap.gantt.links import link_traces
from roadmap.gantt.load import add_load, load_lane
from roadmap.gantt.page import write_page
from roadmap.gantt.rows import build_layout
from roadmap.gantt.shapes import calendar_windows, lanes, status_line
from roadmap.gantt.tracking import add_baseline, add_deadlines, add_progress
from roadmap.gantt.recurring import add_occurrences
from roadmap.gantt.traces import (add_bars, add_critical_path, add_float, add_milestones, add_near_critical,
                                  add_sessions, used_bodies)

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = ["figure_data", "gantt_figure", "write_gantt_html"]


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
        with its span) followed by its packages in plan order; the y axis counts rows.
        Traces (each with ``meta.role``, which the page reads): bars per phase, float,
        progress and baseline, near-critical hatching, critical outlines, milestone and
        decision diamonds, deadlines, session markers, dependency lines (critical and
        all) and an empty trace for the driving path the page highlights. Title and
        legend are the page's (HTML), so the figure has neither.
    """
    import plotly.graph_objects as go  # for callers of the library; the page needs none of it

    return go.Figure(figure_data(schedule).to_dict())


def figure_data(schedule: Schedule) -> plain.Figure:
    """The figure of :func:`gantt_figure` as plain dicts (what the page writes)."""
    language = schedule.language
    bodies = used_bodies(schedule)
    layout = build_layout(schedule, bodies)
    x_min, x_max = x_range(schedule)
    fig = plain.Figure()
    add_float(fig, schedule, layout)
    add_baseline(fig, schedule, layout)
    add_bars(fig, schedule, layout)
    add_occurrences(fig, schedule, layout)
    add_progress(fig, schedule, layout)
    add_near_critical(fig, schedule, layout)
    add_critical_path(fig, schedule, layout)
    add_milestones(fig, schedule, layout)
    add_deadlines(fig, schedule, layout)
    add_load(fig, schedule, layout)
    add_sessions(fig, schedule, layout, bodies, x_min, x_max)
    for trace in link_traces(schedule, layout, language, x_max - x_min):
        fig.add_trace(trace)
    fig.add_trace(plain.Scatter(  # the driving path the page shows on a click (empty here)
        name="chain", mode="lines", x=[], y=[], hoverinfo="skip", showlegend=False,
        line=dict(color="#111111", width=5), opacity=0.55, meta=dict(role="chain", segments=True)))
    # Shapes and annotations go in at once: plotly re-validates the whole list on each
    # add_shape/add_annotation, which made drawing them quadratic (0.4 s for 40 shapes).
    shapes, notes = lanes(layout) + load_lane(layout), []
    calendar_windows(schedule, layout, x_min, x_max, shapes, notes)
    status_line(schedule, shapes, notes, x_min, x_max)
    fig.update_layout(shapes=shapes, annotations=notes)
    frame_figure(fig, schedule, layout, x_min, x_max)
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
    write_page(schedule, figure_data(schedule), path, inputs)
