"""Editing a plan file in place: new values for a few keys, everything else left as it was.

``roadmap update`` writes what the user typed into the workbook (progress, actual dates,
a new duration, a "start no earlier than") back into the plan. The plan is the user's
file: its comments, key order, quoting, blank lines and line breaks must survive.

How: ruamel.yaml reads the file in round-trip mode, which records where every key and
value sits (line and column, also inside ``{...}`` flow mappings). The edits are then
spliced into the original text at those places: a value is replaced where it stands, a
new key goes on its own line right after an anchor key (or after it inside ``{...}``), a
cleared key loses its line. Nothing else is touched. ruamel's own emitter is not used to
write the file, because it rejoins the multi-line ``sessions: [...]`` lists that
``roadmap new`` writes. Finally the new text is read again with ruamel and compared with
the original data plus the edits; any difference is an :class:`EditError`, so a plan
is never written in a shape nobody asked for.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Iterable

from roadmap.text.messages import Message as M

#: Where a new key goes: after the nearest key before it in this order that the package
#: already has, else after ``duration``, ``kind`` or ``id``.
ORDER = ("duration", "actual_start", "actual_finish", "actual", "progress", "remaining", "not_before")
FALLBACK_ANCHORS = ("duration", "kind", "id")
PROJECT_ANCHORS = ("start", "state", "municipality", "name")


@dataclass(frozen=True)
class Edit:
    """Set ``key`` of package ``package`` (``None``: of ``project``) to ``value``.

    ``value`` is a date, a number, a duration text such as ``"4w"``, or ``None`` to
    remove the key.
    """

    package: str | None
    key: str
    value: object


class EditError(ValueError):
    """The plan cannot be edited as asked; ``args[0]`` is a catalog message."""

    def render(self, language: str | None = None) -> str:
        message = self.args[0]
        return message.render(language) if isinstance(message, M) else str(message)


def yaml_value(value) -> str:
    """A value as it is written into the plan: ``2027-03-01``, ``50``, ``12.5``, ``4w``."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _load(text: str):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="rt")
    try:
        return yaml.load(text)
    except YAMLError as error:
        raise EditError(M("edit.unreadable", error=str(error).splitlines()[0])) from None


def _plain(value):
    """ruamel's round-trip types as plain Python, for comparing two loads."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _value_end(line: str, col: int, flow: bool) -> int:
    """Column just after the scalar that starts at ``col`` on ``line``."""
    if col >= len(line):
        return col
    quote = line[col]
    if quote in "\"'":
        i = col + 1
        while i < len(line):
            if quote == "'" and line[i] == "'" and line[i + 1:i + 2] == "'":
                i += 2
                continue
            if quote == '"' and line[i] == "\\":
                i += 2
                continue
            if line[i] == quote:
                return i + 1
            i += 1
        raise EditError(M("edit.layout", line=line.strip()))
    if quote in "[{|>":
        raise EditError(M("edit.layout", line=line.strip()))
    end = len(line)
    stops = (" #", ",", "}", "]") if flow else (" #",)
    for stop in stops:
        found = line.find(stop, col)
        if found != -1:
            end = min(end, found)
    return len(line[:end].rstrip())


class _Splicer:
    """The plan's lines and the mapping positions ruamel found in them."""

    def __init__(self, text: str):
        self.lines = text.splitlines(keepends=True)

    def _line(self, number: int) -> str:
        return self.lines[number].rstrip("\r\n")

    def _set(self, number: int, content: str) -> None:
        ending = self.lines[number][len(self._line(number)):]
        self.lines[number] = content + ending

    def replace(self, mapping, key: str, text: str) -> None:
        line_no, col = mapping.lc.value(key)
        line = self._line(line_no)
        end = _value_end(line, col, mapping.fa.flow_style())
        self._set(line_no, line[:col] + text + line[end:])

    def insert(self, mapping, key: str, text: str, anchor: str) -> None:
        line_no, col = mapping.lc.value(anchor)
        line = self._line(line_no)
        end = _value_end(line, col, mapping.fa.flow_style())
        if mapping.fa.flow_style():
            self._set(line_no, f"{line[:end]}, {key}: {text}{line[end:]}")
            return
        indent = " " * mapping.lc.key(anchor)[1]
        newline = self.lines[line_no][len(line):] or "\n"
        if not self.lines[line_no].endswith(("\n", "\r")):
            self.lines[line_no] += newline
        self.lines.insert(line_no + 1, f"{indent}{key}: {text}{newline}")

    def remove(self, mapping, key: str) -> None:
        key_line, key_col = mapping.lc.key(key)
        value_line, value_col = mapping.lc.value(key)
        line = self._line(key_line)
        end = _value_end(self._line(value_line), value_col, mapping.fa.flow_style())
        if mapping.fa.flow_style():
            if value_line != key_line:
                raise EditError(M("edit.layout", line=line.strip()))
            before = line[:key_col].rstrip()
            if before.endswith(","):  # ", key: value" -> ""
                self._set(key_line, before[:-1] + line[end:])
            else:  # "{key: value, next" -> "{next"
                rest = line[end:].lstrip()
                rest = rest[1:].lstrip() if rest.startswith(",") else rest
                self._set(key_line, line[:key_col] + rest)
            return
        if line[:key_col].strip() or value_line != key_line:
            raise EditError(M("edit.layout", line=line.strip()))
        del self.lines[key_line]

    def text(self) -> str:
        return "".join(self.lines)


