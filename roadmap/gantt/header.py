"""The HTML above and beside the chart: title, status line, the one count, notes, the
view buttons, the legend and the row labels.

All of it is HTML rather than plotly, so nothing here can push the plot around (a plotly
legend that wraps moves the plot down and every label beside it off its row). Every plan
text is escaped with :func:`html.escape`; the page's script only ever sets ``textContent``.
"""
from __future__ import annotations

import re

from roadmap.engine.result import NEAR_CRITICAL_DAYS, Schedule
from roadmap.gantt.chains import critical_sentence
from roadmap.gantt.rows import Layout, html_text
from roadmap.gantt.tracking import STATE_MARK, state_of
from roadmap.text import format_date, t, word

e = html_text
COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


def title_text(schedule: Schedule) -> str:
    project = schedule.project
    town = project.municipality
    return project.name + (f" – {town}" if town and town not in project.name else "")


def counts_text(schedule: Schedule) -> str:
    """``45 Einträge: 33 Arbeitspakete, 9 Meilensteine, 3 Beschlüsse``: the one count
    the CLI, the workbook and the report show too."""
    return schedule.count_text(schedule.language)


def start_text(schedule: Schedule) -> str:
    """``Projektbeginn in 3 Wochen`` when the status date lies before the start, else ""."""
    language = schedule.language
    days = (schedule.start - schedule.status_date).days
    if days <= 0:
        return ""
    if days == 1:
        return t("gantt.starts_in.day", language)
    if days < 14:  # then weeks, from 2 on
        return t("gantt.starts_in.days", language, n=days)
    return t("gantt.starts_in.weeks", language, n=round(days / 7))


def status_html(schedule: Schedule) -> str:
    language = schedule.language
    parts = [f"<b>{e(t('gantt.status', language))}: {e(format_date(schedule.status_date, language))}</b>",
             f"{e(word('start', language))} {e(format_date(schedule.start, language))}",
             f"{e(word('finish', language))} {e(format_date(schedule.finish, language))}",
             f'<span class="counts">{e(counts_text(schedule))}</span>']
    if any(p.progress or p.status != "not_started" for p in schedule.packages):
        parts.append(e(t("gantt.percent_done", language, percent=f"{schedule.percent_complete():.0f}")))
    soon = start_text(schedule)
    if soon:
        parts.append(f'<b class="soon">{e(soon)}</b>')
    return '<p class="status">' + " · ".join(parts) + "</p>"


def notes_html(schedule: Schedule) -> str:
    """The critical path in one sentence, the near-critical and the missed deadlines."""
    language = schedule.language
    notes = []
    sentence = critical_sentence(schedule)
    if sentence:
        notes.append(f'<p class="note critical-note">{e(sentence)}</p>')
    near = [p for p in schedule.packages if p.near_critical]
    if near:
        names = ", ".join(f"„{p.name}“" if language == "de" else f"\u201c{p.name}\u201d" for p in near[:6])
        if len(near) > 6:
            names += f" … (+{len(near) - 6})"
        notes.append(f'<p class="note near-note">'
                     f'{e(t("gantt.near_critical_note", language, days=NEAR_CRITICAL_DAYS, n=names))}</p>')
    moved = sum(1 for p in schedule.packages if p.moved_days)
    if moved:
        notes.append(f'<p class="note load-note">{e(t("gantt.levelled_note", language, n=moved))}</p>')
    over = [d for d in schedule.diagnostics if d.code == "over-allocated"]
    for d in over[:3]:
        notes.append('<p class="note late-note">⚠ ' + e(d.message.render(language)) + "</p>")
    if len(over) > 3:
        notes.append(f'<p class="note late-note">⚠ … (+{len(over) - 3})</p>')
    for p in schedule.packages:
        if p.deadline and p.deadline_late > 0:
            notes.append('<p class="note late-note">⚠ ' + e(t(
                "gantt.deadline_missed_note", language, name=p.name, deadline=format_date(p.deadline, language),
                finish=format_date(p.finish, language), late=p.deadline_late)) + "</p>")
    return "\n".join(notes)


