"""Other tools' formats: MS Project XML (``mspdi.``) and TaskJuggler (``tjp.``), export and import."""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- MS Project export ----------------------------------------------------------------
    "mspdi.field.id": ("Kennung", "Roadmap ID"),
    "mspdi.field.kind": ("Art", "Kind"),
    "mspdi.field.owner": ("Verantwortlich", "Owner"),
    "mspdi.field.sessions": ("Beratungsfolge", "Consultation sequence"),
    "mspdi.field.body": ("Gremium", "Body"),
    "mspdi.field.source": ("Quelle", "Source"),
    "mspdi.deliverable": ("Ergebnis: {text}", "Deliverable: {text}"),
    "mspdi.closure": ("Schließtag", "Closure"),
    "mspdi.calendar": ("Standard (Feiertage {state})", "Standard (public holidays {state})"),
}

ENTRIES.update({
    # ---- MS Project import: errors (one sentence each) -----------------------------------
    "mspdi.unreadable": ("'{path}' kann nicht gelesen werden: {reason}",
                         "cannot read '{path}': {reason}"),
    "mspdi.bad-xml": ("'{path}' ist keine gültige XML-Datei (Zeile {line}: {reason}); "
                      "speichern Sie den Plan in MS Project mit „Speichern unter“ → „XML-Format (*.xml)“",
                      "'{path}' is not a valid XML file (line {line}: {reason}); save the plan in "
                      "MS Project with 'Save As' → 'XML Format (*.xml)'"),
    "mspdi.dtd": ("'{path}' enthält eine DTD oder Entitäts-Deklarationen; solche Dateien werden aus "
                  "Sicherheitsgründen nicht gelesen, und MS-Project-XML braucht sie nie",
                  "'{path}' contains a DTD or entity declarations; such files are not read for "
                  "safety, and MS Project XML never needs them"),
    "mspdi.not-mspdi": ("'{path}' ist keine MS-Project-XML-Datei (MSPDI): sie beginnt mit <{root}> "
                        "statt mit <Project xmlns=\"http://schemas.microsoft.com/project\">",
                        "'{path}' is not an MS Project XML (MSPDI) file: it starts with <{root}> "
                        "instead of <Project xmlns=\"http://schemas.microsoft.com/project\">"),
    "mspdi.no-tasks": ("'{path}' enthält keine Vorgänge, aus denen ein Plan werden könnte",
                       "'{path}' contains no tasks to make a plan of"),
    "mspdi.bad-state": ("'{state}' ist kein Kürzel eines Bundeslands; erlaubt sind {states}",
                        "'{state}' is not the code of a German Land; use one of {states}"),
    "mspdi.header": ("Aus MS Project übernommen (roadmap import {path}); prüfen mit: roadmap check",
                     "Imported from MS Project (roadmap import {path}); check with: roadmap check"),
    "mspdi.fixed-body": ("Fester Termin: {name}", "Fixed date: {name}"),
    "mspdi.import-written": ("Plan geschrieben: {path} ({count} Arbeitspakete, Feiertage von {state}); "
                             "weiter mit: roadmap check {path}",
                             "Plan written: {path} ({count} work packages, public holidays of {state}); "
                             "next: roadmap check {path}"),
    "mspdi.exists": ("'{path}' gibt es schon; wählen Sie einen anderen Namen oder überschreiben Sie "
                     "mit --force", "'{path}' already exists; choose another name or overwrite with --force"),

    # ---- MS Project import: warnings ------------------------------------------------------
    "mspdi.warn.resources": ("{resources} Ressource(n) und {assignments} Zuordnung(en) nicht übernommen: "
                             "roadmap plant mit Dauern; tragen Sie Zuständigkeiten als 'owner' ein",
                             "{resources} resource(s) and {assignments} assignment(s) not carried over: "
                             "roadmap plans with durations; enter responsibilities as 'owner'"),
    "mspdi.warn.costs": ("Kosten und Kostensätze nicht übernommen: ein roadmap-Plan hat keine Kosten",
                         "costs and rates not carried over: a roadmap plan has no costs"),
    "mspdi.warn.progress": ("Fortschritt (% abgeschlossen, Ist-Termine) nicht übernommen: der Plan "
                            "beginnt ohne Ist-Daten", "progress (% complete, actual dates) not "
                            "carried over: the plan starts without actuals"),
    "mspdi.warn.baseline": ("Basispläne nicht übernommen", "baselines not carried over"),
    "mspdi.warn.partial-days": ("Arbeitszeiten, die von {minutes} Stunden am Tag abweichen, nicht "
                                "übernommen: roadmap rechnet in ganzen Arbeitstagen",
                                "working times other than {minutes} hours a day not carried over: "
                                "roadmap counts whole working days"),
    "mspdi.warn.working-exception": ("Ausnahme '{name}' macht einen freien Tag zum Arbeitstag; das "
                                     "kann der Plan nicht ausdrücken, der Tag bleibt frei",
                                     "exception '{name}' makes a day off a working day; a plan "
                                     "cannot say that, the day stays off"),
    "mspdi.warn.recurring-exception": ("wiederkehrende Kalenderausnahme '{name}' nicht übernommen; "
                                       "tragen Sie sie als 'closures' ein",
                                       "recurring calendar exception '{name}' not carried over; "
                                       "add it under 'closures'"),
    "mspdi.warn.no-holidays": ("die Datei enthält keine Feiertage; der Plan rechnet mit den "
                               "Feiertagen von {state} (anderes Bundesland: --state)",
                               "the file has no public holidays; the plan uses those of {state} "
                               "(another Land: --state)"),
    "mspdi.warn.holiday-working": ("{count} Feiertag(e) von {state} sind in der Datei Arbeitstage "
                                   "({dates}); im Plan sind sie frei",
                                   "{count} public holiday(s) of {state} are working days in the "
                                   "file ({dates}); in the plan they are days off"),
    "mspdi.warn.inactive": ("inaktiver Vorgang '{name}' nicht übernommen",
                            "inactive task '{name}' not carried over"),
    "mspdi.warn.external": ("externer Vorgang '{name}' nicht übernommen",
                            "external task '{name}' not carried over"),
    "mspdi.warn.nested": ("Sammelvorgänge unterhalb der obersten Ebene nicht übernommen: ihre "
                          "Vorgänge gehören zur Phase des obersten Sammelvorgangs",
                          "summary tasks below the top level not carried over: their tasks "
                          "belong to the phase of the top summary task"),
    "mspdi.warn.summary-constraint": ("Einschränkung des Sammelvorgangs '{name}' nicht übernommen",
                                      "constraint of summary task '{name}' not carried over"),
    "mspdi.warn.summary-link": ("die Anordnungsbeziehung '{pred}' → '{name}' hängt an einem "
                                "Sammelvorgang; sie gilt jetzt für jeden Vorgang darin",
                                "the link '{pred}' → '{name}' is attached to a summary task; it "
                                "now applies to each task inside it"),
    "mspdi.warn.milestone-duration": ("Meilenstein '{name}' hatte eine Dauer; er wird als Zeitpunkt "
                                      "übernommen", "milestone '{name}' had a duration; it becomes an instant"),
    "mspdi.warn.manual": ("'{name}' war manuell geplant; im Plan wird er automatisch terminiert",
                          "'{name}' was scheduled manually; the plan schedules it automatically"),
    "mspdi.warn.recurring": ("'{name}' ist ein periodischer Vorgang; übernommen als ein Vorgang",
                             "'{name}' is a recurring task; carried over as one task"),
    "mspdi.warn.task-calendar": ("Vorgangskalender von '{name}' nicht übernommen: der Plan hat einen "
                                 "Kalender", "task calendar of '{name}' not carried over: a plan "
                                 "has one calendar"),
    "mspdi.warn.rounded": ("'{name}': Dauer oder Abstand von {value} Tagen auf ganze Tage gerundet",
                           "'{name}': duration or lag of {value} days rounded to whole days"),
    "mspdi.warn.alap": ("'{name}' war „so spät wie möglich“; im Plan „so früh wie möglich“",
                        "'{name}' was 'as late as possible'; the plan schedules it as early as possible"),
    "mspdi.warn.must": ("'{name}' „muss anfangen/enden am“ {date}: im Plan „frühestens“ (not_before)",
                        "'{name}' 'must start/finish on' {date}: in the plan 'no earlier than' (not_before)"),
    "mspdi.warn.finish-constraint": ("'{name}': Einschränkung auf das Ende als frühester Anfang "
                                     "(not_before) übernommen", "'{name}': finish constraint carried "
                                     "over as earliest start (not_before)"),
    "mspdi.warn.fnlt": ("'{name}' „Ende nicht später als“: im Plan eine Frist (deadline), die nur warnt",
                        "'{name}' 'finish no later than': in the plan a deadline, which only warns"),
    "mspdi.warn.snlt": ("'{name}' „Anfang nicht später als“ nicht übernommen",
                        "'{name}' 'start no later than' not carried over"),
    "mspdi.warn.cross-project": ("Anordnungsbeziehung von '{name}' zu einem anderen Projekt nicht übernommen",
                                 "link of '{name}' to another project not carried over"),
    "mspdi.warn.unknown-link": ("'{name}': Vorgänger mit UID {uid} fehlt in der Datei; Beziehung "
                                "nicht übernommen", "'{name}': predecessor with UID {uid} is not "
                                "in the file; link not carried over"),
    "mspdi.warn.percent-lag": ("'{name}': Zeitabstand in Prozent nicht übernommen (Abstand 0)",
                               "'{name}': percentage lag not carried over (lag 0)"),
    "mspdi.warn.pinned": ("Meilenstein '{name}' ist auf das Ende des {date} festgelegt (z. B. ein "
                          "Ratsbeschluss); übernommen als Beschluss des Gremiums '{body}' mit dieser "
                          "einen Sitzung – tragen Sie dort den echten Sitzungskalender ein",
                          "milestone '{name}' is pinned to the end of {date} (e.g. a council "
                          "decision); carried over as a decision of body '{body}' with that one "
                          "session – enter the real session calendar there"),
})

