"""The Sachstandsbericht as plain data: a title, key facts and sections of tables.

:mod:`roadmap.report.content` fills it from a schedule and its baseline comparison; the
writers (:mod:`.word` for ``.docx``, :mod:`.markdown`) only lay it out, so both formats
always say the same.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Section:
    """A heading, an optional sentence, and a table (``columns`` + ``rows``) or ``empty``."""

    title: str
    columns: tuple[str, ...] = ()
    rows: list[tuple[str, ...]] = field(default_factory=list)
    empty: str = ""  # shown instead of the table when there are no rows
    intro: str = ""  # a sentence before the table
    key: str = ""  # which section (for tests and tools): status, finished, running, ...
    weights: tuple[float, ...] = ()  # relative column widths (names wide, dates narrow)


@dataclass
class Report:
    """The whole report, in one language."""

    title: str
    subtitle: str
    facts: list[tuple[str, str]]  # (label, value) lines under the title
    sections: list[Section]
    language: str = "de"
    footer: str = ""
    created: object = None  # the status date, stamped into the document's properties

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)
