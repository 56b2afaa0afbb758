"""The HTML Gantt: legend, hover, buttons and the page around the chart."""

ENTRIES: dict[str, tuple[str, str]] = {
}
