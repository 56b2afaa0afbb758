"""How values read on the sheets: the Nr. of a package, the span in months, kind words.

``span_months`` and ``decimal`` also serve the summary that ``roadmap build`` prints,
so the console and the Übersicht give the same figure.
"""
from __future__ import annotations

import datetime as dt

from roadmap.engine.result import Schedule
from roadmap.text import word


def numbers(schedule: Schedule) -> dict[str, int]:
    """Package id -> Nr. (its row number in plan order, as MS Project's ID column)."""
    return {p.id: n for n, p in enumerate(schedule.packages, 1)}


def span_months(start: dt.date, finish: dt.date) -> float:
    """The span in months, one decimal (a month = 1/12 of an average year)."""
    return round(((finish - start).days + 1) / (365.2425 / 12), 1)


def decimal(value: float, language: str) -> str:
    """``21,9`` in German, ``21.9`` in English."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language == "de" else text


def kind_word(kind: str, language: str) -> str:
    """Meilenstein, Beschluss, or Arbeitspaket for every other kind."""
    return word(kind if kind in ("milestone", "decision") else "task", language)
