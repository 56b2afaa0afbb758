"""Municipal procedures (contract section 11, issue 13): recurring packages, parallel
consultation, the budget calendar, notice periods, yearly closures, date options.

Keys: the diagnostic codes below with their variants, ``what.*`` pieces, ``deadline-missed.*``
(the reason a deadline is missed), ``repeat.*`` (the occurrences in the outputs) and
``tracking.driver.budget``.
"""

#: The diagnostic codes of this part with their severity (merged into ``CODES``).
CODES = {
    "bad-repeat": "error", "recurring-predecessor": "error", "bad-month-day": "error",
    "budget-missing": "error", "bad-funds": "error", "bad-ends-at": "error",
}

#: key -> (German, English); ``str.format`` templates.
ENTRIES: dict[str, tuple[str, str]] = {
    # ---- pieces ------------------------------------------------------------------------
    "what.yearly-closure": ("jährliche Schließzeit", "yearly closure"),
    "what.budget-year": ("Haushaltsjahr {year}", "budget year {year}"),
    "what.option-date": ("{what}: {field}: Option '{key}'", "{what}: {field}: option '{key}'"),
    # ---- errors ------------------------------------------------------------------------
    "bad-month-day": ("{what}: '{value}' ist kein Tag im Jahr; schreiben Sie MM-TT in Anführungszeichen, "
                      "z. B. \"12-24\" für den 24. Dezember",
                      "{what}: '{value}' is no day of the year; write MM-DD in quotes, "
                      "e.g. \"12-24\" for 24 December"),
    "bad-type.yearly-closures": ("'yearly_closures' muss eine Liste sein, z. B. [{{from: \"12-24\", to: \"12-31\"}}]",
                                 "'yearly_closures' must be a list, e.g. [{{from: \"12-24\", to: \"12-31\"}}]"),
    "missing-key.budget": ("'budget' braucht '{key}' (MM-TT, z. B. \"06-30\")",
                           "'budget' needs '{key}' (MM-DD, e.g. \"06-30\")"),
    "bad-type.budget-year": ("'budget: years': '{year}' ist kein Haushaltsjahr (z. B. 2028)",
                             "'budget: years': '{year}' is no budget year (e.g. 2028)"),
    "bad-repeat.decision": ("{what}: ein Beschluss wiederholt sich nicht; 'repeat' gibt es nur bei Arbeitspaketen "
                            "und Meilensteinen",
                            "{what}: a decision does not recur; 'repeat' is for tasks and milestones only"),
    "bad-repeat.how": ("{what}: 'repeat' braucht genau eines von 'every' (z. B. 6w) oder 'sessions' (ein Gremium)",
                       "{what}: 'repeat' needs exactly one of 'every' (e.g. 6w) or 'sessions' (a body)"),
    "bad-repeat.every": ("{what}: 'repeat: every' muss länger als 0 sein, z. B. 6w",
                         "{what}: 'repeat: every' must be longer than 0, e.g. 6w"),
    "bad-repeat.end": ("{what}: 'repeat' braucht genau eines von 'until' (ein Arbeitspaket oder Datum) "
                       "oder 'count' (Anzahl der Termine)",
                       "{what}: 'repeat' needs exactly one of 'until' (a package or a date) "
                       "or 'count' (the number of occurrences)"),
    "bad-repeat.count": ("{what}: 'repeat: count' {value} muss eine ganze Zahl von 1 bis {max} sein",
                         "{what}: 'repeat: count' {value} must be a whole number from 1 to {max}"),
    "unknown-body.repeat": ("{what}: 'repeat: sessions': Gremium '{body}' ist unter 'bodies' nicht definiert{suggest}",
                            "{what}: 'repeat: sessions': body '{body}' is not defined under 'bodies'{suggest}"),
    "unknown-package.until": ("Arbeitspaket '{id}': 'repeat: until' nennt '{until}', das ist kein Arbeitspaket{suggest}",
                              "package '{id}': 'repeat: until' names '{until}', which is no package{suggest}"),
    "recurring-predecessor": ("Arbeitspaket '{id}': '{pred}' wiederholt sich ('repeat') und kann kein Vorgänger "
                              "sein; hängen Sie '{id}' an das, wonach '{pred}' beginnt",
                              "package '{id}': '{pred}' recurs ('repeat') and cannot be a predecessor; "
                              "link '{id}' to what '{pred}' starts after"),
    "budget-missing": ("{what}: 'funds: budget' braucht einen Abschnitt 'budget' mit bid_deadline und in_force "
                       "(Haushaltskalender der Kämmerei)",
                       "{what}: 'funds: budget' needs a 'budget' section with bid_deadline and in_force "
                       "(the treasury's budget calendar)"),
    "bad-funds": ("{what}: 'funds: {value}' ist unbekannt; möglich ist nur 'budget'",
                  "{what}: 'funds: {value}' is unknown; the only value is 'budget'"),
    "bad-ends-at": ("{what}: 'ends_at: {value}' ist unbekannt; möglich sind month_end und quarter_end{suggest}",
                    "{what}: 'ends_at: {value}' is unknown; use month_end or quarter_end{suggest}"),
    "bad-ends-at.task": ("{what}: 'ends_at' gibt es nur bei Arbeitspaketen mit Dauer",
                         "{what}: 'ends_at' is for tasks with a duration only"),
    "bad-option-value.type": ("Option '{key}': 'type: {value}' ist unbekannt; möglich sind choice und date",
                              "option '{key}': 'type: {value}' is unknown; use choice or date"),
    "bad-option-value.date": ("Option '{key}': '{value}' ist kein Datum; schreiben Sie JJJJ-MM-TT, TT.MM.JJJJ "
                              "oder none",
                              "option '{key}': '{value}' is no date; write YYYY-MM-DD, DD.MM.YYYY or none"),
    "bad-option-value.when-date": ("{what}: die Option '{key}' ist ein Datum; 'when' prüft nur none oder set, "
                                   "nicht '{value}'",
                                   "{what}: option '{key}' is a date; 'when' tests only none or set, "
                                   "not '{value}'"),
    "no-sessions.repeat": ("Arbeitspaket '{id}': Gremium '{body}' hat nach dem Beginn keine Sitzung mehr; "
                           "'repeat: sessions' findet keinen Termin",
                           "package '{id}': body '{body}' has no session after the start; "
                           "'repeat: sessions' finds no occurrence"),
    # ---- why a deadline is missed (code deadline-missed) -------------------------------
    "deadline-missed.named": ("„{name}“ ('{id}')", "\"{name}\" ('{id}')"),
    "deadline-missed.id": ("'{id}'", "'{id}'"),
    "deadline-missed.why": ("{missed}. {reason}", "{missed}. {reason}"),
    "deadline-missed.decision": ("Grund: der Beschluss {what} fällt erst am {date}",
                                 "Reason: the decision {what} is taken only on {date}"),
    "deadline-missed.task": ("Grund: {what} ist erst am {date} fertig",
                             "Reason: {what} finishes only on {date}"),
    "deadline-missed.task-start": ("Grund: {what} beginnt erst am {date}",
                                   "Reason: {what} starts only on {date}"),
    "deadline-missed.budget": ("Grund: die Haushaltsmittel für {what} stehen erst ab {date} bereit",
                               "Reason: the budget funds for {what} are available only from {date}"),
    "deadline-missed.not_before": ("Grund: {what} beginnt frühestens am {date}",
                                   "Reason: {what} starts no earlier than {date}"),
    "deadline-missed.start": ("Grund: das Projekt beginnt erst am {date}",
                              "Reason: the project starts only on {date}"),
    "deadline-missed.own": ("Grund: {what} selbst dauert zu lang",
                            "Reason: {what} itself takes too long"),
    # ---- outputs -----------------------------------------------------------------------
    "tracking.driver.budget": ("Haushaltsmittel verfügbar (funds: budget)", "budget funds available (funds: budget)"),
    "sheet.reason.budget": ("Haushaltsmittel verfügbar ab {date} (funds: budget)",
                            "budget funds available from {date} (funds: budget)"),
    "report.reason.budget": ("Haushaltsmittel stehen erst ab {date} bereit", "budget funds available only from {date}"),
    "gantt.chain.budget": ("Haushaltsmittel ab {date}", "budget funds from {date}"),
    "repeat.dates.one": ("1 Termin: {dates}", "1 occurrence: {dates}"),
    "repeat.dates.other": ("{n} Termine: {dates}", "{n} occurrences: {dates}"),
    "export.ics.occurrence": ("{name} (Termin {k} von {n})", "{name} (occurrence {k} of {n})"),
    "tjp.pin.budget": ("Haushaltsmittel (funds: budget): fester Anfang am berechneten Tag (der Haushaltskalender "
                       "ist tj3 unbekannt)",
                       "budget funds (funds: budget): fixed start on the computed day (tj3 does not know the "
                       "budget calendar)"),
    "tjp.pin.duplicate": ("zwei Abhängigkeiten vom selben Vorgänger: tj3 nimmt nur eine, fester Anfang",
                          "two links from the same predecessor: tj3 takes only one, fixed start"),
    "tjp.pin.recurring": ("wiederkehrend (repeat): fester Anfang am ersten Termin, Dauer bis zum letzten",
                          "recurring (repeat): fixed start at the first occurrence, lasting to the last"),
    "repeat.occurrence": ("Termin {k} von {n}", "occurrence {k} of {n}"),
}
