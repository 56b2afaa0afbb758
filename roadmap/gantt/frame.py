"""The frame around the Gantt's traces: pixel sizes, title, legend, margins, axes, buttons.

The pixel sizes are shared with the page (:mod:`roadmap.gantt.page`), which lays its
HTML row labels beside the plot and resizes the plot for print; so they live here,
below both the figure and the page.
"""
from __future__ import annotations

import datetime as dt
import html
import re

import plotly.graph_objects as go

from roadmap.engine.result import Schedule
from roadmap.gantt.rows import Layout, plot_text
from roadmap.text import format_date, t, word

ROW_PX = 24  # height of one row; 24 px keeps 11 px labels apart at any plan size
TOP_PX, BOTTOM_PX = 160, 60
# From the top: title with the link buttons on its right (the modebar is vertical, at
# the right edge, so it doesn't cover them), subtitle, legend from 64 px, months.
LEGEND_TOP_PX, BUTTONS_TOP_PX = 64, 8


def title(schedule: Schedule) -> tuple[str, str]:
    """``Smart-City-Fahrplan Musterstadt`` and ``Stand: 01.03.2027 · Beginn … · Ende …``."""
    language = schedule.language
    project = schedule.project
    town = project.municipality
    head = plot_text(project.name)
    if town and town not in project.name:
        head += f" – {plot_text(town)}"
    tasks = sum(1 for p in schedule.packages if not p.is_milestone)
    sub = (f"<b>{t('gantt.status', language)}: {format_date(schedule.status_date, language)}</b>"
           f" · {word('start', language)} {format_date(schedule.start, language)}"
           f" · {word('finish', language)} {format_date(schedule.finish, language)}"
           f" · {tasks} {t('gantt.packages', language)}")
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
    names = [trace.name for trace in fig.data if trace.showlegend is not False and trace.name and
             (trace.x is None or len(trace.x))]
    names += [s.name for s in fig.layout.shapes if s.showlegend]
    lines, used = 1, 0
    for name in names:
        item = 45 + 7 * len(name)  # swatch plus text at 12 px Arial, generously
        if used and used + item > width_px:
            lines, used = lines + 1, 0
        used += item
    return lines


def frame_figure(fig: go.Figure, schedule: Schedule, layout: Layout, x_min: dt.datetime, x_max: dt.datetime,
                 link_indices: tuple[int, int]) -> None:
    """Size, title, legend, link buttons and both axes; ``link_indices`` are the trace
    numbers of the (critical, all) dependency traces the buttons switch."""
    language = schedule.language
    months = max(1, (x_max - x_min).days // 30)
    crit, every = link_indices
    rows = len(layout.rows)
    top = top_margin(fig)
    height = top + BOTTOM_PX + ROW_PX * rows
    heading, subtitle = title(schedule)
    fig.update_layout(
        title=dict(text=heading, subtitle=dict(text=subtitle, font=dict(size=14, color="#444444")),
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
                dict(label=f"{t('gantt.links', language)}: {t('gantt.links_critical', language)}",
                     method="restyle", args=[{"visible": [True, False]}, [crit, every]]),
                dict(label=t("gantt.links_all", language),
                     method="restyle", args=[{"visible": [True, True]}, [crit, every]]),
                dict(label=t("gantt.links_none", language),
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
