"""The job ad of fiche-de-poste 2.0.0: country names, how to apply, Babel dates and amounts, a styled page."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from checklist_forms.cli.main import main
from checklist_forms.intake.jobposting import (
    SCHEMA_FILE,
    JobPostingError,
    build_jobposting,
    to_html,
    to_markdown,
)
from checklist_forms.intake.validate import checklist_from_schema

ROOT = Path(__file__).resolve().parent.parent
FORM = Path(__file__).parent / "data" / "forms" / "fiche-de-poste-2.json"
GOOGLE = Draft202012Validator(json.loads(SCHEMA_FILE.read_text()), format_checker=FormatChecker())
NNBSP = "\u202f"  # CLDR's French thousands separator


def checklist(language: str = "fr"):  # type: ignore[no-untyped-def]
    path = ROOT / f"checklists/{language}/fiche-de-poste/2.0.0/schema.json"
    return checklist_from_schema(json.loads(path.read_text(encoding="utf-8")))


def answers(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(json.loads(FORM.read_text(encoding="utf-8"))["answers"])
    data.update({k.replace("_", "-"): v for k, v in changes.items()})
    return data


@pytest.mark.parametrize(
    ("language", "country", "salary", "dates"),
    [
        ("fr", "Allemagne", f"38{NNBSP}000 à 45{NNBSP}000 € brut par an",
         "Offre publiée le 15 janvier 2027, candidatures jusqu’au 28 février 2027"),
        ("en", "Germany", "€38,000 to €45,000 gross a year",
         "Posted on January 15, 2027, applications until February 28, 2027"),
    ],
)  # fmt: skip
def test_ad_speaks_the_forms_language(language: str, country: str, salary: str, dates: str) -> None:
    given = answers(
        pays="DE", salaire_min=38000, salaire_max=45000,
        date_publication="2027-01-15", date_limite="2027-02-28",
    )  # fmt: skip
    markdown = to_markdown(checklist(language), given)
    assert f"Annecy, {country} (" in markdown
    assert salary in markdown and dates in markdown
    posting = build_jobposting(checklist(language), given)
    assert posting["jobLocation"]["address"]["addressCountry"] == "DE"


def test_email_application_goes_to_application_contact() -> None:
    posting = build_jobposting(checklist(), answers())
    assert GOOGLE.is_valid(posting)
    assert posting["applicationContact"] == {
        "@type": "ContactPoint",
        "email": "recrutement@jardins-du-lac.fr",
        "name": "Claire Martin, responsable RH",
    }
    assert "directApply" not in posting and "url" not in posting
    markdown = to_markdown(checklist(), answers())
    assert "## Pour postuler" in markdown
    assert "- Envoyez votre candidature à recrutement@jardins-du-lac.fr" in markdown
    assert "- Contact : Claire Martin, responsable RH" in markdown


def test_web_application_is_a_direct_apply_url() -> None:
    url = "https://emplois.example.org/offres/cm-2026-04"
    given = answers(candidature_adresse=url, candidature_contact=None)
    posting = build_jobposting(checklist("en"), given)
    assert GOOGLE.is_valid(posting)
    assert posting["url"] == url and posting["directApply"] is True
    assert "applicationContact" not in posting
    assert "How to apply" in to_html(checklist("en"), given, posting)


@pytest.mark.parametrize("given", [None, "", "écrivez-nous", "javascript:alert(1)", "contact@"])
def test_application_address_is_required_and_must_be_a_url_or_an_email(given: Any) -> None:
    with pytest.raises(JobPostingError) as raised:
        build_jobposting(checklist(), answers(candidature_adresse=given))
    assert raised.value.items[0][0] == "candidature-adresse"


def test_html_ad_is_a_styled_standalone_printable_page() -> None:
    posting = build_jobposting(checklist(), answers())
    page = to_html(checklist(), answers(), posting)
    assert "<style>" in page and "@media print" in page and "@page" in page
    # Nothing to fetch: no stylesheet, script, image or font from elsewhere.
    assert not re.search(r"<link|<img|\bsrc=|@import|url\(", page)
    assert '<p class="employer">Coopérative Les Jardins du Lac</p>' in page
    assert "<h3>Pour postuler</h3>" in page and "<h3>En pratique</h3>" in page


def test_cli_example_form_gives_a_complete_ad(tmp_path: Path) -> None:
    example = ROOT / "docs/_static/exemples/fiche-de-poste-exemple.json"
    md = tmp_path / "offre.md"
    out = tmp_path / "offre.jsonld"
    code = main(["jobposting", str(example), "-o", str(out), "--markdown", str(md),
                 "--catalogue", str(ROOT / "checklists")])  # fmt: skip
    assert code == 0
    posting = json.loads(out.read_text(encoding="utf-8"))
    assert posting["directApply"] is True and posting["url"].startswith("https://")
    assert "Offre publiée le 11 janvier 2027" in md.read_text(encoding="utf-8")
