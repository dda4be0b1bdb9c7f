"""``validate DIR`` and ``compare DIR`` on a real recruitment folder, and the CLI's help."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from checklist_forms import __version__
from checklist_forms.cli.help_text import COMMANDS
from checklist_forms.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = str(ROOT / "checklists")
DATA = Path(__file__).parent / "data"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--catalogue", CATALOGUE])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two interview grids, a job description, a CV, notes, a JSON-LD ad, a second round."""
    root = tmp_path / "recrutement"
    (root / "second-tour").mkdir(parents=True)
    for name in ("grille-alice.json", "grille-bruno.json"):
        shutil.copy(DATA / "scoring" / name, root / name)
    shutil.copy(DATA / "forms" / "fiche-de-poste-complete.json", root / "fiche.json")
    shutil.copy(DATA / "scoring" / "grille-chloe-brouillon.json", root / "second-tour" / "c.json")
    (root / "cv-alice.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (root / "notes.txt").write_text("Rappeler Bruno.\n", encoding="utf-8")
    (root / "annonce.json").write_text('{"@context": "https://schema.org"}', encoding="utf-8")
    return root


def test_validate_skips_what_is_not_a_form(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "validate", str(folder))
    assert code == 0, out + err
    assert out.strip().endswith("3 valid, 0 invalid, 0 unusable, 4 skipped")
    assert f"{folder / 'cv-alice.pdf'}: skipped, not a form (not a .json file)" in err
    assert f"{folder / 'notes.txt'}: skipped, not a form" in err
    assert f"{folder / 'annonce.json'}: skipped, JSON, but not a checklist form" in err
    assert f"{folder / 'second-tour'}: skipped, a subfolder (-r reads subfolders)" in err
    assert len(err.splitlines()) == 4  # one line per skipped file


def test_validate_recursive_and_invalid_forms_still_fail(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "validate", str(folder), "-r")
    assert code == 0
    assert out.strip().endswith("4 valid, 0 invalid, 0 unusable, 3 skipped")
    bad = json.loads((folder / "grille-bruno.json").read_text(encoding="utf-8"))
    bad["answers"]["autonomie"] = "beaucoup"
    (folder / "second-tour" / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(folder), "-r", "--format", "json")
    assert code == 1
    payload = json.loads(out)
    assert (payload["valid"], payload["invalid"], len(payload["skipped"])) == (4, 1, 3)


def test_a_damaged_form_in_a_folder_is_still_unusable(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "abime.json").write_text('{"checklist": "grille-entretien", ', encoding="utf-8")
    code, _, err = run(capsys, "validate", str(folder))
    assert code == 2
    assert "abime.json: cannot be used: not JSON" in err


def test_folder_without_any_form_is_unusable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "cv.pdf").write_bytes(b"%PDF-1.4\n")
    code, _, err = run(capsys, "validate", str(tmp_path))
    assert code == 2
    assert "holds no checklist form" in err


def test_compare_a_folder_skips_forms_of_other_checklists(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "compare", str(folder), "-r")
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith("| ") and line[2].isdigit()]
    # Alice and Bruno ranked; Chloé's grid, in the subfolder, is a draft: listed, not ranked.
    assert [row.split(" | ")[1] for row in rows] == ["Alice Martin", "Bruno Petit"]
    assert "c.json (Chloé Durand" in out
    skip = next(line for line in err.splitlines() if line.startswith(f"{folder / 'fiche.json'}:"))
    assert "skipped" in skip and "fiche-de-poste" in skip and "grille-entretien" in skip
    # Without -r, the second round is left out, and said so.
    code, out, err = run(capsys, "compare", str(folder))
    assert code == 0
    assert "second-tour: skipped, a subfolder" in err


def test_version_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"checklist-forms {__version__}"


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_command_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _subparsers(build_parser())
    assert sorted(commands) == sorted(COMMANDS)
    for name, sub in commands.items():
        for action in sub._actions:
            assert action.help, f"{name}: {action.dest} has no help"
        assert main([name, "--help"]) == 0
        text = capsys.readouterr().out
        assert "exit codes:" in text and "example" in text, name
        assert f"  checklist-forms {name}" in text, name
        paragraph = COMMANDS[name][0].split("\n\n")[0]
        assert paragraph.replace("\n", " ").count(".") >= 1, name
