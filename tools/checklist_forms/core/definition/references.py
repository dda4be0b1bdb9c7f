"""The checks a schema cannot say: what one part of a definition says about another.

Unique ids across sections and items, unique choice values and levels, conditions that
name an earlier item and a value it can take, points that name declared outcomes,
renames to existing items. They run on the data even when its shape is wrong, so one
build lists every problem; whatever has the wrong shape is left to the schema's message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from checklist_forms.core.countries import COUNTRIES, country_codes
from checklist_forms.core.definition.places import item_name
from checklist_forms.core.definition.problems import Problem, Subtype
from checklist_forms.core.definition.yaml_source import Path, Source
from checklist_forms.core.model import CHOICE_KINDS, ITEM_KINDS, SLUG

CONDITION_MODES = ("equals", "any_of", "answered")
# The kinds a rule between two answers can compare (see core/rules.py).
RULE_KINDS = ("number", "date")


@dataclass
class Target:
    """What a condition needs to know about the item it depends on."""

    id: str
    kind: str
    choices: list[str] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)
    path: Path = ()


class _Invalid:
    """A condition value the target item cannot take."""


INVALID = _Invalid()


def typed_value(target: Target, value: Any, raw: str | None) -> Any:
    """A condition value typed like the target's answers, or :data:`INVALID`."""
    if raw is None:
        return INVALID
    if target.kind in CHOICE_KINDS:
        return raw if raw in target.choices else INVALID
    if target.kind == "checkbox":
        return value if isinstance(value, bool) else INVALID
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if target.kind == "rating":
        return value if number and value in target.levels else INVALID
    if target.kind == "number":
        return value if number else INVALID
    return raw


def _slug(value: Any) -> str:
    return value if isinstance(value, str) and SLUG.match(value) else ""


def _dicts(value: Any) -> Iterable[tuple[int, dict[str, Any]]]:
    return (
        (i, v)
        for i, v in enumerate(value if isinstance(value, list) else [])
        if isinstance(v, dict)
    )


