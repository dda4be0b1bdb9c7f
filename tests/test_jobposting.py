"""From a filled « Fiche de poste » to schema.org JobPosting and a readable job ad."""

from __future__ import annotations

import copy
import json
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
FORM = Path(__file__).parent / "data" / "forms" / "fiche-de-poste-complete.json"
GOOGLE = Draft202012Validator(json.loads(SCHEMA_FILE.read_text()), format_checker=FormatChecker())


def checklist(language: str = "fr"):  # type: ignore[no-untyped-def]
    return checklist_from_schema(
        json.loads((ROOT / f"checklists/{language}/fiche-de-poste/1.0.0/schema.json").read_text())
    )


def answers(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(json.loads(FORM.read_text())["answers"])
    data.update({k.replace("_", "-"): v for k, v in changes.items()})
    return data


def test_google_required_and_recommended_properties() -> None:
    posting = build_jobposting(checklist(), answers())
    assert GOOGLE.is_valid(posting)
    assert posting["title"].startswith("Community manager (H/F)")
    assert posting["datePosted"] == "2026-11-23" and posting["validThrough"] == "2026-12-31"
    assert posting["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Coopérative Les Jardins du Lac",
    }
    assert posting["jobLocation"]["address"] == {
        "@type": "PostalAddress", "addressCountry": "FR", "addressLocality": "Annecy", "postalCode": "74000",
    }  # fmt: skip
    assert posting["employmentType"] == ["FULL_TIME"]
    assert posting["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 32000,
        "maxValue": 38000,
        "unitText": "YEAR",
    }
    assert posting["identifier"]["value"] == "CM-2026-04"
    assert posting["occupationalCategory"]["codeValue"] == "2432"
    assert posting["educationRequirements"]["credentialCategory"] == "bachelor degree"
    assert posting["experienceRequirements"]["monthsOfExperience"] == 24
    assert "<li>Animer le forum et les réseaux sociaux</li>" in posting["description"]


def test_fully_remote_uses_telecommute() -> None:
    posting = build_jobposting(
        checklist(), answers(teletravail="total", lieu_ville="", lieu_code_postal="")
    )
    assert "jobLocation" not in posting
    assert posting["jobLocationType"] == "TELECOMMUTE"
    assert posting["applicantLocationRequirements"] == {"@type": "Country", "name": "FR"}
    assert GOOGLE.is_valid(posting)


@pytest.mark.parametrize(
    ("contract", "time", "expected"),
    [("cdd", "temps-partiel", ["PART_TIME", "TEMPORARY"]), ("stage", "temps-plein", ["FULL_TIME", "INTERN"]),
     ("freelance", None, ["CONTRACTOR"])],
)  # fmt: skip
def test_employment_types(contract: str, time: str | None, expected: list[str]) -> None:
    posting = build_jobposting(checklist(), answers(type_contrat=contract, temps_travail=time))
    assert posting["employmentType"] == expected


def test_missing_required_data_names_the_items() -> None:
    with pytest.raises(JobPostingError) as caught:
        build_jobposting(
            checklist(), answers(intitule="", date_publication=None, finalite="", activites="")
        )
    assert [item for item, _ in caught.value.items] == ["intitule", "date-publication", "finalite"]
    assert "intitule (Quel est l’intitulé du poste\u202f?)" in str(caught.value)


def test_google_schema_refuses_what_google_refuses() -> None:
    posting = build_jobposting(checklist(), answers())
    del posting["jobLocation"]
    assert not GOOGLE.is_valid(posting)
    posting = build_jobposting(checklist(), answers())
    posting["employmentType"] = ["CDI"]
    assert not GOOGLE.is_valid(posting)


def test_readable_ad_in_html_and_markdown_escapes_answers() -> None:
    attack = "Animer </script><script>alert(1)</script> la communauté"
    hostile = answers(finalite=attack, activites=attack)
    posting = build_jobposting(checklist(), hostile)
    html = to_html(checklist(), hostile, posting)
    assert html.count("<script") == 1 and html.count("</script") == 1  # only the JSON-LD element
    assert "&lt;/script&gt;" in html
    embedded = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(embedded)["responsibilities"] == attack
    markdown = to_markdown(checklist(), answers())
    assert markdown.startswith("# Community manager (H/F)")
    assert "## Vos activités" in markdown and "- Préparer le bilan mensuel" in markdown
    assert "- Offre publiée le 23 novembre 2026, candidatures jusqu’au 31 décembre 2026" in markdown


def test_english_form_gives_an_english_ad() -> None:
    markdown = to_markdown(checklist("en"), answers())
    assert "## What you will do" in markdown and "€32,000 to €38,000 gross a year" in markdown


def test_cli_writes_jsonld_html_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "offre.jsonld"
    assert main(["jobposting", str(FORM), "-o", str(out), "--html", str(tmp_path / "offre.html"),
                 "--markdown", str(tmp_path / "offre.md"), "--catalogue", str(ROOT / "checklists")]) == 0  # fmt: skip
    assert GOOGLE.is_valid(json.loads(out.read_text()))
    assert (tmp_path / "offre.html").read_text().startswith("<!DOCTYPE html>")
    incomplete = json.loads(FORM.read_text())
    incomplete["status"] = "draft"
    incomplete["answers"]["employeur"] = None
    draft = tmp_path / "incomplet.json"
    draft.write_text(json.dumps(incomplete))
    capsys.readouterr()
    assert main(["jobposting", str(draft), "--catalogue", str(ROOT / "checklists")]) == 1
    assert "fill these items before publishing: employeur (" in capsys.readouterr().err
