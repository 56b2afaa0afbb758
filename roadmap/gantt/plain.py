"""The Gantt figure as plain dicts, as plotly would write it, without plotly's validators.

Building the page's figure through ``plotly.graph_objects`` validated every property of
every trace and shape and imported a few hundred validator modules on the way: a quarter
of a default ``roadmap build``. The figure modules build the same dicts with the same
calls (``Figure.add_trace``, ``update_layout``, ``update_xaxes``, ``update_yaxes``,
``Scatter``, ``Bar``), and :class:`Figure` keeps them in the order plotly's ``to_dict()``
gives, so the page's JSON stays byte for byte the same (tests/test_perf_same.py,
tests/test_gantt.py compare both ways):

- a trace or a shape, annotation or nested object made from a dict: keys in alphabetical
  order (plotly's constructors set the properties in that order), ``None`` left out;
  a trace's ``type`` last; ``line_width`` and the like (plotly's "magic underscores")
  after the rest, as the nested object;
- ``update_layout`` and the axes: keys in the order given, the nested objects of one call
  before its plain values, keys already there keep their place;
- ``template="none"``: plotly's empty template.

:func:`roadmap.gantt.figure.gantt_figure` still returns a ``plotly.graph_objects.Figure``
(made from these dicts) for callers of the library.
"""
from __future__ import annotations

#: ``plotly.io.templates["none"]`` as ``to_dict()`` writes it.
NONE_TEMPLATE = {"data": {"scatter": [{"type": "scatter"}]}}
#: Properties whose dict is data, not a plotly object: kept as given.
FREE = {"meta", "customdata"}


def constructed(value: dict) -> dict:
    """What a plotly constructor keeps of ``value``: alphabetical, nested objects alike."""
    out, magic = {}, []
    for key in sorted(value):
        item = value[key]
        if item is None:
            continue
        if "_" in key:
            magic.append((key, item))
        elif isinstance(item, dict) and key not in FREE:
            out[key] = constructed(item)
        else:
            out[key] = item
    for key, item in magic:  # line_width=0 -> "line": {"width": 0}, after the rest
        parent, child = key.split("_", 1)
        out.setdefault(parent, {})[child] = item
    return out


def trace(kind: str, **properties) -> dict:
    data = constructed(properties)
    data["type"] = kind
    return data


def Scatter(**properties) -> dict:  # noqa: N802 - named as plotly's
    return trace("scatter", **properties)


def Bar(**properties) -> dict:  # noqa: N802 - named as plotly's
    return trace("bar", **properties)


def _update(target: dict, values: dict) -> None:
    nested = [(k, v) for k, v in values.items() if isinstance(v, dict) and k != "template"]
    for key, value in nested:
        _update(target.setdefault(key, {}), value)
    for key, value in values.items():
        if value is None or (isinstance(value, dict) and key != "template"):
            continue
        if key == "template":
            if value != "none":
                raise ValueError("only template='none' is known here")
            value = {"data": {"scatter": [dict(NONE_TEMPLATE["data"]["scatter"][0])]}}
        elif isinstance(value, (list, tuple)) and value and isinstance(value[0], dict):
            value = [constructed(item) for item in value]  # shapes, annotations
        target[key] = value


class Figure:
    """A figure of plain dicts (``data``: the traces, ``layout``), in plotly's key order."""

    def __init__(self):
        self.data: list[dict] = []
        self.layout: dict = {"template": None}  # plotly's layout starts with its template

    def add_trace(self, data: dict) -> None:
        self.data.append(data)

    def update_layout(self, **values) -> None:
        _update(self.layout, values)

    def update_xaxes(self, **values) -> None:
        _update(self.layout.setdefault("xaxis", {}), values)

    def update_yaxes(self, **values) -> None:
        _update(self.layout.setdefault("yaxis", {}), values)

    def to_dict(self) -> dict:
        layout = {key: value for key, value in self.layout.items() if value is not None}
        return {"data": self.data, "layout": layout}
