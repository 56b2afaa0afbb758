"""What ``roadmap oparl`` shows, as text: the committees of a system to pick from
(:func:`organization_listing`), the summary after an import with the plan lines to paste
(:func:`import_summary`), the default file name (:func:`ics_name`), and the guard that
keeps ``-o`` from replacing a file that is not a calendar (:func:`refuse_non_calendar`).

Nothing here prints; the CLI prints what these return.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from roadmap.exchange.ics_export import slug
from roadmap.exchange.oparl.ics import ImportResult
from roadmap.exchange.oparl.model import Organization, SystemInfo
from roadmap.output import OutputError
from roadmap.text.messages import Message


def refuse_non_calendar(target) -> None:
    """``-o fahrplan.yaml`` by mistake must not replace the plan: only a missing file or
    an iCalendar file is overwritten; else :class:`~roadmap.output.OutputError`."""
    path = Path(target)
    if path.is_file():
        with path.open("rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").upper()
        if not head.startswith(b"BEGIN:VCALENDAR"):
            raise OutputError(Message("oparl.not-a-calendar", target=target))


def ics_name(organization: Organization) -> str:
    """The default ``-o``: ``Rat der Stadt`` -> ``rat-der-stadt.ics`` (the short name if any)."""
    return slug(organization.short_name or organization.name) + ".ics"


def organization_listing(info: SystemInfo, url: str, show_all: bool, lang: str) -> str:
    """The bodies of an OParl system with their committees, as a table to pick from."""
    lines = [Message("oparl.system", version=info.version or "?", name=info.name).render(lang)]
    example = None
    for body in info.bodies:
        lines.append(Message("oparl.body", name=body.name).render(lang))
        shown = [o for o in body.organizations if show_all or o.is_gremium]
        others = [o for o in body.organizations if o not in shown]
        key = "oparl.all-organizations" if show_all else "oparl.gremien"
        lines.append(Message(key, count=len(shown)).render(lang))
        rows = []
        for o in shown:
            until = Message("oparl.until", date=iso_day(o.end_date)).render(lang) if o.end_date else ""
            kind = o.classification or (o.organization_type if show_all else "")
            rows.append([o.name, o.short_name, kind, until, o.id])
            if example is None and not o.ended:
                example = o
        if rows:
            widths = [min(max(len(r[i]) for r in rows), 50) for i in range(4)]
            for row in rows:
                cells = [row[i].ljust(widths[i]) for i in range(4)] + [row[4]]
                lines.append("    " + "  ".join(cells).rstrip())
        if others:
            types = ", ".join(sorted({o.organization_type or "?" for o in others}))
            lines.append(Message("oparl.others", count=len(others), types=types).render(lang))
    if example is not None:
        lines.append(Message("oparl.next").render(lang))
        lines.append(f'  roadmap oparl {url} --organization "{example.name}" -o {ics_name(example)}')
    return "\n".join(lines)


def iso_day(text: str):
    """An OParl date (``2020-10-31``) as a date, so it prints as 31.10.2020; else the text."""
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return text


def import_summary(imported: ImportResult, target: str, lang: str) -> str:
    """What was written, what was dropped, and the ``bodies:`` lines for the plan."""
    names = ", ".join(o.name for o in imported.organizations)
    span = Message("oparl.span", first=imported.first, last=imported.last) if imported.first else ""
    lines = [Message("oparl.written", path=target, count=imported.events, names=names, span=span).render(lang)]
    if imported.since is not None:
        lines.append(Message("oparl.refreshed", since=imported.since.date(), changed=imported.changed,
                             removed=imported.removed).render(lang))
    if imported.cancelled or imported.undated:
        lines.append(Message("oparl.dropped", cancelled=imported.cancelled, undated=imported.undated).render(lang))
    if not imported.events:
        lines.append(Message("oparl.none").render(lang))
    lines.append(Message("oparl.hint").render(lang))
    for organization in imported.organizations:
        body_id = slug(organization.short_name or organization.name).replace("-", "_")[:20].strip("_") or "gremium"
        lines.append(f"  {body_id}:")
        lines.append(f"    name: {json.dumps(organization.name, ensure_ascii=False)}")
        lines.append(f"    sessions_ics: {json.dumps(str(target), ensure_ascii=False)}")
        if len(imported.organizations) > 1:
            pattern = "^" + re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", organization.name) + "$"
            lines.append("    match: '" + pattern.replace("'", "''") + "'")
    return "\n".join(lines)