def _level_value(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() else None


class _Checker:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.claimed: set[str] = set()
        self.items: dict[str, Target] = {}

    def add(self, subtype: Subtype, message: str, path: Path, *, key: bool = False) -> None:
        line = self.source.key_line(path) if key else self.source.line(path)
        self.problems.append(Problem(subtype, message, line))

    def claim(self, ident: str, path: Path, what: str) -> bool:
        """Claim an id in document order: the second one written is the one reported."""
        if ident in self.claimed:
            self.add(
                Subtype.DUPLICATE_ID,
                f"{what} id {ident!r} is already used above in this checklist; "
                "section and item ids must be unique in a checklist",
                (*path, "id"),
            )
            return False
        self.claimed.add(ident)
        return True

    def check(self) -> list[Problem]:
        data = self.source.data if isinstance(self.source.data, dict) else {}
        sections = list(_dicts(data.get("sections")))
        order = [
            _slug(item.get("id"))
            for _, section in sections
            for _, item in _dicts(section.get("items"))
        ]
        for s, section in sections:
            sid = _slug(section.get("id"))
            if sid:
                self.claim(sid, ("sections", s), "section")
            for i, item in _dicts(section.get("items")):
                self.item(s, i, item, order)
        if isinstance(data.get("scoring"), dict):
            self.scoring(data["scoring"])
        for key in ("title_item", "evaluator_item", "group_item"):
            self.naming_item(key, data.get(key))
        for r, rename in _dicts(data.get("renamed")):
            target = _slug(rename.get("to"))
            if target and target not in self.items:
                self.add(
                    Subtype.BAD_VALUE,
                    f"rename {r + 1} renames to {target!r}, which is not an item of this checklist",
                    ("renamed", r, "to"),
                )
        for r, rule in _dicts(data.get("rules")):
            self.rule(r, rule)
        return self.problems

    def rule(self, r: int, rule: dict[str, Any]) -> None:
        """Both items exist, differ, and are two numbers or two dates."""
        path: Path = ("rules", r)
        kinds = []
        for key in ("item", "other"):
            ident = _slug(rule.get(key))
            if not ident:
                continue  # the schema words a missing or malformed id
            target = self.items.get(ident)
            if target is None:
                self.add(
                    Subtype.RULE,
                    f"rule {r + 1} names {ident!r} as its {key!r}, which is not an item of this checklist",
                    (*path, key),
                )
                return
            if target.kind not in RULE_KINDS:
                self.add(
                    Subtype.RULE,
                    f"rule {r + 1} compares item {ident!r}, a {target.kind}; "
                    "rules compare two number items or two date items",
                    (*path, key),
                )
                return
            kinds.append(target.kind)
        if len(kinds) == 2 and kinds[0] != kinds[1]:
            self.add(
                Subtype.RULE,
                f"rule {r + 1} compares a {kinds[0]} with a {kinds[1]}; "
                "both items must be numbers, or both dates",
                (*path, "other"),
            )
        elif len(kinds) == 2 and _slug(rule.get("item")) == _slug(rule.get("other")):
            self.add(
                Subtype.RULE,
                f"rule {r + 1} compares item {_slug(rule.get('item'))!r} with itself",
                (*path, "other"),
            )

    def naming_item(self, key: str, name: Any) -> None:
        """Items that name a form (title, evaluator, group) are text: file names carry them."""
        if not isinstance(name, str) or not name:
            return
        target = self.items.get(name)
        if target is None:
            message = f"{key} {name!r} is not an item of this checklist"
        elif target.kind != "text":
            message = f"{key} {name!r} is a {target.kind} item; it must be a text item"
        else:
            return
        self.add(Subtype.BAD_VALUE, message, (key,))

    def item(self, s: int, i: int, item: dict[str, Any], order: list[str]) -> None:
        path: Path = ("sections", s, "items", i)
        ident = _slug(item.get("id"))
        if not ident or not self.claim(ident, path, "item"):
            return
        kind = item.get("kind")
        if kind not in ITEM_KINDS:
            return
        what = item_name(self.source, s, i)
        target = Target(ident, str(kind), path=path)
        if "choices_from" in item and "choices" in item:
            self.add(
                Subtype.BAD_VALUE,
                f"{what} has both 'choices' and 'choices_from'; keep one of them",
                (*path, "choices_from"),
                key=True,
            )
        if kind in CHOICE_KINDS:
            target.choices = (
                list(country_codes())
                if item.get("choices_from") == COUNTRIES
                else self.choices(item, path, what)
            )
        if kind == "rating":
            target.levels = self.levels(item, path, what)
        self.ranges(item, path, what, len(target.choices))
        if isinstance(item.get("visible_if"), dict):
            later = order[order.index(ident) + 1 :] if ident in order else []
            self.condition(
                item["visible_if"], (*path, "visible_if"), [*later, ident], f"item {ident!r}"
            )
        self.items[ident] = target

    def choices(self, item: dict[str, Any], path: Path, what: str) -> list[str]:
        seen: list[str] = []
        for c, choice in _dicts(item.get("choices")):
            value = _slug(choice.get("value"))
            if value in seen:
                self.add(
                    Subtype.DUPLICATE_CHOICE,
                    f"{what} has two choices with value {value!r}; choice values must be unique",
                    (*path, "choices", c, "value"),
                )
            elif value:
                seen.append(value)
        return seen

    def levels(self, item: dict[str, Any], path: Path, what: str) -> list[int]:
        seen: list[int] = []
        for n, level in _dicts(item.get("levels")):
            value = _level_value(level.get("value"))
            where: Path = (*path, "levels", n, "value")
            if value is None:
                continue
            if value in seen:
                self.add(
                    Subtype.DUPLICATE_CHOICE, f"{what} has two levels with value {value}", where
                )
                continue
            if seen and value < seen[-1]:
                self.add(
                    Subtype.BAD_VALUE, f"the levels of {what} must be in increasing order", where
                )
            seen.append(value)
        return seen

    def ranges(self, item: dict[str, Any], path: Path, what: str, choices: int) -> None:
        most = item.get("max_selected")
        if item.get("kind") == "multi_choice" and isinstance(most, int) and most > choices:
            self.add(
                Subtype.BAD_VALUE,
                f"'max_selected' of {what} is larger than its number of choices",
                (*path, "max_selected"),
            )
        low, high = item.get("min"), item.get("max")
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high))
        if item.get("kind") == "number" and numbers and low > high:  # type: ignore[operator]
            self.add(
                Subtype.BAD_VALUE, f"'min' of {what} is greater than its 'max'", (*path, "min")
            )

    def condition(
        self, condition: Mapping[str, Any], path: Path, later: Iterable[str], what: str
    ) -> None:
        if not well_formed(condition):
            return  # the schema has said what is wrong with it
        name = condition["item"]
        target = self.items.get(name)
        if target is None:
            where = "a later item" if name in set(later) else "no item of this checklist"
            self.add(
                Subtype.VISIBLE_IF,
                f"the condition of {what} depends on {name!r}, which is {where}; "
                "a condition may only use an item defined before it",
                (*path, "item"),
            )
            return
        if target.kind == "note":
            self.add(
                Subtype.VISIBLE_IF,
                f"the condition of {what} depends on note {name!r}, which has no answer",
                (*path, "item"),
            )
            return
        for value_path in value_paths(condition, path):
            raw = self.source.raw(value_path)
            if raw is None:
                return  # a list or mapping as a value: the schema has said so
            if typed_value(target, _get(self.source.data, value_path), raw) is INVALID:
                self.add(
                    Subtype.VISIBLE_IF,
                    f"the condition of {what} compares {name!r} with {raw!r}, "
                    f"which it cannot take{_allowed_hint(target)}",
                    value_path,
                )
                return

    def scoring(self, scoring: dict[str, Any]) -> None:
        declared: set[str] = set()
        for o, outcome in _dicts(scoring.get("outcomes")):
            oid = _slug(outcome.get("id"))
            if oid in declared:
                self.add(
                    Subtype.DUPLICATE_ID,
                    f"outcome id {oid!r} is used twice in 'scoring'",
                    ("scoring", "outcomes", o, "id"),
                )
            declared.add(oid)
            if (
                scoring.get("method") == "weighted"
                and "min" not in outcome
                and outcome.get("when_must_have_fails") is not True
            ):
                self.add(
                    Subtype.MISSING_KEY,
                    f"outcome {o + 1} of 'scoring' needs a 'min' score (0 to 100) for weighted scoring",
                    ("scoring", "outcomes", o),
                )
        for f, flag in _dicts(scoring.get("flags")):
            if isinstance(flag.get("when"), dict):
                self.condition(
                    flag["when"], ("scoring", "flags", f, "when"), (), f"flag {f + 1} of 'scoring'"
                )
        for target in self.items.values():
            item = _get(self.source.data, target.path)
            sources: list[tuple[str, Path, Any]] = []
            if target.kind == "checkbox":
                sources.append((target.id, (*target.path, "points"), item.get("points")))
            for c, choice in _dicts(item.get("choices") if target.kind in CHOICE_KINDS else None):
                value = choice.get("value")
                sources.append(
                    (
                        f"{target.id}/{value}",
                        (*target.path, "choices", c, "points"),
                        choice.get("points"),
                    )
                )
            for name, path, points in sources:
                for outcome in points if isinstance(points, dict) else {}:
                    if outcome not in declared:
                        self.add(
                            Subtype.BAD_VALUE,
                            f"points of {name!r} name outcome {outcome!r}, which 'scoring' does not declare",
                            (*path, outcome),
                            key=True,
                        )


def well_formed(condition: Mapping[str, Any]) -> bool:
    modes = [mode for mode in CONDITION_MODES if mode in condition]
    if not isinstance(condition.get("item"), str) or not condition["item"] or len(modes) != 1:
        return False
    value = condition[modes[0]]
    if modes[0] == "any_of":
        return isinstance(value, list) and bool(value)
    if modes[0] == "answered":
        return isinstance(value, bool)
    return not isinstance(value, dict | list)


def value_paths(condition: Mapping[str, Any], path: Path) -> list[Path]:
    if "any_of" in condition:
        return [(*path, "any_of", n) for n in range(len(condition["any_of"]))]
    if "equals" in condition:
        return [(*path, "equals")]
    return []


def _get(data: Any, path: Path) -> Any:
    for step in path:
        data = data[step]
    return data


def _allowed_hint(target: Target) -> str:
    if target.choices:
        return "; its values are " + ", ".join(target.choices)
    if target.levels:
        return "; its levels are " + ", ".join(str(v) for v in target.levels)
    if target.kind == "checkbox":
        return "; a checkbox is true or false"
    return ""


def check_references(source: Source) -> list[Problem]:
    return _Checker(source).check()
