"""Scores and recommendations declared in the checklists, on fixture forms.

The expected figures are worked out by hand in the comments; the same fixture forms
feed the browser test that checks checklist.js agrees exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.cli.main import main
from checklist_forms.core.score import evaluate, round1
from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.forms import load_form
from checklist_forms.intake.validate import Validator

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "data" / "scoring"


def verdict(name: str) -> dict[str, Any]:
    validator = Validator(Catalogue.load(ROOT / "checklists"))
    form = load_form(FIXTURES / name)
    _, _, checklist = validator.resolve(form)
    result = evaluate(checklist, form.data["answers"])
    assert result is not None
    return result


def test_round_half_up() -> None:
    assert round1(76.25) == 76.3 and round1(68.75) == 68.8 and round1(83.333) == 83.3


def test_interview_grid_weighted_score() -> None:
    # weights × levels: 9+8+6+2+12+6+2+3+9+4 = 61 out of 20 × 4 = 80 -> 76.25 -> 76.3
    result = verdict("grille-alice.json")
    assert (result["score"], result["outcome"], result["rated"], result["scored_items"]) == (
        76.3,
        "retenir",
        10,
        10,
    )
    assert result["must_have_failed"] == []


def test_interview_grid_must_have_overrides_score() -> None:
    # redaction 2 < must_have 3: whatever the score (55 / 80 -> 68.8), the candidate is out.
    result = verdict("grille-bruno.json")
    assert (result["score"], result["outcome"], result["must_have_failed"]) == (
        68.8,
        "critere-essentiel-manquant",
        ["redaction"],
    )


def test_half_rated_grid_is_an_incomplete_evaluation() -> None:
    # Three of ten criteria rated (the three essential ones): 83.3 on what is rated would
    # read as a result; four required criteria are still to rate, so there is none yet.
    result = verdict("grille-chloe-brouillon.json")
    assert (result["score"], result["outcome"], result["rated"], result["complete"]) == (
        None,
        None,
        3,
        False,
    )
    assert result["to_rate"] == ["autonomie", "curiosite", "outils-reseaux", "gestion-crise"]


def test_empty_grid_is_incomplete_not_failed() -> None:
    """A blank interview grid used to read « Critère essentiel non atteint »."""
    validator = Validator(Catalogue.load(ROOT / "checklists"))
    for language in ("fr", "en"):
        path = ROOT / f"checklists/{language}/grille-entretien/1.0.0/form.json"
        form = load_form(path)
        _, _, checklist = validator.resolve(form)
        result = evaluate(checklist, form.data["answers"])
        assert result is not None
        assert (result["outcome"], result["score"], result["complete"]) == (None, None, False)
        assert result["must_have_failed"] == []
        assert len(result["to_rate"]) == 7


def test_complete_grid_says_so() -> None:
    for name in ("grille-alice.json", "grille-bruno.json"):
        result = verdict(name)
        assert (result["complete"], result["to_rate"]) == (True, [])


def test_choose_profile_tally_and_outsourcing_flag() -> None:
    result = verdict("profil-petite-structure.json")
    assert result["totals"] == {"junior": 2, "senior": 4, "agence": 11, "stagiaire": 0}
    assert result["outcome"] == "agence"
    assert result["flags"] == ["externaliser"]
    assert {r["item"] for r in result["reasons"]} == {
        "volume",
        "duree",
        "representant",
        "encadrant",
        "presence-continue",
    }


def test_choose_profile_intern() -> None:
    result = verdict("profil-stage.json")
    assert result["totals"] == {"junior": 6, "senior": 0, "agence": 5, "stagiaire": 11}
    assert (result["outcome"], result["flags"]) == ("stagiaire", [])


def test_in_house_or_outsourced() -> None:
    result = verdict("interne-grande-marque.json")
    assert result["totals"] == {"interne": 13, "externe": 2, "mixte": 3}
    assert (result["outcome"], result["flags"]) == ("interne", [])


def test_blank_form_recommends_nothing() -> None:
    blank = json.loads((ROOT / "checklists/fr/choisir-le-profil/1.0.0/form.json").read_text())
    validator = Validator(Catalogue.load(ROOT / "checklists"))
    _, _, checklist = validator.resolve(
        load_form(ROOT / "checklists/fr/choisir-le-profil/1.0.0/form.json")
    )
    result = evaluate(checklist, blank["answers"])
    assert result is not None and result["outcome"] is None


def test_report_shows_outcome_and_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(FIXTURES / "profil-petite-structure.json")]) == 0
    out = capsys.readouterr().out
    assert "- Recommandation : **Community manager d’agence**" in out
    assert "Besoin inférieur à un mi-temps" in out
    assert "### Ce qui a compté" in out
    assert "+5" in out


def test_compare_ranks_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    files = [
        str(FIXTURES / n)
        for n in ("grille-bruno.json", "grille-chloe-brouillon.json", "grille-alice.json")
    ]
    assert main(["compare", *files, "--include-drafts"]) == 0
    rows = [
        line
        for line in capsys.readouterr().out.splitlines()
        if line.startswith("| ") and (line[2].isdigit() or line[2] == "—")
    ][:3]
    # Bruno fails a must-have and comes after Alice whatever his score; Chloé's grid is a
    # draft: counted when asked, but shown unranked rather than first with 83.3.
    assert [row.split(" | ")[:2] for row in rows] == [
        ["| 1", "Alice Martin"],
        ["| 2", "Bruno Petit"],
        ["| —", "Chloé Durand"],
    ]


def test_report_of_a_draft_says_incomplete(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(FIXTURES / "grille-chloe-brouillon.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Grille d’entretien (v1.0.0) (brouillon)\n")
    assert "## Résultat (brouillon)" in out
    assert "- Recommandation : **Évaluation incomplète**" in out
    assert "- Reste à noter : Autonomie et sens des responsabilités, Curiosité et veille," in out
    assert "- Score : — (3 / 10 critères notés)" in out
    assert "À retenir" not in out.split("Seuils")[0]


def test_report_formats_scores_and_thresholds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(FIXTURES / "grille-alice.json")]) == 0
    out = capsys.readouterr().out
    assert "(brouillon)" not in out
    assert "- Score : 76,3 / 100 (10 / 10 critères notés)" in out
    assert "- Seuils : À retenir à partir de 75 · Second entretien à partir de 55 · " in out


def test_report_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blank = ROOT / "checklists/en/grille-entretien/1.0.0/form.json"
    form = json.loads(blank.read_text(encoding="utf-8"))
    form["answers"].update({"diplomatie": 3, "redaction": 3})
    (tmp_path / "en.json").write_text(json.dumps(form), encoding="utf-8")
    assert main(["report", str(tmp_path / "en.json")]) == 0
    out = capsys.readouterr().out
    assert "## Result (draft)" in out
    assert "**Incomplete evaluation**" in out
    assert "- Still to rate: " in out
    assert "from 75" in out
    fixed = dict.fromkeys(("autonomie", "curiosite", "outils-reseaux", "gestion-crise"), 3)
    form["answers"].update({"jugement-moderation": 3, "esprit-service": 2, **fixed})
    form["status"] = "final"
    (tmp_path / "en.json").write_text(json.dumps(form), encoding="utf-8")
    main(["report", str(tmp_path / "en.json")])
    out = capsys.readouterr().out
    # 3 × (3+2+2+3+2+3+2) + 2 × 1 = 53 out of 4 × 18 = 72 -> 73.6 (unrated optional ones
    # count for nothing)
    assert "- Score: 73.6 / 100 (8 / 10 criteria rated)" in out and "(draft)" not in out


def test_compare_skips_other_checklists_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(FIXTURES / "grille-alice.json"), str(FIXTURES / "profil-stage.json")]
    assert main(["compare", *files]) == 0
    out = capsys.readouterr().out
    assert "profil-stage.json" in out and "pas de grille-entretien" in out
