"""The ``checklist-catalogue`` directive: a table of every checklist of the site.

It is filled at write time from the same domain data that ``checklists/index.json`` is
written from, so the page and the file cannot disagree. Pages holding it are re-read
whenever any page changes, since any page may add, change or remove a checklist.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from checklist_forms.core.paths import form_path, schema_path, workbook_path
from checklist_forms.i18n.translate import N_, translator
from checklist_forms.sphinx_ext import elements as cl_nodes
from checklist_forms.sphinx_ext.compat import builder_of
from checklist_forms.sphinx_ext.domain import ChecklistDomain

# English is the gettext message; i18n/locales/ has the other languages.
HEADERS = (N_("Checklist"), N_("What it is for"), N_("For whom"), N_("Downloads"))
LINKS = (N_("JSON schema"), N_("blank form"), N_("Excel workbook"), N_("printable page"))


class CatalogueDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        # The domain notes the page when it processes the doctree (process_doc).
        node = cl_nodes.checklist_catalogue("")
        self.set_source_info(node)
        return [node]


def outdated_catalogues(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    if not (added or changed or removed):
        return []
    domain = env.get_domain("checklist")
    assert isinstance(domain, ChecklistDomain)
    return [d for d in sorted(domain.catalogues) if d in env.found_docs]


class CatalogueTransform(SphinxPostTransform):
    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(cl_nodes.checklist_catalogue)):
            node.replace_self(self.table())

    def table(self) -> nodes.table:
        translate = translator(self.config.language).gettext
        headers = tuple(translate(header) for header in HEADERS)
        words = tuple(translate(word) for word in LINKS)
        builder = builder_of(self)
        here_doc = self.env.docname
        here = builder.get_target_uri(here_doc)
        html = builder.format == "html"
        domain = self.env.get_domain("checklist")
        assert isinstance(domain, ChecklistDomain)

        table = nodes.table(classes=["checklist-catalogue"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (25, 40, 15, 20):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        row = nodes.row()
        for text in headers:
            row += nodes.entry("", nodes.paragraph("", text))
        head += row
        group += head
        body = nodes.tbody()
        group += body
        for checklist, docname in domain.checklists():
            row = nodes.row()
            title = nodes.paragraph()
            uri = builder.get_relative_uri(here_doc, docname) + f"#checklist-{checklist.id}"
            title += nodes.reference("", checklist.title, refuri=uri, internal=True)
            title += nodes.Text(f" (v{checklist.version})")
            row += nodes.entry("", title)
            row += nodes.entry("", nodes.paragraph("", checklist.intro))
            row += nodes.entry("", nodes.paragraph("", checklist.audience))
            links = nodes.paragraph()
            if html:
                targets = [
                    (words[0], f"checklists/{schema_path(checklist)}"),
                    (words[1], f"checklists/{form_path(checklist)}"),
                ]
                if self.config.checklist_workbooks:
                    targets.append(
                        (
                            words[2],
                            f"checklists/{workbook_path(checklist)}",
                        )
                    )
                for index, (label, target) in enumerate(targets):
                    if index:
                        links += nodes.Text(" · ")
                    links += nodes.reference("", label, refuri=relative_uri(here, target))
                links += nodes.Text(" · ")
                links += nodes.reference("", words[3], refuri=uri, internal=True)
            row += nodes.entry("", links)
            body += row
        return table
