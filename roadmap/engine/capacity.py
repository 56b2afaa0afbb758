"""Roles' load and levelling on a scheduled plan (contract: "Roles, needs and levelling").

* :func:`over_allocations` measures each role's load per working day (the ``needs`` of the
  tasks running that day) against its capacity and reports every stretch over it as an
  ``over-allocated`` warning: who, when, by how much, which packages.
* :func:`level_plan` delays tasks so that no role is over its capacity: the search runs on
  arrays (:mod:`roadmap.engine.levelling`), its starts go back into the network as lower
  bounds, and the normal passes schedule again, so links, sessions, lead times, deadlines
  and avoid windows keep their meaning. Where the calendar makes the array model inexact
  (elapsed durations and lags, avoid windows), a repair loop moves the latest of the
  clashing tasks until nothing is over.

Without any ``needs`` nothing here runs, and the dates are exactly those of the passes.
"""
from __future__ import annotations

import dataclasses

import numpy as np

from roadmap.engine import levelling
from roadmap.engine.calendar import WorkCalendar
from roadmap.engine.network import Network
from roadmap.engine.passes import Solution, solve
from roadmap.plan.diagnostics import Diagnostic
from roadmap.plan.model import Plan
from roadmap.text.messages import Message

EPS = 1e-9
REPAIR_ROUNDS = 200


@dataclasses.dataclass
class Load:
    """Working days ``origin .. origin + H - 1`` (working-day indices of the calendar)."""

    roles: list[str]
    origin: int
    use: np.ndarray  # (R, H)
    capacity: np.ndarray  # (R, H)
    first: np.ndarray  # per package: first working day (index), tasks only
    end: np.ndarray  # per package: one past the last working day (= first for instants)
    needs: np.ndarray  # (n, R)


def uses_capacity(plan: Plan, packages) -> bool:
    return bool(plan.roles) and any(p.needs for p in packages)


