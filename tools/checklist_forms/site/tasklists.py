"""Task lists (``- [ ] item``) as marked list items rather than unlabelled inputs.

MyST writes each task's box as a raw ``<input type="checkbox" disabled>`` inside the
item's paragraph. That box has no label (HTML_CodeSniffer, axe), and the translated
build loses it: the English catalogue replaces the paragraph's content, raw input
included. This transform runs before the translation (Sphinx's Locale transform has
priority 20): it takes the box out and records its state as a class of the list item
(``task-todo`` or ``task-done``), which survives translation; docs/_static/handbook.css
draws the box from that class.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform


class TaskListBoxes(SphinxTransform):
    default_priority = 15  # before sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs: Any) -> None:
        for item in self.document.findall(nodes.list_item):
            if "task-list-item" not in item["classes"]:
                continue
            for raw in list(item.findall(nodes.raw)):
                text = raw.astext()
                if "task-list-item-checkbox" not in text:
                    continue
                done = "checked" in text
                item["classes"].append("task-done" if done else "task-todo")
                raw.parent.remove(raw)
                break


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(TaskListBoxes)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
