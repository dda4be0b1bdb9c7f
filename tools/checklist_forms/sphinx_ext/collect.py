"""After a document is read (and translated), store its checklists in the domain.

The texts are taken from the doctree, not from the YAML: in a translated build the
Locale transform has replaced them by then, so the English site exports English forms.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from checklist_forms.core.texts import apply_texts
from checklist_forms.sphinx_ext import elements as cl_nodes
from checklist_forms.sphinx_ext.domain import ChecklistDomain


def collect_checklists(app: Sphinx, doctree: nodes.document) -> None:
    domain = app.env.get_domain("checklist")
    assert isinstance(domain, ChecklistDomain)
    for node in doctree.findall(cl_nodes.checklist):
        texts = {
            child["path"]: child.astext().strip() for child in node.findall(cl_nodes.checklist_text)
        }
        definition = apply_texts(node["definition"], texts)
        definition["language"] = app.config.language or "en"
        node["definition"] = definition
        domain.add(app.env.docname, node.line or 0, definition)
