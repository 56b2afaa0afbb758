"""The plan YAML an import writes: every value quoted as a JSON string (valid YAML), so no
text from the file is ever interpreted; a milestone pinned to the end of a day becomes a
decision of a placeholder body with that one session."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from roadmap.exchange.mspdi.convert import Package
from roadmap.exchange.mspdi.read_calendar import Span
from roadmap.exchange.mspdi.warnings import Warnings
from roadmap.text import format_date
from roadmap.text.messages import Message

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass
class PlanHead:
    """What the plan says above its packages."""

    name: str
    company: str
    state: str
    start: dt.date
    status: dt.date | None
    weekend: tuple[int, ...]
    closures: list[Span]


def q(value) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML): no text is interpreted."""
    return json.dumps(str(value), ensure_ascii=False)


def body_id(package_id: str) -> str:
    return f"termin_{package_id}"


def _comment(text: str) -> str:
    """Text for a YAML comment: on one line whatever it contains."""
    return re.sub(r"[\r\n\x85\u2028\u2029]+", " ", text)


def plan_text(path: str, head: PlanHead, phases: list[tuple[str, str]], packages: list[Package],
              warn: Warnings, language: str) -> str:
    """The plan file; each pinned milestone is reported to ``warn``."""
    lines = [f"# {_comment(Message('mspdi.header', path=Path(path).name).render(language))}",
             "roadmap: 1", "project:", f"  name: {q(head.name)}"]
    if head.company:
        lines.append(f"  municipality: {q(head.company)}")
    lines += [f"  state: {head.state}", f"  start: {head.start.isoformat()}", f"  language: {language}"]
    if head.status:
        lines.append(f"  status_date: {head.status.isoformat()}")
    lines += ["calendar:", f"  weekend: [{', '.join(WEEKDAY_NAMES[d] for d in head.weekend)}]"]
    if head.closures:
        lines.append("  closures:")
        for first, last, closure_name in head.closures:
            lines.append(f"    - {{from: {first.isoformat()}, to: {last.isoformat()}, name: {q(closure_name)}}}")
    pinned = [p for p in packages if p.pinned]
    if pinned:
        lines.append("bodies:")
        for p in pinned:
            body_name = p.body_name or Message("mspdi.fixed-body", name=p.name).render(language)
            lines += [f"  {body_id(p.id)}:", f"    name: {q(body_name)}",
                      f"    sessions: [{p.pinned.isoformat()}]", "    lead_time: 0d"]
    if phases:
        lines.append("phases:")
        for phase_id, phase_name in phases:
            lines.append(f"  - {{id: {phase_id}, name: {q(phase_name)}}}")
    lines.append("packages:")
    for p in packages:
        lines += _package_lines(p)
    for p in pinned:
        warn("mspdi.warn.pinned", name=p.name, date=format_date(p.pinned, language), body=body_id(p.id))
    return "\n".join(lines) + "\n"


def _package_lines(p: Package) -> list[str]:
    lines = [f"  - id: {p.id}", f"    name: {q(p.name)}"]
    if p.phase:
        lines.append(f"    phase: {p.phase}")
    if p.pinned:
        lines += ["    kind: decision", f"    body: {body_id(p.id)}"]
    elif p.kind != "task":
        lines.append(f"    kind: {p.kind}")
    if p.duration:
        lines.append(f"    duration: {p.duration}")
    if p.after:
        lines.append(f"    after: [{', '.join(q(a) for a in p.after)}]")
    if p.not_before:
        lines.append(f"    not_before: {p.not_before.isoformat()}")
    if p.deadline:
        lines.append(f"    deadline: {p.deadline.isoformat()}")
    for key in ("owner", "source", "description", "deliverable"):
        if getattr(p, key):
            lines.append(f"    {key}: {q(getattr(p, key))}")
    return lines
