"""The Sachstandsbericht as Markdown: for the intranet, a wiki, an e-mail or a Git repository.

Plan text is escaped, so a package named ``*wichtig*`` or ``a | b`` stays that text and
never becomes emphasis or an extra table column.
"""
from __future__ import annotations

import re

from roadmap.output import atomic_write_text
from roadmap.report.document import Report, Section

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Plan text as literal Markdown text (one line)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _table(section: Section) -> list[str]:
    lines = ["| " + " | ".join(escape(c) for c in section.columns) + " |",
             "|" + "|".join("---" for _ in section.columns) + "|"]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in section.rows]
    return lines


def markdown_text(report: Report) -> str:
    """The report as one Markdown document."""
    lines = [f"# {escape(report.title)}", "", f"**{escape(report.subtitle)}**", ""]
    lines += [f"- {escape(label)}: {escape(value)}" for label, value in report.facts]
    for section in report.sections:
        lines += ["", f"## {escape(section.title)}", ""]
        if section.intro:
            lines += [escape(section.intro), ""]
        lines += _table(section) if section.rows else [escape(section.empty)]
    if report.footer:
        lines += ["", f"_{escape(report.footer)}_"]
    return "\n".join(lines) + "\n"


def write_markdown(report: Report, path, inputs=()):
    """Write the report to ``path`` (UTF-8) atomically."""
    return atomic_write_text(path, markdown_text(report), inputs)
