"""Problems found in a plan, each with a place (``plan.yaml:42``) and a stable code."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    severity: str  # "error" | "warning"
    code: str
    message: str
    file: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.severity}: {self.message} [{self.code}]"

    def to_json(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "where": self.where,
        }


class PlanError(Exception):
    """A plan has errors; ``diagnostics`` lists all of them (and any warnings)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.severity == "error"]
        super().__init__("\n".join(str(d) for d in errors))


class Collector:
    """Gathers diagnostics for one file so all problems are reported in one run."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Diagnostic] = []

    def error(self, line: int, code: str, message: str) -> None:
        self.items.append(Diagnostic("error", code, message, self.file, line))

    def warning(self, line: int, code: str, message: str) -> None:
        self.items.append(Diagnostic("warning", code, message, self.file, line))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)
