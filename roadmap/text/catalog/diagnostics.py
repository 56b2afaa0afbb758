"""Diagnostics and errors: the codes with their severity, and every message text.

Keys are ``<code>`` or ``<code>.<variant>`` for diagnostics (the code before the dot is
the diagnostic code), and ``what.*``, ``format.*``, ``ics.*``, ``output.*``,
``template.*``, ``cli.*`` for the pieces and the other errors. The codes and the words
``error``/``warning`` stay English (tools parse them).
"""

#: Every diagnostic code with its severity (the outside contract; see docs/scheduling.md).
CODES = {
    "yaml-syntax": "error", "duplicate-key": "error", "unknown-key": "error",
    "missing-key": "error", "bad-type": "error", "bad-version": "error", "bad-state": "error",
    "bad-language": "error", "bad-date": "error", "bad-weekday": "error",
    "bad-duration": "error", "bad-link": "error", "bad-id": "error", "duplicate-id": "error",
    "unknown-package": "error", "self-link": "error", "cycle": "error", "bad-kind": "error",
    "unknown-phase": "error", "unknown-role": "error", "unknown-body": "error",
    "not-a-decision": "error", "bad-avoid": "error", "avoid-without-school-holidays": "error",
    "unknown-option": "error", "bad-option-value": "error", "bad-text": "error",
    "bad-color": "error", "bad-capacity": "error", "ics-error": "error", "unreadable": "error",
    "no-session": "error", "too-long": "error", "no-working-days": "error",
    "no-sessions": "warning", "deadline-missed": "warning", "over-allocated": "warning",
    # progress and the status date (docs/plan-format.md, "Progress and the status date")
    "bad-progress": "error", "bad-actual-key": "error", "actual-order": "error",
    "progress-without-start": "error", "progress-without-finish": "error",
    "progress-conflict": "error", "actual-after-status": "error",
    "actual-not-a-session": "warning", "no-status-date": "warning",
    # baseline files (roadmap baseline, build --baseline)
    "bad-baseline": "error", "baseline-other-plan": "warning",
    # the files themselves: limits, encodings, calendar files (docs/plan-format.md, "Grenzen")
    "file-too-large": "error", "alias-limit": "error", "too-deep": "error",
    "number-too-long": "error", "date-out-of-range": "error", "bad-match": "error",
    "bad-encoding": "error", "bad-character": "error", "ics-bad-event": "warning",
    "ics-out-of-range": "warning", "ics-limit": "warning", "school-holidays-end": "warning",
}

_ALLOWED_ID = "a-z, 0-9, '_' {and} '-'"

