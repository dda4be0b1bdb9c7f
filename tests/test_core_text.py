"""The shared helpers of core: folding, numbers, condition sentences (one writing each)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from checklist_forms.core.folding import fold_loose, fold_lower, fold_lower_mapped, strip_accents
from checklist_forms.core.model import Checklist, Condition, Item, Level, Section
from checklist_forms.core.numbers import number_text
from checklist_forms.publish.form_html import Links, render_checklist
from checklist_forms.publish.workbook_writer import build_workbook


def test_the_three_foldings_differ_only_where_they_must() -> None:
    # Search: case kept (the stems are already lowercase), ligatures written out.
    assert strip_accents("Œuvre Élève") == "oeuvre Eleve"
    # Guard: lowercased too, and each folded character knows where it comes from.
    assert fold_lower("Âgée de Œuvre") == "agee de oeuvre"
    folded, where = fold_lower_mapped("Âgé Œ")
    assert folded == "age oe" and where == [0, 1, 2, 3, 4, 4]
    # Workbook cells: compatibility forms, dashes and spacing forgiven, casefolded.
    assert fold_loose("  Très\u00a0 BIEN \u2013 ﬁn ") == "tres bien - fin"
    assert fold_loose("Straße") == "strasse"


@pytest.mark.parametrize(
    ("value", "text"),
    [(3, "3"), (3.0, "3"), (-2.0, "-2"), (0.5, "0.5"), (1e15, "1000000000000000"),
     (1234567.5, "1234567.5"), (0.1234567, "0.1234567"), (2**60 + 1, str(2**60 + 1))],
)  # fmt: skip
def test_numbers_are_never_rounded(value: float, text: str) -> None:
    assert number_text(value) == text


def conditional(equals: object) -> Checklist:
    items = (
        Item(id="size", kind="number", label="Taille", min=0, max=1234567.5),
        Item(
            id="mood",
            kind="rating",
            label="Humeur",
            levels=(
                Level(value=1, label="Bas", anchor="Rien."),
                Level(value=2, label="Haut", anchor="Tout."),
            ),
        ),
        Item(
            id="when", kind="text", label="Quand", visible_if=Condition(item="size", equals=equals)
        ),
        Item(id="why", kind="text", label="Pourquoi", visible_if=Condition(item="mood", equals=2)),
    )
    return Checklist(
        id="cond",
        version="1.0.0",
        title="Conditions",
        sections=(Section(id="s", title="S", items=items),),
    )


def test_page_and_workbook_write_a_condition_the_same_way() -> None:
    checklist = conditional(2.0)
    html = render_checklist(checklist, Links(schema="s.json", form="f.json"))
    sheet = openpyxl.load_workbook(io.BytesIO(build_workbook(checklist))).worksheets[0]
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    # A number reads the same on both (the page used to write « 2.0 »).
    assert "À remplir si « Taille » : 2.</p>" in html
    assert "À remplir si « Taille » : 2." in cells and ": 2.0" not in cells
    # A level is named as each medium shows it: its label, or the drop-down entry to pick.
    assert "À remplir si « Humeur » : Haut." in html
    assert "À remplir si « Humeur » : 2 — Haut." in cells


def test_workbook_bounds_keep_every_digit() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(build_workbook(conditional(1)))).worksheets[0]
    bounds = [
        (v.formula1, v.formula2)
        for v in sheet.data_validations.dataValidation
        if v.type == "decimal"
    ]
    # « {:g} » wrote 1.23457e+06, and Excel then refused 1234567.5.
    assert ("0", "1234567.5") in bounds
