"""Roles' load and levelling on a scheduled plan (contract: "Roles, needs and levelling").

* :func:`measure` takes each role's load per working day (the ``needs`` of the tasks
  running that day) and its capacity; :func:`over_allocations` reports every stretch over
  the capacity as an ``over-allocated`` warning: who, when, by how much, which packages.
* :func:`level_plan` delays tasks so that no role is over its capacity: the search runs on
  arrays (:mod:`roadmap.engine.levelling`), its starts go back into the network as lower
  bounds, and the normal passes schedule again, so links, sessions, lead times, deadlines
  and avoid windows keep their meaning. Where the calendar makes the array model inexact
  (elapsed durations and lags, avoid windows, sessions), a repair loop moves the latest
  of the clashing tasks until nothing is over.
* Progress: finished and running tasks stay where they are (their load counts); in a
  plan that records progress, days before the status date are history and are neither
  levelled nor reported.
* :func:`annotate` puts it on the :class:`Schedule`: needs, priority and what levelling
  moved on each package, the warnings, and the load (:class:`RoleLoad`) for the writers.

Without any ``needs`` nothing here runs (the scheduler does not even import it), and the
dates are exactly those of the passes. The search itself, and with it numba, is imported
only when something has to be levelled.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from roadmap.engine.calendar import WorkCalendar
from roadmap.engine.network import CAPACITY, Network
from roadmap.engine.passes import Solution, solve
from roadmap.engine.progress import NOT_STARTED
from roadmap.plan.diagnostics import Diagnostic
from roadmap.plan.model import Plan
from roadmap.text import format_date, t
from roadmap.text.messages import Message

EPS = 1e-9
REPAIR_ROUNDS = 200
ANCHOR_ROUNDS = 4


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
    since: int = 0  # first day (offset) that counts: the status date's next working day

    @property
    def over(self) -> np.ndarray:
        """(R, H) bool: over capacity on a day that counts."""
        over = self.use > self.capacity + EPS
        over[:, :max(self.since, 0)] = False
        return over


@dataclasses.dataclass(frozen=True)
class RoleLoad:
    """What the writers show: each role's load and capacity on each working day.

    ``use`` and ``capacity`` are (roles, days) shares of a full-time post; ``since``: the
    first day that counts (the day after the status date in a plan that records progress,
    else the first day).
    """

    roles: tuple[str, ...]
    days: tuple[dt.date, ...]
    use: np.ndarray
    capacity: np.ndarray
    since: dt.date | None = None

    def weeks(self) -> list[Week]:
        """Every week (Monday) from the first working day to the last, with each role's
        peak load, its capacity on that day and the ratio of the two on the week's fullest
        day (``inf``: load where there is no capacity; 0: idle). A week without working
        days has no values (``None``)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(self.capacity > EPS, self.use / np.where(self.capacity > EPS, self.capacity, 1),
                             np.where(self.use > EPS, np.inf, 0.0))
        mondays = [day - dt.timedelta(days=day.weekday()) for day in self.days]
        found, k = {}, 0
        while k < len(mondays):
            j = k
            while j < len(mondays) and mondays[j] == mondays[k]:
                j += 1
            peak = k + ratio[:, k:j].argmax(axis=1)
            rows = np.arange(len(self.roles))
            found[mondays[k]] = Week(mondays[k], self.use[rows, peak], self.capacity[rows, peak],
                                     ratio[rows, peak], self.since is not None and self.days[j - 1] < self.since)
            k = j
        out, monday = [], mondays[0] if mondays else None
        while mondays and monday <= mondays[-1]:
            out.append(found.get(monday, Week(monday)))
            monday += dt.timedelta(days=7)
        return out

    def shown(self) -> list[int]:
        """Indices of the roles some package needs (the others would be empty lines)."""
        return [r for r in range(len(self.roles)) if self.use[r].max(initial=0) > EPS]


@dataclasses.dataclass(frozen=True)
class Week:
    """One week of :meth:`RoleLoad.weeks`; arrays per role, ``None`` without working days.
    ``past``: the whole week lies before the status date (history)."""

    monday: dt.date
    use: np.ndarray | None = None
    capacity: np.ndarray | None = None
    ratio: np.ndarray | None = None
    past: bool = False


#: The heat map of load / capacity, shared by the workbook and the Gantt: (upper bound of
#: the ratio, fill colour, text colour). Light to dark, so it also reads in grey print.
LOAD_CLASSES = ((0.0, "FFFFFF", "000000"), (0.5, "FFF3C4", "000000"), (0.8, "FFD97A", "000000"),
                (1.0 + EPS, "F4A259", "000000"), (1.5, "D7301F", "FFFFFF"), (np.inf, "7F0000", "FFFFFF"))


