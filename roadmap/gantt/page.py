"""The HTML page around the Gantt figure: offline, printable, and safe with any plan text.

The page inlines plotly.js (its basic bundle, see :func:`plotly_script`) and, for German,
plotly's ``de`` locale (roadmap/assets/plotly-locale-de.js, from the npm package
plotly.js-locales, MIT), registered before the plot is drawn: the bundled plotly.js
knows only English, and ``write_html(config={"locale": "de"})`` alone silently stays
English (plotly.py #2302, #4721). A Content-Security-Policy forbids every network
request, so the file behaves the same in a council room without Wi-Fi.

Above the chart: title, status line with the one count, the critical path in a sentence,
view buttons, keys and legend (:mod:`roadmap.gantt.header`). The chart is drawn by the
page's script (roadmap/assets/gantt-page.js) from the figure and the rows handed to it
as JSON (:func:`page_spec`): it sizes each row to its label, places the HTML labels on
their rows after every drawing, and runs the presentation mode, the views, the driving
path and print. Its styles are roadmap/assets/gantt-page.css.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from importlib.metadata import version

from roadmap.gantt import plain as go  # plotly-shaped dicts, no validators (gantt/plain.py)
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from roadmap.engine.result import Schedule
from roadmap.gantt.chains import chain_path, chain_steps
from roadmap.gantt.frame import PRINT_FIT, SIZES, x_range
from roadmap.gantt.header import (labels_html, legend_html, notes_html, status_html, title_text,
                                  toolbar_html)
from roadmap.gantt.rows import Layout, build_layout, consultations_text, day_text, html_text
from roadmap.gantt.traces import used_bodies
from roadmap.output import atomic_write_text
from roadmap.text import format_date, t, word

RENDERED_ATTRIBUTE = "data-gantt-rendered-ms"
READY_ATTRIBUTE = "data-gantt-ready"  # set after every drawing, with the labels placed

# Nothing may leave the page: no fetches, fonts, images from elsewhere or frames.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; "
       "base-uri 'none'")


e = html_text


def asset(name: str) -> str:
    return resources.files("roadmap").joinpath(f"assets/{name}").read_text("utf-8")


_UNSAFE_IN_PAGE = re.compile("[\x7f-\x9f\ufffe\uffff]")


def script_json(value) -> str:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``
    or ``&`` survive as such, so plan text cannot close the script element."""
    text = _json(value)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    # C1 controls and noncharacters from plan text: the same string for the script,
    # no parse error for the page
    return _UNSAFE_IN_PAGE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class _NotPlain(TypeError):
    pass


def _not_plain(value):
    raise _NotPlain(type(value).__name__)


