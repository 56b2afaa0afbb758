"""YAML reading that remembers the line of every mapping key and list item.

PyYAML's safe loader forgets where things were; plans need ``file:line`` in every
diagnostic, so mappings and lists come back as :class:`LineDict` / :class:`LineList`.

:func:`load_yaml` also keeps the documented limits (docs/plan-format.md, "Grenzen"): the
node tree is checked for alias expansion before anything is built from it (an 888-byte
"billion laughs" file is refused in milliseconds), nesting depth and number length are
checked while building, and YAML types a plan has no use for (``!!binary``, ``!!set``,
``!!omap``, ``!!pairs``, unknown tags) become a diagnostic instead of a Python object.
"""
from __future__ import annotations

import re

import yaml

from roadmap.text.messages import Message as M

MAX_ALIAS_NODES = 100_000  # nodes added through aliases ('*name'), counted as if copied
MAX_DEPTH = 100  # levels of nesting
MAX_NUMBER = 50  # characters of a number


#: Something that may be an anchor ("&name" after a space, a bracket or a comma); "Q&A" and
#: "Bau & Planung" are not. A false hit only costs the (correct) check.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.M)


class YamlLimit(yaml.YAMLError):
    """A limit was broken; nothing was built. ``line``, ``code`` and ``message`` say where
    and what, for one diagnostic. A :class:`yaml.YAMLError` (with ``problem`` and
    ``problem_mark``), so readers of other YAML files report it as a syntax problem."""

    def __init__(self, line: int, code: str, message: M):
        super().__init__(message)
        self.line, self.code, self.message = line, code, message
        self.problem = message
        self.problem_mark = yaml.Mark("", 0, max(line - 1, 0), 0, None, None)


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
    depth = 0
    problems: list  # (line, code, message) of values that were left out or kept as text
    _by_first: dict = {}  # first character -> the implicit resolvers to try (and the wildcards)

    def resolve(self, kind, value, implicit):
        """PyYAML's ``resolve`` for plain scalars, with the resolvers to try looked up once
        per first character: the composer calls it for every scalar of the plan."""
        if kind is not yaml.ScalarNode or not implicit[0] or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        first = value[:1]
        resolvers = self._by_first.get(first)
        if resolvers is None:
            table = self.yaml_implicit_resolvers
            resolvers = self._by_first[first] = tuple(table.get(first, [])) + tuple(table.get(None, []))
        for tag, regexp in resolvers:
            if regexp.match(value):
                return tag
        return self.DEFAULT_SCALAR_TAG


def _deeper(loader: _Loader, node) -> None:
    loader.depth += 1
    if loader.depth > MAX_DEPTH:
        raise YamlLimit(node.start_mark.line + 1, "too-deep", M("too-deep", limit=MAX_DEPTH))