def load_class(ratio: float) -> int:
    """Index into :data:`LOAD_CLASSES`: 0 idle, 1-3 within the capacity, 4-5 over it."""
    if ratio <= EPS:
        return 0
    for k, (upper, _, _) in enumerate(LOAD_CLASSES[1:], 1):
        if ratio <= upper:
            return k
    return len(LOAD_CLASSES) - 1


def capacity_text(role, language: str) -> str:
    """``0,5``, or with steps ``0,2; ab 01.07.2027: 1,2`` (a post that starts later)."""
    if not role.steps:
        return _number(role.capacity, language)
    parts = [_number(value, language) if day is None else t(
        "load.from", language, date=day if isinstance(day, str) else format_date(day, language),
        value=_number(value, language)) for day, value in role.steps]
    return "; ".join(parts)


def measure(plan: Plan, packages, net: Network, sol: Solution, cal: WorkCalendar) -> Load:
    roles = list(plan.roles)
    n = len(packages)
    needs = np.zeros((n, len(roles)))
    for i, p in enumerate(packages):
        if p.kind == "task":
            for role, amount in p.needs:
                needs[i, roles.index(role)] = amount
    first, end = _spans(net, sol, cal)
    origin = int(first.min()) if n else 0
    horizon = max(int(end.max()) - origin if n else 0, 1)
    diff = np.zeros((len(roles), horizon + 1))
    for r in range(len(roles)):
        np.add.at(diff[r], first - origin, needs[:, r])
        np.add.at(diff[r], end - origin, -needs[:, r])
    use = np.cumsum(diff, axis=1)[:, :horizon]
    since = net.tracking.after - origin if net.tracking is not None else 0
    return Load(roles, origin, use, capacity_grid(plan, roles, cal, origin, horizon), first, end, needs,
                int(since))


