"""YAML reading that remembers the line of every mapping key and list item.

PyYAML's safe loader forgets where things were; plans need ``file:line`` in every
diagnostic, so mappings and lists come back as :class:`LineDict` / :class:`LineList`.
"""
from __future__ import annotations

import yaml


class LineDict(dict):
    """A dict that knows its own line and the line of each key (1-based)."""

    line = 0
    key_lines: dict
    duplicates: list  # (key, line) of keys given twice

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


# libyaml's parser when PyYAML was built with it (the wheels are): parsing the built-in
# template took 0.4 s in pure Python, three times per `roadmap build`. Same safe constructors.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.duplicates = []
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in data:
            data.duplicates.append((key, line))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    """A date such as 2027-13-01 stays text, so the loader can report it with its line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_yaml(text: str):
    """Parse YAML safely (no Python objects, no code) with line information."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from a safe loader


def load_plain(text: str):
    """Parse YAML safely into plain dicts and lists (no line information)."""
    return yaml.load(text, Loader=_SafeBase)  # noqa: S506 - a safe loader


def compose(text: str) -> yaml.Node:
    """The YAML node tree of ``text`` (keys with their marks), without constructing values."""
    return yaml.compose(text, Loader=_SafeBase)  # noqa: S506 - composing runs no constructors
