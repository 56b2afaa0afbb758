"""The Excel plan: sheet names, headers, legends and notes."""

ENTRIES: dict[str, tuple[str, str]] = {
}
