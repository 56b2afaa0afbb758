"""Regenerate the example council calendars (*.ics) and the example plans (*.yaml).

    python examples/make_calendars.py

The real 2027-2028 session calendars of Plettenberg and Soest are not published yet (and
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
    bodies: dict  # body id -> (SUMMARY, match, start hour)
    cancelled: tuple  # (body id, index of the session) with STATUS:CANCELLED
    entfaellt: tuple  # (body id, index) whose SUMMARY says "entfällt"
    options: dict
    status_date: dt.date


TOWNS = [
    Town("plettenberg", "Plettenberg", 3, {
        "digital": ("Sitzung des Ausschusses für Stadtentwicklung und Digitalisierung",
                    "Stadtentwicklung und Digitalisierung", 17),
        "hfa": ("Sitzung des Haupt- und Finanzausschusses", "Haupt- und Finanzausschuss", 17),
        "rat": ("Sitzung des Rates der Stadt Plettenberg", "Rates der Stadt", 18),
    }, cancelled=("digital", 1), entfaellt=("hfa", 0),
        # Plettenberg: start in a working group, no budget -> funding programme, a 20 % share
        # of existing staff plus Digitallotsen, some money for consulting, a citizens' forum.
        options={"start": "working_group", "funding": "funding_programme",
                 "staffing": "internal_share", "consulting": "below_threshold",
                 "participation": "forum", "anchoring": "existing_structures"},
        status_date=dt.date(2027, 9, 1)),
    Town("soest", "Soest", 2, {
        "digital": ("Sitzung des Ausschusses für Digitalisierung und Innovation",
                    "Digitalisierung und Innovation", 17),
        "hfa": ("Sitzung des Haupt- und Finanzausschusses", "Haupt- und Finanzausschuss", 17),
        "rat": ("Sitzung des Rates der Stadt Soest", "Rates der Stadt Soest", 17),
    }, cancelled=("rat", 1), entfaellt=("digital", 0),
        # Soest: the funding call as occasion, a CDO with the existing Team Soest Digital
        # (share of existing staff, anchored in existing structures), own budget for
        # organisational consulting, a Bürgerwerkstatt.
        options={"start": "funding_call", "funding": "own_budget",
                 "staffing": "internal_share", "consulting": "below_threshold",
                 "participation": "workshop", "anchoring": "existing_structures"},
        status_date=dt.date(2027, 9, 1)),
]


def calendar_bytes(town: Town) -> bytes:
    """The town's sample Sitzungskalender 2027-2028 as one iCalendar file."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//roadmap examples//Sitzungskalender//DE")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Sitzungskalender Stadt {town.name} 2027-2028 (Beispiel)")
    cal.add("x-wr-caldesc", "BEISPIELDATEN, nicht der echte Sitzungskalender: die Termine "
            "2027-2028 sind noch nicht veröffentlicht. Erzeugt von examples/make_calendars.py "
            "(Sitzungsfolge etwa alle zwei Monate, nicht in den NRW-Schulferien).")
    cal.add("x-wr-timezone", "Europe/Berlin")
    sessions = default_sessions("NW", dt.date(2027, 1, 1), years=2, weekday=town.weekday)
    events = []
    for body_id, (summary, _, hour) in town.bodies.items():
        for index, day in enumerate(d for d in sessions[body_id] if d.year <= 2028):
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
    ics = {body_id: IcsBody(f"{town.key}.ics", match) for body_id, (_, match, _) in town.bodies.items()}
    return plan_text("kickoff", town=town.name, state="NW", start=START, options=town.options,
                     file_name=f"examples/{town.key}.yaml", ics=ics, status_date=town.status_date)


def outputs() -> dict[Path, bytes]:
    """Every file this script writes, by path."""
    files = {}
    for town in TOWNS:
        files[HERE / f"{town.key}.ics"] = calendar_bytes(town)
        files[HERE / f"{town.key}.yaml"] = example_plan_text(town).encode("utf-8")
    return files


def main() -> int:
    for path, data in outputs().items():
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_bytes(data)
        temp.replace(path)
        print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
