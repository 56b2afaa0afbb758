"""The one catalog of every word and message a user reads, in German and English.

Each part below holds the texts of one area as ``key: (German, English)``; keys carry the
area as prefix (``word.``, ``sheet.``, ``gantt.``, ``cli.``, ...; diagnostics use their
code). They are merged into :data:`CATALOG`, and a key may be defined only once.
Look texts up with :func:`roadmap.text.t` or :class:`roadmap.text.Message`.

Why Python tables and not gettext ``.po`` files: see docs/architecture.md ("Words").
"""
from __future__ import annotations

from roadmap.text.catalog import (chart, commands, diagnostics, diagnostics_municipal, exchange, interop,
                                   laender, levelling, plan_input, robustness, tracking, tracking_report, trade, workbook)

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
CODES = {**diagnostics.CODES, **diagnostics_municipal.CODES}

#: The parts, in the order they are merged.
PARTS = (diagnostics, plan_input, trade, workbook, chart, commands, exchange, interop, tracking_report, tracking,
         robustness, levelling, diagnostics_municipal, laender)


def _merge(parts) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        for key, texts in part.ENTRIES.items():
            if key in merged:
                raise ValueError(f"catalog key {key!r} is defined twice ({part.__name__})")
            merged[key] = texts
    return merged


#: key -> (German, English); ``str.format`` templates.
CATALOG: dict[str, tuple[str, str]] = _merge(PARTS)
