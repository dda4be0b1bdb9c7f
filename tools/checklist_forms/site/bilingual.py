"""One site, two languages: French at the root, English under ``en/``.

Every page links to the same page in the other language (a switcher in the navigation
bar, and ``<link rel="alternate" hreflang>`` in the head), and the sitemap lists the
alternates of each URL, which sphinx-sitemap cannot do when one language is at the root.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
LABELS = {"fr": "Français", "en": "English"}


def _languages(app: Sphinx) -> dict[str, str]:
    return dict(app.config.handbook_languages)


def _current(app: Sphinx) -> str:
    return (app.config.language or "en").split("_")[0]


def page_url(app: Sphinx, language: str, uri: str) -> str:
    """Absolute URL of a page (by its target URI) in a language."""
    return f"{app.config.handbook_site_url}{_languages(app)[language]}{uri}"


def add_alternates(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    languages = _languages(app)
    current = _current(app)
    if current not in languages:
        return
    uri = app.builder.get_target_uri(pagename)
    # Path from this page back to the site root shared by every language.
    here = languages[current] + uri
    alternates = []
    head = []
    for language, prefix in languages.items():
        href = relative_uri(here, prefix + uri)
        alternates.append(
            {
                "lang": language,
                "label": LABELS.get(language, language),
                "href": href,
                "current": language == current,
            }
        )
        head.append(
            f'<link rel="alternate" hreflang="{language}" href="{page_url(app, language, uri)}" />'
        )
    first = next(iter(languages))
    head.append(f'<link rel="alternate" hreflang="x-default" href="{page_url(app, first, uri)}" />')
    context["handbook_alternates"] = alternates
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(head)


def sitemap_alternates(app: Sphinx, exception: BaseException | None) -> None:
    """Add ``xhtml:link`` alternates to sitemap.xml and sort it, so it is deterministic."""
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / "sitemap.xml"
    if not path.is_file():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    tree = ElementTree.parse(path)
    root = tree.getroot()
    languages = _languages(app)
    own_root = f"{app.config.handbook_site_url}{languages.get(_current(app), '')}"
    urls = []
    for url in root.findall(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc") or ""
        for old in url.findall(f"{{{XHTML_NS}}}link"):
            url.remove(old)
        if loc.startswith(own_root):
            uri = loc[len(own_root) :]
            for language in languages:
                ElementTree.SubElement(
                    url,
                    f"{{{XHTML_NS}}}link",
                    rel="alternate",
                    hreflang=language,
                    href=page_url(app, language, uri),
                )
        urls.append((loc, url))
    for _, url in urls:
        root.remove(url)
    for _, url in sorted(urls, key=lambda pair: pair[0]):
        root.append(url)
    ElementTree.indent(root)
    tree.write(path, xml_declaration=True, encoding="utf-8", method="xml")


def _templates(app: Sphinx, config: Any) -> None:
    # A new list: Sphinx's default for templates_path is shared by every app in a process.
    folder = str(Path(__file__).parent / "templates")
    if folder not in config.templates_path:
        config.templates_path = [*config.templates_path, folder]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("handbook_site_url", "", "html", types=[str])
    app.add_config_value("handbook_languages", {"fr": "", "en": "en/"}, "html", types=[dict])
    app.connect("html-page-context", add_alternates)
    app.connect("build-finished", sitemap_alternates, priority=900)
    app.connect("config-inited", _templates)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
