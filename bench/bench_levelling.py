"""Levelling quality on PSPLIB (j30, j60, j120): average deviation, schedules, time.

Reads the single-mode RCPSP instances in ``../shared/bench-data/psplib`` (Kolisch &
Sprecher 1997), levels each one and checks every schedule itself (precedences, capacity
on every period) before counting it. Reports, per set, the literature's measures:

* j30: average deviation of the makespan from the proven optimum;
* j60, j120: average deviation from the critical-path lower bound;

plus the schedules generated per instance and the time per instance (median and
maximum). Each period is one working day; a resource is a role with its capacity and a
request is what the package needs of it.

Two ways in:

* ``--via engine`` (default): ``roadmap.engine.levelling.level`` on the arrays;
* ``--via plan``: each instance becomes a plan (no weekends, no holidays) and goes through
  the normal ``schedule()`` with levelling, the way a user's plan does.

    .venv/bin/python bench/bench_levelling.py                 # all 1,560 instances
    .venv/bin/python bench/bench_levelling.py --sets j30 --every 10   # quick look
    .venv/bin/python bench/bench_levelling.py --no-write      # do not touch docs/performance.md
"""
from __future__ import annotations

import argparse
import csv
import os
import pathlib
import statistics
import sys
import time

import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from roadmap.engine import levelling  # noqa: E402

DATA = pathlib.Path(os.environ.get("PSPLIB_DIR", REPO.parent / "shared" / "bench-data" / "psplib"))
SETS = ("j30", "j60", "j120")
TARGETS = {"j30": 0.1, "j60": 11.5, "j120": 34.0}
ANCHORS = {
    "j30": "serial SGS + LFT 5.6 %; best metaheuristics at 5,000 schedules about 0.05 %",
    "j60": "best metaheuristics at 5,000 schedules about 10.6-11.0 %",
    "j120": "serial SGS + LFT 48 %; best metaheuristics at 5,000 schedules about 32.2 %",
}


# --------------------------------------------------------------------------- instances

class Instance:
    def __init__(self, name, durations, successors, requests, capacity):
        self.name = name
        self.durations = durations      # list[int]
        self.successors = successors    # list[list[int]] (0-based)
        self.requests = requests        # list[list[int]]
        self.capacity = capacity        # list[int]

    @property
    def n(self):
        return len(self.durations)

    def edges(self):
        return [(i, s, self.durations[i]) for i in range(self.n) for s in self.successors[i]]


def parse_sm(path: pathlib.Path) -> Instance:
    """A PSPLIB single-mode ``.sm`` file (our own reader; format of Kolisch & Sprecher)."""
    lines = path.read_text(encoding="latin-1").splitlines()
    i = 0
    n = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("jobs (incl. supersource/sink )"):
            n = int(line.split(":")[1])
        if line.startswith("PRECEDENCE RELATIONS"):
            break
        i += 1
    successors = [[] for _ in range(n)]
    i += 2
    for k in range(n):
        f = lines[i + k].split()
        job, nsucc = int(f[0]) - 1, int(f[2])
        successors[job] = [int(x) - 1 for x in f[3:3 + nsucc]]
    while not lines[i].startswith("REQUESTS/DURATIONS"):
        i += 1
    i += 3
    durations, requests = [0] * n, [None] * n
    for k in range(n):
        f = [int(x) for x in lines[i + k].split()]
        job = f[0] - 1
        durations[job] = f[2]
        requests[job] = f[3:]
    while not lines[i].startswith("RESOURCEAVAILABILITIES"):
        i += 1
    capacity = [int(x) for x in lines[i + 2].split()]
    return Instance(path.stem, durations, successors, requests, capacity)


def reference() -> dict[str, dict]:
    with open(DATA / "reference.csv", newline="") as fh:
        return {row["instance"]: row for row in csv.DictReader(fh)}


def instances(name: str, every: int = 1):
    files = sorted((DATA / name).glob("*.sm"),
                   key=lambda p: tuple(int(x) for x in p.stem[len(name):].split("_")))
    return files[::every]


# --------------------------------------------------------------------------- checking

def check(inst: Instance, start) -> int:
    """Independent feasibility check; returns the makespan or raises AssertionError."""
    start = [int(x) for x in start]
    assert len(start) == inst.n
    assert min(start) >= 0, "negative start"
    for i in range(inst.n):
        for s in inst.successors[i]:
            assert start[s] >= start[i] + inst.durations[i], f"precedence {i}->{s}"
    end = max(s + d for s, d in zip(start, inst.durations))
    use = np.zeros((len(inst.capacity), end + 1), dtype=np.int64)
    for j in range(inst.n):
        use[:, start[j]:start[j] + inst.durations[j]] += np.asarray(inst.requests[j])[:, None]
    assert (use <= np.asarray(inst.capacity)[:, None]).all(), "capacity exceeded"
    return end


# --------------------------------------------------------------------------- running

def to_problem(inst: Instance) -> levelling.Problem:
    return levelling.Problem(durations=inst.durations, edges=inst.edges(),
                             requests=inst.requests, capacity=inst.capacity)


def solve_engine(inst: Instance, budget: int, seed: int):
    res = levelling.level(to_problem(inst), budget=budget, seed=seed)
    return res.start, res.schedules


def solve_plan(inst: Instance, budget: int, seed: int):  # filled in with the plan integration
    import psplib_plan  # bench/psplib_plan.py
    return psplib_plan.solve(inst, budget, seed)


