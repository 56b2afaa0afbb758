"""Synthetic plans of N packages for benchmarks, built directly as roadmap.model.Plan.

Parsing 100,000 packages of YAML would dominate any timing, so the benchmark builds the
Plan objects itself; :func:`write_yaml` writes the same plan as a plan file for benchmarks
of the loader or the writers.

Shape (fixed seed, so every run and machine gets the same plan): packages get a nominal
start spread evenly over a span of years from 2027 and a duration of 1-8 weeks; each links to
about two packages that nominally end shortly before it (so the network is as deep as a
real multi-year programme, not a random graph of depth log N), with all four link types,
positive and negative, working and calendar lags. About 5% are milestones, 1% council
decisions on three bodies meeting every three weeks (some with a Beratungsfolge), 2% have
a not_before, 2% a deadline (some of them missed), 2% a calendar-day duration.

Usage: python bench/generate.py N OUT.yaml
"""
from __future__ import annotations

import datetime as dt
import math
import sys

import numpy as np

from roadmap.plan.columns import read_columns
from roadmap.plan.model import (
    Body, CalendarSpec, Closure, Duration, Link, Package, Plan, Project, Text,
)

START = dt.date(2027, 1, 4)
SEED = 20270104
LINK_TYPES = ("FS", "SS", "FF", "SF")
LINK_WEIGHTS = (0.70, 0.15, 0.10, 0.05)
BODIES = (("fa", "Ausschuss für Digitalisierung", 0), ("hfa", "Haupt- und Finanzausschuss", 7),
          ("rat", "Rat der Stadt", 14))


def span_years(n: int) -> int:
    """Nominal span: 3 years for 1,000 packages, 5 for 10,000, 27 for 100,000."""
    return math.ceil(2 + n / 4000)


