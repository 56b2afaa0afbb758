"""Durations (``3w``, ``10 Tage``, ``21ed``) and links (``vorlage EA+2w``) as text."""
from __future__ import annotations

import re

from roadmap.model import GERMAN_LINK_TYPES, Duration, Link

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
    """A duration or link that cannot be read; the message says what is expected."""


def parse_duration(value, *, allow_negative: bool = False) -> Duration:
    """Read ``3w``, ``10``, ``21ed``, ``-2d``; a bare number means working days."""
    if isinstance(value, bool) or value is None:
        raise FormatError(f"'{value}' is not a duration; write e.g. 10d, 3w, 2mo or 21ed")
    text = str(value)
    match = _DURATION.match(text)
    if not match:
        raise FormatError(
            f"'{text}' is not a duration; write a number with a unit: d/t (working days), "
            "w/wo (weeks of 5 working days), mo (20 working days), ed/ft or ew/fw (calendar days/weeks)"
        )
    sign, number, unit = match.groups()
    unit = unit.lower() or "d"
    if unit not in UNITS:
        raise FormatError(
            f"unknown unit '{unit}' in '{text}'; use d, t, w, wo, mo (working) or ed, ft, ew, fw (calendar)"
        )
    per_unit, elapsed = UNITS[unit]
    amount = float(number.replace(",", ".")) * per_unit
    if amount != int(amount):
        raise FormatError(f"'{text}' is not a whole number of days")
    days = int(amount) * (-1 if sign == "-" else 1)
    if days < 0 and not allow_negative:
        raise FormatError(f"'{text}' is negative; a duration must be 0 or more")
    return Duration(days, elapsed, text.strip().replace(" ", "").lstrip("+"))


def parse_link_type(text: str) -> str:
    upper = text.upper()
    upper = GERMAN_LINK_TYPES.get(upper, upper)
    if upper not in LINK_TYPES:
        raise FormatError(f"unknown link type '{text}'; use FS, SS, FF, SF (or EA, AA, EE, AE)")
    return upper


def parse_link(value, line: int = 0) -> Link:
    """Read ``ag``, ``vorlage FS+2w``, ``umfrage AA+5d`` or ``{id, type, lag}``."""
    if isinstance(value, dict):
        if "id" not in value:
            raise FormatError("a link mapping needs 'id' (and optionally 'type' and 'lag')")
        unknown = set(value) - {"id", "type", "lag"}
        if unknown:
            raise FormatError(f"unknown key(s) in link: {', '.join(sorted(map(str, unknown)))}")
        link_type = parse_link_type(str(value.get("type", "FS")))
        lag = parse_duration(value.get("lag", 0), allow_negative=True)
        return Link(str(value["id"]), link_type, lag, line)
    if not isinstance(value, str):
        raise FormatError(f"'{value}' is not a link; write 'ID', 'ID TYPE' or 'ID TYPE+LAG'")
    match = _LINK.match(value)
    if not match:
        raise FormatError(f"'{value}' is not a link; write 'ID', 'ID TYPE' or 'ID TYPE+LAG', e.g. 'vorlage FS+2w'")
    link_type = parse_link_type(match["type"]) if match["type"] else "FS"
    lag = parse_duration(match["lag"], allow_negative=True) if match["lag"] else Duration(0)
    return Link(match["id"], link_type, lag, line)
