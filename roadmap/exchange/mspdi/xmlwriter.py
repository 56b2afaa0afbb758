"""Writing MSPDI text: escaped element text, MS Project's date and duration notation, and
indented XML element by element."""
from __future__ import annotations

import datetime as dt
import re

#: Characters XML 1.0 does not allow at all; they are left out of the file.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def escape(text) -> str:
    """Element text: ``&``, ``<``, ``>`` as entities, a carriage return as ``&#13;`` (a
    parser would turn it into a line feed), characters XML cannot carry dropped."""
    text = _ILLEGAL.sub("", str(text))
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def stamp(day: dt.date, time: dt.time) -> str:
    """``2027-01-11T08:00:00``, as MS Project writes dates."""
    return dt.datetime.combine(day, time).strftime("%Y-%m-%dT%H:%M:%S")


def hours(value: int | float) -> str:
    """An XML duration as MS Project writes it: ``PT40H0M0S``."""
    whole = int(value)
    minutes = int(round((value - whole) * 60))
    return f"PT{whole}H{minutes}M0S"


class XmlWriter:
    """Indented XML, element by element; every text goes through :func:`escape`."""

    def __init__(self):
        self.lines: list[str] = []
        self.depth = 0

    def open(self, tag: str, attributes: str = "") -> None:
        self.lines.append("  " * self.depth + f"<{tag}{attributes}>")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.lines.append("  " * self.depth + f"</{tag}>")

    def leaf(self, tag: str, value) -> None:
        if value is None:
            return
        if isinstance(value, bool):
            value = int(value)
        self.lines.append("  " * self.depth + f"<{tag}>{escape(value)}</{tag}>")

    def leaves(self, pairs) -> None:
        """Several leaves in order: ``(tag, value)`` pairs."""
        for tag, value in pairs:
            self.leaf(tag, value)

    def text(self) -> str:
        return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + "\n".join(self.lines) + "\n"
