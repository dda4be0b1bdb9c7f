"""Build the model from a body that passed every check.

Nothing here reports: :func:`build_parts` only runs on data the schema and the
cross-reference checks accepted, so every key has the type and range the schema says.
"""

from __future__ import annotations

from typing import Any, cast

from checklist_forms.core.countries import COUNTRIES, countries
from checklist_forms.core.definition.references import (
    Target,
    typed_value,
    value_paths,
)
from checklist_forms.core.definition.yaml_source import Path, Source
from checklist_forms.core.model import (
    CHOICE_KINDS,
    Choice,
    Condition,
    Flag,
    Item,
    Level,
    Outcome,
    Rename,
    Rule,
    Scoring,
    Section,
)


def _text(data: dict[str, Any], key: str) -> str:
    return str(data.get(key, "")).strip()


def _number(data: dict[str, Any], key: str) -> float | None:
    value = data.get(key)
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _whole(data: dict[str, Any], key: str) -> int | None:
    value = _number(data, key)
    return int(value) if value is not None else None


def _points(data: dict[str, Any]) -> dict[str, float]:
    return dict(data.get("points", {}))


class _Builder:
    def __init__(self, source: Source, language: str) -> None:
        self.source = source
        self.language = language
        self.targets: dict[str, Target] = {}

    def condition(self, data: dict[str, Any], path: Path) -> Condition:
        name = data["item"]
        if "answered" in data:
            return Condition(item=name, answered=bool(data["answered"]))
        target = self.targets[name]
        values = tuple(
            typed_value(target, _value(self.source.data, p), self.source.raw(p))
            for p in value_paths(data, path)
        )
        if "any_of" in data:
            return Condition(item=name, any_of=values)
        return Condition(item=name, equals=values[0])

    def item(self, data: dict[str, Any], path: Path) -> Item:
        kind = str(data["kind"])
        fields: dict[str, Any] = {
            "id": data["id"],
            "kind": kind,
            "label": _text(data, "label"),
            "help": _text(data, "help"),
            "required": bool(data.get("required", False)),
            "weight": _number(data, "weight"),
            "must_have": _number(data, "must_have"),
            "line": self.source.line(path),
        }
        if "visible_if" in data:
            fields["visible_if"] = self.condition(data["visible_if"], (*path, "visible_if"))
        target = Target(data["id"], kind)
        if data.get("choices_from") == COUNTRIES:
            # Expanded here, in the form's language: every later stage sees plain choices.
            fields["choices"] = tuple(
                Choice(value=code, label=name) for code, name in countries(self.language)
            )
            fields["choices_from"] = COUNTRIES
            target.choices = [c.value for c in fields["choices"]]
        elif kind in CHOICE_KINDS:
            fields["choices"] = tuple(
                Choice(
                    value=c["value"],
                    label=_text(c, "label"),
                    help=_text(c, "help"),
                    score=_number(c, "score"),
                    points=_points(c),
                )
                for c in data["choices"]
            )
            target.choices = [c.value for c in fields["choices"]]
        if kind == "single_choice":
            fields["display"] = data.get("display", "radio")
        if kind == "multi_choice":
            fields["min_selected"] = _whole(data, "min_selected")
            fields["max_selected"] = _whole(data, "max_selected")
        if kind == "checkbox":
            fields["points"] = _points(data)
        if kind == "text":
            fields["multiline"] = bool(data.get("multiline", False))
            fields["max_length"] = _whole(data, "max_length")
            fields["placeholder"] = _text(data, "placeholder")
            fields["guard"] = bool(data.get("guard", True))
        if kind == "number":
            for key in ("min", "max", "step"):
                fields[key] = _number(data, key)
            fields["unit"] = _text(data, "unit")
        if kind == "rating":
            fields["levels"] = tuple(
                Level(value=int(lv["value"]), label=_text(lv, "label"), anchor=_text(lv, "anchor"))
                for lv in data["levels"]
            )
            target.levels = [lv.value for lv in fields["levels"]]
        self.targets[target.id] = target
        return Item(**fields)

    def scoring(self, data: dict[str, Any]) -> Scoring:
        outcomes = tuple(
            Outcome(
                id=o["id"],
                label=_text(o, "label"),
                help=_text(o, "help"),
                min=_number(o, "min"),
                when_must_have_fails=bool(o.get("when_must_have_fails", False)),
            )
            for o in data["outcomes"]
        )
        flags = tuple(
            Flag(
                id=f["id"],
                label=_text(f, "label"),
                when=self.condition(f["when"], ("scoring", "flags", n, "when")),
            )
            for n, f in enumerate(data.get("flags", []))
        )
        return Scoring(method=cast(Any, data["method"]), outcomes=outcomes, flags=flags)


def _value(data: Any, path: Path) -> Any:
    for step in path:
        data = data[step]
    return data


def build_parts(source: Source, language: str = "fr") -> dict[str, Any]:
    """The body's share of a :class:`Checklist`: intro, title item, retention, sections,
    scoring, renames, rules."""
    data: dict[str, Any] = source.data
    builder = _Builder(source, language)
    sections = tuple(
        Section(
            id=section["id"],
            title=_text(section, "title"),
            intro=_text(section, "intro"),
            items=tuple(
                builder.item(item, ("sections", s, "items", i))
                for i, item in enumerate(section["items"])
            ),
        )
        for s, section in enumerate(data["sections"])
    )
    return {
        "intro": _text(data, "intro"),
        "title_item": str(data.get("title_item", "")),
        "evaluator_item": str(data.get("evaluator_item", "")),
        "group_item": str(data.get("group_item", "")),
        "retention_months": _whole(data, "retention_months"),
        "sections": sections,
        "scoring": builder.scoring(data["scoring"]) if "scoring" in data else None,
        "renamed": tuple(
            Rename(from_id=r["from"], to_id=r["to"], since=r["since"])
            for r in data.get("renamed", [])
        ),
        "rules": tuple(
            Rule(item=r["item"], op=r["op"], other=r["other"], message=_text(r, "message"))
            for r in data.get("rules", [])
        ),
    }
