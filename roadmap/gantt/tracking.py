"""The living plan in the Gantt: % done, the baseline, deadlines and each package's state.

- Progress: a narrow dark stripe inside each bar, as long as the share done (MS Project's
  progress bar); a finished task's stripe runs the whole bar.
- Baseline (``schedule.baseline``, set by ``roadmap build --baseline``): a thin grey bar
  under each bar from the baseline start to the baseline finish, a small grey diamond at
  a milestone's baseline date; the slip in working days on hover.
- Deadlines: a tick on the row at the end of the deadline day, dark when met, red when
  missed, and beside a missed one's bar end "8 AT zu spät".
- The state (finished, running, late, not started) is told by a mark in the row label as
  well as by colour (:data:`STATE_MARK`), for colour-blind readers and grey printouts.
"""
from __future__ import annotations

import datetime as dt

from roadmap.gantt import plain as go  # plotly-shaped dicts, no validators (gantt/plain.py)

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.gantt.rows import CRITICAL, Layout, bar_span, day_end, day_text, instant, plot_text
from roadmap.text import format_date, t

PROGRESS_COLOR = "#111111"
BASELINE_COLOR = "#6B6B6B"
DEADLINE_COLOR = "#333333"
#: The mark in the row label (and the page's legend) for each state; none for not started.
STATE_MARK = {"finished": "✓", "running": "▶", "late": "⚠", "not_started": ""}


def baseline_entry(schedule: Schedule, package_id: str):
    """The package's :class:`~roadmap.engine.baseline.Deviation` (baseline dates, slip),
    or None without a baseline or for a package the baseline does not know."""
    return schedule.baseline.get(package_id) if schedule.baseline is not None else None


def slip_of(schedule: Schedule, package_id: str) -> int:
    entry = baseline_entry(schedule, package_id)
    return entry.slip if entry is not None else 0


def state_of(schedule: Schedule, package: ScheduledPackage) -> str:
    """finished | running | late | not_started (late: not finished and behind the
    baseline or past its deadline, :meth:`Schedule.is_late`)."""
    if package.status == "finished":
        return "finished"
    if schedule.is_late(package):
        return "late"
    return package.status if package.status in STATE_MARK else "not_started"


def signed(days: int) -> str:
    return f"+{days}" if days > 0 else str(days)


def tracking_lines(schedule: Schedule, package: ScheduledPackage) -> list[str]:
    """Hover lines: progress and actual dates, baseline and slip, deadline (escaped)."""
    lang = schedule.language
    lines = []
    state = state_of(schedule, package)
    if package.progress or package.status != "not_started" or state == "late":
        lines.append(t("gantt.progress", lang, percent=f"{package.progress:.0f}",
                       state=t(f"gantt.state.{state}", lang)))
    if package.actual_start:
        lines.append(f"{t('gantt.actual_start', lang)}: {day_text(package.actual_start, lang)}")
    if package.actual_finish and not package.is_milestone:
        lines.append(f"{t('gantt.actual_finish', lang)}: {day_text(package.actual_finish, lang)}")
    entry = baseline_entry(schedule, package.id)
    if entry is not None:
        if package.is_milestone:
            lines.append(t("gantt.baseline_point", lang, date=format_date(entry.baseline_finish, lang)))
        else:
            lines.append(t("gantt.baseline", lang, start=format_date(entry.baseline_start, lang),
                           finish=format_date(entry.baseline_finish, lang)))
        lines.append(t("gantt.slip", lang, slip=signed(entry.slip)))
    if package.deadline:
        deadline = format_date(package.deadline, lang)
        if package.deadline_late > 0:
            deadline = (f'<span style="color:{CRITICAL}"><b>'
                        f'{t("gantt.deadline_late", lang, deadline=deadline, days=package.deadline_late)}'
                        "</b></span>")
        lines.append(f"{t('gantt.deadline', lang)}: {deadline}")
    return lines


