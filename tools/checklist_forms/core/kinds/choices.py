"""What the two choice kinds share: a list of ``choices``, each with points and a score."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer, same_value
from checklist_forms.core.kinds.base import Kind, Words
from checklist_forms.core.kinds.cells import shorten

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item


def choice(value: Any, label: str, description: str = "") -> dict[str, Any]:
    """One allowed value in a JSON Schema ``oneOf``, with its label."""
    out: dict[str, Any] = {"const": value, "title": label}
    if description:
        out["description"] = description
    return out


class ChoiceKind(Kind):
    cell_format = "@"

    def tally_points(self, item: Item, value: Answer) -> dict[str, float]:
        selected = value if isinstance(value, list) else [value]
        gained: dict[str, float] = {}
        for option in item.choices:
            if any(same_value(option.value, v) for v in selected):
                for outcome, points in option.points.items():
                    gained[outcome] = gained.get(outcome, 0) + points
        return gained

    def cell_entries(self, item: Item, words: Words) -> dict[str, Answer]:
        return {c.label or c.value: c.value for c in item.choices}

    def cell_words(self, item: Item) -> list[tuple[str, Answer]]:
        return [(c.value, c.value) for c in item.choices] + [
            (c.label, c.value) for c in item.choices
        ]

    def cell_check(self, item: Item, words: Words, list_range: str | None) -> dict[str, Any]:
        assert list_range is not None
        return {"type": "list", "formula1": list_range, "error": shorten(words["error_list"], 255)}
