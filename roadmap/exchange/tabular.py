"""Plain-text views of a schedule: the terminal table and the two CSV shapes of ``roadmap schedule``.

- :func:`csv_german` (``--format csv`` for a German plan): for German Excel;
- :func:`csv_text` (``--format csv-en``, or an English plan): today's English shape for scripts.
"""
from __future__ import annotations

import csv
import io
import json
import re

from roadmap.engine.result import Schedule
from roadmap.exchange import Rendered
from roadmap.text import Message, format_date, t, word

CSV_COLUMNS = ["id", "name", "phase", "kind", "start", "finish", "duration_days",
               "total_float", "free_float", "critical", "sessions"]

#: Catalog keys of the German CSV's headers, one per column of :data:`CSV_COLUMNS`.
CSV_HEADERS_DE = ["csv.id", "word.task", "word.phase", "csv.kind", "word.start", "word.finish",
                  "csv.duration_days", "word.total_float", "word.free_float", "csv.critical",
                  "word.sessions"]

#: First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
#: (OWASP "CSV Injection"), plus their full-width forms, which some versions accept too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


#: Characters that must not reach a terminal as they are: C0 and C1 control characters
#: (ESC starts the sequences that move the cursor, recolour or retitle the window, CR
#: overwrites the line), DEL, the bidirectional overrides that reorder what is shown
#: ("Trojan Source"), line and paragraph separators, BOM and interlinear annotation marks,
#: noncharacters, and lone surrogates (an undecodable file name), which no encoder takes.
HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]")


def visible(text: str, keep: str = "") -> str:
    """``text`` with every :data:`HIDDEN` character shown as an escape a reader can see
    (``\\x1b``, ``\\u202e``), except those in ``keep`` (e.g. ``"\\n"`` for text that may
    span lines). Plan text on a terminal, in a CSV cell or a table goes through this, so a
    name cannot clear the screen, rewrite a line or hide part of itself."""
    def show(match):
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return HIDDEN.sub(show, text)


def json_text(data) -> str:
    """``data`` as indented JSON with every :data:`HIDDEN` character as a ``\\u`` escape:
    the same data for any JSON reader, inert on a terminal (json.dumps escapes only C0)."""
    try:
        parts: list[str] = []
        _indented(data, "\n", parts)
        text = "".join(parts)
    except TypeError:  # a type _indented does not know: json says which
        text = json.dumps(data, ensure_ascii=False, indent=2)
    return HIDDEN.sub(lambda match: "\n" if match.group() == "\n" else f"\\u{ord(match.group()):04x}", text)


_STRING = json.encoder.encode_basestring  # json's own (C) string encoder, ensure_ascii=False
_FLOAT = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _indented(value, newline: str, parts: list[str]) -> None:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, byte for byte, for str, int,
    float, bool, None, dict (str keys) and list/tuple; about three times as fast (the
    standard library encodes indented JSON in pure Python, one generator per level)."""
    kind = type(value)
    if kind is str:
        parts.append(_STRING(value))
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner, separator = newline + "  ", "{"
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(key)
            parts.append(separator + inner + _STRING(key) + ": ")
            _indented(item, inner, parts)
            separator = ","
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner, separator = newline + "  ", "["
        for item in value:
            parts.append(separator + inner)
            _indented(item, inner, parts)
            separator = ","
        parts.append(newline + "]")
    elif value is None:
        parts.append("null")
    elif kind is bool:
        parts.append("true" if value else "false")
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float:
        parts.append(_FLOAT.get(value, "NaN" if value != value else float.__repr__(value)))
    else:
        raise TypeError(value)


def defuse(text: str) -> str:
    """Plan text as an inert CSV cell: a leading apostrophe before a formula character,
    as OWASP recommends, so ``=HYPERLINK(...)`` stays text in every spreadsheet.

    Line breaks become LF first: the csv module quotes a cell with LF but not one with a
    lone CR, which would end the row early for every reader. Other control characters
    are shown as escapes (:func:`visible`): no spreadsheet needs them, and a CSV on a
    terminal must not drive it."""
    text = visible(text.replace("\r\n", "\n").replace("\r", "\n"), keep="\n\t")
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(schedule: Schedule) -> str:
    """CSV for scripts: the JSON fields, English headers, ISO dates, commas, no BOM.

    Text cells are defused (:func:`defuse`); numbers and dates are never touched.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in schedule.to_json()["packages"]:
        sessions = " ".join(f"{s['body']}:{s['date']}" for s in row["sessions"])
        values = [str(row[c]).lower() if isinstance(row[c], bool)
                  else defuse(row[c]) if isinstance(row[c], str) else row[c]
                  for c in CSV_COLUMNS[:-1]]
        writer.writerow(values + [defuse(sessions)])
    return out.getvalue()


