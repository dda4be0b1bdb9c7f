"""Hostile or odd workbooks: zip bombs, oversized sheets, unusable cells, formulas in text.

Also: the workbooks the project writes are byte-identical whether or not lxml is
installed, and never hold a formula made of a checklist's text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from checklist_forms.cli.main import main
from checklist_forms.core.limits import MAX_PART_BYTES, MAX_RATIO
from checklist_forms.intake.forms import FormError
from checklist_forms.intake.validate import checklist_from_schema
from checklist_forms.intake.workbook_reader import read_workbook
from checklist_forms.publish.workbook_writer import META_SHEET, build_workbook

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = str(ROOT / "checklists")
SCHEMA = ROOT / "checklists" / "fr" / "grille-entretien" / "1.0.0" / "schema.json"
MB = 1024 * 1024


def checklist() -> Any:
    return checklist_from_schema(json.loads(SCHEMA.read_text(encoding="utf-8")))


def blank_book() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(build_workbook(checklist())))


def answer_cell(wb: openpyxl.Workbook, item_id: str) -> Any:
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        if row[1].value == item_id:
            return row[5]
    raise AssertionError(item_id)


def save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def rezip(path: Path, replace: dict[str, bytes], add: dict[str, int] | None = None) -> None:
    """Rewrite a workbook with some parts replaced and zero-filled parts of given sizes."""
    source = path.read_bytes()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as old,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info.filename)))
        for name, size in (add or {}).items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with new.open(info, "w") as member:
                chunk = b"\0" * MB
                for _ in range(size // MB):
                    member.write(chunk)


def read(path: Path) -> tuple[dict[str, Any], list[str]]:
    return read_workbook(path, checklist())


def test_zip_bomb_is_refused_fast_and_small(tmp_path: Path) -> None:
    """An 800 KB workbook unpacking to 150 MB: under the old 200 MB total, so it was read."""
    bomb = save(blank_book(), tmp_path / "bomb.xlsx")
    rezip(bomb, {}, add={"xl/media/image1.bin": 150 * MB})
    assert bomb.stat().st_size < 1 * MB
    before = bomb.read_bytes()
    tracemalloc.start()
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    with pytest.raises(FormError) as caught:
        read(bomb)
    after = resource.getrusage(resource.RUSAGE_SELF)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "image1.bin" in caught.value.message
    # Generous margins: the refusal takes milliseconds and a copy of the file.
    assert peak < 50 * MB, peak
    assert (after.ru_utime + after.ru_stime) - (cpu.ru_utime + cpu.ru_stime) < 5
    assert bomb.read_bytes() == before


@pytest.mark.parametrize(
    ("size", "why"),
    [(MAX_PART_BYTES + MB, "MB; a checklist workbook's parts"), (3 * MB, "times its packed")],
)
def test_sheet_bomb_is_refused_before_parsing(tmp_path: Path, size: int, why: str) -> None:
    """A sheet padded with whitespace: the ratio or size check refuses it unread."""
    path = save(blank_book(), tmp_path / "b.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    padded = sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * size, 1)
    rezip(path, {"xl/worksheets/sheet1.xml": padded})
    start = time.process_time()
    with pytest.raises(FormError) as caught:
        read(path)
    assert why in caught.value.message
    assert time.process_time() - start < 5
    assert MAX_RATIO >= 20  # real XML compresses 5-30x: the limit must leave room for it


def test_far_away_cell_is_refused_not_walked(tmp_path: Path) -> None:
    """One cell at row 1,000,000 of _meta made the reader walk a million rows."""
    wb = blank_book()
    wb[META_SHEET].cell(row=1_000_000, column=1, value=1)
    path = save(wb, tmp_path / "far.xlsx")
    with pytest.raises(FormError, match="reaches row 1000000"):
        read(path)


def test_meta_cell_of_brackets_is_an_unreadable_entry(tmp_path: Path) -> None:
    """Thousands of "[" in a _meta cell raised RecursionError."""
    wb = blank_book()
    meta = wb[META_SHEET]
    row = next(r for r in meta.iter_rows() if r[1].value == "diplomatie")
    row[3].value = "[" * 20_000
    path = save(wb, tmp_path / "meta.xlsx")
    _, problems = read(path)
    assert any("(diplomatie): unreadable list of answers" in p for p in problems)


def test_error_values_formulas_and_infinite_numbers_are_reported_by_row(
    tmp_path: Path,
) -> None:
    wb = blank_book()
    error = answer_cell(wb, "nom-candidat")
    error.value = "#DIV/0!"
    formula = answer_cell(wb, "diplomatie")
    formula.value = "=1+1"  # saved by openpyxl: a formula with no computed value
    huge = answer_cell(wb, "points-forts")
    huge.value = 123456789.5
    path = save(wb, tmp_path / "cells.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert sheet.count(b"<v>123456789.5</v>") == 1
    rezip(path, {"xl/worksheets/sheet1.xml": sheet.replace(b"123456789.5", b"1e400")})
    form, problems = read(path)
    text = "\n".join(problems)
    assert f"row {error.row} (nom-candidat): the cell holds the error value #DIV/0!" in text
    assert f"row {formula.row} (diplomatie): the cell holds a formula" in text
    assert f"row {huge.row} (points-forts): the cell holds a number too large" in text
    assert form["answers"]["nom-candidat"] is None
    assert form["answers"]["points-forts"] is None
    assert form["status"] == "draft"


def test_formula_with_a_computed_value_is_read(tmp_path: Path) -> None:
    """A formula whose result was saved (as Excel does) still gives its value."""
    wb = blank_book()
    cell = answer_cell(wb, "nom-candidat")
    cell.value = '="Zoé"'
    path = save(wb, tmp_path / "f.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    start = sheet.index(f'<c r="{cell.coordinate}"')
    end = sheet.index("</c>", start) + len("</c>")
    style = re.search(r' s="(\d+)"', sheet[start:end])
    computed = (
        f'<c r="{cell.coordinate}"{style[0] if style else ""} t="str"><f>"Zoé"</f><v>Zoé</v></c>'
    )
    rezip(path, {"xl/worksheets/sheet1.xml": (sheet[:start] + computed + sheet[end:]).encode()})
    form, problems = read(path)
    assert form["answers"]["nom-candidat"] == "Zoé", problems


HOSTILE = ['=HYPERLINK("http://evil.example","clic")', "+1+1", "-2+3", "@SUM(A1)", "=1+1"]


def hostile_checklist() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    hints = schema["x-checklist"]
    hints["sections"][0]["title"] = HOSTILE[0]
    items = [i for s in hints["sections"] for i in s["items"]]
    for item, text in zip(items, HOSTILE, strict=False):
        item["label"] = text
        item["help"] = text
    for item in items:
        for level in item.get("levels", []):
            level["label"] = "=2+2"
    return checklist_from_schema(schema)


def test_no_text_of_a_checklist_becomes_a_formula(tmp_path: Path) -> None:
    data = build_workbook(hostile_checklist())
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert set(HOSTILE) <= texts
    assert any("=2+2" in v for v in texts)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist())


@pytest.mark.skipif(not Path("/usr/bin/soffice").exists(), reason="needs LibreOffice")
def test_libreoffice_shows_checklist_texts_literally(tmp_path: Path) -> None:
    book = tmp_path / "h.xlsx"
    book.write_bytes(build_workbook(hostile_checklist()))
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run(
        ["/usr/bin/soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", every_sheet, "--outdir", str(tmp_path), str(book)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    values = set()
    for sheet in tmp_path.glob("h*.csv"):
        with sheet.open(encoding="utf-8", newline="") as handle:
            values |= {v for row in csv.reader(handle) for v in row}
    assert set(HOSTILE) <= values
    assert "clic" not in values and "2" not in values


BLOCK_LXML = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "lxml" or name.startswith("lxml."):
            raise ImportError("lxml blocked for this test")
sys.meta_path.insert(0, Block())
"""
BUILD = """
import hashlib, json, sys
from pathlib import Path
{first}
from checklist_forms.intake.validate import checklist_from_schema
from checklist_forms.publish.workbook_writer import build_workbook
schema = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
try:
    import lxml  # noqa
    has_lxml = True
except ImportError:
    has_lxml = False
data = build_workbook(checklist_from_schema(schema))
print(json.dumps({{"lxml": has_lxml, "sha": hashlib.sha256(data).hexdigest()}}))
"""


