"""The command line: ``--help`` texts, the questions and answers of ``roadmap new``, the
comments it writes into a new plan, and the summary of ``roadmap build``.

Keys: ``help.<command>`` and ``help.<command>.<option>`` (``help.roadmap.*`` for the
options every command has, ``help.status-date`` for the one schedule and build share);
``new.*`` for ``roadmap new`` and ``roadmap templates``; ``plan-file.*`` for the comments
of a new plan; ``summary.*`` for ``roadmap build``. The ``cli.*`` messages of check and
main are diagnostics (:mod:`roadmap.text.catalog.diagnostics`).

The help texts are click docstrings: the lines after the first keep the indentation
click removes, and ``\\b`` keeps an example block from being rewrapped.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- --help: the group and the options of every command ----------------------------
    "help.roadmap": (
        "Smart-City-Fahrplan: Arbeitspakete planen, auf Arbeitstage und Ratssitzungen "
        "terminieren, als Excel-Plan und HTML-Gantt ausgeben. Englisch: ROADMAP_LANG=en.",
        "Smart city roadmap: plan work packages, schedule them on working days and council "
        "sessions, write an Excel plan and an HTML Gantt."),
    "help.roadmap.help": ("Diese Hilfe zeigen und beenden.", "Show this message and exit."),
    "help.roadmap.version": ("Version zeigen und beenden.", "Show the version and exit."),
    "help.status-date": (
        "Stichtag (Stand), JJJJ-MM-TT oder TT.MM.JJJJ; Standard: der des Plans, sonst heute.",
        "Status date (Stand), YYYY-MM-DD or TT.MM.JJJJ; default: the plan's, else today."),

    # ---- --help: check, schedule, build ------------------------------------------------
    "help.check": ("""Prüft PLAN und meldet jedes Problem als Datei:Zeile: error: ...

    Exit-Status 0, wenn der Plan in Ordnung ist oder nur Warnungen hat, 1 bei Fehlern.

    \b
    Beispiel:
      roadmap check examples/plettenberg.yaml
    """, """Check PLAN and report every problem as file:line: error: ...

    Exit status 0 when the plan is clean or has only warnings, 1 on errors.

    \b
    Example:
      roadmap check examples/plettenberg.yaml
    """),
    "help.check.lang": (
        "Sprache der Meldungen (Standard: ROADMAP_LANG, sonst die des Plans, sonst de).",
        "Language of the messages (default: ROADMAP_LANG, else the plan's language, else de)."),
    "help.schedule": ("""Terminiert PLAN und zeigt die Termine aller Arbeitspakete.

    \b
    Beispiele:
      roadmap schedule examples/plettenberg.yaml
      roadmap schedule examples/soest.yaml --format json > soest.json
    """, """Schedule PLAN and print the dates of every work package.

    \b
    Examples:
      roadmap schedule examples/plettenberg.yaml
      roadmap schedule examples/soest.yaml --format json > soest.json
    """),
    "help.schedule.format": ("table zum Lesen, csv für Excel (deutsch: ; und TT.MM.JJJJ), csv-en für "
                             "Skripte (Komma, ISO-Datum), json wie im Formatvertrag",
                             "table for reading, csv for Excel (German plans: ; and TT.MM.JJJJ), "
                             "csv-en for scripts (commas, ISO dates), json as in the contract"),
    "help.schedule.lang": ("Sprache der Namen, Überschriften und Meldungen (Standard: die des Plans).",
                           "Language of names, headers and messages (default: the plan's language)."),
    "help.build": ("""Terminiert PLAN und schreibt DIR/<name>.xlsx (Excel-Plan) und DIR/<name>.html (Gantt).

    Ohne PLAN entsteht der eingebaute Standard-Fahrplan (Name 'kickoff'). Beide Dateien
    beruhen auf demselben Zeitplan. Ausgegeben werden Laufzeit, kritischer Pfad und die
    Ratsbeschlüsse mit ihren Sitzungsterminen.

    \b
    Beispiele:
      roadmap build examples/plettenberg.yaml -o ausgabe
      roadmap build --status-date 01.03.2027
    """, """Schedule PLAN and write DIR/<name>.xlsx (Excel plan) and DIR/<name>.html (Gantt).

    Without PLAN, builds the built-in default kickoff roadmap (name 'kickoff').
    Both files come from the same schedule. Prints the span, the critical path and
    the council decisions with their session dates.

    \b
    Examples:
      roadmap build examples/plettenberg.yaml -o ausgabe
      roadmap build --status-date 01.03.2027
    """),
    "help.build.out": ("Ordner für Excel-Plan und HTML-Gantt.", "Folder for the Excel plan and the HTML Gantt."),
    "help.build.paper": ("Papierformat für den Druck der Excel-Blätter, quer (A3 oder A4).",
                         "Paper size for printing the Excel sheets, landscape (A3 or A4)."),
    "help.build.lang": ("Sprache von Tabellenblättern, Diagramm und Ausgabe (Standard: die des Plans).",
                        "Language of sheets, chart and summary (default: the plan's language)."),

    # ---- --help: templates, new --------------------------------------------------------
    "help.templates": ("""Listet die eingebauten Vorlagen mit ihren Optionen.

    \b
    Beispiel:
      roadmap templates --lang en
    """, """List the built-in plan templates with their options.

    \b
    Example:
      roadmap templates --lang en
    """),
    "help.templates.lang": ("Sprache der Namen und Beschreibungen (Standard: ROADMAP_LANG, sonst de).",
                            "Language of names and descriptions (default: ROADMAP_LANG, else de)."),
    "help.new": ("""Schreibt einen neuen Plan PLAN aus einer Vorlage, fertig zum Bearbeiten.

    Was nicht als Option angegeben ist, wird im Terminal abgefragt; sonst gelten die
    Vorgaben der Vorlage. Die Sitzungstermine im neuen Plan sind Beispiele: ersetzen Sie
    sie durch den echten Sitzungskalender Ihrer Kommune (sessions_ics).

    \b
    Beispiele:
      roadmap new fahrplan.yaml
      roadmap new fahrplan.yaml --town Plettenberg --start 11.01.2027 --option funding=own_budget
    """, """Write a new plan PLAN from a template, ready to edit.

    Values not given as options are asked for when you type in a terminal; otherwise the
    template's defaults are used. The council session dates in the new plan are samples:
    replace them with your town's real calendar (sessions_ics).

    \b
    Examples:
      roadmap new fahrplan.yaml
      roadmap new fahrplan.yaml --town Plettenberg --start 2027-01-11 --option funding=own_budget
    """),
    "help.new.template": ("Vorlage (siehe 'roadmap templates').", "Template to start from (see 'roadmap templates')."),
    "help.new.town": ("Name der Stadt oder Gemeinde.", "Name of the town or municipality."),
    "help.new.state": ("Bundesland-Kürzel, z. B. NW: Feiertage, Schulferien, Gremien und Begriffe des Landes "
                       "(docs/laender.md).",
                       "German Land code, e.g. NW: the Land's holidays, school holidays, bodies and terms "
                       "(docs/laender.md)."),
    "help.new.start": ("Starttermin (TT.MM.JJJJ oder JJJJ-MM-TT).", "Start date (YYYY-MM-DD or TT.MM.JJJJ)."),
    "help.new.option": ("Option der Vorlage, z. B. --option funding=own_budget (mehrfach möglich).",
                        "Template option, e.g. --option funding=own_budget (repeatable)."),
    "help.new.lang": ("Sprache von Fragen, Kommentaren und Ausgaben des Plans (Standard: de; "
                      "ROADMAP_LANG ändert nur Fragen und Meldungen).",
                      "Language of questions, comments and the plan's outputs (default: de; "
                      "ROADMAP_LANG changes only the questions and messages)."),
    "help.new.force": ("PLAN überschreiben, wenn es ihn schon gibt.", "Overwrite PLAN if it exists."),
    "help.new.interactive": ("Fehlende Angaben abfragen (Standard: nur bei Eingabe im Terminal).",
                             "Ask for missing values (default: only when typing in a terminal)."),

    # ---- roadmap templates and roadmap new: they talk to project managers who may never
    # have used a command line before --------------------------------------------------
    "new.options": ("Optionen", "Options"),
    "new.default": ("Standard", "default"),
    "new.town": ("Name der Stadt oder Gemeinde", "Name of the town"),
    "new.state": ("Bundesland (Kürzel, z. B. NW)", "German Land (code, e.g. NW)"),
    "new.start": ("Starttermin (TT.MM.JJJJ)", "Start date (YYYY-MM-DD)"),
    "new.choose": ("Auswahl (Nummer)", "Choice (number)"),
    "new.bad-number": ("Bitte eine Nummer von 1 bis {n} eingeben.", "Please enter a number from 1 to {n}."),
    "new.written": ("Plan geschrieben: {file} ({counts}, Start {start}).",
                    "Plan written: {file} ({counts}, start {start})."),
    "new.sessions-warning": (
        "Warnung: Die Sitzungstermine in {file} sind Beispieltermine. Ersetzen Sie sie durch "
        "den echten Sitzungskalender Ihrer Stadt (unter 'bodies': 'sessions' oder "
        "'sessions_ics' mit dem iCalendar-Export des Ratsinformationssystems).",
        "Warning: the session dates in {file} are samples. Replace them with your town's real "
        "council calendar (under 'bodies': 'sessions', or 'sessions_ics' with the iCalendar "
        "export of the council information system)."),
    "new.next": ("Weiter: roadmap check {file}  ·  roadmap schedule {file}",
                 "Next: roadmap check {file}  ·  roadmap schedule {file}"),

    # ---- the comments roadmap new writes into a plan (each ends with a line break) ------
    "plan-file.header": ("""\
