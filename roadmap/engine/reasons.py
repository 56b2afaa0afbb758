"""Why a deadline is missed: the step of the driving chain that makes the package late
(contract section 11, item 7), as the second sentence of ``deadline-missed``.

Following the drivers from the late package back to the start, the reason is, in this
order: the first decision not yet taken (its session date: "weil der Ratsbeschluss erst am
28.09.2027 fällt"); else the chain's root when a fixed bound holds it (``funds: budget``,
``not_before``); else the package's own driver (its finish); else the package itself (its
own budget or ``not_before`` bound, or its own duration from the project start).
"""
from __future__ import annotations

import datetime as dt

from roadmap.engine.network import BUDGET, NOT_BEFORE
from roadmap.engine.progress import DONE
from roadmap.text.messages import Message


def deadline_reason(i: int, packages, driver: list, reason: list, state: list, start: list, finish: list,
                    language: str, project_start: dt.date) -> Message:
    chain, seen, j = [], {i}, driver[i]
    while j >= 0 and j not in seen:
        seen.add(j)
        chain.append(j)
        j = driver[j]
    def what(k: int) -> Message:
        name = packages[k].name.get(language)
        return (Message("deadline-missed.named", name=name, id=packages[k].id) if name and name != packages[k].id
                else Message("deadline-missed.id", id=packages[k].id))

    for k in chain:
        if packages[k].kind == "decision" and state[k] != DONE:
            return Message("deadline-missed.decision", what=what(k), date=finish[k])
    root = chain[-1] if chain else i
    if reason[root] == BUDGET and state[root] != DONE:
        return Message("deadline-missed.budget", what=what(root), date=start[root])
    if reason[root] == NOT_BEFORE and state[root] != DONE:
        return Message("deadline-missed.not_before", what=what(root), date=start[root])
    if chain:
        k = chain[0]
        link = next((link for link in packages[i].after if link.pred == packages[k].id), None)
        if link is not None and link.type in ("SS", "SF") and packages[k].kind == "task":
            return Message("deadline-missed.task-start", what=what(k), date=start[k])
        return Message("deadline-missed.task", what=what(k), date=finish[k])
    if packages[i].kind != "task" or start[i] > packages[i].deadline:
        return Message("deadline-missed.start", date=project_start)
    return Message("deadline-missed.own", what=what(i))
