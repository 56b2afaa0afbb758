"""One results file for every benchmark: docs/performance.md, one section per script.

Each bench script owns the part of the file between ``<!-- begin NAME -->`` and
``<!-- end NAME -->`` (NAME = the script's name without ``.py``) and replaces only that
part with :func:`update_section`; the intro and the other sections stay as they are. A
missing file is created with the intro and an empty slot per script. The file is written
with roadmap's own atomic writer (roadmap.output.atomic_write).

Also here: what every section states about the machine and the command it was run with.
"""
from __future__ import annotations

import datetime as dt
import os
import pathlib
import platform
import re
import shlex
import subprocess
import sys

from roadmap.output import atomic_write_text

REPO = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "docs" / "performance.md"
SECTIONS = ("bench_schedule", "bench_gantt", "bench_build", "bench_cli")

INTRO = """# Performance

Benchmarks live in `bench/`; each script writes its own section of this file (between
`<!-- begin … -->` / `<!-- end … -->` markers) and leaves the rest alone. Run from the
repository root:

    .venv/bin/python bench/bench_schedule.py   # scheduling 1k/10k/100k packages vs networkx
    .venv/bin/python bench/bench_gantt.py      # Gantt page load in headless Chromium vs px.timeline
    .venv/bin/python bench/bench_build.py      # roadmap build: Excel + HTML vs pandas/plotly.express

Every figure is a median of several runs, compared with a peer on the same input in the
same run; each section names its machine, command, number of runs and date, and opens
with its headline numbers.

## Summary

_Hand-maintained: after a full run of the three scripts, copy their headline numbers here._
"""


def _markers(name: str) -> tuple[str, str]:
    if not re.fullmatch(r"[\w.-]+", name):
        raise ValueError(f"bad section name {name!r}")
    return f"<!-- begin {name} -->", f"<!-- end {name} -->"


def _slot(name: str, markdown: str | None = None) -> str:
    begin, end = _markers(name)
    body = markdown if markdown is not None else (
        f"_Not measured yet: run `.venv/bin/python bench/{name}.py`._")
    return f"{begin}\n{body.strip()}\n{end}\n"


def new_file() -> str:
    """The intro and an empty slot for every known section."""
    return INTRO + "".join("\n" + _slot(name) for name in SECTIONS)


def replace_section(text: str, name: str, markdown: str) -> str:
    """``text`` with section ``name`` replaced by ``markdown`` (appended if it has no slot)."""
    begin, end = _markers(name)
    starts = [m.start() for m in re.finditer(re.escape(begin), text)]
    ends = [m.start() for m in re.finditer(re.escape(end), text)]
    if not starts and not ends:
        return text.rstrip("\n") + "\n\n" + _slot(name, markdown)
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise ValueError(f"section {name}: expected one '{begin}' followed by one '{end}', "
                         f"found {len(starts)} begin and {len(ends)} end markers; fix the file by hand")
    stop = ends[0] + len(end)
    if text[stop:stop + 1] == "\n":
        stop += 1
    return text[:starts[0]] + _slot(name, markdown) + text[stop:]


def update_section(path, name: str, markdown: str) -> pathlib.Path:
    """Replace only section ``name`` of the results file ``path`` with ``markdown``.

    Creates the file (intro + a slot per script) if it is missing. Raises ValueError,
    leaving the file untouched, if its markers for ``name`` are broken.
    """
    path = pathlib.Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else new_file()
    text = replace_section(text, name, markdown)
    atomic_write_text(path, text)
    return path


# ---- what every section states --------------------------------------------------------


def cpu_name() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine(*versions: str) -> list[str]:
    """Markdown bullet lines: CPU, cores, OS, Python and the given library versions."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    python = f"Python {platform.python_version()} ({platform.python_implementation()})"
    return [f"- Machine: {cpu_name()}, {os.cpu_count()} logical cores ({usable} usable), "
            f"{platform.system()} {platform.release()}",
            "- " + ", ".join((python,) + versions)]


def load_average() -> str:
    try:
        return f"load average {os.getloadavg()[0]:.2f} at the end of the run"
    except OSError:
        return "load average unknown"


def command(script: str, argv: list[str] | None) -> str:
    """The command line as run from the repository root, e.g. ``.venv/bin/python bench/x.py``."""
    args = sys.argv[1:] if argv is None else list(argv)
    python = pathlib.Path(sys.executable)
    try:
        shown = str(python.relative_to(REPO))  # .venv/bin/python: keep the venv's link
    except ValueError:
        shown = "python"
    script_path = pathlib.Path(script).resolve()
    try:
        script_shown = str(script_path.relative_to(REPO))
    except ValueError:
        script_shown = str(script_path)
    return shlex.join([shown, script_shown, *args])


def today() -> str:
    return dt.date.today().isoformat()


def revision() -> str:
    """The commit measured, e.g. ``roadmap at commit e958e9e``, flagging uncommitted changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True,
                              check=True).stdout.strip()
    try:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", "roadmap", "pyproject.toml")
    except (OSError, subprocess.CalledProcessError):
        return "roadmap outside a git checkout"
    return f"roadmap at commit {commit}" + (" with uncommitted changes in roadmap/" if dirty else "")


def run_line(script: str, argv: list[str] | None, runs: int, extra: str = "") -> str:
    """First line of every section: date, commit, exact command, runs."""
    return (f"Run on {today()}, {revision()}: `{command(script, argv)}`, "
            f"{runs} runs per figure, medians{extra}.")
