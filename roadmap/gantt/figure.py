"""The Gantt chart for the council: a plotly figure and one self-contained HTML file.

:func:`gantt_figure` builds the figure from a :class:`~roadmap.schedule.Schedule`;
:func:`write_gantt_html` writes it, with plotly.js and its German locale inlined, a
print stylesheet and a table of milestones and decisions (see :mod:`roadmap.gantt.page`).

Date convention: the schedule's finish dates are *inclusive* working dates, while a
plotly date bar ends at an instant, so a bar runs from ``start 00:00`` to
``finish + 1 day 00:00``. Milestones, decisions and sessions sit at noon of their day,
so that a diamond on a session date sits on that session's marker line.
"""
from __future__ import annotations

import datetime as dt
import html
import re

import plotly.graph_objects as go

from roadmap.gantt.links import link_traces
from roadmap.gantt.rows import (
    CRITICAL, DAY, Layout, bar_span, build_layout, day_end, day_text, gword, hover_text,
    instant, midnight, plot_text,
)
from roadmap.text import format_date, word
from roadmap.engine.result import Schedule, ScheduledPackage

__all__ = ["gantt_figure", "write_gantt_html"]

ROW_PX = 24  # height of one row; 24 px keeps 11 px labels apart at any plan size
TOP_PX, BOTTOM_PX = 160, 60
# From the top: title with the link buttons on its right (the modebar is vertical, at
# the right edge, so it doesn't cover them), subtitle, legend from 64 px, months.
LEGEND_TOP_PX, BUTTONS_TOP_PX = 64, 8
SESSION_LINE = "rgba(90, 90, 90, 0.35)"
HOLIDAY_FILL = "rgba(240, 200, 60, 0.16)"
CLOSURE_FILL = "rgba(120, 120, 120, 0.18)"
FLOAT_COLOR = "rgba(150, 150, 150, 0.35)"


def used_bodies(schedule: Schedule) -> list[str]:
    """Bodies that take part in a decision, in Beratungsfolge order; else all bodies."""
    order: list[str] = []
    for package in schedule.packages:
        for body_id in [*package.via, package.body] + [c.body for c in package.sessions]:
            if body_id and body_id in schedule.bodies and body_id not in order:
                order.append(body_id)
    if not order:
        order = [b for b in schedule.bodies if schedule.bodies[b].sessions]
    return order


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
    _add_float(fig, schedule, layout)
    _add_bars(fig, schedule, layout)
    _add_critical_path(fig, schedule, layout)
    _add_milestones(fig, schedule, layout)
    _add_sessions(fig, schedule, layout, bodies, x_min, x_max)
    all_index, crit_index = len(fig.data), len(fig.data) + 1
    for trace in link_traces(schedule, layout, language, x_max - x_min):
        fig.add_trace(trace)
    # Shapes and annotations go in at once: plotly re-validates the whole list on each
    # add_shape/add_annotation, which made drawing them quadratic (0.4 s for 40 shapes).
    shapes, notes = _lanes(schedule, layout), []
    _calendar(schedule, layout, x_min, x_max, shapes, notes)
    _status_line(schedule, shapes, notes)
    fig.update_layout(shapes=shapes, annotations=notes)
    _style(fig, schedule, layout, x_min, x_max, (crit_index, all_index))
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
    from roadmap.gantt.page import write_page

    write_page(schedule, gantt_figure(schedule), path, inputs)


# ---- pieces of the figure ---------------------------------------------------------------


