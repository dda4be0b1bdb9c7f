"""The checklist definition as frozen data.

Nothing here imports Sphinx: the same objects feed the Sphinx extension, the JSON Schema
export and the command-line tools. A definition is built by :mod:`checklist_forms.core.definition`
(which reports contributors' mistakes) or rebuilt from its plain-dict form with
:func:`checklist_from_dict` (how exported files and the Sphinx environment carry it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from checklist_forms.core.kinds.base import Kind

# Answers and what "answered" means live in core/answered.py, which the item kinds use
# too; they are re-exported here for the code that reads them with the model.
from checklist_forms.core.answered import Answer as Answer
from checklist_forms.core.answered import is_answered as is_answered
from checklist_forms.core.answered import same_value as same_value

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")

# The kinds themselves live in core/kinds (one class each, registered in KINDS). These
# names stay for core/definition.py until it reads core.kinds.NAMES and KEYS; a test
# holds them equal to the registry.
ITEM_KINDS: tuple[str, ...] = (
    "checkbox",
    "single_choice",
    "multi_choice",
    "text",
    "number",
    "rating",
    "date",
    "note",
)
CHOICE_KINDS = ("single_choice", "multi_choice")  # for core/definition.py, as above
TEXT_DEFAULT_MAX = 200
MULTILINE_DEFAULT_MAX = 2000

# A JSON value as found in a filled form.


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    help: str = ""
    score: float | None = None
    points: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Level:
    """One level of a rating scale, with the behaviour that earns it."""

    value: int
    label: str
    anchor: str


@dataclass(frozen=True)
class Condition:
    """``visible_if``: exactly one of ``equals``, ``any_of`` or ``answered`` is set."""

    item: str
    equals: Answer = None
    any_of: tuple[Answer, ...] | None = None
    answered: bool | None = None

    def holds(self, value: Answer) -> bool:
        if self.answered is not None:
            return is_answered(value) == self.answered
        wanted = self.any_of if self.any_of is not None else (self.equals,)
        given = value if isinstance(value, list) else [value]
        return any(same_value(g, w) for g in given for w in wanted)


@dataclass(frozen=True)
class Item:
    id: str
    kind: str
    label: str
    help: str = ""
    required: bool = False
    visible_if: Condition | None = None
    weight: float | None = None
    must_have: float | None = None
    # choice kinds
    choices: tuple[Choice, ...] = ()
    # "countries" when the choices come from a maintained list, already in the language.
    choices_from: str = ""
    display: str = "radio"
    min_selected: int | None = None
    max_selected: int | None = None
    # checkbox (tally scoring)
    points: Mapping[str, float] = field(default_factory=dict)
    # text
    guard: bool = True  # screened by the checklist's guards (names and addresses opt out)
    multiline: bool = False
    max_length: int | None = None
    placeholder: str = ""
    # number
    min: float | None = None
    max: float | None = None
    step: float | None = None
    unit: str = ""
    # rating
    levels: tuple[Level, ...] = ()
    # where the item was written, for messages (not part of the exported structure)
    line: int | None = field(default=None, compare=False)

    @property
    def kind_rules(self) -> Kind:
        """What this item's kind knows (see :mod:`checklist_forms.core.kinds`)."""
        # Imported here: the kinds are built on this module's classes.
        from checklist_forms.core.kinds import kind_named

        return kind_named(self.kind)

    @property
    def answerable(self) -> bool:
        return self.kind_rules.answerable

    @property
    def text_max_length(self) -> int:
        if self.max_length is not None:
            return self.max_length
        return MULTILINE_DEFAULT_MAX if self.multiline else TEXT_DEFAULT_MAX

    def choice_label(self, value: Answer) -> str | None:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        for level in self.levels:
            if level.value == value and not isinstance(value, bool):
                return level.label
        return None

    def answered(self, value: Answer) -> bool:
        """Whether a final form may keep this value for a required item."""
        return self.kind_rules.answered(self, value)

    def blank(self) -> Answer:
        return self.kind_rules.blank(self)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str = ""
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Outcome:
    id: str
    label: str
    help: str = ""
    min: float | None = None
    when_must_have_fails: bool = False


@dataclass(frozen=True)
class Flag:
    id: str
    label: str
    when: Condition


@dataclass(frozen=True)
class Scoring:
    method: Literal["tally", "weighted"]
    outcomes: tuple[Outcome, ...] = ()
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True)
class Rename:
    from_id: str
    to_id: str
    since: str


# The comparisons a rule between two answers may make (see core/rules.py).
RULE_OPS = (">=", ">", "<=", "<")


@dataclass(frozen=True)
class Rule:
    """``rules``: the answer to ``item`` OP the answer to ``other`` (numbers or dates)."""

    item: str
    op: str
    other: str
    message: str


