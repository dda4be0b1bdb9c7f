"""Per-format rendering of checklist nodes, at write time.

HTML gets the interactive form (:mod:`checklist_forms.publish.form_html`); every other builder gets
plain docutils nodes (a title, the sections as lists with ☐ boxes, choices and anchors),
so text, LaTeX and PDF output stay readable. The gettext builder keeps the original
nodes: it extracts their texts.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from checklist_forms.core.model import Checklist, Item, checklist_from_dict
from checklist_forms.core.paths import form_path, schema_path, workbook_path
from checklist_forms.i18n.ui_text import ui
from checklist_forms.publish.form_html import Links, render_checklist
from checklist_forms.sphinx_ext import elements as cl_nodes
from checklist_forms.sphinx_ext.compat import builder_of


def _links(transform: SphinxPostTransform, checklist: Checklist) -> Links:
    builder = builder_of(transform)
    here = builder.get_target_uri(transform.env.docname)
    workbook = None
    if transform.config.checklist_workbooks:
        workbook = relative_uri(here, f"checklists/{workbook_path(checklist)}")
    return Links(
        schema=relative_uri(here, f"checklists/{schema_path(checklist)}"),
        form=relative_uri(here, f"checklists/{form_path(checklist)}"),
        workbook=workbook,
    )


class HTMLChecklists(SphinxPostTransform):
    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(cl_nodes.checklist)):
            checklist = checklist_from_dict(node["definition"])
            html = render_checklist(checklist, _links(self, checklist))
            # The (translated) checklist_text children go along, for the search index.
            node.replace_self(cl_nodes.checklist_html("", *node.children, html=html))


class FallbackChecklists(SphinxPostTransform):
    default_priority = 200

    def is_supported(self) -> bool:
        builder = self.env._builder_cls
        # gettext extracts the original nodes; dummy (used by `checklist-forms export`)
        # writes nothing, so rendering for it would be wasted work.
        return builder.format != "html" and builder.name not in ("gettext", "dummy")

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(cl_nodes.checklist)):
            node.replace_self(fallback_nodes(checklist_from_dict(node["definition"])))


def _item_lines(item: Item, t: dict[str, str]) -> nodes.list_item:
    entry = nodes.list_item()
    mark = "☐ " if item.answerable else ""
    suffix = f" ({t['required']})" if item.required else ""
    para = nodes.paragraph("", f"{mark}{item.label}{suffix}")
    entry += para
    if item.help:
        entry += nodes.paragraph("", item.help)
    if item.choices:
        sub = nodes.bullet_list()
        for choice in item.choices:
            sub += nodes.list_item("", nodes.paragraph("", f"○ {choice.label}"))
        entry += sub
    if item.levels:
        sub = nodes.bullet_list()
        for level in item.levels:
            sub += nodes.list_item(
                "", nodes.paragraph("", f"○ {level.value} — {level.label} : {level.anchor}")
            )
        entry += sub
    if item.kind_rules.paper_line:
        unit = f" {item.unit}" if item.unit else ""
        entry += nodes.paragraph("", "_" * 30 + unit)
    return entry


def fallback_nodes(checklist: Checklist) -> nodes.Element:
    t = ui(checklist.language)
    box = nodes.container(classes=["checklist"])
    box += nodes.rubric(
        "", f"{t['checklist']} : {checklist.title} ({t['version']} {checklist.version})"
    )
    if checklist.audience:
        box += nodes.paragraph("", f"{t['audience']} : {checklist.audience}")
    if checklist.intro:
        box += nodes.paragraph("", checklist.intro)
    for section in checklist.sections:
        box += nodes.paragraph("", "", nodes.strong("", section.title))
        if section.intro:
            box += nodes.paragraph("", section.intro)
        items = nodes.bullet_list()
        for item in section.items:
            items += _item_lines(item, t)
        box += items
    return box
