"""MS Project XML (MSPDI) import: a file from MS Project, ProjectLibre or roadmap's own
export as a plan YAML, with German (or English) warnings about what could not be carried
over.

The steps: :mod:`.parse` reads the XML safely (no DTD, no entities); :mod:`.read_calendar`
turns the project calendar into a weekend, the Land's public holidays (the Land is
recognised from them, or given) and closures for the rest; :mod:`.convert` turns summary
tasks into phases and tasks into packages with links (durations and constraints:
:mod:`.timing`); :mod:`.plan_yaml` writes the plan; :mod:`.warnings` collects what was
left out. See docs/interop.md for the full table.

Not carried (each reported as a warning when the file has it): resources and
assignments, costs, progress and actual dates, baselines, task calendars, "as late as
possible", manually scheduled tasks, recurring tasks, links to other projects, working
exceptions (a working Saturday), partial working days.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from roadmap.exchange.mspdi.base import NAMESPACE
from roadmap.exchange.mspdi.convert import Converter
from roadmap.exchange.mspdi.parse import MspdiError, Node, parse_stamp, parse_xml
from roadmap.exchange.mspdi.plan_yaml import PlanHead, plan_text
from roadmap.exchange.mspdi.read_calendar import STATES, choose_state, closures, read_calendar
from roadmap.exchange.mspdi.warnings import Warnings, warn_dropped
from roadmap.text.messages import Message as M


@dataclass
class ImportResult:
    """The plan YAML written from an MSPDI file, and what could not be carried over."""

    text: str
    warnings: list = field(default_factory=list)  # catalog messages
    name: str = ""
    packages: int = 0
    state: str = "NW"


def import_mspdi(data: bytes, path: str = "plan.xml", *, state: str | None = None,
                 language: str = "de") -> ImportResult:
    """An MSPDI document (bytes) as plan YAML text plus warnings.

    Parameters
    ----------
    data : bytes
        The file's content.
    path : str
        The file's name, for messages.
    state : str, optional
        The Land (``NW``, ``BY``, ...) whose public holidays the plan uses; by default the
        Land whose holidays match the file's calendar exceptions best.
    language : str
        ``de`` or ``en``: the plan's ``project.language`` and the words the import adds.

    Raises
    ------
    MspdiError
        Not XML, a DTD or entity declarations, not MSPDI, or no tasks.
    """
    if state is not None and state.upper() not in STATES:
        raise MspdiError(M("mspdi.bad-state", state=state, states=", ".join(STATES)))
    root = parse_xml(data, path)
    if root.tag != "Project" or root.namespace not in ("", NAMESPACE):
        shown = f"{{{root.namespace}}}{root.tag}" if root.namespace else root.tag
        raise MspdiError(M("mspdi.not-mspdi", path=path, root=shown))
    warn = Warnings()
    result = _convert(root, path, state.upper() if state else None, language, warn)
    if warn:
        result.warnings = warn.messages()
    return result


def read_mspdi_file(path, *, state: str | None = None, language: str = "de") -> ImportResult:
    """:func:`import_mspdi` for a file; an unreadable file is an :class:`MspdiError`."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise MspdiError(M("mspdi.unreadable", path=path, reason=error.strerror or error)) from None
    return import_mspdi(data, str(path), state=state, language=language)


def _convert(root: Node, path: str, requested_state: str | None, language: str, warn: Warnings) -> ImportResult:
    converter = Converter(root, warn, language)
    weekend, spans, calendar_name = read_calendar(root, converter.minutes_per_day, warn)
    tasks = converter.tasks()
    if not any(not task.summary for task in tasks):
        raise MspdiError(M("mspdi.no-tasks", path=path))
    start_stamp = parse_stamp(root.get("StartDate"))
    starts = [s for s in (parse_stamp(task.node.get("Start")) for task in tasks) if s]
    project_start = (start_stamp or min(starts, default=dt.datetime(2027, 1, 4))).date()
    finishes = [parse_stamp(task.node.get("Finish")) for task in tasks]
    last = max([f.date() for f in finishes if f] + [project_start])
    years = range(project_start.year, last.year + 4)
    state = choose_state(spans, calendar_name, years, requested_state, warn)
    kept = closures(spans, state, weekend, years, project_start, warn, language)
    packages, phases = converter.packages(tasks)
    warn_dropped(root, warn)
    status = parse_stamp(root.get("StatusDate"))
    name = root.get("Title") or re.sub(r"\.(xml|mpp)$", "", root.get("Name"), flags=re.I) or Path(path).stem
    head = PlanHead(name, root.get("Company"), state, project_start, status.date() if status else None,
                    weekend, kept)
    for _attempt in range(3):
        text = plan_text(path, head, phases, packages, warn, language)
        unpinned = _unschedulable(text)
        if not unpinned:
            break
        for package in packages:
            if package.id in unpinned:
                package.pinned = None
    return ImportResult(text, warn.found, name, len(packages), state)


def _unschedulable(text: str) -> set[str]:
    """Pinned milestones whose links already reach past their day's opening: they keep
    their date as plain milestones (the links put them at the closing)."""
    from roadmap.engine.scheduler import schedule
    from roadmap.plan.diagnostics import PlanError
    from roadmap.plan.loader import parse_plan

    plan = parse_plan(text, "import.yaml")  # our own text: an error here is a bug
    try:
        schedule(plan)
    except PlanError as error:
        found = set()
        for diagnostic in error.diagnostics:
            if diagnostic.code == "no-session" and hasattr(diagnostic.message, "args"):
                found.add(diagnostic.message.args.get("id"))
        if not found:
            raise
        return found
    return set()
