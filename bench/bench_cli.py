"""What a user waits for at the command line: check, schedule, build, with tj3 as the peer.

For each size (plans from bench/generate.py, fixed seed, written as plan files), in one run:

- ``roadmap check PLAN``;
- ``roadmap schedule PLAN --format json`` (stdout to a file);
- ``roadmap build PLAN -o DIR`` (Excel plan and HTML Gantt);
- the peer: ``tj3 PLAN.tjp`` on the same plan exported by ``roadmap export --format tjp``
  (TaskJuggler schedules it to the same dates, tests/test_tjp.py; it also writes the CSV and
  HTML report the export asks for).

Each command runs as its own process (``python -m roadmap`` of this checkout, as a user
runs it: interpreter start, imports, reading the plan, writing the output); every run
calls each command in turn, so noise on the machine hits ours and the peer alike. Wall
time and peak resident memory (``ru_maxrss`` of that process, from ``os.wait4``) per run;
medians of --runs runs. A second table gives the peak memory of ``schedule`` and
``build`` at the sizes of --memory (one run each). Writes its section of
docs/performance.md (see bench/report.py).

Usage: .venv/bin/python bench/bench_cli.py [--sizes 1000,5000] [--runs 5]
                                           [--memory schedule:10000,schedule:100000,build:2000]
                                           [--out docs/performance.md]
"""
from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import report  # noqa: E402
from generate import generate, write_yaml  # noqa: E402

ROADMAP = [sys.executable, "-m", "roadmap"]
STATUS = "2027-03-01"  # pinned, so every run schedules the same plan
COMMANDS = ("check", "schedule", "build", "tj3")


def run(argv: list[str], cwd: pathlib.Path, stdout=subprocess.DEVNULL) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one process; raises if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return wall, usage.ru_maxrss


def command_line(name: str, plan: pathlib.Path, folder: pathlib.Path) -> list[str]:
    if name == "check":
        return ROADMAP + ["check", str(plan)]
    if name == "schedule":
        return ROADMAP + ["schedule", str(plan), "--format", "json", "--status-date", STATUS]
    if name == "build":
        return ROADMAP + ["build", str(plan), "-o", str(folder / "out"), "--status-date", STATUS]
    return ["tj3", "--no-color", "--output-dir", str(folder / "tj3"), str(plan.with_suffix(".tjp"))]


def prepare(n: int, folder: pathlib.Path) -> pathlib.Path:
    plan = folder / f"generated-{n}.yaml"
    write_yaml(generate(n), plan)
    subprocess.run(ROADMAP + ["export", str(plan), "--format", "tjp", "-o", str(plan.with_suffix(".tjp")),
                              "--status-date", STATUS], check=True, capture_output=True)
    (folder / "tj3").mkdir(exist_ok=True)
    return plan


def measure(n: int, runs: int, folder: pathlib.Path) -> dict:
    plan = prepare(n, folder)
    samples = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name in COMMANDS:
            with open(folder / "stdout", "wb") as out:
                samples[name].append(run(command_line(name, plan, folder), folder, out))
    row = {"n": n, "links": sum(len(p.after) for p in generate(n).packages)}
    for name, values in samples.items():
        row[name] = statistics.median(wall for wall, _ in values)
        row[name + ".runs"] = [wall for wall, _ in values]
        row[name + ".rss"] = max(rss for _, rss in values)
    return row


def memory(spec: str, folder: pathlib.Path) -> dict:
    name, _, size = spec.partition(":")
    plan = folder / f"generated-{size}.yaml"
    if not plan.exists():
        write_yaml(generate(int(size)), plan)
    argv = command_line(name, plan, folder)
    if name == "schedule" and int(size) > 10_000:
        argv[argv.index("json")] = "csv"  # the same work; JSON of 100k packages is 40 MB
    with open(folder / "stdout", "wb") as out:
        wall, rss = run(argv, folder, out)
    return {"command": name, "n": int(size), "wall": wall, "rss": rss, "format": argv}


