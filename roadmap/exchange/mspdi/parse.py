"""Reading MSPDI safely: the XML as a small tree of :class:`Node`, and MS Project's
notation for durations and dates.

Works without Java: the XML is read with the standard library's expat parser, and a file
with a document type declaration (DTD) or entity declarations is refused before anything
is expanded, so a hostile file cannot blow up ("billion laughs") or reach out for external
entities. MSPDI files never need either.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.parsers.expat

from roadmap.text.messages import Message as M


class MspdiError(Exception):
    """A file that cannot be imported; ``args[0]`` is a catalog message (one sentence)."""

    def render(self, language: str | None = None) -> str:
        return self.args[0].render(language)


class Node:
    """An element: local tag name, text, children (a tiny ElementTree of our own)."""

    __slots__ = ("tag", "namespace", "text", "children")

    def __init__(self, tag: str, namespace: str):
        self.tag, self.namespace, self.text, self.children = tag, namespace, "", []

    def find(self, tag: str) -> Node | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def within(self, container: str, tag: str) -> list[Node]:
        """The ``tag`` elements inside this element's ``container`` (``Tasks``/``Task``)."""
        found = self.find(container)
        return found.findall(tag) if found is not None else []

    def get(self, tag: str, default: str = "") -> str:
        child = self.find(tag)
        return child.text.strip() if child is not None and child.text.strip() else default

    def raw(self, tag: str) -> str:
        child = self.find(tag)
        return child.text if child is not None else ""


class _Refused(Exception):
    pass


def parse_xml(data: bytes, path: str = "") -> Node:
    """The document's root element; raises :class:`MspdiError` on anything unsafe or broken."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    stack: list[Node] = []
    root: list[Node] = []

    def refuse(*_args):
        raise _Refused()

    def start(name, _attributes):
        namespace, _, tag = name.rpartition("}")
        node = Node(tag, namespace)
        if stack:
            stack[-1].children.append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(_name):
        stack.pop()

    def text(data):
        if stack:
            stack[-1].text += data

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except _Refused:
        raise MspdiError(M("mspdi.dtd", path=path)) from None
    except xml.parsers.expat.ExpatError as error:
        reason = xml.parsers.expat.ErrorString(error.code)
        raise MspdiError(M("mspdi.bad-xml", path=path, line=error.lineno, reason=reason)) from None
    if not root:
        raise MspdiError(M("mspdi.bad-xml", path=path, line=1, reason="no element found"))
    return root[0]


# ---- values ---------------------------------------------------------------------------

_DURATION = re.compile(r"^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
                       r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def duration_minutes(text: str) -> float | None:
    """An XML duration (``PT40H0M0S``) in minutes; years, months and days count 24 hours
    per day as written (MS Project writes hours only)."""
    match = _DURATION.match(text.strip())
    if not match or not text.strip():
        return None
    sign, years, months, days, hours_, minutes, seconds = match.groups()
    value = (float(years or 0) * 365 + float(months or 0) * 30 + float(days or 0)) * 1440 \
        + float(hours_ or 0) * 60 + float(minutes or 0) + float(seconds or 0) / 60
    return -value if sign else value


def parse_stamp(text: str) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text[:19])
    except ValueError:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(text[:10]), dt.time())
        except ValueError:
            return None


def to_int(text: str, default: int = 0) -> int:
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return default


def to_float(text: str) -> float:
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0
