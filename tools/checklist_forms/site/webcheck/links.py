"""Broken internal links and anchors in a built site: every ``href``/``src`` that stays on
the site must name a file the build wrote, and every ``#fragment`` an ``id`` in it.

Links to the published address (``https://…/manuel-community-manager/…``: canonical,
alternates, links in checklists) are internal too: they are mapped onto the build
folder, so a page the sitemap or a language switcher promises must exist.
"""

from __future__ import annotations

import html.parser
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# (tag, attribute) pairs that load or link to a resource.
LINKING = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src")}
LOCAL_ROOT = "http://site.invalid/"


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.page.ids.add(value)
            if (tag, name) in LINKING:
                self.page.links.append((self.getpos()[0], value))


def _parse(path: Path) -> _Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser.page


def broken_links(root: Path, site_url: str = "") -> list[str]:
    """One message per broken link: ``page:line: target (reason)``."""
    root = root.resolve()
    pages: dict[Path, _Page] = {p: _parse(p) for p in sorted(root.rglob("*.html"))}
    problems: list[str] = []
    for page, parsed in pages.items():
        base = LOCAL_ROOT + page.relative_to(root).as_posix()
        for line, href in parsed.links:
            local = href
            if site_url and href.startswith(site_url):
                local = LOCAL_ROOT + href[len(site_url) :]
            url = urljoin(base, local)
            if not url.startswith(LOCAL_ROOT):
                continue  # another site, mailto:, javascript:, data:
            parts = urlsplit(url)
            target = root / unquote(parts.path).lstrip("/")
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(root)}:{line}: {href}"
            if not target.is_file():
                problems.append(f"{where} (no such file)")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target.resolve()].ids if target.resolve() in pages else set()
                if fragment not in ids:
                    problems.append(f"{where} (no id {fragment!r} in {target.relative_to(root)})")
    return problems


def main(argv: list[str] | None = None) -> int:
    """``python -m checklist_forms.site.webcheck.links ROOT [SITE_URL]``."""
    args = sys.argv[1:] if argv is None else argv
    problems = broken_links(Path(args[0]), args[1] if len(args) > 1 else "")
    for problem in problems:
        print(problem)
    print(f"links: {len(problems)} broken internal link(s) or anchor(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
