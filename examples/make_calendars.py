"""Regenerate the example council calendars (*.ics) and the example plans (*.yaml).

    python examples/make_calendars.py

The real 2027-2029 session calendars of Plettenberg and Soest are not published yet (and
not reachable offline), so these are SAMPLE calendars: NRW-like Sitzungsfolgen from
:func:`roadmap.templates.sessions.default_sessions` (no sessions in the NRW school
holidays, only on working days), written the way a council information system exports
them: one file for all bodies, VTIMEZONE Europe/Berlin, local start times, one session
STATUS:CANCELLED and one whose SUMMARY says "entfällt". The plans read them with
``sessions_ics`` + ``match``.
"""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from roadmap.templates.newplan import IcsBody, plan_text
from roadmap.templates.sessions import default_sessions

HERE = Path(__file__).resolve().parent
BERLIN = ZoneInfo("Europe/Berlin")
STAMP = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.timezone.utc)  # fixed: files stay byte-identical
START = dt.date(2027, 1, 11)


@dataclass(frozen=True)
class Town:
    key: str
    name: str
    weekday: int  # the council's usual meeting day (Monday = 0)
    bodies: dict  # body id -> (SUMMARY, match, start hour, German name, English name, short name)
    cancelled: tuple  # (body id, index of the session) with STATUS:CANCELLED
    entfaellt: tuple  # (body id, index) whose SUMMARY says "entfällt"
    options: dict
    status_date: dt.date


TOWNS = [
    Town("plettenberg", "Plettenberg", 3, {
        "fachausschuss": ("Sitzung des Ausschusses für Stadtentwicklung und Digitalisierung",
                          "Stadtentwicklung und Digitalisierung", 17,
                          "Ausschuss für Stadtentwicklung und Digitalisierung",
                          "Committee for urban development and digitalisation", "StDA"),
        "stadtentwicklung": ("Sitzung des Ausschusses für Umwelt, Planen und Bauen",
                             "Umwelt, Planen und Bauen", 17, "Ausschuss für Umwelt, Planen und Bauen",
                             "Committee for environment, planning and building", "UPBA"),
        "hauptausschuss": ("Sitzung des Haupt- und Finanzausschusses", "Haupt- und Finanzausschuss", 17,
                           "Haupt- und Finanzausschuss", "Main and finance committee", "HFA"),
        "rat": ("Sitzung des Rates der Stadt Plettenberg", "Rates der Stadt", 18,
                "Rat der Stadt Plettenberg", "Plettenberg town council", "Rat"),
    }, cancelled=("fachausschuss", 1), entfaellt=("hauptausschuss", 0),
        # Plettenberg (interview 2021): started in a working group of the planning department;
        # the joint application for "Smart Cities made in Germany" went to Menden, so no
        # funding: "zunächst keinerlei Budget", then "eine gewisse Summe für externe Beratung"
        # in the budget; 20 % shares of existing posts, Digitallotsen, a Bürgerforum.
        options={"start": "working_group", "funding": "own_budget", "budget": "regular",
                 "staffing": "internal_share", "consulting": "below_threshold",
                 "participation": "forum", "anchoring": "existing_structures"},
        status_date=dt.date(2027, 9, 1)),
    Town("soest", "Soest", 2, {
        "fachausschuss": ("Sitzung des Ausschusses für Digitalisierung und Innovation",
                          "Digitalisierung und Innovation", 17, "Ausschuss für Digitalisierung und Innovation",
                          "Committee for digitalisation and innovation", "ADI"),
        "stadtentwicklung": ("Sitzung des Ausschusses für Stadtentwicklung und Umwelt",
                             "Stadtentwicklung und Umwelt", 17, "Ausschuss für Stadtentwicklung und Umwelt",
                             "Committee for urban development and environment", "ASU"),
        "hauptausschuss": ("Sitzung des Haupt- und Finanzausschusses", "Haupt- und Finanzausschuss", 17,
                           "Haupt- und Finanzausschuss", "Main and finance committee", "HFA"),
        "rat": ("Sitzung des Rates der Stadt Soest", "Rates der Stadt Soest", 17,
                "Rat der Stadt Soest", "Soest town council", "Rat"),
    }, cancelled=("rat", 1), entfaellt=("fachausschuss", 0),
        # Soest (interview 2021): the funding call "kam uns sehr gelegen"; the region chose
        # five of 15 applicants before the federal application (two stages); the project
        # idea went to the Verwaltungsvorstand first; "sehr viel Arbeit in den Projektantrag
        # sowie die damit verbundene Stellenausschreibung" (a new post); strategic consulting
        # early; a Bürgerwerkstatt; Team Soest Digital in existing structures.
        options={"start": "funding_call", "funding": "two_stage", "call_deadline": "2027-05-31",
                 "approval": "session", "early_start": "not_requested", "budget": "regular",
                 "staffing": "new_post", "consulting": "below_threshold",
                 "participation": "workshop", "anchoring": "existing_structures"},
        status_date=dt.date(2027, 9, 1)),
]


