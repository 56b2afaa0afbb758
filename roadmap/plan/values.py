"""Plan values as text for the model and for messages: never a Python repr."""
from __future__ import annotations

import datetime as dt

__all__ = ["brief", "plain"]


def plain(value) -> str:
    """A scalar as text; YAML turns ``2027-01-11`` into a date and ``1.0`` into a float.
    A list or mapping where a scalar belongs shows as ``[…]`` / ``{…}``, never as Python."""
    if type(value) is str:  # by far the most common: first
        return value
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    return str(value)


def brief(value, width: int = 60) -> str:
    """A value for a message: as :func:`plain`, cut to ``width`` characters."""
    text = plain(value)
    return text if len(text) <= width else text[:width - 1] + "…"
