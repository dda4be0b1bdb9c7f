"""What a phone downloads before a page shows (issue 18): site.iconfont, site.pageassets
and the layout override, on a small build with the handbook's theme and extensions."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from checklist_forms.site.iconfont import characters, trim_icon_rules, used_classes

from conftest import BASE_URL, BuildSite

CSS = (
    ':root{--pst-icon-bell:"\uf0f3";--pst-icon-x:"\\f08e"}'
    '.fa-magnifying-glass,.fa-search{--fa:"\\f002"}.fa-rocket{--fa:"\\f135"}'
    '.fa-sun{--fa:"\uf185"}.fa-lg{font-size:1.25em}'
    "\n/*# sourceMappingURL=theme.css.map*/"
)


def test_icons_kept_are_those_pages_use_or_stylesheets_name() -> None:
    used = used_classes(['<i class="fa-solid fa-search"></i>', 'x.className="fa-sun"'])
    assert {"fa-search", "fa-sun", "fa-solid"} <= used
    assert characters([CSS], used) == {0xF0F3, 0xF08E, 0xF002, 0xF185}
    trimmed = trim_icon_rules(CSS, used)
    assert '.fa-magnifying-glass,.fa-search{--fa:"\\f002"}' in trimmed
    assert ".fa-sun{" in trimmed and ".fa-lg{font-size:1.25em}" in trimmed
    assert "fa-rocket" not in trimmed and "sourceMappingURL" not in trimmed


CONF = f"""
extensions = ["myst_parser", "sphinx.ext.graphviz", "checklist_forms.sphinx_ext",
              "checklist_forms.site.bilingual", "checklist_forms.site.theme",
              "checklist_forms.site.iconfont", "checklist_forms.site.pageassets"]
html_theme = "pydata_sphinx_theme"
html_context = {{"default_mode": "auto"}}
html_baseurl = "{BASE_URL}"
language = "fr"
"""
PAGES = {
    "index.md": "# Accueil\n\n```{toctree}\ncode\n```\n\n:::{note}\nUne note.\n:::\n",
    "code.md": "# Code\n\n```python\nprint(1)\n```\n",
}
FONTS = Path("_static/vendor/fontawesome/webfonts")


def _head(page: str) -> str:
    return page.split("</head>", 1)[0]


@pytest.fixture
def site(build_site: BuildSite):  # type: ignore[no-untyped-def]
    return build_site(PAGES, conf=CONF)


def test_pages_load_no_icon_script_and_no_search_index(site) -> None:  # type: ignore[no-untyped-def]
    head = _head(site.html())
    assert "fontawesome.js" not in site.html()
    assert 'rel="preload"' not in head
    assert "searchindex.js" not in head and "searchtools.js" not in head
    # The theme's theme.css only @imports basic.css: linked directly instead.
    assert "_static/basic.css" in head and "styles/theme.css" not in head
    # Sphinx's scripts wait for the page; the options stay first and blocking, since the
    # inline scripts after them set their fields at once.
    assert '<script src="_static/documentation_options.js' in head
    assert '<script defer="defer" src="_static/doctools.js' in head
    assert "DOCUMENTATION_OPTIONS.pagename = 'index'" in head
    # The search page keeps its index and its scripts as Sphinx wrote them.
    search = site.html("search")
    assert "searchindex.js" in search and '<script src="_static/doctools.js' in search


def test_stylesheets_only_where_used(site) -> None:  # type: ignore[no-untyped-def]
    assert "pygments.css" not in _head(site.html())
    assert "graphviz.css" not in _head(site.html())
    assert "pygments.css" in _head(site.html("code"))


def test_icon_fonts_hold_only_the_icons_used(site, build_site: BuildSite) -> None:  # type: ignore[no-untyped-def]
    solid = site.outdir / FONTS / "fa-solid-900.woff2"
    assert solid.stat().st_size < 10_000  # the theme's: 115 KB
    cmap = TTFont(str(solid)).getBestCmap()
    assert 0xF185 in cmap  # fa-sun: the theme switcher, in every page
    assert 0xF0F3 in cmap  # the admonition's bell: named by the stylesheet itself
    assert 0xF135 not in cmap  # fa-rocket: used nowhere
    brands = TTFont(str(site.outdir / FONTS / "fa-brands-400.woff2")).getBestCmap()
    assert 0xF09B in brands and len(brands) < 5  # GitHub, written by the stylesheet
    css = (site.outdir / "_static/styles/pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert ".fa-sun{" in css and ".fa-rocket{" not in css
    # Cut from the theme's files again at every build: the same bytes the second time.
    before = solid.read_bytes(), css
    again = build_site(PAGES, conf=CONF)
    after = (
        (again.outdir / FONTS / "fa-solid-900.woff2").read_bytes(),
        (again.outdir / "_static/styles/pydata-sphinx-theme.css").read_text(encoding="utf-8"),
    )
    assert after == before
