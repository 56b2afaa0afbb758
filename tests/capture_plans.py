"""pytest plugin: record every plan text the loader reads, for tests/test_diagnostics_same.py.

    CAPTURE_PLANS=/tmp/plans.jsonl PYTHONPATH=tests .venv/bin/pytest -q -p capture_plans \\
        tests/test_diagnostics.py tests/test_plan_input.py ...
    .venv/bin/python tests/test_diagnostics_same.py --write /tmp/plans.jsonl

Each line: the file name the loader was given, the command-line options and the text.
"""
import json
import os

from roadmap.plan import loader

OUT = os.environ["CAPTURE_PLANS"]
_read = loader._Reader.read


def read(self, text):
    try:
        options = json.loads(json.dumps(self.option_overrides, default=str))
    except (TypeError, ValueError):
        options = {}
    with open(OUT, "a", encoding="utf-8") as stream:
        stream.write(json.dumps({"file": self.c.file, "text": text, "options": options}) + "\n")
    return _read(self, text)


loader._Reader.read = read
