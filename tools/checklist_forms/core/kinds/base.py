"""What every kind of item knows, with the behaviour of an item of unknown kind.

A :class:`Kind` holds the rules of one kind of item in one place: the JSON Schema of
its answer, what "answered" means, its score, how a report shows an answer, its
workbook cell, and how ``migrate`` carries a value. The methods here are the defaults,
which are also what an item of a kind this version does not know gets (a checklist
read back from a newer export): any answer, shown as typed, worth no points.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer, is_answered
from checklist_forms.core.kinds.cells import Matcher, Unusable
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item

# Keys every item may carry in a definition, whatever its kind.
COMMON_KEYS: tuple[str, ...] = ("id", "kind", "label", "help", "required", "visible_if", "weight")

# Text of a workbook's cells, in the workbook's language (see publish.workbook_writer).
Words = Mapping[str, str]


def is_blank(value: Answer) -> bool:
    """No answer given, as a report shows it (a dash)."""
    return value is None or value == "" or value == []


def number(value: Answer) -> float | None:
    """A finite JSON number as a float, else None; booleans are not numbers here.

    A form may hold 1e400 or a 400-digit integer: validation refuses it, but a report is
    still written for such a form, so a number no float can hold counts as no answer.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        result = float(value)
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


class Kind:
    name = ""
    # Definition keys of this kind only (see :attr:`definition_keys`).
    keys: tuple[str, ...] = ()
    # A note holds no answer: no schema property, no row to fill, no report line.
    answerable = True
    # The answer is a list of values: a condition on it holds when it contains one.
    multiple = False
    # Free text: screened by the checklist's guards; the first one names a compared form.
    free_text = False
    # Shown as a column when filled forms are compared side by side.
    compared = False
    # A printed form leaves a line to write the answer on.
    paper_line = False
    # How a validation message names the answer this kind expects.
    expected = N_("an answer")
    # Excel number format of the answer cell ("@" keeps typed text as text).
    cell_format: str | None = None

    # -- definition ------------------------------------------------------------------

    def definition_keys(self) -> tuple[str, ...]:
        """Every key an item of this kind may carry in a definition."""
        return COMMON_KEYS + self.keys

    # -- answers ---------------------------------------------------------------------

    def blank(self, item: Item) -> Answer:
        """The answer of a blank form."""
        return None

    def answer_schema(self, item: Item) -> dict[str, Any]:
        """The JSON Schema keywords of what a draft may hold (title and help added by the caller)."""
        return {}

    def answered_schema(self, item: Item) -> dict[str, Any]:
        """What a final form must hold for a required item."""
        return {"not": {"type": "null"}}

    def answered(self, item: Item, value: Answer) -> bool:
        """Whether a final form may keep this value for a required item."""
        return is_answered(value)

    def unanswered_text(self, item: Item) -> str:
        """Why a required item is not answered, for a validation message."""
        return Later(N_("it has no answer"))

    def choice_error(self, path: list[Any]) -> bool:
        """Whether a ``oneOf`` failure at ``path`` inside the answer is a value outside the choices."""
        return False

    def max_length(self, item: Item) -> int | None:
        """The longest text the answer may hold, when it is text."""
        return None

    # -- scoring ---------------------------------------------------------------------

    def max_score(self, item: Item) -> float | None:
        """The best value of a weighted score, or None when the item is not scored."""
        return None

    def score_value(self, item: Item, value: Answer) -> float | None:
        """What an answer is worth in a weighted score (None: not rated)."""
        return number(value)

    def tally_points(self, item: Item, value: Answer) -> dict[str, float]:
        """Points an answer gives to tally outcomes."""
        return {}

    def reason_text(self, item: Item, value: Answer, words: Words) -> str:
        """An answer that counted in a score, as the result lists it."""
        if isinstance(value, list):
            return ", ".join(item.choice_label(v) or str(v) for v in value)
        return item.choice_label(value) or str(value)

    # -- reports ---------------------------------------------------------------------

    def report_text(self, item: Item, value: Answer, words: Words) -> str:
        """An answer in a Markdown report (``words``: the interface words, yes/no)."""
        if is_blank(value):
            return "—"
        return self.shown(item, value)

    def shown(self, item: Item, value: Answer) -> str:
        """A given answer as a report shows it."""
        return str(value)

    # -- workbook cells --------------------------------------------------------------

    def cell_entries(self, item: Item, words: Words) -> dict[str, Answer]:
        """The drop-down entries of the answer cell (as shown) and the value of each."""
        return {}

    def cell_words(self, item: Item) -> list[tuple[str, Answer]]:
        """Other texts a typed cell may hold for an answer (values, labels, yes/no words)."""
        return []

    def allowed_text(self, item: Item, words: Words) -> str:
        """What the answer cell accepts, in words (the "allowed answers" column)."""
        return ""

    def cell_check(self, item: Item, words: Words, list_range: str | None) -> dict[str, Any] | None:
        """The typed-value check of the answer cell, as Excel data-validation settings."""
        return None

    def parse_cell(self, item: Item, value: Any, matcher: Matcher) -> Answer:
        """The answer a non-empty cell holds; raise :class:`Unusable` rather than guess."""
        raise Unusable(Later(N_("items of kind {kind} take no answer"), kind=repr(item.kind)))

    # -- migration -------------------------------------------------------------------

    def carry(self, item: Item, value: Answer) -> tuple[Answer, list[Answer]]:
        """The part of an older answer this item keeps, and the parts it cannot."""
        return value, []

    def misfit(self, item: Item, value: Answer, message: str) -> str:
        """Why this item cannot hold a carried value (``message``: the schema's reason)."""
        if item.choices or item.levels:
            allowed = ", ".join(c.value for c in item.choices) or ", ".join(
                str(lv.value) for lv in item.levels
            )
            return Later(
                N_("{value} is not an answer of this version (allowed: {allowed})"),
                value=repr(value),
                allowed=allowed,
            )
        return message