def _packages_by_id(data) -> dict:
    packages = data.get("packages") if isinstance(data, dict) else None
    found = {}
    for item in packages or ():
        if isinstance(item, dict) and "id" in item:
            found[str(item["id"])] = item
    return found


def _anchor(mapping, key: str, anchors: tuple[str, ...]) -> str:
    if key in ORDER:
        for earlier in reversed(ORDER[:ORDER.index(key)]):
            if earlier in mapping:
                return earlier
    for anchor in anchors:
        if anchor in mapping:
            return anchor
    return next(iter(mapping))


def _target(data, packages, edit: Edit):
    if edit.package is None:
        project = data.get("project") if isinstance(data, dict) else None
        if not isinstance(project, dict):
            raise EditError(M("edit.no-project"))
        return project
    if edit.package not in packages:
        raise EditError(M("edit.no-package", id=edit.package))
    return packages[edit.package]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The plan ``text`` with ``edits`` applied; comments and layout stay as they were.

    Raises
    ------
    EditError
        The plan cannot be read, names no such package, or holds a value in a shape this
        module does not rewrite (a multi-line value where a date or number belongs).
    """
    edits = list(edits)
    if not edits:
        return text
    data = _load(text)
    packages = _packages_by_id(data)
    expected = _plain(data)
    expected_packages = {str(p["id"]): p for p in expected.get("packages") or ()
                         if isinstance(p, dict) and "id" in p}
    splicer = _Splicer(text)
    # Work from the bottom of the file up, so earlier line numbers stay valid.
    placed = []
    for edit in edits:
        mapping = _target(data, packages, edit)
        if edit.key in mapping:
            anchor, where = edit.key, mapping.lc.key(edit.key)
        else:
            anchor = _anchor(mapping, edit.key, PROJECT_ANCHORS if edit.package is None else FALLBACK_ANCHORS)
            where = mapping.lc.value(anchor)
        placed.append((where, ORDER.index(edit.key) if edit.key in ORDER else -1, edit, mapping, anchor))
        plain = expected["project"] if edit.package is None else expected_packages[edit.package]
        if edit.value is None:
            plain.pop(edit.key, None)
        else:
            plain[edit.key] = _plain(_load(f"v: {yaml_value(edit.value)}")["v"])
    for (_, _, edit, mapping, anchor) in sorted(placed, key=lambda item: (item[0], item[1]), reverse=True):
        if edit.key in mapping and edit.value is None:
            splicer.remove(mapping, edit.key)
        elif edit.key in mapping:
            splicer.replace(mapping, edit.key, yaml_value(edit.value))
        elif edit.value is not None:
            splicer.insert(mapping, edit.key, yaml_value(edit.value), anchor)
    new_text = splicer.text()
    if _plain(_load(new_text)) != expected:
        raise EditError(M("edit.verify"))
    return new_text


def unified_diff(old: str, new: str, path: str) -> str:
    """The change as ``diff -u`` shows it, for ``roadmap update --dry-run``."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"{path}", tofile=f"{path}"))
