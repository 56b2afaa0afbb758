"""The load strip under the Gantt: one row per role, a heat map of its load per week.

Only for plans with ``needs`` (``schedule.load``). Each week is a bar from Monday to
Monday on the role's row (:func:`roadmap.gantt.rows.build_layout` adds the rows), coloured
by the load on the week's fullest day against the role's capacity
(:data:`roadmap.engine.capacity.LOAD_CLASSES`, the workbook's Auslastung sheet uses the
same), so a reader sees where a role is full and why the plan takes as long as it does.
The rows are ordinary chart rows: the page's script places their labels like any other.
"""
from __future__ import annotations

import datetime as dt

from roadmap.gantt import plain as go  # plotly-shaped dicts, no validators (gantt/plain.py)

from roadmap.engine.capacity import LOAD_CLASSES, load_class
from roadmap.engine.result import Schedule
from roadmap.gantt.rows import Layout, midnight, plot_text
from roadmap.text import format_date, iso_week, t

WEEK = dt.timedelta(days=7)


def _number(x: float, language: str) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "de" else text


def _percent(ratio: float, language: str) -> str:
    if ratio == float("inf"):
        return "∞"
    return f"{ratio * 100:.0f} %" if language == "de" else f"{ratio * 100:.0f}%"


def add_load(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """One bar trace for the whole strip: a bar per role and week with load."""
    load = schedule.load
    if load is None or not layout.load_row:
        return
    language = schedule.language
    base, length, ys, colors, hover, keys = [], [], [], [], [], []
    for week in load.weeks():
        if week.ratio is None:
            continue
        start = midnight(week.monday)
        for r, y in layout.load_row.items():
            ratio = float(week.ratio[r])
            if ratio <= 0:
                continue
            role = schedule.roles[load.roles[r]]
            text = t("gantt.load_hover", language, name=plot_text(role.name.get(language)), week=iso_week(week.monday),
                     monday=format_date(week.monday, language), use=_number(float(week.use[r]), language),
                     capacity=_number(float(week.capacity[r]), language), percent=_percent(ratio, language))
            if ratio > 1 + 1e-9:
                text += f" · <b>{t('gantt.load_over', language)}</b>"
            base.append(start.isoformat())
            length.append(WEEK.total_seconds() * 1000)
            ys.append(y)
            colors.append("#" + LOAD_CLASSES[load_class(ratio)][1])
            hover.append(text)
            keys.append(f"load:{role.id}")
    if not ys:
        return
    fig.add_trace(go.Bar(
        name=t("gantt.load_lane", language), orientation="h", base=base, x=length, y=ys, width=0.7,
        marker=dict(color=colors, line=dict(color="#FFFFFF", width=0.5)), customdata=keys,
        hovertext=hover, hoverinfo="text", meta=dict(role="load")))


def load_lane(layout: Layout) -> list[dict]:
    """A light band behind the strip and a line above it, apart from the phases."""
    if not layout.load_row:
        return []
    header = min(layout.load_row.values())
    last = max(layout.load_row.values())
    return [dict(type="rect", xref="paper", x0=0, x1=1, y0=header - 0.5, y1=last + 0.5,
                 fillcolor="#F4F4F4", opacity=0.8, line_width=0, layer="below"),
            dict(type="line", xref="paper", x0=0, x1=1, y0=header - 0.5, y1=header - 0.5,
                 line=dict(color="#555555", width=1.5), layer="below")]
