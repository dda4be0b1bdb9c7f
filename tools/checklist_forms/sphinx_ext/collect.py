"""The definitions a read document holds, with their texts as the document now has them.

The texts are taken from the doctree, not from the YAML: in a translated build the
Locale transform has replaced them by then, so the English site exports English forms.
The domain calls this from ``process_doc`` (a transform that runs after Locale).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes

from checklist_forms.core.texts import apply_texts
from checklist_forms.sphinx_ext import elements as cl_nodes


def read_definitions(
    doctree: nodes.document, language: str
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, definition) of each checklist, in document order.

    Each node's definition is replaced by the one with the document's texts, which is the
    one the page renders at write time.
    """
    for node in doctree.findall(cl_nodes.checklist):
        texts = {
            child["path"]: child.astext().strip() for child in node.findall(cl_nodes.checklist_text)
        }
        definition = apply_texts(node["definition"], texts)
        definition["language"] = language
        node["definition"] = definition
        yield node.line or 0, definition
