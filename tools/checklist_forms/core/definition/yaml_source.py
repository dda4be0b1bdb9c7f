"""Read the YAML body into plain data that remembers where each piece was written.

The YAML is composed, not loaded, so every key and value keeps its line; the data handed
to the schema check is what a JSON document would hold (strings, numbers, booleans, null,
lists, mappings with text keys). Two YAML features are refused outright, before anything
is built: explicit tags (``!!bool maybe``, ``!!python/...``: a definition is data, and a
tag could make a value something its text does not say) and aliases (a few nested
aliases expand into millions of nodes, so a 2 KB body could take minutes to read).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml

from checklist_forms.core.definition.problems import Problem, Subtype

# A path to a value inside the body: keys and list indexes, from the root.
Path = tuple[str | int, ...]

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NULL_TAG = "tag:yaml.org,2002:null"
_TYPED_TAGS = (_BOOL_TAG, _INT_TAG, _FLOAT_TAG, _NULL_TAG)
# Deeper than any definition needs; stops a body of ten thousand "[" early.
MAX_DEPTH = 40

# libyaml composes about fifteen times faster than the pure-Python parser and keeps the
# same marks (lines), so contributors get the same locations either way.
_LOADER: Any = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None
_LOADER = _LOADER or yaml.SafeLoader
_constructor = yaml.SafeLoader("")


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


@dataclass
class Source:
    """The body as plain data, and the YAML node behind each path."""

    data: Any = None
    values: dict[Path, yaml.Node] = field(default_factory=dict)
    keys: dict[Path, yaml.Node] = field(default_factory=dict)
    # Keys written twice in one mapping (the first one is kept): (mapping path, key line).
    repeated: list[tuple[Path, str, int]] = field(default_factory=list)

    def line(self, path: Path) -> int | None:
        """0-based line of the value at ``path`` (or of its nearest written parent)."""
        while path not in self.values and path:
            path = path[:-1]
        node = self.values.get(path)
        return node.start_mark.line if node is not None else None

    def key_line(self, path: Path) -> int | None:
        node = self.keys.get(path)
        return node.start_mark.line if node is not None else self.line(path)

    def raw(self, path: Path) -> str | None:
        """The text written for a scalar, as typed (``yes`` stays "yes")."""
        node = self.values.get(path)
        return str(node.value) if isinstance(node, yaml.ScalarNode) else None

    def describe(self, path: Path) -> str:
        node = self.values.get(path)
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        return repr(node.value if node is not None else "")

    def is_plain_scalar(self, path: Path) -> bool:
        node = self.values.get(path)
        # libyaml marks a plain scalar with the style "", the Python parser with None.
        return isinstance(node, yaml.ScalarNode) and not node.style


def read_yaml(text: str) -> tuple[Source | None, list[Problem]]:
    """The body as a :class:`Source`, or None and the one problem that stopped it."""
    try:
        if "!" in text or "&" in text or "*" in text:
            _refuse_tags_and_aliases(text)
        root = yaml.compose(text, Loader=_LOADER)
    except _Refused as refused:
        return None, [refused.problem]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line if mark is not None else None
        if isinstance(exc, yaml.reader.ReaderError):
            # A character YAML refuses (a control character) has a position, not a mark.
            line = text.count("\n", 0, exc.position)
        message = f"the checklist body is not valid YAML: {reason}"
        return None, [Problem(Subtype.YAML, message, line)]
    if root is None:
        return None, [Problem(Subtype.MISSING_KEY, "the checklist has no body: add 'sections'")]
    source = Source()
    try:
        source.data = _convert(root, (), source, 0)
    except _Refused as refused:
        return None, [refused.problem]
    return source, []


def _refuse_tags_and_aliases(text: str) -> None:
    """Stop at the first alias or explicit tag, before composing builds anything."""
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line if event.start_mark is not None else None
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                Problem(
                    Subtype.YAML,
                    f"the checklist body uses the YAML alias *{event.anchor}: aliases are not "
                    "allowed in a checklist; write the value out again",
                    line,
                )
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(
                Problem(
                    Subtype.YAML,
                    f"the checklist body uses the YAML tag {tag}: tags are not allowed in a "
                    "checklist; write the value without it (quote it to make it text)",
                    line,
                )
            )


def _convert(node: yaml.Node, path: Path, source: Source, depth: int) -> Any:
    source.values[path] = node
    if depth > MAX_DEPTH:
        raise _Refused(
            Problem(
                Subtype.YAML,
                f"the checklist body is nested more than {MAX_DEPTH} levels deep",
                node.start_mark.line,
            )
        )
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
            if key in out:
                source.repeated.append((path, key, key_node.start_mark.line))
                continue
            source.keys[(*path, key)] = key_node
            out[key] = _convert(value_node, (*path, key), source, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(child, (*path, index), source, depth + 1)
            for index, child in enumerate(node.value)
        ]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    """The JSON value of a scalar: booleans, numbers and null typed, the rest as text.

    Timestamps and other YAML types stay text; infinities and NaN, which JSON cannot
    hold, stay text too, so the schema says they are not numbers.
    """
    if node.tag not in _TYPED_TAGS:
        return str(node.value)
    try:
        value = _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError):
        return str(node.value)
    finally:
        # The constructor remembers every node it built; forget them, or a large site
        # keeps every YAML node of every checklist alive.
        _constructor.constructed_objects.clear()
        _constructor.recursive_objects.clear()
    if isinstance(value, float) and not math.isfinite(value):
        return str(node.value)
    return value
