"""The Gantt's data traces: bars per phase, float, critical outlines, diamonds, sessions.

Each ``add_*`` function appends its traces to the figure in the order they are drawn
(later ones on top); the dependency arrows are in :mod:`roadmap.gantt.links`.
"""
from __future__ import annotations

from roadmap.gantt import plain as go  # plotly-shaped dicts, no validators (gantt/plain.py)

from roadmap.engine.result import NEAR_CRITICAL_DAYS, Schedule, ScheduledPackage
from roadmap.gantt.chains import chain_steps
from roadmap.gantt.rows import CRITICAL, Layout, bar_span, day_end, day_text, hover_text, instant, plot_text, wrap
from roadmap.gantt.tracking import tracking_lines
from roadmap.text import format_date, t, word

SESSION_LINE = "rgba(90, 90, 90, 0.35)"
FLOAT_COLOR = "rgba(150, 150, 150, 0.35)"
GAP = "\u2002"  # an en space between a diamond (and its critical ring) and its label
NEAR_CRITICAL = "#8A4500"  # dark orange-brown: apart from the red of the critical path


def full_hover(schedule: Schedule, package: ScheduledPackage) -> str:
    """The hover label with progress, baseline, deadline and, for a milestone or a
    decision, its driving path."""
    extra = tracking_lines(schedule, package)
    if package.moved_days:  # what the levelling moved, and for whom
        extra.append(f"<b>{plot_text(package.moved_note(schedule.language))}</b>")
    if package.is_milestone:
        steps = " → ".join(chain_steps(schedule, package.id))
        lines = wrap(f"{t('gantt.chain', schedule.language)}: {steps}", 70)
        extra.extend(plot_text(line) for line in lines[:8])
    return hover_text(schedule, package, extra)


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