def _json(value) -> str:
    """``json.dumps(value, cls=PlotlyJSONEncoder, ...)``: the same text, without importing
    plotly's encoder (and its validators, 35 ms) for a figure of plain values. Other
    values (dates, numpy) and NaN or infinities go through plotly's encoder, as before."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_not_plain)
        if "NaN" not in text and "Infinity" not in text:
            return text
    except _NotPlain:
        pass
    from plotly.utils import PlotlyJSONEncoder

    return json.dumps(value, cls=PlotlyJSONEncoder, ensure_ascii=False, separators=(",", ":"))


def page_spec(schedule: Schedule, fig: go.Figure, layout: Layout) -> dict:
    """What the page's script needs: the figure, the rows, the sizes per mode, the
    driving paths of milestones and decisions, and a few texts."""
    language = schedule.language
    x_min, x_max = x_range(schedule)
    figure = fig.to_dict()
    figure["layout"]["yaxis"]["showticklabels"] = False  # the page's labels are HTML
    links = "critical" if any(t.get("meta", {}).get("role") == "links-critical" and t.get("x")
                              for t in figure["data"]) else "all"
    chains = {}
    for package in schedule.packages:
        if package.is_milestone and package.id in layout.package_row:
            xs, ys, rows = chain_path(schedule, package.id, layout, x_max - x_min)
            chains[package.id] = {"name": package.name, "steps": chain_steps(schedule, package.id),
                                  "x": xs, "y": ys, "rows": rows}
    return {
        "figure": figure,
        "config": {"locale": language, "displaylogo": False, "responsive": False, "scrollZoom": False,
                   "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toImage"]},
        "rows": [[r.kind, r.phase, int(r.milestone)] for r in layout.rows],
        "sizes": SIZES,
        "print_fit": PRINT_FIT,
        "months": max(1.0, (x_max - x_min).days / 30.44),
        "links": links,
        "chains": chains,
        "rendered": RENDERED_ATTRIBUTE,
        "text": {"chain_of": t("gantt.chain_of", language, name="{name}")},
    }


BASIC_BUNDLE = "assets/plotly-basic.min.js"


def plotly_script() -> str:
    """plotly.js for the page: the "basic" bundle when it matches plotly.py's own copy.

    The chart uses only bar and scatter traces, which plotly's basic bundle (npm package
    plotly.js-basic-dist-min, MIT) draws as the full bundle does; at 1.2 MB instead of
    4.7 MB a 500-package page opens in about 1.1 s instead of 1.9 s (bench/bench_gantt.py).
    A figure must be drawn by the plotly.js release it was made for, so with another
    plotly.py release the page falls back to that release's full bundle: slower, but
    right. scripts/update_plotly_basic.sh refreshes the bundled copy.
    """
    basic = resources.files("roadmap").joinpath(BASIC_BUNDLE).read_text("utf-8")
    if f"plotly.js (basic - minified) v{get_plotlyjs_version()}\n" in basic[:200]:
        return basic
    return get_plotlyjs()


def locale_script(language: str) -> str:
    """The JS that registers plotly's locale for ``language`` ("" for English)."""
    if language != "de":
        return ""
    return resources.files("roadmap").joinpath("assets/plotly-locale-de.js").read_text("utf-8")


def milestone_table(schedule: Schedule) -> str:
    """Milestones and decisions in date order, as an HTML table (all text escaped)."""
    language = schedule.language
    head = (f"<tr><th>{e(t('gantt.date', language))}</th><th>{e(t('gantt.kind', language))}</th>"
            f"<th>{e(t('gantt.name', language))}</th><th>{e(word('body', language))} / "
            f"{e(word('sessions', language))}</th><th>{e(word('total_float', language))}</th>"
            f"<th>{e(t('gantt.chain', language))}</th></tr>")
    rows = []
    for package in schedule.milestones():
        kind = word("decision" if package.kind == "decision" else "milestone", language)
        if package.sessions:
            # consultations_text escapes for plotly; the same escaping is right for HTML.
            body = consultations_text(schedule, package)
        else:
            body = e(schedule.body_name(package.body)) if package.body else ""
        critical = f" ({e(t('gantt.critical', language))})" if package.critical else ""
        css = ' class="critical"' if package.critical else ""
        rows.append(
            f"<tr{css}>"
            f"<td class=\"date\">{e(day_text(package.start, language))}</td><td>{e(kind)}</td>"
            f"<td>{e(package.name)}</td><td>{body}</td>"
            f"<td>{package.total_float} {e(word('days', language))}{critical}</td>"
            f"<td>{e(' → '.join(chain_steps(schedule, package.id)))}</td></tr>")
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


def package_table(schedule: Schedule) -> str:
    """Every package with its dates: the chart's content for screen readers and copying."""
    language = schedule.language
    cols = ["phase", "task", "start", "finish", "duration", "owner", "total_float"]
    head = "".join(f"<th>{e(word(c, language))}</th>" for c in cols)
    rows = []
    for p in schedule.packages:
        cells = [schedule.phase_name(p.phase), p.name, format_date(p.start, language),
                 format_date(p.finish, language), str(p.duration_days),
                 schedule.role_name(p.owner), str(p.total_float)]
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


