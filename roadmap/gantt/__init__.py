"""The HTML Gantt for the council room: rows, links, the plotly figure and the page."""
