"""Sphinx configuration of the Manuel du Community Manager.

The handbook is written in French; the English site is the same source built with
``-D language=en`` and the catalogues under ``locales/``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The project's package lives in tools/; importing it from the checkout keeps a plain
# `sphinx-build docs …` working even before `pip install -e .`.
sys.path.insert(0, str(HERE.parent / "tools"))

# -- Project -------------------------------------------------------------------------

project = "Manuel du Community Manager"
author = "Les contributeurs du Manuel du Community Manager"
copyright = "2026, les contributeurs (textes CC BY-SA 4.0, code MIT)"
language = "fr"

# The one place that says where the site is published; every absolute URL (sitemap,
# Open Graph, the $id of each JSON schema) derives from it. The English build lives
# under en/ of the same site.
SITE_URL = os.environ.get(
    "HANDBOOK_SITE_URL", "https://manuel-cm.github.io/manuel-community-manager/"
)
REPOSITORY = ("manuel-cm", "manuel-community-manager")

# -- Extensions ----------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_last_updated_by_git",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "checklist_forms.sphinx_ext",
    "checklist_forms.site.typography",
    "checklist_forms.site.bilingual",
    "checklist_forms.site.pagemeta",
    "checklist_forms.site.search",
    "checklist_forms.site.theme",
    "checklist_forms.site.iconfont",
    "checklist_forms.site.pageassets",
    "checklist_forms.site.tasklists",
    "sphinx.ext.graphviz",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"

# Translations: one catalogue per page under locales/<lang>/LC_MESSAGES/, managed with
# `nox -s translations`. No line numbers in catalogues, so moving a paragraph does not
# churn every .po file.
locale_dirs = ["locales/"]
gettext_compact = False
gettext_location = False
gettext_uuid = False
exclude_patterns = ["_build", "locales", "README.md", "Thumbs.db", ".DS_Store"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist", "tasklist", "attrs_inline", "substitution"]
myst_heading_anchors = 3
myst_substitutions = {
    "esco_code": "2432.5",
    "rome_code": "E1101",
}

# -- Diagrams ------------------------------------------------------------------------

# Diagrams are Graphviz sources under _diagrams/, drawn at build time. Sphinx's gettext
# does not extract the labels inside a graph, so each diagram has one source per
# language: `_diagrams/x.dot` (French) and `_diagrams/x.en.dot`, which the graphviz
# directive picks through figure_language_filename (its default, "{root}.{language}{ext}").
# The caption is translated through the catalogues like any other text.
graphviz_output_format = "svg"
graphviz_dot_args = ["-Gfontname=Helvetica"]

# -- HTML ----------------------------------------------------------------------------

html_theme = "pydata_sphinx_theme"
html_title = "Manuel du Community Manager"
html_baseurl = SITE_URL  # adjusted for translations in setup() below
html_static_path = ["_static"]
html_css_files = ["handbook.css"]
# Without an icon, every browser asks for /favicon.ico and logs the 404 as an error.
html_favicon = "_static/favicon.svg"
html_last_updated_fmt = "%d/%m/%Y"
html_show_sourcelink = False
html_copy_source = False
html_context = {
    "github_user": REPOSITORY[0],
    "github_repo": REPOSITORY[1],
    "github_version": "main",
    "doc_path": "docs",
    # The theme reads its default colour mode from here; without it a first visit logs
    # "Got invalid theme mode" to the console. "auto" follows the reader's system.
    "default_mode": "auto",
}
html_theme_options = {
    "use_edit_page_button": True,
    "navbar_align": "left",
    "navbar_end": ["language-switcher", "theme-switcher", "navbar-icon-links"],
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "footer_start": ["copyright"],
    "footer_center": ["last-updated"],
    "footer_end": [],
    "icon_links": [
        {
            "name": "GitHub",
            "url": f"https://github.com/{REPOSITORY[0]}/{REPOSITORY[1]}",
            "icon": "fa-brands fa-github",
        }
    ],
}

# -- Sitemap and Open Graph ----------------------------------------------------------

sitemap_url_scheme = "{link}"
# Pages with no content of their own without JavaScript (also noindex: site.theme).
sitemap_excludes = ["search.html", "genindex.html"]
# Alternates are added by checklist_forms.site.bilingual: sphinx-sitemap cannot express
# a site whose first language lives at the root.
handbook_site_url = SITE_URL
handbook_languages = {"fr": "", "en": "en/"}
# Page owners as written in the front matter, named in the other languages (pagemeta).
handbook_owner_names = {"Équipe éditoriale": {"en": "Editorial team"}}
ogp_site_url = html_baseurl
ogp_site_name = html_title
ogp_type = "website"
ogp_enable_meta_description = True
# Social cards need matplotlib and fonts; the site does without them.

# -- Spelling (nox -s spelling) -------------------------------------------------------

# Enchant and the French Hunspell dictionary are system packages, so the spelling
# builder is only loaded by the session that runs it.
if os.environ.get("HANDBOOK_SPELLING"):
    extensions.append("sphinxcontrib.spelling")
    spelling_lang = "fr_FR"
    tokenizer_lang = "en_US"  # enchant ships no French tokenizer; word splitting is the same
    spelling_word_list_filename = ["spelling_wordlist.txt"]
    spelling_show_suggestions = True
    spelling_warning = True
    spelling_ignore_pypi_package_names = False
    spelling_ignore_contributor_names = False

# -- Checklists ----------------------------------------------------------------------

checklist_base_url = html_baseurl
# An Excel workbook beside each JSON form: HR teams live in spreadsheets.
checklist_workbooks = True
# Published versions stay published: forms filled against them keep validating.
checklist_archive_dir = "../checklists"


def _site_root(app, config):  # type: ignore[no-untyped-def]
    """Point every absolute URL at the root of the language being built.

    ``sphinx-build -D language=en`` overrides ``language`` after this file has run, so
    the URLs that depend on it are derived once the configuration is final.
    """
    root = SITE_URL if config.language == "fr" else f"{SITE_URL}{config.language}/"
    config.html_baseurl = root
    config.ogp_site_url = root
    config.checklist_base_url = root
    # The English build's name in <title>, og:site_name and the header brand.
    titles = {"fr": html_title, "en": "The Community Manager Handbook"}
    config.html_title = titles.get(config.language, titles["en"])
    config.ogp_site_name = config.html_title
    # The theme translates its labels but not this option's default.
    search = {"fr": "Rechercher dans le manuel…", "en": "Search the handbook…"}
    config.html_theme_options["search_bar_text"] = search.get(config.language, search["en"])
    if config.language == "en":
        config.copyright = "2026, the contributors (text CC BY-SA 4.0, code MIT)"
    more = {"fr": "Plus", "en": "More"}
    config.html_theme_options["header_dropdown_text"] = more.get(config.language, more["en"])
    # The whole handbook as one PDF per language (nox -s pdf), linked from every page.
    pdf = {
        "fr": "pdf/manuel-community-manager-fr.pdf",
        "en": "pdf/handbook-community-manager-en.pdf",
    }
    config.html_theme_options["icon_links"] = [
        *config.html_theme_options.get("icon_links", []),
        {
            "name": "PDF" if config.language != "fr" else "Le manuel en PDF",
            "url": root + pdf.get(config.language, pdf["en"]),
            "icon": "fa-solid fa-file-pdf",
        },
    ]


def _print_css(app):  # type: ignore[no-untyped-def]
    """PDF (``nox -s pdf``): the singlehtml build, and only it, gets the book's print styles."""
    if app.builder.name == "singlehtml":
        app.add_css_file("print.css")


def _diagram_alt(app, doctree):  # type: ignore[no-untyped-def]
    """Give each diagram the text alternative written in its own (per-language) source.

    The first line of a diagram file is a ``//`` comment describing the picture in words;
    an ``:alt:`` option would stay in French on the English site, the file does not.
    """
    from sphinx.ext.graphviz import graphviz

    for node in doctree.findall(graphviz):
        first = node["code"].lstrip().split("\n", 1)[0]
        if first.startswith("//") and "alt" not in node:
            node["alt"] = first[2:].strip()


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("config-inited", _site_root, priority=100)
    app.connect("doctree-read", _diagram_alt)
    app.connect("builder-inited", _print_css)


ogp_social_cards = {"enable": False}