# Fahrplan {title} – erstellt mit `roadmap new` aus der Vorlage „{template}“.
#
# So bearbeiten Sie diese Datei:
# - Texte dürfen Sie frei ändern; die Einrückung (Leerzeichen am Zeilenanfang) bleibt.
# - Daten schreiben Sie als JJJJ-MM-TT (2027-03-01) oder TT.MM.JJJJ (01.03.2027).
# - Dauern: 10d = 10 Arbeitstage, 3w = 3 Wochen, 2mo = 2 Monate zu je 20 Arbeitstagen,
#   13ew = 13 Kalenderwochen (z. B. für Fristen, die auch über Feiertage laufen).
# - `after` nennt die Vorgänger: `kosten` = beginnt nach dem Ende von kosten,
#   `antrag SS+6w` = frühestens 6 Wochen nach dem Beginn von antrag.
# - Beschlüsse (`kind: decision`) liegen immer auf einer Sitzung ihres Gremiums (`body`),
#   nach der Beratungsfolge (`via`); die Sitzungstermine stehen unter `bodies`.
# - `source` nennt die Erfahrung der Pionierkommunen, aus der ein Arbeitspaket stammt.
# - Prüfen: roadmap check {file}    Termine: roadmap schedule {file}
#   Excel-Plan und Gantt-Diagramm: roadmap build {file}
""", """\
# Roadmap {title} – created by `roadmap new` from the template "{template}".
#
# How to edit this file:
# - Change any text freely; keep the indentation (spaces at the start of a line).
# - Write dates as YYYY-MM-DD (2027-03-01) or DD.MM.YYYY (01.03.2027).
# - Durations: 10d = 10 working days, 3w = 3 weeks, 2mo = 2 months of 20 working days,
#   13ew = 13 calendar weeks (for periods that run through holidays).
# - `after` names the predecessors: `kosten` = starts after kosten finishes,
#   `antrag SS+6w` = at the earliest 6 weeks after antrag starts.
# - Decisions (`kind: decision`) always fall on a session of their body (`body`), after
#   the consultation sequence (`via`); the session dates are under `bodies`.
# - `source` names the pioneer towns' lesson a work package comes from.
# - Check: roadmap check {file}    Dates: roadmap schedule {file}
#   Excel plan and Gantt chart: roadmap build {file}
"""),
    "plan-file.project": (
        "# Projekt: Name, Kommune, Bundesland (Kürzel für Feiertage und Schulferien, z. B. NW),\n"
        "# Starttermin und Sprache der Ausgaben (de oder en).\n",
        "# Project: name, municipality, German Land (code for public and school holidays, e.g. NW),\n"
        "# start date and language of the outputs (de or en).\n"),
    # a trailing comment, so without the "# " and the line break
    "plan-file.status-date": ("Stand der Beispielausgaben; ohne diese Zeile gilt das heutige Datum",
                              "status date of the sample outputs; without this line today counts"),
    "plan-file.options": (
        "# Gewählte Optionen. Ändern Sie einen Wert, werden die passenden Arbeitspakete\n"
        "# (`when`) ein- oder ausgeblendet; die möglichen Werte stehen jeweils dahinter.\n",
        "# Chosen options. Change a value and the matching work packages (`when`) are\n"
        "# switched on or off; the possible values follow each line.\n"),
    "plan-file.bodies": ("""\
