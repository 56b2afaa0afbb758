"""What the command line says when the world is hostile: the operating system's reasons in
German, outputs written as a set, plans too big to draw, the terminal, and click's own
texts.

Keys:

- ``os.*``: why a file or folder cannot be used (:func:`roadmap.output.os_reason`), one
  per ``errno``; ``os.other`` names the error code when there is no sentence for it;
- ``output.*``: outputs written together (``roadmap build``), stale temporary files;
- ``build.*``: the size limit of ``roadmap build`` (docs/scheduling.md, "Grenzen");
- ``cli.*``: paths given on the command line, standard output that cannot be written;
- ``click.<msgid>``: click's own texts ("Usage:", "No such option ...") by their English
  original, which is what click passes to gettext; :mod:`roadmap.cli.terminal` hands
  them to click. The placeholders (``{name!r}``, ``%(prog)s``) are click's and stay.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- the operating system's reasons ---------------------------------------------------
    "os.enoent": ("die Datei oder der Ordner existiert nicht", "no such file or folder"),
    "os.eacces": ("keine Berechtigung", "permission denied"),
    "os.erofs": ("der Datenträger ist schreibgeschützt", "the disk is read-only"),
    "os.enospc": ("der Datenträger ist voll", "the disk is full"),
    "os.edquot": ("das Speicherkontingent ist aufgebraucht", "the disk quota is used up"),
    "os.eloop": ("zu viele symbolische Verknüpfungen hintereinander – vermutlich zeigt eine "
                 "Verknüpfung auf sich selbst", "too many symbolic links in a row – probably a "
                 "link pointing to itself"),
    "os.enametoolong": ("der Name ist zu lang (höchstens 255 Zeichen je Datei- oder Ordnername)",
                        "the name is too long (at most 255 characters per file or folder name)"),
    "os.enotdir": ("ein Teil des Pfads ist eine Datei, kein Ordner",
                   "a part of the path is a file, not a folder"),
    "os.eisdir": ("das ist ein Ordner", "it is a folder"),
    "os.eexist": ("es gibt schon eine Datei dieses Namens", "a file of that name exists"),
    "os.ebusy": ("die Datei ist in Benutzung", "the file is in use"),
    "os.eio": ("Ein-/Ausgabefehler des Datenträgers", "input/output error of the disk"),
    "os.epipe": ("der Empfänger der Ausgabe ist beendet", "the receiver of the output has ended"),
    "os.nul": ("der Pfad enthält ein Nullzeichen", "the path contains a NUL character"),
    "os.encoding": ("der Pfad lässt sich nicht als Dateiname kodieren",
                    "the path cannot be encoded as a file name"),
    "os.other": ("Fehler {code} des Betriebssystems", "operating system error {code}"),

    # ---- outputs written together -------------------------------------------------------------
    "output.none-replaced": ("{error}. Keine der Dateien {files} wurde geschrieben; vorhandene Dateien "
                             "sind unverändert.",
                             "{error}. None of the files {files} was written; existing files are "
                             "unchanged."),

    # ---- roadmap build: the size limit -----------------------------------------------------
    "build.too-big": (
        "Der Plan ist zu groß für roadmap build: {packages} Arbeitspakete und {links} Verknüpfungen; "
        "Excel-Plan und Gantt-Diagramm entstehen für höchstens {max_packages} Arbeitspakete und "
        "{max_links} Verknüpfungen (größere wären in Excel und im Browser nicht mehr lesbar und "
        "bräuchten Minuten). Teilen Sie den Plan auf, z. B. nach Phasen; roadmap check, roadmap "
        "schedule und roadmap export arbeiten auch mit größeren Plänen.",
        "The plan is too big for roadmap build: {packages} packages and {links} links; the Excel "
        "plan and the Gantt chart are made for at most {max_packages} packages and {max_links} "
        "links (larger ones would no longer be readable in Excel or a browser and would take "
        "minutes). Split the plan, e.g. by phase; roadmap check, roadmap schedule and roadmap "
        "export work with larger plans too."),

    # ---- paths on the command line, standard output -------------------------------------------
    "cli.path-missing": ("die Datei '{path}' gibt es nicht (gesucht wurde {resolved})",
                         "the file '{path}' does not exist (looked for {resolved})"),
    "cli.path-folder": ("'{path}' ist ein Ordner, keine Datei", "'{path}' is a folder, not a file"),
    "cli.path-file": ("'{path}' ist eine Datei, kein Ordner", "'{path}' is a file, not a folder"),
    "cli.path-unusable": ("'{path}' kann nicht verwendet werden: {reason}", "cannot use '{path}': {reason}"),
    "cli.path-unreadable": ("'{path}' kann nicht gelesen werden: keine Leseberechtigung",
                            "cannot read '{path}': no permission to read it"),
    "cli.stdout": ("Die Ausgabe kann nicht geschrieben werden: {reason}.",
                   "cannot write the output: {reason}."),
    "cli.answers-ended": ("Die Antworten auf der Standardeingabe endeten; für den Rest gelten die "
                          "Standardwerte.",
                          "The answers on standard input ended; the rest take their defaults."),
    "cli.bad-answer": ("Antwort '{answer}' auf „{question}“: {error}",
                       "answer '{answer}' to \"{question}\": {error}"),
    "cli.version": ("%(prog)s, Version %(version)s", "%(prog)s, version %(version)s"),
    "cli.usage-options": ("[OPTIONEN]", "[OPTIONS]"),
    "cli.usage-command": ("BEFEHL [ARGUMENTE]...", "COMMAND [ARGS]..."),
    "cli.metavar.file": ("DATEI", "FILE"),
    "cli.metavar.folder": ("ORDNER", "DIRECTORY"),
    "cli.metavar.date": ("DATUM", "DATE"),

    # ---- click's own texts, by click's msgid ------------------------------------------------
    "click.Usage:": ("Aufruf:", "Usage:"),
    "click.Options": ("Optionen", "Options"),
    "click.Commands": ("Befehle", "Commands"),
    "click.Positional arguments": ("Argumente", "Positional arguments"),
    "click.Error: {message}": ("Fehler: {message}", "Error: {message}"),
    "click.Try '{command} {option}' for help.": ("Hilfe: '{command} {option}'.",
                                                 "Try '{command} {option}' for help."),
    "click.No such option {name!r}.": ("Unbekannte Option {name!r}.", "No such option {name!r}."),
    "click.No such command {name!r}.": ("Unbekannter Befehl {name!r}.", "No such command {name!r}."),
    "click.Did you mean {possibility}?": ("Meinten Sie {possibility}?", "Did you mean {possibility}?"),
    "click.(Did you mean one of: {possibilities}?)": ("(Meinten Sie eine von: {possibilities}?)",
                                                      "(Did you mean one of: {possibilities}?)"),
    "click.Missing argument": ("Es fehlt das Argument", "Missing argument"),
    "click.Missing option": ("Es fehlt die Option", "Missing option"),
    "click.Missing parameter": ("Es fehlt der Parameter", "Missing parameter"),
    "click.Missing {param_type}": ("Es fehlt {param_type}", "Missing {param_type}"),
    "click.Missing parameter: {param_name}": ("Es fehlt der Parameter {param_name}",
                                              "Missing parameter: {param_name}"),
    "click.Missing command.": ("Es fehlt der Befehl.", "Missing command."),
    "click.Invalid value: {message}": ("Ungültiger Wert: {message}", "Invalid value: {message}"),
    "click.Invalid value for {param_hint}: {message}": ("Ungültiger Wert für {param_hint}: {message}",
                                                        "Invalid value for {param_hint}: {message}"),
    "click.Got unexpected extra argument ({args})": ("Unerwartetes zusätzliches Argument ({args})",
                                                     "Got unexpected extra argument ({args})"),
    "click.Got unexpected extra arguments ({args})": ("Unerwartete zusätzliche Argumente ({args})",
                                                      "Got unexpected extra arguments ({args})"),
    "click.Option {name!r} does not take a value.": ("Die Option {name!r} nimmt keinen Wert.",
                                                     "Option {name!r} does not take a value."),
    "click.Option {name!r} requires an argument.": ("Die Option {name!r} braucht einen Wert.",
                                                    "Option {name!r} requires an argument."),
    "click.Option {name!r} requires {nargs} arguments.": ("Die Option {name!r} braucht {nargs} Werte.",
                                                          "Option {name!r} requires {nargs} arguments."),
    "click.Argument {name!r} takes {nargs} values.": ("Das Argument {name!r} nimmt {nargs} Werte.",
                                                      "Argument {name!r} takes {nargs} values."),
    "click.{value!r} is not {choice}.": ("{value!r} ist nicht {choice}.", "{value!r} is not {choice}."),
    "click.{value!r} is not one of {choices}.": ("{value!r} ist keiner der Werte {choices}.",
                                                 "{value!r} is not one of {choices}."),
    "click.Choose from:\n\t{choices}": ("Wählen Sie aus:\n\t{choices}", "Choose from:\n\t{choices}"),
    "click.{value!r} is not a valid {number_type}.": ("{value!r} ist keine gültige Zahl ({number_type}).",
                                                      "{value!r} is not a valid {number_type}."),
    "click.{value} is not in the range {range}.": ("{value} liegt nicht im Bereich {range}.",
                                                   "{value} is not in the range {range}."),
    "click.{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} ist kein Wahrheitswert. Erlaubt sind: {states}",
        "{value!r} is not a valid boolean. Recognized values: {states}"),
    "click.{name} {filename!r} does not exist.": ("{name} {filename!r} gibt es nicht.",
                                                  "{name} {filename!r} does not exist."),
    "click.{name} {filename!r} is a file.": ("{name} {filename!r} ist eine Datei.",
                                             "{name} {filename!r} is a file."),
    "click.{name} {filename!r} is a directory.": ("{name} {filename!r} ist ein Ordner.",
                                                  "{name} {filename!r} is a directory."),
    "click.{name} {filename!r} is not readable.": ("{name} {filename!r} ist nicht lesbar.",
                                                   "{name} {filename!r} is not readable."),
    "click.{name} {filename!r} is not writable.": ("{name} {filename!r} ist nicht beschreibbar.",
                                                   "{name} {filename!r} is not writable."),
    "click.file": ("Datei", "file"),
    "click.directory": ("Ordner", "directory"),
    "click.path": ("Pfad", "path"),
    "click.Could not open file {filename!r}: {message}": (
        "Die Datei {filename!r} kann nicht geöffnet werden: {message}",
        "Could not open file {filename!r}: {message}"),
    "click.default: {default}": ("Standard: {default}", "default: {default}"),
    "click.required": ("Pflicht", "required"),
    "click.env var: {var}": ("Umgebungsvariable: {var}", "env var: {var}"),
    "click.Aborted!": ("Abgebrochen.", "Aborted!"),
    "click.Error: invalid input": ("Fehler: ungültige Eingabe", "Error: invalid input"),
    "click.Error: The two entered values do not match.": (
        "Fehler: Die beiden Eingaben stimmen nicht überein.",
        "Error: The two entered values do not match."),
    "click.Repeat for confirmation": ("Zur Bestätigung wiederholen", "Repeat for confirmation"),
    "click.%(prog)s, version %(version)s": ("%(prog)s, Version %(version)s", "%(prog)s, version %(version)s"),
    "click.Show the version and exit.": ("Version zeigen und beenden.", "Show the version and exit."),
    "click.Show this message and exit.": ("Diese Hilfe zeigen und beenden.", "Show this message and exit."),
}