@dataclass(frozen=True)
class Checklist:
    id: str
    version: str
    title: str
    language: str = "fr"
    audience: str = ""
    intro: str = ""
    sections: tuple[Section, ...] = ()
    scoring: Scoring | None = None
    renamed: tuple[Rename, ...] = ()
    # Screens applied to free-text answers, e.g. ("non-discrimination",).
    guards: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    # The text item whose answer names a filled form (a candidate), if the checklist says.
    title_item: str = ""
    # The text items naming who filled a form and what ties forms together (a recruitment).
    evaluator_item: str = ""
    group_item: str = ""
    # How long a filled form may be kept, in months (personal data), if the checklist says.
    retention_months: int | None = None

    def items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    def answerable_items(self) -> Iterator[Item]:
        return (item for item in self.items() if item.answerable)

    def item(self, item_id: str) -> Item | None:
        for item in self.items():
            if item.id == item_id:
                return item
        return None

    def blank_answers(self) -> dict[str, Answer]:
        return {item.id: item.blank() for item in self.answerable_items()}

    def is_visible(self, item: Item, answers: Mapping[str, Answer]) -> bool:
        """An item is visible when its condition holds and the item it depends on is visible."""
        seen: set[str] = set()
        current: Item | None = item
        while current is not None and current.visible_if is not None:
            if current.id in seen:  # defensive: definitions forbid cycles
                return False
            seen.add(current.id)
            cond = current.visible_if
            if not cond.holds(answers.get(cond.item)):
                return False
            current = self.item(cond.item)
        return True

    def missing_for_final(self, answers: Mapping[str, Answer]) -> list[Item]:
        return [
            item
            for item in self.answerable_items()
            if item.required
            and self.is_visible(item, answers)
            and not item.answered(answers.get(item.id))
        ]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = _plain(self)
        return data


def _plain(value: Any) -> Any:
    """The plain-JSON form of a definition, without empty values or source lines.

    One walk over the fields (rather than ``dataclasses.asdict`` and a second pass that
    strips it) because every checklist of a site goes through here while Sphinx reads it;
    text, numbers and booleans, most of the fields, are kept without a call of their own.
    """
    cls = value.__class__
    if cls in _SCALARS:
        return value
    if hasattr(cls, "__dataclass_fields__"):
        data = {}
        for name in _field_names(cls):
            v = getattr(value, name)
            if v is None:
                continue
            kind = v.__class__
            if kind is str:
                if v and not (name == "display" and v == "radio"):
                    data[name] = v
            elif kind is bool:
                if not (name == "guard" and v):
                    data[name] = v
            elif kind in _SCALARS:
                data[name] = v
            elif not (isinstance(v, str | tuple | list | dict | Mapping) and not v):
                data[name] = _plain(v)
        return data
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items() if v not in (None, "", (), [], {})}
    return value


_SCALARS = frozenset({str, int, float, bool})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    # "line" says where the item was written: for messages, not part of the definition.
    return tuple(f.name for f in fields(cls) if f.name != "line")


def _condition(data: Mapping[str, Any] | None) -> Condition | None:
    if not data:
        return None
    any_of = data.get("any_of")
    return Condition(
        item=data["item"],
        equals=data.get("equals"),
        any_of=tuple(any_of) if any_of is not None else None,
        answered=data.get("answered"),
    )


def checklist_from_dict(data: Mapping[str, Any]) -> Checklist:
    """Rebuild a :class:`Checklist` from :meth:`Checklist.to_dict` output."""
    sections = []
    for s in data.get("sections", []):
        items = []
        for i in s.get("items", []):
            items.append(
                Item(
                    id=i["id"],
                    kind=i["kind"],
                    label=i.get("label", ""),
                    help=i.get("help", ""),
                    required=i.get("required", False),
                    visible_if=_condition(i.get("visible_if")),
                    weight=i.get("weight"),
                    must_have=i.get("must_have"),
                    choices=tuple(
                        Choice(
                            value=c["value"],
                            label=c.get("label", ""),
                            help=c.get("help", ""),
                            score=c.get("score"),
                            points=dict(c.get("points", {})),
                        )
                        for c in i.get("choices", [])
                    ),
                    choices_from=i.get("choices_from", ""),
                    display=i.get("display", "radio"),
                    min_selected=i.get("min_selected"),
                    max_selected=i.get("max_selected"),
                    points=dict(i.get("points", {})),
                    guard=i.get("guard", True),
                    multiline=i.get("multiline", False),
                    max_length=i.get("max_length"),
                    placeholder=i.get("placeholder", ""),
                    min=i.get("min"),
                    max=i.get("max"),
                    step=i.get("step"),
                    unit=i.get("unit", ""),
                    levels=tuple(
                        Level(
                            value=lv["value"],
                            label=lv.get("label", ""),
                            anchor=lv.get("anchor", ""),
                        )
                        for lv in i.get("levels", [])
                    ),
                )
            )
        sections.append(
            Section(
                id=s["id"], title=s.get("title", ""), intro=s.get("intro", ""), items=tuple(items)
            )
        )
    scoring = None
    if data.get("scoring"):
        sc = data["scoring"]
        scoring = Scoring(
            method=sc["method"],
            outcomes=tuple(
                Outcome(
                    id=o["id"],
                    label=o.get("label", ""),
                    help=o.get("help", ""),
                    min=o.get("min"),
                    when_must_have_fails=o.get("when_must_have_fails", False),
                )
                for o in sc.get("outcomes", [])
            ),
            flags=tuple(
                Flag(id=f["id"], label=f.get("label", ""), when=_condition(f["when"]))  # type: ignore[arg-type]
                for f in sc.get("flags", [])
            ),
        )
    return Checklist(
        id=data["id"],
        version=data["version"],
        title=data.get("title", ""),
        language=data.get("language", "fr"),
        audience=data.get("audience", ""),
        intro=data.get("intro", ""),
        sections=tuple(sections),
        scoring=scoring,
        renamed=tuple(
            Rename(from_id=r["from_id"], to_id=r["to_id"], since=r["since"])
            for r in data.get("renamed", [])
        ),
        guards=tuple(data.get("guards", ())),
        rules=tuple(
            Rule(item=r["item"], op=r["op"], other=r["other"], message=r.get("message", ""))
            for r in data.get("rules", [])
        ),
        title_item=data.get("title_item", ""),
        evaluator_item=data.get("evaluator_item", ""),
        group_item=data.get("group_item", ""),
        retention_months=data.get("retention_months"),
    )
