"""Regenerate docs/gantt.png: the built-in default roadmap's Gantt, as the README shows it.

    .venv/bin/python scripts/screenshot.py [--out docs/gantt.png] [--html out/gantt.html]

The plan and the status date are pinned, so the picture only changes when the template,
the scheduler or the chart change. Needs Debian's ``chromium``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from roadmap.gantt.figure import gantt_figure, write_gantt_html
from roadmap.gantt.browser import screenshot
from roadmap.plan.loader import parse_plan
from roadmap.engine.scheduler import schedule
from roadmap.templates.newplan import default_plan_text

TODAY = dt.date(2026, 11, 16)  # the default plan starts on the first Monday of December
STATUS = dt.date(2027, 3, 1)
WIDTH = 1600


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--out", default=root / "docs" / "gantt.png", type=Path)
    parser.add_argument("--html", type=Path, help="also keep the HTML page here")
    args = parser.parse_args(argv)
    result = schedule(parse_plan(default_plan_text(TODAY)), STATUS)
    height = int(gantt_figure(result).layout.height) + 20  # the chart, not the table below
    with tempfile.TemporaryDirectory() as folder:
        page = Path(args.html) if args.html else Path(folder) / "gantt.html"
        write_gantt_html(result, page)
        rendered = screenshot(page, args.out, WIDTH, height)
    if rendered.console:
        print("\n".join(rendered.console), file=sys.stderr)
        return 1
    print(f"{args.out}: {WIDTH} x {height} px")
    return 0


if __name__ == "__main__":
    sys.exit(main())
