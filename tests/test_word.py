"""Word documents: ``report --docx`` (any checklist) and ``jobposting --docx`` (the ad)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest

from checklist_forms.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ["--catalogue", str(ROOT / "checklists")]
JOB_FORM = Path(__file__).parent / "data" / "forms" / "fiche-de-poste-2.json"
SOFFICE = shutil.which("soffice")


def _grid(tmp_path: Path, language: str) -> Path:
    """A filled interview grid: every rating given, one under its must-have."""
    form: dict[str, Any] = json.loads(
        (ROOT / f"checklists/{language}/grille-entretien/1.0.0/form.json").read_text()
    )
    answers = form["answers"]
    for key, value in list(answers.items()):
        if value is None:
            answers[key] = 3
    answers.update({"nom-candidat": "Zoé <b>Martin</b>", "date-entretien": "2027-02-03",
                    "evaluateur": "Claire", "methodes-annoncees": True, "redaction": 2,
                    "notes-savoir-etre": None, "notes-savoir-faire": None, "notes-situations": None,
                    "points-forts": "Très à l'aise\x07 à l'écrit", "points-vigilance": None})  # fmt: skip
    form["status"] = "final"
    path = tmp_path / f"grille-{language}.json"
    path.write_text(json.dumps(form, ensure_ascii=False), encoding="utf-8")
    return path


def _text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _converts_to_pdf(path: Path, tmp_path: Path) -> None:
    if SOFFICE is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI: .ci/run installs it")
        pytest.skip("LibreOffice (soffice) is not installed: the PDF conversion is not tested")
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    pdf = out / (path.stem + ".pdf")
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", ("Résultat", "Statut", "Question", "Réponse")),
     ("en", ("Result", "Status", "Question", "Answer"))],
)  # fmt: skip
def test_report_docx_reads_back(tmp_path: Path, language: str, words: tuple[str, ...]) -> None:
    form = _grid(tmp_path, language)
    target = tmp_path / "rapport.docx"
    assert main(["report", str(form), "--docx", str(target), *CATALOGUE]) == 0
    document = docx.Document(str(target))
    text = _text(document)
    for word in words:
        assert word in text, word
    assert "Zoé <b>Martin</b>" in text  # typed markup stays text
    assert "\x07" not in text and "Très à l'aise" in text
    assert len(document.tables) >= 4  # one answers table per section
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any("100" in p.text for p in document.paragraphs)  # the score
    assert len(headings) >= 5
    again = tmp_path / "encore.docx"
    assert main(["report", str(form), "--docx", str(again), *CATALOGUE]) == 0
    assert again.read_bytes() == target.read_bytes()  # deterministic


def test_report_docx_lists_guard_findings(tmp_path: Path) -> None:
    data = json.loads(JOB_FORM.read_text(encoding="utf-8"))
    data["answers"]["competences-savoir-etre"] = "Jeune et dynamique"
    form = tmp_path / "fiche.json"
    form.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "fiche.docx"
    assert main(["report", str(form), "--docx", str(target), *CATALOGUE]) == 0
    text = _text(docx.Document(str(target)))
    assert "competences-savoir-etre:age" in text and "L5331-2" in text


def test_jobposting_docx_reads_back_and_converts(tmp_path: Path) -> None:
    target = tmp_path / "offre.docx"
    assert main(["jobposting", str(JOB_FORM), "-o", str(tmp_path / "o.jsonld"),
                 "--docx", str(target), *CATALOGUE]) == 0  # fmt: skip
    document = docx.Document(str(target))
    text = _text(document)
    assert document.paragraphs[0].text.startswith("Community manager (H/F)")
    for expected in ("Vos activités", "Pour postuler", "Envoyez votre candidature à recrutement@",
                     "32\u202f000 à 38\u202f000 € brut par an", "Annecy, France",
                     "Offre publiée le 23 novembre 2026"):  # fmt: skip
        assert expected in text, expected
    assert document.tables and document.tables[0].rows[0].cells[0].text == "Lieu"
    _converts_to_pdf(target, tmp_path)


def test_report_docx_converts_to_pdf(tmp_path: Path) -> None:
    target = tmp_path / "rapport.docx"
    assert main(["report", str(_grid(tmp_path, "fr")), "--docx", str(target), *CATALOGUE]) == 0
    _converts_to_pdf(target, tmp_path)
