"""``text``: free text on one line or, ``multiline``, several; screened by guards."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer, visible_text_pattern
from checklist_forms.core.kinds.base import Kind, Words
from checklist_forms.core.kinds.cells import Matcher, Unusable, as_text, shorten
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item


class Text(Kind):
    name = "text"
    keys = ("multiline", "max_length", "placeholder", "guard")
    free_text = True
    paper_line = True
    expected = N_("text (or null)")
    cell_format = "@"

    def answer_schema(self, item: Item) -> dict[str, Any]:
        return {"type": ["string", "null"], "maxLength": item.text_max_length}

    def answered_schema(self, item: Item) -> dict[str, Any]:
        # at least one visible character (not whitespace, control or format characters)
        return {"type": "string", "pattern": visible_text_pattern()}

    def unanswered_text(self, item: Item) -> str:
        return Later(N_("the text is empty"))

    def max_length(self, item: Item) -> int | None:
        return item.text_max_length

    def allowed_text(self, item: Item, words: Words) -> str:
        key = "text_multiline" if item.multiline else "text"
        return words[key].format(n=item.text_max_length)

    def cell_check(self, item: Item, words: Words, list_range: str | None) -> dict[str, Any]:
        return {
            "type": "textLength",
            "operator": "lessThanOrEqual",
            "formula1": str(item.text_max_length),
            "error": shorten(words["error_text"].format(n=item.text_max_length), 255),
        }

    def parse_cell(self, item: Item, value: Any, matcher: Matcher) -> Answer:
        text = as_text(value)
        if len(text) > item.text_max_length:
            raise Unusable(
                Later(
                    N_("text is {length} characters long; at most {limit} are allowed"),
                    length=len(text),
                    limit=item.text_max_length,
                )
            )
        return text
