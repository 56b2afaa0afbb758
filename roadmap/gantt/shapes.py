"""What the Gantt draws behind and over its traces: swimlanes, holidays, the status line.

Each function appends plain dicts to the ``shapes`` and ``notes`` (annotation) lists
that :func:`roadmap.gantt.figure.gantt_figure` hands to plotly in one go.
"""
from __future__ import annotations

from roadmap.engine.result import Schedule
from roadmap.gantt.rows import CRITICAL, Layout, bar_span, day_end, instant, midnight, plot_text
from roadmap.text import format_date, t, word

HOLIDAY_FILL = "rgba(240, 200, 60, 0.16)"
CLOSURE_FILL = "rgba(120, 120, 120, 0.18)"


def lanes(layout: Layout) -> list[dict]:
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
                           y0=header - 0.16, y1=header + 0.16, fillcolor=color, name=f"phase:{phase_id}",
                           line=dict(color="#333333", width=1), layer="above"))
    bodies = [r.y for r in layout.rows if r.kind in ("sessions", "body")]
    if bodies:
        shapes.append(dict(type="rect", xref="paper", x0=0, x1=1, y0=min(bodies) - 0.5,
                           y1=max(bodies) + 0.5, fillcolor="#EEEEEE", opacity=0.6,
                           line_width=0, layer="below"))
    return shapes


def calendar_windows(schedule: Schedule, layout: Layout, x_min, x_max, shapes: list, notes: list) -> None:
    """School holidays and closures as shaded columns (one legend entry each).

    Their names go into the empty "Gremiensitzungen" header row, else under the plot.
    """
    language = schedule.language
    header = [r.y for r in layout.rows if r.kind == "sessions"]
    where = (dict(y=header[0], yref="y", yanchor="middle") if header
             else dict(y=0, yref="paper", yanchor="bottom"))
    for windows, fill, label in ((schedule.school_holidays, HOLIDAY_FILL, word("school_holidays", language)),
                                 (schedule.closures, CLOSURE_FILL, word("closures", language))):
        for window in windows:
            start, end = midnight(window.start), day_end(window.end)
            if end < x_min or start > x_max:
                continue
            shapes.append(dict(type="rect", xref="x", yref="paper", x0=start.isoformat(),
                               x1=end.isoformat(), y0=0, y1=1, fillcolor=fill, line_width=0,
                               layer="below", name=label))
            if (window.end - window.start).days >= 9 and window.name:
                # name "window": the page hides a name that would run into its neighbour
                # or out of the plot (roadmap/assets/gantt-page.js, declutter).
                notes.append(dict(x=(start + (end - start) / 2).isoformat(), xref="x", **where,
                                  showarrow=False, name="window",
                                  text=plot_text(window.name), font=dict(size=10, color="#6B5B10")))


def status_line(schedule: Schedule, shapes: list, notes: list, x_min, x_max) -> None:
    """The status ("today") line; shape and label apart (plotly #3065 on date axes).
    None when the status date lies outside the time axis (the page says how far off)."""
    if not x_min <= instant(schedule.status_date) <= x_max:
        return
    at = instant(schedule.status_date).isoformat()
    language = schedule.language
    shapes.append(dict(type="line", x0=at, x1=at, yref="paper", y0=0, y1=1,
                       line=dict(color=CRITICAL, width=2, dash="dash"), layer="above"))
    notes.append(dict(x=at, y=0, yref="paper", yanchor="top", showarrow=False,
                      text=f"<b>{t('gantt.status', language)} {format_date(schedule.status_date, language)}</b>",
                      font=dict(color=CRITICAL, size=12), bgcolor="rgba(255,255,255,0.85)", name="status"))
