"""The English site: complete catalogues, English forms with the French structure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.forms import LoadedForm, load_form
from checklist_forms.intake.validate import Validator
from checklist_forms.site.translation_check import check

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
COMMITTED = ROOT / "checklists"


def test_catalogues_are_complete_and_up_to_date(tmp_path: Path) -> None:
    """Fails listing every missing, untranslated, fuzzy or obsolete message."""
    from sphinx import locale
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    locale.translators.clear()  # another test may have loaded the English catalogues
    with patch_docutils(DOCS), docutils_namespace():
        app = Sphinx(
            DOCS,
            DOCS,
            tmp_path / "pot",
            tmp_path / "doctrees",
            "gettext",
            status=None,
            warning=None,
        )
        app.build()
    problems = check(tmp_path / "pot", DOCS / "locales")
    assert problems == [], (
        "\n".join(problems[:50]) + "\nrun `nox -s translations` and translate these"
    )


def test_check_reports_untranslated_and_fuzzy(tmp_path: Path) -> None:
    pot = tmp_path / "pot"
    pot.mkdir()
    (pot / "page.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Bonjour"\nmsgstr ""\n\nmsgid "Merci"\nmsgstr ""\n'
    )
    po = tmp_path / "locales" / "en" / "LC_MESSAGES" / "page.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n\n#, fuzzy\nmsgid "Bonjour"\nmsgstr "Hello"\n\nmsgid "Ancien"\nmsgstr "Old"\n'
    )
    assert check(pot, tmp_path / "locales") == [
        f"{po}: missing: Merci",
        f"{po}: fuzzy: Bonjour",
        f"{po}: obsolete: Ancien",
    ]


def entries(language: str) -> dict[tuple[str, str], dict[str, Any]]:
    index = json.loads((COMMITTED / "index.json").read_text())["checklists"]
    return {(e["id"], e["version"]): e for e in index if e["language"] == language}


def test_english_forms_have_the_french_structure() -> None:
    french, english = entries("fr"), entries("en")
    assert french.keys() == english.keys()
    for key, entry in french.items():
        assert english[key]["structure"] == entry["structure"], key
        fr_schema = json.loads((COMMITTED / entry["schema"]).read_text())
        en_schema = json.loads((COMMITTED / english[key]["schema"]).read_text())
        assert (
            fr_schema["properties"]["answers"]["properties"].keys()
            == en_schema["properties"]["answers"]["properties"].keys()
        )
        assert en_schema["x-checklist"]["language"] == "en"
        assert en_schema["title"] != fr_schema["title"] or key[0] == "bad-buzz", (
            f"{key}: title not translated"
        )


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (Path(__file__).parent / "data" / "scoring").glob("*.json"))
)
def test_french_form_validates_against_english_schema_and_back(name: str, tmp_path: Path) -> None:
    form = load_form(Path(__file__).parent / "data" / "scoring" / name)
    validator = Validator(Catalogue.load(COMMITTED))
    french = validator.validate(form)
    # Force the English schema: a catalogue that only holds the English tree.
    english_validator = Validator(Catalogue.load(COMMITTED / "en"))
    english = english_validator.validate(form)
    assert french.valid and english.valid, (french.errors, english.errors)
    as_english = dict(form.data, language="en")
    french_again = Validator(Catalogue.load(COMMITTED / "fr")).validate(
        LoadedForm(name, as_english)
    )
    assert french_again.valid
    # The messages speak the schema's language: the English schema names items in English.
    broken = dict(
        form.data,
        answers=dict(
            form.data["answers"], **{next(iter(form.data["answers"])): {"not": "an answer"}}
        ),
    )
    fr_error = validator.validate(LoadedForm(name, broken)).errors[0]
    en_error = english_validator.validate(LoadedForm(name, broken)).errors[0]
    assert fr_error.item == en_error.item and fr_error.label != en_error.label


def test_check_reports_a_translation_sphinx_would_drop(tmp_path: Path) -> None:
    """A translation that Markdown reads as a list is dropped by Sphinx: report it."""
    pot = tmp_path / "pot"
    pot.mkdir()
    (pot / "page.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "1. Fixer"\nmsgstr ""\n\nmsgid "2. Modérer"\nmsgstr ""\n'
    )
    po = tmp_path / "locales" / "en" / "LC_MESSAGES" / "page.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "1. Fixer"\nmsgstr "1. Setting"\n\n'
        'msgid "2. Modérer"\nmsgstr "2\\\\. Moderating"\n'
    )
    assert check(pot, tmp_path / "locales") == [
        f"{po}: read as a list or heading, escape its first mark: 1. Fixer"
    ]
