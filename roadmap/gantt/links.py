"""Dependency arrows for the Gantt, drawn as two line traces with arrowheads.

plotly has no dependency concept, and hundreds of arrow annotations make a page slow,
so every link becomes an elbow polyline (points separated by ``None``) in one of two
scatter traces: the critical links (shown by default, red) and all links (grey, hidden
until the "alle" button is pressed, or shown from the start when no link is critical). The arrowhead is a triangle marker on the last
point of each polyline; all other points get marker size 0.

An arrow leaves the predecessor at the end its link type refers to (finish for FS/FF,
start for SS/SF) and enters the successor at its start (FS/SS) or finish (FF/SF).
"""
from __future__ import annotations

import datetime as dt

from roadmap.gantt import plain as go  # plotly-shaped dicts, no validators (gantt/plain.py)

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.gantt.rows import CRITICAL, DAY, Layout, bar_span, instant
from roadmap.text import t

EDGE = 0.31  # half a bar's height in rows: vertical arrows stop at the bar's edge


def _ends(package: ScheduledPackage) -> tuple[dt.datetime, dt.datetime]:
    """Where an arrow can leave or enter: a bar's two ends, or a diamond's one point."""
    if package.is_milestone:
        return instant(package.start), instant(package.start)
    return bar_span(package)


def route(xs, ys, out_dir, xt, yt, in_dir, stub):
    """Elbow route from (xs, ys) to (xt, yt); returns points and the arrowhead symbol.

    ``out_dir`` is +1 when leaving to the right (a finish), -1 to the left (a start);
    ``in_dir`` is +1 when the arrow must travel right into the target (a start), -1 left
    (a finish). ``stub`` is the length of the horizontal stubs, a timedelta.
    """
    down = 1 if yt > ys else -1
    if in_dir == 1 and out_dir == 1 and xt >= xs - stub / 2:
        if abs(xt - xs) < stub / 2:
            # Successor starts where the predecessor ends: drop straight onto its bar.
            return [(xs, ys), (xs, yt - down * EDGE)], "triangle-down" if down == 1 else "triangle-up"
        xm = xs + min(stub, (xt - xs) / 2)
        return [(xs, ys), (xm, ys), (xm, yt), (xt, yt)], "triangle-right"
    if in_dir == 1 and out_dir == -1:
        xm = min(xs, xt) - stub
        return [(xs, ys), (xm, ys), (xm, yt), (xt, yt)], "triangle-right"
    if in_dir == -1 and out_dir == 1:
        xm = max(xs, xt) + stub
        return [(xs, ys), (xm, ys), (xm, yt), (xt, yt)], "triangle-left"
    # The rest (a negative lag, SF): leave, turn between the rows, come in from behind.
    ex, en = xs + out_dir * stub, xt - in_dir * stub
    ym = yt - down * 0.5
    points = [(xs, ys), (ex, ys), (ex, ym), (en, ym), (en, yt), (xt, yt)]
    return points, "triangle-right" if in_dir == 1 else "triangle-left"


def link_route(pred: ScheduledPackage, succ: ScheduledPackage, kind: str, layout: Layout,
               stub: dt.timedelta):
    """The elbow polyline of a link of type ``kind`` (FS, SS, FF, SF) and its arrowhead."""
    pred_start, pred_finish = _ends(pred)
    succ_start, succ_finish = _ends(succ)
    from_finish = kind in ("FS", "FF")
    into_start = kind in ("FS", "SS")
    return route(pred_finish if from_finish else pred_start, layout.package_row[pred.id],
                 1 if from_finish else -1,
                 succ_start if into_start else succ_finish, layout.package_row[succ.id],
                 1 if into_start else -1, stub)


def stub_length(span: dt.timedelta) -> dt.timedelta:
    return max(DAY, span / 150)


def link_traces(schedule: Schedule, layout: Layout, language: str, span: dt.timedelta):
    """The all-links trace (hidden) and the critical-links trace (visible, drawn on top)."""
    stub = stub_length(span)
    by_id = {p.id: p for p in schedule.packages}
    groups = {True: ([], [], [], []), False: ([], [], [], [])}
    for package in schedule.packages:
        for link in package.predecessors:
            pred = by_id.get(link.pred)
            if pred is None or pred.id not in layout.package_row:
                continue
            points, head = link_route(pred, package, link.type, layout, stub)
            # Both ends critical: the link lies on the critical path (a link between two
            # parallel critical chains may be marked too; that errs on the visible side).
            critical = pred.critical and package.critical
            for target in ((True, False) if critical else (False,)):
                xs, ys, sizes, symbols = groups[target]
                for index, (x, y) in enumerate(points):
                    xs.append(x.isoformat())
                    ys.append(y)
                    last = index == len(points) - 1
                    sizes.append(9 if last else 0)
                    symbols.append(head if last else "circle")
                xs.append(None)
                ys.append(None)
                sizes.append(0)
                symbols.append("circle")
    traces = []
    # With no critical links (decisions waiting for a session absorb the slack), the
    # default view would show no arrows at all: show every link instead.
    show_all = not groups[True][0]
    for critical, name, color, width, visible in (
            (False, t("gantt.link", language), "rgba(60,60,60,0.55)", 1, show_all),
            (True, t("gantt.critical_link", language), CRITICAL, 1.8, True)):
        xs, ys, sizes, symbols = groups[critical]
        traces.append(go.Scatter(
            name=name, mode="lines+markers", x=xs, y=ys, visible=visible,
            line=dict(color=color, width=width),
            marker=dict(size=sizes, symbol=symbols, color=color, line=dict(width=0)),
            hoverinfo="skip", legendgroup=f"links-{critical}", showlegend=bool(xs) or critical,
            meta=dict(role="links-critical" if critical else "links-all", segments=True),
        ))
    return traces
