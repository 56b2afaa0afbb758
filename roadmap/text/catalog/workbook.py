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
    "sheet.chains": ("Treiberkette", "Driving path"),
    # ---- Übersicht ---------------------------------------------------------------------------
    "sheet.title": ("Smart-City-Fahrplan", "Smart city roadmap"),
    "sheet.town": ("Kommune", "Municipality"),
    "sheet.state": ("Bundesland", "Land"),
    "sheet.span": ("Laufzeit", "Span"),
    "sheet.months": ("Monate", "months"),
    "sheet.count": ("Umfang", "Scope"),
    "sheet.n.workday.one": ("{n} Arbeitstag", "{n} working day"),
    "sheet.n.workday.many": ("{n} Arbeitstage", "{n} working days"),
    "sheet.done": ("Fertigstellung", "Complete"),
    "sheet.done_detail": ("{percent} erledigt (nach Arbeitstagen gewichtet)",
                          "{percent} done (weighted by working days)"),
    "sheet.states": ("Stand der Arbeiten", "State of work"),
    "sheet.state.finished": ("erledigt", "finished"),
    "sheet.state.running": ("laufend", "running"),
    "sheet.state.late": ("verspätet", "late"),
    "sheet.state.not_started": ("nicht begonnen", "not started"),
    "sheet.critical_sessions": (
        "Der kritische Pfad besteht hier nur aus Beschlüssen, die an feste Sitzungstermine "
        "gebunden sind: Die Vorarbeiten haben bis zur Sitzung Puffer, aber verpasst ein Beschluss "
        "seine Sitzung, rückt er mit allem, was auf ihm aufbaut, bis zur nächsten passenden "
        "Sitzung nach hinten.",
        "Here the critical path consists only of decisions bound to fixed session dates: the "
        "preparatory work has float until the session, but a decision that misses its session "
        "moves, with everything built on it, to the next suitable session."),
    "sheet.changes": ("Änderungen gegenüber dem Basisplan vom {date}", "Changes against the baseline of {date}"),
    "sheet.change": ("Änderung", "Change"),
    "sheet.before_after": ("bisher → jetzt", "before → now"),
    "sheet.change.moved": ("Beschluss verschoben", "Decision moved"),
    "sheet.change.later": ("später", "later"),
    "sheet.change.earlier": ("früher", "earlier"),
    "sheet.change.added": ("neu", "added"),
    "sheet.change.removed": ("entfallen", "removed"),
    "sheet.change.dates": ("Ende {old} → {new}", "finish {old} → {new}"),
    "sheet.change.span": ("neu im Plan: {start} – {finish}", "new in the plan: {start} - {finish}"),
    "sheet.change.was": ("bisher {start} – {finish}, nicht mehr im Plan", "was {start} - {finish}, no longer in the plan"),
    "sheet.deadline_missed": (
        "{name}: Frist {deadline}, voraussichtliches Ende {finish} – {late} zu spät",
        "{name}: deadline {deadline}, expected finish {finish} - {late} late"),
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
        "Im Blatt Zeitplan lassen sich Beginn und Ende von Hand ändern; die Balken folgen sofort, "
        "die Nachfolger erst nach »roadmap update«.",
        "On the Timeline sheet, change Start and Finish by hand; the bars follow at once, the "
        "successors only after `roadmap update`."),
    "sheet.legend_done": ("Erledigter Anteil (dunkler)", "Share done (darker)"),
    "sheet.legend_edited": ("Von Hand geändertes Datum (Zeitplan)", "Date changed by hand (Timeline)"),
    "sheet.legend_near": (
        "knapp: nicht kritisch, aber höchstens 10 Arbeitstage Puffer",
        "near: not critical, but at most 10 working days of float"),
    "sheet.legend_deadline": ("⚑ Frist (rot: verpasst)", "⚑ Deadline (red: missed)"),
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
    "sheet.near": ("knapp", "near"),
    "sheet.status": ("Status", "Status"),
    "sheet.actual_start": ("Ist-Beginn", "Actual start"),
    "sheet.actual_finish": ("Ist-Ende", "Actual finish"),
    "sheet.progress": ("Fortschritt %", "Progress %"),
    "sheet.deadline": ("Frist", "Deadline"),
    "sheet.deadline_late": ("Verzug (AT)", "Late (days)"),
    "sheet.baseline_start": ("Basis-Beginn", "Baseline start"),
    "sheet.baseline_finish": ("Basis-Ende", "Baseline finish"),
    "sheet.slip": ("Abweichung (AT)", "Variance (days)"),
    "sheet.computed_start": ("Berechneter Beginn", "Computed start"),
    "sheet.computed_finish": ("Berechnetes Ende", "Computed finish"),
    # ---- data validation on the input columns ------------------------------------------------
    "sheet.valid.date_title": ("Datum", "Date"),
    "sheet.valid.date": ("Bitte ein Datum eingeben, z. B. 15.03.2027.", "Please enter a date, e.g. 2027-03-15."),
    "sheet.valid.progress_title": ("Fortschritt in %", "Progress in %"),
    "sheet.valid.progress": ("Bitte eine ganze Zahl von 0 bis 100 eingeben.",
                             "Please enter a whole number from 0 to 100."),
    # ---- Zeitplan ----------------------------------------------------------------------------
    "sheet.year": ("Jahr", "Year"),
    "sheet.month": ("Monat", "Month"),
    "sheet.week_of": ("Woche ab", "Week of"),
    "sheet.sessions_row": ("Sitzungen", "Sessions"),
    "sheet.holiday_mark": ("F", "H"),
    "sheet.school_mark": ("S", "S"),
    "sheet.no_phase": ("Ohne Phase", "No phase"),
    "sheet.edit_note": (
        "Orange: von Hand geändert – die Nachfolger folgen erst nach »roadmap update«.",
        "Orange: changed by hand - the successors follow only after `roadmap update`."),
    # ---- Treiberkette ------------------------------------------------------------------------
    "sheet.chains_title": (
        "Treiberkette: was den frühesten Termin jedes Meilensteins und Beschlusses bestimmt",
        "Driving path: what sets the earliest date of each milestone and decision"),
    "sheet.chains_note": (
        "Schritt 0 ist der Meilenstein oder Beschluss; jede weitere Zeile bestimmt den Termin der Zeile "
        "darüber, die letzte Zeile einer Kette sagt, woran sie hängt.",
        "Step 0 is the milestone or decision; each further row sets the date of the row above, the last "
        "row of a chain says what it hangs on."),
    "sheet.link": ("Vorgang", "Activity"),
    "sheet.set_by": ("Termin bestimmt durch", "Date set by"),
    "sheet.reason.link": ("Vorgänger Nr. {nr} ({link})", "predecessor no. {nr} ({link})"),
    "sheet.reason.session": ("erste passende Sitzung nach Nr. {nr} ({link})",
                             "first suitable session after no. {nr} ({link})"),
    "sheet.reason.start": ("Projektbeginn {date}", "project start {date}"),
    "sheet.reason.not_before": ("Termin „nicht vor“ {date}", "date \"not before\" {date}"),
    "sheet.reason.status_date": ("Stand {date}: noch offen, frühestens ab dann",
                                 "status date {date}: still open, from then on at the earliest"),
    "sheet.reason.actual": ("Ist-Termin {date}", "actual date {date}"),
    "sheet.reason.above": ("weiter wie oben bei Nr. {nr}", "continues as above at no. {nr}"),
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