def calendar_bytes(town: Town) -> bytes:
    """The town's sample Sitzungskalender 2027-2029 as one iCalendar file."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//roadmap examples//Sitzungskalender//DE")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Sitzungskalender Stadt {town.name} 2027-2029 (Beispiel)")
    cal.add("x-wr-caldesc", "BEISPIELDATEN, nicht der echte Sitzungskalender: die Termine "
            "2027-2029 sind noch nicht veröffentlicht. Erzeugt von examples/make_calendars.py "
            "(Sitzungsfolge etwa alle zwei Monate, nicht in den NRW-Schulferien).")
    cal.add("x-wr-timezone", "Europe/Berlin")
    sessions = default_sessions("NW", dt.date(2027, 1, 1), years=3, weekday=town.weekday, bodies=list(town.bodies))
    events = []
    for body_id, (summary, _, hour, *_) in town.bodies.items():
        for index, day in enumerate(d for d in sessions[body_id] if d.year <= 2029):
            events.append((day, hour, body_id, index, summary))
    for day, hour, body_id, index, summary in sorted(events):
        event = icalendar.Event()
        event.add("uid", f"{town.key}-{body_id}-{day:%Y%m%d}@beispiel.invalid")
        event.add("dtstamp", STAMP)
        start = dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=BERLIN)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(hours=3))
        if (body_id, index) == town.entfaellt:
            summary += " – entfällt"
        event.add("summary", summary)
        event.add("location", f"Rathaus {town.name}, Sitzungssaal")
        if (body_id, index) == town.cancelled:
            event.add("status", "CANCELLED")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def example_plan_text(town: Town) -> str:
    from roadmap.plan.yamlio import load_plain
    from roadmap.templates.laender import role_of
    from roadmap.templates.library import load_template

    from roadmap.plan.model import Text

    # the town's bodies by role, so the old ids (digital, hfa) fit the template's ids too;
    # the plan names each committee as the town's own calendar does
    by_role = {role_of(body_id): spec for body_id, spec in town.bodies.items()}
    ics = {body_id: IcsBody(f"{town.key}.ics", spec[1], Text(spec[3], spec[4]), spec[5])
           for body_id in load_plain(load_template("kickoff").text).get("bodies") or {}
           if (spec := by_role.get(role_of(body_id)))}
    return plan_text("kickoff", town=town.name, state="NW", start=START, options=town.options,
                     file_name=f"examples/{town.key}.yaml", ics=ics, status_date=town.status_date)


def outputs() -> dict[Path, bytes]:
    """Every file this script writes, by path."""
    files = {}
    for town in TOWNS:
        files[HERE / f"{town.key}.ics"] = calendar_bytes(town)
        files[HERE / f"{town.key}.yaml"] = example_plan_text(town).encode("utf-8")
    for ris_town in RIS_TOWNS:
        files[HERE / f"{ris_town.key}.ics"] = allris_calendar_bytes(ris_town)
        files[HERE / f"{ris_town.key}.yaml"] = ris_plan_text(ris_town).encode("utf-8")
    return files


# ---- the towns outside NRW: Kassel (HE) and Bamberg (BY) -----------------------------
#
# Their calendars mimic the ALLRIS 4 subscription export (``/public/ics/SiKalAbo.ics``) line
# by line as Iserlohn's RIS writes it (DOMAIN.md section 9; the VEVENT blocks copied in the
# public repo Thorsten7712/iserlohn-sitzungen-ics): UID ``ALLRIS-Sitzung-<SILFDNR>``,
# ``SUMMARY;LANGUAGE=de:<Gremium>``, planned sessions with DTEND at the next midnight
# (end unknown) and the URL of the day's calendar page ``public/si010?DD=&MM=&YY=``, a
# cancelled one as ``STATUS:CANCELLED``. Which RIS the two towns really run was not
# checked (no internet); the host names end in .invalid so nobody mistakes them for the
# towns' real systems. The dates are the Land's typical rhythm from the Land profile, NOT
# the towns' real session calendars.


@dataclass(frozen=True)
class RisTown:
    key: str
    name: str
    state: str
    host: str  # the RIS host (an .invalid name: not the town's real system)
    weekday: int
    bodies: dict  # role -> (SUMMARY = Gremium name in the RIS, English name, short name, start hour)
    first_id: int  # SILFDNR of the first session in the file
    cancelled: tuple  # (role, index) exported with STATUS:CANCELLED
    options: dict  # wished options; only those the template knows are used
    status_date: dt.date
    facts: str  # the header: which facts are real, which are assumptions
    rhythm: tuple | None = None  # (cycle weeks, min gap weeks, offsets): the town's own habit


RIS_TOWNS = [
    RisTown("kassel", "Kassel", "HE", "kassel.sitzung-online.invalid", 3, {
        "fachausschuss": ("Ausschuss für Digitalisierung", "Digitalisation committee", "DigA", 17),
        "stadtentwicklung": ("Ausschuss für Stadtentwicklung, Mobilität und Verkehr",
                             "Committee for urban development, mobility and transport", "StMV", 17),
        "hauptausschuss": ("Ausschuss für Finanzen, Wirtschaft und Grundsatzfragen",
                           "Committee for finance, economy and policy", "FiWiGru", 17),
        "rat": ("Stadtverordnetenversammlung", "Municipal assembly (Stadtverordnetenversammlung)", "StVV", 16),
    }, first_id=3004101, cancelled=("fachausschuss", 2),
        options={"start": "funding_call", "funding": "funding_programme", "staffing": "new_post",
                 "consulting": "eu_tender", "participation": "online", "anchoring": "new_unit"},
        status_date=dt.date(2027, 9, 1),
        # Kassel's own habit: the assembly "in der Regel einmal im Monat" on a Monday, the
        # committees on the Thursday(s) before: Thursday + 7 days -> Monday 4 days later
        rhythm=(4, 3, {"fachausschuss": 0, "hauptausschuss": 7, "rat": 11}), facts="""\
