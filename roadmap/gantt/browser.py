"""Open a Gantt page in headless Chromium, offline: DOM after rendering, PNG, PDF.

Used by the browser tests, scripts/screenshot.py and bench/bench_gantt.py. The browser
runs with every host name unresolvable, so a page that tried to load anything from the
network would fail visibly (and the page's Content-Security-Policy forbids it anyway).
Console output is collected from Chromium's log (``CONSOLE`` lines): a finished Gantt
page logs nothing at all.
"""
from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
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


class DevTools:
    """A headless Chromium driven over the DevTools protocol on a pipe (no extra packages).

    Opens pages at a given viewport and device scale factor, runs JavaScript, presses
    keys, clicks and takes screenshots: what the browser tests and scripts/screenshot.py
    need to measure where things land on screen. Use as a context manager::

        with DevTools(1280, 800) as browser:
            browser.open(page)
            boxes = browser.evaluate("...")
    """

    def __init__(self, width: int = 1280, height: int = 800, scale: float = 1.0, timeout: float = 60):
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="roadmap-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def fds():  # Chromium reads commands from fd 3 and writes answers to fd 4
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        command = [find_chromium(), "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                   "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                   "--disable-background-networking", "--disable-component-update", "--mute-audio",
                   "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars",
                   f"--user-data-dir={self._profile.name}", "--remote-debugging-pipe",
                   f"--window-size={width},{height}", "about:blank"]
        self._process = subprocess.Popen(command, pass_fds=(3, 4), preexec_fn=fds,
                                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL,
                                         env={**os.environ, "LANG": "de_DE.UTF-8"})
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer, self._next_id, self._events = b"", 0, []
        self.console: list[str] = []
        targets = self._send("Target.getTargets")["targetInfos"]
        page = next(t["targetId"] for t in targets if t["type"] == "page")
        self._session = self._send("Target.attachToTarget", targetId=page, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime"):
            self.send(f"{domain}.enable")
        self.viewport(width, height, scale)

    # ---- protocol -----------------------------------------------------------------------
    def _send(self, method: str, session: str | None = None, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        wanted = self._next_id
        while True:
            reply = self._read()
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def send(self, method: str, **params) -> dict:
        """One DevTools command on the page; returns its result."""
        return self._send(method, self._session, **params)

    def _read(self) -> dict:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium exited")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(raw)
        if "method" in message:
            self._event(message)
        return message

    def _event(self, message: dict) -> None:
        method, params = message["method"], message.get("params", {})
        if method == "Runtime.consoleAPICalled":
            self.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.console.append(details.get("exception", {}).get("description", details.get("text", "")))
        self._events.append(method)

    def _wait_event(self, method: str) -> None:
        while method not in self._events:
            self._read()
        self._events.remove(method)

    # ---- what the tests use ----------------------------------------------------------------
    def viewport(self, width: int, height: int, scale: float = 1.0) -> None:
        """The CSS viewport and device scale factor (1920 x 1080 at 150 % is 1280 x 720 at 1.5)."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=scale, mobile=False)

    def open(self, page, hash_: str = "",
             ready: str = "document.documentElement.hasAttribute('data-gantt-ready')") -> None:
        """Load a file and wait until ``ready`` (a JS expression) holds."""
        url = Path(page).resolve().as_uri() + (f"#{hash_}" if hash_ else "")
        for target in ("about:blank", url):  # a fresh load, even when only the hash differs
            self._events.clear()
            self.send("Page.navigate", url=target)
            self._wait_event("Page.loadEventFired")
        self.wait_for(ready)

    def evaluate(self, expression: str):
        """The value of a JS expression (promises are awaited); page errors raise."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description", result))
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or self.timeout)
        while not self.evaluate(f"!!({expression})"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"page never reached: {expression}")
            time.sleep(0.05)

    def settle(self) -> None:
        """Wait two animation frames (after a resize, a click or a key)."""
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => "
                      "setTimeout(r, 50))))")

    def press(self, key: str) -> None:
        """Press and release a key: ``Tab``, ``Enter``, ``Escape`` or one character."""
        codes = {"Tab": 9, "Enter": 13, "Escape": 27, " ": 32}
        code = codes.get(key, ord(key.upper()) if len(key) == 1 else 0)
        text = {"Enter": "\r", " ": " "}.get(key, key if len(key) == 1 else "")
        self.send("Input.dispatchKeyEvent", type="keyDown" if text else "rawKeyDown", key=key,
                  windowsVirtualKeyCode=code, text=text)
        self.send("Input.dispatchKeyEvent", type="keyUp", key=key, windowsVirtualKeyCode=code)

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def hover(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def screenshot(self, png, full_page: bool = False) -> None:
        params = {"format": "png"}
        if full_page:
            size = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True,
                          clip=dict(x=0, y=0, width=size[0], height=size[1], scale=1))
        data = self.send("Page.captureScreenshot", **params)["data"]
        Path(png).write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self._send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    def __enter__(self) -> "DevTools":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
