"""Durations (``3w``, ``10 Tage``, ``21ed``) and links (``vorlage EA+2w``) as text."""
from __future__ import annotations

import re
from functools import lru_cache

from roadmap.text.messages import Message as M
from roadmap.plan.model import GERMAN_LINK_TYPES, Duration, Link
from roadmap.plan.values import brief, plain

#: unit -> (days per unit, elapsed). Working units first, then calendar (elapsed) units.
UNITS = {
    "d": (1, False), "t": (1, False), "tag": (1, False), "tage": (1, False),
    "day": (1, False), "days": (1, False),
    "w": (5, False), "wo": (5, False), "woche": (5, False), "wochen": (5, False),
    "week": (5, False), "weeks": (5, False),
    "mo": (20, False), "monat": (20, False), "monate": (20, False),
    "month": (20, False), "months": (20, False),
    "ed": (1, True), "ft": (1, True),
    "ew": (7, True), "fw": (7, True),
}

_DURATION = re.compile(r"^\s*([+-]?)\s*(\d+(?:[.,]\d+)?)\s*([A-Za-zäÄ]*)\s*$")
_LINK = re.compile(
    r"^\s*(?P<id>[^\s+-][^\s]*?)"
    r"(?:\s+(?P<type>[A-Za-z]{2})\s*(?P<lag>[+-]\s*[^\s].*?)?)?\s*$"
)
LINK_TYPES = {"FS", "SS", "FF", "SF"}


class FormatError(ValueError):
    """A duration or link that cannot be read; the message (a catalog
    :class:`~roadmap.messages.Message`) says what is expected."""


def parse_duration(value, *, allow_negative: bool = False) -> Duration:
    """Read ``3w``, ``10``, ``21ed``, ``-2d``; a bare number means working days."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise FormatError(M("format.no-duration", value=brief(value)))
    return _duration(plain(value), allow_negative)


@lru_cache(maxsize=4096)
def _duration(text: str, allow_negative: bool) -> Duration:
    """:func:`parse_duration` of a text; plans repeat a few durations thousands of times
    (a Duration is immutable, so one object serves them all; errors are not cached)."""
    match = _DURATION.match(text)
    if not match:
        raise FormatError(M("format.duration", value=brief(text)))
    sign, number, unit = match.groups()
    unit = unit.lower() or "d"
    if unit not in UNITS:
        raise FormatError(M("format.unit", unit=brief(unit, 20), value=brief(text)))
    per_unit, elapsed = UNITS[unit]
    # a number of a thousand digits is no duration; clamped, it is reported as too long
    amount = min(float(number.replace(",", ".")), 1e12) * per_unit
    if amount != int(amount):
        raise FormatError(M("format.fraction", value=brief(text)))
    days = int(amount) * (-1 if sign == "-" else 1)
    if days < 0 and not allow_negative:
        raise FormatError(M("format.negative", value=brief(text)))
    return Duration(days, elapsed, text.strip().replace(" ", "").lstrip("+"))


def parse_link_type(text: str) -> str:
    upper = text.upper()
    upper = GERMAN_LINK_TYPES.get(upper, upper)
    if upper not in LINK_TYPES:
        raise FormatError(M("format.link-type", type=brief(text, 20)))
    return upper


def parse_link(value, line: int = 0) -> Link:
    """Read ``ag``, ``vorlage FS+2w``, ``umfrage AA+5d`` or ``{id, type, lag}``."""
    if isinstance(value, dict):
        if "id" not in value:
            raise FormatError(M("format.link-id"))
        unknown = set(value) - {"id", "type", "lag"}
        if unknown:
            raise FormatError(M("format.link-keys", keys=", ".join(sorted(map(str, unknown)))))
        link_type = parse_link_type(plain(value.get("type", "FS")))
        lag = parse_duration(value.get("lag", 0), allow_negative=True)
        return Link(plain(value["id"]), link_type, lag, line)
    if not isinstance(value, str):
        raise FormatError(M("format.link", value=brief(value)))
    return Link(*_link(value), line)


@lru_cache(maxsize=4096)
def _link(value: str) -> tuple[str, str, Duration]:
    """Predecessor, type and lag of a link written as text."""
    match = _LINK.match(value)
    if not match:
        raise FormatError(M("format.link-example", value=brief(value)))
    link_type = parse_link_type(match["type"]) if match["type"] else "FS"
    lag = parse_duration(match["lag"], allow_negative=True) if match["lag"] else Duration(0)
    return match["id"], link_type, lag