def measure(plan: Plan, packages, net: Network, sol: Solution, cal: WorkCalendar) -> Load:
    roles = list(plan.roles)
    n = len(packages)
    needs = np.zeros((n, len(roles)))
    for i, p in enumerate(packages):
        if p.kind == "task":
            for role, amount in p.needs:
                needs[i, roles.index(role)] = amount
    start_day = np.asarray(sol.early_start) // 2
    finish_day = np.asarray(sol.early_finish) // 2
    first = cal.nw[np.clip(start_day, 0, cal.days - 1)]
    end = cal.nw[np.clip(finish_day + 1, 0, cal.days)]
    # an instant's boundary: a closing belongs to the next working day
    instant_at = cal.nw[np.clip((np.asarray(sol.early_start) + 1) // 2, 0, cal.days)]
    first = np.where(net.is_instant, instant_at, first)
    end = np.where(net.is_instant, first, np.maximum(end, first))
    origin = int(first.min()) if n else 0
    horizon = max(int(end.max()) - origin if n else 0, 1)
    diff = np.zeros((len(roles), horizon + 1))
    for r in range(len(roles)):
        np.add.at(diff[r], first - origin, needs[:, r])
        np.add.at(diff[r], end - origin, -needs[:, r])
    use = np.cumsum(diff, axis=1)[:, :horizon]
    return Load(roles, origin, use, capacity_grid(plan, roles, cal, origin, horizon), first, end, needs)


def capacity_grid(plan: Plan, roles, cal: WorkCalendar, origin: int, horizon: int) -> np.ndarray:
    """(R, horizon) capacity on working days origin .. origin + horizon - 1."""
    idx = np.clip(np.arange(origin, origin + horizon), 0, len(cal.wd) - 1)
    days = cal.wd[idx]  # calendar day indices
    out = np.zeros((len(roles), horizon))
    for r, role_id in enumerate(roles):
        role = plan.roles[role_id]
        if not role.steps:
            out[r] = role.capacity
            continue
        for when, value in role.steps:
            out[r, days >= cal.index(when)] = value
    return out


def _number(x: float, language: str) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "de" else text


def over_allocations(plan: Plan, packages, load: Load, cal: WorkCalendar, levelled: bool) -> list:
    """One ``over-allocated`` warning per role and stretch of consecutive working days."""
    out = []
    language = plan.language
    over = load.use > load.capacity + EPS
    for r, role_id in enumerate(load.roles):
        days = np.flatnonzero(over[r])
        if not days.size:
            continue
        breaks = np.flatnonzero(np.diff(days) > 1)
        for lo, hi in zip(np.r_[0, breaks + 1], np.r_[breaks, days.size - 1]):
            a, b = int(days[lo]), int(days[hi])
            seg = slice(a, b + 1)
            peak = int(np.argmax(load.use[r, seg] - load.capacity[r, seg])) + a
            active = [packages[i].id for i in np.flatnonzero(
                (load.needs[:, r] > 0) & (load.first - load.origin <= b) & (load.end - load.origin > a))]
            role = plan.roles[role_id]
            out.append(Diagnostic("warning", "over-allocated", Message(
                "over-allocated", role=role_id, name=role.name.get(language),
                first=cal.date(int(cal.wd[a + load.origin])), last=cal.date(int(cal.wd[b + load.origin])),
                load=_number(load.use[r, peak], language), capacity=_number(load.capacity[r, peak], language),
                days=b - a + 1, packages=", ".join(active),
                hint=Message("level.hint-left" if levelled else "level.hint")), plan.path, role.line))
    return out


def _problem(plan: Plan, packages, net: Network, load: Load, cal: WorkCalendar) -> levelling.Problem:
    """The array model: task spans in working days, links as start-to-start lags."""
    first, end, origin = load.first, load.end, load.origin
    dur = end - first
    links = net.links
    edges = []
    for k in range(len(links.src)):
        s, d = int(links.src[k]), int(links.dst[k])
        link = next(l for l in packages[d].after if l.pred == packages[s].id)
        days = link.lag.days if not link.lag.elapsed else round(link.lag.days * 5 / 7)
        value = (int(dur[s]) if link.type in ("FS", "FF") else 0) + days \
            - (int(dur[d]) if link.type in ("FF", "SF") else 0)
        edges.append((s, d, value))
    fixed = np.array([p.priority >= 1000 for p in packages])
    # the capacity up to its last change (a post that starts after today's finish)
    steps = [cal.index(day) for role in plan.roles.values() for day, _ in role.steps]
    last = int(cal.nw[np.clip(max(steps, default=0) + 1, 0, cal.days)]) - origin
    grid = capacity_grid(plan, load.roles, cal, origin, max(load.capacity.shape[1], last + 1))
    return levelling.Problem(
        durations=dur, edges=edges, requests=load.needs,
        capacity=grid, release=first - origin,
        priority=[p.priority for p in packages], fixed=fixed)


def level_plan(plan: Plan, packages, net: Network, sol: Solution, cal: WorkCalendar):
    """Levelled network and solution, and per package the working days it was moved."""
    before = measure(plan, packages, net, sol, cal)
    if not (before.use > before.capacity + EPS).any():
        return net, sol, before, {}
    problem = _problem(plan, packages, net, before, cal)
    result = levelling.level(problem)
    original = net.base
    base = original.copy()
    task = ~net.is_instant
    target = before.origin + result.start
    moved = task & (target > before.first)
    # a task's variable is its start boundary: the levelled start is its new lower bound
    base[moved] = np.maximum(base[moved], target[moved])
    net = dataclasses.replace(net, base=base)
    sol = solve(net, cal, plan)
    fixed = np.array([p.priority >= 1000 for p in packages])
    for _ in range(REPAIR_ROUNDS):
        now = measure(plan, packages, net, sol, cal)
        over = now.use > now.capacity + EPS
        if not over.any():
            break
        day = int(np.flatnonzero(over.any(axis=0))[0])
        r = int(np.flatnonzero(over[:, day])[0])
        active = np.flatnonzero((now.needs[:, r] > 0) & (now.first - now.origin <= day)
                                & (now.end - now.origin > day) & ~fixed & task)
        if active.size < 2:
            break  # one task alone is over: the role never has enough; reported
        pick = max(active, key=lambda i: (int(now.first[i]), -packages[i].priority, i))
        others = [i for i in active if i != pick]
        base = base.copy()
        base[pick] = max(int(base[pick]), int(min(now.end[i] for i in others)))
        net = dataclasses.replace(net, base=base)
        sol = solve(net, cal, plan)
    after = measure(plan, packages, net, sol, cal)
    over_roles = {role for r, role in enumerate(before.roles)
                  if (before.use[r] > before.capacity[r] + EPS).any()}
    shifts = {}
    for i in np.flatnonzero(task & (base > original) & (after.first > before.first)):
        roles = tuple(role for role, _ in packages[i].needs if role in over_roles)
        if roles:
            shifts[int(i)] = (int(after.first[i] - before.first[i]), roles)
    return net, sol, after, shifts
