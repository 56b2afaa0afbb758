"""Same outputs after the speed work of issue 15: a golden snapshot made before it.

Every case runs a command (in process, through click) or a writer on a plan and compares
the SHA-256 of what came out with tests/golden/perf/outputs.json, which was written on
the code before loading, start-up, the Schedule arrays and the Gantt figure were made
faster. A changed hash means a changed byte: if the change is wanted, regenerate with
``.venv/bin/python tests/test_perf_same.py --write`` and say why in the commit.

Covered: ``roadmap schedule --format json`` and ``csv`` (stdout, and stderr with the
warnings' file:line) on the examples, the test plans, the built-in template and a
generated plan of 1,000 packages; the Gantt page (the whole HTML file) and the figure
JSON of the default roadmap, an example and the generated plan.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "perf" / "outputs.json"
STATUS = "2027-03-01"
PLANS = ["examples/plettenberg.yaml", "examples/plettenberg-stand.yaml", "examples/soest.yaml",
         "tests/plans/default-roadmap.yaml", "tests/plans/excel-300.yaml", "tests/plans/interop.yaml",
         "tests/plans/rathaus.yaml", "roadmap/templates/kickoff.yaml", "GENERATED"]
SCHEDULE_CASES = [(plan, fmt, lang) for plan in PLANS for fmt, lang in
                  (("json", None), ("csv", None), ("json", "en"))]
#: plans with progress up to their own status date: scheduled on it, not on STATUS
OWN_STATUS = ("examples/plettenberg-stand.yaml", "tests/plans/excel-300.yaml")
PAGE_CASES = ["DEFAULT", "examples/plettenberg.yaml", "examples/plettenberg-stand.yaml", "GENERATED"]


def _digest(data) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _generated(folder: Path) -> Path:
    """bench/generate.py's plan of 1,000 packages (fixed seed) as a plan file."""
    path = folder / "generated-1000.yaml"
    if not path.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        try:
            from generate import generate, write_yaml
        finally:
            sys.path.remove(str(ROOT / "bench"))
        write_yaml(generate(1000), path)
    return path


def _plan_arg(plan: str, folder: Path) -> str:
    return str(_generated(folder)) if plan == "GENERATED" else plan


def schedule_output(plan: str, fmt: str, lang: str | None, folder: Path) -> dict:
    where = folder if plan == "GENERATED" else ROOT  # the file as the run names it: relative
    args = ["schedule", os.path.relpath(_plan_arg(plan, folder), where), "--format", fmt]
    if plan not in OWN_STATUS:
        args += ["--status-date", STATUS]
    if lang:
        args += ["--lang", lang]
    old = os.getcwd()
    os.chdir(where)
    try:
        result = CliRunner().invoke(cli, args)
    finally:
        os.chdir(old)
    return {"exit": result.exit_code, "stdout": _digest(result.stdout), "stderr": _digest(result.stderr)}


def page_output(plan: str, folder: Path) -> dict:
    import datetime as dt

    from roadmap.build import load
    from roadmap.engine.scheduler import schedule
    from roadmap.gantt.figure import write_gantt_html
    from roadmap.gantt.page import page_spec, script_json
    from roadmap.gantt.rows import build_layout
    from roadmap.gantt.traces import used_bodies

    status = None if plan in OWN_STATUS else dt.date.fromisoformat(STATUS)  # its own status date
    path = None if plan == "DEFAULT" else str(ROOT / _plan_arg(plan, folder))
    result = schedule(load(path, None, status), status)
    target = folder / "page.html"
    write_gantt_html(result, target)
    layout = build_layout(result, used_bodies(result))
    figure = page_spec(result, _figure(result), layout)["figure"]
    return {"page": _digest(target.read_bytes()), "figure": _digest(script_json(figure))}


def _figure(result):
    """The figure the page writes (plain dicts since issue 15; plotly's before)."""
    from roadmap.gantt import figure

    return figure.figure_data(result) if hasattr(figure, "figure_data") else figure.gantt_figure(result)


def _key(*parts) -> str:
    return " ".join(str(p) for p in parts if p)


def compute(folder: Path) -> dict:
    out = {}
    for plan, fmt, lang in SCHEDULE_CASES:
        out[_key("schedule", plan, fmt, lang)] = schedule_output(plan, fmt, lang, folder)
    for plan in PAGE_CASES:
        out[_key("page", plan)] = page_output(plan, folder)
    return out


def _golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("perf-same")


@pytest.mark.parametrize("plan,fmt,lang", SCHEDULE_CASES)
def test_schedule_output_is_the_same(plan, fmt, lang, folder):
    assert schedule_output(plan, fmt, lang, folder) == _golden()[_key("schedule", plan, fmt, lang)]


@pytest.mark.parametrize("plan", PAGE_CASES)
def test_gantt_page_and_figure_are_the_same(plan, folder):
    assert page_output(plan, folder) == _golden()[_key("page", plan)]


@pytest.mark.parametrize("plan", PAGE_CASES)
def test_the_plotly_figure_holds_what_the_page_writes(plan, folder):
    """gantt_figure (plotly, validated) and the page's plain figure: the same content."""
    import datetime as dt

    from roadmap.build import load
    from roadmap.engine.scheduler import schedule
    from roadmap.gantt.figure import gantt_figure
    from roadmap.gantt.page import script_json

    status = None if plan in OWN_STATUS else dt.date.fromisoformat(STATUS)
    path = None if plan == "DEFAULT" else str(ROOT / _plan_arg(plan, folder))
    result = schedule(load(path, None, status), status)
    plain = json.loads(script_json(_figure(result).to_dict()))
    validated = json.loads(script_json(gantt_figure(result).to_dict()))
    assert validated == plain


if __name__ == "__main__":
    import tempfile

    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: tests/test_perf_same.py --write")
    with tempfile.TemporaryDirectory() as tmp:
        GOLDEN.write_text(json.dumps(compute(Path(tmp)), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print("wrote", GOLDEN)
