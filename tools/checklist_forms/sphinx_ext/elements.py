"""Doctree nodes of the checklist extension."""

from __future__ import annotations

from docutils import nodes


class checklist(nodes.General, nodes.Element):
    """A whole checklist; ``definition`` holds its plain-dict model, texts included."""


class checklist_text(nodes.paragraph):
    """One translatable text of a checklist, addressed by ``path`` in the definition.

    A paragraph with a source and a raw source, so ``sphinx-build -b gettext`` extracts it
    and the translated build replaces its text before the definition is collected.
    """


class checklist_html(nodes.General, nodes.Element):
    """A checklist rendered for HTML: ``html`` holds the markup, the children its texts.

    HTML writers output ``html`` and skip the children. The search indexer reads text
    nodes, so it indexes the children: the checklist's own words, and not the labels of
    its buttons (« Exporter », « Importer »…), which a raw HTML node would have given to
    every page that holds a checklist.
    """


class checklist_catalogue(nodes.General, nodes.Element):
    """Placeholder for the list of every checklist of the site, filled at write time."""
