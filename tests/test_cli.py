"""``checklist-forms``: messages, exit codes, and inputs left untouched."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.cli.main import main
from checklist_forms.core.schema import blank_form
from checklist_forms.publish.tree import render_tree, write_tree

from helpers import BASE_URL, all_kinds, final_answers


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    folder = tmp_path / "checklists"
    write_tree(folder, render_tree([(all_kinds(), "index")], BASE_URL))
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write_form(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def complete() -> dict[str, Any]:
    return {
        "checklist": "toutes-sortes",
        "version": "1.2.0",
        "language": "fr",
        "status": "final",
        "answers": final_answers(),
    }


def test_valid_form_exits_0(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_form(tmp_path, "ok.json", complete())
    code, out, _ = run(capsys, "validate", str(path), "--catalogue", str(catalogue))
    assert code == 0
    assert "valid final form of toutes-sortes 1.2.0" in out
    assert out.strip().endswith("1 valid, 0 invalid, 0 unusable")


def test_invalid_form_names_item_and_label(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = complete()
    data["answers"]["volume"] = "enorme"
    data["answers"]["case"] = False
    path = write_form(tmp_path, "bad.json", data)
    code, out, _ = run(capsys, "validate", str(path), "--catalogue", str(catalogue))
    assert code == 1
    assert (
        "  - case (Une case à cocher): required for a final form, but the box is not ticked" in out
    )
    assert '  - volume (Quel volume ?): "enorme" is not one of the allowed answers' in out


def test_every_file_of_a_batch_is_reported(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = tmp_path / "forms"
    forms.mkdir()
    write_form(forms, "a.json", complete())
    blank = blank_form(all_kinds(), BASE_URL)
    write_form(forms, "b.json", dict(blank, status="final"))
    write_form(forms, "c.json", blank)
    code, out, _ = run(
        capsys, "validate", str(forms), "--catalogue", str(catalogue), "--format", "json"
    )
    assert code == 1
    payload = json.loads(out)
    assert [(Path(r["file"]).name, r["valid"]) for r in payload["results"]] == [
        ("a.json", True),
        ("b.json", False),
        ("c.json", True),
    ]
    assert {e["item"] for e in payload["results"][1]["errors"]} == {"case", "volume", "heures"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "file is empty"),
        ("   \n", "file is empty"),
        (
            "{not json",
            "not JSON: Expecting property name enclosed in double quotes at line 1, column 2",
        ),
        ("\ufeff{}", "UTF-8 byte order mark"),
        ("[1, 2]", "a form must be a JSON object, not a JSON array"),
        ('"texte"', "a form must be a JSON object, not a JSON string"),
        ("{}", 'not a checklist form: it has no "checklist" key'),
        ('{"checklist": "toutes-sortes"}', "form of 'toutes-sortes' has no \"version\" key"),
        (
            '{"checklist": "toutes-sorte", "version": "1.2.0"}',
            "unknown checklist 'toutes-sorte' (did you mean 'toutes-sortes'?)",
        ),
        (
            '{"checklist": "toutes-sortes", "version": "9.0.0"}',
            "checklist 'toutes-sortes' has no version '9.0.0'; known versions: 1.2.0",
        ),
        ('{"a": NaN}', "not usable JSON: NaN is not a JSON value"),
        ('{"a": 1, "a": 2}', "not usable JSON: key 'a' appears twice"),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "form.json"
    path.write_bytes(content.encode("utf-8"))
    code, _, err = run(capsys, "validate", str(path), "--catalogue", str(catalogue))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]
    assert "Traceback" not in err


def test_missing_file_and_huge_file(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "validate", str(tmp_path / "absent.json"), "--catalogue", str(catalogue)
    )
    assert code == 2 and "no such file" in err
    huge = tmp_path / "huge.json"
    huge.write_bytes(b'{"x": "' + b"a" * (10 * 1024 * 1024) + b'"}')
    code, _, err = run(capsys, "validate", str(huge), "--catalogue", str(catalogue))
    assert code == 2 and "a form may be at most 10 MB" in err


def test_folder_mixing_forms_and_other_files(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A real folder also holds notes: they are skipped with one line, the forms checked."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_form(folder, "a.json", complete())
    (folder / "notes.txt").write_text("x")
    code, out, err = run(capsys, "validate", str(folder), "--catalogue", str(catalogue))
    assert code == 0
    assert f"{folder / 'notes.txt'}: skipped, not a form (not a .json file)" in err
    assert out.strip().endswith("1 valid, 0 invalid, 0 unusable, 1 skipped")


def test_wrong_types_and_unknown_keys_are_invalid_not_unusable(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = complete()
    data["answers"] = {"case": "yes", "zzz": 1}
    path = write_form(tmp_path, "f.json", data)
    code, out, _ = run(capsys, "validate", str(path), "--catalogue", str(catalogue))
    assert code == 1
    assert "case (Une case à cocher): expects true or false" in out
    assert "zzz: unknown item" in out


def test_missing_catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_form(tmp_path, "ok.json", complete())
    code, _, err = run(capsys, "validate", str(path), "--catalogue", str(tmp_path / "nowhere"))
    assert code == 2 and "no checklist catalogue" in err


def test_report_lists_answers_and_what_is_missing(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = complete()
    data["status"] = "draft"
    data["answers"]["heures"] = None
    path = write_form(tmp_path, "draft.json", data)
    code, out, _ = run(capsys, "report", str(path), "--catalogue", str(catalogue))
    assert code == 0
    assert out.startswith("# Toutes les sortes d'éléments (v1.2.0)")
    assert "| Quel volume ? | Faible |" in out
    assert "| Niveau d'aisance | 3 — Bon |" in out
    assert "| Quels canaux ? | Forum |" in out
    assert "- `heures` — Combien d'heures ?" in out


def test_report_output_never_overwrites_the_input(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_form(tmp_path, "f.json", complete())
    code, _, err = run(
        capsys, "report", str(path), "--catalogue", str(catalogue), "-o", str(path), "--force"
    )
    assert code == 2 and "refusing to write over an input file" in err
    out_file = tmp_path / "report.md"
    assert (
        run(capsys, "report", str(path), "--catalogue", str(catalogue), "-o", str(out_file))[0] == 0
    )
    assert out_file.read_text().startswith("# Toutes les sortes")
    code, _, err = run(
        capsys, "report", str(path), "--catalogue", str(catalogue), "-o", str(out_file)
    )
    assert code == 2 and "already exists" in err


def test_no_command_modifies_its_inputs(
    tmp_path: Path, catalogue: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = [write_form(tmp_path, "ok.json", complete()), write_form(tmp_path, "bad.json", "{")]
    before = {
        p: hashlib.sha256(p.read_bytes()).hexdigest() for p in [*forms, *catalogue.rglob("*.json")]
    }
    for path in forms:
        run(capsys, "validate", str(path), "--catalogue", str(catalogue))
        run(capsys, "report", str(path), "--catalogue", str(catalogue))
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before}
    assert before == after


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert main(["frobnicate"]) == 2


def test_module_entry_point(tmp_path: Path, catalogue: Path) -> None:
    path = write_form(tmp_path, "ok.json", complete())
    proc = subprocess.run(
        [sys.executable, "-m", "checklist_forms", "validate", str(path), "--catalogue", str(catalogue)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
