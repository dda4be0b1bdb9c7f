"""``checkbox``: a box to tick; ``true`` or ``false``, points when ticked (tally)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer
from checklist_forms.core.kinds.base import Kind, Words
from checklist_forms.core.kinds.cells import Matcher, one_of, shorten
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item


class Checkbox(Kind):
    name = "checkbox"
    keys = ("points",)
    expected = N_("true or false")
    cell_format = "@"

    def blank(self, item: Item) -> Answer:
        return False

    def answer_schema(self, item: Item) -> dict[str, Any]:
        return {"type": "boolean"}

    def answered_schema(self, item: Item) -> dict[str, Any]:
        return {"const": True}

    def unanswered_text(self, item: Item) -> str:
        return Later(N_("the box is not ticked"))

    def tally_points(self, item: Item, value: Answer) -> dict[str, float]:
        return dict(item.points) if value is True else {}

    def reason_text(self, item: Item, value: Answer, words: Words) -> str:
        return words["yes"]  # only a ticked box counts

    def report_text(self, item: Item, value: Answer, words: Words) -> str:
        return words["yes"] if value is True else words["no"]  # an empty box says no

    def cell_entries(self, item: Item, words: Words) -> dict[str, Answer]:
        return {words["yes"]: True, words["no"]: False}

    def cell_words(self, item: Item) -> list[tuple[str, Answer]]:
        ticked = [(word, True) for word in ("oui", "yes", "true", "vrai", "x", "1")]
        return ticked + [(word, False) for word in ("non", "no", "false", "faux", "0")]

    def allowed_text(self, item: Item, words: Words) -> str:
        return words["checkbox"]

    def cell_check(self, item: Item, words: Words, list_range: str | None) -> dict[str, Any]:
        assert list_range is not None
        return {"type": "list", "formula1": list_range, "error": shorten(words["error_list"], 255)}

    def parse_cell(self, item: Item, value: Any, matcher: Matcher) -> Answer:
        if isinstance(value, bool):
            return value
        return one_of(value, matcher)
