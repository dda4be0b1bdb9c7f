"""`checklist-forms trends`: monthly reports as one page of indicators over the months."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = str(ROOT / "checklists")
BLANK = ROOT / "checklists" / "fr" / "bilan-mensuel" / "1.0.0" / "form.json"
OTHER = ROOT / "checklists" / "fr" / "grille-entretien" / "2.0.0" / "form.json"


def report(
    month: str, messages: int, rate: float, tone: int, status: str = "final"
) -> dict[str, Any]:
    form: dict[str, Any] = copy.deepcopy(json.loads(BLANK.read_text(encoding="utf-8")))
    form["status"] = status
    form["answers"].update(
        {
            "date-debut": f"{month}-01",
            "date-fin": f"{month}-28",
            "auteur": "Sam",
            "messages-recus": messages,
            "taux-reponse": rate,
            "delai-median": 45,
            "tonalite": tone,
            "objectifs": "atteints",
            "actions-suivantes": "Continuer.",
        }
    )
    return form


def write_folder(folder: Path) -> Path:
    folder.mkdir()
    forms = {
        # Written out of order: the page orders by month, not by file name.
        "c.json": report("2026-03", 150, 92.5, 4),
        "a.json": report("2026-01", 120, 80, 2),
        "b.json": report("2026-02", 90, 85.5, 3),
        "d.json": report("2026-04", 999, 10, 1, status="draft"),
        "e.json": report("2026-02", 1, 1, 1),
    }
    for name, form in forms.items():
        (folder / name).write_text(json.dumps(form), encoding="utf-8")
    (folder / "grid.json").write_text(OTHER.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_trends_page_orders_months_and_gives_each_indicator_a_chart_and_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_folder(tmp_path / "reports")
    target = tmp_path / "trends.html"
    assert main(["trends", str(folder), "-o", str(target), "--catalogue", CATALOGUE]) == 0
    page = target.read_text(encoding="utf-8")
    assert "Bilan mensuel — évolution sur les mois" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<script" not in page
    # Four numeric indicators (new members, messages, rate, delay) and the tone rating.
    assert page.count("<svg") == 5 and page.count("<figure>") == 5
    rows = re.findall(
        r'<tr><th scope="row">(2026-\d\d)</th><td class="num">([^<]*)</td></tr>', page
    )
    messages = rows[3:6]  # after the three months of new members
    assert messages == [("2026-01", "120"), ("2026-02", "90"), ("2026-03", "150")]
    assert [r for r in rows if r[1] == "85.5"] == [("2026-02", "85.5")]
    # The draft, the second February report and the grid are left out with a reason.
    assert "d.json : un brouillon" in page
    assert "e.json : un deuxième bilan pour 2026-02" in page
    assert "grid.json : un formulaire de grille-entretien, pas de bilan-mensuel" in page
    assert (
        main(
            [
                "trends",
                str(folder),
                "-o",
                str(folder / "a.json"),
                "--force",
                "--catalogue",
                CATALOGUE,
            ]
        )
        == 2
    )
    assert json.loads((folder / "a.json").read_text())["answers"]["messages-recus"] == 120
