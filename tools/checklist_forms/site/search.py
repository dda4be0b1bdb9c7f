"""Accent-insensitive French search (sphinx-doc/sphinx#6687).

Readers type « reputation » for « réputation » and « cree » for « créé ». The index keeps
the French Snowball stems but folds their accents; a small script wraps the browser's
stemmer the same way, so the query and the index meet. Stemming happens before folding
on both sides, because the stemmer's rules depend on accents.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.search.fr import SearchFrench

from checklist_forms.core.folding import strip_accents as fold

STATIC = Path(__file__).parent / "static"


class SearchFrenchFolded(SearchFrench):
    def stem(self, word: str) -> str:
        return fold(super().stem(word))

    def word_filter(self, word: str) -> bool:
        return super().word_filter(word) and fold(word) not in _FOLDED_STOPWORDS


_FOLDED_STOPWORDS = frozenset(fold(w) for w in SearchFrench.stopwords)


def _french(config: Config) -> bool:
    return (config.language or "").startswith("fr")


def add_static_folder(app: Sphinx, config: Config) -> None:
    """Sphinx copies the script with the theme's and tags it ``?v=<checksum>``."""
    if _french(config) and str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def add_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == "search" and _french(app.config):
        app.add_js_file("search-fold.js", loading_method="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_search_language(SearchFrenchFolded)
    app.connect("html-page-context", add_script)
    app.connect("config-inited", add_static_folder)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
