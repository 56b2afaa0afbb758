"""The bad-input corpus: every broken, hostile or oversized input gets a clear answer.

Each folder in tests/corpus/ is one case (see tests/corpus/README.md for the format of its
``expect.txt``). A case runs as its own process, as a user would run it, with a time and
memory limit, so a hang or a memory bomb fails the case instead of the test run.
"""
from __future__ import annotations

import datetime
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
    stderr_not: list[str] = field(default_factory=list)
    stdout_not: list[str] = field(default_factory=list)
    exists: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    setup: list[str] = field(default_factory=list)
    stdin: list[str] = field(default_factory=list)
    stdout_to: str | None = None


def read_case(folder: Path) -> Case:
    case = Case(folder.name)
    for line in (folder / "expect.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if key == "run":
            case.run = shlex.split(value)
        elif key == "run-arg":  # one more argument, with backslash escapes (\n, \x1b) decoded
            case.run.append(value.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8"))
        elif key == "stdin":
            case.stdin.append(value)
        elif key == "stdout-to":
            case.stdout_to = value
        elif key == "exit":
            case.exit = int(value)
        elif key == "env":
            name, _, setting = value.partition("=")
            case.env[name] = setting
        elif key in ("stderr", "stdout", "exists", "missing", "setup", "stderr-not", "stdout-not"):
            getattr(case, key.replace("-", "_")).append(value)
        else:
            raise ValueError(f"{folder}/expect.txt: unknown line {line!r}")
    return case


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _sized(name: str, head: bytes, megabytes: int):
    """A file of ``megabytes`` MB that starts with ``head`` (sparse: quick to make)."""
    def make(folder: Path) -> None:
        with open(folder / name, "wb") as stream:
            stream.write(head)
            stream.truncate(megabytes * 1024 * 1024)
    return make


def _events(count: int):
    """``many.ics``: ``count`` council sessions of three bodies, as a large RIS export."""
    def make(folder: Path) -> None:
        bodies = ("Rat der Stadt", "Haupt- und Finanzausschuss", "Ausschuss für Digitales")
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//corpus//many//DE"]
        first = datetime.date(2027, 1, 4)
        for i in range(count):
            day = (first + datetime.timedelta(days=i % 3000)).strftime("%Y%m%d")
            lines += ["BEGIN:VEVENT", f"UID:e{i}@corpus", "DTSTAMP:20261101T000000Z",
                      f"DTSTART;TZID=Europe/Berlin:{day}T170000", f"DTEND;TZID=Europe/Berlin:{day}T190000",
                      f"SUMMARY:{bodies[i % 3]} ({i})", "END:VEVENT"]
        (folder / "many.ics").write_text("\r\n".join(lines + ["END:VCALENDAR", ""]), encoding="utf-8")
    return make


#: Inputs git cannot hold as files: name -> function(case folder).
SETUPS = {
    "fifo": lambda folder: os.mkfifo(folder / "fifo.ics"),
    # made here, not committed: .gitignore leaves out every out/ folder
    "html-is-a-folder": lambda folder: (folder / "out" / "plan.html").mkdir(parents=True),
    "stale-temps": lambda folder: _stale_temps(folder),
    "symlink-loop-out": lambda folder: os.symlink("loop", folder / "loop"),
    "plan-10001": lambda folder: _many_packages(folder / "plan.yaml", 10_001),
    "fifo-plan": lambda folder: os.mkfifo(folder / "plan.yaml"),
    "dev-zero": lambda folder: os.symlink("/dev/zero", folder / "zero.ics"),
    "dev-urandom": lambda folder: os.symlink("/dev/urandom", folder / "urandom.ics"),
    "dev-stdin": lambda folder: os.symlink("/dev/stdin", folder / "stdin.ics"),
    "dev-zero-plan": lambda folder: os.symlink("/dev/zero", folder / "plan.yaml"),
    "big-ics": _sized("big.ics", b"BEGIN:VCALENDAR\r\n", 51),
    "big-plan": _sized("plan.yaml", b"roadmap: 1\n", 21),
    "100k-events": _events(100_000),
}

def _stale_temps(folder: Path) -> None:
    """Temporary files a killed ``roadmap build`` left in ``out/`` an hour ago (that a
    younger one, of a run still writing, stays is tested in test_robust_outputs.py)."""
    out = folder / "out"
    out.mkdir()
    old = datetime.datetime.now().timestamp() - 3600
    for name in (".plan.xlsx.k1ll3d.tmp", ".plan.html.k1ll3d.tmp", "..plan.pdf.a.tmp.b.tmp",
                 ".plan.xlsx.0ld.old.tmp"):
        (out / name).write_bytes(b"half a file")
        os.utime(out / name, (old, old))


def _many_packages(path: Path, count: int) -> None:
    """A plan of ``count`` packages in a chain of ten-package strands (over the build limit)."""
    lines = ["roadmap: 1", "project: {name: Gross, start: 2027-01-11}", "packages:"]
    for i in range(count):
        after = f", after: [p{i - 10}]" if i >= 10 else ""
        lines.append(f"  - {{id: p{i}, name: Paket {i}, duration: 1d{after}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


CASES = sorted(p for p in CORPUS.iterdir() if (p / "expect.txt").is_file())


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_bad_input_gets_a_clear_answer(folder, tmp_path):
    case = read_case(folder)
    work = tmp_path / case.name
    shutil.copytree(folder, work)
    for name in case.setup:
        SETUPS[name](work)
    env = {**os.environ, "ROADMAP_LANG": "", **case.env}
    stdin = "".join(f"{line}\n" for line in case.stdin).encode("utf-8") if case.stdin else None
    sink = open(case.stdout_to, "wb") if case.stdout_to else subprocess.PIPE
    try:
        done = subprocess.run([sys.executable, "-m", "roadmap", *case.run], cwd=work, env=env,
                              input=stdin, stdout=sink, stderr=subprocess.PIPE, timeout=SECONDS,
                              preexec_fn=_limits)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.name}: no answer within {SECONDS} s")
    finally:
        if case.stdout_to:
            sink.close()
    out = (done.stdout or b"").decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    shown = f"\n--- stdout\n{out}\n--- stderr\n{err}"
    assert done.returncode == case.exit, f"exit {done.returncode}, expected {case.exit}{shown}"
    for text in UNEXPECTED:
        assert text not in out + err, shown
    for expected in case.stderr:
        assert expected.replace("{dir}", str(work)) in err, f"missing on stderr: {expected!r}{shown}"
    for expected in case.stdout:
        assert expected.replace("{dir}", str(work)) in out, f"missing on stdout: {expected!r}{shown}"
    for unwanted in case.stderr_not:
        assert unwanted.replace("{dir}", str(work)) not in err, f"on stderr: {unwanted!r}{shown}"
    for unwanted in case.stdout_not:
        assert unwanted.replace("{dir}", str(work)) not in out, f"on stdout: {unwanted!r}{shown}"
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
    for page in (p for p in work.rglob("*.html") if p.is_file()):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page
    leftovers = [p.name for p in work.rglob("*.tmp")]
    assert not leftovers, leftovers