def clean_env() -> dict[str, str]:
    """This process's environment without the switch the package sets on import."""
    return {k: v for k, v in os.environ.items() if k != "OPENPYXL_LXML"}


def build_in_subprocess(first: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", BUILD.format(first=first), str(SCHEMA)],
        capture_output=True, text=True, check=False, timeout=120, env=clean_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_workbook_bytes_do_not_depend_on_lxml() -> None:
    """With lxml importable, openpyxl wrote other bytes and `check` called exports stale."""
    import hashlib

    committed = hashlib.sha256(
        (SCHEMA.parent / "grille-entretien-1.0.0-fr.xlsx").read_bytes()
    ).hexdigest()
    without = build_in_subprocess(BLOCK_LXML)
    with_lxml = build_in_subprocess("")
    assert without["lxml"] is False
    assert with_lxml["lxml"] is True, "lxml is in the tests extra: install it"
    assert without["sha"] == with_lxml["sha"] == committed


def test_openpyxl_imported_first_with_lxml_is_refused_not_silently_different() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BUILD.format(first="import openpyxl"), str(SCHEMA)],
        capture_output=True, text=True, check=False, timeout=120, env=clean_env(),
    )  # fmt: skip
    assert done.returncode != 0
    assert "WorkbookWriterError" in done.stderr and "OPENPYXL_LXML" in done.stderr


def test_import_of_a_bomb_exits_2_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = save(blank_book(), tmp_path / "bomb.xlsx")
    rezip(bomb, {}, add={"xl/media/image1.bin": 5 * MB})
    assert main(["import", str(bomb), "--catalogue", CATALOGUE]) == 2
    assert "zip bomb" in capsys.readouterr().err
    assert not (tmp_path / "bomb.json").exists()
