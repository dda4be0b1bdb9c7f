"""What counts as an answer: visible text and valid dates, defined once.

The definitions live in ``data/answer-rules.json`` as regular expressions that Python,
JavaScript and Rust read the same way: this module applies them to answers, the exported
JSON Schema carries them as ``pattern`` keywords (``format`` assertion is optional in
JSON Schema, and validators disagree on dates such as 0000-01-01), and the browser form
receives them in the page's data block. A required text made only of spaces, control,
format or other invisible characters ("\\ufeff", "\\x1f", "\\x85", a zero-width space) is
therefore missing everywhere, and a date is valid everywhere or nowhere.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).parent.parent / "data" / "answer-rules.json"


@cache
def answer_rules() -> dict[str, Any]:
    """The shared definitions, as the browser form receives them."""
    data: dict[str, Any] = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k != "about"}


@cache
def _visible() -> re.Pattern[str]:
    return re.compile(answer_rules()["visible_text"])


@cache
def _date() -> re.Pattern[str]:
    return re.compile(answer_rules()["date"])


def visible_text_pattern() -> str:
    return str(answer_rules()["visible_text"])


def date_pattern() -> str:
    return str(answer_rules()["date"])


def date_length() -> int:
    return int(answer_rules()["date_length"])


def has_visible_text(text: str) -> bool:
    """Whether a text holds at least one character a reader can see."""
    return _visible().search(text) is not None


def is_date(value: Any) -> bool:
    """A date written YYYY-MM-DD that exists (years 0001 to 9999)."""
    return (
        isinstance(value, str) and len(value) == date_length() and _date().search(value) is not None
    )


# A JSON value as a form holds it.
Answer = Any


def same_value(a: Answer, b: Answer) -> bool:
    """JSON equality: ``true`` is not ``1`` (Python says it is), ``1`` is ``1.0``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if a is None or b is None:
        return a is b
    return bool(a == b)


def is_answered(value: Answer) -> bool:
    """The definition of "answered" shared by the validator, the report and the browser.

    A text answers when a reader can see some of it (:func:`has_visible_text`).
    """
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return has_visible_text(value)
    if isinstance(value, list):
        return len(value) > 0
    return True
