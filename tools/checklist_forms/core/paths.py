"""Where each file of a checklist lives in a published tree, relative to its root."""

from __future__ import annotations

from checklist_forms.core.model import Checklist


def schema_path(checklist: Checklist) -> str:
    """Path of the schema relative to a language's ``checklists/`` folder."""
    return f"{checklist.id}/{checklist.version}/schema.json"


def form_path(checklist: Checklist) -> str:
    return f"{checklist.id}/{checklist.version}/form.json"


def workbook_path(checklist: Checklist) -> str:
    return f"{checklist.id}/{checklist.version}/{checklist.id}-{checklist.version}-{checklist.language}.xlsx"
