"""Land profiles and date options of ``roadmap new`` (issue 13): the comments a new plan
gets for its bodies and budget calendar, and the words for date options.

Keys: ``plan-file.land-*`` for comments in a new plan (each ends with a line break),
``template.option-date`` and ``new.date*`` for date options.
"""

#: key -> (German, English); ``str.format`` templates.
ENTRIES: dict[str, tuple[str, str]] = {
    "plan-file.land-bodies": ("""\
# Gremien und ihre Sitzungstermine ({land}, {code}). lead_time = interne Vorlagenfrist vor der
# ersten Beratung. Namen und Rhythmus aus dem Landesprofil roadmap/templates/laender/{code}.yaml.
# ACHTUNG: Die Termine sind BEISPIELTERMINE, erzeugt ab {start} im typischen Rhythmus:
# eine Sitzungsfolge {chain} etwa alle {weeks} Wochen, nicht in den Schulferien.
# Ersetzen Sie sie durch den echten Sitzungskalender Ihrer Stadt, am besten durch den
# iCalendar-Export des Ratsinformationssystems, z. B.:
#     sessions_ics: sitzungskalender.ics
#     match: "{council}"
""", """\
# Council bodies and their session dates ({land}, {code}). lead_time = internal deadline before
# the first session. Names and rhythm from the Land profile roadmap/templates/laender/{code}.yaml.
# NOTE: these are SAMPLE DATES generated from {start} in the typical rhythm: one sequence
# {chain} about every {weeks} weeks, none in the school holidays.
# Replace them with your town's real council calendar, best with the iCalendar export of
# the council information system, e.g.:
#     sessions_ics: council-calendar.ics
#     match: "{council}"
"""),
    "plan-file.land-budget": ("""\
# Haushaltskalender ({land}): bid_deadline = Anmeldefrist der Kämmerei für das folgende
# Haushaltsjahr (MM-TT), in_force = ab diesem Tag des Haushaltsjahres sind neue Mittel
# verfügbar (Beschluss, Anzeige oder Genehmigung, Bekanntmachung). Typische Werte des Landes,
# teils geschätzt: fragen Sie Ihre Kämmerei. Ein später Haushalt: years: {{2028: {{in_force: 2028-05-01}}}}
""", """\
# Budget calendar ({land}): bid_deadline = the treasury's deadline for bids for the next
# budget year (MM-DD), in_force = from this day of the budget year new money is available
# (adoption, notification or approval, publication). Typical values of the Land, partly
# estimated: ask your treasury. A late budget: years: {{2028: {{in_force: 2028-05-01}}}}
"""),
    # a trailing comment of a date option in `options:`
    "plan-file.option-date": ("Datum JJJJ-MM-TT oder none", "date YYYY-MM-DD or none"),
    "template.option-date": ("'{value}' ist kein Datum für die Option '{key}'; schreiben Sie JJJJ-MM-TT, "
                             "TT.MM.JJJJ oder none (kein Datum)",
                             "'{value}' is not a date for the option '{key}'; write YYYY-MM-DD, "
                             "DD.MM.YYYY or none (no date)"),
    "new.date-option": ("Datum (TT.MM.JJJJ) oder none", "date (YYYY-MM-DD) or none"),
    "new.no-date": ("kein Datum", "no date"),
    # ---- roadmap new --ics / --match -------------------------------------------------------
    "help.new.ics": ("iCalendar-Export des Ratsinformationssystems: die Gremien lesen ihre Sitzungen "
                     "daraus (statt Beispielterminen).",
                     "iCalendar export of the council information system: the bodies read their sessions "
                     "from it (instead of sample dates)."),
    "help.new.match": ("Mit --ics: welcher Text im Termin (SUMMARY) ein Gremium erkennt, z. B. "
                       "--match rat=\"Stadtverordnetenversammlung\" (mehrfach; Standard: der Name aus dem "
                       "Landesprofil).",
                       "With --ics: the text in an event's SUMMARY that picks a body, e.g. "
                       "--match rat=\"Stadtverordnetenversammlung\" (repeatable; default: the name from the "
                       "Land profile)."),
    "template.ics-missing": ("die Kalenderdatei '{path}' gibt es nicht", "the calendar file '{path}' does not exist"),
    "template.match-pair": ("'{pair}' ist keine Zuordnung; schreiben Sie gremium=text, z. B. rat=\"Rat der Stadt\"",
                            "'{pair}' is not a match; write body=text, e.g. rat=\"Rat der Stadt\""),
    "template.match-body": ("die Vorlage hat kein Gremium '{body}'; sie kennt: {known}",
                            "the template has no body '{body}'; it knows: {known}"),
    "template.match-without-ics": ("--match braucht --ics (die Kalenderdatei)", "--match needs --ics (the calendar file)"),
}
