"""Reading what has happened to a package: actual dates, % complete and the work left.

The keys (docs/plan-format.md, "Progress and the status date"): ``actual_start``,
``actual_finish``, ``progress`` (0-100) and ``remaining`` (a duration) for tasks;
``actual`` (the day it happened; for a decision, the session it was taken in) for
milestones and decisions. This reader checks what a single package can get wrong on its
own; whether an actual date lies after the status date is checked when the plan is
scheduled (:mod:`roadmap.engine.progress`), because ``--status-date`` may set that date.
"""
from __future__ import annotations

import re

from roadmap.plan.fields import FieldReader, brief, plain
from roadmap.text.messages import Message as M

PROGRESS_KEYS = ["actual_start", "actual_finish", "actual", "progress", "remaining"]
TASK_ONLY = ("actual_start", "actual_finish", "progress", "remaining")
_PERCENT = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*%?\s*$")


class ProgressSections(FieldReader):
    """The progress keys of one package, as keyword arguments of :class:`Package`."""

    def read_progress(self, item, what, kind: str) -> dict:
        if all(item.get(key) is None for key in PROGRESS_KEYS):  # most packages: nothing to check
            return {"key_lines": ()}
        found: dict = {}
        lines = []
        for key in PROGRESS_KEYS:
            if item.get(key) is not None:
                lines.append((key, item.line_of(key)))
        for key in ("actual_start", "actual_finish", "actual"):
            if item.get(key) is not None:
                found[key] = self.date(item[key], item.line_of(key), M("what.field", what=what, field=key))
        if item.get("progress") is not None:
            found["progress"] = self._percent(item["progress"], item.line_of("progress"), what)
        if item.get("remaining") is not None:
            found["remaining"] = self.duration(item["remaining"], item.line_of("remaining"),
                                               M("what.field", what=what, field="remaining"))
        found = {key: value for key, value in found.items() if value is not None}
        self._check_kind(item, what, kind)
        if kind == "task":
            self._check_task(found, item, what)
        found["key_lines"] = tuple(lines)
        return found

    def _percent(self, value, line: int, what) -> float | None:
        if isinstance(value, bool):
            match = None
        elif isinstance(value, (int, float)):
            number = float(value)
            match = True
        else:
            match = _PERCENT.match(plain(value))
            number = float(match.group(1).replace(",", ".")) if match else 0.0
        if not match or number != number:  # not a number (or NaN)
            self.c.error(line, "bad-progress", M("bad-progress.number", what=what, value=brief(value)))
            return None
        if not 0 <= number <= 100:
            self.c.error(line, "bad-progress", M("bad-progress.range", what=what, value=plain(value)))
            return None
        return number

    def _check_kind(self, item, what, kind: str) -> None:
        if kind == "task":
            if item.get("actual") is not None:
                self.c.error(item.line_of("actual"), "bad-actual-key", M("bad-actual-key.task", what=what))
            return
        for key in TASK_ONLY:
            if item.get(key) is not None:
                self.c.error(item.line_of(key), "bad-actual-key",
                             M(f"bad-actual-key.{kind}", what=what, key=key))

    def _check_task(self, found: dict, item, what) -> None:
        start, finish = found.get("actual_start"), found.get("actual_finish")
        progress, remaining = found.get("progress"), found.get("remaining")
        line = item.line_of
        if start and finish and finish < start:
            self.c.error(line("actual_finish"), "actual-order",
                         M("actual-order", what=what, start=start, finish=finish))
        if start is None and item.get("actual_start") is None:  # (a bad date is reported already)
            if finish:
                self.c.error(line("actual_finish"), "progress-without-start",
                             M("progress-without-start.finish", what=what))
            if progress:
                self.c.error(line("progress"), "progress-without-start",
                             M("progress-without-start.progress", what=what, value=_number(progress)))
            if remaining is not None:
                self.c.error(line("remaining"), "progress-without-start",
                             M("progress-without-start.remaining", what=what, value=remaining))
        if item.get("actual_finish") is None:
            if progress == 100:
                self.c.error(line("progress"), "progress-without-finish",
                             M("progress-without-finish.progress", what=what))
            if remaining is not None and remaining.days == 0:
                self.c.error(line("remaining"), "progress-without-finish",
                             M("progress-without-finish.remaining", what=what))
        elif finish:
            if progress is not None and progress < 100:
                self.c.error(line("progress"), "progress-conflict",
                             M("progress-conflict.progress", what=what, value=_number(progress)))
            if remaining is not None and remaining.days > 0:
                self.c.error(line("remaining"), "progress-conflict",
                             M("progress-conflict.remaining", what=what, value=remaining))


def _number(value: float) -> str:
    """``40`` rather than ``40.0``."""
    return f"{value:g}"
