"""Filled forms of one real checklist, valid and invalid, generated from its schema.

The definition is read back from the exported schema (its ``x-checklist`` hints), so any
checklist of ``checklists/<lang>/`` can be used. The generator is seeded: the same run
always writes the same files.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from checklist_forms.core.model import Checklist, Item
from checklist_forms.intake.validate import checklist_from_schema

WORDS = ("le", "community", "manager", "anime", "la", "communauté", "et", "répond", "aux")
# Ways to break a form; each names what it needs from the checklist.
MUTATIONS = (
    "unknown_item",
    "checkbox_type",
    "bad_choice",
    "too_long",
    "out_of_range",
    "bad_date",
    "final_missing",
    "bad_status",
    "no_answers",
    "duplicate_choice",
)


def load_checklist(schema_file: Path) -> tuple[dict[str, Any], Checklist]:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    return schema, checklist_from_schema(schema)


def _answer(item: Item, rng: random.Random) -> Any:
    """A valid, non-empty answer for one item."""
    if item.kind == "checkbox":
        return True
    if item.kind == "single_choice":
        return rng.choice(item.choices).value
    if item.kind == "multi_choice":
        most = item.max_selected or len(item.choices)
        least = max(1, item.min_selected or 1)
        count = rng.randint(least, max(least, min(most, len(item.choices))))
        return [c.value for c in rng.sample(list(item.choices), count)]
    if item.kind == "text":
        words = WORDS
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 12)))
        return text[: item.text_max_length]
    if item.kind == "number":
        low = item.min if item.min is not None else 0
        high = item.max if item.max is not None else low + 100
        return rng.randint(int(low), int(high))
    if item.kind == "rating":
        return rng.choice(item.levels).value
    if item.kind == "date":
        return f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    raise ValueError(item.kind)


def valid_form(checklist: Checklist, rng: random.Random) -> dict[str, Any]:
    """A final form answering everything, or a draft answering a random part."""
    final = rng.random() < 0.5
    answers: dict[str, Any] = {}
    for item in checklist.answerable_items():
        if final or rng.random() < 0.6:
            answers[item.id] = _answer(item, rng)
        else:
            answers[item.id] = item.blank()
    return {
        "checklist": checklist.id,
        "version": checklist.version,
        "language": checklist.language,
        "status": "final" if final else "draft",
        "answers": answers,
    }


def _items(checklist: Checklist, *kinds: str) -> list[Item]:
    return [i for i in checklist.answerable_items() if i.kind in kinds]


def invalid_form(checklist: Checklist, rng: random.Random, mutation: str) -> dict[str, Any]:
    """A form broken in one way; falls back to an unknown item when the kind is missing."""
    form = valid_form(checklist, rng)
    answers = form["answers"]
    texts = _items(checklist, "text")
    bounded = [i for i in _items(checklist, "number") if i.max is not None or i.min is not None]
    multi = [i for i in _items(checklist, "multi_choice") if len(i.choices) >= 1]
    required = [i for i in checklist.answerable_items() if i.required and i.visible_if is None]
    if mutation == "checkbox_type" and _items(checklist, "checkbox"):
        answers[rng.choice(_items(checklist, "checkbox")).id] = "oui"
    elif mutation == "bad_choice" and _items(checklist, "single_choice", "rating"):
        answers[rng.choice(_items(checklist, "single_choice", "rating")).id] = "peut-etre"
    elif mutation == "too_long" and texts:
        item = rng.choice(texts)
        answers[item.id] = "x" * (item.text_max_length + 1)
    elif mutation == "out_of_range" and bounded:
        item = rng.choice(bounded)
        answers[item.id] = (item.max + 1) if item.max is not None else (item.min or 0) - 1
    elif mutation == "bad_date" and _items(checklist, "date"):
        answers[rng.choice(_items(checklist, "date")).id] = "31/12/2026"
    elif mutation == "final_missing" and required:
        form["status"] = "final"
        item = rng.choice(required)
        answers[item.id] = item.blank()
    elif mutation == "bad_status":
        form["status"] = "terminé"
    elif mutation == "no_answers":
        del form["answers"]
    elif mutation == "duplicate_choice" and multi:
        item = rng.choice(multi)
        answers[item.id] = [item.choices[0].value, item.choices[0].value]
    else:
        answers["question-inconnue"] = True
    return form


def write_forms(
    schema_file: Path, folder: Path, count: int, *, invalid_share: float = 0.5, seed: int = 2026
) -> dict[str, bool]:
    """Write ``count`` forms into ``folder``; return file name -> expected validity."""
    _, checklist = load_checklist(schema_file)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, bool] = {}
    for n in range(count):
        name = f"f{n:05d}.json"
        broken = rng.random() < invalid_share
        form = (
            invalid_form(checklist, rng, MUTATIONS[n % len(MUTATIONS)])
            if broken
            else valid_form(checklist, rng)
        )
        (folder / name).write_text(json.dumps(form, ensure_ascii=False, indent=2), "utf-8")
        expected[name] = not broken
    return expected
