"""The Gantt page in a real headless Chromium, offline: it renders, quietly and safely.

These tests need the Debian package ``chromium`` (CI installs it). Without it they fail
with a message saying so; they are never skipped. Screenshots and PDFs are kept under
test-artifacts/ for a human to look at.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from roadmap.gantt.figure import write_gantt_html
from roadmap.gantt.browser import BrowserMissing, dump_dom, find_chromium, print_pdf, screenshot
from roadmap.gantt.page import RENDERED_ATTRIBUTE
from test_gantt import EVIL, sample_schedule

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
TODAY = dt.date(2026, 11, 16)  # the plan starts on the first Monday after this month
STATUS = dt.date(2027, 3, 1)


def _chromium() -> None:
    try:
        find_chromium()
    except BrowserMissing as error:
        pytest.fail(str(error), pytrace=False)


def default_schedule(language: str = "de"):
    """The built-in default roadmap, scheduled with a pinned status date."""
    from roadmap.plan.loader import parse_plan
    from roadmap.engine.scheduler import schedule
    from roadmap.templates.library import default_start
    from roadmap.templates.newplan import default_plan_text, plan_text

    text = (default_plan_text(TODAY) if language == "de"
            else plan_text(start=default_start(TODAY), language=language))
    return schedule(parse_plan(text), STATUS)


def _without_scripts(dom: str) -> str:
    return re.sub(r"<script\b.*?</script>", "", dom, flags=re.S)


def _rendered(schedule, name):
    _chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / f"{name}.html"
    write_gantt_html(schedule, page)
    return page, dump_dom(page)


@pytest.fixture(scope="module")
def default_de():
    schedule = default_schedule("de")
    page, rendered = _rendered(schedule, "gantt-default-de")
    return schedule, page, rendered


def _months(dom: str) -> set[str]:
    """The month names on the x axis (each tick reads "Jan<br>2027" or "Feb<br> ")."""
    return set(re.findall(r'<g class="xtick"><text [^>]*data-unformatted="([^&"]+)&lt;br&gt;', dom))


def _task_bars(dom: str) -> int:
    """Bars drawn with a visible fill (the critical-path outlines are transparent)."""
    count = 0
    for trace in re.findall(r'<g class="trace bars".*?</g></g></g>', dom, flags=re.S):
        count += len(re.findall(r'<g class="point"><path [^>]*fill-opacity: 1;', trace))
    return count


def _diamonds(dom: str) -> int:
    """Diamond markers that carry a package id (customdata): milestones and decisions."""
    return len(re.findall(r'<path class="point plotly-customdata"[^>]* d="M[\d.]+,0L0,[\d.]+L-', dom))


def test_default_roadmap_renders_one_bar_per_task_one_diamond_per_milestone(default_de):
    schedule, _, rendered = default_de
    tasks = [p for p in schedule.packages if not p.is_milestone]
    instants = [p for p in schedule.packages if p.is_milestone]
    assert RENDERED_ATTRIBUTE in rendered.dom, "the plot never finished rendering"
    dom = _without_scripts(rendered.dom)
    # and one bar per role and week of load in the strip under the chart (roles, needs)
    weeks = sum(1 for week in schedule.load.weeks() if week.ratio is not None
                for r in schedule.load.shown() if week.ratio[r] > 0)
    assert weeks > 100
    # a recurring task (steering group, office hours) has one bar per occurrence; a recurring
    # milestone (the progress report) is drawn as dots, not diamonds
    assert _task_bars(dom) == sum(len(p.occurrences) or 1 for p in tasks) + weeks
    assert _diamonds(dom) == sum(1 for p in instants if not p.occurrences)


def test_page_logs_nothing_to_the_console(default_de):
    _, _, rendered = default_de
    assert rendered.console == []


def test_german_month_names_on_the_axis(default_de):
    _, _, rendered = default_de
    ticks = _months(_without_scripts(rendered.dom))
    assert {"Mär", "Mai", "Okt", "Dez"} <= ticks, ticks


def test_english_plan_has_english_month_names():
    _, rendered = _rendered(default_schedule("en"), "gantt-default-en")
    ticks = _months(_without_scripts(rendered.dom))
    assert {"Mar", "May", "Oct", "Dec"} <= ticks, ticks
    assert rendered.console == []


def test_markup_in_plan_text_stays_text():
    _, rendered = _rendered(sample_schedule(), "gantt-escaping")
    assert rendered.console == []  # alert() or a failed image load would log here
    dom = _without_scripts(rendered.dom)
    assert "<img" not in dom
    assert rendered.dom.count("<script") == 4  # plotly, locale, chart data, page script: none injected
    # The row label beside the chart shows the characters the user typed.
    assert f'<span class="name">{EVIL.replace("<", "&lt;").replace(">", "&gt;")}</span>' in dom


def test_screenshot_and_print(default_de):
    _, page, _ = default_de
    png, pdf = ARTIFACTS / "gantt-default-de.png", ARTIFACTS / "gantt-default-de.pdf"
    for stale in (png, pdf):
        stale.unlink(missing_ok=True)
    assert screenshot(page, png, 1600, 1400).console == []
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert print_pdf(page, pdf).console == []
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    # The default roadmap's 74 chart rows are too many for A3 landscape at 8 pt, so A3
    # portrait: 297 x 420 mm = 841.89 x 1190.55 pt; the chart on page 1, the table of
    # milestones and decisions (with their driving paths) from page 2 on.
    assert re.search(r"Page size:\s+84\d(\.\d+)? x 119\d(\.\d+)? pts", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], capture_output=True,
                            text=True).stdout
    assert pages >= 2 and second.startswith("Meilensteine und Beschlüsse – Smart-City-Kickoff Musterstadt"), second
