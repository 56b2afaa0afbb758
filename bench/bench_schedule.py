"""How long scheduling takes for 1,000 / 10,000 / 100,000 packages.

For each size, on the same plan in the same run (plans from bench/generate.py, fixed seed):
- ``schedule(plan)``: everything a user waits for (calendar, network, both passes, floats,
  the Schedule object with its ScheduledPackage rows);
- the core, as roadmap.scheduler exposes it: ``build_network`` (plan -> arrays, levels)
  and ``solve`` (forward pass, backward pass, total and free float);
- networkx ``dag_longest_path`` on the same links (DiGraph built outside the timing, edge
  weight = the predecessor's duration in days). It only finds one longest path, with no
  calendar, lags, link types, sessions or backward pass, so it is a low bar for "fast".
Each figure is the median of --runs runs (default 5). Writes a Markdown report.

Usage: python bench/bench_schedule.py [--sizes 1000,10000,100000] [--runs 5]
                                      [--out docs/performance-schedule.md]
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import pathlib
import platform
import statistics
import sys
import tempfile
import time

import networkx as nx
import numpy as np

import roadmap
from roadmap import scheduler

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from generate import generate, span_years  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parent.parent


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def networkx_graph(plan) -> nx.DiGraph:
    graph = nx.DiGraph()
    days = {p.id: (p.duration.days if p.duration else 0) for p in plan.packages}
    graph.add_nodes_from(days)
    graph.add_weighted_edges_from((link.pred, p.id, days[link.pred])
                                  for p in plan.packages for link in p.after)
    return graph


def core_inputs(plan):
    """The calendar ``schedule`` builds for this plan (same span), outside the timing."""
    packages = scheduler.active_packages(plan)
    first = plan.project.start - dt.timedelta(days=scheduler.MARGIN_DAYS)
    last = max([plan.project.start] + [d for b in plan.bodies.values() for d in b.sessions[-1:]]
               + [p.not_before for p in packages if p.not_before]
               + [p.deadline for p in packages if p.deadline])
    last = dt.date(last.year + scheduler.HORIZON_YEARS, 12, 31)
    calendar = scheduler.build_calendar(plan.calendar, plan.project.state, first, last)
    return packages, calendar


def measure(n: int, runs: int) -> dict:
    plan = generate(n)
    result = scheduler.schedule(plan)  # warm-up, and the figures for the table
    row = {"n": n, "links": sum(len(p.after) for p in plan.packages),
           "decisions": sum(p.kind == "decision" for p in plan.packages),
           "finish": result.finish, "years": span_years(n),
           "critical": sum(p.critical for p in result.packages)}
    row["schedule"] = median_time(lambda: scheduler.schedule(plan), runs)
    if hasattr(scheduler, "solve") and hasattr(scheduler, "build_network"):
        packages, calendar = core_inputs(plan)
        network = scheduler.build_network(plan, packages, calendar)
        row["levels"] = len(network.levels)
        row["network"] = median_time(lambda: scheduler.build_network(plan, packages, calendar), runs)
        row["solve"] = median_time(lambda: scheduler.solve(network, calendar, plan), runs)
    graph = networkx_graph(plan)
    path = nx.dag_longest_path(graph, weight="weight")
    row["nx_path"] = len(path)
    row["networkx"] = median_time(lambda: nx.dag_longest_path(graph, weight="weight"), runs)
    return row


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [f"CPU: {cpu}, {os.cpu_count()} logical cores ({affinity} usable); the passes run on one",
            f"Python {platform.python_version()} ({platform.python_implementation()}), "
            f"numpy {np.__version__}, networkx {nx.__version__}, {platform.system()} {platform.release()}",
            f"roadmap {getattr(roadmap, '__version__', '0.1.0')}; load average at the end "
            f"{os.getloadavg()[0]:.2f} (other processes on the machine add noise)"]


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:,.1f} ms"


def report(rows: list[dict], runs: int) -> str:
    lines = ["# Scheduling performance", "",
             "Measured by `bench/bench_schedule.py` on plans from `bench/generate.py` (fixed seed: "
             "about two links per package to packages that nominally end shortly before it, all four "
             "link types, positive and negative working and calendar lags; 5% milestones, 1% council "
             "decisions on three bodies meeting every three weeks, some with a Beratungsfolge; 2% "
             "not_before, 2% deadlines; NW holidays plus a year-end closure). "
             f"Median of {runs} runs per figure, all sizes in one run.", "",
             *[f"- {line}" for line in machine()], "",
             "| packages | links | levels | nominal span → finish | `schedule()` | `build_network` | "
             "`solve` (both passes + floats) | networkx `dag_longest_path` | `solve` vs networkx |",
             "|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = "–"
        if r.get("solve"):
            factor = r["networkx"] / r["solve"]
            ratio = f"{factor:.1f}× faster" if factor >= 1 else f"{1 / factor:.1f}× slower"
        lines.append(
            f"| {r['n']:,} | {r['links']:,} | {r.get('levels', '–')} | {r['years']} years → "
            f"{r['finish'].isoformat()} | {ms(r['schedule'])} | {ms(r.get('network'))} | "
            f"{ms(r.get('solve'))} | {ms(r['networkx'])} | {ratio} |")
    lines += ["", "Per package (linear growth shows as a flat column):", "",
              "| packages | `schedule()` | `build_network` + `solve` | networkx |", "|---:|---:|---:|---:|"]
    for r in rows:
        core = (r["network"] + r["solve"]) if r.get("solve") else None
        per = lambda s: "–" if s is None else f"{s / r['n'] * 1e6:.1f} µs"  # noqa: E731
        lines.append(f"| {r['n']:,} | {per(r['schedule'])} | {per(core)} | {per(r['networkx'])} |")
    lines += ["", "Targets (checked by this run):", ""] + [f"- {line}" for line in targets(rows)]
    lines += ["", "`schedule()` includes building the working-day calendar (holidays of every year "
              "spanned), the network, both passes and the `Schedule` result rows; `solve` is the "
              "forward and backward pass with total and free float on a prepared network. networkx "
              "finds only one longest path, without calendar, lags, link types, sessions or a "
              "backward pass; its graph is built outside the timing.", ""]
    return "\n".join(lines)


def targets(rows: list[dict]) -> list[str]:
    """The three performance goals, met or not, in words."""
    core = [r for r in rows if r.get("solve")]
    if not core:
        return ["roadmap.scheduler has no `solve`/`build_network`: only `schedule()` measured"]
    out = []
    big = max(core, key=lambda r: r["n"])
    passes = big["network"] + big["solve"]
    out.append(f"{big['n']:,} packages, passes under 0.5 s: `solve` {ms(big['solve'])}, "
               f"`build_network` + `solve` {ms(passes)} → "
               + ("met" if big["solve"] < 0.5 else "NOT met"))
    for a, b in zip(core, core[1:]):
        growth = ((b["network"] + b["solve"]) / b["n"]) / ((a["network"] + a["solve"]) / a["n"])
        out.append(f"linear growth {a['n']:,} → {b['n']:,}: time per package × {growth:.2f} "
                   "(1.0 = linear)")
    slower = [f"{r['n']:,}" for r in core if r["solve"] >= r["networkx"]]
    out.append("faster than networkx at every size: " + (
        "met" if not slower else f"NOT met at {', '.join(slower)} packages"))
    return out


def write_atomic(path: pathlib.Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o644)  # mkstemp creates 0600; a report is for everyone to read
    os.replace(tmp, path)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(REPO / "docs" / "performance-schedule.md"))
    args = parser.parse_args(argv)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        rows.append(measure(n, args.runs))
        print(f"{n:>7,}: schedule {ms(rows[-1]['schedule'])}, solve {ms(rows[-1].get('solve'))}, "
              f"networkx {ms(rows[-1]['networkx'])}", file=sys.stderr)
    text = report(rows, args.runs)
    print(text)
    write_atomic(pathlib.Path(args.out), text)


if __name__ == "__main__":
    main()