def german_number(value) -> str:
    """``3``, ``-2``, ``0,5``: numbers as German Excel reads them (decimal comma)."""
    if isinstance(value, float):
        return format(value, "g").replace(".", ",")
    return str(value)


def csv_german(schedule: Schedule, language: str | None = None) -> bytes:
    """CSV for German Excel: UTF-8 with BOM (so umlauts survive a double click), ``;``
    between cells, CRLF line ends, German headers, dates ``TT.MM.JJJJ``, decimal comma,
    ``ja``/``nein``, the phase's name and the Beratungsfolge as the Excel plan shows it.

    ``language`` (default: the schedule's) picks the words; English gives the same shape
    with English words, but the CLI sends English users to :func:`csv_text` instead.
    """
    lang = language or schedule.language
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([t(key, lang) for key in CSV_HEADERS_DE])
    for p in schedule.packages:
        kind = "decision" if p.kind == "decision" else "milestone" if p.is_milestone else "task"
        writer.writerow([
            defuse(p.id), defuse(p.name), defuse(schedule.phase_name(p.phase)), word(kind, lang),
            format_date(p.start, lang), format_date(p.finish, lang), german_number(p.duration_days),
            german_number(p.total_float), german_number(p.free_float),
            word("yes" if p.critical else "no", lang), defuse(schedule.beratungsfolge(p, lang)),
        ])
    return out.getvalue().encode("utf-8-sig")


def table_text(schedule: Schedule) -> str:
    """A fixed-width table in the plan's language, then the span and the critical path."""
    lang = schedule.language
    header = ["ID", word("task", lang), word("start", lang), word("finish", lang),
              word("duration", lang), word("total_float", lang), "!"]
    rows, consultations = [], {}
    for p in schedule.packages:
        rows.append([visible(p.id), visible(p.name), format_date(p.start, lang), format_date(p.finish, lang),
                     str(p.duration_days), str(p.total_float), "*" if p.critical else ""])
        if p.sessions:  # the Beratungsfolge goes on its own line under the decision
            consultations[len(rows) - 1] = visible(schedule.beratungsfolge(p))
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    widths[1] = min(widths[1], 50)
    lines = []
    for index, row in enumerate([header] + rows):
        cells = [row[i][: widths[i]].ljust(widths[i]) if i in (0, 1) else row[i].rjust(widths[i])
                 for i in range(len(row))]
        lines.append("  ".join(cells).rstrip())
        if index - 1 in consultations:
            lines.append(" " * (widths[0] + 2) + "  " + consultations[index - 1])
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(f"{format_date(schedule.start, lang)} – {format_date(schedule.finish, lang)}; "
                 f"* = {word('critical_path', lang)}")
    return "\n".join(lines)


def csv_for(schedule: Schedule, fmt: str = "csv", language: str | None = None) -> bytes:
    """The bytes of ``--format csv`` or ``csv-en``: German Excel's shape for a German
    schedule, the English script shape for ``csv-en`` or an English schedule."""
    lang = language or schedule.language
    if fmt == "csv-en" or lang == "en":
        return csv_text(schedule).encode("utf-8")
    return csv_german(schedule, lang)


def render_csv(schedule: Schedule, options):
    """``roadmap export --format csv``: see :func:`csv_for`."""
    return Rendered(csv_for(schedule, "csv", options.language),
                    Message("export.rows", count=len(schedule.packages)))


def render_csv_en(schedule: Schedule, options):
    """``roadmap export --format csv-en``: the English script shape."""
    return Rendered(csv_for(schedule, "csv-en"), Message("export.rows", count=len(schedule.packages)))
