"""Dates as German and English readers expect them (the words come from the catalog)."""
from __future__ import annotations

import datetime as dt

from roadmap.text.catalog import CATALOG


def _lookup(key: str, language: str) -> str:
    return CATALOG[key][1 if language == "en" else 0]


def word(key: str, language: str = "de") -> str:
    """A word of the trade (``word.<key>`` in the catalog): Arbeitspaket, Meilenstein, ..."""
    return _lookup(f"word.{key}", language)


def format_date(day: dt.date | None, language: str = "de") -> str:
    """``31.12.2027`` in German, ``2027-12-31`` in English (unambiguous for EU partners)."""
    if day is None:
        return ""
    return day.strftime("%d.%m.%Y") if language == "de" else day.isoformat()


def month_name(month: int, language: str = "de") -> str:
    """``März`` / ``March`` for month 3."""
    return _lookup(f"month.{month}", language)


def weekday_name(weekday: int, language: str = "de") -> str:
    """``Montag`` / ``Monday`` for weekday 0 (Python's numbering)."""
    return _lookup(f"weekday.{weekday}", language)


def iso_week(day: dt.date) -> int:
    """The ISO calendar week (KW), as German calendars count it."""
    return day.isocalendar()[1]
