"""Rules between two answers (``rules:`` in a definition), checked the same way everywhere.

A rule says "this answer OP that answer" for two numbers or two ISO dates, with the
message a person reads when it is broken. JSON Schema cannot compare two values of one
instance, so the exported schema carries the rules among its ``x-checklist`` hints; this
module is the Python reading, ``static/checklist-rules.js`` the browser's, and the conformance
corpus under tests/conformance/ holds both to the same verdicts.

A rule is only checked when both answers are given and both items are visible: an
unanswered salary maximum breaks no rule, it is the "required" check's business.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from checklist_forms.core.answered import is_date
from checklist_forms.core.model import Answer, Checklist, Rule


def _comparable(value: Answer) -> float | str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return value if math.isfinite(value) else None
        except OverflowError:  # an integer no float holds: no comparison a browser makes
            return None
    if is_date(value):
        return str(value)  # ISO dates order as text
    return None


def holds(op: str, left: float | str, right: float | str) -> bool:
    """Whether ``left OP right``; a date never compares with a number (nothing to say)."""
    if isinstance(left, str) != isinstance(right, str):
        return True
    order = (left > right) - (left < right)  # type: ignore[operator]
    return {">=": order >= 0, ">": order > 0, "<=": order <= 0, "<": order < 0}[op]


def broken_rules(checklist: Checklist, answers: Mapping[str, Answer]) -> list[Rule]:
    """The checklist's rules that the answers break, in declared order."""
    broken = []
    for rule in checklist.rules:
        item, other = checklist.item(rule.item), checklist.item(rule.other)
        if item is None or other is None:
            continue
        if not (checklist.is_visible(item, answers) and checklist.is_visible(other, answers)):
            continue
        left, right = _comparable(answers.get(rule.item)), _comparable(answers.get(rule.other))
        if left is None or right is None:
            continue
        if not holds(rule.op, left, right):
            broken.append(rule)
    return broken
