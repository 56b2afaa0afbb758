"""Running the project: ``roadmap update`` (workbook back into the plan), the
Sachstandsbericht of ``roadmap report`` and the PDF of ``roadmap build --pdf``.

Keys: ``edit.*`` (editing the plan file), ``readback.*`` (reading the workbook),
``update.*`` (what update prints), ``report.*`` (the report), ``pdf.*``, and the
``help.update*``/``help.report*`` texts.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- editing the plan file -----------------------------------------------------------
    "edit.unreadable": (
        "Der Plan lässt sich nicht lesen: {error}",
        "The plan cannot be read: {error}"),
    "edit.layout": (
        "Diese Zeile des Plans kann roadmap nicht automatisch ändern: {line} – bitte von Hand "
        "eintragen.",
        "roadmap cannot change this line of the plan automatically: {line} - please edit it by hand."),
    "edit.no-project": ("Der Plan hat keinen Abschnitt 'project'.", "The plan has no 'project' section."),
    "edit.no-package": (
        "Im Plan gibt es kein Arbeitspaket mit der ID '{id}'.",
        "The plan has no work package with the ID '{id}'."),
    "edit.verify": (
        "Die Änderung hätte mehr als die gewünschten Werte verändert; der Plan bleibt unverändert.",
        "The change would have altered more than the values asked for; the plan is left as it was."),
    # ---- PDF -------------------------------------------------------------------------------
    "pdf.no-browser": (
        "Für die PDF-Ausgabe wird der Browser Chromium gebraucht; installieren Sie ihn "
        "(Debian/Ubuntu: sudo apt install chromium) oder setzen Sie CHROMIUM auf den Pfad "
        "eines Chromium/Chrome – es wurde nichts geschrieben.",
        "The PDF needs the Chromium browser; install it (Debian/Ubuntu: sudo apt install "
        "chromium) or set CHROMIUM to the path of a Chromium/Chrome - nothing was written."),
    "help.build.pdf": (
        "Auch <name>.pdf schreiben: das Gantt-Diagramm mit Meilensteintabelle als Vektor-PDF "
        "für die Ratsvorlage, im Format von --paper (braucht Chromium).",
        "Also write <name>.pdf: the Gantt chart with the milestone table as a vector PDF for the "
        "council paper, on the --paper size (needs Chromium)."),
    "pdf.failed": (
        "{target} konnte nicht erzeugt werden: Chromium hat kein PDF gedruckt ({reason}).",
        "{target} could not be made: Chromium printed no PDF ({reason})."),
    # ---- reading the workbook (roadmap update) ----------------------------------------------
    "readback.unreadable": (
        "{path} lässt sich nicht als Excel-Arbeitsmappe lesen: {reason}",
        "{path} cannot be read as an Excel workbook: {reason}"),
    "readback.not-roadmap": (
        "{path} ist kein Excel-Plan von roadmap (die Dokumenteigenschaft roadmap-plan-id fehlt); "
        "übernehmen lassen sich nur Arbeitsmappen, die roadmap build geschrieben hat.",
        "{path} is not a roadmap Excel plan (the document property roadmap-plan-id is missing); "
        "only workbooks written by roadmap build can be carried over."),
    "readback.other-plan": (
        "{path} wurde aus einem anderen Plan erstellt („{title}“), nicht aus „{plan}“; "
        "nehmen Sie den Excel-Plan, den roadmap build aus diesem Plan geschrieben hat.",
        "{path} was made from another plan (\"{title}\"), not from \"{plan}\"; use the Excel "
        "plan that roadmap build wrote from this plan."),
    "readback.stale": (
        "{path} ist älter als der Plan: er zeigt den Stand {status}, {plan} enthält schon Ist-Daten "
        "bis {latest}. Erzeugen Sie den Excel-Plan neu (roadmap build {plan}) und tragen Sie dort weiter ein.",
        "{path} is older than the plan: it shows the status of {status}, {plan} already has actual "
        "dates up to {latest}. Build the Excel plan again (roadmap build {plan}) and continue there."),
    "readback.no-sheet": (
        "Im Excel-Plan fehlt das Blatt „{sheet}“.",
        "The Excel plan has no sheet \"{sheet}\"."),
    "readback.no-column": (
        "Im Blatt „{sheet}“ fehlt die Spalte „{column}“ (die Spalten werden an ihrer "
        "Überschrift erkannt).",
        "The sheet \"{sheet}\" has no column \"{column}\" (columns are found by their header)."),
    "readback.formula": (
        "{where}: Die Formel hat keinen berechneten Wert; bitte in Excel speichern oder den "
        "Wert eintragen.",
        "{where}: the formula has no computed value; save the file in Excel or type the value."),
    "readback.bad-date": (
        "{where} ({column}): „{value}“ ist kein Datum (TT.MM.JJJJ).",
        "{where} ({column}): \"{value}\" is not a date (DD.MM.YYYY or YYYY-MM-DD)."),
    "readback.bad-progress": (
        "{where} ({column}): „{value}“ ist keine Zahl von 0 bis 100.",
        "{where} ({column}): \"{value}\" is not a number from 0 to 100."),
    "readback.bad-days": (
        "{where} ({column}): „{value}“ ist keine Dauer (ganze Tage, z. B. 15, oder 3w).",
        "{where} ({column}): \"{value}\" is not a duration (whole days, e.g. 15, or 3w)."),
    "readback.no-id": (
        "Blatt „{sheet}“, Zeile {row}: Werte ohne ID – die Zeile gehört zu keinem "
        "Arbeitspaket.",
        "Sheet \"{sheet}\", row {row}: values without an ID - the row belongs to no work package."),
    "readback.unknown-row": (
        "{where}: Ein Arbeitspaket „{id}“ gibt es im Plan nicht; neue Arbeitspakete bitte im "
        "Plan anlegen und den Excel-Plan neu erzeugen.",
        "{where}: the plan has no work package \"{id}\"; add new work packages to the plan and "
        "build the Excel plan again."),
    "readback.duplicate-row": (
        "Blatt „{sheet}“, Zeile {row}: Das Arbeitspaket „{id}“ steht zweimal in der Tabelle.",
        "Sheet \"{sheet}\", row {row}: the work package \"{id}\" is in the table twice."),
    "readback.two-dates": (
        "{where} ({id}): Ein Meilenstein oder Beschluss hat nur ein Datum; Ist-Beginn und "
        "Ist-Ende weichen voneinander ab.",
        "{where} ({id}): a milestone or decision has one date only; actual start and actual "
        "finish differ."),
    "readback.milestone-duration": (
        "{where} ({id}): Meilensteine und Beschlüsse haben keine Dauer.",
        "{where} ({id}): milestones and decisions have no duration."),
    "readback.finish-before-start": (
        "{where} ({id}): Das Ende {finish} liegt vor dem Beginn {start}.",
        "{where} ({id}): the finish {finish} lies before the start {start}."),
    "readback.assumed-late.actual_start": (
        "{where} ({id}): Fortschritt ohne Ist-Beginn, und der geplante Beginn {date} liegt "
        "nach dem Stichtag {status}; bitte den Ist-Beginn eintragen.",
        "{where} ({id}): progress without an actual start, and the planned start {date} lies "
        "after the status date {status}; please enter the actual start."),
    "readback.assumed-late.actual_finish": (
        "{where} ({id}): 100 % ohne Ist-Ende, und das geplante Ende {date} liegt nach dem "
        "Stichtag {status}; bitte das Ist-Ende eintragen.",
        "{where} ({id}): 100 % without an actual finish, and the planned finish {date} lies "
        "after the status date {status}; please enter the actual finish."),
    "readback.assumed-late.actual": (
        "{where} ({id}): 100 % ohne Datum, und der geplante Termin {date} liegt nach dem "
        "Stichtag {status}; bitte das Ist-Datum eintragen.",
        "{where} ({id}): 100 % without a date, and the planned date {date} lies after the "
        "status date {status}; please enter the actual date."),
    # ---- what roadmap update prints ----------------------------------------------------------
    "update.field.actual_start": ("Ist-Beginn", "Actual start"),
    "update.field.actual_finish": ("Ist-Ende", "Actual finish"),
    "update.field.actual": ("Ist-Datum", "Actual date"),
    "update.field.progress": ("Fortschritt", "Progress"),
    "update.field.duration": ("Dauer", "Duration"),
    "update.field.not_before": ("Anfang nicht früher als", "Start no earlier than"),
    "update.line": ("  {id} ({name}): {what}", "  {id} ({name}): {what}"),
    "update.set": ("{field} {old} → {new}", "{field} {old} → {new}"),
    "update.new": ("{field}: {new} (neu)", "{field}: {new} (new)"),
    "update.cleared": ("{field} {old} gelöscht", "{field} {old} removed"),
    "update.not-before": (
        "Beginn {old} → {new}: gespeichert als „Anfang nicht früher als“ (not_before: {iso}); "
        "die Vorgänger gelten weiter",
        "start {old} → {new}: saved as \"start no earlier than\" (not_before: {iso}); the "
        "predecessors still apply"),
    "update.duration": (
        "Dauer {old} → {new} Arbeitstage (duration: {text})",
        "duration {old} → {new} working days (duration: {text})"),
    "update.finish": (
        "Ende → {finish}: Dauer {old} → {new} Arbeitstage (duration: {text})",
        "finish → {finish}: duration {old} → {new} working days (duration: {text})"),
    "update.assumed.actual_start": (
        "{field} {new} übernommen (geplanter Beginn), weil Fortschritt oder Ist-Ende eingetragen ist",
        "{field} {new} taken from the planned start, because progress or an actual finish was entered"),
    "update.assumed.actual_finish": (
        "{field} {new} übernommen (geplantes Ende), weil 100 % eingetragen sind",
        "{field} {new} taken from the planned finish, because 100 % was entered"),
    "update.assumed.actual": (
        "{field} {new} übernommen (geplanter Termin), weil 100 % eingetragen sind",
        "{field} {new} taken from the planned date, because 100 % was entered"),
    "update.finished.progress": (
        "{field} → 100 %, weil ein Ist-Ende eingetragen ist",
        "{field} → 100 %, because an actual finish was entered"),
    "update.recomputed": (
        "Restdauer {old} gelöscht: sie folgt jetzt aus dem Fortschritt",
        "remaining {old} removed: it now follows from the progress"),
    "update.field.remaining": ("Restdauer", "Remaining"),
    "update.status-date": ("  Stichtag (project.status_date): {old} → {new}",
                           "  status date (project.status_date): {old} → {new}"),
    "update.header": (
        "{count} Änderungen aus {workbook} für {plan}:",
        "{count} changes from {workbook} for {plan}:"),
    "update.header-one": (
        "1 Änderung aus {workbook} für {plan}:",
        "1 change from {workbook} for {plan}:"),
    "update.nothing": (
        "Keine Änderungen: {workbook} zeigt dieselben Werte wie {plan}.",
        "No changes: {workbook} shows the same values as {plan}."),
    "update.written": (
        "{plan} gespeichert (Kommentare und Reihenfolge unverändert). Weiter: roadmap build {plan}",
        "{plan} saved (comments and order unchanged). Next: roadmap build {plan}"),
    "update.dry-run": (
        "Probelauf (--dry-run): {plan} bleibt unverändert. So würde sich der Plan ändern:",
        "Dry run (--dry-run): {plan} is left as it is. This is how the plan would change:"),
    "update.refused": (
        "{plan} bleibt unverändert.",
        "{plan} is left as it is."),
    "update.invalid": (
        "Mit diesen Werten aus dem Excel-Plan wäre der Plan fehlerhaft; {plan} bleibt unverändert "
        "(die Zeilennummern sind die der geänderten Fassung):",
        "With these values from the Excel plan the plan would have errors; {plan} is left as it "
        "is (the line numbers are those of the changed version):"),
    "update.future": (
        "Hinweis: Ist-Daten bis {date} liegen nach dem heutigen Tag; geben Sie beim Terminieren "
        "den Stichtag an (--status-date) oder tragen Sie project.status_date in den Plan ein.",
        "Note: actual dates up to {date} lie after today; give the status date when scheduling "
        "(--status-date) or set project.status_date in the plan."),
    # ---- --help --------------------------------------------------------------------------------
    "help.update": ("""Übernimmt, was im Excel-Plan eingetragen wurde, in den Plan PLAN.

    Ist-Beginn, Ist-Ende und Fortschritt % werden zu actual_start, actual_finish und
    progress (bei Meilensteinen und Beschlüssen: actual); eine geänderte Dauer wird zu
    duration, ein geänderter Beginn zu not_before („Anfang nicht früher als“).
    Kommentare, Reihenfolge und Layout des Plans bleiben erhalten. Eine Arbeitsmappe
    aus einem anderen Plan, unbekannte Zeilen und unlesbare Werte werden abgelehnt,
    ohne den Plan zu ändern (Exit-Status 1).

    \b
    Beispiele:
      roadmap update fahrplan.yaml --from ausgabe/fahrplan.xlsx --dry-run
      roadmap update fahrplan.yaml --from ausgabe/fahrplan.xlsx --status-date 01.10.2027
    """, """Carry what was entered in the Excel plan back into the plan PLAN.

    Actual start, actual finish and progress % become actual_start, actual_finish and
    progress (for milestones and decisions: actual); a changed duration becomes
    duration, a changed start becomes not_before ("start no earlier than"). The plan's
    comments, order and layout are kept. A workbook from another plan, unknown rows and
    unreadable values are refused without changing the plan (exit status 1).

    \b
    Examples:
      roadmap update plan.yaml --from out/plan.xlsx --dry-run
      roadmap update plan.yaml --from out/plan.xlsx --status-date 2027-10-01
    """),
    "help.update.from": (
        "Der Excel-Plan (.xlsx), den roadmap build aus PLAN geschrieben hat.",
        "The Excel plan (.xlsx) that roadmap build wrote from PLAN."),
    "help.update.dry-run": (
        "Nur zeigen, was sich ändern würde (als Diff); nichts schreiben.",
        "Only show what would change (as a diff); write nothing."),
    "help.update.status-date": (
        "Stichtag der eingetragenen Werte (JJJJ-MM-TT oder TT.MM.JJJJ); wird als "
        "project.status_date in den Plan geschrieben.",
        "Status date of the values entered (YYYY-MM-DD or DD.MM.YYYY); written into the plan "
        "as project.status_date."),
    # ---- the Sachstandsbericht (roadmap report) --------------------------------------------
    "report.language-tag": ("de-DE", "en-GB"),  # Word's proofing language of the report
    "report.title": ("Sachstandsbericht: {name}", "Status report: {name}"),
    "report.subtitle": ("Stand {status}", "Status {status}"),
    "report.subtitle-baseline": (
        "Stand {status} · verglichen mit dem Basisplan vom {baseline}",
        "Status {status} · compared with the baseline of {baseline}"),
    "report.footer": (
        "Erstellt mit roadmap aus {plan}. AT = Arbeitstage; Abweichung: + später, − früher als im "
        "Basisplan.",
        "Made with roadmap from {plan}. wd = working days; deviation: + later, − earlier than the "
        "baseline."),
    "report.days": ("{sign}{n} AT", "{sign}{n} wd"),
    "report.days-plain": ("{n} AT", "{n} wd"),
    "report.percent": ("{value} %", "{value} %"),
    "report.new": ("neu", "new"),
    "report.fact.status": ("Stichtag", "Status date"),
    "report.fact.done": ("Fertigstellung", "Complete"),
    "report.done": ("{percent} (nach Arbeitstagen gewichtet)", "{percent} (weighted by working days)"),
    "report.fact.entries": ("Umfang", "Scope"),
    "report.fact.states": ("Stand der Einträge", "State of the entries"),
    "report.states": (
        "{finished} abgeschlossen, {running} in Arbeit, {not_started} nicht begonnen; {late} im Verzug",
        "{finished} finished, {running} running, {not_started} not started; {late} late"),
    "report.fact.finish": ("Projektende", "Project finish"),
    "report.finish-vs": ("{finish} (Basisplan: {baseline}, {delta})", "{finish} (baseline: {baseline}, {delta})"),
    "report.fact.baseline": ("Basisplan", "Baseline"),
    "report.baseline-file": ("{file}, Stand {status}", "{file}, status {status}"),
    "report.no-baseline": (
        "Ohne Basisplan (--baseline) zählt hier nur eine verfehlte Frist als Verzug.",
        "Without a baseline (--baseline) only a missed deadline counts as late here."),
    # sections
    "report.section.finished": ("Seit dem Basisplan abgeschlossen", "Finished since the baseline"),
    "report.section.running": ("In Arbeit", "Running"),
    "report.section.late": ("Im Verzug gegenüber dem Basisplan", "Late against the baseline"),
    "report.section.moved": ("Beschlüsse in einer anderen Sitzung", "Decisions moved to another session"),
    "report.section.next": ("Die nächsten {n} Beschlüsse", "The next {n} decisions"),
    "report.section.near": ("Wenig Puffer: kritische und fast kritische Arbeitspakete",
                            "Little float: critical and near-critical work packages"),
    "report.section.changes": ("Änderungen am Plan seit dem Basisplan", "Changes to the plan since the baseline"),
    "report.near-intro": (
        "Offene Arbeitspakete mit höchstens 10 Arbeitstagen Gesamtpuffer: jede Verzögerung hier "
        "verschiebt das Projektende oder einen Beschluss.",
        "Open work packages with at most 10 working days of total float: any delay here moves the "
        "project finish or a decision."),
    "report.none.finished": ("Seit dem Basisplan wurde nichts abgeschlossen.", "Nothing was finished since the baseline."),
    "report.none.running": ("Zurzeit läuft kein Arbeitspaket.", "No work package is running."),
    "report.none.late": ("Kein Arbeitspaket ist im Verzug.", "No work package is late."),
    "report.none.moved": ("Alle Beschlüsse bleiben in ihrer Sitzung.", "Every decision stays in its session."),
    "report.none.next": ("Es stehen keine Beschlüsse mehr aus.", "No decisions are pending."),
    "report.none.near": ("Kein offenes Arbeitspaket hat weniger als 11 Arbeitstage Puffer.",
                         "No open work package has less than 11 working days of float."),
    "report.none.changes": ("Keine Arbeitspakete hinzugekommen oder entfallen.", "No work packages added or removed."),
    "report.critical": ("kritisch", "critical"),
    "report.near": ("fast kritisch", "near-critical"),
    "report.added": ("neu im Plan", "added"),
    "report.removed": ("entfallen", "removed"),
    # columns
    "report.col.task": ("Arbeitspaket", "Work package"),
    "report.col.decision": ("Beschluss", "Decision"),
    "report.col.actual_start": ("Ist-Beginn", "Actual start"),
    "report.col.actual_finish": ("Ist-Ende", "Actual finish"),
    "report.col.baseline_finish": ("Ende laut Basisplan", "Baseline finish"),
    "report.col.expected_finish": ("Ende voraussichtlich", "Expected finish"),
    "report.col.slip": ("Abweichung", "Deviation"),
    "report.col.progress": ("Fortschritt", "Progress"),
    "report.col.reason": ("Grund", "Reason"),
    "report.col.old_session": ("Sitzung bisher", "Previous session"),
    "report.col.new_session": ("Sitzung neu", "New session"),
    "report.col.sessions": ("Beratungsfolge", "Consultation sequence"),
    "report.col.session": ("Sitzung", "Session"),
    "report.col.vorlage_due": ("Vorlage fertig bis", "Paper ready by"),
    "report.col.start": ("Beginn", "Start"),
    "report.col.finish": ("Ende", "Finish"),
    "report.col.float": ("Puffer (AT)", "Float (wd)"),
    "report.col.note": ("Einstufung", "Rating"),
    "report.col.change": ("Änderung", "Change"),
    "report.col.dates": ("Termine", "Dates"),
    # why late
    "report.reason.session": (
        "Sitzung {old} nicht mehr erreichbar, nächste am {new}",
        "session {old} can no longer be reached, next on {new}"),
    "report.reason.link": ("wartet auf „{name}“ (Ende {finish}{slipped})", "waits for \"{name}\" (finish {finish}{slipped})"),
    "report.reason.slipped": (", {days} gegenüber dem Basisplan", ", {days} against the baseline"),
    "report.reason.not-started": (
        "noch nicht begonnen, frühestens ab {start}",
        "not started yet, from {start} at the earliest"),
    "report.reason.running": (
        "dauert länger als geplant: {progress} erledigt, Ende voraussichtlich {finish}",
        "takes longer than planned: {progress} done, expected to finish {finish}"),
    "report.reason.started-late": (
        "begann {days} später als geplant; {progress} erledigt, Ende voraussichtlich {finish}",
        "started {days} later than planned; {progress} done, expected to finish {finish}"),
    "report.reason.not-before": ("frühester Beginn {date} (not_before)", "start no earlier than {date} (not_before)"),
    "report.reason.cause": ("Ursache: „{name}“ ({days})", "cause: \"{name}\" ({days})"),
    "report.reason.deadline": ("Frist {deadline} um {days} AT verfehlt", "deadline {deadline} missed by {days} wd"),
    "report.written": (
        "Sachstandsbericht geschrieben: {path} (Stand {status}: {percent} % erledigt, {late} im Verzug)",
        "Status report written: {path} (status {status}: {percent} % done, {late} late)"),
    "help.report": ("""Schreibt den Sachstandsbericht zu PLAN – für die Mitteilungsvorlage an den Rat.

    Inhalt: Stichtag und Fertigstellung, seit dem Basisplan Abgeschlossenes, Laufendes,
    Verzug mit Grund (Vorgänger oder verpasste Sitzung), verschobene Beschlüsse mit
    Beratungsfolge, die nächsten drei Beschlüsse mit Vorlagefristen und Arbeitspakete mit
    wenig Puffer. .docx für Word, sonst Markdown.

    \b
    Beispiele:
      roadmap report fahrplan.yaml --baseline fahrplan.basis.json -o sachstand.docx
      roadmap report fahrplan.yaml --baseline fahrplan.basis.json -o sachstand.md --status-date 01.10.2027
    """, """Write the status report (Sachstandsbericht) of PLAN, for the council.

    Contents: status date and % done, finished since the baseline, running, late with the
    reason (predecessor or missed session), decisions moved to another session with the
    consultation sequence, the next three decisions with their paper deadlines, and work
    packages with little float. .docx for Word, Markdown otherwise.

    \b
    Examples:
      roadmap report plan.yaml --baseline plan.basis.json -o report.docx
      roadmap report plan.yaml --baseline plan.basis.json -o report.md --status-date 2027-10-01
    """),
    "help.report.baseline": (
        "Basisplan (roadmap baseline), mit dem verglichen wird.",
        "Baseline file (roadmap baseline) to compare with."),
    "help.report.out": (
        "Zieldatei: .docx (Word) oder .md (Markdown); Standard: roadmap-out/<plan>-sachstand.docx.",
        "Target file: .docx (Word) or .md (Markdown); default: roadmap-out/<plan>-sachstand.docx."),
    "help.report.lang": ("Sprache des Berichts (Standard: die des Plans).", "Language of the report (default: the plan's)."),
}
