"""A schema error as plain sentences about items: what ``validate`` tells a person.

Each sentence is a :class:`~checklist_forms.i18n.later.Later`: English where it goes to
programs (``--format json``, the two validators' comparison), in the reader's language
where the command line prints it.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checklist_forms.core.model import Checklist, Item
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_


@dataclass(frozen=True)
class Issue:
    item: str | None
    label: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"item": self.item, "label": self.label, "message": self.message}


def _top(message: str) -> Issue:
    return Issue(item=None, label="", message=message)


def _on(item: Item, message: str) -> Issue:
    return Issue(item=item.id, label=item.label, message=message)


def describe(error: Any, checklist: Checklist, schema: dict[str, Any]) -> list[Issue]:
    """Turn one schema error into plain sentences about items."""
    path = list(error.absolute_path)
    schema_path = list(error.absolute_schema_path)
    instance: Any = error.instance
    error_schema: Any = error.schema
    if schema_path and schema_path[0] == "allOf":
        # A final-form rule: the required item of that rule is not answered.
        rule = schema["allOf"][schema_path[1]]
        item_id = rule["then"]["properties"]["answers"]["required"][0]
        item = checklist.item(item_id)
        if item is not None:
            return [
                _on(
                    item,
                    Later(
                        N_("required for a final form, but {why}"),
                        why=item.kind_rules.unanswered_text(item),
                    ),
                )
            ]
        return [_top(Later(N_("required item {id!r} is not answered"), id=item_id))]
    if not path:
        if error.validator == "required":
            missing = [k for k in schema.get("required", []) if k not in instance]
            return [_top(Later(N_("the form has no {key!r} key"), key=k)) for k in missing] or [
                _top(error.message)
            ]
        if error.validator == "additionalProperties":
            extra = sorted(set(instance) - set(schema["properties"]))
            return [
                _top(Later(N_("unknown key {key!r} at the top of the form"), key=k)) for k in extra
            ]
        if error.validator == "type":
            return [_top(Later(N_("a form must be a JSON object")))]
        return [_top(error.message)]
    head = path[0]
    if head == "status":
        return [
            _top(
                Later(
                    N_('status must be "draft" or "final", not {value}'),
                    value=_show(error.instance),
                )
            )
        ]
    if head == "language":
        return [
            _top(
                Later(
                    N_('language must be a language code such as "fr" or "en", not {value}'),
                    value=_show(error.instance),
                )
            )
        ]
    if head in ("checklist", "version"):
        return [
            _top(
                Later(
                    N_("{key} must be {expected}, not {value}"),
                    key=head,
                    expected=_show(error_schema.get("const")),
                    value=_show(error.instance),
                )
            )
        ]
    if head == "acknowledged":
        return [
            _top(
                Later(
                    N_('acknowledged findings must be a list of "item:rule" strings: {detail}'),
                    detail=error.message,
                )
            )
        ]
    if head != "answers":
        return [_top(error.message)]
    if len(path) == 1:
        if error.validator == "additionalProperties":
            known = tuple(i.id for i in checklist.answerable_items())
            out = []
            for key in sorted(set(instance) - set(known)):
                suggestion = _did_you_mean(str(key), known)
                out.append(
                    Issue(
                        item=str(key),
                        label="",
                        message=Later(
                            N_("unknown item: this checklist has no item {key!r}{suggestion}"),
                            key=key,
                            suggestion=suggestion,
                        ),
                    )
                )
            return out
        return [_top(Later(N_("answers must be a JSON object keyed by item id")))]
    item = checklist.item(str(path[1]))
    if item is None:
        return [_top(error.message)]
    return [_on(item, _item_message(error, item, path[2:]))]


def _item_message(error: Any, item: Item, rest: list[Any]) -> str:
    value: Any = error.instance
    if error.validator == "oneOf" and item.kind_rules.choice_error(rest):
        return Later(
            N_("{value} is not one of the allowed answers: {allowed}"),
            value=_show(value),
            allowed=_allowed(item),
        )
    if error.validator == "type":
        return Later(
            N_("expects {expected}, not {value}"),
            expected=Later(item.kind_rules.expected),
            value=_show(value),
        )
    if error.validator == "maxLength":
        return Later(
            N_("text is {length} characters long; at most {most} are allowed"),
            length=len(value),
            most=item.text_max_length,
        )
    if error.validator == "minimum":
        return (
            Later(
                N_("{value} is below the minimum {minimum}"),
                value=_show(value),
                minimum=f"{item.min:g}",
            )
            if item.min is not None
            else error.message
        )
    if error.validator == "maximum":
        return (
            Later(
                N_("{value} is above the maximum {maximum}"),
                value=_show(value),
                maximum=f"{item.max:g}",
            )
            if item.max is not None
            else error.message
        )
    if error.validator == "format" or (
        item.kind == "date" and error.validator in ("pattern", "minLength", "maxLength")
    ):
        return Later(
            N_("{value} is not a date written YYYY-MM-DD (for example 2026-03-31)"),
            value=_show(value),
        )
    if error.validator == "uniqueItems":
        return Later(N_("the same choice is selected twice"))
    if error.validator == "maxItems":
        return Later(
            N_("{count} choices selected; at most {most} are allowed"),
            count=len(value),
            most=item.max_selected,
        )
    return str(error.message)


@lru_cache(maxsize=1024)
def _did_you_mean(key: str, known: tuple[str, ...]) -> str:
    # A batch repeats the same mistyped item in many forms; difflib is slow at it.
    hint = difflib.get_close_matches(key, known, n=1)
    return Later(N_(" (did you mean {hint!r}?)"), hint=hint[0]) if hint else ""


def _allowed(item: Item) -> str:
    if item.levels:
        return ", ".join(f"{lv.value} ({lv.label})" for lv in item.levels)
    return ", ".join(f'"{c.value}" ({c.label})' for c in item.choices)


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"
