"""Workbooks: a print layout that fits the page, and no typed cell lost without a word."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from checklist_forms.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ["--catalogue", str(ROOT / "checklists")]


def _current() -> list[Path]:
    """The workbook of each checklist's latest version (published versions never change)."""
    latest: dict[Path, Path] = {}
    for book in sorted((ROOT / "checklists").glob("*/*/*/*.xlsx")):
        version = tuple(int(p) for p in book.parent.name.split("."))
        known = latest.get(book.parent.parent)
        if known is None or version > tuple(int(p) for p in known.parent.name.split(".")):
            latest[book.parent.parent] = book
    return sorted(latest.values())


PUBLISHED = _current()


@pytest.mark.parametrize("book", PUBLISHED, ids=lambda p: p.name)
def test_published_workbooks_print_landscape_on_the_page_width(book: Path) -> None:
    ws = openpyxl.load_workbook(book).worksheets[0]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
    assert ws.print_title_rows == "$6:$6"
    assert ws.print_area == f"'{ws.title}'!$A$1:$G${ws.max_row}"


@pytest.mark.parametrize(
    ("book", "most"),
    [("fr/grille-entretien/2.0.0/grille-entretien-2.0.0-fr.xlsx", 4),
     ("en/fiche-de-poste/2.0.0/fiche-de-poste-2.0.0-en.xlsx", 3)],
)  # fmt: skip
def test_a_workbook_prints_on_a_few_whole_pages(tmp_path: Path, book: str, most: int) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI: .ci/run installs it")
        pytest.skip("LibreOffice (soffice) is not installed: the PDF conversion is not tested")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(ROOT / "checklists" / book)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    pdf = PdfReader(tmp_path / (Path(book).stem + ".pdf"))
    assert 1 <= len(pdf.pages) <= most  # twenty portrait pages before the print layout
    first = pdf.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # landscape
    text = pdf.pages[-1].extract_text()
    assert "/ " in text  # the page-number footer


def test_import_names_every_cell_it_does_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["xlsx", "grille-entretien", "-o", str(tmp_path), *CATALOGUE]) == 0
    (book,) = tmp_path.glob("grille-entretien-*-fr.xlsx")  # the current version
    untouched = tmp_path / "vide.xlsx"
    shutil.copy(book, untouched)
    capsys.readouterr()
    assert main(["import", str(untouched), *CATALOGUE]) == 0
    assert "not read" not in capsys.readouterr().out

    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    rows = {row[1].value: row for row in ws.iter_rows() if row[1].value}
    rows["nom-candidat"][5].value = "Zoé Martin"
    added = ws.max_row + 1
    ws.cell(row=added, column=3, value="Maîtrise de TikTok (critère ajouté)")
    ws.cell(row=added, column=6, value=4)
    remark_row = rows["redaction"][5].row
    ws.cell(row=remark_row, column=9, value="à revoir avec la direction")
    filled = tmp_path / "rempli.xlsx"
    wb.save(filled)
    capsys.readouterr()
    assert main(["import", str(filled), *CATALOGUE]) == 1
    out = capsys.readouterr().out
    assert (
        f"row {added}, cell C{added}: « Maîtrise de TikTok (critère ajouté) » was not read" in out
    )
    assert f"row {added}, cell F{added}: « 4 » was not read" in out
    assert (
        f"row {remark_row}, cell I{remark_row}: « à revoir avec la direction » was not read" in out
    )
    assert "Zoé Martin" not in out  # an answer read is not reported
