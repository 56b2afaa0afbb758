"""The schedule as rows and as the JSON document: what ``Schedule.to_frame`` and
``Schedule.to_json`` return (split from :mod:`roadmap.engine.result`, which re-exports
:func:`format_link`). Works on any object shaped like a ``Schedule``; imports no writer.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def frame(schedule) -> pd.DataFrame:
    """One row per package, in plan order, dates as ``datetime64``."""
    import pandas as pd  # here, not at the top: importing pandas costs `roadmap check` ~1 s

    rows = [
        {
            "id": p.id,
            "name": p.name,
            "phase": p.phase,
            "kind": p.kind,
            "start": p.start,
            "finish": p.finish,
            "duration_days": p.duration_days,
            "late_start": p.late_start,
            "late_finish": p.late_finish,
            "total_float": p.total_float,
            "free_float": p.free_float,
            "critical": p.critical,
            "owner": p.owner,
            "predecessors": " ".join(format_link(link) for link in p.predecessors),
            "sessions": "; ".join(f"{c.body} {c.date.isoformat()}" for c in p.sessions),
            "source": p.source,
        }
        for p in schedule.packages
    ]
    frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else None)
    for column in ("start", "finish", "late_start", "late_finish"):
        if column in frame:
            frame[column] = pd.to_datetime(frame[column])
    return frame.set_index("id") if rows else frame


def to_json(schedule) -> dict:
    """The JSON document of the contract (``roadmap schedule --format json``), with the
    progress fields of docs/plan-format.md ("Progress and the status date")."""
    project = {"name": schedule.project.name, "start": schedule.start.isoformat(),
               "finish": schedule.finish.isoformat()}
    if schedule.records_progress:
        project["status_date"] = schedule.status_date.isoformat()
    return {
        "project": project,
        "packages": [
            {
                "id": p.id,
                "name": p.name,
                "phase": p.phase,
                "kind": p.kind,
                "start": p.start.isoformat(),
                "finish": p.finish.isoformat(),
                "duration_days": p.duration_days,
                "total_float": p.total_float,
                "free_float": p.free_float,
                "critical": p.critical,
                "sessions": [
                    {"body": c.body, "date": c.date.isoformat()} for c in p.sessions
                ],
                **({"occurrences": [{"start": a.isoformat(), "finish": b.isoformat()}
                                    for a, b in p.occurrences]} if p.occurrences else {}),
                **(_progress_json(p) if schedule.records_progress else {}),
                **({"levelling": {"moved_days": p.moved_days, "roles": list(p.moved_for),
                                  "note": p.moved_note(schedule.language)}} if p.moved_days else {}),
            }
            for p in schedule.packages
        ],
        "diagnostics": [d.to_json(schedule.language) for d in schedule.diagnostics],
    }


def _progress_json(p) -> dict:
    """The progress fields of a package in ``schedule --format json`` (plans that record
    progress only, so the contract's documents of other plans stay as they were)."""
    return {"actual_start": p.actual_start.isoformat() if p.actual_start else None,
            "actual_finish": p.actual_finish.isoformat() if p.actual_finish else None,
            "progress": p.progress, "status": p.status}



def format_link(link, german: bool = False) -> str:
    """``ag``, ``vorlage FS+2w`` (or ``vorlage EA+2w`` in German)."""
    from roadmap.plan.model import ENGLISH_TO_GERMAN_LINK

    link_type = ENGLISH_TO_GERMAN_LINK[link.type] if german else link.type
    if link.lag.days == 0 and link.type == "FS":
        return link.pred
    if link.lag.days == 0:
        return f"{link.pred} {link_type}"
    text = str(link.lag)
    sign = "" if text.startswith("-") else "+"
    return f"{link.pred} {link_type}{sign}{text}"
