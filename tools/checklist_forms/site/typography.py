"""Sphinx extension: French typographic spaces, so contributors can type plain spaces.

French puts a space before ``:`` ``;`` ``?`` ``!`` and inside « guillemets », and that
space must not break across lines. Writing U+00A0 and U+202F by hand is error-prone and
invisible in review, so this transform does it for French builds only, leaving code,
literals and raw output untouched.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

NBSP = "\u00a0"  # before a colon and inside guillemets
NNBSP = "\u202f"  # narrow, before ; ? !

_RULES = (
    (re.compile(r"[ \u00a0\u202f]+([;?!])"), NNBSP + r"\1"),
    (re.compile(r"(?<=\S)[ \u00a0\u202f]+:(?=\s|$)"), NBSP + ":"),
    (re.compile(r"«[ \u00a0\u202f]*"), "«" + NBSP),
    (re.compile(r"[ \u00a0\u202f]*»"), NBSP + "»"),
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


def french_spacing(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


class FrenchSpacing(SphinxTransform):
    # After smart quotes (which turn "…" into « … ») and before doctree-read.
    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        if (self.config.language or "").split("_")[0] != "fr":
            return
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if (
                parent is None
                or isinstance(parent, _SKIP)
                or any(isinstance(a, _SKIP) for a in _ancestors(parent))
            ):
                continue
            fixed = french_spacing(str(text))
            if fixed != str(text):
                parent.replace(text, nodes.Text(fixed))


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    out = []
    while node.parent is not None:
        node = node.parent
        out.append(node)
    return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(FrenchSpacing)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
