"""The HTML page around the Gantt figure: offline, printable, and safe with any plan text.

The page inlines plotly.js (its basic bundle, see :func:`plotly_script`) and, for German,
plotly's ``de`` locale (roadmap/assets/plotly-locale-de.js, from the npm package
plotly.js-locales, MIT), registered before the plot is drawn: the bundled plotly.js
knows only English, and ``write_html(config={"locale": "de"})`` alone silently stays
English (plotly.py #2302, #4721). A Content-Security-Policy forbids every network
request, so the file behaves the same in a council room without Wi-Fi.
"""
from __future__ import annotations

import html
from importlib import resources
from importlib.metadata import version

import plotly.graph_objects as go
import plotly.io
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from roadmap.engine.result import Schedule
from roadmap.gantt.frame import BOTTOM_PX, LEGEND_TOP_PX, ROW_PX
from roadmap.gantt.rows import consultations_text, day_text
from roadmap.output import atomic_write_text
from roadmap.text import format_date, t, word

RENDERED_ATTRIBUTE = "data-gantt-rendered-ms"

# Nothing may leave the page: no fetches, fonts, images from elsewhere or frames.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; "
       "base-uri 'none'")

STYLE = """
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; color: #222; margin: 0 16px 24px; background: #fff; }
.chart { position: relative; }
#gantt { width: 100%; }
/* Row labels: HTML beside the plot, one fixed-height line per chart row (see row_labels). */
.rows { position: absolute; left: 0; pointer-events: none; font-size: 12px; }
.rows div { height: var(--row); line-height: var(--row); padding-right: 6px; text-align: right;
            white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.rows .phase { font-weight: bold; }
.hint { color: #555; font-size: 13px; margin: 4px 0 0; }
h2 { font-size: 18px; margin: 24px 0 8px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid #ccc; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.date { white-space: nowrap; }
tr.critical td:first-child { border-left: 4px solid #C0002B; }
details { margin-top: 16px; }
footer { color: #666; font-size: 12px; margin-top: 20px; }
@page { size: A3 landscape; margin: 10mm; }
@media print {
  body { margin: 0; }
  .hint, .modebar-container, .updatemenu-container, details { display: none !important; }
  /* The plot is resized to the page before printing (see the script at the end). */
  #gantt { width: 400mm !important; break-inside: avoid; overflow: hidden; }
  /* Box sizes for the page layout even before the script has redrawn the plot. */
  .chart > div, #gantt .svg-container, #gantt .main-svg { height: var(--print-height) !important; }
  .rows { font-size: var(--print-font); }
  .rows div { height: var(--print-row); line-height: var(--print-row); }
  section.milestones { break-before: page; }
  table { font-size: 11pt; width: 100%; }
  tr { break-inside: avoid; }
}
"""

# Fit the plot to the printed page and back. Chromium fires the print media-query change
# both for the print dialog and for headless --print-to-pdf; beforeprint/afterprint cover
# the rest. The chart gets the page's width and, when its rows can stay legible at 15 px,
# the page's height, so that it prints on one A3 sheet (labels shrink to 10 px there).
PRINT_SCRIPT = """
(function () {
  var div = document.getElementById("gantt");
  var screenHeight = %(screen)d, printHeight = %(print)d;
  var query = window.matchMedia("print");
  function size(printing) {
    if (!(window.Plotly && div && div.data)) { return; }
    var height = printing ? printHeight : screenHeight;
    div.parentElement.style.height = height + "px";  // plotly's wrapper holds the height
    // The legend is placed in fractions of the figure's height: keep it %(legend)d px from
    // the top. The width is set too: the print stylesheet has sized the box to the page,
    // but the plot keeps its screen width (cut off on paper) unless told; null = responsive.
    Plotly.relayout(div, {height: height, "legend.y": 1 - %(legend)d / height,
                          width: printing ? div.getBoundingClientRect().width : null});
  }
  if (query.addEventListener) {
    query.addEventListener("change", function (e) { size(e.matches); });
  }
  window.addEventListener("beforeprint", function () { size(true); });
  window.addEventListener("afterprint", function () { size(false); });
})();
"""
PAGE_HEIGHT_PX = 1000  # A3 landscape: 297 mm less 2 x 10 mm margin is 1047 px at 96 dpi
PRINT_ROW_PX = 13  # with 10 px row labels (set by the print script)


def print_height(screen_height: int, rows: int, chrome_px: int) -> int:
    """The plot's height on paper: one A3 page if rows can shrink to 13 px, else as on screen."""
    if screen_height <= PAGE_HEIGHT_PX:
        return screen_height
    if chrome_px + rows * PRINT_ROW_PX <= PAGE_HEIGHT_PX:
        return PAGE_HEIGHT_PX
    return screen_height


