"""Spreadsheet cells as answers: the words shared by every kind's cell reading.

A typed cell holds whatever a person or an application put there (text, a number, a
date, a boolean); these helpers show it in a message and read it as text the same way
for every kind. Nothing here opens a file: the workbook reader hands the cell values in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from checklist_forms.core.answered import Answer
from checklist_forms.core.numbers import number_text
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_


class Unusable(Exception):
    """A cell that cannot be read as an answer of its item."""


class Matcher(Protocol):
    """The entries a cell may name (workbook labels, the definition's labels and values)."""

    @property
    def shown(self) -> list[str]: ...

    def find(self, text: str) -> tuple[bool, Answer]: ...


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show(value: Any) -> str:
    """A cell's value quoted in a message, cut to a readable length."""
    if isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, float):
        text = number_text(value)
    else:
        text = str(value)
    text = text.replace("\n", " ")
    return f"« {text if len(text) <= 60 else text[:57] + '…'} »"


def as_text(value: Any) -> str:
    """A cell's value as the text a person sees in it."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def not_allowed(value: Any, matcher: Matcher) -> Unusable:
    return Unusable(
        Later(
            N_("{value} is not one of the allowed answers: {allowed}"),
            value=show(value),
            allowed=", ".join(matcher.shown),
        )
    )


def one_of(value: Any, matcher: Matcher) -> Answer:
    """The answer a cell names among the matcher's entries, or :class:`Unusable`."""
    found, answer = matcher.find(as_text(value))
    if found:
        return answer
    raise not_allowed(value, matcher)
