"""Sphinx extension: French typographic spaces, so contributors can type plain spaces.

French puts a space before ``:`` ``;`` ``?`` ``!``, inside « guillemets » and between a
number and its unit (« 30 jours »), and that space must not break across lines. Writing
U+00A0 and U+202F by hand is error-prone and invisible in review, so this transform does
it for French builds only, leaving code, literals and raw output untouched.

Two more repairs apply to every language, because the markup, not the writer, causes
them: an apostrophe typed just before a link or a glossary term (``l'{term}`ESCO```)
stays an apostrophe instead of becoming a closing quote, and a link whose text ends in
``?`` or ``!`` swallows the full stop typed after it (``voir [CM ou webmaster ?](…).``).
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

NBSP = "\u00a0"  # before a colon, inside guillemets, between a number and its unit
NNBSP = "\u202f"  # narrow, before ; ? ! and between groups of thousands
APOSTROPHE = "\u2019"

# Units and counted words that must stay on the number's line; whole words only.
UNITS = frozenset(
    {
        *("an", "ans", "année", "années", "mois", "semaine", "semaines", "jour", "jours"),
        *("heure", "heures", "h", "min", "minute", "minutes", "seconde", "secondes"),
        *("%", "€", "k€", "M€", "euros", "salariés", "mentions", "messages", "abonnés"),
        *("pages", "points", "niveaux", "étapes", "questions", "cas"),
        *("s", "ms", "Ko", "Mo", "Go"),
    }
)
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))

_RULES = (
    # Thousands: « 2 000 », « 1 801 € » never split across lines.
    (re.compile(r"(?<![\w.,])(\d{1,3}) (?=\d{3}(?!\d))"), r"\1" + NNBSP),
    (re.compile(r"[ \u00a0\u202f]+([;?!])"), NNBSP + r"\1"),
    (re.compile(r"(?<=\S)[ \u00a0\u202f]+:(?=\s|$)"), NBSP + ":"),
    (re.compile(r"«[ \u00a0\u202f]*"), "«" + NBSP),
    (re.compile(r"[ \u00a0\u202f]*»"), NBSP + "»"),
    (
        re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)?) (?=(?:{_UNIT})(?!\w))"),
        r"\1" + NBSP,
    ),
)
_SKIP = (
    nodes.literal,
    nodes.literal_block,
    nodes.raw,
    nodes.math,
    nodes.math_block,
    nodes.comment,
    nodes.reference,
)
# Before Sphinx's smart quotes (priority 750), which would curl the apostrophe.
_TRAILING_APOSTROPHE = re.compile(r"(?<=\w)'$")
_WORD_START = re.compile(r"^\w")


def french_spacing(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def _skipped(text: nodes.Text) -> bool:
    parent = text.parent
    return (
        parent is None
        or isinstance(parent, _SKIP)
        or any(isinstance(a, _SKIP) for a in _ancestors(parent))
    )


def _inline_after(text: nodes.Text) -> nodes.Element | None:
    """The element (link, term, emphasis) that directly follows ``text``, if any."""
    parent = text.parent
    index = parent.index(text)
    after = parent[index + 1] if index + 1 < len(parent) else None
    return after if isinstance(after, nodes.Element) else None


class ApostropheBeforeInline(SphinxTransform):
    """``l'`` followed by a link or a term: the quote is an apostrophe, not a closing quote.

    Smart quotes see each text node alone: a ``'`` ending one, with the word it elides in
    the next (a link, a term), looks like a closing quote, which French renders ” (« l”ESCO »).
    """

    default_priority = 745

    def apply(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if _skipped(text) or not _TRAILING_APOSTROPHE.search(str(text)):
                continue
            after = _inline_after(text)
            if after is not None and _WORD_START.match(after.astext()):
                text.parent.replace(
                    text, nodes.Text(_TRAILING_APOSTROPHE.sub(APOSTROPHE, str(text)))
                )


class NoFullStopAfterQuestion(SphinxTransform):
    """``[Interne ou externe ?](…).`` reads "?." once rendered; the link's mark ends it."""

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            value = str(text)
            if not value.startswith(".") or value.startswith(".."):
                continue
            parent = text.parent
            if parent is None or _skipped(text):
                continue
            index = parent.index(text)
            before = parent[index - 1] if index else None
            if isinstance(before, nodes.Element) and before.astext().rstrip().endswith(("?", "!")):
                parent.replace(text, nodes.Text(value[1:]))


class FrenchSpacing(SphinxTransform):
    # After smart quotes (which turn "…" into « … ») and before doctree-read.
    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        if (self.config.language or "").split("_")[0] != "fr":
            return
        for text in list(self.document.findall(nodes.Text)):
            if _skipped(text):
                continue
            fixed = french_spacing(str(text))
            if fixed != str(text):
                text.parent.replace(text, nodes.Text(fixed))


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    out = []
    while node.parent is not None:
        node = node.parent
        out.append(node)
    return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(ApostropheBeforeInline)
    app.add_transform(NoFullStopAfterQuestion)
    app.add_transform(FrenchSpacing)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
