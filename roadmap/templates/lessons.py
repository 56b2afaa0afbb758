"""The seeds' lessons that no work package's ``source`` names: carried by an option or a rule
of the template, or deliberately left out (with the reason). docs/templates.md joins them
with the packages' sources into one table (:mod:`roadmap.templates.docs`), so the table
cannot go stale: a package's source is read from the template, and a test checks that
every target named here exists.

Each entry: (citation "Titel, Ort, Jahr", passage as in the seed, targets, note). Targets
are package ids, option keys (``option:funding``, ``option:funding=own_budget``) or rules
(``rule:calendar.school_holidays``); an empty tuple means the lesson is left out, and the
note says why. The texts are German: docs/templates.md is a German page.
"""
from __future__ import annotations

PLETTENBERG = "Interview Stadt Plettenberg (Jonas Borgmann), Smart City Südwestfalen, 2021"
LEITFADEN = "Leitfaden #01 Smart-City-Prozess starten, Smart City Südwestfalen, 2020"
SOEST = "Interview Stadt Soest (Stephan Siegert), Smart City Südwestfalen, 2021"
SCHRITTE = "Die 10 ersten Schritte zur smarten Kommune, o. O., o. J."
WORKSHOP = "Workshop Kooperationsformen in der Smart City, 13. Regionalkonferenz, Gelsenkirchen und Bochum, o. J."

#: Lessons carried by options and rules (not by one package's ``source``).
CARRIED = (
    (PLETTENBERG, "Zunächst gab es keinerlei Budget (z.B. für Fortbildungen). Dieses Jahr (2021) hingegen, ist eine gewisse Summe für externe Beratung vorgesehen.",
     ("option:budget", "rule:budget", "option:consulting"),
     "Neues Geld kommt erst mit dem nächsten Haushalt (`funds: budget`); Beratung unter dem Schwellenwert aus einem vorhandenen Ansatz."),
    (PLETTENBERG, "Am Anfang haben wir hier Mehrarbeit in Kauf genommen.",
     ("rule:roles", "rule:project.level"),
     "Bis die Arbeitsebene steht, haben Kernteam und Koordination nur Mehrarbeitsanteile; der Kapazitätsabgleich verschiebt, was nicht hineinpasst."),
    (PLETTENBERG, "Der Plettenberger Bürgermeister sowie der Kämmerer waren direkt involviert, indem wir ihnen stets berichteten.",
     ("lenkungskreis", "kosten"), "Lenkungskreis alle 8 Wochen; Kämmerei ab der Kostenschätzung."),
    (LEITFADEN, "Alternative Beispiele könnten die Bekundung eines oder einer amtierenden Bürgermeister*in  sowie die Gründung einer spezifischen Arbeitsgruppe innerhalb der Kommunalverwaltung sein",
     ("option:start",), "Drei Startwege: Förderaufruf, Erklärung, Arbeitsgruppe."),
    (SOEST, "In Soest gab es Startkapital aus der Digitalen Modellregion – konkret aus dem Fördertopf für strategische Beratung. Wir hätten also auch ohne Smart-Cities-Förderung diesen Strategieprozess beginnen können.",
     ("option:funding", "option:consulting=below_threshold"), "Förderung oder eigene Mittel; die Beratung beginnt früh, unabhängig vom Förderbescheid."),
    (SOEST, "Zeitlich vorbestimmt war zunächst nur die durch das Smart-Cities-Modellprojekt vorgegebene Förderphase von zwei Jahren.",
     ("option:call_deadline", "einreichung", "skizze_eingereicht"), "Die Frist des Aufrufs ist ein festes Datum; wird sie verfehlt, nennt die Warnung den Schritt, der zu spät kommt."),
    (SOEST, "Arbeitspakete definieren, um die erforderliche Dauer des Prozesses genauer bestimmen zu können!",
     ("projektstruktur", "rule:packages"), "Der ganze Fahrplan besteht aus Arbeitspaketen mit Dauer und Vorgängern."),
    (SOEST, "Wir sind in Soest mit einer großen inhaltlichen Offenheit in das Thema Smart City gestartet.",
     ("fokus", "fokus_beschluss"), "Der Fokus entsteht aus Beteiligung und Bedarfsanalyse und wird der Vertretung zur Bestätigung vorgelegt."),
    (SOEST, "Zum anderen haben wir entschieden, dass die Smart City Strategie zu einer Nachhaltigkeitsstrategie ausbauen wollen.",
     ("abgleich",), "Abgleich mit Klimaschutzkonzept und ISEK."),
    (SOEST, "In meinen Augen sind aber auch Kontakte zu und Netzwerke mit anderen Kommunen oder Partnern eine entscheidende Ressource, auf die man am Anfang zurückgreifen können sollte.",
     ("austausch", "kreis"), "Austausch und interkommunale Zusammenarbeit."),
    (SCHRITTE, "Mit dem Onlinezugangsgesetz (OZG) wurde der Startschuss gegeben, dass aus diesen Bildern langsam Realitäten werden.",
     ("abgleich",), "Abgleich mit der OZG-Umsetzung."),
    (SCHRITTE, "Workshops oder Bürgerwerkstätten bringen zwar einen großen Aufwand für eine Verwaltung mit sich",
     ("option:participation", "rule:calendar.school_holidays"), "Beteiligungsformate meiden die Schulferien."),
    (WORKSHOP, "Gemeinsam identifizierte und umgesetzte konkrete (auch kleinere) Projekte mit einem unmittelbar wirksamen Mehrwert helfen, „Aha-Effekte“ auszulösen",
     ("quickwins",), "Erste kleine Projekte nach der Befragung der Beschäftigten."),
    (WORKSHOP, "Im besten Fall kann diese Netzwerkstruktur für einen regelmäßigen und anhaltenden Wissenstransfer genutzt werden und dabei helfen, potenzielle spätere Digitallotsinnen und -lotsen zu identifizieren.",
     ("formate", "lotsen_anmeldung"), "Wiederkehrende Formate (`repeat`) und die Auswahl der Digitallotsen."),
    (WORKSHOP, "Information und Austausch in die kommunale Landschaft bleiben dabei eine dauerhafte Aufgabe der Smart-City-Koordination.",
     ("formate", "sachstandsbericht", "kommunikation"), "Als wiederkehrende Termine bis zum Strategiebeschluss."),
)

