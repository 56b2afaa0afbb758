"""Every diagnostic keeps its file:line (and its words) through the faster loader of issue 15.

The golden was written on the loader before it changed:

- tests/golden/perf/diagnostics.jsonl.gz: every plan text the plan-reading tests handed to
  the loader (captured from test_diagnostics, test_plan_input, the bad-input fuzz tests,
  test_messages, test_robust_cli, test_levelling_plan, test_progress, test_sessions,
  test_decisions, test_links, test_cli_engine, test_templates and test_new_cli), with the
  diagnostics it gave; plans that gave none are left out (the capture: tests/capture_plans.py);
- tests/golden/perf/diagnostic_files.json: every plan file in tests/corpus/, tests/plans/
  and examples/, read from disk as ``roadmap check`` reads it (``load_plan``).

Each diagnostic is compared as ``roadmap check`` prints it (``file:line: error: ... [code]``),
in German and in English. To regenerate after a wanted change of a message:
``.venv/bin/python tests/test_diagnostics_same.py --write`` (keeps the captured texts).
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from roadmap.plan.diagnostics import PlanError
from roadmap.plan.loader import load_plan, parse_plan

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "golden" / "perf" / "diagnostics.jsonl.gz"
FILES = ROOT / "tests" / "golden" / "perf" / "diagnostic_files.json"
FOLDERS = ("tests/corpus", "tests/plans", "examples")


def _rendered(read) -> list[str]:
    try:
        diagnostics = read().warnings
    except PlanError as error:
        diagnostics = error.diagnostics
    # messages that name a file's absolute path hold the checkout's folder: <ROOT> instead,
    # so the golden holds on every machine
    return [d.render(language).replace(str(ROOT), "<ROOT>") for language in ("de", "en") for d in diagnostics]


def text_cases() -> list[dict]:
    with gzip.open(TEXTS, "rt", encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


def plan_files() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for folder in FOLDERS
                  for path in (ROOT / folder).rglob("*.yaml") if path.is_file())


def read_text_case(case: dict) -> list[str]:
    return _rendered(lambda: parse_plan(case["text"], case["file"], ROOT / "tests", case["options"]))


def read_file_case(name: str) -> list[str]:
    return _rendered(lambda: load_plan(name))


def test_every_captured_plan_keeps_its_diagnostics():
    changed = []
    for number, case in enumerate(text_cases()):
        got = read_text_case(case)
        if got != case["expect"]:
            changed.append((number, case["expect"][:3], got[:3]))
    assert not changed, f"{len(changed)} plans changed, the first: {changed[:3]}"


@pytest.mark.parametrize("name", sorted(json.loads(FILES.read_text(encoding="utf-8"))))
def test_every_plan_file_keeps_its_diagnostics(name, monkeypatch):
    """Every plan file the golden knows (files added later have no "before")."""
    monkeypatch.chdir(ROOT)
    expected = json.loads(FILES.read_text(encoding="utf-8"))
    assert (ROOT / name).is_file(), f"{name} is gone: regenerate the golden (see the module's docstring)"
    assert read_file_case(name) == expected[name]


def _write() -> None:
    import os

    os.chdir(ROOT)
    cases = text_cases() if TEXTS.exists() else []
    if len(sys.argv) > 2:  # --write CAPTURE.jsonl: the texts a capture run recorded
        seen = set()
        cases = []
        for line in open(sys.argv[2], encoding="utf-8"):
            record = json.loads(line)
            file = Path(record["file"]).name
            if file == "kickoff.yaml" and record["options"]:
                continue  # the template under every option: valid, and large
            key = (file, record["text"], json.dumps(record["options"], sort_keys=True))
            if key not in seen:
                seen.add(key)
                cases.append({"file": file, "options": record["options"], "text": record["text"]})
    kept = []
    for case in cases:
        case["expect"] = read_text_case(case)
        if case["expect"]:
            kept.append(case)
    with gzip.open(TEXTS, "wt", encoding="utf-8", compresslevel=9) as stream:
        stream.writelines(json.dumps(case, ensure_ascii=False) + "\n" for case in kept)
    FILES.write_text(json.dumps({name: read_file_case(name) for name in plan_files()},
                                ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(kept)} plan texts to {TEXTS} and {len(plan_files())} files to {FILES}")


if __name__ == "__main__":
    if sys.argv[1:2] != ["--write"]:
        sys.exit("usage: tests/test_diagnostics_same.py --write [CAPTURE.jsonl]")
    _write()
