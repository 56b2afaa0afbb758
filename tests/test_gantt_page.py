"""The Gantt page in Chromium at the screens of a council room: labels on their rows,
whole names, no overlapping text, presentation mode by mouse, keyboard and address,
the driving path, the link buttons, print, and the README's screenshot.

Driven over the DevTools protocol (roadmap.gantt.browser.DevTools), offline; positions
are measured with getBoundingClientRect (tests/gantt_checks.py). These tests need the
Debian package ``chromium`` (CI installs it) and fail, never skip, without it.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from gantt_checks import VIEWPORTS, measure
from roadmap.gantt.browser import BrowserMissing, DevTools, find_chromium, print_pdf
from roadmap.gantt.figure import write_gantt_html
from test_gantt import sample_schedule
from test_gantt_browser import default_schedule

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
STATUS = dt.date(2027, 3, 1)
READY = "document.documentElement.hasAttribute('data-gantt-ready')"


@pytest.fixture(scope="module")
def browser():
    try:
        find_chromium()
    except BrowserMissing as error:
        pytest.fail(str(error), pytrace=False)
    with DevTools(1280, 800) as devtools:
        yield devtools


def _example(name):
    from roadmap.engine.scheduler import schedule
    from roadmap.plan.loader import load_plan

    return schedule(load_plan(ROOT / "examples" / f"{name}.yaml"), STATUS)


def _generated(n=200):
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate  # noqa: E402
    from roadmap.engine.scheduler import schedule

    return schedule(generate(n), STATUS)


PLANS = {"default": default_schedule, "plettenberg": lambda: _example("plettenberg"),
         "soest": lambda: _example("soest"), "generated-200": _generated}


def _page(schedule, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"gantt-page-{name}.html"
    write_gantt_html(schedule, path)
    return path


def _open(browser, page, width, height, scale=1.0, hash_=""):
    browser.console.clear()
    browser.viewport(width, height, scale)
    browser.open(page, hash_)
    browser.settle()


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_labels_on_their_rows_whole_names_and_no_overlapping_text_at_five_screens(browser, plan):
    """Issue 11, points 1, 2 and 7, for the default roadmap, both examples and a generated
    200-package plan: at 1024 x 768, 1280 x 800, 1366 x 768, 1920 x 1080 and 1920 x 1080
    at 150 % (1280 x 720 CSS px), each label's vertical centre is within 3 px of its
    bar's, diamond's, session marks' or phase bar's centre; every name is whole; no two
    texts in the chart (labels, months, holiday names, diamond labels) overlap."""
    schedule = PLANS[plan]()
    names = {p.id: p.name for p in schedule.packages}
    page = _page(schedule, plan)
    for width, height, scale in VIEWPORTS:
        _open(browser, page, width, height, scale)
        where = f"{plan} at {width} x {height} x {scale}"
        m = measure(browser)
        assert len([k for k in m.raw["labels"] if k.startswith("package:")]) == len(names), where
        assert m.unmatched() == [], where
        assert m.misaligned(3.0) == [], where
        assert m.cut_names(names) == [], where
        assert m.overlaps() == [], where
        assert m.raw["scrollWidth"] <= m.raw["width"], f"{where}: the page scrolls sideways"
        assert browser.console == [], where
        if (width, height, scale) == (1280, 800, 1.0):
            browser.screenshot(ARTIFACTS / f"gantt-page-{plan}-1280x800.png")


def test_names_of_90_characters_show_whole_on_their_rows(browser):
    import dataclasses

    long_names = {
        "ag": "Lenkungsgruppe mit Verwaltungsvorstand, Personalrat und Fachbereichen einrichten (AG Digi)",
        "stelle": "Digitalisierungsstrategieentwicklungsprozessbegleitungsstelle ausschreiben und neu besetzen",
        "beschluss": "Ratsbeschluss zur Smart-City-Strategie einschließlich Maßnahmenplan und Finanzierungsrahmen",
    }
    assert sorted(len(name) for name in long_names.values()) == [90, 91, 91]
    schedule = sample_schedule()
    schedule.packages = [dataclasses.replace(p, name=long_names.get(p.id, p.name)) for p in schedule.packages]
    page = _page(schedule, "long-names")
    names = {p.id: p.name for p in schedule.packages}
    for width, height, scale in VIEWPORTS[1:]:  # 1280 x 800 and wider
        _open(browser, page, width, height, scale)
        m = measure(browser)
        where = (width, height, scale)
        assert m.cut_names(names) == [], where
        assert m.misaligned(3.0) == [] and m.overlaps() == [], where
    browser.screenshot(ARTIFACTS / "gantt-page-long-names.png")


def test_labels_follow_a_resize_and_a_zoom_without_reloading(browser):
    page = _page(default_schedule(), "default")
    _open(browser, page, 1920, 1080)
    for width, height, scale in [(1024, 768, 1.0), (1280, 720, 1.5), (1366, 768, 1.0)]:
        browser.viewport(width, height, scale)
        browser.settle()
        browser.wait_for(READY)
        browser.settle()
        assert measure(browser).misaligned(3.0) == [], (width, height, scale)
    # Zoomed into the first half year: every month labelled, names still apart; the zoom
    # stays when the window changes, and zooming out thins the month labels again.
    browser.evaluate("Plotly.relayout('gantt', {'xaxis.range': ['2027-01-01', '2027-07-01']}).then(() => true)")
    browser.settle()
    m = measure(browser)
    assert m.misaligned(3.0) == [] and m.overlaps() == []
    assert browser.evaluate("document.getElementById('gantt')._fullLayout.xaxis.dtick") == "M1"
    browser.viewport(1280, 800)
    browser.settle()
    browser.wait_for(READY)
    assert browser.evaluate("document.getElementById('gantt')._fullLayout.xaxis.range.map(d => d.slice(0, 10))") == \
        ["2027-01-01", "2027-07-01"]
    browser.evaluate("Plotly.relayout('gantt', {'xaxis.range': ['2026-01-01', '2030-01-01']}).then(() => true)")
    browser.settle()
    m = measure(browser)
    assert m.misaligned(3.0) == [] and m.overlaps() == []
    assert browser.evaluate("document.getElementById('gantt')._fullLayout.xaxis.dtick") != "M1"


def _visible_fonts(browser):
    """The font size of every text on screen: HTML text nodes and the chart's SVG texts."""
    return browser.evaluate(r"""(() => {
      const sizes = [];
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walk.nextNode(); node; node = walk.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || el.closest("script, style, .hoverlayer")) { continue; }
        const range = document.createRange(); range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (!box.width || !box.height || box.top > innerHeight || box.bottom < 0) { continue; }
        let hidden = false;
        for (let p = el; p; p = p.parentElement) { if (getComputedStyle(p).display === "none") { hidden = true; } }
        if (!hidden) { sizes.push([parseFloat(getComputedStyle(el).fontSize), node.textContent.trim().slice(0, 30)]); }
      }
      return sizes;
    })()""")