def _construct_mapping(loader: _Loader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.duplicates = []
    yield data
    _deeper(loader, node)
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = _entry(data, loader.construct_object(key_node, deep=True), key_node)
        data[key] = loader.construct_object(value_node, deep=True)
    loader.depth -= 1


def _entry(data: LineDict, key, key_node) -> object:
    """Record ``key`` of a mapping being built: its line, and a duplicate if it is there
    already. Returns the key to store under (a list or mapping as a key is shown as such,
    never as Python)."""
    try:
        hash(key)
    except TypeError:
        key = "[…]" if isinstance(key, list) else "{…}"
    line = key_node.start_mark.line + 1
    if key in data:
        data.duplicates.append((key, line))
    data.key_lines[key] = line
    return key


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    _deeper(loader, node)
    data.extend(loader.construct_object(child, deep=True) for child in node.value)
    loader.depth -= 1


def _left_out(loader: _Loader, node, code: str, message: M):
    loader.problems.append((node.start_mark.line + 1, code, message))
    return None


def _number(construct):
    """An int or float constructor that refuses numbers longer than :data:`MAX_NUMBER`
    (Python refuses ints over 4,300 digits with an internal error)."""
    def constructor(loader: _Loader, node: yaml.ScalarNode):
        if len(node.value) > MAX_NUMBER:  # reported, and kept as the text it is
            message = M("number-too-long", length=len(node.value), limit=MAX_NUMBER)
            _left_out(loader, node, "number-too-long", message)
            return node.value
        return construct(loader, node)
    return constructor


def _unsupported(loader: _Loader, *args):
    node = args[-1]
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    return _left_out(loader, node, "bad-type", M("bad-type.tag", tag=tag[:60]))


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    """A date such as 2027-13-01 stays text, so the loader can report it with its line."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:int", _number(yaml.SafeLoader.construct_yaml_int))
_Loader.add_constructor("tag:yaml.org,2002:float", _number(yaml.SafeLoader.construct_yaml_float))
for _tag in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _unsupported)
_Loader.add_constructor(None, _unsupported)


def load_yaml(text: str, problems: list | None = None):
    """Parse YAML safely (no Python objects, no code) with line information.

    Raises :class:`YamlLimit` when the alias expansion or the nesting is beyond the limits.
    Values that are left out (numbers too long, unsupported types) become ``None``, and
    ``(line, code, message)`` for each is appended to ``problems``.
    """
    loader = _Loader(text)
    loader.problems = [] if problems is None else problems
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text and _ANCHOR.search(text):  # without an anchor there is no alias
            check_aliases(node)
            return loader.construct_document(node)  # shares the objects of aliased nodes
        return _build(loader, node)
    finally:
        loader.dispose()


_STR, _MAP, _SEQ = ("tag:yaml.org,2002:" + name for name in ("str", "map", "seq"))


def _build(loader: _Loader, node):
    """What ``loader.construct_document(node)`` makes of a document without aliases, in
    one walk: plain strings, mappings and lists directly (most of a plan), every other
    node through the loader's constructors. Twice as fast as the generic constructor,
    which is built for aliases and recursive structures a plan without anchors cannot have."""
    kind = node.__class__
    if kind is yaml.ScalarNode:
        return node.value if node.tag == _STR else loader.construct_object(node)
    if kind is yaml.MappingNode and node.tag == _MAP:
        _deeper(loader, node)
        loader.flatten_mapping(node)
        data = LineDict()
        data.line, data.key_lines, data.duplicates = node.start_mark.line + 1, {}, []
        pairs = node.value
        for index, (key_node, value_node) in enumerate(pairs):
            pairs[index] = None  # the node tree goes as the plan is built: one copy at a time
            key = _entry(data, _build(loader, key_node), key_node)
            data[key] = _build(loader, value_node)
        loader.depth -= 1
        return data
    if kind is yaml.SequenceNode and node.tag == _SEQ:
        _deeper(loader, node)
        children = node.value
        data = LineList()
        data.line = node.start_mark.line + 1
        data.item_lines = [child.start_mark.line + 1 for child in children]
        for index, child in enumerate(children):
            children[index] = None
            data.append(_build(loader, child))
        loader.depth -= 1
        return data
    return loader.construct_object(node, deep=True)


def check_aliases(root: yaml.Node) -> None:
    """Raise :class:`YamlLimit` if the aliases would expand the tree by more than
    :data:`MAX_ALIAS_NODES` nodes, or if one refers to a node containing it.

    Each node's expanded size is computed once (post-order, by node identity), so the
    check takes time in the number of distinct nodes, not in the size of the expansion.
    The line given is that of the anchor whose repetition adds the most.
    """
    size: dict[int, int] = {}
    uses: dict[int, int] = {}
    nodes: dict[int, yaml.Node] = {}
    open_nodes: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            continue
        if key in size:
            continue
        if key in open_nodes:
            raise YamlLimit(node.start_mark.line + 1, "alias-limit", M("alias-limit.recursive"))
        nodes[key] = node
        open_nodes.add(key)
        stack.append((node, True))
        for child in _children(node):
            uses[id(child)] = uses.get(id(child), 0) + 1
            if id(child) in open_nodes:
                raise YamlLimit(child.start_mark.line + 1, "alias-limit", M("alias-limit.recursive"))
            if id(child) not in size:
                stack.append((child, False))
    if size[id(root)] - len(nodes) > MAX_ALIAS_NODES:
        worst = max((k for k in uses if uses[k] > 1), key=lambda k: size[k] * (uses[k] - 1))
        raise YamlLimit(nodes[worst].start_mark.line + 1, "alias-limit",
                        M("alias-limit", limit=MAX_ALIAS_NODES))


def _children(node: yaml.Node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def load_plain(text: str):
    """Parse YAML safely into plain dicts and lists (no line information)."""
    return yaml.load(text, Loader=_SafeBase)  # noqa: S506 - a safe loader


def compose(text: str) -> yaml.Node:
    """The YAML node tree of ``text`` (keys with their marks), without constructing values."""
    return yaml.compose(text, Loader=_SafeBase)  # noqa: S506 - composing runs no constructors