# BEISPIEL Kassel (Hessen) – was echt ist und was angenommen:
# ECHT: Kassel ist seit 2020 Modellprojekt Smart Cities des Bundes (2. Staffel, 32 Projekte;
#   Liste auf smart-city-dialog.de; rund 11 Mio. Euro über sieben Jahre laut einer Fraktion der
#   Stadtverordnetenversammlung, 09/2020) mit den Vorhaben „Digitales Rathaus“ und „Smart City“.
#   Die Stadtverordnetenversammlung tagt „in der Regel einmal im Monat“, montags um 16 Uhr im
#   Rathaus (stadt-kassel.de); Ausschüsse u. a. „Ausschuss für Finanzen, Wirtschaft und
#   Grundsatzfragen“ (donnerstags, z. B. 06.02.2020) und „Ausschuss für Stadtentwicklung,
#   Mobilität und Verkehr“ (Namen der Wahlperiode 2016–2021); Vorlagen kommen vom Magistrat
#   (Magistratsvorlagen). Gremien und Haushalt nach der HGO (§ 51, § 97 HGO).
# ANGENOMMEN: dieser Fahrplan ist kein Nachbau des echten Kasseler Prozesses, sondern zeigt,
#   wie die Vorlage „kickoff“ einen Start ab Januar 2027 in Kassels Gremien legen würde; die
#   Optionen, der „Ausschuss für Digitalisierung“ (2020 von einer Fraktion gefordert; ob es ihn
#   gibt, ist nicht geprüft) und die heutigen Ausschussnamen sind Annahmen. Die
#   SITZUNGSTERMINE in kassel.ics sind NICHT echt: ein Plan mit Kassels Rhythmus (monatlich,
#   Ausschüsse donnerstags, Stadtverordnetenversammlung montags, nicht in den hessischen
#   Schulferien), geschrieben im Format des ALLRIS-Kalenderexports; welches
#   Ratsinformationssystem Kassel nutzt und wie es exportiert, ist nicht geprüft.
# Erzeugt mit examples/make_calendars.py; dasselbe ergibt (bis auf diesen Kopf und die
#   englischen Gremiennamen): roadmap new examples/kassel.yaml --town Kassel --state HE
#   --start 11.01.2027 --ics examples/kassel.ics --match hauptausschuss="Ausschuss für
#   Finanzen, Wirtschaft und Grundsatzfragen" --option start=funding_call ...
#
"""),
    RisTown("bamberg", "Bamberg", "BY", "bamberg.sitzung-online.invalid", 2, {
        "fachausschuss": ("Digitalisierungssenat", "Digitalisation committee", "DigS", 16),
        "stadtentwicklung": ("Bau- und Werksenat", "Building committee", "BWS", 16),
        "hauptausschuss": ("Finanzsenat", "Finance committee", "FS", 16),
        "rat": ("Stadtrat - Vollsitzung", "Town council (full session)", "StR", 16),
    }, first_id=4007201, cancelled=("rat", 3),
        options={"start": "funding_call", "funding": "funding_programme", "staffing": "new_post",
                 "consulting": "below_threshold", "participation": "workshop", "anchoring": "new_unit"},
        status_date=dt.date(2027, 9, 1), facts="""# BEISPIEL Bamberg (Bayern) – was echt ist und was angenommen:
