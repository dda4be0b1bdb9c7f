"""``rating``: one level of a behaviourally anchored scale; scored up to its top level."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer
from checklist_forms.core.kinds.base import Kind, Words
from checklist_forms.core.kinds.cells import Matcher, one_of, shorten
from checklist_forms.core.kinds.choices import choice
from checklist_forms.i18n.translate import N_

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item


def level_text(value: int, label: str) -> str:
    return f"{value} — {label}" if label else str(value)


class Rating(Kind):
    name = "rating"
    keys = ("levels", "must_have")
    compared = True
    expected = N_("a level")
    cell_format = "@"

    def answer_schema(self, item: Item) -> dict[str, Any]:
        levels = [choice(lv.value, f"{lv.value} — {lv.label}", lv.anchor) for lv in item.levels]
        return {"oneOf": [*levels, {"type": "null"}]}

    def choice_error(self, path: list[Any]) -> bool:
        return True

    def max_score(self, item: Item) -> float | None:
        return float(max(lv.value for lv in item.levels)) if item.levels else None

    def shown(self, item: Item, value: Answer) -> str:
        label = item.choice_label(value)
        return f"{value} — {label}" if label else str(value)

    def reason_text(self, item: Item, value: Answer, words: Words) -> str:
        if isinstance(value, list):
            return super().reason_text(item, value, words)
        return self.shown(item, value)

    def cell_entries(self, item: Item, words: Words) -> dict[str, Answer]:
        return {level_text(lv.value, lv.label): lv.value for lv in item.levels}

    def cell_words(self, item: Item) -> list[tuple[str, Answer]]:
        return [(str(lv.value), lv.value) for lv in item.levels] + [
            (lv.label, lv.value) for lv in item.levels if lv.label
        ]

    def allowed_text(self, item: Item, words: Words) -> str:
        lines = [words["rating"]]
        lines += [
            level_text(lv.value, lv.label) + (f" : {lv.anchor}" if lv.anchor else "")
            for lv in item.levels
        ]
        return "\n".join(lines)

    def cell_check(self, item: Item, words: Words, list_range: str | None) -> dict[str, Any]:
        assert list_range is not None
        return {"type": "list", "formula1": list_range, "error": shorten(words["error_list"], 255)}

    def parse_cell(self, item: Item, value: Any, matcher: Matcher) -> Answer:
        return one_of(value, matcher)
