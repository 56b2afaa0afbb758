"""The frame around the Gantt's traces: pixel sizes, margins, axes, fonts.

The title, legend and buttons are HTML above the chart (:mod:`roadmap.gantt.header`):
inside plotly a legend that wraps onto another line pushes the plot down, and every
label beside it would slip off its row. The figure keeps only what plotly places
itself: the plot area, the month axis on top and the status note under it.

The pixel sizes are shared with the page (:mod:`roadmap.gantt.page`), whose script
(roadmap/assets/gantt-page.js) sizes rows, fonts and margins for the window, the
presentation mode and print; so they live here, below both the figure and the page.
"""
from __future__ import annotations

import datetime as dt

from roadmap.gantt import plain as go  # plotly-shaped dicts, no validators (gantt/plain.py)

from roadmap.engine.result import Schedule
from roadmap.gantt.rows import DAY, Layout, midnight

ROW_PX = 24  # height of one row (one unit of the y axis) on screen
TOP_PX, BOTTOM_PX = 48, 34  # month labels above the plot; the status note below it
#: A status date up to this long before the first start still gets its line on the axis.
STATUS_LEAD = dt.timedelta(weeks=8)
FONT = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif"

#: What the page's script uses per mode: row unit, font sizes (labels, ticks, texts in the
#: chart, holiday names), margins, and the label column's width as a share of the window
#: between a minimum and a maximum (px). Presentation: every text at least 16 px.
SIZES = {
    "normal": dict(unit=ROW_PX, font=12, tick=12, text=11, note=10, top=TOP_PX, bottom=BOTTOM_PX,
                   col_min=230, col_share=0.28, col_max=420, pad=6),
    "present": dict(unit=34, font=16, tick=16, text=16, note=16, top=60, bottom=44,
                    col_min=280, col_share=0.36, col_max=620, pad=8),
    "print": dict(unit=20, font=11, tick=11, text=10, note=9, top=44, bottom=30,
                  col_min=260, col_share=0.36, col_max=560, pad=2,
                  # a portrait sheet (a tall chart, gantt/page.py) is narrow: a wider label
                  # column keeps the names on one line, so the rows stay low enough to fit
                  col_share_portrait=0.46),
}

#: Printed: (label font px, row unit px[, line height]) from the most legible down to 8 pt
#: with lines set closer; the page takes the first with which the chart fits on its first
#: sheet (the load strip of a plan with ``needs`` adds rows under the chart).
PRINT_FIT = ((11, 20), (11, 16), (10.7, 14.5), (10.7, 13, 1.1))


def label_margin(layout: Layout) -> int:
    """Left margin for the figure's own tick labels (used without the page): about 6.6 px
    per character of 12 px Arial, at most 420 px."""
    longest = max((len(r.label) for r in layout.rows), default=10)
    return min(420, 16 + int(6.6 * longest))


def month_step(months: float, plot_px: float, font_px: float = 12) -> int:
    """Months per tick label so that labels ("Sep", "Dez") keep apart: the same rule as
    the page's script, which applies it to the window's width."""
    per_month = plot_px / max(months, 1)
    for step in (1, 2, 3, 6, 12):
        if step * per_month >= 2.8 * font_px:
            return step
    return 12


def frame_figure(fig: go.Figure, schedule: Schedule, layout: Layout, x_min: dt.datetime,
                 x_max: dt.datetime) -> None:
    """Size, margins, fonts and both axes (y: one unit per row, row 0 on top)."""
    language = schedule.language
    months = max(1.0, (x_max - x_min).days / 30.44)
    rows = len(layout.rows)
    margin_l = label_margin(layout)
    step = month_step(months, 1600 - margin_l - 20)
    fig.update_layout(
        template="none",  # every style is set here; plotly's default template only adds bytes
        height=TOP_PX + BOTTOM_PX + ROW_PX * rows,
        margin=dict(l=margin_l, r=20, t=TOP_PX, b=BOTTOM_PX, pad=0),
        font=dict(family=FONT, size=12, color="#222222"),
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        barmode="overlay",
        hovermode="closest",
        hoverlabel=dict(align="left", bgcolor="#FFFFFF", font=dict(size=13, family=FONT),
                        bordercolor="#555555"),
        showlegend=False,
        separators=",." if language == "de" else ".,",
        modebar=dict(orientation="v"),
    )
    fig.update_xaxes(
        type="date", range=[x_min.isoformat(), x_max.isoformat()], side="top",
        dtick=f"M{step}", tickformat="%b\n%Y" if step < 12 else "%Y", ticklabelmode="period",
        showgrid=True, gridcolor="#D0D0D0", gridwidth=1, ticks="outside", ticklen=4,
        tickfont=dict(size=12), showline=True, linecolor="#888888", linewidth=1, mirror=True,
        zeroline=False, automargin=False,
        minor=dict(dtick=7 * 86400000, showgrid=months <= 18, gridcolor="#F0F0F0",
                   tick0="2000-01-03"),  # weekly grid on Mondays
    )
    fig.update_yaxes(
        range=[rows - 0.5, -0.5], fixedrange=True, showgrid=False, zeroline=False,
        tickmode="array", tickvals=[r.y for r in layout.rows],
        ticktext=[f"<b>{r.label}</b>" if r.kind in ("phase", "sessions") else r.label
                  for r in layout.rows],
        tickfont=dict(size=12), showline=True, linecolor="#888888", linewidth=1, ticks="",
        # No automargin: with hundreds of rows plotly measures every label twice (about
        # half the load time of a 500-package page); the margin is estimated instead.
        automargin=False,
    )


def x_range(schedule: Schedule) -> tuple[dt.datetime, dt.datetime]:
    """The time axis: a week before the first start (or the status date, when it lies
    up to eight weeks before) to some weeks after the last finish."""
    first = min([schedule.start] + [p.start for p in schedule.packages])
    last = max([schedule.finish] + [p.finish for p in schedule.packages])
    if first - STATUS_LEAD <= schedule.status_date < first:
        first = schedule.status_date
    span = max((last - first).days, 30)
    # Room on the right for the last decision's label ("Rat 15.12.2027", about 95 px at the
    # printed 8 pt): a ninth of the span clipped it on an A3 portrait sheet, a sixth does not.
    return midnight(first) - 7 * DAY, midnight(last) + max(21, span // 6) * DAY
