"""Carry a filled form to another version of its checklist.

Every answer whose item still exists is kept, following the renames the newer
definition declares (``renamed: [{from, to, since}]``); an answer the target version
cannot hold (its item was removed, a choice disappeared, a limit tightened) is reported
with the reason, never dropped silently. The status stays ``final`` only when the
migrated form is complete for the target version.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from checklist_forms.core.model import Answer, Checklist, Item, is_answered
from checklist_forms.core.schema import answer_schema
from checklist_forms.core.versions import version_key
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_


@dataclass(frozen=True)
class Dropped:
    item: str
    label: str
    value: Answer
    reason: str


@dataclass
class Migration:
    form: dict[str, Any]
    carried: list[tuple[str, str]]  # (old id, new id)
    dropped: list[Dropped]


def rename_map(target: Checklist, since_version: str) -> dict[str, str]:
    """Old id -> id in ``target``, for the renames declared after ``since_version``."""
    steps = sorted(
        (r for r in target.renamed if version_key(r.since) > version_key(since_version)),
        key=lambda r: version_key(r.since),
    )
    mapping: dict[str, str] = {}
    for step in steps:
        for old, new in list(mapping.items()):
            if new == step.from_id:
                mapping[old] = step.to_id
        mapping.setdefault(step.from_id, step.to_id)
    return mapping


def _fits(item: Item, value: Answer) -> str | None:
    """Why the target item cannot hold this value, or None when it can."""
    if isinstance(value, float) and not math.isfinite(value):
        # 1e400 reads as infinity, which JSON cannot write back: never carry it.
        return Later(N_("the number is too large for a form (it reads as infinity)"))
    validator = Draft202012Validator(answer_schema(item), format_checker=FormatChecker())
    errors = list(validator.iter_errors(value))
    if not errors:
        return None
    return item.kind_rules.misfit(item, value, str(errors[0].message))


def migrate(
    form: dict[str, Any], source: Checklist, target: Checklist, schema_url: str | None = None
) -> Migration:
    """``form`` carried to ``target``; the new form names ``schema_url`` (the target's
    published schema) as its ``$schema`` so that editors check it against that version."""
    answers = form.get("answers") if isinstance(form.get("answers"), dict) else {}
    assert isinstance(answers, dict)
    renames = rename_map(target, source.version)
    new_answers = target.blank_answers()
    carried: list[tuple[str, str]] = []
    dropped: list[Dropped] = []
    for old_key, value in answers.items():
        old_id = str(old_key)
        old_item = source.item(old_id)
        label = old_item.label if old_item else old_id
        if not is_answered(value):
            continue  # a blank answer holds nothing to carry
        new_id: str = renames.get(old_id, old_id)
        item = target.item(new_id)
        if item is None or not item.answerable:
            dropped.append(
                Dropped(
                    old_id,
                    label,
                    value,
                    Later(
                        N_("version {version} has no item {item}"),
                        version=target.version,
                        item=repr(new_id),
                    ),
                )
            )
            continue
        value, lost_parts = item.kind_rules.carry(item, value)
        for lost in lost_parts:
            dropped.append(
                Dropped(
                    old_id,
                    label,
                    lost,
                    Later(
                        N_("choice {choice} no longer exists in {item}"),
                        choice=repr(lost),
                        item=repr(new_id),
                    ),
                )
            )
        reason = _fits(item, value)
        if reason is not None:
            dropped.append(Dropped(old_id, label, value, reason))
            continue
        new_answers[new_id] = value
        carried.append((old_id, new_id))
    new_form: dict[str, Any] = {
        "checklist": target.id,
        "version": target.version,
        "language": form.get("language", target.language),
        "status": "draft",
        "answers": new_answers,
    }
    if schema_url:
        new_form["$schema"] = schema_url
    if form.get("status") == "final" and not target.missing_for_final(new_answers):
        new_form["status"] = "final"
    acknowledged = form.get("acknowledged")
    if isinstance(acknowledged, list):
        moved = []
        for key in acknowledged:
            if isinstance(key, str) and ":" in key:
                item_id, rule = key.split(":", 1)
                moved.append(f"{renames.get(item_id, item_id)}:{rule}")
        if moved:
            new_form["acknowledged"] = sorted(set(moved))
    return Migration(new_form, carried, dropped)