def add_bars(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """One bar trace per phase, so the legend names the phases by colour."""
    for phase_id, color in layout.phase_color.items():
        tasks = [p for p in layout.phase_members[phase_id] if not p.is_milestone and not p.occurrences]
        if tasks:
            fig.add_trace(_bar_trace(tasks, layout, name=layout.phase_label[phase_id],
                                     legendgroup=f"phase-{phase_id}",
                                     marker=dict(color=color, line=dict(color="#FFFFFF", width=0.5)),
                                     hovertext=[full_hover(schedule, p) for p in tasks],
                                     hoverinfo="text", meta=dict(role="bars")))


def add_float(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """Total float as a thin grey line after each bar (or diamond) up to its latest
    finish: where there is room, and how much, before the end or a decision slips."""
    language = schedule.language
    slack = [p for p in schedule.packages if p.total_float > 0 and p.late_finish > p.finish and not p.occurrences]
    if not slack:
        return
    starts = [instant(p.finish) if p.is_milestone else bar_span(p)[1] for p in slack]
    ends = [instant(p.late_finish) if p.is_milestone else day_end(p.late_finish) for p in slack]
    fig.add_trace(go.Bar(
        name=t("gantt.float_bar", language), orientation="h",
        base=[start.isoformat() for start in starts],
        x=[(end - start).total_seconds() * 1000 for start, end in zip(starts, ends)],
        y=[layout.package_row[p.id] for p in slack], width=0.22,
        marker=dict(color=FLOAT_COLOR, line=dict(width=0)),
        hovertext=[f"<b>{plot_text(p.name)}</b><br>{word('total_float', language)}: {p.total_float} "
                   f"{word('days', language)} · {t('gantt.latest_finish', language)} "
                   f"{day_text(p.late_finish, language)}" for p in slack],
        hoverinfo="text", legendgroup="float", meta=dict(role="float")))


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


def add_critical_path(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """Red outlines over the critical bars and diamonds: a legend entry of their own
    (a per-point outline on the phase traces would colour the phases' legend swatches)."""
    name = t("gantt.critical_bar", schedule.language)
    tasks = [p for p in schedule.packages if p.critical and not p.is_milestone]
    fig.add_trace(_bar_trace(tasks, layout, name=name, legendgroup="critical",
                             marker=dict(color="rgba(0,0,0,0)", line=dict(color=CRITICAL, width=3)),
                             hoverinfo="skip", meta=dict(role="critical")))
    points = [p for p in schedule.packages if p.critical and p.is_milestone]
    if points:
        fig.add_trace(go.Scatter(
            name=name, legendgroup="critical", showlegend=False, mode="markers",
            x=[instant(p.start).isoformat() for p in points],
            y=[layout.package_row[p.id] for p in points],
            marker=dict(symbol="diamond-open", size=22, color=CRITICAL, line=dict(width=2.5)),
            hoverinfo="skip", cliponaxis=False, meta=dict(role="critical", scale=True)))


def add_near_critical(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """Hatched bars and dark orange rings for near-critical packages (not critical, float
    up to NEAR_CRITICAL_DAYS): a pattern reads in grey printouts too."""
    name = t("gantt.near_critical", schedule.language, days=NEAR_CRITICAL_DAYS)
    near = [p for p in schedule.packages if p.near_critical and p.id in layout.package_row]
    tasks = [p for p in near if not p.is_milestone]
    if tasks:
        fig.add_trace(_bar_trace(tasks, layout, name=name, hoverinfo="skip", meta=dict(role="near"),
                                 marker=dict(color="rgba(0,0,0,0)", line=dict(color=NEAR_CRITICAL, width=1.5),
                                             pattern=dict(shape="/", fgcolor=NEAR_CRITICAL, size=7,
                                                          solidity=0.25, fillmode="overlay"))))
    points = [p for p in near if p.is_milestone]
    if points:
        fig.add_trace(go.Scatter(
            name=name, showlegend=False, mode="markers",
            x=[instant(p.start).isoformat() for p in points],
            y=[layout.package_row[p.id] for p in points],
            marker=dict(symbol="diamond-open", size=21, color=NEAR_CRITICAL, line=dict(width=1.5)),
            hoverinfo="skip", cliponaxis=False, meta=dict(role="near", scale=True)))


def add_milestones(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """Diamonds: filled dark for milestones, white for decisions (labelled body + date)."""
    language = schedule.language
    for kind, fill, size in (("milestone", "#333333", 13), ("decision", "#FFFFFF", 15)):
        points = [p for p in schedule.packages if p.is_milestone and not p.occurrences and
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
            hovertext=[full_hover(schedule, p) for p in points],
            hoverinfo="text",
            cliponaxis=False,
            meta=dict(role=kind, scale=True, text=True),
        ))


def _diamond_label(schedule: Schedule, package: ScheduledPackage) -> str:
    """``Rat 16.03.2027`` for a decision, the date alone for a milestone."""
    date = format_date(package.start, schedule.language)
    late = ""
    if package.deadline_late > 0:  # a missed deadline says so beside the date
        late = (f' · <span style="color:{CRITICAL}"><b>'
                f'{t("gantt.late_days", schedule.language, days=package.deadline_late)}</b></span>')
    if package.kind == "decision" and package.body:
        body = schedule.bodies.get(package.body)
        name = body.label(schedule.language) if body else package.body
        return f"{GAP}{plot_text(name)} {date}{late}"
    return f"{GAP}{date}{late}"


def add_sessions(fig, schedule, layout, bodies, x_min, x_max) -> None:
    """Each body's sessions on its own row, plus faint lines down through the plan."""
    language = schedule.language
    xs, ys, hovers, line_x, line_y, keys = [], [], [], [], [], []
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
            keys.append(f"body:{row.key}")
            hovers.append(f"{plot_text(body.name.get(language))}<br>"
                          f"{t('gantt.session', language)}: {day_text(day, language)}")
            if row.key in deciding:
                line_x += [at.isoformat(), at.isoformat(), None]
                line_y += [row.y + 0.3, bottom, None]
    if not xs:
        return
    fig.add_trace(go.Scatter(
        name=t("gantt.sessions_lane", language), mode="lines", x=line_x, y=line_y,
        line=dict(color=SESSION_LINE, width=1, dash="dot"), hoverinfo="skip",
        showlegend=False, legendgroup="sessions", meta=dict(role="session-lines", segments=True)))
    fig.add_trace(go.Scatter(
        name=t("gantt.sessions_lane", language), mode="markers", x=xs, y=ys, customdata=keys,
        marker=dict(symbol="line-ns", size=16, line=dict(width=3, color="#555555")),
        hovertext=hovers, hoverinfo="text", legendgroup="sessions", meta=dict(role="sessions", scale=True)))
