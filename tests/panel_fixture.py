"""A hiring panel's folder, written for the panel tests (pytest and browser).

Recruitment CM-2026-04: three candidates, three evaluators each (Claire, Karim, Léa);
Léa's grid of Chloé is a draft. Mixed in: a grid of another recruitment (CM-2025-11) and
a filled job description (another checklist). The grid's criteria and weights:

    diplomatie 3 (must 2), autonomie 2, curiosite 2, esprit-service 1, redaction 3 (must 3),
    outils-reseaux 2, mesure 1, connaissance-secteur 1, jugement-moderation 3 (must 2),
    gestion-crise 2  -> total weight 20, best possible 20 x 4 = 80, score = sum / 80 x 100.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BLANK = ROOT / "checklists" / "fr" / "grille-entretien" / "2.0.0" / "form.json"
JOB = ROOT / "checklists" / "fr" / "fiche-de-poste"
CRITERIA = (
    "diplomatie",
    "autonomie",
    "curiosite",
    "esprit-service",
    "redaction",
    "outils-reseaux",
    "mesure",
    "connaissance-secteur",
    "jugement-moderation",
    "gestion-crise",
)


def grid(
    candidate: str,
    evaluator: str,
    ratings: dict[str, int | None],
    *,
    base: int | None = 3,
    recruitment: str = "CM-2026-04",
    status: str = "final",
) -> dict[str, Any]:
    form: dict[str, Any] = copy.deepcopy(json.loads(BLANK.read_text(encoding="utf-8")))
    answers = form["answers"]
    answers.update(
        {
            "nom-candidat": candidate,
            "evaluateur": evaluator,
            "reference-recrutement": recruitment,
            "date-entretien": "2026-04-10",
            "methodes-annoncees": True,
            "points-forts": "Exemples précis et concrets.",
        }
    )
    for criterion in CRITERIA:
        answers[criterion] = ratings.get(criterion, base)
    form["status"] = status
    return form


def panel_forms() -> dict[str, dict[str, Any]]:
    return {
        # Alice: Claire all 3 (60 -> 75); Karim autonomie 4, curiosite 4 (64 -> 80);
        # Léa curiosite 2 (58 -> 72.5).
        "alice-claire.json": grid("Alice Martin", "Claire", {}),
        "alice-karim.json": grid("Alice Martin", "Karim", {"autonomie": 4, "curiosite": 4}),
        "alice-lea.json": grid("Alice Martin", "Léa", {"curiosite": 2}),
        # Bruno: base 2 (40); Claire redaction 3, mesure 3 (44 -> 55); Karim all 2 (40 -> 50,
        # redaction below 3); Léa redaction 3, mesure 3, jugement 4 (50 -> 62.5).
        "bruno-claire.json": grid("Bruno Petit", "Claire", {"redaction": 3, "mesure": 3}, base=2),
        "bruno-karim.json": grid("Bruno Petit", "Karim", {}, base=2),
        "bruno-lea.json": grid(
            "Bruno Petit",
            "Léa",
            {"redaction": 3, "mesure": 3, "jugement-moderation": 4},
            base=2,
        ),
        # Chloé: Claire all 4 (80 -> 100); Karim gestion-crise 1 (74 -> 92.5); Léa a draft
        # with one rating.
        "chloe-claire.json": grid("Chloé Durand", "Claire", {}, base=4),
        "chloe-karim.json": grid("Chloé Durand", "Karim", {"gestion-crise": 1}, base=4),
        "chloe-lea.json": grid("Chloé Durand", "Léa", {"diplomatie": 1}, base=None, status="draft"),
        # Another recruitment: all 3 -> 75.
        "damien-claire.json": grid("Damien Roux", "Claire", {}, recruitment="CM-2025-11"),
    }


def write_panel_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, form in panel_forms().items():
        (folder / name).write_text(json.dumps(form, ensure_ascii=False), encoding="utf-8")
    job_form = sorted(JOB.glob("*/form.json"))[-1]
    (folder / "fiche-de-poste.json").write_text(job_form.read_text(encoding="utf-8"))
    return folder
