"""Read a checklist definition (directive options + YAML body) into the model.

Every mistake is a contributor's mistake: instead of raising, the parser collects
:class:`Problem` objects that carry a warning subtype and the line of the offending key,
and still returns the best checklist it could build (or ``None`` when nothing usable is
left). The YAML is composed, not loaded, so that every key and value keeps its line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from checklist_forms.core.model import (
    CHOICE_KINDS,
    ITEM_KINDS,
    SEMVER,
    SLUG,
    Checklist,
    Choice,
    Condition,
    Flag,
    Item,
    Level,
    Outcome,
    Rename,
    Scoring,
    Section,
)

# Screens a checklist can ask for with its :guard: option.
GUARDS = ("non-discrimination",)

# Every warning subtype the engine can emit, with what it means; the contributor guide
# and the tests read this table, so a new subtype is documented where it is added.
SUBTYPES: dict[str, str] = {
    "yaml": "the body is not valid YAML, or not a mapping",
    "unknown_key": "a key the language does not know (often a typo)",
    "unknown_kind": "an item kind that does not exist",
    "missing_key": "a key that must be given is absent",
    "bad_value": "a value of the wrong type or out of range",
    "no_choices": "a choice item without choices, or a rating without levels",
    "duplicate_choice": "two choices (or rating levels) of one item share a value",
    "duplicate_id": "two sections or items of one checklist share an id",
    "visible_if": "a condition on a missing or later item, or on a value it cannot take",
    "bad_version": "the version is not a semantic version MAJOR.MINOR.PATCH",
    "missing_id": "the directive has no checklist id, or the id is not a slug",
    "duplicate_checklist": "two checklists of the site share an id",
    "version_not_bumped": "a published version's structure changed without a new version",
}


@dataclass(frozen=True)
class Problem:
    subtype: str
    message: str
    # 0-based line inside the YAML body, or None for the directive line itself.
    line: int | None = None
    # The option the problem is about, when it is about an option.
    option: str | None = None


@dataclass
class _Ctx:
    problems: list[Problem] = field(default_factory=list)

    def add(self, subtype: str, message: str, node: yaml.Node | None) -> None:
        line = node.start_mark.line if node is not None else None
        self.problems.append(Problem(subtype, message, line))


# -- YAML nodes ----------------------------------------------------------------------

_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_NULL_TAG = "tag:yaml.org,2002:null"
_constructor = yaml.SafeLoader("")
# libyaml composes about fifteen times faster than the pure-Python parser and keeps the
# same marks (lines), so contributors get the same locations either way.
_COMPOSER: Any = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


def _scalar(node: yaml.Node) -> Any:
    """The Python value of a scalar node, as YAML would load it."""
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError):
        return node.value
    finally:
        # The constructor remembers every node it built; forget them, or a large site
        # keeps every YAML node of every checklist alive.
        _constructor.constructed_objects.clear()
        _constructor.recursive_objects.clear()


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return repr(node.value)


def _mapping(
    ctx: _Ctx, node: yaml.Node, what: str, allowed: Iterable[str], *, why_not: str = ""
) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """Keys of a mapping node, reporting unknown and repeated keys."""
    if not isinstance(node, yaml.MappingNode):
        ctx.add("bad_value", f"{what} must be a mapping of keys, not {_describe(node)}", node)
        return {}
    allowed = tuple(allowed)
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
        if key in out:
            ctx.add("yaml", f"key {key!r} appears twice in {what}", key_node)
            continue
        if key not in allowed:
            hint = difflib.get_close_matches(key, allowed, n=1)
            if why_not and key in _ALL_ITEM_KEYS:
                detail = why_not
            elif hint:
                detail = f" (did you mean {hint[0]!r}?)"
            else:
                detail = f"; known keys: {', '.join(allowed)}"
            ctx.add("unknown_key", f"unknown key {key!r} in {what}{detail}", key_node)
            continue
        out[key] = (key_node, value_node)
    return out


def _text(
    ctx: _Ctx,
    keys: Mapping[str, tuple[yaml.Node, yaml.Node]],
    key: str,
    what: str,
    *,
    required: bool = False,
    anchor: yaml.Node | None = None,
) -> str:
    if key not in keys:
        if required:
            ctx.add("missing_key", f"{what} has no {key!r}", anchor)
        return ""
    value = keys[key][1]
    if not isinstance(value, yaml.ScalarNode) or value.tag == _NULL_TAG:
        ctx.add("bad_value", f"{key!r} of {what} must be text, not {_describe(value)}", value)
        return ""
    # The raw text, so that `label: yes` stays "yes" rather than becoming True.
    text = str(value.value).strip()
    if required and not text:
        ctx.add("missing_key", f"{key!r} of {what} is empty", value)
    return text


def _bool(
    ctx: _Ctx, keys: Mapping[str, tuple[yaml.Node, yaml.Node]], key: str, what: str
) -> bool | None:
    if key not in keys:
        return None
    value = keys[key][1]
    if isinstance(value, yaml.ScalarNode) and value.tag == _BOOL_TAG:
        return bool(_scalar(value))
    ctx.add("bad_value", f"{key!r} of {what} must be true or false, not {_describe(value)}", value)
    return None


def _number(
    ctx: _Ctx,
    keys: Mapping[str, tuple[yaml.Node, yaml.Node]],
    key: str,
    what: str,
    *,
    integer: bool = False,
    minimum: float | None = None,
) -> float | None:
    if key not in keys:
        return None
    value = keys[key][1]
    tags = (_INT_TAG,) if integer else (_INT_TAG, _FLOAT_TAG)
    if not (isinstance(value, yaml.ScalarNode) and value.tag in tags):
        kind = "a whole number" if integer else "a number"
        ctx.add("bad_value", f"{key!r} of {what} must be {kind}, not {_describe(value)}", value)
        return None
    number = _scalar(value)
    if (
        not isinstance(number, int | float)
        or number != number
        or number
        in (
            float("inf"),
            float("-inf"),
        )
    ):
        ctx.add("bad_value", f"{key!r} of {what} must be a finite number", value)
        return None
    if minimum is not None and number < minimum:
        ctx.add("bad_value", f"{key!r} of {what} must be at least {minimum:g}", value)
        return None
    return int(number) if integer else number


def _slug(
    ctx: _Ctx,
    keys: Mapping[str, tuple[yaml.Node, yaml.Node]],
    key: str,
    what: str,
    anchor: yaml.Node,
    *,
    missing: str = "missing_key",
) -> str:
    text = _text(ctx, keys, key, what)
    if key not in keys:
        ctx.add(missing, f"{what} has no {key!r}", anchor)
        return ""
    if text and not SLUG.match(text):
        ctx.add(
            "bad_value",
            f"{key!r} {text!r} of {what} must be a slug: lowercase letters, digits and hyphens",
            keys[key][1],
        )
        return ""
    return text


def _list(
    ctx: _Ctx,
    keys: Mapping[str, tuple[yaml.Node, yaml.Node]],
    key: str,
    what: str,
    anchor: yaml.Node | None,
    *,
    required: bool = True,
) -> list[yaml.Node]:
    if key not in keys:
        if required:
            ctx.add("missing_key", f"{what} has no {key!r}", anchor)
        return []
    value = keys[key][1]
    if not isinstance(value, yaml.SequenceNode):
        ctx.add("bad_value", f"{key!r} of {what} must be a list, not {_describe(value)}", value)
        return []
    if required and not value.value:
        ctx.add("missing_key", f"{key!r} of {what} is empty", value)
    return list(value.value)


def _points(
    ctx: _Ctx, keys: Mapping[str, tuple[yaml.Node, yaml.Node]], what: str
) -> dict[str, float]:
    if "points" not in keys:
        return {}
    node = keys["points"][1]
    if not isinstance(node, yaml.MappingNode):
        ctx.add("bad_value", f"'points' of {what} must map outcome ids to numbers", node)
        return {}
    out: dict[str, float] = {}
    for key_node, value_node in node.value:
        value = _scalar(value_node) if isinstance(value_node, yaml.ScalarNode) else None
        if value_node.tag not in (_INT_TAG, _FLOAT_TAG) or not isinstance(value, int | float):
            ctx.add(
                "bad_value", f"points for {key_node.value!r} in {what} must be a number", value_node
            )
            continue
        out[str(key_node.value)] = value
    return out


# -- the parts of a checklist -------------------------------------------------------

_COMMON_ITEM_KEYS = ("id", "kind", "label", "help", "required", "visible_if", "weight")
_KIND_KEYS: dict[str, tuple[str, ...]] = {
    "checkbox": ("points",),
    "single_choice": ("choices", "display"),
    "multi_choice": ("choices", "min_selected", "max_selected"),
    "text": ("multiline", "max_length", "placeholder", "guard"),
    "number": ("min", "max", "step", "unit", "must_have"),
    "rating": ("levels", "must_have"),
    "date": (),
    "note": (),
}
_ALL_ITEM_KEYS = tuple(dict.fromkeys(_COMMON_ITEM_KEYS + sum(_KIND_KEYS.values(), ())))


@dataclass
class _RawCondition:
    node: yaml.Node
    item: str
    mode: str  # "equals", "any_of" or "answered"
    values: list[yaml.Node]


def _condition(ctx: _Ctx, node: yaml.Node, what: str) -> _RawCondition | None:
    keys = _mapping(ctx, node, f"the condition of {what}", ("item", "equals", "any_of", "answered"))
    if not keys and isinstance(node, yaml.MappingNode) and node.value:
        return None
    target = _text(ctx, keys, "item", f"the condition of {what}")
    modes = [k for k in ("equals", "any_of", "answered") if k in keys]
    if not target:
        ctx.add("visible_if", f"the condition of {what} names no 'item'", node)
        return None
    if len(modes) != 1:
        ctx.add(
            "visible_if",
            f"the condition of {what} needs exactly one of 'equals', 'any_of' or 'answered'",
            node,
        )
        return None
    mode = modes[0]
    value_node = keys[mode][1]
    if mode == "any_of":
        if not isinstance(value_node, yaml.SequenceNode) or not value_node.value:
            ctx.add(
                "visible_if",
                f"'any_of' in the condition of {what} must be a non-empty list",
                value_node,
            )
            return None
        values = list(value_node.value)
    elif mode == "answered":
        if not (isinstance(value_node, yaml.ScalarNode) and value_node.tag == _BOOL_TAG):
            ctx.add(
                "visible_if",
                f"'answered' in the condition of {what} must be true or false",
                value_node,
            )
            return None
        values = [value_node]
    else:
        if not isinstance(value_node, yaml.ScalarNode):
            ctx.add(
                "visible_if",
                f"'equals' in the condition of {what} must be a single value",
                value_node,
            )
            return None
        values = [value_node]
    return _RawCondition(node=keys["item"][1], item=target, mode=mode, values=values)


def _resolve_condition(
    ctx: _Ctx, raw: _RawCondition, earlier: Mapping[str, Item], later: Iterable[str], what: str
) -> Condition | None:
    """Check a condition against the items before it and type its values like the answers."""
    target = earlier.get(raw.item)
    if target is None:
        where = "a later item" if raw.item in set(later) else "no item of this checklist"
        ctx.add(
            "visible_if",
            f"the condition of {what} depends on {raw.item!r}, which is {where}; "
            "a condition may only use an item defined before it",
            raw.node,
        )
        return None
    if not target.answerable:
        ctx.add(
            "visible_if",
            f"the condition of {what} depends on note {raw.item!r}, which has no answer",
            raw.node,
        )
        return None
    if raw.mode == "answered":
        return Condition(item=raw.item, answered=bool(_scalar(raw.values[0])))
    typed: list[Any] = []
    for value_node in raw.values:
        value = _typed_value(target, value_node)
        if value is _INVALID:
            ctx.add(
                "visible_if",
                f"the condition of {what} compares {raw.item!r} with {value_node.value!r}, "
                f"which it cannot take{_allowed_hint(target)}",
                value_node,
            )
            return None
        typed.append(value)
    if raw.mode == "any_of":
        return Condition(item=raw.item, any_of=tuple(typed))
    return Condition(item=raw.item, equals=typed[0])


_INVALID = object()


def _typed_value(target: Item, node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return _INVALID
    if target.kind in CHOICE_KINDS:
        raw = str(node.value)
        return raw if any(c.value == raw for c in target.choices) else _INVALID
    value = _scalar(node)
    if target.kind == "checkbox":
        return value if isinstance(value, bool) else _INVALID
    if target.kind == "rating":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return value if ok and any(lv.value == value for lv in target.levels) else _INVALID
    if target.kind == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return value if ok else _INVALID
    return str(node.value)


def _allowed_hint(target: Item) -> str:
    if target.choices:
        return "; its values are " + ", ".join(c.value for c in target.choices)
    if target.levels:
        return "; its levels are " + ", ".join(str(lv.value) for lv in target.levels)
    if target.kind == "checkbox":
        return "; a checkbox is true or false"
    return ""


def _choices(ctx: _Ctx, nodes: list[yaml.Node], what: str, anchor: yaml.Node) -> tuple[Choice, ...]:
    if not nodes:
        ctx.add("no_choices", f"{what} has no choices: add a 'choices' list", anchor)
        return ()
    out: list[Choice] = []
    seen: dict[str, yaml.Node] = {}
    for index, node in enumerate(nodes, 1):
        cwhat = f"choice {index} of {what}"
        keys = _mapping(ctx, node, cwhat, ("value", "label", "help", "score", "points"))
        if not keys:
            continue
        value = _slug(ctx, keys, "value", cwhat, node)
        label = _text(ctx, keys, "label", cwhat, required=True, anchor=node)
        if value in seen:
            ctx.add(
                "duplicate_choice",
                f"{what} has two choices with value {value!r}; choice values must be unique",
                keys["value"][1],
            )
            continue
        if value:
            seen[value] = keys["value"][1]
            out.append(
                Choice(
                    value=value,
                    label=label,
                    help=_text(ctx, keys, "help", cwhat),
                    score=_number(ctx, keys, "score", cwhat),
                    points=_points(ctx, keys, cwhat),
                )
            )
    return tuple(out)


def _levels(ctx: _Ctx, nodes: list[yaml.Node], what: str, anchor: yaml.Node) -> tuple[Level, ...]:
    if not nodes:
        ctx.add(
            "no_choices",
            f"{what} has no levels: add a 'levels' list with an anchor per level",
            anchor,
        )
        return ()
    out: list[Level] = []
    seen: set[int] = set()
    for index, node in enumerate(nodes, 1):
        lwhat = f"level {index} of {what}"
        keys = _mapping(ctx, node, lwhat, ("value", "label", "anchor"))
        if not keys:
            continue
        if "value" not in keys:
            ctx.add("missing_key", f"{lwhat} has no 'value'", node)
        value = _number(ctx, keys, "value", lwhat, integer=True)
        label = _text(ctx, keys, "label", lwhat, required=True, anchor=node)
        anchor_text = _text(ctx, keys, "anchor", lwhat, required=True, anchor=node)
        if value is None:
            continue
        level_value = int(value)
        if level_value in seen:
            ctx.add(
                "duplicate_choice",
                f"{what} has two levels with value {level_value}",
                keys["value"][1],
            )
            continue
        if out and level_value < out[-1].value:
            ctx.add(
                "bad_value", f"the levels of {what} must be in increasing order", keys["value"][1]
            )
        seen.add(level_value)
        out.append(Level(value=level_value, label=label, anchor=anchor_text))
    return tuple(out)


def _item(
    ctx: _Ctx, node: yaml.Node, position: str
) -> tuple[Item, _RawCondition | None, yaml.Node] | None:
    if not isinstance(node, yaml.MappingNode):
        ctx.add("bad_value", f"{position} must be a mapping of keys, not {_describe(node)}", node)
        return None
    # Read the kind first: which other keys are allowed depends on it.
    kind_node = next((v for k, v in node.value if getattr(k, "value", None) == "kind"), None)
    id_node = next((v for k, v in node.value if getattr(k, "value", None) == "id"), None)
    item_id = str(id_node.value) if isinstance(id_node, yaml.ScalarNode) else ""
    what = f"item {item_id!r}" if item_id else position
    kind = str(kind_node.value) if isinstance(kind_node, yaml.ScalarNode) else ""
    if kind_node is None:
        ctx.add("missing_key", f"{what} has no 'kind'; kinds: {', '.join(ITEM_KINDS)}", node)
    elif kind not in ITEM_KINDS:
        hint = difflib.get_close_matches(kind, ITEM_KINDS, n=1)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        ctx.add(
            "unknown_kind",
            f"{what} has unknown kind {kind!r}{suggestion}; kinds: {', '.join(ITEM_KINDS)}",
            kind_node,
        )
    if kind in ITEM_KINDS:
        allowed = _COMMON_ITEM_KEYS + _KIND_KEYS[kind]
        if kind == "note":
            allowed = tuple(k for k in allowed if k not in ("required", "weight"))
        keys = _mapping(ctx, node, what, allowed, why_not=f" (not used by a {kind} item)")
    else:
        # Without a known kind, check keys against every kind so typos are still reported.
        keys = _mapping(ctx, node, what, _ALL_ITEM_KEYS)
    ident = _slug(ctx, keys, "id", what, node)
    label = _text(ctx, keys, "label", what, required=True, anchor=node)
    if not ident:
        return None
    if kind not in ITEM_KINDS:
        # Still returned (as a note) so its id is claimed and duplicates are reported;
        # the caller drops it.
        return Item(id=ident, kind="note", label=label, line=None), None, node
    raw_condition = _condition(ctx, keys["visible_if"][1], what) if "visible_if" in keys else None
    fields: dict[str, Any] = {
        "id": ident,
        "kind": kind,
        "label": label,
        "help": _text(ctx, keys, "help", what),
        "required": bool(_bool(ctx, keys, "required", what)),
        "weight": _number(ctx, keys, "weight", what, minimum=0),
        "must_have": _number(ctx, keys, "must_have", what),
        "line": node.start_mark.line,
    }
    if kind in CHOICE_KINDS:
        anchor = keys["choices"][1] if "choices" in keys else node
        fields["choices"] = _choices(
            ctx, _list(ctx, keys, "choices", what, node, required=False), what, anchor
        )
    if kind == "single_choice":
        display = _text(ctx, keys, "display", what) or "radio"
        if display not in ("radio", "select"):
            ctx.add(
                "bad_value", f"'display' of {what} must be 'radio' or 'select'", keys["display"][1]
            )
            display = "radio"
        fields["display"] = display
    if kind == "multi_choice":
        for key in ("min_selected", "max_selected"):
            number = _number(ctx, keys, key, what, integer=True, minimum=0)
            fields[key] = int(number) if number is not None else None
        if fields["max_selected"] is not None and fields["max_selected"] > len(fields["choices"]):
            ctx.add(
                "bad_value",
                f"'max_selected' of {what} is larger than its number of choices",
                keys["max_selected"][1],
            )
    if kind == "checkbox":
        fields["points"] = _points(ctx, keys, what)
    if kind == "text":
        fields["multiline"] = bool(_bool(ctx, keys, "multiline", what))
        length = _number(ctx, keys, "max_length", what, integer=True, minimum=1)
        fields["max_length"] = int(length) if length is not None else None
        fields["placeholder"] = _text(ctx, keys, "placeholder", what)
        guard = _bool(ctx, keys, "guard", what)
        fields["guard"] = True if guard is None else guard
    if kind == "number":
        fields["min"] = _number(ctx, keys, "min", what)
        fields["max"] = _number(ctx, keys, "max", what)
        fields["step"] = _number(ctx, keys, "step", what, minimum=0)
        fields["unit"] = _text(ctx, keys, "unit", what)
        if (
            fields["min"] is not None
            and fields["max"] is not None
            and fields["min"] > fields["max"]
        ):
            ctx.add("bad_value", f"'min' of {what} is greater than its 'max'", keys["min"][1])
    if kind == "rating":
        anchor = keys["levels"][1] if "levels" in keys else node
        fields["levels"] = _levels(
            ctx, _list(ctx, keys, "levels", what, node, required=False), what, anchor
        )
    return Item(**fields), raw_condition, node


_BODY_KEYS = ("intro", "sections", "scoring", "renamed")


def parse_body(text: str) -> tuple[dict[str, Any], list[Problem]]:
    """Parse the YAML body; return the pieces (unchecked against options) and problems."""
    ctx = _Ctx()
    try:
        root = yaml.compose(text, Loader=_COMPOSER or yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line if mark is not None else None
        ctx.problems.append(
            Problem("yaml", f"the checklist body is not valid YAML: {reason}", line)
        )
        return {}, ctx.problems
    if root is None:
        ctx.problems.append(
            Problem("missing_key", "the checklist has no body: add 'sections'", None)
        )
        return {}, ctx.problems
    keys = _mapping(ctx, root, "the checklist", _BODY_KEYS)
    if not keys:
        return {}, ctx.problems
    intro = _text(ctx, keys, "intro", "the checklist")
    sections: list[Section] = []
    seen_ids: dict[str, yaml.Node] = {}
    earlier: dict[str, Item] = {}
    section_nodes = _list(ctx, keys, "sections", "the checklist", root)
    all_item_ids = [
        str(v.value)
        for s in section_nodes
        if isinstance(s, yaml.MappingNode)
        for k, items in s.value
        if getattr(k, "value", None) == "items" and isinstance(items, yaml.SequenceNode)
        for i in items.value
        if isinstance(i, yaml.MappingNode)
        for kk, v in i.value
        if getattr(kk, "value", None) == "id" and isinstance(v, yaml.ScalarNode)
    ]

    def claim(ident: str, node: yaml.Node, kind: str) -> bool:
        if ident in seen_ids:
            ctx.add(
                "duplicate_id",
                f"{kind} id {ident!r} is already used above in this checklist; "
                "section and item ids must be unique in a checklist",
                node,
            )
            return False
        seen_ids[ident] = node
        return True

    for index, snode in enumerate(section_nodes, 1):
        swhat = f"section {index}"
        skeys = _mapping(ctx, snode, swhat, ("id", "title", "intro", "items"))
        if not skeys:
            continue
        sid = _slug(ctx, skeys, "id", swhat, snode)
        if sid:
            swhat = f"section {sid!r}"
        title = _text(ctx, skeys, "title", swhat, required=True, anchor=snode)
        items: list[Item] = []
        for position, inode in enumerate(_list(ctx, skeys, "items", swhat, snode), 1):
            parsed = _item(ctx, inode, f"item {position} of {swhat}")
            if parsed is None:
                continue
            item, raw_condition, node = parsed
            id_node = next(v for k, v in node.value if getattr(k, "value", None) == "id")
            if not claim(item.id, id_node, "item") or item.line is None:
                continue
            if raw_condition is not None:
                later = (
                    all_item_ids[all_item_ids.index(item.id) + 1 :]
                    if item.id in all_item_ids
                    else []
                )
                condition = _resolve_condition(
                    ctx, raw_condition, earlier, [*later, item.id], f"item {item.id!r}"
                )
                item = replace(item, visible_if=condition)
            earlier[item.id] = item
            items.append(item)
        if sid and claim(sid, skeys["id"][1], "section"):
            sections.append(
                Section(
                    id=sid, title=title, intro=_text(ctx, skeys, "intro", swhat), items=tuple(items)
                )
            )
    scoring = _scoring(ctx, keys, earlier) if "scoring" in keys else None
    renamed = _renamed(ctx, keys, earlier)
    return {
        "intro": intro,
        "sections": tuple(sections),
        "scoring": scoring,
        "renamed": renamed,
    }, ctx.problems


def _scoring(
    ctx: _Ctx, keys: Mapping[str, tuple[yaml.Node, yaml.Node]], items: Mapping[str, Item]
) -> Scoring | None:
    node = keys["scoring"][1]
    skeys = _mapping(ctx, node, "'scoring'", ("method", "outcomes", "flags"))
    if not skeys:
        return None
    method = _text(ctx, skeys, "method", "'scoring'", required=True, anchor=node)
    if method and method not in ("tally", "weighted"):
        ctx.add(
            "bad_value",
            f"'method' of 'scoring' must be 'tally' or 'weighted', not {method!r}",
            skeys["method"][1],
        )
        return None
    outcomes: list[Outcome] = []
    seen: set[str] = set()
    for index, onode in enumerate(_list(ctx, skeys, "outcomes", "'scoring'", node), 1):
        owhat = f"outcome {index} of 'scoring'"
        okeys = _mapping(ctx, onode, owhat, ("id", "label", "help", "min", "when_must_have_fails"))
        if not okeys:
            continue
        oid = _slug(ctx, okeys, "id", owhat, onode)
        if oid in seen:
            ctx.add(
                "duplicate_id", f"outcome id {oid!r} is used twice in 'scoring'", okeys["id"][1]
            )
            continue
        seen.add(oid)
        outcome = Outcome(
            id=oid,
            label=_text(ctx, okeys, "label", owhat, required=True, anchor=onode),
            help=_text(ctx, okeys, "help", owhat),
            min=_number(ctx, okeys, "min", owhat, minimum=0),
            when_must_have_fails=bool(_bool(ctx, okeys, "when_must_have_fails", owhat)),
        )
        if method == "weighted" and outcome.min is None and not outcome.when_must_have_fails:
            ctx.add(
                "missing_key", f"{owhat} needs a 'min' score (0 to 100) for weighted scoring", onode
            )
        if oid:
            outcomes.append(outcome)
    flags: list[Flag] = []
    for index, fnode in enumerate(_list(ctx, skeys, "flags", "'scoring'", node, required=False), 1):
        fwhat = f"flag {index} of 'scoring'"
        fkeys = _mapping(ctx, fnode, fwhat, ("id", "label", "when"))
        if not fkeys:
            continue
        fid = _slug(ctx, fkeys, "id", fwhat, fnode)
        label = _text(ctx, fkeys, "label", fwhat, required=True, anchor=fnode)
        if "when" not in fkeys:
            ctx.add("missing_key", f"{fwhat} has no 'when' condition", fnode)
            continue
        raw = _condition(ctx, fkeys["when"][1], fwhat)
        condition = _resolve_condition(ctx, raw, items, (), fwhat) if raw else None
        if fid and condition is not None:
            flags.append(Flag(id=fid, label=label, when=condition))
    outcome_ids = {o.id for o in outcomes}
    for item in items.values():
        for source, points in [(item.id, item.points)] + [
            (f"{item.id}/{c.value}", c.points) for c in item.choices
        ]:
            for target in points:
                if target not in outcome_ids:
                    ctx.add(
                        "bad_value",
                        f"points of {source!r} name outcome {target!r}, which 'scoring' does not declare",
                        node,
                    )
    if not method:
        return None
    return Scoring(method=method, outcomes=tuple(outcomes), flags=tuple(flags))  # type: ignore[arg-type]


def _renamed(
    ctx: _Ctx, keys: Mapping[str, tuple[yaml.Node, yaml.Node]], items: Mapping[str, Item]
) -> tuple[Rename, ...]:
    out: list[Rename] = []
    for index, rnode in enumerate(
        _list(ctx, keys, "renamed", "the checklist", None, required=False), 1
    ):
        rwhat = f"rename {index}"
        rkeys = _mapping(ctx, rnode, rwhat, ("from", "to", "since"))
        if not rkeys:
            continue
        source = _slug(ctx, rkeys, "from", rwhat, rnode)
        target = _slug(ctx, rkeys, "to", rwhat, rnode)
        since = _text(ctx, rkeys, "since", rwhat, required=True, anchor=rnode)
        if since and not SEMVER.match(since):
            ctx.add(
                "bad_version",
                f"'since' of {rwhat} must be a version like 1.2.0, not {since!r}",
                rkeys["since"][1],
            )
            continue
        if target and target not in items:
            ctx.add(
                "bad_value",
                f"{rwhat} renames to {target!r}, which is not an item of this checklist",
                rkeys["to"][1],
            )
            continue
        if source and target and since:
            out.append(Rename(from_id=source, to_id=target, since=since))
    return tuple(out)


def build_checklist(
    checklist_id: str,
    options: Mapping[str, str],
    body: str,
    *,
    language: str = "fr",
) -> tuple[Checklist | None, list[Problem]]:
    """Read a whole definition: the directive argument, its options and the YAML body."""
    parts, problems = parse_body(body)
    if not checklist_id:
        problems.insert(
            0, Problem("missing_id", "the checklist has no id: write it after the directive name")
        )
    elif not SLUG.match(checklist_id):
        problems.insert(
            0,
            Problem(
                "missing_id",
                f"checklist id {checklist_id!r} must be a slug: lowercase letters, digits and hyphens",
            ),
        )
        checklist_id = ""
    version = options.get("version", "").strip()
    if not version:
        problems.insert(
            0,
            Problem(
                "bad_version",
                "the checklist has no :version: option (for example 1.0.0)",
                option="version",
            ),
        )
    elif not SEMVER.match(version):
        problems.insert(
            0,
            Problem(
                "bad_version",
                f"version {version!r} is not a semantic version MAJOR.MINOR.PATCH such as 1.0.0",
                option="version",
            ),
        )
        version = ""
    guards: tuple[str, ...] = ()
    raw_guards = options.get("guard", "").strip()
    if raw_guards:
        guards = tuple(sorted({g.strip() for g in raw_guards.split(",") if g.strip()}))
        unknown = [g for g in guards if g not in GUARDS]
        if unknown:
            problems.insert(
                0,
                Problem(
                    "bad_value",
                    f"unknown guard {unknown[0]!r}; guards: {', '.join(GUARDS)}",
                    option="guard",
                ),
            )
            guards = tuple(g for g in guards if g in GUARDS)
    title = options.get("title", "").strip()
    if not title:
        problems.insert(
            0, Problem("missing_key", "the checklist has no :title: option", option="title")
        )
    if not checklist_id or not version or not title or not parts.get("sections"):
        return None, problems
    checklist = Checklist(
        id=checklist_id,
        version=version,
        title=title,
        language=language,
        audience=options.get("audience", "").strip(),
        intro=parts["intro"],
        sections=parts["sections"],
        scoring=parts["scoring"],
        renamed=parts["renamed"],
        guards=guards,
    )
    return checklist, problems
