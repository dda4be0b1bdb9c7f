"""Which pages the site has, of which type and language, for the checks to report by."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Folders of files the build copies rather than pages it writes.
NOT_PAGES = ("_static", "_sources", "_images", "_downloads", "checklists", "pdf")
TYPES = ("start", "content", "checklist", "search")


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site root, with forward slashes
    language: str
    type: str


def site_pages(root: Path) -> list[Page]:
    """Every HTML page of both languages (English under ``en/``), sorted by path."""
    pages = []
    for file in sorted(root.rglob("*.html")):
        rel = file.relative_to(root).as_posix()
        language = "en" if rel.startswith("en/") else "fr"
        local = rel.removeprefix("en/")
        if local.split("/")[0] in NOT_PAGES:
            continue
        pages.append(Page(rel, language, page_type(local, file.read_text(encoding="utf-8"))))
    return pages


def page_type(local: str, html: str) -> str:
    if local == "index.html":
        return "start"
    if local in ("search.html", "genindex.html"):
        return "search"
    return "checklist" if 'class="checklist-form"' in html else "content"


# The page of each type that Lighthouse audits (path inside one language's folder): an
# ordinary article, and a checklist with every kind of control and a score.
REPRESENTATIVE = {
    "start": "index.html",
    "content": "metier/definition.html",
    "checklist": "recruter/prealables.html",
    "search": "search.html",
}


def representatives(pages: list[Page]) -> list[Page]:
    """One page per type and language for Lighthouse (see ``REPRESENTATIVE``)."""
    chosen: dict[tuple[str, str], Page] = {}
    for page in pages:
        if page.path.removeprefix("en/") == REPRESENTATIVE[page.type]:
            chosen[(page.type, page.language)] = page
    return [chosen[key] for key in sorted(chosen, key=lambda k: (TYPES.index(k[0]), k[1]))]


def published_url() -> str:
    """The site's public address, as docs/conf.py derives it (for absolute self-links)."""
    return os.environ.get(
        "HANDBOOK_SITE_URL", "https://manuel-cm.github.io/manuel-community-manager/"
    )
