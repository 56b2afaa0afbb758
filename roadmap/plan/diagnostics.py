"""Problems found in a plan, each with a place (``plan.yaml:42``) and a stable code.

The message is a :class:`~roadmap.messages.Message` from the catalog and is rendered in
German by default, in English on request; the line format ``file:line: error: ... [code]``
with the English words ``error``/``warning`` and the codes never changes.
"""
from __future__ import annotations

from dataclasses import dataclass

from roadmap.text.messages import Message


@dataclass(frozen=True)
class Diagnostic:
    severity: str  # "error" | "warning"
    code: str
    message: Message | str  # a plain str is shown as it is, in every language
    file: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file

    def text(self, language: str | None = None) -> str:
        """The message alone, in ``language`` (default: German, or ``ROADMAP_LANG``)."""
        return self.message.render(language) if isinstance(self.message, Message) else self.message

    def render(self, language: str | None = None) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.severity}: {self.text(language)} [{self.code}]"

    def __str__(self) -> str:
        return self.render()

    def to_json(self, language: str | None = None) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.text(language),
            "where": self.where,
        }


class PlanError(Exception):
    """A plan has errors; ``diagnostics`` lists all of them (and any warnings).

    ``language`` is the plan's ``project.language`` when it was read, else ``None``.
    """

    def __init__(self, diagnostics: list[Diagnostic], language: str | None = None):
        self.diagnostics = diagnostics
        self.language = language
        super().__init__(diagnostics)

    def render(self, language: str | None = None) -> str:
        return "\n".join(d.render(language) for d in self.diagnostics if d.severity == "error")

    def __str__(self) -> str:
        return self.render()


class Collector:
    """Gathers diagnostics for one file so all problems are reported in one run."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Diagnostic] = []

    def error(self, line: int, code: str, message: Message) -> None:
        self.items.append(Diagnostic("error", code, message, self.file, line))

    def warning(self, line: int, code: str, message: Message) -> None:
        self.items.append(Diagnostic("warning", code, message, self.file, line))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