#: Rows a landscape sheet holds at the smallest print size (8 pt labels in 13 px rows) below
#: the page's header (about 116 px) and the chart's axes (about 74 px): A3 has 1,047 px of
#: content height, room for about 65 rows, 60 when a few labels wrap; A4 718 px, about 36.
#: A taller chart is printed in portrait, where it fits on one sheet (A3: up to ~100 rows)
#: instead of running on over a second landscape sheet.
LANDSCAPE_ROWS = {"a3": 60, "a4": 36}


def print_orientation(rows: int, paper: str = "a3") -> str:
    """``landscape`` while the chart's rows fit on one landscape sheet, else ``portrait``."""
    return "landscape" if rows <= LANDSCAPE_ROWS[paper] else "portrait"


def printed_rows(html: str) -> int:
    """The chart's row count a page records (0 for a page without it)."""
    found = re.search(r'<meta name="roadmap-print-rows" content="(\d+)">', html)
    return int(found.group(1)) if found else 0


def page(schedule: Schedule, fig: go.Figure) -> str:
    """The complete HTML document."""
    language = schedule.language
    layout = build_layout(schedule, used_bodies(schedule))
    rows = len(layout.rows)
    # The page's stylesheet prints on A3 landscape; a chart too tall for it goes portrait.
    portrait = ("<style>@page { size: A3 portrait; }</style>\n"
                if print_orientation(rows) == "portrait" else "")
    spec = page_spec(schedule, fig, layout)
    # The legend lists what the chart has points of (hidden link lines included).
    roles = {(trace.get("meta") or {}).get("role") for trace in spec["figure"]["data"] if trace.get("x")}
    status_shown = any(a.get("name") == "status" for a in spec["figure"]["layout"].get("annotations", ()))
    title = title_text(schedule)
    status = f"{t('gantt.status', language)}: {format_date(schedule.status_date, language)}"
    return f"""<!DOCTYPE html>
<html lang="{e(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} ({e(status)})</title>
<meta name="roadmap-print-rows" content="{rows}">
<style>{asset("gantt-page.css")}</style>
{portrait}<script>{plotly_script()}</script>
<script>{locale_script(language)}</script>
</head>
<body>
<main>
<header class="head">
<h1>{e(title)}</h1>
{status_html(schedule)}
{notes_html(schedule)}
{toolbar_html(language, spec["links"])}
{legend_html(schedule, layout, roles, status_shown)}
<p class="hint">{e(t('gantt.hover_hint', language))} {e(t('gantt.chain_hint', language))}</p>
</header>
<section id="g-chain" class="chain" hidden aria-live="polite">
<h2 id="g-chain-title"></h2><ol id="g-chain-steps"></ol>
<button type="button" id="g-chain-close">{e(t('gantt.chain_close', language))} <kbd>Esc</kbd></button>
</section>
<div class="chart" role="group" aria-label="{e(t('gantt.chart_label', language))}: {e(title)}">
<div id="gantt"></div>
{labels_html(schedule, layout)}
</div>
<section class="milestones">
<h2>{e(t('gantt.milestones_table', language))} – {e(title)} ({e(status)})</h2>
{milestone_table(schedule)}
</section>
<details>
<summary>{e(t('gantt.all_packages', language))} ({len(schedule.packages)})</summary>
{package_table(schedule)}
</details>
</main>
<footer>{e(t('gantt.made_with', language))} {e(_version())} · {e(status)}</footer>
<script type="application/json" id="gantt-spec">{script_json(spec)}</script>
<script>{asset("gantt-page.js")}</script>
</body>
</html>
"""


def _version() -> str:
    try:
        return version("roadmap")
    except Exception:  # not installed (running from a source tree)
        return ""


def write_page(schedule: Schedule, fig: go.Figure, path, inputs=()) -> None:
    """Write the page atomically (see :func:`roadmap.output.atomic_write`)."""
    text = page(schedule, fig)
    atomic_write_text(path, text, inputs)