#: key -> (German, English); ``str.format`` templates.
ENTRIES: dict[str, tuple[str, str]] = {
    # ---- pieces ------------------------------------------------------------------------
    "suggest": (" (meinten Sie '{word}'?)", " (did you mean '{word}'?)"),
    "detail": ("{what}: {error}", "{what}: {error}"),
    "what.plan": ("Plan", "the plan"),
    "what.field": ("{what}: {field}", "{what}: {field}"),
    "what.template-option": ("Option '{key}' der Vorlage", "template option '{key}'"),
    "what.choices": ("Auswahl der Option '{key}'", "the choices of template option '{key}'"),
    "what.choice": ("Auswahl '{value}'", "choice '{value}'"),
    "what.template-name": ("Name der Vorlage", "template name"),
    "what.template-description": ("Beschreibung der Vorlage", "template description"),
    "what.option-name": ("Name der Option", "option name"),
    "what.closure": ("Schließzeit", "a closure"),
    "what.closure-from": ("Schließzeit 'from'", "closure 'from'"),
    "what.closure-to": ("Schließzeit 'to'", "closure 'to'"),
    "what.body": ("Gremium '{id}'", "body '{id}'"),
    "what.body-name": ("Name des Gremiums", "body name"),
    "what.session": ("Sitzung von '{body}'", "session of '{body}'"),
    "what.lead-time": ("Vorlauf 'lead_time' von '{body}'", "lead_time of '{body}'"),
    "what.role": ("Rolle '{id}'", "role '{id}'"),
    "what.role-name": ("Name der Rolle", "role name"),
    "what.phase": ("Phase", "a phase"),
    "what.phase-name": ("Name der Phase", "phase name"),
    "what.work-package": ("Arbeitspaket", "a work package"),
    "what.package": ("Arbeitspaket '{id}'", "package '{id}'"),
    "what.description": ("Beschreibung", "description"),
    "what.deliverable": ("Ergebnis", "deliverable"),
    "kind.milestone": ("Meilenstein", "milestone"),
    "kind.decision": ("Beschluss", "decision"),
    "ics.matching": (" passend zu '{match}'", " matching '{match}'"),

    # ---- diagnostics of the loader ------------------------------------------------------
    "unreadable": ("der Plan kann nicht gelesen werden: {reason}", "cannot read the plan: {reason}"),
    "yaml-syntax": ("kein gültiges YAML: {problem}; prüfen Sie Einrückung, Doppelpunkte und Klammern",
                    "not valid YAML: {problem}"),
    "bad-type.mapping": ("{what}: muss aus Zeilen 'Schlüssel: Wert' bestehen",
                         "{what} must be a mapping of 'key: value' lines"),
    "bad-type.plan": ("ein Plan muss eine YAML-Zuordnung mit 'roadmap', 'project' und 'packages' sein",
                      "a plan must be a YAML mapping with 'roadmap', 'project' and 'packages'"),
    "bad-type.closures": ("'closures' muss eine Liste von {{from, to, name}} sein",
                          "'closures' must be a list of {{from, to, name}}"),
    "bad-type.school-holidays": ("'school_holidays' muss true oder false sein",
                                 "'school_holidays' must be true or false"),
    "bad-type.public-holidays": ("'public_holidays' muss true oder false sein",
                                 "'public_holidays' must be true or false"),
    "bad-type.level": ("'level' muss true oder false sein", "'level' must be true or false"),
    "bad-type.priority": ("{what}: 'priority' muss eine ganze Zahl von 0 bis 1000 sein",
                          "{what}: 'priority' must be a whole number from 0 to 1000"),
    "bad-type.sessions": ("'sessions' muss eine Liste von Sitzungsterminen sein",
                          "'sessions' must be a list of dates"),
    "bad-type.phases": ("'phases' muss eine Liste von {{id, name}} sein",
                        "'phases' must be a list of {{id, name}}"),
    "bad-type.via": ("{what}: 'via' muss eine Liste von Gremien-IDs sein (Beratungsfolge, z. B. [digital, hfa])",
                     "{what}: 'via' must be a list of body ids (the Beratungsfolge, e.g. [digital, hfa])"),
    "bad-type.packages": ("'packages' muss eine nicht leere Liste von Arbeitspaketen sein",
                          "'packages' must be a non-empty list of work packages"),
    "duplicate-key": ("{what}: '{key}' steht zweimal da; behalten Sie eine Angabe",
                      "'{key}' is given twice in {what}; keep one"),
    "unknown-key": ("{what}: unbekannter Schlüssel '{key}'{suggest}",
                    "unknown key '{key}' in {what}{suggest}"),
    "bad-text.languages": ("{what}: erlaubt sind nur die Sprachen 'de' und 'en', nicht '{language}'",
                           "{what} may only have the languages 'de' and 'en', not '{language}'"),
    "bad-date.format": ("{what}: '{value}' ist kein Datum; schreiben Sie JJJJ-MM-TT oder TT.MM.JJJJ",
                        "{what} '{value}' is not a date; write YYYY-MM-DD or TT.MM.JJJJ"),
    "bad-date.closure-order": ("die Schließzeit endet ({end}) vor ihrem Beginn ({start})",
                               "closure ends ({end}) before it starts ({start})"),
    "bad-duration.too-long": ("{what}: '{value}' ist länger als {max} Tage; ein Fahrplan plant Jahre, "
                              "nicht Jahrhunderte",
                              "{what}: '{value}' is longer than {max} days; "
                              "a kickoff roadmap plans years, not centuries"),
    "bad-duration.not-task": ("{what} ist ein {kind} und hat keine Dauer; entfernen Sie 'duration' "
                              "oder setzen Sie 'kind: task'",
                              "{what} is a {kind} and has no duration; remove 'duration' or make it a task"),
    "missing-key.top": ("der Plan braucht den Schlüssel '{key}' auf oberster Ebene (ohne Einrückung)",
                        "the plan needs a top-level '{key}' key"),
    "missing-key.project-name": ("'project' braucht einen Namen ('name')", "'project' needs a 'name'"),
    "missing-key.project-start": ("'project' braucht ein Startdatum, z. B. 'start: 2027-01-11'",
                                  "'project' needs a 'start' date, e.g. 'start: 2027-01-11'"),
    "missing-key.closure": ("eine Schließzeit braucht 'from' (und 'to', wenn sie länger als einen Tag dauert)",
                            "a closure needs 'from' (and 'to' if longer than a day)"),
    "missing-key.phase": ("eine Phase braucht eine 'id'", "a phase needs an 'id'"),
    "missing-key.package-id": ("ein Arbeitspaket braucht eine 'id'", "a work package needs an 'id'"),
    "missing-key.duration": ("{what} braucht eine Dauer 'duration' (z. B. 10d, 3w, 2mo)",
                             "{what} is a task and needs a 'duration' (e.g. 10d, 3w, 2mo)"),
    "missing-key.decision-body": ("{what} ist ein Beschluss und braucht das beschließende Gremium ('body')",
                                  "{what} is a decision and needs the 'body' that decides"),
    "bad-version": ("'roadmap: {version}' ist keine bekannte Formatversion; schreiben Sie 'roadmap: 1'",
                    "'roadmap: {version}' is not a known format version; write 'roadmap: 1'"),
    "bad-state": ("'{state}' ist kein Kürzel eines Bundeslands; erlaubt sind {states}",
                  "'{state}' is not a German Land code; use one of {states}"),
    "bad-language": ("Sprache '{language}' muss 'de' oder 'en' sein",
                     "language '{language}' must be 'de' or 'en'"),
    "bad-weekday.unknown": ("'{day}' ist kein Wochentag; erlaubt sind mo, di, mi, do, fr, sa, so "
                            "(oder mon, tue, wed, thu, fri, sat, sun)",
                            "'{day}' is not a weekday; use mon, tue, wed, thu, fri, sat, sun"),
    "bad-weekday.all": ("das Wochenende kann nicht die ganze Woche sein",
                        "the weekend cannot be the whole week"),
    "bad-id.body": ("die Kennung '{id}' des Gremiums darf nur " + _ALLOWED_ID.format(**{"and": "und"})
                    + " enthalten",
                    "body id '{id}' may only use " + _ALLOWED_ID.format(**{"and": "and"})),
    "bad-id.package": ("die Kennung '{id}' des Arbeitspakets darf nur " + _ALLOWED_ID.format(**{"and": "und"})
                       + " enthalten",
                       "package id '{id}' may only use " + _ALLOWED_ID.format(**{"and": "and"})),
    "ics-error": ("{error}", "{error}"),
    "no-sessions.ics": ("'{file}' enthält keine Sitzungen{matching} für das Gremium '{body}'{found}",
                        "'{file}' has no sessions{matching} for body '{body}'{found}"),
    "no-sessions.none": ("Gremium '{body}' hat weder 'sessions' noch 'sessions_ics'; Beschlüsse dieses "
                         "Gremiums können nicht eingeplant werden",
                         "body '{body}' has neither 'sessions' nor 'sessions_ics'; "
                         "decisions of this body cannot be scheduled"),
    "bad-capacity": ("die Kapazität der Rolle '{role}' muss eine positive Zahl sein, z. B. 0.5",
                     "capacity of role '{role}' must be a positive number such as 0.5"),
    "bad-capacity.step": ("die Kapazität der Rolle '{role}' ist eine Zahl oder eine Liste von "
                          "{{from: Datum oder Arbeitspaket, capacity: Anteil ≥ 0}}",
                          "capacity of role '{role}' is a number or a list of "
                          "{{from: date or package, capacity: share ≥ 0}}"),
    "bad-capacity.need": ("{what}: der Bedarf an '{role}' muss eine Zahl ≥ 0 sein, z. B. 0.5",
                          "{what}: the need for '{role}' must be a number ≥ 0 such as 0.5"),
    "unknown-option.plan": ("unbekannte Option '{key}'{suggest}; die Vorlage kennt: {known}",
                            "unknown option '{key}'{suggest}; the template knows: {known}"),
    "unknown-option.when": ("{what}: 'when' nutzt die Option '{key}', die unter 'options' nicht gesetzt ist"
                            "{suggest}",
                            "{what}: 'when' uses option '{key}', which is not set under 'options'{suggest}"),
    "bad-option-value.default": ("Option '{key}': der Standardwert '{default}' ist keine ihrer "
                                 "Auswahlmöglichkeiten: {choices}",
                                 "the default '{default}' of option '{key}' is not one of its choices: "
                                 "{choices}"),
    "bad-option-value.plan": ("'{value}' ist keine Auswahl der Option '{key}'{suggest}; wählen Sie eine "
                              "von: {choices}",
                              "'{value}' is not a choice of option '{key}'{suggest}; choose one of {choices}"),
    "bad-option-value.when": ("{what}: '{value}' ist keine Auswahl der Option '{key}'; wählen Sie eine "
                              "von: {choices}",
                              "{what}: '{value}' is not a choice of option '{key}'; choose one of {choices}"),
    "duplicate-id.phase": ("Phase '{id}' ist zweimal definiert; behalten Sie eine",
                           "phase '{id}' is defined twice"),
    "duplicate-id.package": ("die Kennung '{id}' ist schon in Zeile {line} vergeben; wählen Sie eine andere",
                             "package id '{id}' is already used on line {line}"),
    "bad-color": ("Farbe '{color}' muss wie #1f77b4 aussehen", "color '{color}' must look like #1f77b4"),
    "self-link": ("Arbeitspaket '{id}' kann nicht sein eigener Vorgänger sein",
                  "package '{id}' cannot come after itself"),
    "unknown-package": ("Arbeitspaket '{id}': der Vorgänger '{pred}' ist kein Arbeitspaket{suggest}",
                        "package '{id}' comes after '{pred}', which is not a package{suggest}"),
    "cycle": ("die Abhängigkeiten bilden einen Kreis: {cycle}; entfernen Sie eine dieser Abhängigkeiten",
              "dependency cycle: {cycle}"),
    "bad-kind": ("{what}: Art (kind) '{kind}' muss task, milestone oder decision sein{suggest}",
                 "{what}: kind '{kind}' must be task, milestone or decision{suggest}"),
    "bad-link.list": ("{what}: 'after' muss eine Liste von Vorgängern sein",
                      "{what}: 'after' must be a list of links"),
    "unknown-phase": ("{what}: Phase '{phase}' ist unter 'phases' nicht definiert{suggest}",
                      "{what}: phase '{phase}' is not defined under 'phases'{suggest}"),
    "unknown-role": ("{what}: die Rolle '{owner}' ist unter 'roles' nicht definiert{suggest}",
                     "{what}: owner '{owner}' is not defined under 'roles'{suggest}"),
    "unknown-body": ("{what}: Gremium '{body}' ist unter 'bodies' nicht definiert{suggest}",
                     "{what}: body '{body}' is not defined under 'bodies'{suggest}"),
    "not-a-decision": ("{what}: 'body' und 'via' gibt es nur bei Beschlüssen ('kind: decision')",
                       "{what}: 'body' and 'via' are only for packages with 'kind: decision'"),
    "bad-avoid.value": ("{what}: '{value}' kann nicht gemieden werden; möglich ist nur 'school_holidays'",
                        "{what}: cannot avoid '{value}'; the only choice is 'school_holidays'"),
    "bad-avoid.decision": ("{what}: ein Beschluss fällt in der Sitzung seines Gremiums; 'avoid' gilt "
                           "dafür nicht",
                           "{what}: a decision takes place on its body's session; 'avoid' does not apply"),
    "avoid-without-school-holidays": (
        "{what} soll Schulferien meiden, aber 'calendar: school_holidays' ist false; setzen Sie es "
        "auf true oder entfernen Sie 'avoid'",
        "{what} avoids school holidays, but 'calendar: school_holidays' is false; "
        "set it to true or remove 'avoid'"),

    # ---- diagnostics of the scheduler ----------------------------------------------------
    "too-long": ("der Zeitplan reicht über {year} hinaus; prüfen Sie Dauern und Abstände auf Tippfehler",
                 "the schedule runs past {year}; check the durations and lags for typos"),
    "no-session": ("Beschluss '{id}': Gremium '{body}' ({name}) hat keine Sitzung am oder nach dem {date}; "
                   "ergänzen Sie spätere Sitzungstermine",
                   "decision '{id}': body '{body}' ({name}) has no session on or after {date}; "
                   "add later session dates"),
    "no-working-days": ("ab dem Projektbeginn {start} gibt es bis {last} keinen Arbeitstag; Wochenende, "
                        "Feiertage und Schließzeiten ('closures') decken alles ab",
                        "there is no working day from the project start {start} to {last}; the weekend, "
                        "holidays and closures cover everything"),
    "deadline-missed": ("Arbeitspaket '{id}' endet am {finish}, nach seiner Frist {deadline} ({days} Arbeitstag(e) zu spät)",
                        "'{id}' finishes on {finish}, after its deadline {deadline} ({days} working day(s) late)"),
    "over-allocated": ("Rolle '{role}' ({name}) ist vom {first} bis {last} überlastet: bis zu {load} "
                       "bei Kapazität {capacity} ({days} Arbeitstag(e); {packages}){hint}",
                       "role '{role}' ({name}) is over-allocated from {first} to {last}: up to {load} "
                       "with capacity {capacity} ({days} working day(s); {packages}){hint}"),

    # ---- progress: actual dates, % complete, the status date -------------------------------
    "bad-progress.number": ("{what}: progress '{value}' ist keine Zahl; schreiben Sie, wie viel Prozent "
                            "fertig sind, 0 bis 100 (z. B. 40)",
                            "{what}: progress '{value}' is not a number; write the percent complete, "
                            "0 to 100 (e.g. 40)"),
    "bad-progress.range": ("{what}: progress {value} liegt nicht zwischen 0 und 100 (Prozent fertig)",
                           "{what}: progress {value} is not between 0 and 100 (percent complete)"),
    "bad-actual-key.task": ("{what}: 'actual' gibt es nur bei Meilensteinen und Beschlüssen; für ein "
                            "Arbeitspaket schreiben Sie actual_start und actual_finish",
                            "{what}: 'actual' is for milestones and decisions; for a task write "
                            "actual_start and actual_finish"),
    "bad-actual-key.milestone": ("{what} ist ein Meilenstein und hat kein '{key}'; schreiben Sie "
                                 "'actual: <Datum>', den Tag, an dem er erreicht wurde",
                                 "{what} is a milestone and has no '{key}'; write 'actual: <date>', "
                                 "the day it was reached"),
    "bad-actual-key.decision": ("{what} ist ein Beschluss und hat kein '{key}'; schreiben Sie "
                                "'actual: <Datum>', den Sitzungstag, an dem er gefasst wurde",
                                "{what} is a decision and has no '{key}'; write 'actual: <date>', "
                                "the session it was taken in"),
    "actual-order": ("{what}: actual_finish {finish} liegt vor actual_start {start}",
                     "{what}: actual_finish {finish} is before actual_start {start}"),
    "progress-without-start.progress": ("{what}: progress {value} ohne actual_start; tragen Sie ein, "
                                        "wann die Arbeit begonnen hat",
                                        "{what}: progress {value} without actual_start; "
                                        "enter when the work started"),
    "progress-without-start.remaining": ("{what}: remaining {value} ohne actual_start; tragen Sie ein, "
                                         "wann die Arbeit begonnen hat",
                                         "{what}: remaining {value} without actual_start; "
                                         "enter when the work started"),
    "progress-without-start.finish": ("{what}: actual_finish ohne actual_start; tragen Sie auch ein, "
                                      "wann die Arbeit begonnen hat",
                                      "{what}: actual_finish without actual_start; "
                                      "enter when the work started too"),
    "progress-without-finish.progress": ("{what}: progress 100 ohne actual_finish; tragen Sie ein, "
                                         "wann das Arbeitspaket fertig wurde",
                                         "{what}: progress 100 without actual_finish; "
                                         "enter when the work was finished"),
    "progress-without-finish.remaining": ("{what}: remaining 0 ohne actual_finish; tragen Sie ein, "
                                          "wann das Arbeitspaket fertig wurde",
                                          "{what}: remaining 0 without actual_finish; "
                                          "enter when the work was finished"),
    "progress-conflict.progress": ("{what}: actual_finish ist eingetragen, aber progress ist {value} "
                                   "statt 100; ein fertiges Arbeitspaket ist zu 100 % fertig",
                                   "{what}: actual_finish is given, but progress is {value}, not 100"),
    "progress-conflict.remaining": ("{what}: actual_finish ist eingetragen, aber remaining ist {value}; "
                                    "ein fertiges Arbeitspaket hat keine Restdauer",
                                    "{what}: actual_finish is given, but remaining is {value}; "
                                    "finished work has nothing left"),
    "actual-after-status": ("{what}: {key} {date} liegt nach dem Stichtag {status}; Ist-Termine reichen "
                            "höchstens bis zum Stichtag (project: status_date oder --status-date)",
                            "{what}: {key} {date} is after the status date {status}; actual dates "
                            "end at the status date (project: status_date or --status-date)"),
    "actual-not-a-session": ("Beschluss '{id}': actual {date} ist kein Sitzungstag von '{body}' "
                             "({name}); war es eine Sondersitzung, ergänzen Sie den Termin unter "
                             "'sessions'",
                             "decision '{id}': actual {date} is not a session of '{body}' ({name}); "
                             "if it was an extra session, add it under 'sessions'"),
    "no-status-date": ("der Plan enthält Ist-Termine oder Fortschritt, aber keinen Stichtag; gerechnet "
                       "wird mit heute, {date}. Setzen Sie 'status_date' unter 'project', damit der "
                       "Zeitplan morgen derselbe ist",
                       "the plan records progress but has no status date; today, {date}, is used. "
                       "Set 'status_date' under 'project' so the schedule stays the same tomorrow"),

    # ---- baseline files -------------------------------------------------------------------
    "bad-baseline.unreadable": ("der Basisplan kann nicht gelesen werden: {reason}",
                                "cannot read the baseline: {reason}"),
    "bad-baseline.syntax": ("der Basisplan ist beschädigt (kein gültiges JSON/YAML): {problem}; "
                            "erzeugen Sie ihn neu mit 'roadmap baseline'",
                            "the baseline is damaged (not valid JSON/YAML): {problem}; "
                            "make it again with 'roadmap baseline'"),
    "bad-baseline.kind": ("das ist kein Basisplan von roadmap (es fehlt 'roadmap_baseline: 1'); "
                          "erzeugen Sie ihn mit 'roadmap baseline PLAN'",
                          "this is not a roadmap baseline ('roadmap_baseline: 1' is missing); "
                          "make one with 'roadmap baseline PLAN'"),
    "bad-baseline.version": ("Basisplan-Format '{version}' ist unbekannt; diese Version liest Format 1",
                             "baseline format '{version}' is unknown; this version reads format 1"),
    "what.baseline": ("der Basisplan", "the baseline"),
    "what.baseline-entry": ("Eintrag '{id}'", "entry '{id}'"),
    "what.baseline-status": ("Stichtag 'status_date'", "status date 'status_date'"),
    "what.baseline-list": ("eine Liste von Einträgen {{...}}", "a list of entries {{...}}"),
    "what.baseline-text": ("ein Text in Anführungszeichen", "a quoted text"),
    "bad-baseline.missing": ("Basisplan: {what} braucht '{key}'", "baseline: {what} needs '{key}'"),
    "bad-baseline.type": ("Basisplan: '{key}' muss {expected} sein", "baseline: '{key}' must be {expected}"),
    "bad-baseline.date": ("Basisplan: {what}: '{value}' ist kein Datum (JJJJ-MM-TT)",
                          "baseline: {what}: '{value}' is not a date (YYYY-MM-DD)"),
    "bad-baseline.duplicate": ("Basisplan: die Kennung '{id}' steht schon in Zeile {line}",
                               "baseline: id '{id}' is already on line {line}"),
    "baseline-other-plan": ("der Basisplan gehört zu '{baseline}', nicht zu '{plan}'; verglichen wird "
                            "trotzdem",
                            "the baseline belongs to '{baseline}', not to '{plan}'; compared anyway"),

    # ---- durations and links (inside bad-duration / bad-link) ----------------------------
    "format.no-duration": ("'{value}' ist keine Dauer; schreiben Sie z. B. 10d, 3w, 2mo oder 21ed",
                           "'{value}' is not a duration; write e.g. 10d, 3w, 2mo or 21ed"),
    "format.duration": ("'{value}' ist keine Dauer; schreiben Sie eine Zahl mit Einheit: d/t (Arbeitstage), "
                        "w/wo (Wochen zu 5 Arbeitstagen), mo (20 Arbeitstage), ed/ft oder ew/fw "
                        "(Kalendertage/-wochen)",
                        "'{value}' is not a duration; write a number with a unit: d/t (working days), "
                        "w/wo (weeks of 5 working days), mo (20 working days), ed/ft or ew/fw "
                        "(calendar days/weeks)"),
    "format.unit": ("unbekannte Einheit '{unit}' in '{value}'; erlaubt sind d, t, w, wo, mo (Arbeitstage) "
                    "oder ed, ft, ew, fw (Kalendertage)",
                    "unknown unit '{unit}' in '{value}'; use d, t, w, wo, mo (working) "
                    "or ed, ft, ew, fw (calendar)"),
    "format.fraction": ("'{value}' ist keine ganze Zahl von Tagen; runden Sie auf ganze Tage",
                        "'{value}' is not a whole number of days"),
    "format.negative": ("'{value}' ist negativ; eine Dauer muss 0 oder mehr sein",
                        "'{value}' is negative; a duration must be 0 or more"),
    "format.link-type": ("unbekannte Art der Abhängigkeit '{type}'; erlaubt sind EA, AA, EE, AE "
                         "(oder FS, SS, FF, SF)",
                         "unknown link type '{type}'; use FS, SS, FF, SF (or EA, AA, EE, AE)"),
    "format.link-id": ("ein Vorgänger in der Form {{...}} braucht 'id' (und wahlweise 'type' und 'lag')",
                       "a link mapping needs 'id' (and optionally 'type' and 'lag')"),
    "format.link-keys": ("unbekannte Schlüssel im Vorgänger: {keys}; erlaubt sind id, type und lag",
                         "unknown key(s) in link: {keys}"),
    "format.link": ("'{value}' ist kein Vorgänger; schreiben Sie 'ID', 'ID ART' oder 'ID ART+ABSTAND'",
                    "'{value}' is not a link; write 'ID', 'ID TYPE' or 'ID TYPE+LAG'"),
    "format.link-example": ("'{value}' ist kein Vorgänger; schreiben Sie 'ID', 'ID ART' oder "
                            "'ID ART+ABSTAND', z. B. 'vorlage EA+2w'",
                            "'{value}' is not a link; write 'ID', 'ID TYPE' or 'ID TYPE+LAG', "
                            "e.g. 'vorlage FS+2w'"),

    # ---- output files -----------------------------------------------------------------------
    "output.locked": ("'{target}' kann nicht geschrieben werden: keine Berechtigung oder die Datei ist "
                      "geöffnet (schließen Sie sie in Excel oder LibreOffice oder wählen Sie mit -o einen "
                      "anderen Ordner)",
                      "cannot write '{target}': permission denied or the file is in use "
                      "(close it in Excel or LibreOffice, or choose another folder with -o)"),
    "output.read-only": ("'{target}' kann nicht geschrieben werden: der Ordner ist schreibgeschützt "
                         "(wählen Sie mit -o einen anderen Ordner)",
                         "cannot write '{target}': the folder is read-only (choose another folder with -o)"),
    "output.disk-full": ("'{target}' kann nicht geschrieben werden: der Datenträger ist voll",
                         "cannot write '{target}': the disk is full"),
    "output.other": ("'{target}' kann nicht geschrieben werden: {reason}", "cannot write '{target}': {reason}"),
    "output.is-input": ("'{target}' wird nicht geschrieben: das ist der Eingabeplan '{source}'; wählen Sie "
                        "mit -o einen anderen Ausgabeordner",
                        "refusing to write '{target}': it is the input plan '{source}'; "
                        "choose another output folder with -o"),
    "output.is-folder": ("'{target}' kann nicht geschrieben werden: das ist ein Ordner",
                         "cannot write '{target}': it is a folder"),
    "output.mkdir": ("der Ordner '{folder}' kann nicht angelegt werden: {reason} (wählen Sie mit -o einen "
                     "anderen Ordner)",
                     "cannot create the folder '{folder}': {reason} (choose another folder with -o)"),

    # ---- templates and the commands new/templates -------------------------------------------
    "template.no-option": ("die Vorlage '{id}' hat keine Option '{key}'; sie kennt: {known}",
                           "template '{id}' has no option '{key}'; it knows: {known}"),
    "template.unknown": ("es gibt keine Vorlage '{id}'; vorhanden: {known}",
                         "there is no template '{id}'; available: {known}"),
    "template.broken": ("die Vorlage '{id}' ist fehlerhaft:\n{error}", "template '{id}' is broken:\n{error}"),
    "template.pair": ("'{pair}' ist keine Option; schreiben Sie schlüssel=wert, z. B. funding=own_budget",
                      "'{pair}' is not an option; write key=value, e.g. funding=own_budget"),
    "template.choice": ("'{value}' ist keine Auswahl der Option '{key}'; wählen Sie eine von: {choices}",
                        "'{value}' is not a choice of option '{key}'; choose one of {choices}"),
    "template.state": ("'{state}' ist kein Kürzel eines Bundeslands; erlaubt sind {states}",
                       "'{state}' is not a German Land code; use one of {states}"),
    "template.date": ("'{value}' ist kein Datum; schreiben Sie JJJJ-MM-TT oder TT.MM.JJJJ",
                      "'{value}' is not a date; write YYYY-MM-DD or TT.MM.JJJJ"),
    "template.exists": ("'{path}' gibt es schon; wählen Sie einen anderen Namen oder überschreiben Sie "
                        "die Datei mit --force",
                        "'{path}' already exists; choose another name or add --force to overwrite it"),
    "template.no-folder": ("den Ordner '{folder}' gibt es nicht", "the folder '{folder}' does not exist"),

    # ---- the command line ---------------------------------------------------------------------
    "cli.check-ok": ("{plan}: in Ordnung, {counts} ({span})",
                     "{plan}: ok, {counts} ({span})"),
    "cli.warnings": (", {count} Warnung(en)", ", {count} warning(s)"),
    "cli.unexpected": ("Fehler: unerwarteter Fehler {kind}: {error}. Bitte melden Sie das zusammen mit der "
                       "Plandatei.",
                       "Error: unexpected {kind}: {error}. Please report this with the plan file."),
}
