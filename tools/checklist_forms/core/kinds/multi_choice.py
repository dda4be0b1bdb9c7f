"""``multi_choice``: a list of values among ``choices``, with optional minimum and maximum."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer, is_answered, same_value
from checklist_forms.core.kinds.base import Words
from checklist_forms.core.kinds.cells import Matcher, Unusable, as_text, show
from checklist_forms.core.kinds.choices import ChoiceKind, choice
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item

# How a workbook cell lists several choices.
SEPARATOR = " ; "


def _least(item: Item) -> int:
    return max(1, item.min_selected or 1)


class MultiChoice(ChoiceKind):
    name = "multi_choice"
    keys = ("choices", "min_selected", "max_selected")
    expected = N_("a list of choices")
    multiple = True

    def blank(self, item: Item) -> Answer:
        return []

    def answer_schema(self, item: Item) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "array",
            "uniqueItems": True,
            "items": {"oneOf": [choice(c.value, c.label, c.help) for c in item.choices]},
        }
        if item.max_selected is not None:
            out["maxItems"] = item.max_selected
        return out

    def answered_schema(self, item: Item) -> dict[str, Any]:
        return {"type": "array", "minItems": _least(item)}

    def answered(self, item: Item, value: Answer) -> bool:
        if isinstance(value, list):
            return len(value) >= _least(item)
        return is_answered(value)

    def unanswered_text(self, item: Item) -> str:
        need = _least(item)
        if need == 1:
            return Later(N_("no choice is selected"))
        return Later(N_("fewer than {need} choices are selected"), need=need)

    def choice_error(self, path: list[Any]) -> bool:
        return bool(path)  # one of the listed values, not the list itself

    def shown(self, item: Item, value: Answer) -> str:
        if isinstance(value, list):
            return ", ".join(item.choice_label(v) or str(v) for v in value)
        return str(value)

    def allowed_text(self, item: Item, words: Words) -> str:
        labels = [c.label for c in item.choices]
        example = SEPARATOR.join(labels[:2])
        text = words["multi"].format(labels=SEPARATOR.join(labels), example=example)
        limits = []
        if item.min_selected:
            limits.append(words["at_least"].format(n=item.min_selected))
        if item.max_selected:
            limits.append(words["at_most"].format(n=item.max_selected))
        if limits:
            sentence = ", ".join(limits)
            text += "\n" + sentence[0].upper() + sentence[1:] + "."
        helps = [f"• {c.label} : {c.help}" for c in item.choices if c.help]
        return "\n".join([text, *helps])

    def cell_check(self, item: Item, words: Words, list_range: str | None) -> dict[str, Any]:
        # A list check holds one entry: offer the drop-down for one choice and let
        # people type several separated by " ; " (read back and checked on import).
        return {**super().cell_check(item, words, list_range), "showErrorMessage": False}

    def parse_cell(self, item: Item, value: Any, matcher: Matcher) -> Answer:
        whole, _ = matcher.find(as_text(value))
        parts = (
            [as_text(value)]
            if whole
            else [p for p in re.split(r"[;\n]", as_text(value)) if p.strip()]
        )
        chosen: list[Answer] = []
        for part in parts:
            found, answer = matcher.find(part)
            if not found:
                raise Unusable(
                    Later(
                        N_("{value} is not one of the allowed answers: {allowed}"),
                        value=show(part.strip()),
                        allowed=", ".join(matcher.shown),
                    )
                )
            if answer not in chosen:
                chosen.append(answer)
        order = [c.value for c in item.choices]
        chosen.sort(key=lambda v: order.index(v) if v in order else len(order))
        if item.max_selected is not None and len(chosen) > item.max_selected:
            raise Unusable(
                Later(
                    N_("{count} choices given; at most {limit} are allowed"),
                    count=len(chosen),
                    limit=item.max_selected,
                )
            )
        return chosen

    def carry(self, item: Item, value: Answer) -> tuple[Answer, list[Answer]]:
        if not isinstance(value, list):
            return value, []
        # Compared one by one, not through a set: a hostile form can hold lists or objects
        # among its choices, which no set can.
        allowed = [c.value for c in item.choices]
        kept = [v for v in value if any(same_value(v, a) for a in allowed)]
        return kept, [v for v in value if not any(same_value(v, a) for a in allowed)]
