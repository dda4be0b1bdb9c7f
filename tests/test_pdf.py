"""The handbook as PDF (``nox -s pdf``): a singlehtml build printed by headless Chromium.

Without a Chromium the printing test is skipped with a message, except on CI (``CI``
set), where it fails: a pipeline that silently skips its PDF test checks no PDF.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pypdf
import pytest

from checklist_forms.site import pdf

from conftest import CONF, ROOT, BuildSite
from helpers import DATA

ALL_KINDS = (DATA / "all_kinds.md").read_text(encoding="utf-8")
# The project's print styles, loaded the way docs/conf.py loads them for singlehtml.
PRINT_CONF = CONF + '\nhtml_static_path = ["_static"]\nhtml_css_files = ["print.css"]\n'


def _text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text).replace("\u2019", "'")  # Sphinx's smart quotes


def _print(index: Path, output: Path) -> pdf.Printed:
    try:
        return pdf.print_pdf(index, output)
    except pdf.BrowserNotFound as exc:
        message = f"PDF NOT PRINTED: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.mark.browser
def test_a_checklist_prints_as_a_checklist(build_site: BuildSite, tmp_path: Path) -> None:
    static = tmp_path / "src" / "_static"
    static.mkdir(parents=True)
    shutil.copyfile(ROOT / "docs" / "_static" / "print.css", static / "print.css")
    built = build_site({"index.md": ALL_KINDS}, buildername="singlehtml", conf=PRINT_CONF)
    output = tmp_path / "out" / "handbook.pdf"

    printed = _print(built.outdir / "index.html", output)

    data = output.read_bytes()
    assert data.startswith(b"%PDF-")
    assert printed.pages >= 1
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == printed.pages
    text = _text(output)
    # cover and contents
    assert "Toutes les sortes" in text and "Sommaire" in text
    # the contents give the page where the introduction starts (cover 1, contents 2)
    assert re.search(r"Sommaire Introduction 3\b", text), text[:300]
    # the checklist: title, sections, every kind of item, the rating's anchors
    for expected in (
        "Toutes les sortes d'éléments",
        "Les bases",
        "Une case à cocher",
        "Quel volume",
        "Faible",
        "Quels canaux",
        "Courriel",
        "Combien d'heures",
        "heures par semaine",
        "Niveau d'aisance",
        "Plusieurs exemples mesurés",
        "Cette note ne se remplit pas.",
        "Échéance",
    ):
        assert expected in text, f"{expected!r} is not in the PDF"
    # page scripts are off: conditional questions are printed, with their condition
    assert "Pourquoi si peu" in text and "Une suite si le niveau est excellent" in text
    # the drop-down list is written out as its choices; the date field has a French mask
    assert "— Choisir —" not in text
    assert "Une liste déroulante A B" in text and "jj / mm / aaaa" in text
    # no toolbar, no "without JavaScript" notice, no download links
    assert "Exporter" not in text and "Sans JavaScript" not in text
    assert not list(output.parent.glob("*.part"))


def test_command_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert pdf.main([]) == 2
    assert "usage" in capsys.readouterr().err
    assert pdf.main([str(tmp_path / "missing.html"), str(tmp_path / "out.pdf")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert not (tmp_path / "out.pdf").exists()
