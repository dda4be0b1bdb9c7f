"""Excel workbooks: built for every checklist, filled as a person would, read back as forms."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from checklist_forms.core.model import Checklist, Item
from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.forms import FormError, LoadedForm
from checklist_forms.intake.validate import Validator, checklist_from_schema
from checklist_forms.intake.workbook_reader import catalogue_resolver, read_workbook
from checklist_forms.publish.tree import render_tree, write_tree
from checklist_forms.publish.workbook_writer import (
    COL,
    HEADER_ROW,
    LISTS_SHEET,
    META_SHEET,
    build_workbook,
    sheet_title,
)

from helpers import BASE_URL, all_kinds

ROOT = Path(__file__).resolve().parent.parent
CHECKLISTS = ROOT / "checklists"
ANSWER = COL["answer"]


def committed() -> list[tuple[str, str, str, Path]]:
    index = json.loads((CHECKLISTS / "index.json").read_text(encoding="utf-8"))
    return [
        (e["id"], e["version"], e["language"], CHECKLISTS / e["schema"])
        for e in index["checklists"]
    ]


def load_schema_checklist(schema: Path) -> Checklist:
    return checklist_from_schema(json.loads(schema.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator(Catalogue.load(CHECKLISTS))


@pytest.fixture
def kinds_validator(tmp_path: Path) -> Validator:
    """A catalogue holding only the all-kinds test checklist."""
    folder = tmp_path / "catalogue"
    write_tree(folder, render_tree([(all_kinds(), "index")], BASE_URL))
    return Validator(Catalogue.load(folder))


def rows_by_id(ws: Worksheet) -> dict[str, int]:
    """Where each item is, found the way a person would: by the id column."""
    out: dict[str, int] = {}
    for row in range(1, ws.max_row + 1):
        value = ws.cell(row=row, column=COL["id"]).value
        if isinstance(value, str):
            out[value] = row
    return out


def text(ws: Worksheet, row: int, column: str) -> str:
    value = ws.cell(row=row, column=COL[column]).value
    assert isinstance(value, str)
    return value


def open_built(checklist: Checklist) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(build_workbook(checklist)))


def main_sheet(wb: openpyxl.Workbook) -> Worksheet:
    ws = wb.worksheets[0]
    assert isinstance(ws, Worksheet)
    return ws


def fill(path: Path, checklist: Checklist, typed: dict[str, Any]) -> Path:
    """Type values into the answer cells of a freshly built workbook and save it."""
    wb = open_built(checklist)
    ws = main_sheet(wb)
    rows = rows_by_id(ws)
    for item_id, value in typed.items():
        ws.cell(row=rows[item_id], column=ANSWER, value=value)
    wb.save(path)
    return path


def _grid_value(item: Item) -> float:
    low = item.min if item.min is not None else 0
    high = item.max if item.max is not None else low + 100
    step = item.step or 1
    value = low + step * 3
    return value if value <= high else low


def typed_answer(item: Item, language: str, position: int) -> Any:
    """What a person would type in the answer cell of an item (all answers valid)."""
    yes = "Oui" if language == "fr" else "Yes"
    if item.kind == "checkbox":
        return yes
    if item.kind == "single_choice":
        return item.choices[position % len(item.choices)].label
    if item.kind == "multi_choice":
        count = max(1, item.min_selected or 1)
        if item.max_selected is None or item.max_selected >= 2:
            count = max(count, 2)
        return " ; ".join(c.label for c in item.choices[:count])
    if item.kind == "text":
        text = "Réponse écrite" if language == "fr" else "Written answer"
        return text[: item.text_max_length]
    if item.kind == "number":
        value = _grid_value(item)
        if float(value).is_integer():
            return int(value)
        return f"{value:g}".replace(".", ",")  # the French way, as text
    if item.kind == "rating":
        level = item.levels[-1]
        return [f"{level.value} — {level.label}", level.value, str(level.value)][position % 3]
    if item.kind == "date":
        return [dt.datetime(2026, 3, 31), "2026-03-31", "31/03/2026"][position % 3]
    raise AssertionError(item.kind)


@pytest.mark.parametrize(
    ("checklist_id", "version", "language", "schema"),
    committed(),
    ids=[f"{e[0]}-{e[2]}" for e in committed()],
)
def test_committed_checklist_filled_in_excel_is_a_valid_final_form(
    tmp_path: Path,
    validator: Validator,
    checklist_id: str,
    version: str,
    language: str,
    schema: Path,
) -> None:
    checklist = load_schema_checklist(schema)
    assert (checklist.id, checklist.version, checklist.language) == (
        checklist_id,
        version,
        language,
    )
    typed = {
        item.id: typed_answer(item, language, n)
        for n, item in enumerate(checklist.answerable_items())
    }
    path = fill(tmp_path / "filled.xlsx", checklist, typed)

    form, problems = read_workbook(path, catalogue_resolver(validator))

    assert problems == []
    assert form["status"] == "final"
    assert (form["checklist"], form["version"], form["language"]) == (
        checklist_id,
        version,
        language,
    )
    assert set(form["answers"]) == {i.id for i in checklist.answerable_items()}
    result = validator.validate(LoadedForm(str(path), form))
    assert result.errors == []


@pytest.mark.parametrize(
    ("checklist_id", "version", "language", "schema"),
    committed(),
    ids=[f"{e[0]}-{e[2]}" for e in committed()],
)
def test_committed_checklist_blank_workbook_is_a_valid_draft(
    tmp_path: Path,
    validator: Validator,
    checklist_id: str,
    version: str,
    language: str,
    schema: Path,
) -> None:
    checklist = load_schema_checklist(schema)
    path = tmp_path / "blank.xlsx"
    path.write_bytes(build_workbook(checklist))

    form, problems = read_workbook(path, catalogue_resolver(validator))

    assert problems == []
    assert form["answers"] == checklist.blank_answers()
    required = any(i.required for i in checklist.answerable_items())
    assert form["status"] == ("draft" if required else "final")
    assert validator.validate(LoadedForm(str(path), form)).errors == []


def test_typed_values_are_read_the_way_people_write_them(
    tmp_path: Path, kinds_validator: Validator
) -> None:
    path = fill(
        tmp_path / "typed.xlsx",
        all_kinds(),
        {
            "case": "x",
            "volume": "FAIBLE",  # a label, whatever its case
            "detail-faible": "Une petite équipe.",
            "canaux": "forum;  Discord",  # a value and a label, loosely separated
            "precision-forum": "Le forum\ndes clients",
            "liste": "b",  # a value
            "heures": "12,5",
            "niveau": "3 - bon",  # a hyphen instead of the dash, lower case
            "echeance": "31/12/2026",
            "suite": "Non",
        },
    )
    form, problems = read_workbook(path, catalogue_resolver(kinds_validator))
    assert problems == []
    assert form["answers"] == {
        "case": True,
        "volume": "faible",
        "detail-faible": "Une petite équipe.",
        "canaux": ["forum", "discord"],
        "precision-forum": "Le forum\ndes clients",
        "liste": "b",
        "heures": 12.5,
        "niveau": 3,
        "echeance": "2026-12-31",
        "suite": False,
    }
    assert form["status"] == "final"
    assert kinds_validator.validate(LoadedForm(str(path), form)).errors == []


@pytest.mark.parametrize(
    ("item_id", "typed", "expected"),
    [
        ("case", True, True),
        ("case", "Yes", True),
        ("case", "TRUE", True),
        ("case", "non", False),
        ("case", "False", False),
        ("case", None, False),
        ("case", "  ", False),
        ("volume", "Moyen", "moyen"),
        ("volume", "fort", "fort"),
        ("canaux", "Courriel", ["mail"]),
        ("canaux", "Courriel ; Forum", ["forum", "mail"]),  # the definition's order
        ("canaux", "Forum ; forum", ["forum"]),
        ("detail-faible", 42, "42"),
        ("heures", 12, 12),
        ("heures", 12.5, 12.5),
        ("heures", "12.5", 12.5),
        ("heures", " 7 ", 7),
        ("heures", "0,25", 0.25),
        ("niveau", 4, 4),
        ("niveau", 2.0, 2),
        ("niveau", "2", 2),
        ("niveau", "Excellent", 4),
        ("niveau", "1 — Insuffisant", 1),
        ("echeance", dt.datetime(2026, 1, 2), "2026-01-02"),
        ("echeance", "2026-01-02", "2026-01-02"),
        ("echeance", "2/1/2026", "2026-01-02"),
        ("echeance", 46000, "2025-12-09"),  # a serial number in a date cell is a date
    ],
)
def test_accepted_cell_values(tmp_path: Path, item_id: str, typed: Any, expected: Any) -> None:
    checklist = all_kinds()
    path = fill(tmp_path / "one.xlsx", checklist, {item_id: typed})
    form, problems = read_workbook(path, checklist)
    assert problems == []
    assert form["answers"][item_id] == expected
    assert type(form["answers"][item_id]) is type(expected)


@pytest.mark.parametrize(
    ("item_id", "typed", "message"),
    [
        (
            "volume",
            "Beaucoup",
            "« Beaucoup » is not one of the allowed answers: Faible, Moyen, Fort",
        ),
        ("case", "peut-être", "« peut-être » is not one of the allowed answers: Oui, Non"),
        ("canaux", "Forum ; Twitter", "« Twitter » is not one of the allowed answers"),
        ("canaux", "Forum ; Discord ; Courriel", "3 choices given; at most 2 are allowed"),
        ("precision-forum", "x" * 51, "text is 51 characters long; at most 50 are allowed"),
        ("heures", "douze", "« douze » is not a number"),
        ("heures", "12 heures", "« 12 heures » is not a number"),
        ("heures", "1.234,5", "« 1.234,5 » is not a number"),
        ("heures", 99, "« 99 » is above the maximum 70"),
        ("heures", "-1", "« -1 » is below the minimum 0"),
        ("heures", True, "« True » is not a number"),
        ("niveau", 5, "« 5 » is not one of the allowed answers: 1 — Insuffisant"),
        ("niveau", "3 — Excellent", "« 3 — Excellent » is not one of the allowed answers"),
        ("echeance", "31/02/2026", "« 31/02/2026 » is not a date that exists"),
        ("echeance", "2026/12/31", "« 2026/12/31 » is not a date (write YYYY-MM-DD or DD/MM/YYYY)"),
        ("echeance", "demain", "« demain » is not a date"),
        ("echeance", dt.datetime(2026, 1, 2, 14, 30), "has a time of day"),
    ],
)
def test_unusable_cell_is_reported_with_its_row_and_left_blank(
    tmp_path: Path, kinds_validator: Validator, item_id: str, typed: Any, message: str
) -> None:
    checklist = all_kinds()
    path = fill(tmp_path / "bad.xlsx", checklist, {item_id: typed})
    row = rows_by_id(main_sheet(openpyxl.load_workbook(path)))[item_id]

    form, problems = read_workbook(path, catalogue_resolver(kinds_validator))

    assert len(problems) == 1, problems
    assert problems[0].startswith(f"row {row} ({item_id}): ")
    assert message in problems[0]
    item = checklist.item(item_id)
    assert item is not None
    assert form["answers"][item_id] == item.blank()
    assert form["status"] == "draft"
    assert kinds_validator.validate(LoadedForm(str(path), form)).errors == []


def test_a_bad_optional_cell_keeps_an_otherwise_complete_form_a_draft(
    tmp_path: Path, kinds_validator: Validator
) -> None:
    checklist = all_kinds()
    typed = {i.id: typed_answer(i, "fr", n) for n, i in enumerate(checklist.answerable_items())}
    typed["liste"] = "Z"  # optional item
    path = fill(tmp_path / "almost.xlsx", checklist, typed)
    form, problems = read_workbook(path, checklist)
    assert [p.split(":")[0] for p in problems] == [
        f"row {rows_by_id(main_sheet(openpyxl.load_workbook(path)))['liste']} (liste)"
    ]
    assert form["status"] == "draft"
    assert not checklist.missing_for_final(form["answers"])
    assert kinds_validator.validate(LoadedForm(str(path), form)).errors == []


def test_hidden_required_items_need_no_answer_for_final(tmp_path: Path) -> None:
    checklist = all_kinds()
    typed = {"case": "Oui", "volume": "Fort", "heures": 3, "canaux": "Discord"}
    form, problems = read_workbook(fill(tmp_path / "f.xlsx", checklist, typed), checklist)
    assert problems == []
    assert form["status"] == "final"  # detail-faible, precision-forum, suite are hidden


def test_required_visible_item_missing_gives_a_draft(tmp_path: Path) -> None:
    checklist = all_kinds()
    typed = {"case": "Oui", "volume": "Faible", "heures": 3}  # detail-faible now visible
    form, problems = read_workbook(fill(tmp_path / "f.xlsx", checklist, typed), checklist)
    assert problems == []
    assert form["status"] == "draft"
    assert [i.id for i in checklist.missing_for_final(form["answers"])] == ["detail-faible"]


def test_rows_moved_by_hand_are_followed_through_the_id_column(tmp_path: Path) -> None:
    checklist = all_kinds()
    wb = open_built(checklist)
    ws = main_sheet(wb)
    ws.protection.sheet = False
    row = rows_by_id(ws)["volume"]
    ws.insert_rows(row)  # someone unprotected the sheet and inserted a row
    for merged in ws.merged_cells.ranges:  # what Excel does and openpyxl leaves to us
        if merged.min_row >= row:
            merged.shift(row_shift=1)
    ws.cell(row=row + 1, column=ANSWER, value="Moyen")
    path = tmp_path / "moved.xlsx"
    wb.save(path)
    form, problems = read_workbook(path, checklist)
    assert problems == []
    assert form["answers"]["volume"] == "moyen"


def test_labels_changed_in_the_definition_still_read_through_meta(tmp_path: Path) -> None:
    """Import relies on _meta's label -> value map, not on today's wording."""
    checklist = all_kinds()
    path = fill(tmp_path / "old.xlsx", checklist, {"volume": "Faible", "case": "Oui"})
    renamed = _relabel(checklist, "volume", {"faible": "Petit"})
    form, problems = read_workbook(path, renamed)
    assert problems == []
    assert form["answers"]["volume"] == "faible"


def _relabel(checklist: Checklist, item_id: str, labels: dict[str, str]) -> Checklist:
    sections = []
    for section in checklist.sections:
        items = []
        for item in section.items:
            if item.id == item_id:
                choices = tuple(
                    dataclasses.replace(c, label=labels.get(c.value, c.label)) for c in item.choices
                )
                item = dataclasses.replace(item, choices=choices)
            items.append(item)
        sections.append(dataclasses.replace(section, items=tuple(items)))
    return dataclasses.replace(checklist, sections=tuple(sections))


# --------------------------------------------------------------------------- layout


def test_answer_cells_have_drop_downs_and_typed_checks() -> None:
    checklist = all_kinds()
    wb = open_built(checklist)
    ws = main_sheet(wb)
    lists = wb[LISTS_SHEET]
    rows = rows_by_id(ws)
    by_cell = {str(rng): dv for dv in ws.data_validations.dataValidation for rng in dv.sqref.ranges}

    def cell(item_id: str) -> str:
        return f"{openpyxl.utils.get_column_letter(ANSWER)}{rows[item_id]}"

    def entries(item_id: str) -> list[Any]:
        dv = by_cell[cell(item_id)]
        assert dv.type == "list"
        sheet, _, area = str(dv.formula1).partition("!")
        assert sheet == f"'{LISTS_SHEET}'"
        return [c.value for line in lists[area.replace("$", "")] for c in line]

    assert entries("volume") == ["Faible", "Moyen", "Fort"]
    assert entries("liste") == ["A", "B"]
    assert entries("case") == ["Oui", "Non"]
    assert entries("suite") == ["Oui", "Non"]
    assert entries("niveau") == ["1 — Insuffisant", "2 — Partiel", "3 — Bon", "4 — Excellent"]
    assert entries("canaux") == ["Forum", "Discord", "Courriel"]
    for item_id in ("volume", "liste", "case", "niveau"):
        assert by_cell[cell(item_id)].showErrorMessage
    # Several choices are typed "A ; B", which a list check would refuse.
    assert not by_cell[cell("canaux")].showErrorMessage

    number = by_cell[cell("heures")]
    assert (number.type, number.operator, number.formula1, number.formula2) == (
        "decimal",
        "between",
        "0",
        "70",
    )
    assert number.showErrorMessage
    assert by_cell[cell("echeance")].type == "date"
    text = by_cell[cell("precision-forum")]
    assert (text.type, text.operator, text.formula1) == ("textLength", "lessThanOrEqual", "50")
    assert by_cell[cell("detail-faible")].formula1 == "200"
    assert cell("a-savoir") not in by_cell
    for dv in ws.data_validations.dataValidation:
        assert len(dv.error or "") <= 255
        assert len(dv.errorTitle or "") <= 32


def test_whole_numbers_when_the_definition_steps_by_integers() -> None:
    schema = CHECKLISTS / "fr/fiche-de-poste/1.0.0/schema.json"
    checklist = load_schema_checklist(schema)
    ws = main_sheet(open_built(checklist))
    rows = rows_by_id(ws)
    by_row = {
        rng.min_row: dv for dv in ws.data_validations.dataValidation for rng in dv.sqref.ranges
    }
    salary = by_row[rows["salaire-min"]]  # step 500, min 0, no max
    assert (salary.type, salary.formula1) == ("whole", "0")


def test_sheet_layout_header_required_notes_and_conditions() -> None:
    checklist = all_kinds()
    wb = open_built(checklist)
    ws = main_sheet(wb)
    rows = rows_by_id(ws)
    assert ws.title == "Toutes les sortes d'éléments"
    assert ws["A1"].value == checklist.title
    top = " ".join(str(ws.cell(row=r, column=1).value or "") for r in range(1, 6))
    assert "1.2.0" in top
    assert checklist.intro in top
    assert "Comment remplir" in top

    titles = [ws.cell(row=HEADER_ROW, column=c).value for c in range(1, 8)]
    assert titles == [
        "Section",
        "Identifiant",
        "Question",
        "Aide",
        "Obligatoire",
        "Réponse",
        "Réponses possibles",
    ]

    case = rows["case"]
    assert ws.cell(row=case, column=COL["question"]).font.b
    assert ws.cell(row=case, column=COL["required"]).value == "Oui"
    assert not ws.cell(row=rows["liste"], column=COL["question"]).font.b
    assert ws.cell(row=rows["liste"], column=COL["required"]).value == "Non"
    assert ws.cell(row=case, column=COL["section"]).value == "Les bases"

    help_text = ws.cell(row=rows["detail-faible"], column=COL["help"]).value
    assert help_text == "À remplir si « Quel volume ? » : Faible."
    assert "« Niveau d'aisance » : 4 — Excellent" in text(ws, rows["suite"], "help")
    assert "Forum ; Discord" in text(ws, rows["canaux"], "allowed")
    anchors = text(ws, rows["niveau"], "allowed")
    assert "4 — Excellent : Plusieurs exemples mesurés." in anchors

    note = rows["a-savoir"]
    merged = [str(r) for r in ws.merged_cells.ranges]
    assert f"C{note}:G{note}" in merged
    assert "Cette note ne se remplit pas." in text(ws, note, "question")


def test_english_checklist_uses_english_words() -> None:
    checklist = load_schema_checklist(CHECKLISTS / "en/bad-buzz/1.0.0/schema.json")
    wb = open_built(checklist)
    ws = main_sheet(wb)
    required = {ws.cell(row=r, column=COL["required"]).value for r in rows_by_id(ws).values()}
    assert {"Yes", "No"} <= required
    assert ws.cell(row=HEADER_ROW, column=COL["answer"]).value == "Answer"
    lists = [c.value for c in wb[LISTS_SHEET][1]]
    assert lists  # drop-down entries exist
    assert any([c.value for c in col[1:3]] == ["Yes", "No"] for col in wb[LISTS_SHEET].iter_cols())


def test_protection_leaves_only_answer_cells_editable() -> None:
    checklist = all_kinds()
    wb = open_built(checklist)
    ws = main_sheet(wb)
    assert ws.protection.sheet
    assert ws.protection.password is None
    rows = rows_by_id(ws)
    for item in checklist.answerable_items():
        assert not ws.cell(row=rows[item.id], column=ANSWER).protection.locked
        assert ws.cell(row=rows[item.id], column=COL["question"]).protection.locked
    assert ws.cell(row=rows["a-savoir"], column=ANSWER).protection.locked
    assert wb[META_SHEET].sheet_state == "hidden"
    assert wb[LISTS_SHEET].sheet_state == "hidden"
    assert wb.active is not None and wb.active.title == ws.title


def test_meta_sheet_maps_rows_to_items_and_labels_to_values() -> None:
    checklist = all_kinds()
    wb = open_built(checklist)
    rows = rows_by_id(main_sheet(wb))
    values = [list(r) for r in wb[META_SHEET].iter_rows(values_only=True)]
    header = {r[0]: r[1] for r in values if r[0] is not None}
    assert header["checklist"] == "toutes-sortes"
    assert header["version"] == "1.2.0"
    assert header["language"] == "fr"
    entries = {r[1]: r for r in values if isinstance(r[0], int)}
    assert {k: v[0] for k, v in entries.items()} == {i.id: rows[i.id] for i in checklist.items()}
    assert entries["niveau"][2] == "rating"
    assert json.loads(str(entries["canaux"][3])) == {
        "Forum": "forum",
        "Discord": "discord",
        "Courriel": "mail",
    }
    assert json.loads(str(entries["niveau"][3]))["3 — Bon"] == 3
    assert json.loads(str(entries["case"][3])) == {"Oui": True, "Non": False}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Bilan : T1/T2 [brouillon] *?", "Bilan T1 T2 brouillon"),
        ("'Entre apostrophes'", "Entre apostrophes"),
        ("x" * 40, "x" * 30 + "…"),
        ("???", "toutes-sortes"),
        ("_meta", "toutes-sortes"),
    ],
)
def test_sheet_title_is_sanitised(title: str, expected: str) -> None:
    checklist = dataclasses.replace(all_kinds(), title=title)
    assert sheet_title(checklist) == expected
    assert len(expected) <= 31
    assert main_sheet(open_built(checklist)).title == expected


# --------------------------------------------------------------------------- determinism


def test_two_builds_give_identical_bytes() -> None:
    assert build_workbook(all_kinds()) == build_workbook(all_kinds())


def test_builds_are_identical_across_processes() -> None:
    """Hash randomisation or the clock must not leak into the file."""
    code = (
        "import hashlib, sys; sys.path.insert(0, 'tests');"
        "from helpers import all_kinds;"
        "from checklist_forms.publish.workbook_writer import build_workbook;"
        "print(hashlib.sha256(build_workbook(all_kinds())).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(out.stdout.strip())
    digests.add(hashlib.sha256(build_workbook(all_kinds())).hexdigest())
    assert len(digests) == 1


def test_zip_entries_and_properties_are_fixed() -> None:
    data = build_workbook(all_kinds())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
        assert archive.testzip() is None
    props = openpyxl.load_workbook(io.BytesIO(data)).properties
    assert props.created == dt.datetime(2000, 1, 1)
    assert props.modified == dt.datetime(2000, 1, 1)
    assert props.lastModifiedBy is None
    assert props.creator == "checklist-forms"


def test_different_checklists_give_different_files() -> None:
    other = dataclasses.replace(all_kinds(), version="1.2.1")
    assert build_workbook(all_kinds()) != build_workbook(other)


# --------------------------------------------------------------------------- bad inputs


def test_reading_never_modifies_the_input(tmp_path: Path) -> None:
    checklist = all_kinds()
    path = fill(tmp_path / "keep.xlsx", checklist, {"volume": "Beaucoup"})
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_workbook(path, checklist)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def _one_line(exc: pytest.ExceptionInfo[FormError]) -> str:
    text = str(exc.value)
    assert "\n" not in text
    return text


def test_text_file_renamed_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("volume;Faible\n", encoding="utf-8")
    with pytest.raises(FormError) as exc:
        read_workbook(path, all_kinds())
    assert "not an Excel workbook (.xlsx)" in _one_line(exc)
    assert exc.value.path == str(path)


def test_other_zip_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(FormError) as exc:
        read_workbook(path, all_kinds())
    assert "not an Excel workbook (.xlsx)" in _one_line(exc)


def test_damaged_workbook_is_refused(tmp_path: Path) -> None:
    data = build_workbook(all_kinds())
    path = tmp_path / "damaged.xlsx"
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for name in source.namelist():
            target.writestr(name, b"<broken" if name == "xl/workbook.xml" else source.read(name))
    path.write_bytes(out.getvalue())
    with pytest.raises(FormError) as exc:
        read_workbook(path, all_kinds())
    assert "not an Excel workbook (.xlsx)" in _one_line(exc)


def test_workbook_without_meta_is_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    main = wb.active
    assert isinstance(main, Worksheet)
    main["A1"] = "Quel volume ?"
    main["B1"] = "Faible"
    path = tmp_path / "homemade.xlsx"
    wb.save(path)
    with pytest.raises(FormError) as exc:
        read_workbook(path, all_kinds())
    assert "no _meta sheet" in _one_line(exc)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormError) as exc:
        read_workbook(tmp_path / "absent.xlsx", all_kinds())
    assert "no such file" in _one_line(exc)


def _with_meta(tmp_path: Path, key: str, value: str) -> Path:
    wb = open_built(all_kinds())
    meta = wb[META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == key:
            row[1].value = value
    path = tmp_path / f"{key}.xlsx"
    wb.save(path)
    return path


def test_unknown_checklist_is_refused(tmp_path: Path, kinds_validator: Validator) -> None:
    path = _with_meta(tmp_path, "checklist", "toutes-sorte")
    with pytest.raises(FormError) as exc:
        read_workbook(path, catalogue_resolver(kinds_validator))
    text = _one_line(exc)
    assert "unknown checklist 'toutes-sorte'" in text
    assert "did you mean 'toutes-sortes'" in text
    assert exc.value.path == str(path)


def test_unknown_version_is_refused(tmp_path: Path, kinds_validator: Validator) -> None:
    path = _with_meta(tmp_path, "version", "9.9.9")
    with pytest.raises(FormError) as exc:
        read_workbook(path, catalogue_resolver(kinds_validator))
    assert "has no version '9.9.9'" in _one_line(exc)


def test_resolver_returning_none_and_wrong_checklist_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    path.write_bytes(build_workbook(all_kinds()))
    with pytest.raises(FormError) as exc:
        read_workbook(path, lambda *_: None)
    assert "unknown checklist 'toutes-sortes'" in _one_line(exc)
    other = dataclasses.replace(all_kinds(), id="autre")
    with pytest.raises(FormError) as exc:
        read_workbook(path, other)
    assert "workbook of 'toutes-sortes' 1.2.0, not of 'autre'" in _one_line(exc)
