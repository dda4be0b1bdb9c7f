"""``checklist-forms xlsx`` and ``import``: the spreadsheet round trip from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest

from checklist_forms.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = str(ROOT / "checklists")


def test_xlsx_writes_every_checklist_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["xlsx", "-o", str(tmp_path), "--catalogue", CATALOGUE]) == 0
    index = json.loads((ROOT / "checklists" / "index.json").read_text())
    french = {e["id"] for e in index["checklists"] if e["language"] == "fr"}
    assert {
        re.sub(r"-\d+\.\d+\.\d+-fr\.xlsx$", "", p.name) for p in tmp_path.glob("*.xlsx")
    } == french
    assert main(["xlsx", "grille-entretien", "-o", str(tmp_path), "--catalogue", CATALOGUE]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["xlsx", "nope", "-o", str(tmp_path), "--catalogue", CATALOGUE]) == 2


def test_import_reports_cells_by_row_and_writes_a_valid_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["xlsx", "grille-entretien", "-o", str(tmp_path), "--catalogue", CATALOGUE]) == 0
    book = tmp_path / "grille-entretien-2.0.0-fr.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    rows = {row[1].value: row for row in ws.iter_rows() if row[1].value}
    rows["nom-candidat"][5].value = "Zoé Martin"
    rows["diplomatie"][5].value = "3 — Solide"
    rows["redaction"][5].value = "Beaucoup"
    bad_row = rows["redaction"][5].row
    filled = tmp_path / "rempli.xlsx"
    wb.save(filled)
    before = filled.read_bytes()
    capsys.readouterr()
    assert main(["import", str(filled), "--catalogue", CATALOGUE]) == 1
    out = capsys.readouterr().out
    assert f"row {bad_row} (redaction): « Beaucoup » is not one of the allowed answers" in out
    form = json.loads((tmp_path / "rempli.json").read_text())
    assert form["answers"]["diplomatie"] == 3 and form["answers"]["redaction"] is None
    assert form["status"] == "draft"
    assert filled.read_bytes() == before
    assert main(["validate", str(tmp_path / "rempli.json"), "--catalogue", CATALOGUE]) == 0
    assert main(["import", str(filled), "--catalogue", CATALOGUE]) == 2  # rempli.json exists
    assert main(["import", str(tmp_path / "absent.xlsx"), "--catalogue", CATALOGUE]) == 2
