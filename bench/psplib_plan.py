"""A PSPLIB instance as a roadmap plan: each period one working day (no weekend, no
holidays), each resource a role with its capacity, each request a need. Used by
``bench_levelling.py --via plan``."""
from __future__ import annotations

import datetime as dt

import yaml

START = dt.date(2030, 1, 1)


def plan_text(inst) -> str:
    roles = {f"r{k + 1}": {"name": f"R{k + 1}", "capacity": int(c)} for k, c in enumerate(inst.capacity)}
    preds = [[] for _ in range(inst.n)]
    for i, succ in enumerate(inst.successors):
        for s in succ:
            preds[s].append(f"a{i + 1}")
    packages = []
    for j in range(inst.n):
        item = {"id": f"a{j + 1}", "duration": f"{inst.durations[j]}d"}
        if preds[j]:
            item["after"] = preds[j]
        needs = {f"r{k + 1}": int(q) for k, q in enumerate(inst.requests[j]) if q}
        if needs and inst.durations[j]:
            item["needs"] = needs
        packages.append(item)
    doc = {"roadmap": 1,
           "project": {"name": inst.name, "start": START, "status_date": START, "level": True},
           "calendar": {"weekend": [], "public_holidays": False, "school_holidays": False},
           "roles": roles, "packages": packages}
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


def solve(inst, budget, seed):
    from roadmap.engine.scheduler import schedule
    from roadmap.plan.loader import parse_plan

    plan = parse_plan(plan_text(inst), f"{inst.name}.yaml")
    result = schedule(plan, level=True)
    starts = [(p.start - START).days for p in result.packages]
    # a milestone (0 periods) shows the date of its instant, the closing of its latest
    # predecessor's last day; as a PSPLIB period it starts when its predecessors finish
    preds = [[] for _ in range(inst.n)]
    for i, succ in enumerate(inst.successors):
        for k in succ:
            preds[k].append(i)
    for j in range(inst.n):  # PSPLIB numbers activities in a precedence order
        if inst.durations[j] == 0:
            starts[j] = max([starts[i] + inst.durations[i] for i in preds[j]], default=0)
    return starts, budget
