"""Start-up: `roadmap check` and `roadmap schedule` run without plotly, openpyxl or pandas.

Each command runs in a fresh interpreter (as a user starts it) and reports which of the
writers' libraries it imported on the way; the import test in test_architecture.py only
imports the modules, this one runs the commands to the end (every output format).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("plotly", "openpyxl", "pandas")
CODE = """
import json, runpy, sys
sys.argv = ["roadmap"] + json.loads(sys.argv[1])
try:
    runpy.run_module("roadmap", run_name="__main__")
except SystemExit as stop:
    code = stop.code
else:
    code = 0
sys.stderr.write(json.dumps({"exit": code, "heavy": sorted(m for m in %r if m in sys.modules)}))
""" % (HEAVY,)


def imported(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CODE, json.dumps(list(args))], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [
    ("check", "examples/plettenberg.yaml"),
    ("check", "roadmap/templates/kickoff.yaml"),
    ("schedule", "examples/plettenberg.yaml"),
    ("schedule", "examples/soest.yaml", "--format", "json"),
    ("schedule", "examples/plettenberg-stand.yaml", "--format", "csv"),
    ("schedule", "roadmap/templates/kickoff.yaml", "--format", "csv-en"),
])
def test_check_and_schedule_never_import_the_writers_libraries(args):
    assert imported(*args) == {"exit": 0, "heavy": []}


def test_a_plan_with_errors_does_not_import_them_either(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("roadmap: 1\nproject: {name: x}\npackages:\n  - {id: a, duration: zwei}\n", encoding="utf-8")
    assert imported("check", str(plan)) == {"exit": 1, "heavy": []}
