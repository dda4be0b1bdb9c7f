"""Corrections to what the pydata theme publishes, made where the theme lets us.

- The theme copies its Jinja macro file ``_static/webpack-macros.html`` into every build
  as if it were a page: invalid HTML with broken links. Removed once the build ends.
- The search page and the general index have no content of their own without
  JavaScript: search engines are told not to index them (they also stay out of
  ``sitemap.xml`` through ``sitemap_excludes`` in docs/conf.py), and they get a meta
  description like every other page.
- Sphinx draws Graphviz diagrams as SVG ``<object>`` elements whose description is
  only fallback content, which assistive technologies do not read as the object's
  name (axe ``object-alt``): the description becomes its ``aria-label``, with
  ``role="img"``.
- Template overrides for the theme's components live in ``templates/components/`` beside this file
  (the search form's submit button, the search button's name matching its text).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

NOT_PUBLISHED = ("_static/webpack-macros.html",)
NOINDEX = ("search", "genindex")
DESCRIPTIONS = {
    "fr": {
        "search": "Rechercher dans le Manuel du Community Manager.",
        "genindex": "Index général du Manuel du Community Manager.",
    },
    "en": {
        "search": "Search the Community Manager Handbook.",
        "genindex": "General index of the Community Manager Handbook.",
    },
}


def _templates(app: Sphinx, config: Any) -> None:
    """Put ``templates/components`` where the theme looks for its components.

    The theme adds its own ``components`` folder to ``templates_path`` and includes some
    as ``../components/<name>.html``, a path Sphinx joins to every folder of the list; a
    folder named ``components`` of ours, earlier in the list, therefore wins both ways.
    """
    # A new list: Sphinx's default for templates_path is shared by every app in a process.
    folder = str(Path(__file__).parent / "templates" / "components")
    if folder not in config.templates_path:
        config.templates_path = [*config.templates_path, folder]


def robots(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``noindex`` and a description on the pages that only JavaScript fills."""
    if pagename not in NOINDEX:
        return
    words = DESCRIPTIONS.get(app.config.language or "en", DESCRIPTIONS["en"])
    tags = [
        '<meta name="robots" content="noindex, follow" />',
        f'<meta name="description" content="{words[pagename]}" />',
    ]
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(tags)


# sphinx.ext.graphviz's SVG output: <object …class="graphviz">\n<p class="warning">ALT</p></object>
_DIAGRAM = re.compile(
    r'<object (data="[^"]*" type="image/svg\+xml" class="[^"]*graphviz[^"]*")>\n'
    r'<p class="warning">([^<]*)</p></object>'
)


def _named_diagram(match: re.Match[str]) -> str:
    attributes, alt = match.group(1), match.group(2)
    return (
        f'<object {attributes} role="img" aria-label="{alt}">\n'
        f'<p class="warning">{alt}</p></object>'
    )


def name_diagrams(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    body = context.get("body")
    if isinstance(body, str) and 'class="graphviz"' in body:
        context["body"] = _DIAGRAM.sub(_named_diagram, body)


def remove_theme_sources(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for name in NOT_PUBLISHED:
        (Path(app.outdir) / name).unlink(missing_ok=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _templates)
    app.connect("html-page-context", robots)
    app.connect("html-page-context", name_diagrams)
    app.connect("build-finished", remove_theme_sources)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
