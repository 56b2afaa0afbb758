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
