"""The YAML parser's problems in plain words, with the line they are on.

libyaml describes a syntax error in English parser terms ("did not find expected '-'
indicator", "found character that cannot start any token"). A clerk who indented with a
tab should read "Tabulatorzeichen; rücken Sie mit Leerzeichen ein". The common problems
map to catalog messages; anything else keeps the parser's own words inside the general
``yaml-syntax`` sentence.
"""
from __future__ import annotations

import yaml

from roadmap.plan.yamlio import MAX_DEPTH
from roadmap.text.messages import Message as M

#: A phrase in the parser's problem -> catalog key (first match wins).
PROBLEMS = (
    ("exceeded maximum nesting depth", None),  # too-deep, below
    ("did not find expected '-'", "yaml-syntax.dash"),
    ("did not find expected key", "yaml-syntax.key"),
    ("mapping values are not allowed", "yaml-syntax.colon-here"),
    ("could not find expected ':'", "yaml-syntax.colon-missing"),
    ("did not find expected ',' or ']'", "yaml-syntax.bracket"),
    ("did not find expected ',' or '}'", "yaml-syntax.brace"),
    ("found unknown escape character", "yaml-syntax.escape"),
    ("block sequence entries are not allowed", "yaml-syntax.list-here"),
    ("did not find expected node content", "yaml-syntax.value"),
    ("found undefined alias", "yaml-syntax.alias"),
    ("did not find expected alphabetic or numeric character", "yaml-syntax.anchor"),
    ("expected a single document", "yaml-syntax.documents"),
    ("but found another document", "yaml-syntax.documents"),
    ("expected <block end>", "yaml-syntax.indent"),
    ("for merging", "yaml-syntax.merge"),
)


def describe(error: yaml.YAMLError, text: str) -> tuple[int, str, M]:
    """``(line, code, message)`` for a YAML parser error on ``text``."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 0
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    if "exceeded maximum nesting depth" in problem:
        return line, "too-deep", M("too-deep", limit=MAX_DEPTH)
    if "cannot start any token" in problem or "tab character" in problem:
        char = _char_at(text, mark)
        if char == "\t" or "tab character" in problem:
            return line, "yaml-syntax", M("yaml-syntax.tab")
        if char and char.isprintable():
            return line, "yaml-syntax", M("yaml-syntax.token", char=char)
    if "duplicate anchor" in context:
        return line, "yaml-syntax", M("yaml-syntax.anchor-twice")
    if "quoted scalar" in context and "end of stream" in problem:
        return (context_line(error) or line), "yaml-syntax", M("yaml-syntax.quote")
    for phrase, key in PROBLEMS:
        if key and phrase in problem:
            return line, "yaml-syntax", M(key)
    return line, "yaml-syntax", M("yaml-syntax", problem=problem)


def context_line(error) -> int:
    mark = getattr(error, "context_mark", None)
    return mark.line + 1 if mark else 0


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.split("\n", mark.line + 1)
    if mark.line >= len(lines):
        return ""
    row = lines[mark.line]
    return row[mark.column] if mark.column < len(row) else ""
