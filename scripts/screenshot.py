"""Regenerate docs/gantt.png: the built-in default roadmap's Gantt, as the README shows it.

    .venv/bin/python scripts/screenshot.py [--out docs/gantt.png] [--html out/gantt.html]
    .venv/bin/python scripts/screenshot.py --check   # exit 1 when docs/gantt.png is stale

The plan and the status date are pinned, so the picture only changes when the template,
the scheduler or the chart change. The PNG carries the SHA-256 of the page it shows (a
``tEXt`` chunk, :data:`KEY`), computed from the page's HTML without the inlined plotly.js
and locale (their release is recorded instead): a test (tests/test_gantt_page.py)
recomputes it and fails when the picture is out of date. Pixels are not compared, since
fonts differ between machines; the page's text is the same everywhere. Needs Debian's
``chromium``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import struct
import sys
import tempfile
import zlib
from pathlib import Path

from plotly.offline import get_plotlyjs_version

from roadmap.engine.scheduler import schedule
from roadmap.gantt.browser import DevTools
from roadmap.gantt.figure import gantt_figure, write_gantt_html
from roadmap.gantt.page import locale_script, page, plotly_script
from roadmap.plan.loader import parse_plan
from roadmap.templates.newplan import default_plan_text

TODAY = dt.date(2026, 11, 16)  # the default plan starts on the first Monday of December
STATUS = dt.date(2027, 3, 1)
WIDTH, HEIGHT = 1600, 1000
KEY = b"roadmap-page-sha256"
ROOT = Path(__file__).resolve().parent.parent
PNG = ROOT / "docs" / "gantt.png"


def pinned_schedule():
    """The default roadmap made on TODAY, scheduled with the status date STATUS."""
    return schedule(parse_plan(default_plan_text(TODAY)), STATUS)


def page_digest(result=None) -> str:
    """SHA-256 of what the screenshot shows: the page's HTML with plotly.js and its
    locale replaced by their release (the bundle's bytes differ between builds of the
    same release; its release is what matters)."""
    result = result or pinned_schedule()
    text = page(result, gantt_figure(result))
    text = text.replace(plotly_script(), f"plotly.js {get_plotlyjs_version()}", 1)
    locale = locale_script(result.language)
    if locale:
        text = text.replace(locale, "plotly locale", 1)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def with_text_chunk(png: bytes, key: bytes, value: str) -> bytes:
    """The PNG with a ``tEXt`` chunk ``key``=``value`` before its IEND chunk."""
    data = key + b"\0" + value.encode("latin-1")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    end = png.rindex(b"IEND") - 4
    return png[:end] + chunk + png[end:]


def text_chunks(png: bytes) -> dict[bytes, str]:
    """The PNG's ``tEXt`` chunks."""
    found, at = {}, 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"tEXt":
            key, _, value = png[at + 8:at + 8 + length].partition(b"\0")
            found[key] = value.decode("latin-1")
        at += 12 + length
    return found


def recorded_digest(path=PNG) -> str:
    return text_chunks(Path(path).read_bytes()).get(KEY, "")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=PNG, type=Path)
    parser.add_argument("--html", type=Path, help="also keep the HTML page here")
    parser.add_argument("--check", action="store_true", help="only say whether --out is up to date")
    args = parser.parse_args(argv)
    result = pinned_schedule()
    digest = page_digest(result)
    if args.check:
        fresh = args.out.exists() and recorded_digest(args.out) == digest
        print(f"{args.out}: {'up to date' if fresh else 'out of date: run scripts/screenshot.py'}")
        return 0 if fresh else 1
    with tempfile.TemporaryDirectory() as folder:
        html = Path(args.html) if args.html else Path(folder) / "gantt.html"
        write_gantt_html(result, html)
        shot = Path(folder) / "gantt.png"
        with DevTools(WIDTH, HEIGHT) as browser:
            browser.open(html)
            browser.settle()
            # The header and the chart, not the tables below.
            bottom = browser.evaluate("Math.ceil(document.querySelector('.chart').getBoundingClientRect().bottom"
                                      " + scrollY + 8)")
            browser.viewport(WIDTH, int(bottom))
            browser.open(html)
            browser.settle()
            browser.screenshot(shot)
            console = browser.console
        if console:
            print("\n".join(console), file=sys.stderr)
            return 1
        args.out.write_bytes(with_text_chunk(shot.read_bytes(), KEY, digest))
    print(f"{args.out}: {WIDTH} x {bottom} px, page {digest[:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