def run(sets, every, budget, seed, via, progress=True, names=None):
    ref = reference()
    solve = solve_engine if via == "engine" else solve_plan
    # warm up: numba compiles or loads its cache once per process (a budget large enough
    # for the search to switch from the plain-Python loops to the compiled ones)
    first = parse_sm(instances(sets[0], 1)[0])
    solve(first, 2000, seed)
    results = {}
    for name in sets:
        rows = []
        for path in instances(name, every):
            if names is not None and path.stem not in names:
                continue
            inst = parse_sm(path)
            t0 = time.perf_counter()
            start, used = solve(inst, budget, seed)
            secs = time.perf_counter() - t0
            mk = check(inst, start)
            r = ref[inst.name]
            base = int(r["best_ub"]) if name == "j30" else int(r["cpm_lb"])
            rows.append(dict(name=inst.name, makespan=mk, base=base, best_ub=int(r["best_ub"]),
                             dev=100.0 * (mk - base) / base, schedules=used, secs=secs))
            if progress and len(rows) % 50 == 0:
                d = statistics.fmean(x["dev"] for x in rows)
                print(f"  {name}: {len(rows)} done, avg dev {d:.2f} %", file=sys.stderr)
        results[name] = rows
    return results


def summary(name, rows):
    dev = statistics.fmean(x["dev"] for x in rows)
    return dict(
        set=name, instances=len(rows), dev=dev,
        at_best=sum(x["makespan"] <= x["best_ub"] for x in rows),
        sched_mean=statistics.fmean(x["schedules"] for x in rows),
        sched_max=max(x["schedules"] for x in rows),
        t_median=statistics.median(x["secs"] for x in rows),
        t_mean=statistics.fmean(x["secs"] for x in rows),
        t_max=max(x["secs"] for x in rows),
        target=TARGETS[name],
    )


def markdown(results, args, argv):
    import report
    try:
        import numba
        compiled = f"numba {numba.__version__}"
    except ImportError:
        compiled = "numba not installed (plain Python loops)"
    lines = [
        "## Levelling: PSPLIB j30 / j60 / j120",
        "",
        f"Run on {report.today()}, {report.revision()}: `{report.command(__file__, argv)}`; "
        f"one run per instance, budget {args.budget:,} schedules per instance, seed {args.seed}, "
        f"{'every instance' if args.every == 1 else f'every {args.every}th instance'}, "
        f"via {'`level()` on the arrays' if args.via == 'engine' else 'plans through `schedule()`'}; "
        "every schedule checked by the script itself (precedences, capacity per period).",
        "",
        *report.machine(f"numpy {np.__version__}", compiled),
        f"- one process, one core; {report.load_average()}; time per instance excludes the "
        "one-off compile or cache load of numba, but includes building the arrays and each "
        "search's start in plain Python (the first 10,000 activity-schedules, "
        "`search.PLAIN_WORK`, about 0.3 s here: a town's plan is levelled before numba would "
        "have loaded)",
        "",
    ]
    lines += [
        "| set | instances | avg deviation | measured against | target | at best known | "
        "schedules (mean / max) | time per instance (median / mean / max) |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for name, rows in results.items():
        s = summary(name, rows)
        against = "optimum" if name == "j30" else "critical-path bound"
        ok = "met" if s["dev"] <= s["target"] else "missed"
        lines.append(
            f"| {name} | {s['instances']} | {s['dev']:.2f} % | {against} | ≤ {s['target']} % "
            f"({ok}) | {s['at_best']} | {s['sched_mean']:,.0f} / {s['sched_max']:,} | "
            f"{1000 * s['t_median']:.0f} / {1000 * s['t_mean']:.0f} / "
            f"{1000 * s['t_max']:.0f} ms |")
    lines += ["", "Published anchors (Kolisch & Hartmann 2006 and later surveys):", ""]
    lines += [f"- {k}: {v}" for k, v in ANCHORS.items() if k in results]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    ap.add_argument("--every", type=int, default=1, help="take every k-th instance")
    ap.add_argument("--budget", type=int, default=levelling.DEFAULT_BUDGET)
    ap.add_argument("--seed", type=int, default=levelling.DEFAULT_SEED)
    ap.add_argument("--via", choices=("engine", "plan"), default="engine")
    ap.add_argument("--no-write", action="store_true", help="print only")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--names", help="file with instance names to run (one a line)")
    ap.add_argument("--rows", help="write per-instance rows to this CSV file")
    args = ap.parse_args(argv)
    names = set(pathlib.Path(args.names).read_text().split()) if args.names else None
    results = run(args.sets, args.every, args.budget, args.seed, args.via, not args.quiet, names)
    if args.rows:
        with open(args.rows, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(next(iter(results.values()))[0]))
            w.writeheader()
            for rows in results.values():
                w.writerows(rows)
    for name, rows in results.items():
        s = summary(name, rows)
        print(f"{name}: {s['instances']} instances, avg dev {s['dev']:.3f} % "
              f"(target {s['target']} %), at best known {s['at_best']}, "
              f"schedules mean {s['sched_mean']:.0f} max {s['sched_max']}, "
              f"time median {1000 * s['t_median']:.1f} ms mean {1000 * s['t_mean']:.1f} ms "
              f"max {1000 * s['t_max']:.1f} ms")
    if not args.no_write:
        import report
        report.update_section(report.DEFAULT_OUT, "bench_levelling", markdown(results, args, argv))
    return results


if __name__ == "__main__":
    main()