def test_presentation_mode_by_address_fills_the_screen_with_large_text(browser):
    schedule = default_schedule()
    page = _page(schedule, "default")
    for width, height, scale in VIEWPORTS:
        _open(browser, page, width, height, scale, hash_="praesentation")
        where = f"{width} x {height} x {scale}"
        assert browser.evaluate("document.body.classList.contains('presenting')"), where
        m = measure(browser)
        # Phases folded to their summary bars: no package rows, a label per phase.
        assert not [k for k in m.raw["labels"] if k.startswith("package:")], where
        assert len([k for k in m.raw["labels"] if k.startswith("phase:")]) == len(schedule.phases), where
        assert m.misaligned(3.0) == [] and m.overlaps() == [], where
        assert browser.evaluate("document.getElementById('gantt').data"
                                ".filter(t => t.meta.role === 'float').every(t => t.visible === false)"), where
        if (width, height, scale) == (1280, 800, 1.0):
            small = [(size, text) for size, text in _visible_fonts(browser) if size < 16]
            assert small == [], small
            assert m.smallest_font() >= 16
            # The chart reaches the bottom of the screen.
            assert browser.evaluate("document.querySelector('.chart').getBoundingClientRect().bottom") >= 800 - 12
            browser.screenshot(ARTIFACTS / "gantt-page-presentation-1280x800.png")
        assert browser.console == [], where


def test_presentation_with_the_keyboard_alone(browser):
    schedule = default_schedule()
    page = _page(schedule, "default")
    _open(browser, page, 1280, 800)
    active = "document.activeElement && document.activeElement.id"
    for _ in range(5):
        browser.press("Tab")
        if browser.evaluate(active) == "g-present":
            break
    assert browser.evaluate(active) == "g-present"  # the first stop on the page
    browser.press("Enter")
    browser.wait_for(READY)
    assert browser.evaluate("document.body.classList.contains('presenting')")
    assert browser.evaluate("location.hash") == "#praesentation"
    # Tab on to the first phase (its label is a button) and open it with Enter.
    for _ in range(40):
        browser.press("Tab")
        if browser.evaluate("document.activeElement.classList.contains('phase')"):
            break
    phase = browser.evaluate("document.activeElement.dataset.phase")
    browser.press("Enter")
    browser.wait_for(READY)
    browser.settle()
    m = measure(browser)
    members = {f"package:{p.id}" for p in schedule.packages if p.phase == phase}
    assert members and members <= set(m.raw["labels"])
    assert m.misaligned(3.0) == [] and m.overlaps() == []
    # M: only milestones and decisions, of every phase.
    browser.press("m")
    browser.wait_for(READY)
    browser.settle()
    shown = {k for k in measure(browser).raw["labels"] if k.startswith("package:")}
    assert shown == {f"package:{p.id}" for p in schedule.packages if p.is_milestone}
    assert browser.evaluate("location.hash") == "#praesentation+meilensteine"
    browser.press("Escape")
    browser.wait_for(READY)
    assert not browser.evaluate("document.body.classList.contains('presenting')")
    assert browser.console == []


