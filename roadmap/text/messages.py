"""Messages: a catalog key plus its arguments, rendered in German or English when shown.

A :class:`Message` is a key of :data:`roadmap.text.catalog.CATALOG` plus its arguments; it is rendered when printed, in
the language asked for, German by default. Arguments may themselves be messages (a
duration error inside a package's diagnostic), dates (``31.12.2027`` / ``2027-12-31``) or
exceptions carrying a message.

Which language: :func:`choose_language` picks the first of an explicit choice (``--lang``), the
environment variable ``ROADMAP_LANG``, the plan's ``project.language``, German.

The texts themselves live in :mod:`roadmap.text.catalog`.
"""
from __future__ import annotations

import datetime as dt
import os
import string

from roadmap.text.catalog import CATALOG, CODES, DEFAULT_LANGUAGE, LANGUAGES
from roadmap.text.formats import format_date

ENVIRONMENT = "ROADMAP_LANG"

__all__ = ["CATALOG", "CODES", "Message", "choose_language", "placeholders", "render", "t"]


def choose_language(requested: str | None = None, plan_language: str | None = None) -> str:
    """The language of messages: ``requested`` (``--lang``), else ``ROADMAP_LANG``, else
    the plan's language, else German."""
    for choice in (requested, os.environ.get(ENVIRONMENT, "").strip().lower(), plan_language):
        if choice in LANGUAGES:
            return choice
    return DEFAULT_LANGUAGE


class Message:
    """A catalog key and its arguments, rendered in German or English when shown."""

    __slots__ = ("key", "args")

    def __init__(self, key: str, /, **args):
        if key not in CATALOG:
            raise KeyError(f"no message '{key}' in the catalog")
        self.key = key
        self.args = args

    def render(self, language: str | None = None) -> str:
        lang = language if language in LANGUAGES else choose_language()
        template = CATALOG[self.key][LANGUAGES.index(lang)]
        return template.format(**{name: render(value, lang) for name, value in self.args.items()})

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.args!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Message) and (self.key, self.args) == (other.key, other.args)

    def __hash__(self) -> int:
        return hash(self.key)


def render(value, language: str | None = None) -> str:
    """Any message argument as text: messages and exceptions carrying one in ``language``,
    dates as ``TT.MM.JJJJ`` (German) or ISO (English), anything else as ``str``."""
    if isinstance(value, Message) or (hasattr(value, "render") and not isinstance(value, type)):
        return value.render(language)
    if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Message):
        return value.args[0].render(language)
    if isinstance(value, dt.date):
        return format_date(value, language if language in LANGUAGES else DEFAULT_LANGUAGE)
    return str(value)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def t(key: str, language: str = DEFAULT_LANGUAGE, /, **args) -> str:
    """The catalog text ``key`` in ``language`` (German for anything else), with ``args``
    filled in by :meth:`str.format`. Every word and sentence a user reads comes from here."""
    template = CATALOG[key][1 if language == "en" else 0]
    if not args:
        return template
    return template.format(**{name: render(value, language) for name, value in args.items()})
