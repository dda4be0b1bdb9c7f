"""Pure functions: a checklist definition to a JSON Schema (Draft 2020-12) and a blank form.

The schema alone decides whether a form is a valid draft or a valid final form, so any
conforming validator (jsonschema here, jsonschema-rs or Ajv in the tests) reaches the same
verdict. Interface hints for form generators live under the single ``x-checklist`` keyword,
which strict validators can be told about.
"""

from __future__ import annotations

from typing import Any

from checklist_forms.core import jsontext
from checklist_forms.core.model import Checklist, Condition, Item
from checklist_forms.core.paths import schema_path

DIALECT = "https://json-schema.org/draft/2020-12/schema"
HINTS = "x-checklist"
FORM_KEYS = ("checklist", "version", "language", "status", "answers")
# Keys a filled form may carry besides its answers: the findings a user has acknowledged
# (see the non-discrimination guard) are kept with the form they belong to.
# "$schema" names the published schema a form follows, so that editors (VS Code,
# JetBrains, any JSON Schema tool) check and complete the form as it is typed.
OPTIONAL_FORM_KEYS = ("acknowledged", "$schema")


def schema_id(checklist: Checklist, base_url: str) -> str:
    """Absolute ``$id``: where the schema is published on the site of its language."""
    return f"{base_url.rstrip('/')}/checklists/{schema_path(checklist)}"


def answer_schema(item: Item) -> dict[str, Any]:
    """What a draft may hold for one item: its type, or null when not answered yet."""
    out: dict[str, Any] = {"title": item.label}
    if item.help:
        out["description"] = item.help
    out.update(item.kind_rules.answer_schema(item))
    return out


def answered_schema(item: Item) -> dict[str, Any]:
    """What a final form must hold for a required item: a real answer."""
    return item.kind_rules.answered_schema(item)


def condition_schema(condition: Condition, checklist: Checklist) -> dict[str, Any]:
    """A schema on ``answers`` that holds exactly when the condition holds."""
    target = checklist.item(condition.item)
    multi = target is not None and target.kind_rules.multiple
    if condition.answered is not None:
        assert target is not None
        answered = {
            "required": [condition.item],
            "properties": {condition.item: answered_schema(target)},
        }
        return answered if condition.answered else {"not": answered}
    if condition.any_of is not None:
        values = list(condition.any_of)
        match: dict[str, Any] = (
            {"type": "array", "contains": {"enum": values}} if multi else {"enum": values}
        )
    elif multi:
        match = {"type": "array", "contains": {"const": condition.equals}}
    else:
        match = {"const": condition.equals}
    return {"required": [condition.item], "properties": {condition.item: match}}


def visibility_schema(item: Item, checklist: Checklist) -> list[dict[str, Any]]:
    """Conditions of the item and of every item it depends on (a chain, always backwards)."""
    out: list[dict[str, Any]] = []
    current: Item | None = item
    while current is not None and current.visible_if is not None:
        out.append(condition_schema(current.visible_if, checklist))
        current = checklist.item(current.visible_if.item)
    return out


def build_schema(checklist: Checklist, base_url: str) -> dict[str, Any]:
    items = list(checklist.answerable_items())
    final_rules: list[dict[str, Any]] = []
    for item in items:
        if not item.required:
            continue
        conditions = visibility_schema(item, checklist)
        when: dict[str, Any] = {
            "required": ["status"],
            "properties": {"status": {"const": "final"}},
        }
        if conditions:
            when["properties"]["answers"] = (
                conditions[0] if len(conditions) == 1 else {"allOf": conditions}
            )
        final_rules.append(
            {
                "if": when,
                "then": {
                    "required": ["answers"],
                    "properties": {
                        "answers": {
                            "required": [item.id],
                            "properties": {item.id: answered_schema(item)},
                        }
                    },
                },
            }
        )
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_id(checklist, base_url),
        "title": checklist.title,
        "type": "object",
        "required": list(FORM_KEYS),
        "additionalProperties": False,
        "properties": {
            # Any URL, not only this schema's: a form may name a copy of the schema
            # (a fork's site, a local file); forms without it stay valid.
            "$schema": {"type": "string", "title": "Schema"},
            "checklist": {"const": checklist.id, "title": "Checklist"},
            "version": {"const": checklist.version, "title": "Version"},
            # Answers are language-neutral: a form filled on the French site validates
            # against the English schema of the same version, and the reverse.
            "language": {"type": "string", "pattern": "^[a-z]{2}(-[A-Z]{2})?$"},
            "status": {"enum": ["draft", "final"]},
            "answers": {
                "type": "object",
                "additionalProperties": False,
                "properties": {item.id: answer_schema(item) for item in items},
            },
            "acknowledged": {
                "type": "array",
                "uniqueItems": True,
                "items": {"type": "string", "pattern": "^[a-z0-9-]+:[a-z0-9_-]+$"},
                "description": "Findings of the non-discrimination guard that a person reviewed and accepted (item:rule).",
            },
        },
        HINTS: _hints(checklist),
    }
    if checklist.intro:
        schema["description"] = checklist.intro
    if final_rules:
        schema["allOf"] = final_rules
    if checklist.rules:
        # JSON Schema compares an instance with constants, never two of its values with
        # each other: the rules between answers can only travel as hints.
        schema["$comment"] = (
            "x-checklist.rules lists relations between two answers (this number >= that "
            "number, this date >= that date) that JSON Schema cannot express; "
            "`checklist-forms validate` and the browser form enforce them."
        )
    return schema


def _hints(checklist: Checklist) -> dict[str, Any]:
    """Layout and behaviour for form generators: sections, kinds, conditions, scoring."""
    data = checklist.to_dict()
    hints: dict[str, Any] = {
        "language": checklist.language,
        "sections": data.get("sections", []),
    }
    for key in (
        "audience",
        "scoring",
        "renamed",
        "guards",
        "rules",
        "title_item",
        "evaluator_item",
        "group_item",
        "retention_months",
    ):
        if key in data:
            hints[key] = data[key]
    return hints


def blank_form(checklist: Checklist, base_url: str) -> dict[str, Any]:
    return {
        "$schema": schema_id(checklist, base_url),
        "checklist": checklist.id,
        "version": checklist.version,
        "language": checklist.language,
        "status": "draft",
        "answers": checklist.blank_answers(),
    }


def dumps(data: Any) -> str:
    """The one serialisation of every exported file: sorted keys, UTF-8, final newline."""
    return jsontext.dumps(data) + "\n"
