"""MSPDI tasks as a plan's phases and packages.

- summary tasks -> phases (the outermost summary above a task; deeper levels are
  flattened); other tasks -> work packages, a task of duration 0 or flagged as milestone
  -> a milestone;
- predecessor links with type (FS/SS/FF/SF) and lag; links to or from a summary task are
  given to each task below it;
- roadmap's own custom fields (Kennung, Verantwortlich, Quelle, ...) -> id, owner, source;
- ids from roadmap's Kennung, else from the name (``Bürgerforum vorbereiten`` ->
  ``buergerforum_vorbereiten``), unique.

Durations, lags and constraints: :mod:`.timing`.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from roadmap.exchange.mspdi.base import LINK_NAMES, OUR_ALIASES, PERCENT_FORMATS
from roadmap.exchange.mspdi.parse import Node, duration_minutes, to_int
from roadmap.exchange.mspdi.timing import apply_constraints, duration_text
from roadmap.exchange.mspdi.warnings import Warnings
from roadmap.text import t

ID_PATTERN = re.compile(r"^[a-z0-9_-]+$")
#: How the export ends a note with the deliverable ("Ergebnis: ...", "Deliverable: ...").
DELIVERABLE_PREFIXES = tuple(t("mspdi.deliverable", language, text="") for language in ("de", "en"))


def slug(text: str, fallback: str) -> str:
    """An id from a name: ``Bürgerforum vorbereiten`` -> ``buergerforum_vorbereiten``."""
    value = text.lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        value = value.replace(umlaut, spelled)
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "_", value).strip("_")[:32].strip("_")
    return value or fallback


@dataclass
class Task:
    """A task of the file, with the id and phase it gets in the plan."""

    uid: str
    name: str
    level: int
    summary: bool
    node: Node
    id: str = ""
    phase: str | None = None
    children: list = field(default_factory=list)  # leaf uids below a summary


@dataclass
class Package:
    """A work package of the plan to be written."""

    id: str
    name: str
    phase: str | None
    kind: str = "task"
    duration: str | None = None
    after: list = field(default_factory=list)
    not_before: dt.date | None = None
    deadline: dt.date | None = None
    owner: str = ""
    source: str = ""
    description: str = ""
    deliverable: str = ""
    pinned: dt.date | None = None  # a milestone pinned to the closing of this day
    body_name: str = ""


class Converter:
    """The tasks of one file as phases and packages; what does not fit goes to ``warn``."""

    def __init__(self, root: Node, warn: Warnings, language: str):
        self.root, self.warn, self.language = root, warn, language
        self.minutes_per_day = to_int(root.get("MinutesPerDay"), 480) or 480
        self.days_per_month = to_int(root.get("DaysPerMonth"), 20) or 20
        self.ours: dict[int, str] = {}  # field id -> our key, if the file's alias is ours
        for attribute in root.within("ExtendedAttributes", "ExtendedAttribute"):
            field_id = to_int(attribute.get("FieldID"))
            if field_id in OUR_ALIASES and attribute.get("Alias") in OUR_ALIASES[field_id][1]:
                self.ours[field_id] = OUR_ALIASES[field_id][0]

    def tasks(self) -> list[Task]:
        """The file's tasks in order, without the project summary, null, inactive and external tasks."""
        tasks = []
        for node in self.root.within("Tasks", "Task"):
            uid = node.get("UID")
            level = to_int(node.get("OutlineLevel"), 1)
            if not uid or uid == "0" and level == 0 or level == 0:
                continue  # the project summary task
            if node.get("IsNull") == "1":
                continue
            if node.get("Active") == "0":
                self.warn("mspdi.warn.inactive", name=node.get("Name"))
                continue
            if node.get("ExternalTask") == "1":
                self.warn("mspdi.warn.external", name=node.get("Name"))
                continue
            tasks.append(Task(uid, node.raw("Name").strip() or f"#{uid}", level, node.get("Summary") == "1", node))
        # Summary: a task whose next task is deeper, whatever the flag says.
        for i, task in enumerate(tasks):
            if i + 1 < len(tasks) and tasks[i + 1].level > task.level:
                task.summary = True
            elif task.summary:
                task.summary = False  # an empty summary task is a milestone-less marker: keep it as a task
        return tasks

    def packages(self, tasks: list[Task]) -> tuple[list[Package], list[tuple[str, str]]]:
        """The plan's packages and its phases ``(id, name)``."""
        used: set[str] = set()

        def unique(wanted: str) -> str:
            candidate, k = wanted, 2
            while candidate in used:
                candidate = f"{wanted}_{k}"
                k += 1
            used.add(candidate)
            return candidate

        stack: list[Task] = []
        phases: list[tuple[str, str]] = []
        nested = False
        for task in tasks:
            while stack and stack[-1].level >= task.level:
                stack.pop()
            outer = stack[0] if stack else None
            if task.summary:
                if outer is None:
                    task.id = unique(self._own_id(task) or slug(task.name, "phase"))
                    phases.append((task.id, task.name))
                else:
                    nested = True
                if to_int(task.node.get("ConstraintType")) != 0:
                    self.warn("mspdi.warn.summary-constraint", name=task.name)
                stack.append(task)
                continue
            task.phase = outer.id if outer else None
            task.id = unique(self._own_id(task) or slug(task.name, f"vorgang_{task.uid}"))
            for ancestor in stack:
                ancestor.children.append(task.uid)
        if nested:
            self.warn("mspdi.warn.nested")

        packages, index = [], {}
        for task in tasks:
            if not task.summary:
                index[task.uid] = self.package(task)
                packages.append(index[task.uid])
        by_uid = {task.uid: task for task in tasks}
        for task in tasks:
            for link in task.node.findall("PredecessorLink"):
                self.link(task, link, by_uid, index)
        return packages, phases

    def _own_id(self, task: Task) -> str:
        if "id" not in self.ours.values():
            return ""
        for attribute in task.node.findall("ExtendedAttribute"):
            if self.ours.get(to_int(attribute.get("FieldID"))) == "id":
                value = attribute.get("Value")
                return value if ID_PATTERN.match(value) else ""
        return ""

    def package(self, task: Task) -> Package:
        node = task.node
        package = Package(task.id, task.name, task.phase)
        for attribute in node.findall("ExtendedAttribute"):
            key = self.ours.get(to_int(attribute.get("FieldID")))
            if key in ("owner", "source"):
                setattr(package, key, attribute.raw("Value").strip())
            elif key == "body":
                package.body_name = attribute.raw("Value").strip()
        notes = node.raw("Notes").strip()
        if notes and self.ours:
            lines = notes.split("\n")
            for prefix in DELIVERABLE_PREFIXES:
                if lines[-1].startswith(prefix):
                    package.deliverable = lines[-1][len(prefix):]
                    lines = lines[:-1]
                    break
            notes = "\n".join(lines)
        package.description = notes
        minutes = duration_minutes(node.get("Duration", "PT0H0M0S")) or 0
        milestone = node.get("Milestone") == "1" or minutes == 0
        if milestone:
            package.kind = "milestone"
            if minutes:
                self.warn("mspdi.warn.milestone-duration", name=task.name)
        else:
            package.duration = self._duration(minutes, to_int(node.get("DurationFormat"), 7), task.name, True)
        apply_constraints(node, task.name, package, milestone, self.warn, self.language)
        if node.get("Manual") == "1":
            self.warn("mspdi.warn.manual", name=task.name)
        if node.get("Recurring") == "1":
            self.warn("mspdi.warn.recurring", name=task.name)
        if node.get("CalendarUID", "-1") not in ("-1", "", self.root.get("CalendarUID")):
            self.warn("mspdi.warn.task-calendar", name=task.name)
        return package

    def _duration(self, minutes: float, duration_format: int, name: str, for_task: bool) -> str:
        return duration_text(minutes, duration_format, name, for_task=for_task, warn=self.warn,
                             minutes_per_day=self.minutes_per_day, days_per_month=self.days_per_month)

    def link(self, task: Task, link: Node, by_uid: dict, index: dict) -> None:
        """A predecessor link as ``after`` entries (``id``, ``id SS+2d``) of the packages it joins."""
        if link.get("CrossProject") == "1":
            self.warn("mspdi.warn.cross-project", name=task.name)
            return
        pred = by_uid.get(link.get("PredecessorUID"))
        if pred is None:
            self.warn("mspdi.warn.unknown-link", name=task.name, uid=link.get("PredecessorUID"))
            return
        link_type = LINK_NAMES.get(to_int(link.get("Type"), 1), "FS")
        lag_format = to_int(link.get("LagFormat"), 7)
        if lag_format in PERCENT_FORMATS:
            self.warn("mspdi.warn.percent-lag", name=task.name)
            lag = "0d"
        else:
            lag = self._duration(to_int(link.get("LinkLag")) / 10, lag_format, task.name, False)
        sources = pred.children if pred.summary else [pred.uid]
        targets = task.children if task.summary else [task.uid]
        if (pred.summary and link_type in ("SS", "SF")) or (task.summary and link_type in ("FF", "SF")):
            self.warn("mspdi.warn.summary-link", pred=pred.name, name=task.name)
        for target in targets:
            for source in sources:
                if source == target or source not in index or target not in index:
                    continue
                text = index[source].id
                if link_type != "FS" or not lag.startswith("0"):
                    sign = "" if lag.startswith("-") else "+"
                    text = f"{text} {link_type}{sign}{lag}"
                if text not in index[target].after:
                    index[target].after.append(text)
