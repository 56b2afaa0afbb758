"""Colours, fonts and alignments of the Excel plan, and the fills made from them.

The bottom of the Excel package: every sheet draws from here, so the Übersicht's legend
shows the same colours as the Zeitplan's bars. Colours are hex without '#', as openpyxl
wants them.
"""
from __future__ import annotations

from functools import lru_cache

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
INPUT_FILL = "FFF9E0"  # cells meant for typing (Ist-Beginn, Ist-Ende, Fortschritt %)
EDITED_FILL = "F8CBAD"  # a date typed by hand (orange)
NEAR_CRITICAL = "B45F06"  # "knapp": dark orange text
DEADLINE_MET = "595959"
#: Fill of each state's cell; the mark (progress.MARKS) tells them apart without colour.
STATE_FILLS = {"finished": "C6E0B4", "running": "BDD7EE", "late": "F4CCCC", "not_started": None}

BOLD = Font(bold=True)
CRIT_FONT = Font(bold=True, color=CRITICAL)
TITLE = Font(bold=True, size=16)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
#: Short numbers and flags (Nr., Schritt, Kritisch): centred, so a right-aligned number
#: does not run into the left-aligned text of the next column.
CENTER = Alignment(horizontal="center", vertical="top")


@lru_cache(maxsize=None)
def fill(color: str) -> PatternFill:
    """A solid fill; the same object for the same colour (cells share it, see cells._apply)."""
    color = color.lstrip("#").upper()
    return PatternFill("solid", start_color=color, end_color=color)


def tint(color: str, amount: float = 0.75) -> str:
    """The colour mixed with white (``amount`` of white), for light row backgrounds."""
    color = color.lstrip("#")
    rgb = [int(color[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def darker(color: str, amount: float = 0.45) -> str:
    """The colour mixed with black (``amount`` of black): the done share of a bar."""
    color = color.lstrip("#")
    rgb = [int(color[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c * (1 - amount)):02X}" for c in rgb)


def phase_colors(schedule: Schedule) -> dict:
    """Phase id -> hex colour without '#' (as openpyxl wants it), ``None`` for no phase."""
    ids = [phase.id for phase in schedule.phases] + [None]
    return {pid: schedule.phase_color(pid).lstrip("#") for pid in ids}
