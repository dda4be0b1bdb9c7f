"""The filled example forms published with the handbook stay valid and current.

docs/_static/exemples/ holds forms filled from the checklists' own questions (the sample
job description behind the sample job ad). They must validate as final forms against
the committed catalogue AND answer the latest version of their checklist, so that a
change to a checklist fails here until the example is updated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.forms import load_form
from checklist_forms.intake.validate import Validator

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "docs" / "_static" / "exemples").glob("*.json"))
COMMITTED = ROOT / "checklists"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def latest_versions() -> dict[tuple[str, str], str]:
    index = json.loads((COMMITTED / "index.json").read_text())["checklists"]
    latest: dict[tuple[str, str], str] = {}
    for entry in index:
        key = (entry["id"], entry["language"])
        if key not in latest or _version_key(entry["version"]) > _version_key(latest[key]):
            latest[key] = entry["version"]
    return latest


def test_there_are_examples() -> None:
    assert EXAMPLES, "docs/_static/exemples/ should hold at least the sample job description"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_is_a_valid_final_form_of_the_latest_version(path: Path) -> None:
    form = load_form(path)
    result = Validator(Catalogue.load(COMMITTED)).validate(form)
    assert result.valid, [issue.as_dict() for issue in result.errors]
    assert result.warnings == [], [issue.as_dict() for issue in result.warnings]
    data = json.loads(path.read_text())
    assert data["status"] == "final"
    latest = latest_versions()[(data["checklist"], data["language"])]
    assert data["version"] == latest, (
        f"{path.name} answers {data['checklist']} {data['version']}, the latest is {latest}:"
        " update the example (checklist-forms migrate) and the page that shows it"
    )


def test_sample_job_ad_page_shows_the_example_answers() -> None:
    """The page presents the ad built from the example form: its key answers appear."""
    answers = json.loads((ROOT / "docs/_static/exemples/fiche-de-poste-exemple.json").read_text())[
        "answers"
    ]
    page = (ROOT / "docs" / "recruter" / "exemple-offre.md").read_text()
    for key in ("intitule", "employeur", "finalite", "reference", "lieu-ville"):
        assert answers[key] in page, key
    for activity in answers["activites"].splitlines():
        assert activity in page, activity
    assert f"{answers['salaire-min']:,} à {answers['salaire-max']:,}".replace(",", " ") in page
