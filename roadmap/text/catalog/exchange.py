"""Exchange with other tools: German CSV, the iCalendar export, the OParl import (MS
Project XML and TaskJuggler: roadmap/text/catalog/interop.py).

Keys: ``csv.*`` (CSV headers), ``export.*`` (``roadmap export`` and the .ics it writes),
``oparl.*`` (``roadmap oparl``: listing, progress, summary and its one-sentence errors).
"""

ENTRIES: dict[str, tuple[str, str]] = {
    # ---- German CSV (schedule --format csv) ---------------------------------------------
    "csv.id": ("ID", "ID"),
    "csv.kind": ("Art", "Kind"),
    "csv.duration_days": ("Dauer (Arbeitstage)", "Duration (working days)"),
    "csv.critical": ("Kritisch", "Critical"),

    # ---- roadmap export -----------------------------------------------------------------
    "export.format.ics": ("iCalendar-Kalender", "iCalendar calendar"),
    "export.format.csv": ("CSV für Excel", "CSV for Excel"),
    "export.format.csv-en": ("CSV für Skripte (englisch)", "CSV for scripts (English)"),
    "export.help.ics": ("Termine für Outlook, Thunderbird, Google: Meilensteine, Beschlüsse mit Beratungsfolge, "
                        "Vorberatungen, Vorlagefristen (mit --all auch Beginn und Ende jedes Arbeitspakets)",
                        "dates for Outlook, Thunderbird, Google: milestones, decisions with their "
                        "Beratungsfolge, consultations, Vorlage due dates (with --all also the start and "
                        "finish of every work package)"),
    "export.help.csv": ("Tabelle für Excel; bei deutschem Plan mit ;, UTF-8 mit BOM und TT.MM.JJJJ",
                        "table for Excel; for a German plan with ;, UTF-8 with BOM and TT.MM.JJJJ"),
    "export.help.csv-en": ("Tabelle für Skripte (Komma, ISO-Datum, englische Spalten)",
                           "table for scripts (commas, ISO dates, English columns)"),
    "export.format.mspdi": ("MS-Project-XML", "MS Project XML"),
    "export.format.tjp": ("TaskJuggler-Projekt", "TaskJuggler project"),
    "export.help.mspdi": ("MS-Project-XML (MSPDI) für MS Project, ProjectLibre, GanttProject: Phasen als "
                          "Sammelvorgänge, Anordnungsbeziehungen, Meilensteine, Kalender mit Feiertagen; "
                          "zurück mit roadmap import",
                          "MS Project XML (MSPDI) for MS Project, ProjectLibre, GanttProject: phases as "
                          "summary tasks, links, milestones, calendar with public holidays; back with "
                          "roadmap import"),
    "export.help.tjp": ("TaskJuggler-Projekt (.tjp), das tj3 auf dieselben Termine rechnet",
                        "TaskJuggler project (.tjp) that tj3 schedules to the same dates"),
    "export.no-format": ("Welches Format? Geben Sie --format an ({formats}) oder eine Ausgabedatei mit "
                         "passender Endung, z. B. -o termine.ics.",
                         "Which format? Give --format ({formats}) or an output file with a matching suffix, "
                         "e.g. -o dates.ics."),
    "export.written": ("{path} geschrieben ({format}): {what}.", "Wrote {path} ({format}): {what}."),
    "export.events": ("{count} Termine", "{count} events"),
    "export.rows": ("{count} Arbeitspakete", "{count} work packages"),
    "export.ics.calname": ("{project} ({town}) – Termine", "{project} ({town}) – dates"),
    "export.ics.milestone": ("Meilenstein: {name}", "Milestone: {name}"),
    "export.ics.decision": ("Beschluss ({body}): {name}", "Decision ({body}): {name}"),
    "export.ics.consultation": ("Vorberatung ({body}): {name}", "Consultation ({body}): {name}"),
    "export.ics.vorlage": ("Vorlage fertig: {name} (für {body} am {date})",
                           "Paper due: {name} (for {body} on {date})"),
    "export.ics.cat-vorlage": ("Vorlage", "Paper"),
    "export.ics.start": ("Beginn: {name}", "Start: {name}"),
    "export.ics.finish": ("Ende: {name}", "Finish: {name}"),
    "export.ics.deliverable": ("Ergebnis: {text}", "Deliverable: {text}"),
    "export.ics.about": ("Beschreibung: {text}", "Description: {text}"),
    "export.ics.float": ("Gesamtpuffer: {float} Arbeitstage; kritischer Pfad: {critical}",
                         "Total float: {float} working days; critical path: {critical}"),
    "export.ics.plan": ("Aus dem Fahrplan „{project}“ ({town})", "From the roadmap \"{project}\" ({town})"),
    "export.ics.status": (", Stand {status}", ", status {status}"),

    # ---- roadmap oparl: errors, one sentence each ------------------------------------------
    "oparl.bad-url": ("'{url}' ist keine Web-Adresse; geben Sie die Adresse des OParl-Systems mit https:// an, "
                      "z. B. https://ris.beispielstadt.de/oparl/v1/system.",
                      "'{url}' is not a web address; give the OParl system's address with https://, "
                      "e.g. https://ris.example.org/oparl/v1/system."),
    "oparl.unreachable": ("Der Server {host} ist nicht erreichbar ({reason}); prüfen Sie die Adresse und die "
                          "Internetverbindung und versuchen Sie es später noch einmal.",
                          "The server {host} cannot be reached ({reason}); check the address and the "
                          "internet connection and try again later."),
    "oparl.reason-refused": ("Verbindung abgelehnt", "connection refused"),
    "oparl.reason-timeout": ("keine Antwort in der vorgesehenen Zeit", "no answer in time"),
    "oparl.reason-dns": ("der Name ist unbekannt", "unknown host name"),
    "oparl.reason-ssl": ("das Zertifikat ist ungültig", "invalid certificate"),
    "oparl.reason-other": ("keine Verbindung", "no connection"),
    "oparl.http": ("Der Server antwortet auf {url} mit dem Fehler {status} {reason}; prüfen Sie die Adresse des "
                   "OParl-Systems oder versuchen Sie es später noch einmal.",
                   "The server answers {url} with error {status} {reason}; check the OParl system's address "
                   "or try again later."),
    "oparl.not-oparl": ("Unter {url} liegt keine OParl-Schnittstelle ({why}); die Adresse endet meist auf "
                        "/oparl/v1/system oder /bi/oparl/1.0/system.asp.",
                        "{url} is not an OParl interface ({why}); the address usually ends in "
                        "/oparl/v1/system or /bi/oparl/1.0/system.asp."),
    "oparl.why-not-json": ("die Antwort ist kein JSON", "the answer is not JSON"),
    "oparl.why-not-object": ("die Antwort ist kein JSON-Objekt", "the answer is not a JSON object"),
    "oparl.why-no-system": ("die Antwort ist kein OParl-System-Objekt", "the answer is not an OParl System object"),
    "oparl.why-no-body": ("das System nennt keine Liste der Körperschaften",
                          "the system names no list of bodies"),
    "oparl.bad-list": ("Der Server liefert unter {url} keine OParl-Objektliste (es fehlt 'data'), die Daten "
                       "können deshalb nicht gelesen werden.",
                       "The server's page {url} is not an OParl object list ('data' is missing), so the data "
                       "cannot be read."),
    "oparl.loop": ("Die Liste {url} hört nicht auf ('links.next' führt im Kreis), der Server hält sich nicht "
                   "an OParl.",
                   "The list {url} does not end ('links.next' goes round in a circle); the server does not "
                   "follow OParl."),
    "oparl.no-bodies": ("Das OParl-System {url} nennt keine Körperschaft, es gibt deshalb keine Gremien.",
                        "The OParl system {url} names no body, so there are no organisations."),
    "oparl.unknown-organization": ("Das Gremium '{name}' gibt es in {where} nicht; vorhanden sind: {known}.",
                                   "There is no organisation '{name}' in {where}; there are: {known}."),
    "oparl.ambiguous": ("'{name}' passt auf mehrere Gremien ({matches}); geben Sie den vollständigen Namen "
                        "oder die Adresse (URL) des Gremiums an.",
                        "'{name}' matches several organisations ({matches}); give the full name or the "
                        "organisation's address (URL)."),
    "oparl.not-a-calendar": ("'{target}' wird nicht überschrieben: die Datei ist kein iCalendar-Kalender; "
                             "wählen Sie mit -o eine .ics-Datei.",
                             "refusing to overwrite '{target}': it is not an iCalendar file; choose an .ics "
                             "file with -o."),
    # ---- roadmap oparl: progress (stderr) and results ------------------------------------------
    "oparl.what-bodies": ("Körperschaften", "bodies"),
    "oparl.what-organizations": ("Gremien von {body}", "organisations of {body}"),
    "oparl.what-meetings": ("Sitzungen von {name}", "meetings of {name}"),
    "oparl.page-of": ("{what}: Seite {page} von {pages} geladen ({count} Einträge)",
                      "{what}: page {page} of {pages} loaded ({count} entries)"),
    "oparl.page": ("{what}: Seite {page} geladen ({count} Einträge)",
                   "{what}: page {page} loaded ({count} entries)"),
    "oparl.loading": ("Lade Sitzungen von {name} …", "Loading meetings of {name} …"),
    "oparl.full-reload": ("OParl {version} meldet gelöschte Sitzungen nicht; alle Sitzungen werden neu geladen.",
                          "OParl {version} does not report deleted meetings; all meetings are loaded again."),
    "oparl.no-previous": ("{path} stammt nicht aus einem früheren Abruf derselben Gremien; alle Sitzungen "
                          "werden geladen.",
                          "{path} is not an earlier download of the same organisations; all meetings are "
                          "loaded."),
    "oparl.written": ("{path} geschrieben: {count} Sitzungen von {names}{span}.",
                      "Wrote {path}: {count} meetings of {names}{span}."),
    "oparl.span": (", {first} – {last}", ", {first} – {last}"),
    "oparl.dropped": ("Ausgelassen: {cancelled} abgesagte Sitzung(en), {undated} ohne Termin.",
                      "Left out: {cancelled} cancelled meeting(s), {undated} without a date."),
    "oparl.refreshed": ("Seit {since}: {changed} neue oder geänderte, {removed} gelöschte oder abgesagte "
                        "Sitzung(en).",
                        "Since {since}: {changed} new or changed, {removed} deleted or cancelled meeting(s)."),
    "oparl.hint": ("Im Plan unter 'bodies' eintragen (die Kennung links frei wählen):",
                   "Add to the plan under 'bodies' (choose the id on the left freely):"),
    "oparl.none": ("Keine Sitzungen gefunden; prüfen Sie, ob das Gremium noch besteht.",
                   "No meetings found; check that the organisation still exists."),
    # ---- roadmap oparl: the listing -----------------------------------------------------------
    "oparl.system": ("OParl {version}: {name}", "OParl {version}: {name}"),
    "oparl.body": ("Körperschaft: {name}", "Body: {name}"),
    "oparl.gremien": ("  Gremien ({count}):", "  Committees ({count}):"),
    "oparl.all-organizations": ("  Organisationen ({count}):", "  Organisations ({count}):"),
    "oparl.until": ("bis {date}", "until {date}"),
    "oparl.others": ("  Außerdem {count} weitere Organisation(en) ({types}); alle zeigen: --all",
                     "  Also {count} other organisation(s) ({types}); show all: --all"),
    "oparl.next": ("Sitzungskalender eines Gremiums schreiben:", "Write a committee's session calendar:"),
}
