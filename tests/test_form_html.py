"""The exact markup of a rendered form; review the diff when the templates change on purpose.

The form's markup is what the browser script, the print stylesheet, the accessibility
checks and the saved forms rely on: a template change that alters it by accident (an id,
an ``aria-describedby``, the order of the pieces of an item) shows up here as a diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from checklist_forms.core.model import Checklist
from checklist_forms.intake.validate import checklist_from_schema
from checklist_forms.publish.form_html import Links, render_checklist

from helpers import all_kinds

ROOT = Path(__file__).resolve().parent.parent


def guarded_grid() -> Checklist:
    # A published version: archived, so its definition no longer changes.
    path = ROOT / "checklists" / "fr" / "grille-entretien" / "1.0.0" / "schema.json"
    return checklist_from_schema(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("name", "checklist", "links"),
    [
        ("all_kinds", all_kinds, Links("s.json", "f.json", "w.xlsx")),
        ("guarded_grid", guarded_grid, Links("s.json", "f.json")),
    ],
)
def test_form_markup_snapshot(
    file_regression: object, name: str, checklist: Callable[[], Checklist], links: Links
) -> None:
    html = render_checklist(checklist(), links)
    file_regression.check(html, extension=".html", basename=name)  # type: ignore[attr-defined]
