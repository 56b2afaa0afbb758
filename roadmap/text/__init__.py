"""What a user reads: one German/English catalog of words and messages, and date formats.

- :mod:`roadmap.text.catalog`: every text, ``key: (German, English)``;
- :func:`t`: a catalog text in a language, arguments filled in;
- :class:`Message`: a key plus arguments, rendered later (diagnostics carry these);
- :mod:`roadmap.text.formats`: ``TT.MM.JJJJ``, month and weekday names, KW.
"""
from roadmap.text.formats import format_date, iso_week, month_name, weekday_name, word
from roadmap.text.messages import Message, choose_language, render, t

__all__ = ["Message", "choose_language", "format_date", "iso_week", "month_name", "render", "t",
           "weekday_name", "word"]