def _centre_of_point(browser, package_id):
    """Where plotly drew a package's diamond or bar, in the window's coordinates."""
    return browser.evaluate(f"""(() => {{
      for (const g of document.querySelectorAll('#gantt g.trace')) {{
        const cd = g.__data__; if (!cd || !cd[0] || !cd[0].trace) continue;
        const trace = cd[0].trace;
        if (!['milestone', 'decision', 'bars'].includes(trace.meta.role)) continue;
        for (const pt of g.querySelectorAll('.point')) {{
          if (trace.customdata[pt.__data__.i] === {package_id!r}) {{
            const el = pt.tagName === 'g' ? pt.querySelector('path') : pt;
            el.scrollIntoView({{block: 'center'}});
            const r = el.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2];
          }}
        }}
      }}
    }})()""")


def test_clicking_a_diamond_shows_its_driving_path(browser):
    page = _page(sample_schedule(), "sample")
    _open(browser, page, 1366, 768)
    x, y = _centre_of_point(browser, "beschluss")
    browser.click(x, y)
    browser.wait_for("!document.getElementById('g-chain').hidden")
    browser.wait_for(READY)
    assert browser.evaluate("document.getElementById('g-chain-title').textContent") == \
        "Treiberkette für „Ratsbeschluss Smart-City-Strategie“"
    assert browser.evaluate("[...document.querySelectorAll('#g-chain-steps li')].map(li => li.textContent)") == [
        "Projektbeginn 11.01.2027", "Lenkungsgruppe einrichten (Ende 05.02.2027)",
        "Bestandsaufnahme digitale Dienste (Ende 02.04.2027)",
        "Strategie-Entwurf und Beschlussvorlage (Ende 28.04.2027)",
        "Ratsbeschluss Smart-City-Strategie (Rat 29.06.2027)"]
    # Drawn over the chart (three links) and marked in the labels.
    assert browser.evaluate("document.getElementById('gantt').data.find(t => t.meta.role === 'chain')"
                            ".y.filter(v => v !== null).length") == 12
    assert browser.evaluate("[...document.querySelectorAll('#gantt-rows .in-chain')].map(e => e.dataset.key)") == [
        "package:ag", "package:analyse", "package:vorlage", "package:beschluss"]
    browser.press("Escape")
    browser.wait_for("document.getElementById('g-chain').hidden")
    # The same from the keyboard: the milestone's name is a button.
    browser.evaluate("document.querySelector('[data-key=\"package:start\"]').focus()")
    browser.press("Enter")
    browser.wait_for("!document.getElementById('g-chain').hidden")
    assert browser.evaluate("document.querySelectorAll('#g-chain-steps li').length") == 6
    assert browser.console == []


def test_link_buttons_switch_the_dependency_lines(browser):
    page = _page(sample_schedule(), "sample")
    _open(browser, page, 1280, 800)
    visible = ("(() => { const d = document.getElementById('gantt').data; const v = r => "
               "d.find(t => t.meta.role === r).visible; return [v('links-critical'), v('links-all')]; })()")
    assert browser.evaluate(visible) == [True, False]
    for mode, expected in (("none", [False, False]), ("all", [True, True]), ("critical", [True, False])):
        browser.evaluate(f"document.querySelector('[data-links=\"{mode}\"]').click()")
        browser.wait_for(READY)
        assert browser.evaluate(visible) == expected, mode
        assert browser.evaluate(f"document.querySelector('[data-links=\"{mode}\"]').getAttribute('aria-pressed')") == "true"


def test_printed_labels_stay_on_their_rows(browser):
    page = _page(default_schedule(), "default")
    _open(browser, page, 1600, 1000)
    browser.send("Emulation.setEmulatedMedia", media="print")
    browser.settle()
    try:
        assert browser.evaluate("document.body.classList.contains('printing')")
        m = measure(browser)
        assert m.misaligned(3.0) == [] and m.overlaps() == []
    finally:
        browser.send("Emulation.setEmulatedMedia", media="")


def test_the_default_roadmap_prints_its_chart_on_one_a3_sheet(tmp_path):
    """Every package name and decision date on page 1; the tables follow."""
    schedule = default_schedule()
    page = _page(schedule, "default")
    pdf = tmp_path / "gantt.pdf"
    assert print_pdf(page, pdf).console == []
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    flat = " ".join(first.split())
    missing = [p.name for p in schedule.packages if " ".join(p.name.split()) not in flat]
    # A wrapped label is two lines of the PDF: every word of it is there.
    missing = [name for name in missing if not all(word in flat for word in name.split())]
    assert missing == []
    for decision in schedule.decisions():
        assert decision.start.strftime("%d.%m.%Y") in flat


def test_readme_screenshot_is_up_to_date():
    """docs/gantt.png records the SHA-256 of the page it shows; regenerate it with
    ``.venv/bin/python scripts/screenshot.py`` when the chart, the template or the
    scheduler changed."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import screenshot

    assert screenshot.recorded_digest() == screenshot.page_digest(), \
        "docs/gantt.png is out of date: run .venv/bin/python scripts/screenshot.py"