def tj3_version() -> str:
    try:
        found = subprocess.run(["tj3", "--version"], capture_output=True, text=True, timeout=60)
        return "tj3 " + found.stdout.strip().splitlines()[-1].split()[-1]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "tj3 (version unknown)"


def render(rows: list[dict], mem: list[dict], runs: int, argv) -> str:
    lines = ["## Command line: check, schedule, build vs tj3", "",
             report.run_line(__file__, argv, runs, "; every run calls each command in turn, each as its own process"),
             "", *report.machine(tj3_version()),
             f"- {report.load_average()} (other processes on the machine add noise)", ""]
    heads = []
    for r in rows:
        heads.append(f"{r['n']:,} packages: `schedule --format json` {r['schedule']:.2f} s, "
                     f"tj3 {r['tj3']:.2f} s (**{r['tj3'] / r['schedule']:.0f}× faster**)")
    lines += ["**Headline:** " + "; ".join(heads) + ".", "",
              "Plans from `bench/generate.py` (fixed seed), written as plan files; tj3 schedules the "
              "same plan exported by `roadmap export --format tjp` (to the same dates: tests/test_tjp.py). "
              f"Status date pinned to {STATUS}. Wall time of the whole process: starting Python, imports, "
              "reading and checking the plan, scheduling, writing the output.", "",
              "| packages | links | `check` | `schedule --format json` | `build` (Excel + HTML) | "
              "tj3 (peer) | `schedule` vs tj3 |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['links']:,} | {r['check']:.2f} s | {r['schedule']:.2f} s | "
                     f"{r['build']:.2f} s | {r['tj3']:.2f} s | {r['tj3'] / r['schedule']:.1f}× faster |")
    lines += ["", "Single runs (s):", ""]
    for r in rows:
        for name in COMMANDS:
            lines.append(f"- {r['n']:,} packages, {name}: " + ", ".join(f"{w:.2f}" for w in r[name + ".runs"]))
    lines += ["", "Peak resident memory (largest of the runs):", "",
              "| packages | `check` | `schedule --format json` | `build` | tj3 |", "|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | " + " | ".join(f"{r[name + '.rss'] / 1024:,.0f} MB" for name in COMMANDS) + " |")
    if mem:
        lines += ["", "Peak resident memory of larger runs (one run each):", "",
                  "| command | packages | wall | peak RSS |", "|---|---:|---:|---:|"]
        for m in mem:
            shown = " ".join(m["format"][3:4] + (["--format", m["format"][m["format"].index("--format") + 1]]
                                                  if "--format" in m["format"] else []))
            lines.append(f"| `{shown}` | {m['n']:,} | {m['wall']:.2f} s | {m['rss'] / 1024:,.0f} MB |")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory", default="schedule:10000,schedule:100000,build:2000")
    parser.add_argument("--out", default=str(report.DEFAULT_OUT))
    args = parser.parse_args(argv)
    if shutil.which("tj3") is None:
        sys.exit("tj3 is not installed: apt-get install tj3")
    rows, mem = [], []
    with tempfile.TemporaryDirectory() as temp:
        folder = pathlib.Path(temp)
        for n in (int(s) for s in args.sizes.split(",") if s):
            rows.append(measure(n, args.runs, folder))
            r = rows[-1]
            print(f"{n}: check {r['check']:.2f} s, schedule {r['schedule']:.2f} s, build {r['build']:.2f} s, "
                  f"tj3 {r['tj3']:.2f} s", file=sys.stderr)
        for spec in (s for s in args.memory.split(",") if s):
            mem.append(memory(spec, folder))
            print(f"{spec}: {mem[-1]['wall']:.2f} s, {mem[-1]['rss'] / 1024:.0f} MB", file=sys.stderr)
    text = render(rows, mem, args.runs, argv)
    report.update_section(args.out, "bench_cli", text)
    print(text)


if __name__ == "__main__":
    main()
