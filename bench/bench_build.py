"""Time ``roadmap build`` for the default roadmap and a generated 2,000-package plan.

Each case runs the real command line (a fresh Python process, as a user runs it) five
times and reports the median wall time, plus the median of the in-process parts (load,
schedule, Excel, HTML) so a slow run can be traced to its stage. Writes
docs/performance-build.md.

Usage: python bench/bench_build.py [--runs 5] [--out docs/performance-build.md]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STATUS = dt.date(2027, 3, 1)
ROADMAP = pathlib.Path(sys.executable).with_name("roadmap")


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        function()
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def cli_time(plan: str | None, out: pathlib.Path, runs: int) -> float:
    args = [str(ROADMAP), "build"] + ([plan] if plan else []) + [
        "-o", str(out), "--status-date", STATUS.isoformat()]
    return median_time(lambda: subprocess.run(args, check=True, capture_output=True), runs)


def stages(plan: str | None, out: pathlib.Path, runs: int) -> dict[str, float]:
    """Median seconds of each stage, in process."""
    from roadmap.build import load
    from roadmap.excel import write_excel
    from roadmap.excel_gantt import weeks
    from roadmap.gantt import write_gantt_html
    from roadmap.scheduler import schedule

    loaded = load(plan, status_date=STATUS)
    result = schedule(loaded, STATUS)
    return {
        "load": median_time(lambda: load(plan, status_date=STATUS), runs),
        "schedule": median_time(lambda: schedule(loaded, STATUS), runs),
        "excel": median_time(lambda: write_excel(result, out / "stage.xlsx"), runs),
        "html": median_time(lambda: write_gantt_html(result, out / "stage.html"), runs),
        "packages": len(result.packages),
        "weeks": len(weeks(result)),
        "xlsx_kb": None,
    }


def machine() -> list[str]:
    model = ""
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import openpyxl
    return [f"- CPU: {model or platform.processor() or 'unknown'}, {os.cpu_count()} logical cores",
            f"- {platform.platform()}, Python {platform.python_version()}, openpyxl {openpyxl.__version__}"]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(HERE.parent / "docs" / "performance-build.md"))
    args = parser.parse_args(argv)

    from generate import generate, write_yaml

    rows = []
    with tempfile.TemporaryDirectory() as temp:
        temp = pathlib.Path(temp)
        big = temp / "generated-2000.yaml"
        write_yaml(generate(2000), big)
        for label, plan in (("default roadmap (kickoff)", None), ("generated, 2,000 packages", str(big))):
            out = temp / "out"
            total = cli_time(plan, out, args.runs)
            parts = stages(plan, out, args.runs)
            name = "kickoff" if plan is None else "generated-2000"
            parts["xlsx_kb"] = (out / f"{name}.xlsx").stat().st_size // 1024
            parts["html_kb"] = (out / f"{name}.html").stat().st_size // 1024
            rows.append((label, total, parts))
            print(f"{label}: {total:.2f} s", file=sys.stderr)

    lines = ["# Performance of `roadmap build`", "",
             f"Median of {args.runs} runs, measured with `python bench/bench_build.py` on "
             f"{dt.date.today().isoformat()}:", ""] + machine() + [
        "", "| plan | packages | weeks in the Zeitplan | `roadmap build` (CLI, wall) | load | schedule | "
            "Excel | HTML Gantt | .xlsx | .html |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, total, p in rows:
        lines.append(f"| {label} | {p['packages']:,} | {p['weeks']} | {total:.2f} s | {p['load']:.2f} s | "
                     f"{p['schedule']:.3f} s | {p['excel']:.2f} s | {p['html']:.2f} s | "
                     f"{p['xlsx_kb']:,} KB | {p['html_kb']:,} KB |")
    lines += ["", "The CLI time includes starting Python and importing pandas, plotly and openpyxl. "
              "The stages are timed in one process (load = YAML and validation, or the built-in "
              "template). The Excel stage writes one conditional-formatting rule set per phase, "
              "not one fill per cell, and one ◆ formula per week in milestone rows only; "
              "its cost grows with packages × weeks of milestones and with the number of rows.", ""]
    pathlib.Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