#: Lessons deliberately left out, with the reason.
LEFT_OUT = (
    (PLETTENBERG, "Anlass war die beginnende REGIONALE 2025 und die Vorstellung der sogenannten „Südwestfalen DNA“.",
     "Örtlicher Anlass in Südwestfalen; als Startweg deckt ihn die Option `start` ab."),
    (PLETTENBERG, "Ziel war, dass Digitalisierung zu einem Querschnittsthema wird, das alle Bereiche durchzieht",
     "Eine Arbeitsweise, kein Schritt mit Termin; sie gehört in die Strategie selbst."),
    (PLETTENBERG, "Das größte Startkapital jedoch, war die Wertschätzung durch die Vorgesetzen.",
     "Eine Haltung der Führung, nicht planbar; der Auftrag der Verwaltungsspitze (`auftrag`) ist der planbare Teil."),
    (PLETTENBERG, "Zeige den Leuten, die potenziell für so etwas bereit sind, welche Vorteile sie aus so einem Prozess ziehen können",
     "Überzeugungsarbeit in jedem Schritt; kein eigenes Arbeitspaket."),
    (LEITFADEN, "Ein zentrales Kernstück dessen ist die Smart Cities Rahmenstrategie für Südwestfalen",
     "Gilt nur für Südwestfalen; andere Regionen haben keine solche Rahmenstrategie. Der Abgleich mit vorhandenen Konzepten (`abgleich`) ist der allgemeine Teil."),
    (LEITFADEN, "Ein konkretes Projektziel der 5 für Südwestfalen ist der Wissenstransfer aus den Pionierkommunen in die weiteren 54 Städte und Gemeinden in Südwestfalen.",
     "Beschreibt die Leitfadenreihe, nicht den Prozess einer Kommune."),
    (SOEST, "Das Team auf Arbeitsebene trifft sich zu wöchentlichen Besprechungen seit 2019.",
     "Wöchentliche Teamtermine würden das Gantt-Diagramm füllen, ohne etwas zu entscheiden; sie stecken in den Anteilen der Rollen."),
    (SOEST, "Einfach erstmal loslegen, denn man muss nicht direkt eine super konkrete Idee von einer Smart City Strategie haben!",
     "Eine Haltung; der Fahrplan beginnt sofort mit dem Startweg."),
    (SCHRITTE, "Gehen Sie modular vor und etablieren Sie einen Baustein nach dem anderen.",
     "Betrifft die Umsetzung nach dem Strategiebeschluss, die dieser Fahrplan nicht mehr plant."),
    (SCHRITTE, "Durch eine geeignete Auswahl von Multiplikatoren kann auch eine vertiefte Einbeziehung von Ressourcen Dritter erreicht werden.",
     "Teil der Einbindung von Wirtschaft und Stadtgesellschaft (`wirtschaft`, Beteiligung); kein eigener Termin."),
    (WORKSHOP, "Lassen Sie Freiräume in der Maßnahmenplanung, indem Sie Ziele festlegen, aber die Wege dahin offenlassen",
     "Eine Regel für den Inhalt der Strategie, nicht für ihren Zeitplan."),
)
