"""``roadmap build --pdf``: the Gantt page as a PDF for the Ratsvorlage.

The PDF is the built HTML page printed by headless Chromium (print-to-PDF), not a plotly
export: Chromium prints the whole page as the council sees it, the chart with every row
label, the legend and the table of milestones and decisions, as vector graphics with
real (searchable, copyable) text, and the page's own print stylesheet decides the layout.
kaleido would render the plotly figure alone (without the HTML row labels and the
table), and its current versions drive a Chrome of their own anyway, so it would add a
dependency without adding fidelity.

The paper (``a3`` or ``a4``) is set by a ``@page`` rule added to a copy of the page: landscape
while the chart's rows fit on one landscape sheet, else portrait
(:func:`roadmap.gantt.page.print_orientation`); the file is written atomically (:mod:`roadmap.output`), so a failed print
leaves no half-written PDF.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from roadmap.gantt.browser import BrowserMissing, find_chromium, print_pdf
from roadmap.gantt.page import print_orientation, printed_rows
from roadmap.output import atomic_write
from roadmap.text.messages import Message as M

#: ``--paper`` value -> the CSS page size (the orientation is added).
PAPER_SIZES = {"a3": "A3", "a4": "A4"}


class PdfError(RuntimeError):
    """No PDF could be made; ``args[0]`` is a catalog message (German by default)."""

    def render(self, language: str | None = None) -> str:
        return self.args[0].render(language)


def require_browser() -> str:
    """The Chromium binary; raises :class:`PdfError` saying how to install it.

    ``roadmap build --pdf`` asks before it writes anything, so a missing browser leaves
    no files behind.
    """
    try:
        return find_chromium()
    except BrowserMissing:
        raise PdfError(M("pdf.no-browser")) from None


def paper_style(paper: str, rows: int = 0) -> str:
    """The ``<style>`` that sets the printed page: size and orientation (for ``rows`` chart rows)."""
    size = PAPER_SIZES.get(paper.lower())
    if size is None:
        raise ValueError(f"unknown paper {paper!r}; choose one of {sorted(PAPER_SIZES)}")
    return f"<style>@page {{ size: {size} {print_orientation(rows, paper.lower())}; }}</style>"


def write_pdf(html_path, pdf_path, paper: str = "a3", inputs=()) -> Path:
    """Print the Gantt page ``html_path`` to ``pdf_path`` on A3 or A4 (landscape when it fits).

    Raises
    ------
    PdfError
        Chromium is missing, or it printed nothing.
    roadmap.output.OutputError
        The PDF cannot be written (locked, read-only folder).
    """
    require_browser()
    html = Path(html_path).read_text(encoding="utf-8")
    style = paper_style(paper, printed_rows(html))
    # after the page's own styles, so this @page rule wins the cascade
    html = html.replace("</head>", style + "</head>", 1) if "</head>" in html else style + html
    with tempfile.TemporaryDirectory(prefix="roadmap-pdf-") as folder:
        page, printed = Path(folder) / "page.html", Path(folder) / "page.pdf"
        page.write_text(html, encoding="utf-8")
        try:
            print_pdf(page, printed)
        except (RuntimeError, OSError, subprocess.SubprocessError) as error:
            raise PdfError(M("pdf.failed", target=pdf_path, reason=str(error).splitlines()[0])) from None
        if not printed.read_bytes()[:5] == b"%PDF-":
            raise PdfError(M("pdf.failed", target=pdf_path, reason="no PDF"))
        return atomic_write(pdf_path, lambda temp: shutil.copyfile(printed, temp), inputs)
