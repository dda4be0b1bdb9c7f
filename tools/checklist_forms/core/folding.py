"""Accent folding: « réputation » and « reputation » compared as the same word.

Three variants, because three comparisons want different things; they share the one way
accents are taken off (decompose, drop the combining marks).

- :func:`strip_accents` keeps case: the search index folds stems, which the French
  stemmer has already lowercased, and must fold them exactly as ``search-fold.js`` does.
- :func:`fold_lower` (and :func:`fold_lower_mapped`, which also says where each folded
  character comes from) lowercases too, character by character, as ``checklist.js``
  does before running the guard's patterns: a match is then shown in the original text.
- :func:`fold_loose` forgives everything a person may type differently in a spreadsheet
  cell: compatibility forms (NFKD: ligatures such as ﬁ, non-breaking spaces), dashes,
  runs of spaces, case (``casefold``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Not decomposed by Unicode, but written both ways in French.
LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"}
_LIGATURE_TABLE = str.maketrans(LIGATURES)
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")


def _without_marks(decomposed: str) -> str:
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_accents(text: str) -> str:
    """Accents and French ligatures off, case kept: « Élève » -> « Eleve »."""
    return _without_marks(unicodedata.normalize("NFD", text.translate(_LIGATURE_TABLE)))


@cache
def _fold_char(char: str) -> str:
    return strip_accents(char).lower()


def fold_lower(text: str) -> str:
    """Lowercase, accent-free text, folded character by character (as the browser does)."""
    return text.lower() if text.isascii() else "".join(map(_fold_char, text))


def fold_lower_mapped(text: str) -> tuple[str, list[int]]:
    """:func:`fold_lower`, and for each of its characters the index it comes from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for c in _fold_char(char):
            out.append(c)
            where.append(index)
    return "".join(out), where


def fold_loose(text: str) -> str:
    """Case, accents, dashes and spacing do not matter when matching a typed answer."""
    text = _without_marks(unicodedata.normalize("NFKD", text))
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip().casefold()
