"""The web-standards checks (checklist_forms.site.webcheck) and the site fixes they drove.

The checkers themselves are tested on small hand-made sites, so a checker that stopped
finding things would fail here; the fixes are tested on small Sphinx builds with the
handbook's theme and extensions.
"""

from __future__ import annotations

import gzip
import html.parser
import urllib.request
from collections import Counter
from pathlib import Path

from checklist_forms.site.webcheck.links import broken_links
from checklist_forms.site.webcheck.pages import representatives, site_pages
from checklist_forms.site.webcheck.serve import SiteServer

from conftest import BASE_URL, BuildSite

PAGE = '<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body>{}</body></html>'


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(PAGE.format(body), encoding="utf-8")
    return tmp_path


def test_links_finds_missing_files_and_anchors(tmp_path: Path) -> None:
    root = _site(
        tmp_path,
        {
            "index.html": '<a href="a/b.html#here">ok</a><a href="a/b.html#gone">x</a>'
            '<a href="missing.html">y</a><a href="https://example.org/x">ext</a>'
            f'<a href="{BASE_URL}a/b.html#nope">abs</a><img src="_static/i.png" alt="">',
            "a/b.html": '<h2 id="here">Here</h2><a href="../index.html#">top</a><a href="./">dir</a>',
            "a/index.html": "",
        },
    )
    problems = broken_links(root, BASE_URL)
    assert problems == [
        "index.html:1: a/b.html#gone (no id 'gone' in a/b.html)",
        "index.html:1: missing.html (no such file)",
        f"index.html:1: {BASE_URL}a/b.html#nope (no id 'nope' in a/b.html)",
        "index.html:1: _static/i.png (no such file)",
    ]
    (root / "_static").mkdir()
    (root / "_static" / "i.png").write_bytes(b"")
    assert len(broken_links(root, BASE_URL)) == 3


def test_server_compresses_text_like_github_pages(tmp_path: Path) -> None:
    root = _site(tmp_path, {"index.html": "x" * 5000, "sub/index.html": "sub"})
    (root / "logo.png").write_bytes(b"\x89PNG" + b"\0" * 100)
    with SiteServer(root) as server:
        request = urllib.request.Request(server.url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert "x" * 5000 in gzip.decompress(response.read()).decode()
        with urllib.request.urlopen(server.url + "sub/") as response:
            assert response.headers["Content-Encoding"] is None
            assert b"sub" in response.read()
        request = urllib.request.Request(
            server.url + "logo.png", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] is None
        try:
            urllib.request.urlopen(server.url + "../../etc/passwd")
            raise AssertionError("served a file outside the site")
        except urllib.error.HTTPError as error:
            assert error.code == 404


def test_pages_by_type_and_language(tmp_path: Path) -> None:
    form = '<form class="checklist-form"></form>'
    root = _site(
        tmp_path,
        {
            "index.html": "",
            "search.html": "",
            "metier/definition.html": "",
            "recruter/prealables.html": form,
            "en/index.html": "",
            "en/recruter/prealables.html": form,
            "_static/webpack-macros.html": "",
        },
    )
    pages = {p.path: (p.type, p.language) for p in site_pages(root)}
    assert pages == {
        "en/index.html": ("start", "en"),
        "en/recruter/prealables.html": ("checklist", "en"),
        "index.html": ("start", "fr"),
        "metier/definition.html": ("content", "fr"),
        "recruter/prealables.html": ("checklist", "fr"),
        "search.html": ("search", "fr"),
    }
    chosen = [(p.type, p.language) for p in representatives(site_pages(root))]
    assert chosen[:2] == [("start", "en"), ("start", "fr")]


# -- The fixes, on a small build with the handbook's theme -----------------------------

THEMED_CONF = f"""
extensions = ["myst_parser", "checklist_forms.sphinx_ext", "checklist_forms.site.theme",
              "checklist_forms.site.tasklists", "sphinx_sitemap"]
myst_enable_extensions = ["colon_fence", "tasklist"]
html_theme = "pydata_sphinx_theme"
html_context = {{"default_mode": "auto"}}
html_baseurl = "{BASE_URL}"
sitemap_url_scheme = "{{link}}"
sitemap_excludes = ["search.html", "genindex.html"]
language = "LANGUAGE"
locale_dirs = ["locales/"]
"""
CHECKLIST = """# Accueil

## Checklist : essai

```{checklist} essai
:version: 1.0.0
:title: Essai

sections:
  - id: s
    title: Section
    items:
      - id: a
        kind: checkbox
        label: Une case
```

- [ ] à faire
- [x] fait
"""
PO = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "à faire"\nmsgstr "to do"\n'


class _Ids(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(v for k, v in attrs if k == "id" and v)


def test_theme_fixes_on_a_built_site(build_site: BuildSite) -> None:
    built = build_site({"index.md": CHECKLIST}, conf=THEMED_CONF.replace("LANGUAGE", "fr"))
    out = built.outdir
    assert not (out / "_static" / "webpack-macros.html").exists()
    page = built.html()
    ids = _Ids()
    ids.feed(page)
    assert [i for i, n in ids.ids.items() if n > 1] == []
    assert 'id="checklist-essai"' in page and 'id="checklist-essai-section"' in page
    # Assets carry a version query, so a deploy refreshes cached copies.
    assert "_static/checklist.css?v=" in page and "_static/checklist.js?v=" in page
    # The search button's name is its visible text; the search form can be submitted.
    assert 'aria-label="Recherche"' not in page
    search = built.html("search")
    assert '<button type="submit"' in search
    assert '<meta name="robots" content="noindex, follow" />' in search
    assert '<meta name="robots"' not in page
    assert "search.html" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    # Task lists: no unlabelled input, the state on the item.
    assert "task-list-item-checkbox" not in page
    assert page.count("task-todo") == 1 and page.count("task-done") == 1


def test_translated_task_lists_keep_their_boxes(build_site: BuildSite, tmp_path: Path) -> None:
    files = {"index.md": CHECKLIST, "locales/en/LC_MESSAGES/index.po": PO}
    built = build_site(files, conf=THEMED_CONF.replace("LANGUAGE", "en"))
    page = built.html()
    assert '<li class="task-list-item task-todo"><p>to do</p></li>' in page
