"""The command line: help texts, prompts of roadmap new, the build summary."""

ENTRIES: dict[str, tuple[str, str]] = {
}
