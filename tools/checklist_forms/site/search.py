"""Accent-insensitive French search (sphinx-doc/sphinx#6687).

Readers type « reputation » for « réputation » and « cree » for « créé ». The index keeps
the French Snowball stems but folds their accents; a small script wraps the browser's
stemmer the same way, so the query and the index meet. Stemming happens before folding
on both sides, because the stemmer's rules depend on accents.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.search.fr import SearchFrench

STATIC = Path(__file__).parent / "static"
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae"})


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class SearchFrenchFolded(SearchFrench):
    def stem(self, word: str) -> str:
        return fold(super().stem(word))

    def word_filter(self, word: str) -> bool:
        return super().word_filter(word) and fold(word) not in _FOLDED_STOPWORDS


_FOLDED_STOPWORDS = frozenset(fold(w) for w in SearchFrench.stopwords)


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == "search" and (app.config.language or "").startswith("fr"):
        app.add_js_file("search-fold.js", loading_method="defer")


def copy_script(app: Sphinx, exception: BaseException | None) -> None:
    if (
        exception is None
        and app.builder.format == "html"
        and (app.config.language or "").startswith("fr")
    ):
        target = Path(app.outdir) / "_static" / "search-fold.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((STATIC / "search-fold.js").read_bytes())


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_search_language(SearchFrenchFolded)
    app.connect("html-page-context", add_script)
    app.connect("build-finished", copy_script)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