ENTRIES.update({
    # ---- TaskJuggler export ----------------------------------------------------------------
    "tjp.header": ("TaskJuggler-Projekt „{name}“, geschrieben von roadmap export --format tjp",
                   "TaskJuggler project '{name}', written by roadmap export --format tjp"),
    "tjp.header.run": ("Terminieren: tj3 plan.tjp (schreibt den Bericht als HTML-Datei)",
                       "Schedule it: tj3 plan.tjp (writes the report as an HTML file)"),
    "tjp.header.pins": ("Wo tj3 anders rechnet als roadmap, steht ein fester Anfang (start) mit Begründung; "
                        "siehe docs/interop.md",
                        "Where tj3 counts differently from roadmap, a task has a fixed start with the "
                        "reason; see docs/interop.md"),
    "tjp.holidays": ("Gesetzliche Feiertage ({state})", "Public holidays ({state})"),
    "tjp.closures": ("Schließtage des Plans", "The plan's closures"),
    "tjp.closure": ("Schließtag", "Closure"),
    "tjp.pin.decision": ("Beschluss: fest am Sitzungstag (tj3 kennt keine Sitzungstermine)",
                         "decision: fixed on its session day (tj3 knows no council sessions)"),
    "tjp.pin.avoid": ("meidet Schulferien: fester Anfang am berechneten Tag (tj3 kennt keine zu meidenden Zeiten)",
                      "avoids school holidays: fixed start on the computed day (tj3 has no avoid windows)"),
    "tjp.pin.not-before": ("frühestens (not_before): fester Anfang am berechneten Tag (start ist in tj3 fest)",
                           "not_before: fixed start on the computed day (start is hard in tj3)"),
    "tjp.pin.elapsed": ("Dauer in Kalendertagen: fester Anfang, damit tj3 ab Tagesbeginn zählt",
                        "duration in calendar days: fixed start, so that tj3 counts from the day's opening"),
    "tjp.pin.link": ("EE/AE-Beziehung oder negativer Abstand: in tj3 nicht ausdrückbar, fester Anfang",
                     "FF/SF link or negative lag: tj3 cannot express it, fixed start"),
    "tjp.pin.elapsed-lag": ("Abstand in Kalendertagen ab einem Tagesbeginn: fester Anfang",
                            "calendar-day lag from a day's opening: fixed start"),
    "tjp.pin.opening": ("Meilenstein am Tagesbeginn: fester Zeitpunkt (tj3 nennt ihn 17:00 des Vortags)",
                        "milestone at a day's opening: fixed instant (tj3 names it 17:00 of the day before)"),
    "tjp.pin.after-elapsed": ("Meilenstein nach einer Dauer in Kalendertagen: fester Zeitpunkt (tj3 "
                              "setzt ihn auf 0:00 des Folgetags)", "milestone after a duration in "
                              "calendar days: fixed instant (tj3 puts it at 0:00 of the next day)"),
    "tjp.dropped": ("Vorgänger, die tj3 anders liest und die hier fehlen: {ids}",
                    "predecessors tj3 reads differently, left out here: {ids}"),
    "tjp.report.file": ("terminplan", "schedule"),
    "tjp.summary": ("{count} Arbeitspakete; terminieren mit tj3", "{count} work packages; schedule it with tj3"),
})
