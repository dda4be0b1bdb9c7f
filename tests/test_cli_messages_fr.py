"""A French reader meets French sentences when a file cannot be used, never English ones.

Each case runs ``checklist-forms`` as a person does (a subprocess, the language from
``--lang`` or ``LANG``) on a broken input of the kind HR teams send: a folder, a named
pipe, a device, JSON that is no form, a text file renamed ``.xlsx``, a zip bomb, an
unreachable catalogue, an incomplete job description. The English text stays what it was
for ``--lang en`` and in ``--format json``, which programs read.
"""

from __future__ import annotations

import json
import os
import pickle
import zipfile
from pathlib import Path

import openpyxl
import pytest

from checklist_forms.i18n.later import Joined, Later, Number, shown

from helpers import cli_in_locale as cli

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "checklists"
FR = CATALOGUE / "fr"
NBSP = "\u00a0"
NNBSP = "\u202f"


def catalogue(*args: str) -> tuple[str, ...]:
    return (*args, "--catalogue", str(CATALOGUE))


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A folder of the inputs a person passes by mistake."""
    (tmp_path / "dossier").mkdir()
    os.mkfifo(tmp_path / "tube")
    (tmp_path / "tableau.json").write_text("[1]", encoding="utf-8")
    (tmp_path / "double.json").write_text('{"a": 1, "a": 2}', encoding="utf-8")
    (tmp_path / "notes.xlsx").write_text("pas un classeur", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "bombe.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (6 * 1024 * 1024))
    return tmp_path


FRENCH_CASES = [
    (("validate", "tube"), f"tube{NBSP}: inutilisable{NBSP}: c’est un tube nommé (FIFO), pas un fichier de formulaire"),
    (("validate", "/dev/null"), "c’est un périphérique, pas un fichier de formulaire"),
    (("validate", "tableau.json"), "un formulaire doit être un objet JSON, pas un tableau JSON"),
    (("validate", "double.json"), f"JSON inutilisable{NBSP}: la clé 'a' apparaît deux fois"),
    (("import", "dossier"), f"erreur{NBSP}: dossier{NBSP}: c’est un dossier, pas un classeur"),
    (("import", "tube"), "c’est un tube nommé (FIFO), pas un fichier de classeur"),
    (
        ("import", "notes.xlsx"),
        f"ce n’est pas un classeur Excel (.xlsx){NNBSP}; enregistrez-le au format .xlsx "
        "depuis votre tableur",
    ),
    (
        ("import", "bombe.xlsx"),
        "la partie xl/worksheets/sheet1.xml se décompresse en ",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("args", "french"), FRENCH_CASES, ids=lambda v: str(v)[:40])
def test_an_unusable_input_is_told_in_french(
    broken: Path, args: tuple[str, ...], french: str
) -> None:
    result = cli("--lang", "fr", *catalogue(*args), cwd=broken)
    assert result.returncode == 2
    assert french in result.stderr
    for english in ("not a ", "refusing", "save it", "unpacks", "appears twice"):
        assert english not in result.stderr


def test_a_zip_bomb_is_named_in_french_with_a_french_ratio(broken: Path) -> None:
    result = cli("import", *catalogue("bombe.xlsx"), cwd=broken, LANG="fr_FR.UTF-8")
    assert result.returncode == 2
    assert "fois sa taille compressée (100 au plus)" in result.stderr
    assert "elle ressemble à une bombe de décompression" in result.stderr


def test_english_and_json_keep_the_english_text(broken: Path) -> None:
    english = cli("--lang", "en", *catalogue("validate", "tableau.json", "tube"), cwd=broken)
    assert "tableau.json: cannot be used: a form must be a JSON object, not a JSON array" in (
        english.stderr
    )
    assert "tube: cannot be used: is a named pipe (FIFO), not a form file" in english.stderr
    workbook = cli("--lang", "en", *catalogue("import", "notes.xlsx"), cwd=broken)
    assert workbook.stderr == (
        "error: notes.xlsx: not an Excel workbook (.xlsx); save it from your spreadsheet as .xlsx\n"
    )
    report = cli("--lang", "fr", *catalogue("validate", "--format", "json", "tableau.json"),
                 cwd=broken)  # fmt: skip
    unusable = json.loads(report.stdout)["unusable"]
    assert unusable == [
        {"file": "tableau.json", "message": "a form must be a JSON object, not a JSON array"}
    ]


def test_writing_over_a_pipe_is_refused_in_french(broken: Path) -> None:
    form = broken / "grille.json"
    form.write_text((FR / "grille-entretien" / "2.0.0" / "form.json").read_text("utf-8"))
    assert cli(*catalogue("xlsx", "grille-entretien", "-o", "."), cwd=broken).returncode == 0
    book = next(broken.glob("grille-entretien-*.xlsx"))
    result = cli("--lang", "fr", *catalogue("import", book.name, "-o", "tube"), cwd=broken)
    assert result.returncode == 2
    assert f"tube{NBSP}: c’est un tube nommé (FIFO){NNBSP}; rien n’y est écrit" in result.stderr


def test_an_unreachable_catalogue_is_told_in_french(tmp_path: Path) -> None:
    result = cli("validate", "x.json", "--catalogue", "http://127.0.0.1:9/", cwd=tmp_path,
                 LANG="fr_FR.UTF-8")  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"erreur{NBSP}: impossible de joindre http://127.0.0.1:9/checklists/index.json{NBSP}: "
    )
    missing = cli("--lang", "fr", "validate", "x.json", "--catalogue", str(tmp_path),
                  cwd=tmp_path)  # fmt: skip
    assert f"aucun catalogue de checklists dans {tmp_path} (index.json manque)" in missing.stderr


def test_cells_a_workbook_import_cannot_use_are_told_in_french(tmp_path: Path) -> None:
    assert cli(*catalogue("xlsx", "grille-entretien", "-o", "."), cwd=tmp_path).returncode == 0
    book = next(tmp_path.glob("grille-entretien-2.0.0-*.xlsx"))
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[0]
    rows = {row[1].value: row for row in ws.iter_rows() if row[1].value}
    rows["date-entretien"][5].value = "31/02/2024"
    row = rows["date-entretien"][5].row
    ws.cell(row=2, column=12).value = "à revoir"
    wb.save(tmp_path / "rempli.xlsx")
    result = cli("--lang", "fr", *catalogue("import", "rempli.xlsx"), cwd=tmp_path)
    assert result.returncode == 1
    assert (
        f"ligne {row} (date-entretien){NBSP}: « 31/02/2024 » n’est pas une date qui existe"
        in result.stdout
    )
    assert f"ligne 2, cellule L2{NBSP}: «{NBSP}à revoir{NBSP}» n’a pas été lu" in result.stdout


def test_a_job_posting_refusal_is_told_in_french(tmp_path: Path) -> None:
    blank = json.loads((FR / "fiche-de-poste" / "2.0.0" / "form.json").read_text("utf-8"))
    (tmp_path / "poste.json").write_text(json.dumps(blank), encoding="utf-8")
    result = cli("--lang", "fr", *catalogue("jobposting", "poste.json"), cwd=tmp_path)
    assert result.returncode == 1
    assert f"remplissez ces éléments avant de publier{NBSP}: intitule (" in result.stderr
    english = cli("--lang", "en", *catalogue("jobposting", "poste.json"), cwd=tmp_path)
    assert "error: poste.json: fill these items before publishing: intitule (" in english.stderr


def test_a_panel_or_trends_of_no_usable_form_is_told_in_french(tmp_path: Path) -> None:
    report = (FR / "bilan-mensuel" / "1.0.0" / "form.json").read_text("utf-8")
    (tmp_path / "bilan.json").write_text(report, encoding="utf-8")
    panel = cli("--lang", "fr", *catalogue("compare", "bilan.json"), cwd=tmp_path)
    assert panel.returncode == 2
    assert (
        "aucun formulaire rempli d’une checklist à score pondéré parmi les fichiers donnés"
        in panel.stderr
    )
    trends = cli("--lang", "fr", *catalogue("trends", "bilan.json"), cwd=tmp_path)
    assert trends.returncode == 2
    assert "aucun bilan final de bilan-mensuel daté parmi les fichiers donnés" in trends.stderr


def test_lists_and_numbers_inside_messages_follow_the_reader() -> None:
    listed = Joined("; ", [Later("no such file"), Later("file is empty")])
    assert listed == "no such file; file is empty"
    assert shown(listed, "fr") == "fichier introuvable; le fichier est vide"
    size = Number(60.5)
    assert (size, shown(size, "en"), shown(size, "fr")) == ("60.5", "60.5", "60,5")
    message = Later("cannot reach {url}: {why}", url="u", why=Joined(", ", [size]))
    assert (
        pickle.loads(pickle.dumps(message)).in_language("fr")
        == f"impossible de joindre u{NBSP}: 60,5"
    )


def test_an_answer_a_migration_cannot_carry_is_told_in_french(tmp_path: Path) -> None:
    old = json.loads((FR / "grille-entretien" / "1.0.0" / "form.json").read_text("utf-8"))
    old["answers"]["ancien-critere"] = "x"
    (tmp_path / "grille.json").write_text(json.dumps(old), encoding="utf-8")
    args = catalogue("migrate", "grille.json", "--to", "2.0.0")
    result = cli("--lang", "fr", *args, cwd=tmp_path)
    assert result.returncode == 1
    assert "la version 2.0.0 n’a pas d’élément 'ancien-critere'" in result.stdout
    (tmp_path / "grille.v2.0.0.json").unlink()
    english = cli("--lang", "en", *args, cwd=tmp_path)
    assert "version 2.0.0 has no item 'ancien-critere'" in english.stdout