def add_progress(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """A dark stripe inside each bar as long as its share done."""
    done = [p for p in schedule.packages if not p.is_milestone and
            (p.progress > 0 or p.status == "finished")]
    if not done:
        return
    spans = [bar_span(p) for p in done]
    share = [1.0 if p.status == "finished" else min(p.progress, 100) / 100 for p in done]
    fig.add_trace(go.Bar(
        name=t("gantt.progress_bar", schedule.language), orientation="h",
        base=[start.isoformat() for start, _ in spans],
        x=[(end - start).total_seconds() * 1000 * s for (start, end), s in zip(spans, share)],
        y=[layout.package_row[p.id] for p in done], width=0.2, customdata=[p.id for p in done],
        marker=dict(color=PROGRESS_COLOR, line=dict(width=0)), hoverinfo="skip",
        meta=dict(role="progress")))


def add_baseline(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """Thin grey bars (and small diamonds) at the baseline dates, under the current ones."""
    if schedule.baseline is None:
        return
    language = schedule.language
    tasks, points = [], []
    for p in schedule.packages:
        entry = baseline_entry(schedule, p.id)
        if entry is None or p.id not in layout.package_row:
            continue
        start, finish = entry.baseline_start, entry.baseline_finish
        hover = (f"<b>{plot_text(p.name)}</b><br>" + "<br>".join(tracking_lines(schedule, p)))
        (points if p.is_milestone else tasks).append((p, start, finish, hover))
    name = t("gantt.baseline_bar", language)
    if tasks:
        fig.add_trace(go.Bar(
            name=name, orientation="h",
            base=[dt.datetime.combine(s, dt.time()).isoformat() for _, s, _, _ in tasks],
            x=[(day_end(f) - dt.datetime.combine(s, dt.time())).total_seconds() * 1000
               for _, s, f, _ in tasks],
            y=[layout.package_row[p.id] + 0.4 for p, _, _, _ in tasks], width=0.13,
            customdata=[p.id for p, _, _, _ in tasks],
            marker=dict(color=BASELINE_COLOR, line=dict(width=0)),
            hovertext=[h for *_, h in tasks], hoverinfo="text", meta=dict(role="baseline")))
    if points:
        fig.add_trace(go.Scatter(
            name=name, mode="markers",
            x=[instant(f).isoformat() for _, _, f, _ in points],
            y=[layout.package_row[p.id] + 0.3 for p, _, _, _ in points],
            customdata=[p.id for p, _, _, _ in points],
            marker=dict(symbol="diamond", size=8, color=BASELINE_COLOR, line=dict(width=0)),
            hovertext=[h for *_, h in points], hoverinfo="text", cliponaxis=False,
            meta=dict(role="baseline")))


def add_deadlines(fig: go.Figure, schedule: Schedule, layout: Layout) -> None:
    """A tick at each deadline (red when missed) and the days late beside the bar's end."""
    language = schedule.language
    marked = [p for p in schedule.packages if p.deadline and p.id in layout.package_row]
    if not marked:
        return
    fig.add_trace(go.Scatter(
        name=t("gantt.deadline_marker", language), mode="markers",
        x=[day_end(p.deadline).isoformat() for p in marked],
        y=[layout.package_row[p.id] for p in marked], customdata=[p.id for p in marked],
        marker=dict(symbol="line-ns", size=20,
                    line=dict(width=3, color=[CRITICAL if p.deadline_late > 0 else DEADLINE_COLOR
                                              for p in marked])),
        hovertext=[f"<b>{plot_text(p.name)}</b><br>" + "<br>".join(tracking_lines(schedule, p))
                   for p in marked],
        hoverinfo="text", cliponaxis=False, meta=dict(role="deadline")))
    late = [p for p in marked if p.deadline_late > 0 and not p.is_milestone]
    if late:
        # Beside the bar's end; a late milestone carries the text in its own date label.
        fig.add_trace(go.Scatter(
            name=t("gantt.deadline_missed", language), mode="text",
            x=[bar_span(p)[1].isoformat() for p in late],
            y=[layout.package_row[p.id] for p in late], customdata=[p.id for p in late],
            text=[f" <b>{t('gantt.late_days', language, days=p.deadline_late)}</b>" for p in late],
            textposition="middle right", textfont=dict(size=11, color=CRITICAL),
            hoverinfo="skip", cliponaxis=False, meta=dict(role="late", text=True)))
