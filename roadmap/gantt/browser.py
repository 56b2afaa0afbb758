"""Open a Gantt page in headless Chromium, offline: DOM after rendering, PNG, PDF.

Used by the browser tests, scripts/screenshot.py and bench/bench_gantt.py. The browser
runs with every host name unresolvable, so a page that tried to load anything from the
network would fail visibly (and the page's Content-Security-Policy forbids it anyway).
Console output is collected from Chromium's log (``CONSOLE`` lines): a finished Gantt
page logs nothing at all.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CONSOLE = re.compile(r":CONSOLE(?::\d+)?\]\s*(.*)")


class BrowserMissing(RuntimeError):
    """No Chromium on this machine."""


@dataclass
class Rendered:
    dom: str
    console: list[str]  # every console message the page produced
    log: str


def find_chromium() -> str:
    """Path of the Chromium binary (``$CHROMIUM`` first); raises :class:`BrowserMissing`."""
    for name in (os.environ.get("CHROMIUM", ""),) + CANDIDATES:
        if name and shutil.which(name):
            return shutil.which(name)
    raise BrowserMissing("Chromium not found: install the Debian package 'chromium' "
                         "(apt-get install chromium) or set CHROMIUM to the browser binary")


def _run(page: Path, extra: list[str], width: int, height: int, budget_ms: int,
         timeout: int) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="roadmap-chromium-") as profile:
        command = [
            find_chromium(), "--headless", "--disable-gpu", "--no-sandbox",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--metrics-recording-only", "--mute-audio",
            "--host-resolver-rules=MAP * ~NOTFOUND",  # offline: no name resolves
            f"--user-data-dir={profile}", "--hide-scrollbars",
            f"--window-size={width},{height}",
            # Virtual time lets timers run out at once; 0 measures real time (benchmarks).
            *([f"--virtual-time-budget={budget_ms}"] if budget_ms else []),
            "--enable-logging=stderr", "--v=0", *extra, Path(page).resolve().as_uri(),
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "LANG": "de_DE.UTF-8"})


def _console(log: str) -> list[str]:
    return [m.group(1) for m in map(CONSOLE.search, log.splitlines()) if m]


def dump_dom(page, width=1600, height=1000, budget_ms=5000, timeout=120) -> Rendered:
    """The page's DOM after scripts ran for ``budget_ms`` of virtual time."""
    result = _run(Path(page), ["--dump-dom"], width, height, budget_ms, timeout)
    return Rendered(result.stdout, _console(result.stderr), result.stderr)


def screenshot(page, png, width=1600, height=1000, budget_ms=5000, timeout=120) -> Rendered:
    """A PNG of the first ``width`` x ``height`` pixels of the page."""
    result = _run(Path(page), [f"--screenshot={Path(png).resolve()}"], width, height,
                  budget_ms, timeout)
    if not Path(png).exists():
        raise RuntimeError(f"Chromium wrote no screenshot:\n{result.stderr[-2000:]}")
    return Rendered("", _console(result.stderr), result.stderr)


def print_pdf(page, pdf, budget_ms=5000, timeout=120) -> Rendered:
    """Chromium's print-to-PDF of the page (its @page rule picks paper and margins)."""
    result = _run(Path(page), [f"--print-to-pdf={Path(pdf).resolve()}", "--no-pdf-header-footer"],
                  1600, 1000, budget_ms, timeout)
    if not Path(pdf).exists():
        raise RuntimeError(f"Chromium wrote no PDF:\n{result.stderr[-2000:]}")
    return Rendered("", _console(result.stderr), result.stderr)
