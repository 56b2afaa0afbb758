"""What a user reads about the files themselves: limits, encodings, the YAML parser's
problems in plain German, calendar (.ics) files and the school-holiday data.

Keys are diagnostic codes (``<code>`` or ``<code>.<variant>``) as in the diagnostics part,
``file.*`` for reading a file, ``ics.*`` for calendar files and ``count.*`` for counted
words with their singular. The limits themselves are documented in docs/plan-format.md
("Grenzen").
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- counted words: singular and plural -----------------------------------------------
    "count.event.one": ("{n} Termin", "{n} event"),
    "count.event.other": ("{n} Termine", "{n} events"),
    "count.package.one": ("{n} Arbeitspaket", "{n} work package"),
    "count.package.other": ("{n} Arbeitspakete", "{n} work packages"),
    "count.series.one": ("{n} Terminserie", "{n} series"),
    "count.series.other": ("{n} Terminserien", "{n} series"),

    # ---- reading a file -------------------------------------------------------------------
    "file.kind.folder": ("ein Ordner", "a folder"),
    "file.kind.fifo": ("eine Pipe (FIFO)", "a pipe (FIFO)"),
    "file.kind.device": ("ein Gerät", "a device"),
    "file.kind.socket": ("ein Socket", "a socket"),
    "file.kind.other": ("keine gewöhnliche Datei", "not a regular file"),
    "file.not-regular": ("'{path}' ist {kind}, keine gewöhnliche Datei; geben Sie eine Datei an",
                         "'{path}' is {kind}, not a regular file; name a file"),
    "file.not-regular-short": ("das ist {kind}, keine gewöhnliche Datei", "it is {kind}, not a regular file"),
    "file.missing": ("'{path}' gibt es nicht (gesucht wurde {resolved})",
                     "'{path}' does not exist (looked for {resolved})"),
    "file.unreadable": ("'{path}' kann nicht gelesen werden: {reason}", "cannot read '{path}': {reason}"),
    "file.bad-path": ("der Pfad '{path}' ist ungültig (er enthält ein NUL-Zeichen)",
                      "the path '{path}' is invalid (it contains a NUL character)"),

    # ---- limits (docs/plan-format.md, "Grenzen") -------------------------------------------
    "file-too-large.plan": ("die Datei ist größer als {limit} MB; ein Plan darf höchstens {limit} MB "
                            "groß sein",
                            "the file is larger than {limit} MB; a plan may be at most {limit} MB"),
    "file-too-large.ics": ("'{path}' ist größer als {limit} MB; eine Kalenderdatei darf höchstens "
                           "{limit} MB groß sein",
                           "'{path}' is larger than {limit} MB; a calendar file may be at most {limit} MB"),
    "alias-limit": ("die YAML-Verweise ('*name') würden den Plan auf mehr als {limit} Einträge "
                    "aufblähen; schreiben Sie die Werte aus, statt sie zu verweisen",
                    "the YAML aliases ('*name') would blow the plan up to more than {limit} nodes; "
                    "write the values out instead"),
    "alias-limit.recursive": ("ein YAML-Verweis ('*name') zeigt auf den Eintrag, in dem er selbst steht",
                              "a YAML alias ('*name') points at the node it stands in"),
    "too-deep": ("der Plan ist hier mehr als {limit} Ebenen tief verschachtelt; so tief geht kein Plan",
                 "the plan is nested more than {limit} levels deep here; no plan goes that deep"),
    "number-too-long": ("die Zahl hat {length} Zeichen; erlaubt sind höchstens {limit} (ist es ein Text, "
                        "setzen Sie ihn in Anführungszeichen)",
                        "the number has {length} characters; at most {limit} are allowed (if it is a "
                        "text, put it in quotes)"),
    "date-out-of-range": ("{what}: {value} liegt nicht zwischen {first} und {last}; Daten in Plänen "
                          "und Kalenderdateien müssen in diesem Bereich liegen",
                          "{what}: {value} is not between {first} and {last}; dates in plans and "
                          "calendar files must lie in this range"),

    # ---- encodings and characters -------------------------------------------------------------
    "bad-encoding.utf16": ("die Datei ist als UTF-16 ohne Byte-Order-Mark gespeichert; speichern Sie "
                           "sie als UTF-8",
                           "the file is saved as UTF-16 without a byte order mark; save it as UTF-8"),
    "bad-encoding.ansi": ("das Zeichen '{char}' (Byte 0x{byte}) ist kein UTF-8: die Datei ist wohl als "
                          "Windows-1252/ANSI gespeichert. Speichern Sie sie als UTF-8 (im Editor: "
                          "Speichern unter, Codierung UTF-8)",
                          "the character '{char}' (byte 0x{byte}) is not UTF-8: the file seems to be "
                          "saved as Windows-1252/ANSI. Save it as UTF-8 (in the editor: Save as, "
                          "encoding UTF-8)"),
    "bad-encoding.binary": ("das Byte 0x{byte} ist kein UTF-8; ein Plan ist eine Textdatei in UTF-8 "
                            "(ist das eine Binärdatei?)",
                            "byte 0x{byte} is not UTF-8; a plan is a text file in UTF-8 "
                            "(is this a binary file?)"),
    "bad-character.nul": ("Spalte {column}: ein NUL-Zeichen (Byte 0); ein Plan ist reiner Text in UTF-8 "
                          "(ist das eine Binärdatei?)",
                          "column {column}: a NUL character (byte 0); a plan is plain text in UTF-8 "
                          "(is this a binary file?)"),
    "bad-character.control": ("Spalte {column}: das Steuerzeichen U+{code} ist in einem Plan nicht "
                              "erlaubt; löschen Sie es (es ist oft unsichtbar, z. B. aus kopiertem Text)",
                              "column {column}: the control character U+{code} is not allowed in a "
                              "plan; delete it (it is often invisible, e.g. from pasted text)"),

    # ---- the YAML parser's problems, in plain words ------------------------------------------
    "yaml-syntax.tab": ("kein gültiges YAML: Tabulatorzeichen; rücken Sie mit Leerzeichen ein",
                        "not valid YAML: a tab character; indent with spaces"),
    "yaml-syntax.token": ("kein gültiges YAML: mit dem Zeichen '{char}' kann kein Wert beginnen; setzen "
                          "Sie den Wert in Anführungszeichen",
                          "not valid YAML: a value cannot start with the character '{char}'; put the "
                          "value in quotes"),
    "yaml-syntax.dash": ("kein gültiges YAML: hier wird ein Listeneintrag '- ...' erwartet; prüfen Sie "
                         "die Einrückung dieser Zeile",
                         "not valid YAML: a list item '- ...' is expected here; check the indentation "
                         "of this line"),
    "yaml-syntax.key": ("kein gültiges YAML: hier wird ein Schlüssel 'name: wert' erwartet; prüfen Sie "
                        "die Einrückung (die Schlüssel einer Ebene stehen genau untereinander)",
                        "not valid YAML: a key 'name: value' is expected here; check the indentation "
                        "(the keys of one level stand exactly below each other)"),
    "yaml-syntax.colon-here": ("kein gültiges YAML: ein Doppelpunkt an unerwarteter Stelle; ist die Zeile "
                               "zu weit eingerückt, oder braucht der Wert Anführungszeichen "
                               "(name: \"Ziel: digital\")?",
                               "not valid YAML: a colon where none is expected; is the line indented "
                               "too far, or does the value need quotes (name: \"Goal: digital\")?"),
    "yaml-syntax.colon-missing": ("kein gültiges YAML: nach dem Schlüssel fehlt der Doppelpunkt "
                                  "('name: wert')",
                                  "not valid YAML: the colon after the key is missing ('name: value')"),
    "yaml-syntax.bracket": ("kein gültiges YAML: eine Liste in eckigen Klammern [ ... ] ist nicht "
                            "geschlossen, oder zwischen zwei Einträgen fehlt ein Komma",
                            "not valid YAML: a list in brackets [ ... ] is not closed, or a comma "
                            "between two items is missing"),
    "yaml-syntax.brace": ("kein gültiges YAML: eine geschweifte Klammer {{ ... }} ist nicht "
                          "geschlossen, oder zwischen zwei Einträgen fehlt ein Komma",
                          "not valid YAML: a brace {{ ... }} is not closed, or a comma between two "
                          "entries is missing"),
    "yaml-syntax.quote": ("kein gültiges YAML: ein Text in Anführungszeichen wird nicht geschlossen",
                          "not valid YAML: a quoted text is not closed"),
    "yaml-syntax.escape": ("kein gültiges YAML: unbekannte Escape-Folge mit '\\' in doppelten "
                           "Anführungszeichen; nehmen Sie einfache Anführungszeichen ('...')",
                           "not valid YAML: an unknown escape with '\\' in double quotes; use single "
                           "quotes ('...')"),
    "yaml-syntax.indent": ("kein gültiges YAML: die Einrückung passt nicht zu den Zeilen davor",
                           "not valid YAML: the indentation does not fit the lines before"),
    "yaml-syntax.list-here": ("kein gültiges YAML: ein Listeneintrag '- ...' steht, wo keiner stehen darf; "
                              "prüfen Sie die Einrückung",
                              "not valid YAML: a list item '- ...' where none may stand; check the "
                              "indentation"),
    "yaml-syntax.value": ("kein gültiges YAML: hier fehlt ein Wert", "not valid YAML: a value is missing here"),
    "yaml-syntax.alias": ("kein gültiges YAML: der Verweis ('*name') zeigt auf keinen Anker ('&name')",
                          "not valid YAML: the alias ('*name') points at no anchor ('&name')"),
    "yaml-syntax.anchor": ("kein gültiges YAML: ein Anker ('&name') oder Verweis ('*name') ist "
                           "unvollständig; setzen Sie Texte mit & oder * in Anführungszeichen",
                           "not valid YAML: an anchor ('&name') or alias ('*name') is incomplete; put "
                           "texts with & or * in quotes"),
    "yaml-syntax.anchor-twice": ("kein gültiges YAML: der Anker ('&name') ist schon vergeben; jeder Anker "
                                 "braucht einen eigenen Namen",
                                 "not valid YAML: the anchor ('&name') is already taken; each anchor needs "
                                 "a name of its own"),
    "yaml-syntax.merge": ("kein gültiges YAML: '<<' (Zusammenführen) braucht einen Verweis auf eine "
                          "Zuordnung 'schlüssel: wert'",
                          "not valid YAML: '<<' (merge) needs an alias of a mapping 'key: value'"),
    "yaml-syntax.documents": ("kein gültiges YAML: die Datei enthält mehrere Dokumente (Trennlinie "
                              "'---'); ein Plan ist ein Dokument",
                              "not valid YAML: the file holds several documents ('---'); a plan is one "
                              "document"),
    "bad-type.tag": ("der YAML-Typ '{tag}' wird nicht unterstützt; schreiben Sie einen einfachen Wert, eine "
                     "Liste oder 'schlüssel: wert'",
                     "the YAML type '{tag}' is not supported; write a plain value, a list or 'key: value'"),
    "bad-type.text": ("{what}: muss ein Text sein, keine Liste und keine Zuordnung",
                      "{what} must be a text, not a list or mapping"),
    "bad-type.packages-null": ("'packages' ist leer; ein Plan braucht mindestens ein Arbeitspaket "
                               "('- id: ..., duration: ...')",
                               "'packages' is empty; a plan needs at least one work package "
                               "('- id: ..., duration: ...')"),
    "bad-state.name": ("'{state}' ist kein Kürzel eines Bundeslands; gemeint ist wohl '{code}' "
                       "(state: {code})",
                       "'{state}' is not a German Land code; you probably mean '{code}' (state: {code})"),
    "bad-link.too-long": ("{what}: der Abstand in '{value}' ist länger als {max} Tage; ein Fahrplan plant "
                          "Jahre, nicht Jahrhunderte",
                          "{what}: the lag in '{value}' is longer than {max} days; a kickoff roadmap "
                          "plans years, not centuries"),

    # ---- calendar files (.ics) -----------------------------------------------------------------
    "ics.invalid": ("'{path}' ist keine gültige iCalendar-Datei (sie beginnt nicht mit BEGIN:VCALENDAR); "
                    "exportieren Sie den Sitzungskalender als .ics",
                    "'{path}' is not a valid iCalendar file (it does not start with BEGIN:VCALENDAR); "
                    "export the session calendar as .ics"),
    "ics.invalid-line": ("'{path}' ist keine gültige iCalendar-Datei: Zeile {line} ist keine "
                         "iCalendar-Zeile (NAME:Wert)",
                         "'{path}' is not a valid iCalendar file: line {line} is not an iCalendar "
                         "line (NAME:value)"),
    "ics.outside": ("'{path}' ist keine gültige iCalendar-Datei: Zeile {line} steht außerhalb von "
                    "BEGIN:VCALENDAR … END:VCALENDAR",
                    "'{path}' is not a valid iCalendar file: line {line} is outside BEGIN:VCALENDAR … "
                    "END:VCALENDAR"),
    "ics.titles": ("; gefundene Titel: {titles}", "; titles found: {titles}"),
    "ics.no-events": ("; die Datei enthält keine Termine", "; the file holds no events"),
    "bad-match.type": ("Gremium '{body}': 'match' muss ein Text sein (ein Teil des Sitzungstitels oder "
                       "ein regulärer Ausdruck), keine Liste und keine Zuordnung",
                       "body '{body}': 'match' must be a text (part of the session title or a regular "
                       "expression), not a list or mapping"),
    "bad-match.long": ("Gremium '{body}': 'match' hat {length} Zeichen; erlaubt sind höchstens {limit}",
                       "body '{body}': 'match' has {length} characters; at most {limit} are allowed"),
    "bad-match.complex": ("Gremium '{body}': 'match' ist als regulärer Ausdruck zu aufwendig; vereinfachen "
                          "Sie ihn",
                          "body '{body}': 'match' is too complex as a regular expression; simplify it"),
    "ics-bad-event.dtstart": ("{file}, Zeile {line}: Termin '{event}' hat kein gültiges Datum "
                              "(DTSTART '{value}'); er wird übersprungen",
                              "{file}, line {line}: event '{event}' has no valid date (DTSTART "
                              "'{value}'); it is skipped"),
    "ics-bad-event.no-dtstart": ("{file}, Zeile {line}: Termin '{event}' hat kein Datum (DTSTART fehlt); "
                                 "er wird übersprungen",
                                 "{file}, line {line}: event '{event}' has no date (DTSTART is missing); "
                                 "it is skipped"),
    "ics-bad-event.series": ("{file}, Zeile {line}: die Terminserie '{event}' kann nicht gelesen werden "
                             "(RRULE, RDATE, EXDATE oder RECURRENCE-ID ist fehlerhaft); sie wird "
                             "übersprungen",
                             "{file}, line {line}: the series '{event}' cannot be read (RRULE, RDATE, "
                             "EXDATE or RECURRENCE-ID is broken); it is skipped"),
    "ics-bad-event.frequent": ("{file}, Zeile {line}: die Terminserie '{event}' wiederholt sich öfter als "
                               "täglich ({rule}); das sind keine Sitzungen, sie wird übersprungen",
                               "{file}, line {line}: the series '{event}' repeats more often than daily "
                               "({rule}); these are not sessions, it is skipped"),
    "ics-bad-event.more": ("{file}: {count} mehr mit Fehlern übersprungen",
                           "{file}: {count} more skipped with errors"),
    "ics-out-of-range": ("{file}, Zeile {line}: Termin '{event}' am {value} liegt nicht zwischen {first} "
                         "und {last}; er wird übersprungen",
                         "{file}, line {line}: event '{event}' on {value} is not between {first} and "
                         "{last}; it is skipped"),
    "ics-limit.sessions": ("{file}: die Terminserien ergeben mehr als {limit} Sitzungen; {series} "
                           "danach werden nicht mehr gelesen",
                           "{file}: the series give more than {limit} sessions; {series} after that "
                           "are not read"),
    "ics-limit.time": ("{file}: die Terminserien zu entfalten dauert länger als {seconds} Sekunden; "
                       "{series} werden nicht mehr gelesen",
                       "{file}: expanding the series takes longer than {seconds} seconds; {series} are "
                       "not read"),

    # ---- school-holiday data --------------------------------------------------------------------
    "school-holidays-end": ("die Schulferien für {state} sind im Paket 'holidays' nur bis {end} "
                            "eingetragen; {packages} mit 'avoid: school_holidays' reichen darüber hinaus "
                            "und meiden die Ferien danach nicht ({ids}). Prüfen Sie diese Termine selbst "
                            "oder aktualisieren Sie 'holidays'",
                            "the school holidays of {state} are known to the 'holidays' package only "
                            "until {end}; {packages} with 'avoid: school_holidays' reach past that and do "
                            "not avoid the holidays after it ({ids}). Check these dates yourself or "
                            "update 'holidays'"),
}
