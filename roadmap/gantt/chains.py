"""The driving path ("Treiberkette") of milestones and decisions, and the critical path in words.

:meth:`Schedule.driving_chain` gives a package and, link by link, the predecessors that
set its earliest date, back to the project start or a fixed date. Here it becomes:

- steps to read, from the origin to the package ("Projektbeginn 07.12.2026 → Kernteam
  bilden (Ende 26.02.2027) → Grundsatzbeschluss (Rat 06.07.2027)"), for the hover label,
  the milestone table and the page's panel;
- a polyline through the chain's links, which the page draws over the chart when a
  diamond (or its name) is clicked.

And :func:`critical_sentence` says in one sentence what the critical path is, which
matters most when it consists of decisions waiting for council sessions: correct CPM,
but two unconnected diamonds months apart look like a mistake to the room.
"""
from __future__ import annotations

import datetime as dt

from roadmap.engine.result import Schedule, ScheduledPackage
from roadmap.gantt.links import link_route, stub_length
from roadmap.gantt.rows import Layout
from roadmap.text import format_date, t


def _step(schedule: Schedule, package: ScheduledPackage) -> str:
    language = schedule.language
    if package.kind == "decision":
        body = schedule.bodies.get(package.body or "")
        return t("gantt.chain.decision", language, name=package.name,
                 body=body.label(language) if body else (package.body or ""),
                 date=format_date(package.start, language))
    if package.is_milestone:
        return t("gantt.chain.milestone", language, name=package.name,
                 date=format_date(package.start, language))
    return t("gantt.chain.task", language, name=package.name, date=format_date(package.finish, language))


def _origin(schedule: Schedule, first: ScheduledPackage) -> str:
    """What sets the first element's date: the project start, a fixed date, the status
    date or what actually happened."""
    language = schedule.language
    if first.driver_reason == "capacity":
        return t("gantt.chain.capacity", language, date=format_date(first.start, language),
                 note=first.moved_note(language) or t("tracking.driver.capacity", language))
    reason = first.driver_reason if first.driver_reason in ("not_before", "status_date", "actual",
                                                            "budget") else "start"
    day = {"start": schedule.start, "not_before": first.not_before or first.start, "budget": first.start,
           "status_date": schedule.status_date,
           "actual": first.actual_start or first.start}[reason]
    return t(f"gantt.chain.{reason}", language, date=format_date(day, language))


def chain_steps(schedule: Schedule, package_id: str) -> list[str]:
    """Plain-text steps from the origin to the package (escape before showing as HTML)."""
    chain = list(reversed(schedule.driving_chain(package_id)))
    return [_origin(schedule, chain[0])] + [_step(schedule, p) for p in chain]


def chain_path(schedule: Schedule, package_id: str, layout: Layout,
               span: dt.timedelta) -> tuple[list, list, list[int]]:
    """The chain's links as one polyline (x, y with None between links) and its rows."""
    chain = list(reversed(schedule.driving_chain(package_id)))
    xs, ys = [], []
    stub = stub_length(span)
    for pred, succ in zip(chain, chain[1:]):
        if pred.id not in layout.package_row or succ.id not in layout.package_row:
            continue
        kind = next((link.type for link in succ.predecessors if link.pred == pred.id), "FS")
        points, _ = link_route(pred, succ, kind, layout, stub)
        xs += [x.isoformat() for x, _ in points] + [None]
        ys += [y for _, y in points] + [None]
    rows = [layout.package_row[p.id] for p in chain if p.id in layout.package_row]
    return xs, ys, rows


def critical_sentence(schedule: Schedule) -> str:
    """One sentence on the critical path ("" when nothing is critical)."""
    language = schedule.language
    path = schedule.critical_path()
    if not path:
        return ""
    if all(p.kind == "decision" for p in path):
        names = []
        for p in path:
            body = schedule.bodies.get(p.body or "")
            names.append(f"{body.label(language) if body else p.body or ''} "
                         f"{format_date(p.start, language)}".strip())
        by_council = all(_is_council(schedule, p.body) for p in path)
        kind = t("gantt.critical_sessions.rat" if by_council else "gantt.critical_sessions.body", language)
        return t("gantt.critical_sessions", language, kind=kind, list=", ".join(names))
    return t("gantt.critical_general", language, n=len(path), first=path[0].name, last=path[-1].name)


def _is_council(schedule: Schedule, body_id: str | None) -> bool:
    """Whether a body is the council itself (Rat, Gemeinderat, Stadtrat, Kreistag ...)."""
    body = schedule.bodies.get(body_id or "")
    if body is None:
        return False
    names = f"{body.short or ''} {body.name.get('de')}".lower()
    return "rat" in names.split() or any(w.endswith("rat") or w == "kreistag" for w in names.split())