def _x_range(schedule: Schedule) -> tuple[dt.datetime, dt.datetime]:
    first = min([schedule.start] + [p.start for p in schedule.packages])
    last = max([schedule.finish] + [p.finish for p in schedule.packages])
    span = max((last - first).days, 30)
    # Room on the right for the last decision's label ("Rat 15.12.2027").
    return midnight(first) - 7 * DAY, midnight(last) + max(21, span // 9) * DAY


def _add_bars(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """One bar trace per phase, so the legend names the phases by colour."""
    for phase_id, color in layout.phase_color.items():
        tasks = [p for p in layout.phase_members[phase_id] if not p.is_milestone]
        if tasks:
            fig.add_trace(_bar_trace(tasks, layout, name=layout.phase_label[phase_id],
                                     legendgroup=f"phase-{phase_id}",
                                     marker=dict(color=color, line=dict(color="#FFFFFF", width=0.5)),
                                     hovertext=[hover_text(schedule, p) for p in tasks],
                                     hoverinfo="text"))


def _add_float(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """Total float as a thin grey line after each bar (or diamond) up to its latest
    finish: where there is room, and how much, before the end or a decision slips."""
    language = schedule.language
    slack = [p for p in schedule.packages if p.total_float > 0 and p.late_finish > p.finish]
    if not slack:
        return
    starts = [instant(p.finish) if p.is_milestone else bar_span(p)[1] for p in slack]
    ends = [instant(p.late_finish) if p.is_milestone else day_end(p.late_finish) for p in slack]
    fig.add_trace(go.Bar(
        name=gword("float_bar", language), orientation="h",
        base=[start.isoformat() for start in starts],
        x=[(end - start).total_seconds() * 1000 for start, end in zip(starts, ends)],
        y=[layout.package_row[p.id] for p in slack], width=0.22,
        marker=dict(color=FLOAT_COLOR, line=dict(width=0)),
        hovertext=[f"<b>{plot_text(p.name)}</b><br>{word('total_float', language)}: {p.total_float} "
                   f"{word('days', language)} · {gword('latest_finish', language)} "
                   f"{day_text(p.late_finish, language)}" for p in slack],
        hoverinfo="text", legendgroup="float", legendrank=1001))  # listed after the phases


def _bar_trace(tasks, layout: Layout, **style) -> go.Bar:
    spans = [bar_span(p) for p in tasks]
    return go.Bar(
        orientation="h",
        base=[start.isoformat() for start, _ in spans],
        # Bar length in milliseconds: plotly's own timeline does the same on date axes.
        x=[(end - start).total_seconds() * 1000 for start, end in spans],
        y=[layout.package_row[p.id] for p in tasks],
        customdata=[p.id for p in tasks],
        width=0.62,
        **style,
    )


def _add_critical_path(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """Red outlines over the critical bars and diamonds: a legend entry of their own
    (a per-point outline on the phase traces would colour the phases' legend swatches)."""
    name = gword("critical_bar", schedule.language)
    tasks = [p for p in schedule.packages if p.critical and not p.is_milestone]
    fig.add_trace(_bar_trace(tasks, layout, name=name, legendgroup="critical",
                             marker=dict(color="rgba(0,0,0,0)", line=dict(color=CRITICAL, width=3)),
                             hoverinfo="skip"))
    points = [p for p in schedule.packages if p.critical and p.is_milestone]
    if points:
        fig.add_trace(go.Scatter(
            name=name, legendgroup="critical", showlegend=False, mode="markers",
            x=[instant(p.start).isoformat() for p in points],
            y=[layout.package_row[p.id] for p in points],
            marker=dict(symbol="diamond-open", size=22, color=CRITICAL, line=dict(width=2.5)),
            hoverinfo="skip", cliponaxis=False))


def _add_milestones(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """Diamonds: filled dark for milestones, white for decisions (labelled body + date)."""
    language = schedule.language
    for kind, fill, size in (("milestone", "#333333", 13), ("decision", "#FFFFFF", 15)):
        points = [p for p in schedule.packages if p.is_milestone and
                  (p.kind == "decision") == (kind == "decision")]
        if not points:
            continue
        fig.add_trace(go.Scatter(
            name=word(kind, language),
            mode="markers+text",
            x=[instant(p.start).isoformat() for p in points],
            y=[layout.package_row[p.id] for p in points],
            customdata=[p.id for p in points],
            marker=dict(symbol="diamond", size=size, color=fill, line=dict(color="#333333", width=2)),
            text=[_diamond_label(schedule, p) for p in points],
            textposition="middle right",
            textfont=dict(size=11, color="#222222"),
            hovertext=[hover_text(schedule, p) for p in points],
            hoverinfo="text",
            cliponaxis=False,
        ))


def _diamond_label(schedule: Schedule, package: ScheduledPackage) -> str:
    """``Rat 16.03.2027`` for a decision, the date alone for a milestone."""
    date = format_date(package.start, schedule.language)
    if package.kind == "decision" and package.body:
        body = schedule.bodies.get(package.body)
        name = body.label(schedule.language) if body else package.body
        return f" {plot_text(name)} {date}"
    return f" {date}"


def _add_sessions(fig, schedule, layout, bodies, x_min, x_max) -> None:
    """Each body's sessions on its own row, plus faint lines down through the plan."""
    language = schedule.language
    xs, ys, hovers, line_x, line_y = [], [], [], [], []
    bottom = len(layout.rows) - 0.5
    # Lines through the whole chart only for the bodies that decide (the Rat, usually):
    # a line for every committee session would hide the plan behind a fence.
    deciding = {p.body for p in schedule.packages if p.kind == "decision"} or set(bodies)
    for row in (r for r in layout.rows if r.kind == "body"):
        body = schedule.bodies[row.key]
        for day in body.sessions:
            at = instant(day)
            if not x_min <= at <= x_max:
                continue
            xs.append(at.isoformat())
            ys.append(row.y)
            hovers.append(f"{plot_text(body.name.get(language))}<br>"
                          f"{gword('session', language)}: {day_text(day, language)}")
            if row.key in deciding:
                line_x += [at.isoformat(), at.isoformat(), None]
                line_y += [row.y + 0.3, bottom, None]
    if not xs:
        return
    fig.add_trace(go.Scatter(
        name=gword("sessions_lane", language), mode="lines", x=line_x, y=line_y,
        line=dict(color=SESSION_LINE, width=1, dash="dot"), hoverinfo="skip",
        showlegend=False, legendgroup="sessions"))
    fig.add_trace(go.Scatter(
        name=gword("sessions_lane", language), mode="markers", x=xs, y=ys,
        marker=dict(symbol="line-ns", size=16, line=dict(width=3, color="#555555")),
        hovertext=hovers, hoverinfo="text", legendgroup="sessions"))


def _lanes(schedule: Schedule, layout: Layout) -> list[dict]:
    """Swimlanes: a tinted band per phase, the header row carrying the phase's span."""
    shapes = []
    for phase_id, (header, last) in layout.phase_rows.items():
        color = layout.phase_color[phase_id]
        shapes.append(dict(type="rect", xref="paper", x0=0, x1=1, y0=header - 0.5, y1=last + 0.5,
                           fillcolor=color, opacity=0.07, line_width=0, layer="below"))
        shapes.append(dict(type="line", xref="paper", x0=0, x1=1, y0=header - 0.5, y1=header - 0.5,
                           line=dict(color="#888888", width=1), layer="below"))
        members = layout.phase_members[phase_id]
        start = min(bar_span(p)[0] for p in members)
        end = max(bar_span(p)[1] for p in members)
        shapes.append(dict(type="rect", x0=start.isoformat(), x1=end.isoformat(),
                           y0=header - 0.16, y1=header + 0.16, fillcolor=color,
                           line=dict(color="#333333", width=1), layer="above"))
    bodies = [r.y for r in layout.rows if r.kind in ("sessions", "body")]
    if bodies:
        shapes.append(dict(type="rect", xref="paper", x0=0, x1=1, y0=min(bodies) - 0.5,
                           y1=max(bodies) + 0.5, fillcolor="#EEEEEE", opacity=0.6,
                           line_width=0, layer="below"))
    return shapes


def _calendar(schedule: Schedule, layout: Layout, x_min, x_max, shapes: list, notes: list) -> None:
    """School holidays and closures as shaded columns (one legend entry each).

    Their names go into the empty "Gremiensitzungen" header row, else under the plot.
    """
    language = schedule.language
    header = [r.y for r in layout.rows if r.kind == "sessions"]
    where = (dict(y=header[0], yref="y", yanchor="middle") if header
             else dict(y=0, yref="paper", yanchor="bottom"))
    for windows, fill, label in ((schedule.school_holidays, HOLIDAY_FILL, word("school_holidays", language)),
                                 (schedule.closures, CLOSURE_FILL, word("closures", language))):
        first = True
        for window in windows:
            start, end = midnight(window.start), day_end(window.end)
            if end < x_min or start > x_max:
                continue
            shapes.append(dict(type="rect", xref="x", yref="paper", x0=start.isoformat(),
                               x1=end.isoformat(), y0=0, y1=1, fillcolor=fill, line_width=0,
                               layer="below", name=label, showlegend=first, legendgroup=label))
            first = False
            if (window.end - window.start).days >= 9 and window.name:
                notes.append(dict(x=(start + (end - start) / 2).isoformat(), xref="x", **where,
                                  showarrow=False,
                                  text=plot_text(window.name), font=dict(size=10, color="#7A6A20")))


def _status_line(schedule: Schedule, shapes: list, notes: list) -> None:
    """The status ("today") line; shape and label apart (plotly #3065 on date axes)."""
    at = instant(schedule.status_date).isoformat()
    language = schedule.language
    shapes.append(dict(type="line", x0=at, x1=at, yref="paper", y0=0, y1=1,
                       line=dict(color=CRITICAL, width=2, dash="dash"), layer="above"))
    notes.append(dict(x=at, y=0, yref="paper", yanchor="top", showarrow=False,
                      text=f"<b>{gword('status', language)} {format_date(schedule.status_date, language)}</b>",
                      font=dict(color=CRITICAL, size=12), bgcolor="rgba(255,255,255,0.85)"))


def _title(schedule: Schedule) -> tuple[str, str]:
    """``Smart-City-Fahrplan Musterstadt`` and ``Stand: 01.03.2027 · Beginn … · Ende …``."""
    language = schedule.language
    project = schedule.project
    town = project.municipality
    head = plot_text(project.name)
    if town and town not in project.name:
        head += f" – {plot_text(town)}"
    tasks = sum(1 for p in schedule.packages if not p.is_milestone)
    sub = (f"<b>{gword('status', language)}: {format_date(schedule.status_date, language)}</b>"
           f" · {word('start', language)} {format_date(schedule.start, language)}"
           f" · {word('finish', language)} {format_date(schedule.finish, language)}"
           f" · {tasks} {gword('packages', language)}")
    return f"<b>{head}</b>", sub


def label_margin(layout: Layout) -> int:
    """Left margin for the row labels: about 6.6 px per character of 12 px Arial."""
    longest = max((len(html.unescape(re.sub(r"<[^>]+>", "", r.label))) for r in layout.rows), default=10)
    return 16 + int(6.6 * longest)


def top_margin(fig: go.Figure) -> int:
    """Room above the plot: title, subtitle, the legend's lines and the month labels."""
    return TOP_PX + 22 * (legend_lines(fig) - 1)


def legend_lines(fig: go.Figure, width_px: int = 1300) -> int:
    """How many lines the horizontal legend takes on a screen about 1300 px wide."""
    names = [t.name for t in fig.data if t.showlegend is not False and t.name and
             (t.x is None or len(t.x))]
    names += [s.name for s in fig.layout.shapes if s.showlegend]
    lines, used = 1, 0
    for name in names:
        item = 45 + 7 * len(name)  # swatch plus text at 12 px Arial, generously
        if used and used + item > width_px:
            lines, used = lines + 1, 0
        used += item
    return lines


def _style(fig, schedule, layout, x_min, x_max, link_indices) -> None:
    language = schedule.language
    months = max(1, (x_max - x_min).days // 30)
    crit, every = link_indices
    rows = len(layout.rows)
    top = top_margin(fig)
    height = top + BOTTOM_PX + ROW_PX * rows
    title, subtitle = _title(schedule)
    fig.update_layout(
        title=dict(text=title, subtitle=dict(text=subtitle, font=dict(size=14, color="#444444")),
                   x=0.01, xanchor="left", y=1 - 10 / height, yanchor="top", font=dict(size=22)),
        height=height,
        margin=dict(l=10, r=20, t=top, b=BOTTOM_PX),
        font=dict(family="Arial, Helvetica, sans-serif", size=12, color="#222222"),
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        barmode="overlay",
        hovermode="closest",
        hoverlabel=dict(align="left", bgcolor="#FFFFFF", font_size=13, bordercolor="#555555"),
        legend=dict(orientation="h", x=0.01, xanchor="left", xref="container",
                    y=1 - LEGEND_TOP_PX / height, yanchor="top", yref="container", font=dict(size=12), itemclick="toggle",
                    entrywidthmode="pixels", entrywidth=0),
        separators=",." if language == "de" else ".,",
        modebar=dict(orientation="v"),
        updatemenus=[dict(
            type="buttons", direction="right", showactive=True,
            active=0 if fig.data[crit].x else 1,  # see link_traces
            # updatemenus have no container reference: place them in plot fractions.
            x=1, xanchor="right", y=1 + (top - BUTTONS_TOP_PX) / (ROW_PX * rows),
            yanchor="top", pad=dict(t=0, b=0),
            font=dict(size=11),
            buttons=[
                dict(label=f"{gword('links', language)}: {gword('links_critical', language)}",
                     method="restyle", args=[{"visible": [True, False]}, [crit, every]]),
                dict(label=gword("links_all", language),
                     method="restyle", args=[{"visible": [True, True]}, [crit, every]]),
                dict(label=gword("links_none", language),
                     method="restyle", args=[{"visible": [False, False]}, [crit, every]]),
            ],
        )],
    )
    fig.update_xaxes(
        type="date", range=[x_min.isoformat(), x_max.isoformat()], side="top",
        dtick="M1" if months <= 30 else "M3", tickformat="%b\n%Y", ticklabelmode="period",
        showgrid=True, gridcolor="#D0D0D0", ticks="outside", tickfont=dict(size=12),
        showline=True, linecolor="#888888", mirror=True,
        minor=dict(dtick=7 * 86400000, showgrid=months <= 18, gridcolor="#F0F0F0",
                   tick0="2000-01-03"),  # weekly grid on Mondays
    )
    fig.update_yaxes(
        range=[rows - 0.5, -0.5], fixedrange=True, showgrid=False, zeroline=False,
        tickmode="array", tickvals=[r.y for r in layout.rows], ticktext=[r.label for r in layout.rows],
        tickfont=dict(size=12), showline=True, linecolor="#888888",
        # No automargin: with hundreds of rows plotly measures every label twice (about
        # half the load time of a 500-package page); the margin is estimated instead.
        automargin=False,
    )
    fig.update_layout(margin_l=label_margin(layout))
