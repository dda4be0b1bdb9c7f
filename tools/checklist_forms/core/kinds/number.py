"""``number``: a number within optional bounds, with a step and a unit; scored up to ``max``."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer
from checklist_forms.core.kinds.base import Kind, Words
from checklist_forms.core.kinds.cells import Matcher, Unusable, shorten, show
from checklist_forms.core.numbers import number_text
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item

ANSWER_RANGE_MAX = 1e15  # numbers without bounds: any value a person would type
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def is_whole(item: Item) -> bool:
    """Whole numbers only when the definition steps by integers (no step: any value)."""
    bounds = [b for b in (item.min, item.max) if b is not None]
    return (
        item.step is not None
        and float(item.step).is_integer()
        and all(float(b).is_integer() for b in bounds)
    )


def bounds_text(item: Item, words: Words) -> str:
    if item.min is not None and item.max is not None:
        return words["range"].format(min=number_text(item.min), max=number_text(item.max))
    if item.min is not None:
        return words["min_only"].format(min=number_text(item.min))
    if item.max is not None:
        return words["max_only"].format(max=number_text(item.max))
    return ""


class Number(Kind):
    name = "number"
    keys = ("min", "max", "step", "unit", "must_have")
    paper_line = True
    expected = N_("a number (or null)")

    def answer_schema(self, item: Item) -> dict[str, Any]:
        out: dict[str, Any] = {"type": ["number", "null"]}
        if item.min is not None:
            out["minimum"] = item.min
        if item.max is not None:
            out["maximum"] = item.max
        return out

    def max_score(self, item: Item) -> float | None:
        return None if item.max is None else float(item.max)

    def shown(self, item: Item, value: Answer) -> str:
        return f"{value} {item.unit}" if item.unit else str(value)

    def allowed_text(self, item: Item, words: Words) -> str:
        parts = [words["whole"] if is_whole(item) else words["number"]]
        bounds = bounds_text(item, words)
        if bounds:
            parts.append(bounds)
        if item.step is not None and item.step not in (0, 1):
            parts.append(words["step"].format(step=number_text(item.step)))
        text = " ".join(parts)
        if item.unit:
            text += f" ({item.unit})"
        text += "."
        if not is_whole(item):
            text += " " + words["comma"]
        return text

    def cell_check(self, item: Item, words: Words, list_range: str | None) -> dict[str, Any]:
        whole = is_whole(item)
        what = (words["whole"] if whole else words["number"]).lower()
        message = words["error_number"].format(what=f"{what} {bounds_text(item, words)}".strip())
        low = item.min if item.min is not None else -ANSWER_RANGE_MAX
        high = item.max if item.max is not None else ANSWER_RANGE_MAX
        return {
            "type": "whole" if whole else "decimal",
            "operator": "between",
            "formula1": number_text(low),
            "formula2": number_text(high),
            "error": shorten(message, 255),
        }

    def parse_cell(self, item: Item, value: Any, matcher: Matcher) -> Answer:
        if isinstance(value, bool | dt.date | dt.time):
            raise Unusable(Later(N_("{value} is not a number"), value=show(value)))
        if isinstance(value, int | float):
            number: float | int = value
        else:
            text = re.sub(r"[\s\u00a0\u202f]", "", str(value))
            if "," in text and "." not in text and text.count(",") == 1:
                text = text.replace(",", ".")
            if not _NUMBER.match(text):
                raise Unusable(Later(N_("{value} is not a number"), value=show(value)))
            number = float(text)
        if isinstance(number, float):
            if not math.isfinite(number):
                raise Unusable(Later(N_("{value} is not a number"), value=show(value)))
            if number.is_integer() and abs(number) < 2**53:
                number = int(number)
        if item.min is not None and number < item.min:
            raise Unusable(
                Later(
                    N_("{value} is below the minimum {minimum}"),
                    value=show(value),
                    minimum=number_text(item.min),
                )
            )
        if item.max is not None and number > item.max:
            raise Unusable(
                Later(
                    N_("{value} is above the maximum {maximum}"),
                    value=show(value),
                    maximum=number_text(item.max),
                )
            )
        return number
