"""Recurring packages (``repeat``) in the Gantt: one row, a mark per occurrence.

A recurring task shows a short bar per occurrence in its phase's colour; a recurring
milestone a dot per occurrence. The hover names the package, "Termin k von N" and the date.
The traces carry the roles of ordinary bars and milestones (the page measures and scales
them alike) with ``recurring: True``.
"""
from __future__ import annotations

from roadmap.engine.result import Schedule
from roadmap.gantt import plain as go  # plotly-shaped dicts, no validators (gantt/plain.py)
from roadmap.gantt.rows import Layout, day_end, instant, midnight, plot_text
from roadmap.text import format_date, t


def add_occurrences(fig, schedule: Schedule, layout: Layout) -> None:
    language = schedule.language
    recurring = [p for p in schedule.packages if p.occurrences and p.id in layout.package_row]
    for p in recurring:
        n = len(p.occurrences)
        hover = [f"<b>{plot_text(p.name)}</b><br>{t('repeat.occurrence', language, k=k + 1, n=n)}: "
                 f"{format_date(first, language)}" + (f" – {format_date(last, language)}" if last != first else "")
                 for k, (first, last) in enumerate(p.occurrences)]
        color = schedule.phase_color(p.phase)
        row = layout.package_row[p.id]
        if p.is_milestone or p.kind != "task":
            fig.add_trace(go.Scatter(
                name=plot_text(p.name), showlegend=False, mode="markers",
                x=[instant(first).isoformat() for first, _ in p.occurrences], y=[row] * n,
                customdata=[p.id] * n, marker=dict(symbol="circle", size=10, color=color,
                                                   line=dict(color="#333333", width=1.5)),
                hovertext=hover, hoverinfo="text", cliponaxis=False,
                meta=dict(role="milestone", scale=True, recurring=True)))
        else:
            fig.add_trace(go.Bar(
                name=plot_text(p.name), showlegend=False, orientation="h",
                base=[midnight(first).isoformat() for first, _ in p.occurrences],
                x=[(day_end(last) - midnight(first)).total_seconds() * 1000 for first, last in p.occurrences],
                y=[row] * n, customdata=[p.id] * n, width=0.62,
                marker=dict(color=color, line=dict(color="#FFFFFF", width=0.5)),
                hovertext=hover, hoverinfo="text", meta=dict(role="bars", recurring=True)))
