"""The non-discrimination guard on free-text answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklist_forms.cli.main import main
from checklist_forms.core.guard import fold, rules, screen
from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.forms import LoadedForm
from checklist_forms.intake.validate import Validator, checklist_from_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "checklists"


def checklist(checklist_id: str, language: str = "fr"):  # type: ignore[no-untyped-def]
    return checklist_from_schema(
        json.loads((SCHEMAS / language / checklist_id / "1.0.0" / "schema.json").read_text())
    )


def findings(
    checklist_id: str, answers: dict[str, str], language: str = "fr"
) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.item, f.rule, f.words) for f in screen(checklist(checklist_id, language), answers)]


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        ("Jeune community manager dynamique (H/F)", "age", ("Jeune",)),
        ("Profil 25-35 ans, motivé", "age", ("25-35 ans",)),
        ("Candidat de moins de 30 ans", "age", ("moins de 30 ans",)),
        ("Profil digital native", "age", ("digital native",)),
        ("Poste idéal pour une femme organisée", "sexe", ("une femme",)),
        ("Célibataire de préférence, sans enfants", "famille", ("Célibataire", "sans enfants")),
        ("Français langue maternelle exigé", "langue", ("langue maternelle",)),
        ("Bonne présentation exigée", "apparence", ("Bonne présentation",)),
        ("Habitant à Lyon uniquement", "residence", ("Habitant à",)),
        ("Non syndiqué", "opinions", ("syndiqué",)),
    ],
)
def test_french_job_description_wording(text: str, rule: str, words: tuple[str, ...]) -> None:
    assert ("finalite", rule, words) in findings("fiche-de-poste", {"finalite": text})


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Young and dynamic community manager", "age"),
        ("Candidates aged 25-35 years old", "age"),
        ("Native speaker of English", "langue"),
        ("Married applicants preferred", "famille"),
        ("Must have a good-looking profile", "apparence"),
    ],
)
def test_english_wording(text: str, rule: str) -> None:
    assert rule in {r for _, r, _ in findings("fiche-de-poste", {"finalite": text}, "en")}


def test_neutral_wording_gives_no_finding() -> None:
    text = (
        "Community manager (H/F). Vous animez notre communauté en ligne, répondez aux membres "
        "et rédigez le bilan mensuel. Deux ans d'expérience en animation de communauté."
    )
    assert (
        findings(
            "fiche-de-poste",
            {"finalite": text, "intitule": "Animateur ou animatrice de communauté"},
        )
        == []
    )


def test_job_ad_in_english_on_the_french_form() -> None:
    text = "You will manage our community and you will be the voice of the brand for our members."
    assert [(i, r) for i, r, _ in findings("fiche-de-poste", {"activites": text})] == [
        ("activites", "anglais")
    ]


def test_names_and_addresses_are_not_screened() -> None:
    assert (
        findings("grille-entretien", {"nom-candidat": "Marie Jeune", "points-forts": "Très claire"})
        == []
    )
    assert (
        findings("fiche-de-poste", {"employeur": "Jeunes Pousses SA", "lieu-ville": "Villejeune"})
        == []
    )


def test_only_guarded_checklists_are_screened() -> None:
    assert findings("bilan-mensuel", {"faits-marquants": "Une jeune femme célibataire"}) == []


def test_words_are_given_as_written() -> None:
    folded, where = fold("Âgée de Œuvre")
    assert folded == "agee de oeuvre" and len(where) == len(folded)
    assert findings("fiche-de-poste", {"finalite": "Candidate âgée de 30 ans"})[0][2] == (
        "âgée de",
    )


def test_every_rule_cites_an_article() -> None:
    assert all(r["articles"] and all(a.startswith("L") for a in r["articles"]) for r in rules())


def test_validate_shows_findings_as_warnings_and_respects_acknowledgements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = json.loads((SCHEMAS / "fr/fiche-de-poste/1.0.0/form.json").read_text())
    blank["answers"]["finalite"] = "Jeune community manager célibataire"
    path = tmp_path / "fiche.json"
    path.write_text(json.dumps(blank))
    assert main(["validate", str(path)]) == 0  # warnings, not errors
    out = capsys.readouterr().out
    assert (
        "! finalite (" in out
        and "« Jeune »" in out
        and "L1132-1" in out
        and "« célibataire »" in out
    )
    blank["acknowledged"] = ["finalite:age"]
    path.write_text(json.dumps(blank))
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "« Jeune »" not in out and "« célibataire »" in out
    assert "(1 non-discrimination finding acknowledged in the form)" in out
    result = Validator(Catalogue.load(SCHEMAS)).validate(LoadedForm(str(path), blank))
    assert [(f.rule, f.acknowledged) for f in result.findings] == [
        ("age", True),
        ("famille", False),
    ]
