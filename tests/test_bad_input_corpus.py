"""The bad-input corpus: every broken, hostile or oversized input gets a clear answer.

Each folder in tests/corpus/ is one case (see tests/corpus/README.md for the format of its
``expect.txt``). A case runs as its own process, as a user would run it, with a time and
memory limit, so a hang or a memory bomb fails the case instead of the test run.
"""
from __future__ import annotations

import os
import resource
import shlex
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
SECONDS = 20
MEMORY = 2 * 1024**3
#: The catch-all messages (German and English): no case may reach them.
UNEXPECTED = ("unerwarteter Fehler", "Error: unexpected ", "Traceback (most recent call last)")


@dataclass
class Case:
    name: str
    run: list[str] = field(default_factory=list)
    exit: int = 1
    stderr: list[str] = field(default_factory=list)
    stdout: list[str] = field(default_factory=list)
    exists: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    setup: list[str] = field(default_factory=list)


def read_case(folder: Path) -> Case:
    case = Case(folder.name)
    for line in (folder / "expect.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if key == "run":
            case.run = shlex.split(value)
        elif key == "exit":
            case.exit = int(value)
        elif key == "env":
            name, _, setting = value.partition("=")
            case.env[name] = setting
        elif key in ("stderr", "stdout", "exists", "missing", "setup"):
            getattr(case, key).append(value)
        else:
            raise ValueError(f"{folder}/expect.txt: unknown line {line!r}")
    return case


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


#: Inputs git cannot hold as files: name -> function(case folder).
SETUPS = {
    "fifo": lambda folder: os.mkfifo(folder / "fifo.ics"),
}

CASES = sorted(p for p in CORPUS.iterdir() if (p / "expect.txt").is_file())


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_bad_input_gets_a_clear_answer(folder, tmp_path):
    case = read_case(folder)
    work = tmp_path / case.name
    shutil.copytree(folder, work)
    for name in case.setup:
        SETUPS[name](work)
    env = {**os.environ, "ROADMAP_LANG": "", **case.env}
    try:
        done = subprocess.run([sys.executable, "-m", "roadmap", *case.run], cwd=work, env=env,
                              capture_output=True, timeout=SECONDS, preexec_fn=_limits)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.name}: no answer within {SECONDS} s")
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    shown = f"\n--- stdout\n{out}\n--- stderr\n{err}"
    assert done.returncode == case.exit, f"exit {done.returncode}, expected {case.exit}{shown}"
    for text in UNEXPECTED:
        assert text not in out + err, shown
    for expected in case.stderr:
        assert expected.replace("{dir}", str(work)) in err, f"missing on stderr: {expected!r}{shown}"
    for expected in case.stdout:
        assert expected.replace("{dir}", str(work)) in out, f"missing on stdout: {expected!r}{shown}"
    for path in case.exists:
        assert (work / path).exists(), f"{path} was not written{shown}"
    for path in case.missing:
        assert not (work / path).exists(), f"{path} should not exist{shown}"
    _check_outputs(work)


def _check_outputs(work: Path) -> None:
    """Whatever a run wrote is whole: workbooks reopen, pages end, no temporary files."""
    from openpyxl import load_workbook

    for book in work.rglob("*.xlsx"):
        with zipfile.ZipFile(book) as archive:
            assert archive.testzip() is None, book
        load_workbook(book).close()
    for page in work.rglob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page
    leftovers = [p.name for p in work.rglob("*.tmp")]
    assert not leftovers, leftovers
