"""The Excel plan: sheet names, headers, legends and notes (keys ``sheet.*``).

The words of the trade that the Gantt uses too (Beginn, Ende, Gesamtpuffer, ...) are
``word.*`` in :mod:`roadmap.text.catalog.trade`, so both outputs say the same.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- sheet names -------------------------------------------------------------------------
    "sheet.overview": ("Übersicht", "Overview"),
    "sheet.packages": ("Arbeitspakete", "Work packages"),
    "sheet.timeline": ("Zeitplan", "Timeline"),
    "sheet.bodies": ("Gremien", "Bodies"),
    "sheet.calendar": ("Kalender", "Calendar"),
    # ---- Übersicht ---------------------------------------------------------------------------
    "sheet.title": ("Smart-City-Fahrplan", "Smart city roadmap"),
    "sheet.town": ("Kommune", "Municipality"),
    "sheet.state": ("Bundesland", "Land"),
    "sheet.span": ("Laufzeit", "Span"),
    "sheet.months": ("Monate", "months"),
    "sheet.count": ("Anzahl Arbeitspakete", "Number of work packages"),
    "sheet.count_detail": (
        "{tasks} Arbeitspakete, {milestones} Meilensteine, {decisions} Beschlüsse",
        "{tasks} work packages, {milestones} milestones, {decisions} decisions"),
    "sheet.dates": ("Meilensteine und Beschlüsse", "Milestones and decisions"),
    "sheet.date": ("Datum", "Date"),
    "sheet.kind": ("Art", "Kind"),
    "sheet.name": ("Name", "Name"),
    "sheet.assumptions": ("Annahmen", "Assumptions"),
    "sheet.weekend": ("Wochenende", "Weekend"),
    "sheet.holiday_source": (
        "Feiertage: gesetzliche Feiertage {state} aus dem Paket holidays {version}",
        "Public holidays of {state} from the holidays package {version}"),
    "sheet.school_source": (
        "Schulferien {state}: Paket holidays {version} (Kategorie school); "
        "Pakete mit „Schulferien meiden“ liegen außerhalb",
        "School holidays of {state}: holidays package {version} (category school); "
        "packages that avoid school holidays lie outside them"),
    "sheet.no_school": (
        "Schulferien: nicht berücksichtigt (calendar.school_holidays: false)",
        "School holidays: not considered (calendar.school_holidays: false)"),
    "sheet.sessions_source": ("Sitzungstermine {body}: {source}", "Session dates {body}: {source}"),
    "sheet.from_plan": ("im Plan eingetragen", "written in the plan"),
    "sheet.plan_file": ("Plan-Datei", "Plan file"),
    "sheet.notes": ("Hinweise", "Notes"),
    "sheet.none": ("keine", "none"),
    # ---- legend ------------------------------------------------------------------------------
    "sheet.legend": ("Legende", "Legend"),
    "sheet.legend_bar": ("Arbeitspaket (Farbe der Phase)", "Work package (colour of its phase)"),
    "sheet.legend_crit": ("Arbeitspaket auf dem kritischen Pfad", "Work package on the critical path"),
    "sheet.legend_ms": (
        "◆ Meilenstein / Beschluss (rot: kritisch)",
        "◆ Milestone / decision (red: critical)"),
    "sheet.legend_phase": ("Phase (Gesamtdauer)", "Phase (overall span)"),
    "sheet.legend_session": (
        "Sitzungswoche (Kürzel der Gremien)",
        "Session week (short names of the bodies)"),
    "sheet.legend_holiday": (
        "Woche mit Feiertag oder Schließtag (F)",
        "Week with a public holiday or closure (H)"),
    "sheet.legend_school": ("Schulferien (S)", "School holidays (S)"),
    "sheet.legend_status": ("Woche des Stichtags (Stand)", "Week of the status date"),
    "sheet.legend_float": ("Puffer: Wochen bis zum spätesten Ende", "Float: weeks up to the latest finish"),
    "sheet.legend_edit": (
        "Im Blatt Zeitplan lassen sich Beginn und Ende von Hand ändern; die Balken folgen.",
        "On the Timeline sheet, change Start and Finish by hand; the bars follow."),
    # ---- column heads ------------------------------------------------------------------------
    "sheet.nr": ("Nr.", "No."),
    "sheet.id": ("ID", "ID"),
    "sheet.critical": ("Kritisch", "Critical"),
    "sheet.crit_short": ("Krit.", "Crit."),
    "sheet.late_finish": ("Spätestes Ende", "Latest finish"),
    "sheet.step": ("Schritt", "Step"),
    "sheet.decision": ("Beschluss", "Decision"),
    "sheet.decision_date": ("Beschlussdatum", "Decision date"),
    "sheet.from": ("von", "from"),
    "sheet.to": ("bis", "to"),
    "sheet.event": ("Ereignis", "Event"),
    # ---- Zeitplan ----------------------------------------------------------------------------
    "sheet.year": ("Jahr", "Year"),
    "sheet.month": ("Monat", "Month"),
    "sheet.week_of": ("Woche ab", "Week of"),
    "sheet.sessions_row": ("Sitzungen", "Sessions"),
    "sheet.holiday_mark": ("F", "H"),
    "sheet.school_mark": ("S", "S"),
    "sheet.no_phase": ("Ohne Phase", "No phase"),
    # ---- Kalender ----------------------------------------------------------------------------
    "sheet.holiday": ("Feiertag", "Public holiday"),
    "sheet.closure": ("Schließtag", "Closure"),
    "sheet.school": ("Schulferien", "School holidays"),
    "sheet.session": ("Sitzung", "Session"),
    "sheet.cancelled": ("Sitzung entfällt", "Session cancelled"),
    # ---- lag units as MS Project writes them in Vorgänger (3EA+2 Tage); f = elapsed --------
    "sheet.unit.d.one": ("Tag", "day"),
    "sheet.unit.d.many": ("Tage", "days"),
    "sheet.unit.w.one": ("Woche", "wk"),
    "sheet.unit.w.many": ("Wochen", "wks"),
    "sheet.unit.mo.one": ("Monat", "mon"),
    "sheet.unit.mo.many": ("Monate", "mons"),
    "sheet.unit.ed.one": ("fTag", "eday"),
    "sheet.unit.ed.many": ("fTage", "edays"),
    "sheet.unit.ew.one": ("fWoche", "ewk"),
    "sheet.unit.ew.many": ("fWochen", "ewks"),
    # ---- print -------------------------------------------------------------------------------
    "sheet.page": ("Seite &P von &N", "Page &P of &N"),
}
