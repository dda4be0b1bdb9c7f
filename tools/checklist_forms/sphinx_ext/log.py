"""The one way the extension warns: ``checklist.<subtype>``, at a file and line.

Every warning goes through :func:`warn`, so the type is always ``checklist`` (what
``-W``, ``suppress_warnings = ["checklist.duplicate_checklist"]`` and the export's own
warning filter rely on) and the subtype is always a plain string. A subtype may be any
``str``, a ``StrEnum`` member included: it is passed on as ``str(subtype)``, its value.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger("checklist_forms.sphinx_ext")

# (docname, line), a node that carries its source, or nowhere (a configuration problem).
Location = tuple[str, int] | nodes.Node | None


def warn(location: Location, subtype: str, message: str) -> None:
    logger.warning(message, type="checklist", subtype=str(subtype), location=location)
