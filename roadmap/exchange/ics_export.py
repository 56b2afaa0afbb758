"""The plan's dates as an iCalendar file (RFC 5545) for Outlook, Thunderbird and Google.

``roadmap export PLAN --format ics -o termine.ics`` writes one all-day event per date a
project manager must not miss:

- every milestone;
- every decision on its session day, with the whole Beratungsfolge in the description;
- every earlier consultation of a decision (Vorberatung in a committee) on its session day;
- the Vorlage due date of every decision (the first consultation's deadline);
- with ``--all``, also the start and the finish of every task.

Each event's UID is built from the municipality, the project name, the package id and what
the event is (``beschluss.decision@teststadt-digitalstrategie.roadmap``), never from a
random number or a date: importing the file again after the plan changed moves the
existing entries instead of adding copies. Only DTSTAMP (when the file was made, which
RFC 5545 requires) differs between two runs on the same plan; the "Stand" in the notes
is the plan's ``status_date`` (or ``--status-date``) and is left out without one.

Plan text goes into TEXT values only, escaped by the icalendar library; control
characters are removed first, so no plan text can start a new property or component.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import icalendar

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.exchange import ExportOptions, Rendered
from roadmap.text import Message, format_date, t, word

#: Characters RFC 5545 forbids in TEXT (controls except tab and line feed).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    """One calendar entry before it becomes a VEVENT."""

    uid: str
    day: dt.date
    summary: str
    description: str
    category: str
    order: int  # plan position, then the step inside a package: a stable file order


def clean(text: str) -> str:
    """Plan text safe for an iCalendar TEXT value: CRLF/CR become LF, other controls go."""
    return _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def slug(text: str) -> str:
    """``Plettenberg Smart-City-Fahrplan`` -> ``plettenberg-smart-city-fahrplan``."""
    text = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-") or "plan"


def uid_domain(schedule: Schedule) -> str:
    """The part after ``@`` of every UID: the town and the project, as a readable slug."""
    project = schedule.project
    return f"{slug(' '.join(filter(None, (project.municipality, project.name))))}.roadmap"


def entries(schedule: Schedule, all_packages: bool = False, language: str | None = None) -> list[Entry]:
    """The calendar entries of ``schedule`` in date order (plan order on the same day)."""
    lang = language or schedule.language
    domain = uid_domain(schedule)
    found: list[Entry] = []

    def add(package: ScheduledPackage, what: str, step: int, day: dt.date, summary_key: str,
            category: str, **args):  # category: a catalog key
        order = schedule.packages.index(package) * 100 + step
        found.append(Entry(f"{package.id}.{what}@{domain}", day,
                           t(summary_key, lang, name=clean(package.name), **args),
                           _description(schedule, package, lang), t(category, lang), order))

    for package in schedule.packages:
        if package.occurrences:  # repeat: one event per occurrence
            for k, (day, _) in enumerate(package.occurrences, 1):
                add(package, f"occurrence-{k}", k, day, "export.ics.occurrence",
                    "word.milestone" if package.is_milestone else "word.task", k=k, n=len(package.occurrences))
        elif package.kind == "decision" and package.sessions:
            first = package.sessions[0]
            if first.stage is not None:  # a group consulted in parallel: the earliest due date
                first = min((c for c in package.sessions if c.stage == first.stage), key=lambda c: c.vorlage_due)
            add(package, "vorlage", 0, first.vorlage_due, "export.ics.vorlage", "export.ics.cat-vorlage",
                body=clean(_body_label(schedule, first.body, lang)), date=first.date)
            seen: set[str] = set()
            for step, consultation in enumerate(package.sessions, 1):
                label = clean(_body_label(schedule, consultation.body, lang))
                if step == len(package.sessions):
                    add(package, "decision", step, consultation.date, "export.ics.decision", "word.decision",
                        body=label)
                else:
                    key = consultation.body if consultation.body not in seen else f"{consultation.body}-{step}"
                    seen.add(consultation.body)
                    add(package, f"session-{key}", step, consultation.date, "export.ics.consultation",
                        "word.session_date", body=label)
        elif package.kind == "decision" or package.is_milestone:
            add(package, "milestone", 0, package.start, "export.ics.milestone", "word.milestone")
        elif all_packages:
            add(package, "start", 0, package.start, "export.ics.start", "word.task")
            add(package, "finish", 1, package.finish, "export.ics.finish", "word.task")
    return sorted(found, key=lambda entry: (entry.day, entry.order))


def _body_label(schedule: Schedule, body_id: str, lang: str) -> str:
    body = schedule.bodies.get(body_id)
    return body.label(lang) if body else body_id


def _description(schedule: Schedule, package: ScheduledPackage, lang: str) -> str:
    """What the event's note says: the facts a colleague needs without opening the plan."""
    lines = [clean(package.name)]
    if package.kind == "decision":
        lines.append(f"{word('body', lang)}: {clean(schedule.body_name(package.body))}")
        if package.sessions:
            lines.append(f"{word('sessions', lang)}: {clean(schedule.beratungsfolge(package, lang))}")
            dues = ", ".join(f"{format_date(c.vorlage_due, lang)} ({clean(_body_label(schedule, c.body, lang))})"
                             for c in package.sessions)
            lines.append(f"{word('vorlage_due', lang)}: {dues}")
    else:
        span = format_date(package.start, lang)
        if package.finish != package.start:
            span += f" – {format_date(package.finish, lang)}"
        lines.append(f"{word('task' if not package.is_milestone else 'milestone', lang)}: {span}")
    if package.phase:
        lines.append(f"{word('phase', lang)}: {clean(schedule.phase_name(package.phase))}")
    if package.owner:
        lines.append(f"{word('owner', lang)}: {clean(schedule.role_name(package.owner))}")
    for key, text in (("export.ics.deliverable", package.deliverable),
                      ("export.ics.about", package.description)):
        if text:
            lines.append(t(key, lang, text=clean(text)))
    lines.append(t("export.ics.float", lang, float=package.total_float,
                   critical=word("yes" if package.critical else "no", lang)))
    project = schedule.project
    lines.append(t("export.ics.plan", lang, project=clean(project.name), town=clean(project.municipality or "-")))
    if project.status_date:  # only a fixed Stand: "today" would change the file every day
        lines[-1] += t("export.ics.status", lang, status=project.status_date)
    return "\n".join(lines)


def calendar(schedule: Schedule, all_packages: bool = False, language: str | None = None,
             stamp: dt.datetime | None = None) -> icalendar.Calendar:
    """The VCALENDAR of :func:`entries`; ``stamp`` (default: now, UTC) is every DTSTAMP."""
    lang = language or schedule.language
    stamp = stamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//roadmap//Smart-City-Fahrplan//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    project = schedule.project
    # an X- property is not escaped like SUMMARY: a line break would end the content line
    cal.add("x-wr-calname", re.sub(r"\s*\n\s*", " ", clean(t("export.ics.calname", lang, project=project.name,
                                                              town=project.municipality or "-"))))
    for entry in entries(schedule, all_packages, lang):
        event = icalendar.Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)  # a date: an all-day entry
        event.add("dtend", entry.day + dt.timedelta(days=1))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("categories", [entry.category])
        event.add("transp", "TRANSPARENT")  # a deadline, not a busy day
        cal.add_component(event)
    return cal


def render_ics(schedule: Schedule, options: ExportOptions) -> Rendered:
    """``roadmap export --format ics``."""
    cal = calendar(schedule, options.all_packages, options.language)
    count = len(cal.walk("VEVENT"))
    return Rendered(cal.to_ical(), Message("export.events", count=count))
