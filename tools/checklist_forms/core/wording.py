"""The sentence that says when a conditional question is to be filled in.

One wording for the HTML form and the workbook: « À remplir si « Volume » : Faible. ».
Each medium names the expected value its own way — the page by the choice's label, the
workbook by the drop-down entry the reader will pick — so it passes its namer and its
words (``shown_if``, ``shown_if_answered``, ``yes``, ``no``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from checklist_forms.core.model import Answer, Checklist, Condition, Item
from checklist_forms.core.numbers import number_text

ValueNamer = Callable[[Item, Answer], str | None]


def label_of_value(item: Item, value: Answer) -> str | None:
    """The label of the choice or level that stands for ``value``."""
    return item.choice_label(value)


def condition_sentence(
    checklist: Checklist,
    condition: Condition,
    words: Mapping[str, str],
    name_value: ValueNamer = label_of_value,
) -> str:
    target = checklist.item(condition.item)
    label = target.label if target else condition.item
    if condition.answered is not None:
        return words["shown_if_answered"].format(label=label)
    values = condition.any_of if condition.any_of is not None else (condition.equals,)
    shown = []
    for value in values:
        if isinstance(value, bool):
            shown.append(words["yes"] if value else words["no"])
            continue
        named = name_value(target, value) if target is not None else None
        if named:
            shown.append(named)
        elif isinstance(value, int | float):
            shown.append(number_text(value))
        else:
            shown.append(str(value))
    return words["shown_if"].format(label=label, value=" / ".join(shown))
