"""Several forms per checklist in the browser: carry-over, list, file names, retention, erase.

The interview grid's page is rendered by the publisher (the same HTML a build writes) and
opened with the site's scripts, without building the whole handbook.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.i18n.ui_text import ui
from checklist_forms.intake.validate import checklist_from_schema
from checklist_forms.publish.form_html import Links, render_checklist

from .conftest import ROOT

pytestmark = pytest.mark.browser

STATIC = ROOT / "tools" / "checklist_forms" / "sphinx_ext" / "static"
GRID = ROOT / "checklists" / "fr" / "grille-entretien" / "2.0.0" / "schema.json"
KEY = "checklist-forms:grille-entretien@2.0.0"
T = ui("fr")


@pytest.fixture
def grid_page(tmp_path: Path, page: Any) -> Any:
    for name in ("checklist-required.js", "checklist-rules.js", "checklist.js", "checklist.css"):
        shutil.copy(STATIC / name, tmp_path / name)
    checklist = checklist_from_schema(json.loads(GRID.read_text(encoding="utf-8")))
    body = render_checklist(checklist, Links(schema="schema.json", form="form.json"))
    (tmp_path / "grid.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Grille</title>'
        '<link rel="stylesheet" href="checklist.css">'
        '<script defer src="checklist-required.js"></script>'
        '<script defer src="checklist-rules.js"></script><script defer src="checklist.js"></script>'
        f"</head><body><main>{body}</main></body></html>",
        encoding="utf-8",
    )
    page.goto((tmp_path / "grid.html").as_uri())
    page.locator(".checklist-toolbar").wait_for()
    return page


def _rows(page: Any) -> list[str]:
    return page.locator(".checklist-form-list li > span:first-child").all_inner_texts()


def _type(page: Any, item: str, text: str) -> None:
    page.locator(f'[name="{item}"]').fill(text)


def test_an_existing_draft_is_carried_over_and_several_forms_are_kept(
    grid_page: Any, tmp_path: Path
) -> None:
    page = grid_page
    # The single draft an earlier version of the page kept.
    page.evaluate(
        "([key]) => { localStorage.clear(); localStorage.setItem(key, JSON.stringify("
        "{answers: {'nom-candidat': 'Alice Martin', diplomatie: 3}})); }",
        [KEY],
    )
    page.reload()
    page.locator(".checklist-toolbar").wait_for()
    assert page.locator('[name="nom-candidat"]').input_value() == "Alice Martin"
    assert page.evaluate("([k]) => localStorage.getItem(k)", [KEY]) is None  # moved, not copied
    [alice] = _rows(page)
    assert alice.startswith(f"Alice Martin — {T['status_draft']} — ")

    # A second candidate: a new form, saved at the first answer.
    page.locator(".checklist-form-create").click()
    assert page.locator('[name="nom-candidat"]').input_value() == ""
    _type(page, "nom-candidat", "Bruno Petit")
    assert [r.split(" — ")[0] for r in _rows(page)] == ["Alice Martin", "Bruno Petit"]

    # Open Alice again, duplicate, rename the copy, delete it.
    page.locator(".checklist-form-list li").nth(0).locator(".checklist-form-open").click()
    assert page.locator('[name="nom-candidat"]').input_value() == "Alice Martin"
    page.locator(".checklist-form-list li").nth(0).locator(".checklist-form-duplicate").click()
    assert _rows(page)[2].startswith(T["copy_of"].format(title="Alice Martin"))
    assert page.locator(".checklist-form-list li").nth(2).get_attribute("aria-current") == "true"
    page.once("dialog", lambda d: d.accept("Alice, second avis"))
    page.locator(".checklist-form-list li").nth(2).locator(".checklist-form-rename").click()
    assert _rows(page)[2].startswith("Alice, second avis — ")
    page.once("dialog", lambda d: d.accept())
    page.locator(".checklist-form-list li").nth(2).locator(".checklist-form-delete").click()
    assert [r.split(" — ")[0] for r in _rows(page)] == ["Alice Martin", "Bruno Petit"]

    # Everything survives a reload.
    page.reload()
    page.locator(".checklist-toolbar").wait_for()
    assert [r.split(" — ")[0] for r in _rows(page)] == ["Alice Martin", "Bruno Petit"]

    # The exported file says what it holds.
    page.locator(".checklist-form-list li").nth(0).locator(".checklist-form-open").click()
    _type(page, "evaluateur", "Léa Dupont")
    page.locator('[name="date-entretien"]').fill("2026-04-10")
    with page.expect_download() as info:
        page.locator(".checklist-export").click()
        # an incomplete grid: its missing answers are listed, then it goes as a draft
        page.locator(".checklist-export-draft").click()
    assert (
        info.value.suggested_filename
        == "grille-entretien-2.0.0-alice-martin-lea-dupont-2026-04-10.json"
    )


def test_old_forms_are_flagged_and_erase_leaves_nothing(grid_page: Any) -> None:
    page = grid_page
    page.evaluate("() => localStorage.clear()")
    _type(page, "nom-candidat", "Chloé Durand")
    assert page.locator(".checklist-retention").count() == 0
    page.evaluate(
        "([key]) => { const list = JSON.parse(localStorage.getItem(key + ':index'));"
        " list[0].created = '2024-01-01'; localStorage.setItem(key + ':index', JSON.stringify(list)); }",
        [KEY],
    )
    page.reload()
    page.locator(".checklist-toolbar").wait_for()
    assert page.locator(".checklist-retention").inner_text().strip() == T["retention_over"].format(
        months=24
    )
    assert T["privacy"] in page.locator(".checklist-privacy").inner_text()

    page.evaluate(
        "() => { localStorage.setItem('theme', 'dark'); sessionStorage.setItem('x', '1'); }"
    )
    page.once("dialog", lambda d: d.dismiss())
    page.locator(".checklist-erase-all").click()
    assert page.evaluate("() => localStorage.length") > 0  # not without confirmation
    page.once("dialog", lambda d: d.accept())
    page.locator(".checklist-erase-all").click()
    assert page.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]
    assert _rows(page) == [] and page.locator('[name="nom-candidat"]').input_value() == ""
    # Opening the page again stores nothing until something is typed.
    page.reload()
    page.locator(".checklist-toolbar").wait_for()
    assert page.evaluate("() => localStorage.length") == 0
