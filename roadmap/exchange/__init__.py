"""Other tools' formats: what ``roadmap export`` writes, ``roadmap oparl`` and ``roadmap
import`` read, and the terminal table and CSV of ``roadmap schedule``.

Every export format is one entry in :data:`FORMATS`: its ``--format`` name, the file
suffix, the catalog key of its display name and the function that renders it. A renderer
takes the computed :class:`~roadmap.engine.result.Schedule` and :class:`ExportOptions`
and returns the finished file as bytes (:class:`Rendered`); :func:`export` writes them
atomically through :mod:`roadmap.output`, so no format writes files itself. Adding a
format is one entry here plus its module, as for TaskJuggler::

    "tjp": ExportFormat("tjp", ".tjp", "export.format.tjp", "roadmap.exchange.tjp:render_tjp",
                        "export.help.tjp"),

(``export.format.tjp`` and ``export.help.tjp`` in roadmap/text/catalog/exchange.py);
``roadmap export --help`` lists the formats from here.

Renderers are imported only when used, so ``roadmap schedule`` never loads icalendar or
an XML library.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from roadmap.output import atomic_write
from roadmap.text.messages import Message

if TYPE_CHECKING:
    from roadmap.engine.result import Schedule
    from roadmap.plan.model import Plan


@dataclass(frozen=True)
class ExportOptions:
    """What a user can ask of every format; a format ignores what it cannot carry."""

    language: str = "de"  # the words inside the file
    all_packages: bool = False  # --all: also every package's start and finish (ics)
    plan: Plan | None = None  # the plan the schedule came from, for formats that need more


@dataclass(frozen=True)
class Rendered:
    """A finished file and a short description of its content for the summary line."""

    data: bytes
    summary: Message | None = None  # e.g. "14 Termine"


@dataclass(frozen=True)
class ExportFormat:
    name: str  # the value of --format
    suffix: str  # default file suffix, with the dot
    label_key: str  # catalog key of the display name ("iCalendar-Kalender")
    renderer: str  # "module:function"; function(schedule, options) -> Rendered
    help_key: str = ""  # catalog key of its line in `roadmap export --help`

    def render_function(self) -> Callable[[Schedule, ExportOptions], Rendered]:
        module, _, function = self.renderer.partition(":")
        return getattr(importlib.import_module(module), function)


#: The formats of ``roadmap export --format``, in the order ``--help`` lists them.
FORMATS: dict[str, ExportFormat] = {
    "ics": ExportFormat("ics", ".ics", "export.format.ics", "roadmap.exchange.ics_export:render_ics",
                        "export.help.ics"),
    "csv": ExportFormat("csv", ".csv", "export.format.csv", "roadmap.exchange.tabular:render_csv",
                        "export.help.csv"),
    "csv-en": ExportFormat("csv-en", ".csv", "export.format.csv-en", "roadmap.exchange.tabular:render_csv_en",
                           "export.help.csv-en"),
    "mspdi": ExportFormat("mspdi", ".xml", "export.format.mspdi", "roadmap.exchange.mspdi:render_mspdi",
                          "export.help.mspdi"),
    "tjp": ExportFormat("tjp", ".tjp", "export.format.tjp", "roadmap.exchange.tjp:render_tjp", "export.help.tjp"),
}


def render(schedule: Schedule, fmt: str, options: ExportOptions | None = None) -> Rendered:
    """The file of format ``fmt`` (a key of :data:`FORMATS`) for ``schedule``, as bytes."""
    return FORMATS[fmt].render_function()(schedule, options or ExportOptions(language=schedule.language))


def export(schedule: Schedule, fmt: str, path, options: ExportOptions | None = None,
           inputs=()) -> tuple[Path, Rendered]:
    """Render ``schedule`` as ``fmt`` and write it atomically to ``path``.

    Raises :class:`roadmap.output.OutputError` (a catalog message naming the file) if it
    cannot be written, or if ``path`` is one of ``inputs`` (the plan).
    """
    rendered = render(schedule, fmt, options)
    target = atomic_write(path, lambda temp: Path(temp).write_bytes(rendered.data), inputs)
    return target, rendered


__all__ = ["FORMATS", "ExportFormat", "ExportOptions", "Rendered", "export", "render"]