def toolbar_html(language: str, links: str) -> str:
    """The view buttons (keyboard: Tab and Enter, or the keys in brackets)."""
    def button(id_: str, key: str, text: str, pressed: bool | None = None, extra: str = "") -> str:
        state = "" if pressed is None else f' aria-pressed="{"true" if pressed else "false"}"'
        return (f'<button type="button" id="{id_}" data-key="{key}" aria-keyshortcuts="{key}"{state}{extra}>'
                f'{e(text)} <kbd>{key}</kbd></button>')

    links_buttons = "".join(
        f'<button type="button" data-links="{mode}" aria-pressed="{"true" if mode == links else "false"}">'
        f'{e(t(key, language))}</button>'
        for mode, key in (("critical", "gantt.links_critical"), ("all", "gantt.links_all"), ("none", "gantt.links_none")))
    return (f'<nav class="toolbar" aria-label="{e(t("gantt.toolbar", language))}">'
            + button("g-present", "P", t("gantt.present", language), False)
            + button("g-milestones", "M", t("gantt.only_milestones", language), False)
            + button("g-phases", "A", t("gantt.collapse_all", language),
                     extra=f' data-expand="{e(t("gantt.expand_all", language))}"'
                           f' data-collapse="{e(t("gantt.collapse_all", language))}"')
            + f'<span class="links" role="group" aria-label="{e(t("gantt.links", language))}">'
              f'{e(t("gantt.links", language))}: {links_buttons}</span></nav>'
            + f'<p class="keys">{e(t("gantt.keys", language))}</p>'
            + f'<p class="keys-short">{e(t("gantt.keys_short", language))}</p>')


def legend_html(schedule: Schedule, layout: Layout, roles: set[str], status_shown: bool) -> str:
    """Only what the chart shows, each with a swatch drawn in CSS."""
    language = schedule.language
    items = []
    for key, color in layout.phase_color.items():
        color = color if COLOR.fullmatch(color) else "#999999"
        items.append(("phase", f"background:{color}", layout.phase_label[key], True))
    entries = [
        ("milestone", "milestone", word("milestone", language)),
        ("decision", "decision", word("decision", language)),
        ("sessions", "session", t("gantt.sessions_lane", language)),
        ("critical", "critical", t("gantt.critical_bar", language)),
        ("near", "near", t("gantt.near_critical", language, days=NEAR_CRITICAL_DAYS)),
        ("float", "float", t("gantt.float_bar", language)),
        ("links-all", "link", t("gantt.link", language)),
        ("links-critical", "critical-link", t("gantt.critical_link", language)),
        ("progress", "progress", t("gantt.progress_bar", language)),
        ("baseline", "baseline", t("gantt.baseline_bar", language)),
        ("deadline", "deadline", t("gantt.deadline_marker", language)),
        ("late", "late", t("gantt.deadline_missed", language)),
        ("load", "load", t("gantt.load_legend", language)),
    ]
    items += [(css, "", e(text), False) for role, css, text in entries if role in roles]
    if schedule.school_holidays:
        items.append(("holidays", "", e(word("school_holidays", language)), False))
    if schedule.closures:
        items.append(("closures", "", e(word("closures", language)), False))
    if status_shown:
        items.append(("status-line", "", e(t("gantt.status_line", language)), False))
    html_items = [f'<li class="lg-{css}"><span class="sw {css}"{f" style={chr(34)}{style}{chr(34)}" if style else ""}>'
                  f"</span>{text}</li>" for css, style, text, _ in items]
    if any(state_of(schedule, p) != "not_started" for p in schedule.packages):
        html_items.append(f'<li class="marks">{e(t("gantt.state_legend", language))}</li>')
    return (f'<ul class="legend" aria-label="{e(t("gantt.legend", language))}">' + "".join(html_items) + "</ul>")


def labels_html(schedule: Schedule, layout: Layout) -> str:
    """The row labels: one element per chart row, whole names (they wrap), placed by the
    page's script on their rows. Phase headers are buttons (expand, collapse); milestones
    and decisions are buttons too (their driving path)."""
    language = schedule.language
    toggle = e(t("gantt.phase_toggle", language))
    chain = e(t("gantt.chain", language))
    by_id = {p.id: p for p in schedule.packages}
    lines = []
    for row in layout.rows:
        name = f'<span class="name">{row.label}</span>'  # row.label is escaped (plot_text)
        if row.kind == "phase":
            lines.append(f'<button type="button" class="label phase" data-row="{row.y}" data-key="phase:{e(row.key)}" '
                         f'data-phase="{e(row.key)}" aria-expanded="true" title="{toggle}">{name}</button>')
        elif row.kind == "package":
            package = by_id[row.key]
            state = state_of(schedule, package)
            mark = (f'<span class="mark {state}" title="{e(t(f"gantt.state.{state}", language))}">'
                    f"{STATE_MARK[state]}</span> ") if STATE_MARK[state] else ""
            if row.milestone:
                lines.append(f'<button type="button" class="label package milestone" data-row="{row.y}" '
                             f'data-key="package:{e(row.key)}" data-id="{e(row.key)}" title="{chain}">{mark}{name}</button>')
            else:
                lines.append(f'<div class="label package" data-row="{row.y}" data-key="package:{e(row.key)}">'
                             f'{mark}{name}</div>')
        else:
            lines.append(f'<div class="label {row.kind}" data-row="{row.y}" data-key="{row.kind}:{e(row.key)}">'
                         f'{name}</div>')
    return '<div id="gantt-rows" class="rows">\n' + "\n".join(lines) + "\n</div>"

