"""How long scheduling takes for 1,000 / 10,000 / 100,000 packages.

For each size, on the same plan in the same run (plans from bench/generate.py, fixed seed):
- ``schedule(plan)``: everything a user waits for (calendar, network, both passes, floats,
  the Schedule object, which keeps the packages as columns and makes its ScheduledPackage
  rows when they are first read: not timed here);
- the core, as roadmap.engine.scheduler exposes it: ``build_network`` (plan -> arrays, levels)
  and ``solve`` (forward pass, backward pass, total and free float);
- networkx ``dag_longest_path`` on the same links (DiGraph built outside the timing, edge
  weight = the predecessor's duration in days). It only finds one longest path, with no
  calendar, lags, link types, sessions or backward pass, so it is a low bar for "fast".
Each figure is the median of --runs runs (default 5); every run calls each of the four
in turn, so noise on the machine hits ours and networkx alike. Writes its section of
docs/performance.md (see bench/report.py).

Usage: .venv/bin/python bench/bench_schedule.py [--sizes 1000,10000,100000] [--runs 5]
                                                [--out docs/performance.md]
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import pathlib
import statistics
import sys
import time

import networkx as nx
import numpy as np

import roadmap
from roadmap.engine import scheduler

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import report  # noqa: E402
from generate import generate, span_years  # noqa: E402


def timed(function) -> float:
    gc.collect()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def interleaved(functions: dict, runs: int) -> dict[str, float]:
    """Median seconds of each function; every run calls each once, in turn."""
    samples = {name: [] for name in functions}
    for _ in range(runs):
        for name, function in functions.items():
            samples[name].append(timed(function))
    return {name: statistics.median(times) for name, times in samples.items()}


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
    functions = {"schedule": lambda: scheduler.schedule(plan)}
    if hasattr(scheduler, "solve") and hasattr(scheduler, "build_network"):
        packages, calendar = core_inputs(plan)
        network = scheduler.build_network(plan, packages, calendar)
        scheduler.solve(network, calendar, plan)  # warm-up
        row["levels"] = len(network.levels)
        functions["network"] = lambda: scheduler.build_network(plan, packages, calendar)
        functions["solve"] = lambda: scheduler.solve(network, calendar, plan)
    graph = networkx_graph(plan)
    path = nx.dag_longest_path(graph, weight="weight")  # warm-up
    row["nx_path"] = len(path)
    functions["networkx"] = lambda: nx.dag_longest_path(graph, weight="weight")
    row.update(interleaved(functions, runs))
    return row


def machine() -> list[str]:
    return report.machine(f"numpy {np.__version__}", f"networkx {nx.__version__}",
                          f"roadmap {getattr(roadmap, '__version__', '0.1.0')}") + [
        "- the passes run on one core; " + report.load_average()
        + " (other processes on the machine add noise)"]


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:,.1f} ms"


def render(rows: list[dict], runs: int, argv=None) -> str:
    lines = ["## Scheduling: 1,000 to 100,000 packages vs networkx", "",
             report.run_line(__file__, argv, runs, "; all sizes in one run, and every run calls "
                             "`schedule()`, `build_network`, `solve` and networkx in turn"), "",
             *machine(), "",
             "**Headline:** " + headline(rows), "",
             "Plans from `bench/generate.py` (fixed seed: "
             "about two links per package to packages that nominally end shortly before it, all four "
             "link types, positive and negative working and calendar lags; 5% milestones, 1% council "
             "decisions on three bodies meeting every three weeks, some with a Beratungsfolge; 2% "
             "not_before, 2% deadlines; NW holidays plus a year-end closure).", "",
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
              "spanned), the network, both passes and the `Schedule` (its columns; the rows are made when first "
              "read, outside the timing); `solve` is the "
              "forward and backward pass with total and free float on a prepared network. networkx "
              "finds only one longest path, without calendar, lags, link types, sessions or a "
              "backward pass; its graph is built outside the timing.", ""]
    return "\n".join(lines)


def headline(rows: list[dict]) -> str:
    parts = []
    for r in rows:
        if r.get("solve"):
            parts.append(f"{r['n']:,} packages: `solve` {ms(r['solve'])}, `build_network` + `solve` "
                         f"{ms(r['network'] + r['solve'])}, networkx {ms(r['networkx'])}")
        else:
            parts.append(f"{r['n']:,} packages: `schedule()` {ms(r['schedule'])}, networkx {ms(r['networkx'])}")
    return "; ".join(parts) + "."


def targets(rows: list[dict]) -> list[str]:
    """The three performance goals, met or not, in words."""
    core = [r for r in rows if r.get("solve")]
    if not core:
        return ["roadmap.engine.scheduler has no `solve`/`build_network`: only `schedule()` measured"]
    out = []
    big = max(core, key=lambda r: r["n"])
    if big["n"] < 100_000:
        out.append(f"100,000 packages, passes under 0.5 s: not measured (largest size in this run: "
                   f"{big['n']:,})")
    else:
        out.append(f"{big['n']:,} packages, passes under 0.5 s: `solve` {ms(big['solve'])} → "
                   + ("met" if big["solve"] < 0.5 else "NOT met")
                   + f"; with `build_network` {ms(big['network'] + big['solve'])}, "
                   f"`schedule()` end to end {ms(big['schedule'])}")
    for a, b in zip(core, core[1:]):
        growth = ((b["network"] + b["solve"]) / b["n"]) / ((a["network"] + a["solve"]) / a["n"])
        out.append(f"linear growth {a['n']:,} → {b['n']:,}: time per package × {growth:.2f} "
                   "(1.0 = linear)")
    slower = [f"{r['n']:,}" for r in core if r["solve"] >= r["networkx"]]
    out.append("faster than networkx at every size: " + (
        "met" if not slower else f"NOT met at {', '.join(slower)} packages"))
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(report.DEFAULT_OUT))
    args = parser.parse_args(argv)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        rows.append(measure(n, args.runs))
        print(f"{n:>7,}: schedule {ms(rows[-1]['schedule'])}, solve {ms(rows[-1].get('solve'))}, "
              f"networkx {ms(rows[-1]['networkx'])}", file=sys.stderr)
    text = render(rows, args.runs, argv)
    print(text)
    report.update_section(args.out, "bench_schedule", text)


if __name__ == "__main__":
    main()
