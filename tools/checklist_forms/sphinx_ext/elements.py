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


class checklist_catalogue(nodes.General, nodes.Element):
    """Placeholder for the list of every checklist of the site, filled at write time."""
