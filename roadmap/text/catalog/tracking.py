"""The living plan, engine side: the one count of entries, why a package is where it is
(the driving predecessor), a package's state, and ``roadmap baseline``.

Keys: ``tracking.count.*`` for "45 Einträge: 33 Arbeitspakete, 9 Meilensteine, 3 Beschlüsse"
(:meth:`roadmap.engine.result.Schedule.count_text`); ``tracking.driver.*`` for each
``ScheduledPackage.driver_reason``; ``tracking.status.*`` for each ``status``;
``tracking.baseline.*`` and ``help.baseline*`` for the baseline command and the build
summary. The diagnostics of progress and baseline files are in
:mod:`roadmap.text.catalog.diagnostics`.
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- the one count ----------------------------------------------------------------
    "tracking.count": ("{entries}: {tasks}, {milestones}, {decisions}",
                       "{entries}: {tasks}, {milestones}, {decisions}"),
    "tracking.count.entry.one": ("{n} Eintrag", "{n} entry"),
    "tracking.count.entry.other": ("{n} Einträge", "{n} entries"),
    "tracking.count.task.one": ("{n} Arbeitspaket", "{n} work package"),
    "tracking.count.task.other": ("{n} Arbeitspakete", "{n} work packages"),
    "tracking.count.milestone.one": ("{n} Meilenstein", "{n} milestone"),
    "tracking.count.milestone.other": ("{n} Meilensteine", "{n} milestones"),
    "tracking.count.decision.one": ("{n} Beschluss", "{n} decision"),
    "tracking.count.decision.other": ("{n} Beschlüsse", "{n} decisions"),

    # ---- why a package starts when it does (ScheduledPackage.driver_reason) -------------
    "tracking.driver.link": ("Vorgänger", "predecessor"),
    "tracking.driver.start": ("Projektbeginn", "project start"),
    "tracking.driver.not_before": ("frühester Beginn (not_before)", "start no earlier than (not_before)"),
    "tracking.driver.status_date": ("Stichtag", "status date"),
    "tracking.driver.actual": ("Ist-Termin", "actual date"),
    "tracking.driver.avoid": ("Schulferien gemieden", "school holidays avoided"),

    # ---- a package's state (ScheduledPackage.status) ------------------------------------
    "tracking.status.finished": ("fertig", "finished"),
    "tracking.status.running": ("läuft", "in progress"),
    "tracking.status.not_started": ("nicht begonnen", "not started"),

    # ---- roadmap baseline, build --baseline ---------------------------------------------
    "tracking.baseline.written": ("Basisplan geschrieben: {path} ({counts}, Stand {status})",
                                  "Baseline written: {path} ({counts}, status {status})"),
    "tracking.baseline.exists": ("'{path}' gibt es schon: ein Basisplan wird nicht stillschweigend "
                                 "ersetzt. Wählen Sie mit -o einen anderen Namen oder ersetzen Sie ihn "
                                 "mit --force",
                                 "'{path}' already exists: a baseline is never replaced silently. "
                                 "Choose another name with -o, or replace it with --force"),
    "tracking.baseline.summary": ("Basisplan", "Baseline"),
    "tracking.baseline.line": ("{file} (Stand {status}): später {slipped}, früher {earlier}, "
                               "Beschlüsse verschoben {moved}, neu {added}, entfallen {removed}",
                               "{file} (status {status}): later {slipped}, earlier {earlier}, "
                               "decisions moved {moved}, added {added}, removed {removed}"),
    "help.baseline": ("""Friert den Zeitplan von PLAN als Basisplan ein (JSON).

    Der Basisplan hält je Eintrag Beginn, Ende und Sitzungstermine fest, dazu den Namen
    des Plans, den Stichtag und eine Prüfsumme der Plandatei. Später zeigt
    'roadmap build PLAN --baseline DATEI' die Abweichungen.

    \b
    Beispiel:
      roadmap baseline examples/plettenberg.yaml
      -> examples/plettenberg.basis.json
    """, """Freeze PLAN's schedule as a baseline (JSON).

    The baseline keeps each entry's start, finish and session dates, with the plan's name,
    the status date and a hash of the plan file. Later,
    'roadmap build PLAN --baseline FILE' shows what moved.

    \b
    Example:
      roadmap baseline examples/plettenberg.yaml
      -> examples/plettenberg.basis.json
    """),
    "help.baseline.out": ("Datei des Basisplans; Standard: <Plan>.basis.json neben dem Plan.",
                          "The baseline file; default: <plan>.basis.json next to the plan."),
    "help.baseline.force": ("Einen vorhandenen Basisplan ersetzen.", "Replace an existing baseline."),
    "help.build.baseline": ("Basisplan (von 'roadmap baseline') zum Vergleich: Abweichungen in Excel "
                            "und Gantt.",
                            "A baseline (from 'roadmap baseline') to compare with: deviations in the "
                            "workbook and the Gantt."),
}
