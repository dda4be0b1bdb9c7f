"""What each page asks the browser for before its first paint (issue 18, phone speed).

On a phone every stylesheet and every script in ``<head>`` is a round trip before the
page shows. Sphinx and its extensions add theirs to every page; this hook, run after
them, leaves on each page only what it uses:

- the stylesheets of Graphviz diagrams and of highlighted code only on the pages that
  have one (their classes are in the page's body; checklist.css stays everywhere, it
  also draws task lists and the print layout);
- Sphinx's and sphinx-design's scripts loaded with ``defer``: they act once the page is
  parsed, in the same order. ``documentation_options.js`` stays as it is, since inline
  scripts after it set its fields at once; the search page keeps everything as Sphinx
  wrote it (its search code expects the others already there).

The theme's own assets are handled in templates/layout.html.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

# stylesheet -> what in a page's body needs it
ONLY_WHERE = {
    "graphviz.css": 'class="graphviz',
    "pygments.css": 'class="highlight',
}
KEEP_BLOCKING = ("documentation_options.js",)


def _name(asset: Any) -> str:
    return str(getattr(asset, "filename", "") or "").rsplit("/", 1)[-1]


def _deferred(asset: Any) -> Any:
    """The same script with ``defer`` (Sphinx's asset objects are immutable)."""
    attributes = dict(getattr(asset, "attributes", {}))
    if (
        not getattr(asset, "filename", None)
        or _name(asset) in KEEP_BLOCKING
        or {"defer", "async"} & attributes.keys()
    ):
        return asset
    attributes["defer"] = "defer"
    return type(asset)(asset.filename, priority=asset.priority, **attributes)


def trim_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename == "search":
        return
    body = context.get("body") or ""
    if "css_files" in context:
        context["css_files"] = [
            css
            for css in context["css_files"]
            if _name(css) not in ONLY_WHERE or ONLY_WHERE[_name(css)] in body
        ]
    if "script_files" in context:
        context["script_files"] = [_deferred(js) for js in context["script_files"]]


def setup(app: Sphinx) -> dict[str, Any]:
    # Late, after the extensions that add a page's own assets in this event.
    app.connect("html-page-context", trim_assets, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
