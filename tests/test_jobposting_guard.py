"""A job ad with discriminatory wording is not written until a person acknowledges it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklist_forms.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
FORM = Path(__file__).parent / "data" / "forms" / "fiche-de-poste-complete.json"
CATALOGUE = ["--catalogue", str(ROOT / "checklists")]


def _form(tmp_path: Path, acknowledged: list[str] | None = None) -> Path:
    data = json.loads(FORM.read_text())
    data["answers"]["competences-savoir-etre"] = "Jeune et dynamique, sans enfants"
    if acknowledged is not None:
        data["acknowledged"] = acknowledged
    path = tmp_path / "offre.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_unacknowledged_wording_refuses_the_ad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "offre.jsonld"
    html = tmp_path / "offre.html"
    code = main(
        ["jobposting", str(_form(tmp_path)), "-o", str(out), "--html", str(html), *CATALOGUE]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert not out.exists() and not html.exists()
    assert "competences-savoir-etre" in err
    assert "'Jeune'" in err and "'sans enfants'" in err
    assert "L5331-2" in err and "L1142-1" in err and "L1132-1" in err
    assert '"competences-savoir-etre:age"' in err


def test_partly_acknowledged_wording_still_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = _form(tmp_path, ["competences-savoir-etre:age"])
    assert main(["jobposting", str(form), *CATALOGUE]) == 1
    err = capsys.readouterr().err
    assert "'sans enfants'" in err and "'Jeune'" not in err


def test_acknowledged_wording_lets_the_ad_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = _form(tmp_path, ["competences-savoir-etre:age", "competences-savoir-etre:famille"])
    assert main(["jobposting", str(form), *CATALOGUE]) == 0
    assert '"@type": "JobPosting"' in capsys.readouterr().out