def generate(n: int, seed: int = SEED) -> Plan:
    rng = np.random.default_rng(seed)
    span = span_years(n) * 365
    pos = np.sort(rng.integers(0, span, n))  # nominal start, calendar days from START
    pos[0] = 0
    kind = rng.choice(3, n, p=(0.94, 0.05, 0.01))  # task, milestone, decision
    kind[0] = 0
    weeks = rng.integers(1, 9, n)
    dur = np.where(kind == 0, weeks * 5 - rng.integers(0, 3, n), 0)
    elapsed = (kind == 0) & (rng.random(n) < 0.02)
    dur = np.where(elapsed, weeks * 7, dur)
    via_count = np.where(kind == 2, rng.integers(0, 3, n), 0)
    # nominal calendar length: working days x 1.5 (weekends, holidays); a decision waits
    # for the lead time and a session per consulted body
    length = np.where(elapsed, dur, np.ceil(dur * 1.5)).astype(np.int64)
    length = np.where(kind == 2, 42 + 21 * via_count, length)
    end = pos + length

    # Predecessors: packages whose nominal end lies in the 60 days up to this one's start.
    by_end = np.argsort(end, kind="stable")
    sorted_end = end[by_end]
    lo = np.searchsorted(sorted_end, pos - 60, side="left")
    hi = np.searchsorted(sorted_end, pos, side="right")
    count = rng.choice(3, n, p=(0.3, 0.4, 0.3)) + 1
    type_pick = rng.choice(4, (n, 3), p=LINK_WEIGHTS)
    lag_kind = rng.random((n, 3))
    work_lag = rng.integers(-5, 11, (n, 3))
    cal_lag = rng.integers(-7, 22, (n, 3))

    packages = []
    for i in range(n):
        links, seen = [], set()
        available = hi[i] - lo[i]
        if i and available <= 0:
            seen.add(i - 1)  # nothing ends just before: follow the previous package
            links.append(Link(f"p{i - 1:06d}"))
        for k in range(min(int(count[i]), int(available)) if i else 0):
            j = int(by_end[lo[i] + rng.integers(0, available)])
            if j in seen or j >= i:
                continue
            seen.add(j)
            if lag_kind[i, k] < 0.6:
                lag = Duration(0)
            elif lag_kind[i, k] < 0.85:
                lag = Duration(int(work_lag[i, k]), text=f"{int(work_lag[i, k])}d")
            else:
                lag = Duration(int(cal_lag[i, k]), True, f"{int(cal_lag[i, k])}ed")
            links.append(Link(f"p{j:06d}", LINK_TYPES[type_pick[i, k]], lag))
        packages.append(_package(i, int(kind[i]), int(dur[i]), bool(elapsed[i]),
                                 int(via_count[i]), tuple(links), int(pos[i]), int(end[i]), rng))

    last_day = START + dt.timedelta(days=int(end.max()) + 3 * 365)  # sessions beyond the finish
    bodies = {}
    for body_id, name, offset in BODIES:
        first = START + dt.timedelta(days=offset + 3)
        sessions = tuple(first + dt.timedelta(days=21 * k)
                         for k in range((last_day - first).days // 21 + 1))
        bodies[body_id] = Body(body_id, Text(name, name), sessions, "plan")
    closures = tuple(Closure(dt.date(y, 12, 27), dt.date(y, 12, 31), "Betriebsruhe")
                     for y in range(START.year, last_day.year + 1))
    packages = tuple(packages)
    return Plan(
        project=Project(name=f"Benchmark {n}", municipality="Benchstadt", state="NW",
                        start=START, status_date=START),
        packages=packages, columns=read_columns(packages),  # as the plan reader makes them
        calendar=CalendarSpec(closures=closures, school_holidays=False),
        bodies=bodies, path=f"bench-{n}.yaml")


def _package(i, kind, dur, elapsed, via_count, links, pos, end, rng) -> Package:
    pid = f"p{i:06d}"
    fields = {}
    roll = rng.random()
    if roll < 0.02:
        fields["not_before"] = START + dt.timedelta(days=pos + int(rng.integers(0, 30)))
    elif roll < 0.04:
        fields["deadline"] = START + dt.timedelta(days=end + int(rng.integers(-20, 60)))
    if kind == 2:
        bodies = [b for b, _, _ in BODIES]
        return Package(pid, Text(f"Beschluss {i}", f"Decision {i}"), "decision", None, links,
                       body="rat", via=tuple(bodies[:via_count]) if via_count else (), **fields)
    if kind == 1:
        return Package(pid, Text(f"Meilenstein {i}", f"Milestone {i}"), "milestone", None, links,
                       **fields)
    duration = Duration(dur, elapsed, f"{dur}ed" if elapsed else f"{dur}d")
    return Package(pid, Text(f"Arbeitspaket {i}", f"Work package {i}"), "task", duration, links,
                   **fields)


# ---- the same plan as a plan file ---------------------------------------------------------


def _lag(link: Link) -> str:
    if link.lag.days == 0:
        return "" if link.type == "FS" else f" {link.type}"
    unit = "ed" if link.lag.elapsed else "d"
    return f" {link.type}{link.lag.days:+d}{unit}"


def to_yaml(plan: Plan) -> str:
    """The plan as contract YAML (flow mappings, one package per line)."""
    p = plan.project
    lines = ["roadmap: 1",
             f"project: {{name: {p.name}, municipality: {p.municipality}, state: {p.state}, "
             f"start: {p.start}, status_date: {p.status_date}}}",
             "calendar:",
             f"  school_holidays: {str(plan.calendar.school_holidays).lower()}",
             "  closures:"]
    lines += [f"    - {{from: {c.start}, to: {c.end}, name: {c.name}}}" for c in plan.calendar.closures]
    lines.append("bodies:")
    for body in plan.bodies.values():
        lines.append(f"  {body.id}:")
        lines.append(f"    name: {body.name.de}")
        lines.append(f"    sessions: [{', '.join(d.isoformat() for d in body.sessions)}]")
    lines.append("packages:")
    for q in plan.packages:
        parts = [f"id: {q.id}", f"name: {q.name.de}"]
        if q.kind != "task":
            parts.append(f"kind: {q.kind}")
        if q.duration is not None:
            parts.append(f"duration: {q.duration.days}{'ed' if q.duration.elapsed else 'd'}")
        if q.body:
            parts.append(f"body: {q.body}")
        if q.via:
            parts.append(f"via: [{', '.join(q.via)}]")
        if q.not_before:
            parts.append(f"not_before: {q.not_before}")
        if q.deadline:
            parts.append(f"deadline: {q.deadline}")
        if q.after:
            parts.append("after: [" + ", ".join(f'"{link.pred}{_lag(link)}"' for link in q.after) + "]")
        lines.append(f"  - {{{', '.join(parts)}}}")
    return "\n".join(lines) + "\n"


def write_yaml(plan: Plan, path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(to_yaml(plan))


if __name__ == "__main__":
    write_yaml(generate(int(sys.argv[1])), sys.argv[2])
