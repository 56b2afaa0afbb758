"""docs/laender.md, generated from the Land profiles: ``python -m roadmap.templates.laender_docs``.

The page shows all 16 profiles side by side: bodies, decision words, session rhythm,
budget calendar defaults and the legal sources with their status. ``--check`` fails when
the committed page differs from the profiles; a test runs the same comparison.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from roadmap.templates.docs import cell, write_or_check
from roadmap.templates.laender import KEYS_DE, KEYS_EN, land_codes, land_profile

DOCS_PATH = Path("docs") / "laender.md"
COMMAND = "python -m roadmap.templates.laender_docs"
EXAMPLES = ("NW", "HE", "BY")

INTRO = """\
# Länderprofile

Diese Datei wird erzeugt: `{command}` (prüfen mit `--check`).
Nicht von Hand ändern; die Quelle ist `roadmap/templates/laender/<KÜRZEL>.yaml`.

`roadmap new --state XX` schreibt einen Plan in den Worten des Landes XX: Die Vorlage enthält
Platzhalter wie `${{Rat}}` oder `${{council}}`, die `plan_text()` durch die Wörter des Landes
ersetzt (deutsche Schlüssel in deutschen Texten, englische in englischen). Dazu kommen die
Gremien `fachausschuss`, `stadtentwicklung` (falls die Vorlage ihn nennt), `hauptausschuss` und
`rat` mit Namen, Kürzeln und Vorlagefristen, Beispiel-Sitzungstermine im typischen Rhythmus
des Landes (ohne Schulferien und Feiertage; beides aus dem Paket `holidays`) und der
Haushaltskalender (`budget:`). Ohne Plan (`roadmap build`) gilt NW.

Kennzeichen: **[V]** in der genannten Quelle geprüft · **[D]** aus geprüften Daten abgeleitet ·
**[E]** Schätzung oder übliche Praxis · **[?]** nicht geprüft (aus allgemeiner Kenntnis der
Gemeindeordnung; vor Gebrauch prüfen). Rhythmus, Vorlagefristen und Haushaltsdaten sind
Vorgaben für Beispielpläne, keine Rechtsregeln: ersetzen Sie die Sitzungstermine durch den
Kalender Ihres Ratsinformationssystems (`sessions_ics`) und die Haushaltsdaten durch die
Termine Ihrer Kämmerei.

Stadtstaaten: Berlin und Hamburg haben Bezirke, die keine Gemeinden sind
(Bezirksverordnetenversammlung bzw. Bezirksversammlung und Bezirksamt, Geld über den
Landeshaushalt); Bremen hat zwei Städte, das Profil folgt Bremerhaven
(Stadtverordnetenversammlung und Magistrat). Die Profile wählen die nächstliegenden Gremien
und sagen, was nicht passt.
"""


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


def laender_markdown() -> str:
    profiles = [land_profile(code) for code in sorted(land_codes())]
    by_code = {p.code: p for p in profiles}
    lines = [INTRO.format(command=COMMAND)]

    lines += ["## Platzhalter", "", "Jeder Schlüssel ist in allen 16 Profilen belegt; ein unbekannter "
              "Platzhalter in einer Vorlage ist ein Fehler (tests/test_laender.py).", ""]
    lines += _table(["Schlüssel"] + list(EXAMPLES),
                    [[f"`${{{key}}}`"] + [by_code[c].words["de"][key] for c in EXAMPLES] for key in KEYS_DE]
                    + [[f"`${{{key}}}`"] + [by_code[c].words["en"][key] for c in EXAMPLES] for key in KEYS_EN])

    lines += ["## Gremien", ""]
    lines += _table(["Land", "Rat (Kürzel)", "Hauptausschuss", "Fachausschuss", "Verwaltungsspitze",
                     "Gemeindeordnung", "Personalvertretung", "Aufsicht"],
                    [[f"{p.code} {p.name.de}", f"{p.bodies['rat'].name.de} ({p.bodies['rat'].short})",
                      f"{p.bodies['hauptausschuss'].name.de} ({p.bodies['hauptausschuss'].short})",
                      f"{p.bodies['fachausschuss'].name.de} ({p.bodies['fachausschuss'].short})",
                      p.words["de"]["Verwaltungsvorstand"], p.words["de"]["Gemeindeordnung"],
                      p.words["de"]["Personalvertretungsgesetz"], p.words["de"]["Aufsicht"]] for p in profiles])

    lines += ["## Beschlusswörter", ""]
    lines += _table(["Land", "des_Rates", "Ratsbeschluss", "Ratsmitglieder", "Dringlichkeitsentscheidung",
                     "council / council_decision"],
                    [[p.code, p.words["de"]["des_Rates"], p.words["de"]["Ratsbeschluss"],
                      p.words["de"]["Ratsmitglieder"], p.words["de"]["Dringlichkeitsentscheidung"],
                      f"{p.words['en']['council']} / {p.words['en']['council_decision']}"] for p in profiles])

    lines += ["## Sitzungsrhythmus und Sommerpause", "",
              "Eine Sitzungsfolge beginnt dienstags mit dem Fachausschuss; die Spalte „Folge“ nennt die "
              "Tage bis zum Hauptausschuss und zum Rat. Ein zweiter Fachausschuss (`stadtentwicklung`) "
              "tagt in derselben Woche. Keine Sitzung in den Schulferien des Landes (KMK-Daten im Paket "
              "`holidays`; nach deren Ende bleiben Juli/August und 23.12.–06.01. frei).", ""]
    lines += _table(["Land", "alle … Wochen", "mind. Abstand", "Folge (Tage)", "Vorlagefrist", "Rhythmus",
                     "Sommerpause"],
                    [[p.code, p.rhythm.cycle_days // 7, f"{p.rhythm.min_gap_days // 7} Wochen",
                      f"+{p.rhythm.offsets['hauptausschuss']} / +{p.rhythm.offsets['rat']}",
                      p.bodies["rat"].lead_time, p.data["sessions"]["rhythm"], p.data["sessions"]["recess"]]
                     for p in profiles])

    lines += ["## Haushaltskalender (`budget:`)", "",
              "`bid_deadline`: Anmeldefrist der Kämmerei für das folgende Haushaltsjahr; `in_force`: ab "
              "diesem Tag des Haushaltsjahres sind neue Mittel verfügbar (Beschluss, Anzeige oder "
              "Genehmigung, Bekanntmachung). Bis dahin gilt die vorläufige Haushaltsführung.", ""]
    lines += _table(["Land", "bid_deadline", "in_force", "Rechtsgrundlage", "Anmerkung"],
                    [[p.code, p.budget["bid_deadline"], p.budget["in_force"], p.data["municipal_code"]["budget"],
                      p.data["budget"]["note"]] for p in profiles])

    lines += ["## Rechtsgrundlagen und Quellen", ""]
    for p in profiles:
        code = p.data["municipal_code"]
        lines += [f"### {p.code} {p.name.de}", "",
                  f"- Gesetz: {code['name']}, {code['url']}",
                  f"- Zuständigkeit der Vertretung: {code['council_powers']}",
                  f"- Eilentscheidung: {code['urgent_decision']}",
                  f"- Haushalt: {code['budget']}",
                  "- Geprüft: " + "; ".join(p.data["sources"]["checked"]), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv=None) -> int:
    """``python -m roadmap.templates.laender_docs [--check]``: write or check docs/laender.md."""
    parser = argparse.ArgumentParser(prog=COMMAND, description=main.__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is out of date")
    return write_or_check(laender_markdown(), DOCS_PATH, COMMAND, parser.parse_args(argv).check)



if __name__ == "__main__":
    raise SystemExit(main())