def row_labels(fig: go.Figure) -> tuple[dict, str]:
    """The figure (as a dict) without its y tick labels, and those labels as an HTML column.

    Plotly measures every tick label's box while drawing; with 500 rows that took most
    of the page's load time (bench/bench_gantt.py: 6-8 s against 1.7-2 s without). The
    y axis is fixed (no vertical zoom) and every row is ROW_PX high, so plain HTML lines
    of the same height, laid over the plot's left margin, sit exactly beside their rows.
    The figure from gantt_figure() keeps its labels for anyone using it directly.
    """
    labels = list(fig.layout.yaxis.ticktext or ())
    page_fig = fig.to_dict()  # a copy; go.Figure(fig) would validate everything again
    page_fig["layout"]["yaxis"]["showticklabels"] = False
    lines = []
    for label in labels:
        # Tick texts are plan text escaped by plot_text, so HTML-safe; headers are <b>…</b>.
        bold = label.startswith("<b>") and label.endswith("</b>")
        text = label[3:-4] if bold else label
        lines.append(f'<div class="{"phase" if bold else "package"}">{text}</div>')
    column = (f'<div class="rows" aria-hidden="true" style="top: {int(fig.layout.margin.t)}px; '
              f'width: {int(fig.layout.margin.l)}px; --row: {ROW_PX}px">\n' + "\n".join(lines) + "\n</div>")
    return page_fig, column


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
    e = html.escape
    head = (f"<tr><th>{e(t('gantt.date', language))}</th><th>{e(t('gantt.kind', language))}</th>"
            f"<th>{e(t('gantt.name', language))}</th><th>{e(word('body', language))} / "
            f"{e(word('sessions', language))}</th><th>{e(word('total_float', language))}</th></tr>")
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
            f"<td>{package.total_float} {e(word('days', language))}{critical}</td></tr>")
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


def package_table(schedule: Schedule) -> str:
    """Every package with its dates: the chart's content for screen readers and copying."""
    language = schedule.language
    e = html.escape
    cols = ["phase", "task", "start", "finish", "duration", "owner", "total_float"]
    head = "".join(f"<th>{e(word(c, language))}</th>" for c in cols)
    rows = []
    for p in schedule.packages:
        cells = [schedule.phase_name(p.phase), p.name, format_date(p.start, language),
                 format_date(p.finish, language), str(p.duration_days),
                 schedule.role_name(p.owner), str(p.total_float)]
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


def page(schedule: Schedule, fig: go.Figure) -> str:
    """The complete HTML document."""
    language = schedule.language
    e = html.escape
    config = {
        "locale": language,
        "displaylogo": False,
        "responsive": True,
        "scrollZoom": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "filename": "gantt", "scale": 2},
    }
    figure, labels = row_labels(fig)
    plot = plotly.io.to_html(
        figure, validate=False, full_html=False, include_plotlyjs=False, include_mathjax=False,
        div_id="gantt",
        config=config, default_width="100%", default_height=f"{fig.layout.height}px",
        post_script=f"document.documentElement.setAttribute('{RENDERED_ATTRIBUTE}', "
                    "String(performance.now()));",
    )
    height = int(fig.layout.height)
    chrome = int(fig.layout.margin.t) + BOTTOM_PX
    rows = (height - chrome) // ROW_PX
    paper_height = print_height(height, rows, chrome)
    paper_row = (paper_height - chrome) / rows if rows else ROW_PX
    project = schedule.project
    title = project.name + (f" – {project.municipality}" if project.municipality and
                            project.municipality not in project.name else "")
    status = f"{t('gantt.status', language)}: {format_date(schedule.status_date, language)}"
    return f"""<!DOCTYPE html>
<html lang="{e(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} ({e(status)})</title>
<style>{STYLE}
@media print {{ :root {{ --print-height: {paper_height}px; --print-row: {paper_row:.3f}px;
                         --print-font: {10 if paper_row < ROW_PX else 12}px; }} }}
</style>
<script>{plotly_script()}</script>
<script>{locale_script(language)}</script>
</head>
<body>
<main>
<div class="chart" role="img" aria-label="{e(t('gantt.chart_label', language))}: {e(title)}">
{plot}
{labels}
</div>
<p class="hint">{e(t('gantt.hover_hint', language))}</p>
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
<script>{PRINT_SCRIPT % dict(screen=height, print=paper_height, legend=LEGEND_TOP_PX)}</script>
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
