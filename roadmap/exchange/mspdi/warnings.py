"""What an MSPDI file has and a plan cannot: the import's warnings, one catalog message
each, and the check for what no task carries (resources, costs, progress, baselines)."""
from __future__ import annotations

from roadmap.exchange.mspdi.parse import Node, to_float
from roadmap.text.messages import Message


class Warnings:
    """The warnings of one import, in the order they were found; each one once."""

    def __init__(self):
        self.found: list[Message] = []

    def __call__(self, key: str, **args) -> None:
        self.found.append(Message(key, **args))

    def __bool__(self) -> bool:
        return bool(self.found)

    def messages(self) -> list[Message]:
        """The warnings without repetitions (a check may run more than once)."""
        seen, result = set(), []
        for message in self.found:
            key = (message.key, tuple(sorted((k, str(v)) for k, v in message.args.items())))
            if key not in seen:
                seen.add(key)
                result.append(message)
        return result


def warn_dropped(root: Node, warn: Warnings) -> None:
    """Resources and assignments, costs, progress and baselines: a plan has none of them."""
    resources = [r for r in root.within("Resources", "Resource")
                 if r.get("UID") not in ("", "0") and r.get("Name")]
    assignments = [a for a in root.within("Assignments", "Assignment")
                   if a.get("ResourceUID") not in ("", "-65535")]
    if resources or assignments:
        warn("mspdi.warn.resources", resources=len(resources), assignments=len(assignments))
    costly = False
    progress = False
    baseline = False
    for node in root.within("Tasks", "Task"):
        for tag in ("Cost", "FixedCost", "ActualCost"):
            if to_float(node.get(tag)) != 0:
                costly = True
        if to_float(node.get("PercentComplete")) > 0 or node.get("ActualStart"):
            progress = True
        if node.find("Baseline") is not None:
            baseline = True
    for node in root.within("Resources", "Resource"):
        for tag in ("StandardRate", "Cost", "CostPerUse"):
            if to_float(node.get(tag)) != 0:
                costly = True
    if costly:
        warn("mspdi.warn.costs")
    if progress:
        warn("mspdi.warn.progress")
    if baseline:
        warn("mspdi.warn.baseline")
