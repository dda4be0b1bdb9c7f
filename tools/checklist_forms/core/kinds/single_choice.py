"""``single_choice``: one value among ``choices`` (radio buttons or a drop-down)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer, same_value
from checklist_forms.core.folding import fold_lower
from checklist_forms.core.kinds.base import Words
from checklist_forms.core.kinds.cells import Matcher, one_of
from checklist_forms.core.kinds.choices import ChoiceKind, choice
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item


class SingleChoice(ChoiceKind):
    name = "single_choice"
    keys = ("choices", "display")
    expected = N_("one choice")

    def answer_schema(self, item: Item) -> dict[str, Any]:
        return {
            "oneOf": [choice(c.value, c.label, c.help) for c in item.choices] + [{"type": "null"}]
        }

    def choice_error(self, path: list[Any]) -> bool:
        return True

    def max_score(self, item: Item) -> float | None:
        scores = [c.score for c in item.choices if c.score is not None]
        return float(max(scores)) if scores else None

    def score_value(self, item: Item, value: Answer) -> float | None:
        for option in item.choices:
            if same_value(option.value, value):
                return None if option.score is None else float(option.score)
        return None

    def shown(self, item: Item, value: Answer) -> str:
        return item.choice_label(value) or str(value)

    def allowed_text(self, item: Item, words: Words) -> str:
        lines = [words["single"]]
        lines += [f"• {c.label}" + (f" : {c.help}" if c.help else "") for c in item.choices]
        return "\n".join(lines)

    def parse_cell(self, item: Item, value: Any, matcher: Matcher) -> Answer:
        return one_of(value, matcher)

    def carry(self, item: Item, value: Answer) -> tuple[Answer, list[Answer]]:
        """A country written out in full (« France ») becomes its code (FR) when migrating.

        Only an exact name, accents and case aside: two letters that are not a code in
        capitals may be a name the old two-letter field cut short (« Al » for Allemagne),
        so they are reported as not carried rather than guessed.
        """
        if not item.choices_from or not isinstance(value, str):
            return value, []
        if any(c.value == value for c in item.choices):
            return value, []
        wanted = fold_lower(value.strip())
        for option in item.choices:
            if fold_lower(option.label) == wanted:
                return option.value, []
        return value, []

    def misfit(self, item: Item, value: Answer, message: str) -> str:
        if item.choices_from:
            return Later(
                N_(
                    "{value} is neither a country code in capitals (FR) nor a country's full "
                    "name; it may be a name cut to two letters: choose the country again"
                ),
                value=repr(value),
            )
        return super().misfit(item, value, message)