# Gremien und ihre Sitzungstermine. lead_time = interne Vorlagenfrist vor der ersten Beratung.
# ACHTUNG: Die Termine sind BEISPIELTERMINE, erzeugt für {state} ab {start}: eine
# Sitzungsfolge Fachausschuss -> HFA -> Rat etwa alle zwei Monate, nicht in den Schulferien.
# Ersetzen Sie sie durch den echten Sitzungskalender Ihrer Stadt, am besten durch den
# iCalendar-Export des Ratsinformationssystems, z. B.:
#     sessions_ics: sitzungskalender.ics
#     match: "Rat der Stadt"
""", """\
# Council bodies and their session dates. lead_time = internal deadline before the first session.
# NOTE: these are SAMPLE DATES generated for {state} from {start}: one sequence of
# committee -> HFA -> council about every two months, none in the school holidays.
# Replace them with your town's real council calendar, best with the iCalendar export of
# the council information system, e.g.:
#     sessions_ics: council-calendar.ics
#     match: "Rat der Stadt"
"""),
    "plan-file.bodies-ics": (
        "# Gremien und ihre Sitzungstermine aus dem iCalendar-Export des Ratsinformationssystems;\n"
        "# `match` wählt die Sitzungen eines Gremiums. lead_time = interne Vorlagenfrist.\n",
        "# Council bodies and their sessions from the council information system's iCalendar\n"
        "# export; `match` picks one body's sessions. lead_time = internal paper deadline.\n"),

    # ---- the summary of roadmap build --------------------------------------------------
    "summary.span": ("Laufzeit", "Span"),
    "summary.months": ("Monate", "months"),
    "summary.decisions": ("Beschlüsse", "Decisions"),
    "summary.warnings": ("Warnungen", "Warnings"),
    "summary.written": ("Geschrieben", "Written"),
    "summary.none": ("keine", "none"),
    "summary.packages": ("Pakete", "packages"),
    "summary.default": ("Standard-Fahrplan (Vorlage kickoff, Beispielstadt)",
                        "default roadmap (template kickoff, sample town)"),
    "help.export": ("""Terminiert PLAN und schreibt ihn in ein Format anderer Werkzeuge.

    \b
    Formate:
    {formats}

    Ohne --format gilt die Endung von -o; ohne -o entsteht <Planname>.<Endung>.

    \b
    Beispiele:
      roadmap export examples/plettenberg.yaml --format ics -o termine.ics
      roadmap export examples/plettenberg.yaml -o plan.csv
      roadmap export examples/plettenberg.yaml -o plettenberg.xml    (MS Project)
    """,
                   """Schedule PLAN and write it in another tool's format.

    \b
    Formats:
    {formats}

    Without --format, the suffix of -o decides; without -o, writes <plan name>.<suffix>.

    \b
    Examples:
      roadmap export examples/plettenberg.yaml --format ics -o termine.ics
      roadmap export examples/plettenberg.yaml -o plan.csv
      roadmap export examples/plettenberg.yaml -o plettenberg.xml    (MS Project)
    """),
    "help.oparl": ("""Liest Gremien und Sitzungstermine aus einem Ratsinformationssystem (OParl).

    Ohne --organization: listet die Körperschaften und ihre Gremien. Mit --organization:
    schreibt die Sitzungen dieses Gremiums (mehrfach möglich) als iCalendar-Datei, die
    ein Plan mit 'sessions_ics:' liest; abgesagte und gelöschte Sitzungen fehlen. Danach
    arbeitet der Plan ohne Internet. --refresh lädt nur, was sich seit dem letzten Abruf
    geändert hat (OParl 1.1).

    \b
    Beispiele:
      roadmap oparl https://ris.beispielstadt.de/oparl/v1/system
      roadmap oparl https://ris.beispielstadt.de/oparl/v1/system --organization "Rat der Stadt" -o rat.ics
      roadmap oparl https://ris.beispielstadt.de/oparl/v1/system --organization "Rat der Stadt" -o rat.ics --refresh
    """,
                  """Read committees and session dates from a council information system (OParl).

    Without --organization: lists the bodies and their committees. With --organization:
    writes that committee's meetings (repeatable) as an iCalendar file that a plan reads
    with 'sessions_ics:'; cancelled and deleted meetings are left out. The plan then
    works offline. --refresh loads only what changed since the last download (OParl 1.1).

    \b
    Examples:
      roadmap oparl https://ris.example.org/oparl/v1/system
      roadmap oparl https://ris.example.org/oparl/v1/system --organization "Rat der Stadt" -o rat.ics
    """),
    "help.export.format": ('Zielformat (Standard: nach der Endung von -o).',
                          'Target format (default: from the suffix of -o).'),
    "help.export.out": ('Ausgabedatei (Standard: <Planname>.<Endung> im aktuellen Ordner).',
                       'Output file (default: <plan name>.<suffix> in the current folder).'),
    "help.export.all": ('ics: auch Beginn und Ende jedes Arbeitspakets.',
                       "ics: also every work package's start and finish."),
    "help.export.lang": ('Sprache der Texte in der Datei und der Meldungen (Standard: die des Plans).',
                        "Language of the texts in the file and of the messages (default: the plan's)."),
    "help.import": ("""Macht aus einer MS-Project-XML-Datei (MSPDI) einen Plan.

    Übernommen werden Vorgänge, Sammelvorgänge (als Phasen), Anordnungsbeziehungen mit
    Zeitabstand, Dauern, Meilensteine, Einschränkungen und der Kalender (Wochenende,
    Feiertage des Bundeslands, weitere freie Tage). Was nicht übernommen werden kann
    (Ressourcen, Kosten, Fortschritt, ...), steht als Warnung in der Ausgabe.
    Ohne -o geht der Plan auf die Standardausgabe.

    \b
    Beispiel:
      roadmap import projekt.xml -o plan.yaml
    """,
                    """Turn an MS Project XML (MSPDI) file into a plan.

    Carries over tasks, summary tasks (as phases), links with lag, durations, milestones,
    constraints and the calendar (weekend, the Land's public holidays, further days off).
    What cannot be carried over (resources, costs, progress, ...) is printed as a warning.
    Without -o the plan goes to standard output.

    \b
    Example:
      roadmap import project.xml -o plan.yaml
    """),
    "help.import.out": ("Plandatei, die geschrieben wird (Standard: Standardausgabe).",
                        "Plan file to write (default: standard output)."),
    "help.import.state": ("Bundesland-Kürzel für die Feiertage (Standard: aus den Feiertagen der Datei erkannt).",
                          "German Land code for the holidays (default: recognised from the file's holidays)."),
    "help.import.lang": ("Sprache des Plans und der Meldungen (Standard: ROADMAP_LANG, sonst de).",
                         "Language of the plan and the messages (default: ROADMAP_LANG, else de)."),
    "help.import.force": ("Die Plandatei überschreiben, wenn es sie schon gibt.",
                          "Overwrite the plan file if it exists."),
    "help.oparl.organization": ('Gremium nach Name, Kurzname oder Adresse (mehrfach möglich).',
                               'Committee by name, short name or address (repeatable).'),
    "help.oparl.out": ('iCalendar-Datei (Standard: <Gremium>.ics).',
                      'iCalendar file (default: <committee>.ics).'),
    "help.oparl.refresh": ('Nur Änderungen seit dem letzten Abruf in -o laden (OParl 1.1: modified_since).',
                          'Load only the changes since the last download into -o (OParl 1.1: modified_since).'),
    "help.oparl.all": ('Beim Auflisten auch Fraktionen, Parteien und andere Organisationen zeigen.',
                      'When listing, also show parties, groups and other organisations.'),
    "help.oparl.lang": ('Sprache der Meldungen (Standard: ROADMAP_LANG, sonst de).',
                       'Language of the messages (default: ROADMAP_LANG, else de).'),
}