def _spans(net: Network, sol: Solution, cal: WorkCalendar):
    """Per package its first working day and one past its last (working-day indices)."""
    start_day = np.asarray(sol.early_start) // 2
    finish_day = np.asarray(sol.early_finish) // 2
    first = cal.nw[np.clip(start_day, 0, cal.days - 1)]
    end = cal.nw[np.clip(finish_day + 1, 0, cal.days)]
    # an instant's boundary: a closing belongs to the next working day
    instant_at = cal.nw[np.clip((np.asarray(sol.early_start) + 1) // 2, 0, cal.days)]
    first = np.where(net.is_instant, instant_at, first)
    return first, np.where(net.is_instant, first, np.maximum(end, first))


def resolve(plan: Plan, packages, net: Network, sol: Solution, cal: WorkCalendar) -> Plan:
    """The plan with every capacity step ``from`` a package put on that package's first
    working day (a milestone at a day's closing: the next one). A step from a package that
    ``when`` leaves out never comes."""
    if not any(isinstance(anchor, str) for role in plan.roles.values() for anchor, _ in role.steps):
        return plan
    index = {p.id: i for i, p in enumerate(packages)}
    first, _ = _spans(net, sol, cal)
    roles = {}
    for role_id, role in plan.roles.items():
        steps = []
        for anchor, value in role.steps:
            if isinstance(anchor, str):
                if anchor not in index:
                    continue
                anchor = cal.date(int(cal.wd[min(int(first[index[anchor]]), len(cal.wd) - 1)]))
            steps.append((anchor, value))
        steps = [s for s in steps if s[0] is None] + sorted(s for s in steps if s[0] is not None)
        roles[role_id] = dataclasses.replace(role, steps=tuple(steps))
    return dataclasses.replace(plan, roles=roles)


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
            out[r, slice(None) if when is None else days >= cal.index(when)] = value
    return out


def _number(x: float, language: str) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "de" else text


def over_allocations(plan: Plan, packages, load: Load, cal: WorkCalendar, levelled: bool) -> list:
    """One ``over-allocated`` warning per role and stretch of consecutive working days."""
    out = []
    language = plan.language
    over = load.over
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


def _fixed(packages, net: Network) -> np.ndarray:
    """Tasks levelling never moves: priority 1000, and what has started (progress)."""
    fixed = np.array([p.priority >= 1000 for p in packages], dtype=bool)
    if net.tracking is not None:
        fixed |= net.tracking.state != NOT_STARTED
    return fixed


def _problem(plan: Plan, packages, net: Network, load: Load, cal: WorkCalendar):
    """The array model: task spans in working days, links as start-to-start lags."""
    from roadmap.engine import levelling

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
    # the capacity up to its last change (a post that starts after today's finish)
    steps = [cal.index(day) for role in plan.roles.values() for day, _ in role.steps if day is not None]
    last = int(cal.nw[np.clip(max(steps, default=0) + 1, 0, cal.days)]) - origin
    grid = capacity_grid(plan, load.roles, cal, origin, max(load.capacity.shape[1], last + 1))
    return levelling.Problem(
        durations=dur, edges=edges, requests=load.needs,
        capacity=grid, release=first - origin,
        priority=[p.priority for p in packages], fixed=_fixed(packages, net))


def level_plan(plan: Plan, packages, net: Network, sol: Solution, cal: WorkCalendar):
    """Levelled network and solution, its load, and per package (working days moved, roles)."""
    from roadmap.engine import levelling  # numba (if installed) only when there is work

    before = measure(plan, packages, net, sol, cal)
    if not before.over.any():
        return net, sol, before, {}
    result = levelling.level(_problem(plan, packages, net, before, cal))
    original = net.base
    base = original.copy()
    fixed = _fixed(packages, net)
    task = ~net.is_instant & ~fixed
    target = before.origin + result.start
    moved = task & (target > before.first)
    # a task's variable is its start boundary: the levelled start is its new lower bound
    base[moved] = np.maximum(base[moved], target[moved])
    net, sol = _solve(plan, net, base, original, cal)
    for _ in range(REPAIR_ROUNDS):
        now = measure(plan, packages, net, sol, cal)
        over = now.over
        if not over.any():
            break
        day = int(np.flatnonzero(over.any(axis=0))[0])
        r = int(np.flatnonzero(over[:, day])[0])
        active = np.flatnonzero((now.needs[:, r] > 0) & (now.first - now.origin <= day)
                                & (now.end - now.origin > day))
        movable = [i for i in active if task[i]]
        if active.size < 2 or not movable:
            break  # one task alone is over, or only fixed ones clash: reported
        pick = max(movable, key=lambda i: (int(now.first[i]), -packages[i].priority, i))
        others = [i for i in active if i != pick]
        base = base.copy()
        base[pick] = max(int(base[pick]), int(min(now.end[i] for i in others)))
        net, sol = _solve(plan, net, base, original, cal)
    after = measure(plan, packages, net, sol, cal)
    over_roles = {role for r, role in enumerate(before.roles) if before.over[r].any()}
    shifts = {}
    for i in np.flatnonzero(task & (base > original) & (after.first > before.first)):
        roles = tuple(role for role, _ in packages[i].needs if role in over_roles)
        if roles:
            shifts[int(i)] = (int(after.first[i] - before.first[i]), roles)
    return net, sol, after, shifts


def _solve(plan: Plan, net: Network, base: np.ndarray, original: np.ndarray, cal: WorkCalendar):
    """The passes again with the raised lower bounds; what levelling raised says so."""
    reason = net.reason.copy() if net.reason is not None else None
    if reason is not None:
        reason[base > original] = CAPACITY
    net = dataclasses.replace(net, base=base, reason=reason)
    return net, solve(net, cal, plan)


def apply(plan: Plan, packages, net: Network, sol: Solution, cal: WorkCalendar):
    """Level (``project.level``) or only measure: ``(plan, network, solution, load, shifts)``,
    the plan with its capacity steps on dates (:func:`resolve`).

    A step from a package (a new post from its Dienstantritt) takes that package's date;
    when levelling moves the package, it is levelled again with the step on the new date,
    until the date holds (at most :data:`ANCHOR_ROUNDS` times).
    """
    resolved = resolve(plan, packages, net, sol, cal)
    if not plan.project.level:
        return resolved, net, sol, measure(resolved, packages, net, sol, cal), {}
    for round_ in range(ANCHOR_ROUNDS):
        levelled = level_plan(resolved, packages, net, sol, cal)
        again = resolve(plan, packages, levelled[0], levelled[1], cal)
        if again.roles == resolved.roles or round_ == ANCHOR_ROUNDS - 1:
            break  # the dates hold (or, after the last round, the last levelling stands)
        resolved = again
    return (resolved, *levelled)


def annotate(plan: Plan, packages, result, load: Load, shifts: dict, cal: WorkCalendar):
    """``result`` with each package's needs, priority and move, the warnings and the load."""
    rows = [dataclasses.replace(row, needs=p.needs, priority=p.priority,
                                moved_days=shifts.get(i, (0, ()))[0], moved_for=shifts.get(i, (0, ()))[1])
            for i, (row, p) in enumerate(zip(result.packages, packages))]
    warnings = over_allocations(plan, packages, load, cal, plan.project.level)
    span = np.clip(np.arange(load.origin, load.origin + load.use.shape[1]), 0, len(cal.wd) - 1)
    days = tuple(cal.date(int(d)) for d in cal.wd[span])
    since = days[min(max(load.since, 0), len(days) - 1)] if load.since > 0 and days else None
    role_load = RoleLoad(tuple(load.roles), days, load.use, load.capacity, since)
    return dataclasses.replace(result, packages=rows, diagnostics=list(result.diagnostics) + warnings,
                               levelled=plan.project.level, load=role_load, roles=plan.roles)
