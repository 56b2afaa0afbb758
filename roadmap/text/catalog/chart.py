"""The HTML Gantt: legend, hover, buttons and the page around the chart (keys ``gantt.*``).

The words of the trade that the workbook uses too (Beginn, Ende, Gesamtpuffer, ...) are
``word.*`` in :mod:`roadmap.text.catalog.trade`, so both outputs say the same.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- title and legend --------------------------------------------------------------------
    "gantt.status": ("Stand", "Status"),
    "gantt.critical_bar": ("Kritischer Pfad (rote Umrandung)", "Critical path (red outline)"),
    "gantt.float_bar": ("Puffer bis zum spätesten Ende", "Float up to the latest finish"),
    "gantt.latest_finish": ("spätestes Ende", "latest finish"),
    "gantt.sessions_lane": ("Gremiensitzungen", "Council sessions"),
    "gantt.session": ("Sitzung", "Session"),
    "gantt.no_phase": ("Ohne Phase", "No phase"),
    "gantt.packages": ("Arbeitspakete", "work packages"),
    # ---- dependency buttons and lines --------------------------------------------------------
    "gantt.links": ("Abhängigkeiten", "Dependencies"),
    "gantt.links_critical": ("kritische", "critical"),
    "gantt.links_all": ("alle", "all"),
    "gantt.links_none": ("keine", "none"),
    "gantt.link": ("Abhängigkeit", "Dependency"),
    "gantt.critical_link": ("Abhängigkeit (kritisch)", "Dependency (critical)"),
    # ---- hover -------------------------------------------------------------------------------
    "gantt.working_days": ("Arbeitstage", "working days"),
    "gantt.calendar_days": ("Kalendertage", "calendar days"),
    "gantt.date": ("Datum", "Date"),
    "gantt.deadline": ("Frist", "Deadline"),
    # ---- the header above the chart -------------------------------------------------------
    "gantt.counts": ("{total}: {tasks}, {milestones}, {decisions}", "{total}: {tasks}, {milestones}, {decisions}"),
    "gantt.count.entry.1": ("{n} Eintrag", "{n} entry"),
    "gantt.count.entry.n": ("{n} Einträge", "{n} entries"),
    "gantt.count.task.1": ("{n} Arbeitspaket", "{n} work package"),
    "gantt.count.task.n": ("{n} Arbeitspakete", "{n} work packages"),
    "gantt.count.milestone.1": ("{n} Meilenstein", "{n} milestone"),
    "gantt.count.milestone.n": ("{n} Meilensteine", "{n} milestones"),
    "gantt.count.decision.1": ("{n} Beschluss", "{n} decision"),
    "gantt.count.decision.n": ("{n} Beschlüsse", "{n} decisions"),
    "gantt.starts_in.weeks": ("Projektbeginn in {n} Wochen", "Project starts in {n} weeks"),
    "gantt.starts_in.days": ("Projektbeginn in {n} Tagen", "Project starts in {n} days"),
    "gantt.starts_in.day": ("Projektbeginn morgen", "Project starts tomorrow"),
    "gantt.percent_done": ("{percent} % erledigt", "{percent} % done"),
    "gantt.critical_sessions": (
        "Der kritische Pfad besteht aus {kind} ({list}): Die Wartezeit auf die nächste Sitzung "
        "nimmt den Puffer der Vorarbeiten auf, und verpasst eine Vorlage ihre Sitzung, verschiebt "
        "sich das Projektende bis zur nächsten.",
        "The critical path consists of {kind} ({list}): waiting for the next session absorbs the "
        "float of the work before them, and a paper that misses its session moves the project "
        "finish to the next one."),
    "gantt.critical_sessions.rat": ("Ratsbeschlüssen", "council decisions"),
    "gantt.critical_sessions.body": ("Gremienbeschlüssen", "committee decisions"),
    "gantt.critical_general": (
        "Der kritische Pfad (rot umrandet) führt über {n} Einträge von „{first}“ bis „{last}“: "
        "Jede Verzögerung dort verschiebt das Projektende.",
        "The critical path (red outline) runs through {n} entries from \u201c{first}\u201d to "
        "\u201c{last}\u201d: any delay there moves the project finish."),
    "gantt.near_critical_note": (
        "Fast kritisch (Puffer bis {days} Arbeitstage, schraffiert): {n}.",
        "Near-critical (float up to {days} working days, hatched): {n}."),
    "gantt.deadline_missed_note": (
        "Frist verpasst: „{name}“ – Frist {deadline}, voraussichtliches Ende {finish}, "
        "{late} Arbeitstage später.",
        "Deadline missed: \u201c{name}\u201d \u2013 deadline {deadline}, expected finish {finish}, "
        "{late} working days late."),
    # ---- presentation mode and keyboard ------------------------------------------------------
    "gantt.toolbar": ("Ansicht", "View"),
    "gantt.present": ("Präsentation", "Presentation"),
    "gantt.only_milestones": ("Nur Meilensteine und Beschlüsse", "Milestones and decisions only"),
    "gantt.expand_all": ("Alle Phasen aufklappen", "Expand all phases"),
    "gantt.collapse_all": ("Alle Phasen zuklappen", "Collapse all phases"),
    "gantt.keys": (
        "Tastatur: P Präsentation ein/aus · M nur Meilensteine und Beschlüsse · A alle Phasen "
        "auf/zu · Esc beendet die Präsentation. Klick (oder Tab und Enter) auf einen Phasennamen "
        "klappt die Phase auf oder zu, auf einen Meilenstein oder Beschluss zeigt seine "
        "Treiberkette. Direkt öffnen: Adresse mit #praesentation.",
        "Keys: P presentation on/off \u00b7 M milestones and decisions only \u00b7 A all phases "
        "open/closed \u00b7 Esc ends the presentation. Click (or Tab and Enter) a phase name to "
        "open or close the phase, a milestone or decision to see its driving path. Open "
        "directly: address ending in #praesentation."),
    "gantt.keys_short": (
        "Esc beendet · Phasenname anklicken: auf-/zuklappen · Raute oder ihren Namen anklicken: Treiberkette",
        "Esc ends \u00b7 click a phase name: open/close \u00b7 click a diamond or its name: driving path"),
    "gantt.phase_toggle": ("Phase auf- oder zuklappen", "Expand or collapse the phase"),
    # ---- driving path ("Treiberkette") -------------------------------------------------------
    "gantt.chain": ("Treiberkette", "Driving path"),
    "gantt.chain_of": ("Treiberkette für „{name}“", "Driving path of \u201c{name}\u201d"),
    "gantt.chain_hint": (
        "Klick auf eine Raute oder ihren Namen (auch Tab und Enter) zeigt ihre Treiberkette: die "
        "Abhängigkeiten, die ihren frühesten Termin bestimmen.",
        "Click a diamond or its name (or Tab and Enter) to see its driving path: the links "
        "that set its earliest date."),
    "gantt.chain_close": ("Treiberkette ausblenden", "Hide the driving path"),
    "gantt.chain.start": ("Projektbeginn {date}", "Project start {date}"),
    "gantt.chain.not_before": ("fester Termin: frühestens {date}", "fixed date: not before {date}"),
    "gantt.chain.status_date": ("Stichtag {date}", "status date {date}"),
    "gantt.chain.actual": ("tatsächlich {date}", "actual {date}"),
    "gantt.chain.task": ("{name} (Ende {date})", "{name} (finish {date})"),
    "gantt.chain.milestone": ("{name} ({date})", "{name} ({date})"),
    "gantt.chain.decision": ("{name} ({body} {date})", "{name} ({body} {date})"),
    # ---- progress, baseline, deadlines -------------------------------------------------------
    "gantt.near_critical": ("Fast kritisch (Puffer ≤ {days} AT)", "Near-critical (float ≤ {days} WD)"),
    "gantt.near_critical_hover": ("fast kritisch", "near-critical"),
    "gantt.progress_bar": ("Erledigt (schwarzer Streifen)", "Done (black stripe)"),
    "gantt.baseline_bar": ("Basisplan (dünner Balken darunter)", "Baseline (thin bar below)"),
    "gantt.deadline_marker": ("Frist", "Deadline"),
    "gantt.deadline_missed": ("Frist verpasst (rot, mit Arbeitstagen Verzug)",
                              "Deadline missed (red, with working days late)"),
    "gantt.late_days": ("{days} AT zu spät", "{days} WD late"),
    "gantt.status_line": ("Stand-Linie", "Status line"),
    "gantt.state.finished": ("fertig", "finished"),
    "gantt.state.running": ("läuft", "running"),
    "gantt.state.late": ("verspätet", "late"),
    "gantt.state.not_started": ("nicht begonnen", "not started"),
    "gantt.state_legend": ("✓ fertig · ▶ läuft · ⚠ verspätet · ohne Zeichen: nicht begonnen",
                           "✓ finished · ▶ running · ⚠ late · no mark: not started"),
    "gantt.progress": ("Fortschritt: {percent} % ({state})", "Progress: {percent} % ({state})"),
    "gantt.actual_start": ("Ist-Beginn", "Actual start"),
    "gantt.actual_finish": ("Ist-Ende", "Actual finish"),
    "gantt.baseline": ("Basisplan: {start} – {finish}", "Baseline: {start} \u2013 {finish}"),
    "gantt.baseline_point": ("Basisplan: {date}", "Baseline: {date}"),
    "gantt.slip": ("Abweichung: {slip} Arbeitstage", "Slip: {slip} working days"),
    "gantt.deadline_late": ("{deadline}, verpasst um {days} Arbeitstage", "{deadline}, missed by {days} working days"),
    "gantt.legend": ("Legende", "Legend"),
    # ---- page --------------------------------------------------------------------------------
    "gantt.milestones_table": ("Meilensteine und Beschlüsse", "Milestones and decisions"),
    "gantt.name": ("Bezeichnung", "Name"),
    "gantt.kind": ("Art", "Type"),
    "gantt.critical": ("kritisch", "critical"),
    "gantt.made_with": ("Erstellt mit roadmap", "Made with roadmap"),
    "gantt.hover_hint": (
        "Mit der Maus über Balken und Rauten fahren zeigt Details.",
        "Hover over bars and diamonds for details."),
    "gantt.chart_label": ("Gantt-Diagramm", "Gantt chart"),
    "gantt.all_packages": (
        "Alle Arbeitspakete, Meilensteine und Beschlüsse",
        "All work packages, milestones and decisions"),
}
