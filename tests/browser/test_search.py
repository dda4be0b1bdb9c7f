"""The site search in a real browser: accent-insensitive in French, plain English in en/.

The French index folds accents (checklist_forms/site/search.py) and so does the query
(site/static/search-fold.js): « reputation » must find the pages that say « réputation ».
What each page says is read from its built HTML here, independently of both.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

pytestmark = pytest.mark.browser


# Elements without an end tag: they must not count in the nesting depth.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Article(HTMLParser):
    """The text of a page's article, what the search indexes: not the navigation around
    it, nor the owner and review date that checklist_forms.site.pagemeta adds to it."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # inside the article
        self.skip = 0  # inside furniture within it
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.depth or (tag == "article" and "bd-article" in classes):
            self.depth += 1
            if self.skip or "page-meta" in classes:
                self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1
            self.skip = max(0, self.skip - 1)

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def _pages_saying(site: Any, language: str, pattern: str) -> set[str]:
    """Pages (relative to the language's root) whose article has a word matching pattern."""
    prefix = "en/" if language == "en" else ""
    found = set()
    for name in site.pages(language):
        if name.endswith(("search.html", "genindex.html")):
            continue
        parser = _Article()
        parser.feed((site.root / name).read_text(encoding="utf-8"))
        if re.search(pattern, " ".join(parser.parts), re.IGNORECASE):
            found.add(name.removeprefix(prefix))
    return found


def _search(page: Any, site: Any, language: str, query: str) -> set[str]:
    prefix = "en/" if language == "en" else ""
    page.goto(f"{site.url}{prefix}search.html?q={query}")
    page.locator("#search-results .search-summary").wait_for(timeout=30_000)
    links = page.eval_on_selector_all(
        "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
    )
    return {re.split(r"[?#]", link)[0] for link in links}


@pytest.mark.parametrize(
    ("query", "accented", "pattern"),
    [
        ("reputation", "réputation", r"\bréputations?\b"),
        ("equipe", "équipe", r"\béquipes?\b"),
        ("cree", "créée", r"\bcré(?:é|ée|és|ées)\b"),
    ],
)
def test_french_search_ignores_accents(site, page, query, accented, pattern):
    expected = _pages_saying(site, "fr", pattern)
    assert expected, f"no French page says {pattern}: the test has nothing to look for"
    found = _search(page, site, "fr", query)
    assert expected <= found, f"{query!r} misses {sorted(expected - found)}"
    assert _search(page, site, "fr", accented) == found, "accents change the results"
    assert not any(p.startswith("en/") for p in found)


def test_english_site_searches_in_english(site, page):
    expected = _pages_saying(site, "en", r"\breputations?\b")
    assert expected, "no English page says reputation"
    found = _search(page, site, "en", "reputation")
    assert expected <= found, f"misses {sorted(expected - found)}"
    assert page.evaluate("() => document.documentElement.lang") == "en"
    # The English site keeps Sphinx's English stemmer, without the French folding.
    assert page.locator('script[src*="search-fold"]').count() == 0