# ECHT: Bamberg ist seit 2020 Modellprojekt Smart Cities des Bundes (2. Staffel; BR 09/2020:
#   etwa 15 Mio. Euro, zweijährige Strategiephase und fünfjährige Umsetzung); das Programm
#   „Smart City Bamberg“ berichtet in der Vollsitzung des Stadtrats, zuständig ist der
#   Wirtschafts- und Digitalisierungsreferent. Gremien nach der GO: Stadtrat (Art. 32 Abs. 2
#   GO), beschließende Ausschüsse, dringliche Anordnungen nach Art. 37 Abs. 3 GO; Haushalt
#   nach Art. 65 GO. Bamberg führt sein Bürgerinformationssystem mit ALLRIS (Beschlussvorlage
#   VO/2019/2597-R1 auf stadt.bamberg.de); die Ferienzeit des Stadtrats beträgt bis zu sechs
#   Wochen ab dem ersten Tag der Sommerferien (§ 14 GeschO, Art. 32 Abs. 4 GO).
# ANGENOMMEN: dieser Fahrplan ist kein Nachbau des echten Bamberger Prozesses, sondern zeigt,
#   wie die Vorlage „kickoff“ einen Start ab Januar 2027 in Bambergs Gremien legen würde; die
#   Optionen und die Namen der Senate (beschließende Ausschüsse) sind Annahmen. Die
#   SITZUNGSTERMINE in bamberg.ics sind NICHT echt: ein Plan mit dem typischen bayerischen
#   Rhythmus des Werkzeugs (Landesprofil BY: Stadtrat monatlich, keine Sitzung in den
#   Sommerferien), geschrieben im Format des Kalenderexports von ALLRIS 4; ob Bamberg schon
#   ALLRIS 4 oder noch das ältere ALLRIS net (anderes iCalendar-Format) nutzt, ist nicht geprüft.
# Erzeugt mit examples/make_calendars.py; dasselbe ergibt (bis auf diesen Kopf und die
#   englischen Gremiennamen): roadmap new examples/bamberg.yaml --town Bamberg --state BY
#   --start 11.01.2027 --ics examples/bamberg.ics --match rat="Stadtrat - Vollsitzung"
#   --match hauptausschuss=Finanzsenat --match fachausschuss=Digitalisierungssenat --option ...
#
"""),
]

EXPORTED = dt.date(2026, 11, 2)  # fixed "Exportiert am": files stay byte-identical


def allris_calendar_bytes(town: RisTown) -> bytes:
    """The town's sample Sitzungskalender 2027-2029 as ALLRIS 4 exports it (SiKalAbo.ics)."""
    from roadmap.templates.laender import ROLES, Rhythm

    rhythm = Rhythm(town.rhythm[0] * 7, town.rhythm[1] * 7, town.rhythm[2]) if town.rhythm else None
    sessions = default_sessions(town.state, dt.date(2027, 1, 1), years=3, weekday=town.weekday,
                                bodies=ROLES, rhythm=rhythm)
    events = sorted((day, role, index) for role in town.bodies
                    for index, day in enumerate(d for d in sessions[role] if d.year <= 2029))
    lines = ["BEGIN:VCALENDAR", "PRODID:-//CC e-gov GmbH//ALLRIS 4//DE", "VERSION:2.0", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:Sitzungskalender {town.name} (BEISPIEL)",
             "X-WR-CALDESC:BEISPIELDATEN im Format des ALLRIS-Kalenderexports\\, nicht der echte "
             "Sitzungskalender. Erzeugt von examples/make_calendars.py.",
             "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
             "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
             "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
             "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"]
    for number, (day, role, index) in enumerate(events):
        summary, _, _, hour = town.bodies[role]
        url = f"https://www.{town.host}/public/si010?DD={day.day}&MM={day.month}&YY={day.year}"
        after = day + dt.timedelta(days=1)
        lines += ["BEGIN:VEVENT", f"UID:ALLRIS-Sitzung-{town.first_id + 2 * number}", "PRIORITY:2", "CLASS:PUBLIC",
                  "X-APPLE-CALENDAR-COLOR:#000000", "X-OUTLOOK-COLOR:#000000", "X-FUNAMBOL-COLOR:#000000",
                  "X-LOTUS-CHARSET:UTF-8", f"DTSTAMP;TZID=Europe/Berlin:{EXPORTED:%Y%m%d}T062648",
                  f"DTSTART;TZID=Europe/Berlin:{day:%Y%m%d}T{hour:02d}0000",
                  f"DTEND;TZID=Europe/Berlin:{after:%Y%m%d}T000000", "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
                  f"SUMMARY;LANGUAGE=de:{summary}", "LOCATION;LANGUAGE=de:",
                  f"DESCRIPTION;LANGUAGE=de:Exportiert am {EXPORTED:%d.%m.%Y}\\n\\nSitzungskalender in ALLRIS "
                  f"net:\\n{url}", f"URL:{url}"]
        if (role, index) == town.cancelled:
            lines.append("STATUS:CANCELLED")
        lines += ["END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def _fold(line: str) -> str:
    """RFC 5545 line folding: at most 75 octets per line, continuation lines start with a space."""
    data, parts = line.encode("utf-8"), []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while (data[cut] & 0xC0) == 0x80:  # never inside a UTF-8 character
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    parts.append(data.decode("utf-8"))
    return "\r\n ".join(parts)


def ris_plan_text(town: RisTown) -> str:
    """The example plan: the kickoff template for the town, bodies read from its calendar."""
    from roadmap.plan.model import Text
    from roadmap.plan.yamlio import load_plain
    from roadmap.templates.laender import role_of
    from roadmap.templates.library import load_template

    info = load_template("kickoff")
    known = {spec.key: spec for spec in info.options}
    options = {key: value for key, value in town.options.items()
               if key in known and (not known[key].choices or value in dict(known[key].choices))}
    ics = {}
    for body_id in load_plain(info.text).get("bodies") or {}:
        role = role_of(body_id)
        if role in town.bodies:
            summary, english, short, _ = town.bodies[role]
            ics[body_id] = IcsBody(f"{town.key}.ics", summary, Text(summary, english), short)
    text = plan_text("kickoff", town=town.name, state=town.state, start=START, options=options,
                     file_name=f"examples/{town.key}.yaml", ics=ics, status_date=town.status_date)
    return town.facts + text


def main() -> int:
    for path, data in outputs().items():
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_bytes(data)
        temp.replace(path)
        print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
