"""Colours, fonts and alignments of the Excel plan, and the fills made from them.

The bottom of the Excel package: every sheet draws from here, so the Übersicht's legend
shows the same colours as the Zeitplan's bars. Colours are hex without '#', as openpyxl
wants them.
"""
from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill

from roadmap.engine.result import Schedule

DATE_FORMAT = "DD.MM.YYYY"

CRITICAL = "C0392B"
MILESTONE_FILL = "FCE9A9"
SESSION_FILL = "9DC3E6"
HOLIDAY_FILL = "F4B183"
SCHOOL_FILL = "FFF2CC"
STATUS_FILL = "BDD7EE"
FLOAT_FILL = "E4E4E4"
PHASE_BAR = "595959"
HEADER_FILL = "DDE4EE"

BOLD = Font(bold=True)
CRIT_FONT = Font(bold=True, color=CRITICAL)
TITLE = Font(bold=True, size=16)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
#: Short numbers and flags (Nr., Schritt, Kritisch): centred, so a right-aligned number
#: does not run into the left-aligned text of the next column.
CENTER = Alignment(horizontal="center", vertical="top")


def fill(color: str) -> PatternFill:
    color = color.lstrip("#").upper()
    return PatternFill("solid", start_color=color, end_color=color)


def tint(color: str, amount: float = 0.75) -> str:
    """The colour mixed with white (``amount`` of white), for light row backgrounds."""
    color = color.lstrip("#")
    rgb = [int(color[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def phase_colors(schedule: Schedule) -> dict:
    """Phase id -> hex colour without '#' (as openpyxl wants it), ``None`` for no phase."""
    ids = [phase.id for phase in schedule.phases] + [None]
    return {pid: schedule.phase_color(pid).lstrip("#") for pid in ids}
