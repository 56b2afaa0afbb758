"""``roadmap build --pdf``: the Gantt page as a vector PDF on A3 or A4 landscape.

Checked the way a reader of the Ratsvorlage would: pdftotext must find every package name
and every decision date (so the text is real text, not pixels), pdfinfo the paper size.
Chromium and poppler-utils are installed by .ci/run; these tests are never skipped.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from roadmap.cli import cli
from roadmap.engine.scheduler import schedule
from roadmap.gantt.page import print_orientation, printed_rows
from roadmap.plan.loader import load_plan
from roadmap.text import format_date

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "plettenberg.yaml"

#: PostScript points of the pages (1 pt = 1/72 inch), landscape and portrait.
PAGE_SIZES = {("a3", "landscape"): "1191.12 x 841.92 pts (A3)", ("a4", "landscape"): "841.92 x 594.96 pts (A4)",
              ("a3", "portrait"): "841.92 x 1191.12 pts (A3)", ("a4", "portrait"): "594.96 x 841.92 pts (A4)"}


def pdf_info(path: Path) -> dict:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def pdf_text(path: Path) -> str:
    """The text in reading order; a label wrapped after a hyphen ("Online-" / "Q&A") is
    joined back without a space (pdftotext's default mode would drop the hyphen)."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(re.sub(r"-\n", "-", out).split())


@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_pdf_has_every_name_and_decision_date_on_the_paper_asked_for(tmp_path, paper):
    out = tmp_path / "ausgabe"
    result = CliRunner().invoke(cli, ["build", str(PLAN), "-o", str(out), "--pdf", "--paper", paper])
    assert result.exit_code == 0, result.output
    pdf = out / "plettenberg.pdf"
    assert f"  {pdf}" in result.output.splitlines()
    info = pdf_info(pdf)
    rows = printed_rows((out / "plettenberg.html").read_text(encoding="utf-8"))
    assert info["Page size"] == PAGE_SIZES[paper, print_orientation(rows, paper)]
    assert info["Producer"].startswith("Skia/PDF")  # Chromium's vector PDF backend
    text = pdf_text(pdf)
    plan = schedule(load_plan(PLAN))
    assert [p.name for p in plan.packages if p.name not in text] == []
    decisions = [format_date(p.start) for p in plan.decisions()]
    assert decisions == ["08.07.2027", "02.12.2027", "14.09.2028"]  # Grundsatz, Fokus, Strategie
    assert all(day in text for day in decisions)
    assert "Meilensteine und Beschlüsse" in text  # the table under the chart, German
    # vector: the fonts are embedded as fonts, the text is not an image
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(fonts.splitlines()) > 2


def test_without_chromium_one_sentence_and_no_files(tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("CHROMIUM", raising=False)
    out = tmp_path / "ausgabe"
    result = CliRunner().invoke(cli, ["build", str(PLAN), "-o", str(out), "--pdf"])
    assert result.exit_code == 1
    assert result.output == (
        "Für die PDF-Ausgabe wird der Browser Chromium gebraucht; installieren Sie ihn "
        "(Debian/Ubuntu: sudo apt install chromium) oder setzen Sie CHROMIUM auf den Pfad eines "
        "Chromium/Chrome – es wurde nichts geschrieben.\n")
    assert not out.exists()


def test_the_paper_rule_is_added_after_the_page_styles():
    from roadmap.gantt.pdf import paper_style

    assert paper_style("a4") == "<style>@page { size: A4 landscape; }</style>"
    with pytest.raises(ValueError):
        paper_style("letter")


def test_a_chart_too_tall_for_a_landscape_sheet_prints_in_portrait():
    """60 rows fit on A3 landscape at 8 pt (docs: roadmap.gantt.page.LANDSCAPE_ROWS); the
    default roadmap's 74 do not, and go on one A3 portrait sheet instead of running on."""
    from roadmap.gantt.pdf import paper_style

    assert paper_style("a3", rows=60) == "<style>@page { size: A3 landscape; }</style>"
    assert paper_style("a3", rows=61) == "<style>@page { size: A3 portrait; }</style>"
    assert paper_style("a4", rows=37) == "<style>@page { size: A4 portrait; }</style>"
