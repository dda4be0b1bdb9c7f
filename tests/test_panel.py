"""The panel view of `compare`: groups, scores, spreads and calibration worked out by hand.

The folder is described in ``panel_fixture.py``; every expected figure below is computed
there by hand from the ratings (score = sum of weight x rating / 80 x 100).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from panel_fixture import ROOT, write_panel_folder

from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.panel import Panel, build_panel
from checklist_forms.intake.panel_html import render_html
from checklist_forms.intake.panel_text import render_markdown
from checklist_forms.intake.validate import Validator
from checklist_forms.publish.svg_chart import Scale, dot_plot, range_plot


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_panel_folder(tmp_path_factory.mktemp("panel") / "grids")


def _panel(folder: Path, **options: bool) -> Panel:
    return build_panel(Validator(Catalogue.load(ROOT / "checklists")), [folder], **options)


def _by_name(panel: Panel) -> dict[str, object]:
    return {c.name: c for c in panel.candidates}


def test_groups_by_recruitment_and_candidate(folder: Path) -> None:
    panel = _panel(folder)
    assert panel.recruitments() == ["CM-2025-11", "CM-2026-04"]
    assert [c.name for c in panel.of("CM-2026-04")] == [
        "Chloé Durand",
        "Alice Martin",
        "Bruno Petit",
    ]
    assert [c.name for c in panel.of("CM-2025-11")] == ["Damien Roux"]
    by = {c.name: c for c in panel.candidates}
    assert by["Alice Martin"].evaluators == ["Claire", "Karim", "Léa"]
    # Léa's grid of Chloé is a draft: left out, listed as such.
    assert by["Chloé Durand"].evaluators == ["Claire", "Karim"]
    assert [(Path(g.path).name, g.evaluator) for g in panel.drafts] == [("chloe-lea.json", "Léa")]
    # The job description is another checklist's form: skipped with a note.
    assert [Path(p).name for p, _ in panel.skipped] == ["fiche-de-poste.json"]
    assert "fiche-de-poste" in panel.skipped[0][1]


def test_scores_mean_minimum_maximum_by_hand(folder: Path) -> None:
    by = {c.name: c for c in _panel(folder).candidates}
    alice, bruno, chloe, damien = (
        by["Alice Martin"],
        by["Bruno Petit"],
        by["Chloé Durand"],
        by["Damien Roux"],
    )
    assert [g.score for g in alice.grids] == [75.0, 80.0, 72.5]
    assert (alice.mean, alice.minimum, alice.maximum) == (75.8, 72.5, 80.0)  # 227.5 / 3
    assert [g.score for g in bruno.grids] == [55.0, 50.0, 62.5]
    assert (bruno.mean, bruno.minimum, bruno.maximum) == (55.8, 50.0, 62.5)  # 167.5 / 3
    assert (chloe.mean, chloe.minimum, chloe.maximum) == (96.3, 92.5, 100.0)  # 192.5 / 2
    assert (damien.mean, damien.minimum, damien.maximum) == (75.0, 75.0, 75.0)
    assert (alice.outcome, bruno.outcome, chloe.outcome) == (
        "retenir",
        "critere-essentiel-manquant",
        "retenir",
    )
    # Bruno's written answer is below the required 3 for Karim only.
    assert [(item.id, who) for item, who in bruno.must_have_failures] == [("redaction", "Karim")]
    assert (chloe.rank, alice.rank, bruno.rank, damien.rank) == (1, 2, 3, 1)


def test_spreads_and_calibration_list_by_hand(folder: Path) -> None:
    by = {c.name: c for c in _panel(folder).candidates}
    spreads = {k.item.id: k.spread for k in by["Alice Martin"].criteria}
    assert spreads["autonomie"] == 1  # 3, 4, 3
    assert spreads["curiosite"] == 2  # 3, 4, 2
    assert spreads["diplomatie"] == 0
    calibration = {name: [(k.item.id, k.ratings) for k in c.calibration] for name, c in by.items()}
    assert calibration == {
        "Alice Martin": [("curiosite", {"Claire": 3, "Karim": 4, "Léa": 2})],
        "Bruno Petit": [("jugement-moderation", {"Claire": 2, "Karim": 2, "Léa": 4})],
        "Chloé Durand": [("gestion-crise", {"Claire": 4, "Karim": 1})],
        "Damien Roux": [],
    }


def test_included_draft_makes_the_candidate_incomplete_and_unranked(folder: Path) -> None:
    panel = _panel(folder, include_drafts=True)
    by = {c.name: c for c in panel.candidates}
    chloe = by["Chloé Durand"]
    assert chloe.evaluators == ["Claire", "Karim", "Léa"]
    assert not chloe.complete and chloe.rank is None
    # Ranked candidates first, the incomplete one after them.
    assert [c.name for c in panel.of("CM-2026-04")] == [
        "Alice Martin",
        "Bruno Petit",
        "Chloé Durand",
    ]
    assert (by["Alice Martin"].rank, by["Bruno Petit"].rank) == (1, 2)
    text = render_markdown(panel)
    assert "| — | Chloé Durand |" in text and "(incomplet)" in text


def test_markdown_view_in_the_forms_language(folder: Path) -> None:
    text = render_markdown(_panel(folder))
    assert text.startswith("# Grille d’entretien — vue du jury")
    assert "| 1 | Chloé Durand | Claire, Karim | 96,3 | 92,5 | 100 | À retenir |" in text
    assert "Chloé Durand — Réaction à un début de crise : Claire 4, Karim 1" in text
    assert "chloe-lea.json" in text and "fiche-de-poste.json" in text


def test_html_page_is_self_contained_with_one_chart_per_candidate(folder: Path) -> None:
    page = render_html(_panel(folder))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<script" not in page and "@import" not in page and "url(" not in page
    profiles = re.findall(r"<svg[^>]*aria-labelledby='profile-", page)
    assert len(profiles) == 4  # Alice, Bruno, Chloé, Damien
    # Per recruitment a summary and the score chart's data; per candidate its chart's data.
    assert page.count("<table>") == 2 * 2 + 4


def test_svg_writer_places_marks_and_escapes_text() -> None:
    scale = Scale(1, 4, (1, 2, 3, 4))
    assert scale.x(1) == 400 and scale.x(4) == 740
    svg = dot_plot("c", "T <&>", "D", ["a <b>"], ["x", "y"], [[1, 4]], scale)
    root = ET.fromstring(svg)  # well-formed, every text escaped
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.find(f"{ns}title").text == "T <&>"
    line = [e for e in root.iter(f"{ns}line") if e.get("stroke") == "#555"]
    assert [(e.get("x1"), e.get("x2")) for e in line] == [("400", "740")]
    bar = ET.fromstring(
        range_plot("r", "T", "D", ["a", "b"], [(50, 60, 75), None], Scale(0, 100, (0, 100)))
    )
    rects = list(bar.iter(f"{ns}rect"))
    assert len(rects) == 1 and rects[0].get("x") == "570" and rects[0].get("width") == "85"


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from checklist_forms.cli.main import main

    code = main(["compare", *args, "--catalogue", str(ROOT / "checklists")])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_outputs_markdown_csv_xlsx_html(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _cli(capsys, str(folder))
    assert code == 0 and "| 2 | Alice Martin | Claire, Karim, Léa | 75,8 | 72,5 | 80 |" in out
    code, out, _ = _cli(capsys, str(folder), "--csv")
    assert code == 0
    assert 'CM-2026-04,2,Alice Martin,"Claire, Karim, Léa",75.8,72.5,80,À retenir,' in out
    assert "CM-2026-04,Chloé Durand,Réaction à un début de crise,Karim,1,3,✓," in out
    target = tmp_path / "panel.xlsx"
    code, _, _ = _cli(capsys, str(folder), "--xlsx", "-o", str(target))
    assert code == 0
    from openpyxl import load_workbook

    book = load_workbook(target)
    assert [ws.max_row for ws in book.worksheets] == [1 + 4, 1 + (3 + 3 + 2 + 1) * 10]
    code, _, _ = _cli(capsys, str(folder), "--html", "-o", str(tmp_path / "panel.html"))
    assert code == 0 and (tmp_path / "panel.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>"
    )
    # Never over an input, never over an existing file unless asked.
    code, _, err = _cli(capsys, str(folder), "-o", str(folder / "alice-karim.json"), "--force")
    assert code == 2 and "input" in err
    code, _, err = _cli(capsys, str(folder), "--html", "-o", str(tmp_path / "panel.html"))
    assert code == 2 and "already exists" in err


def test_names_that_look_like_formulas_stay_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from panel_fixture import grid

    for n, evaluator in enumerate(('=HYPERLINK("http://x")', "+Karim")):
        form = grid("=1+1", evaluator, {})
        (tmp_path / f"g{n}.json").write_text(json.dumps(form), encoding="utf-8")
    code, out, _ = _cli(capsys, str(tmp_path), "--csv")
    assert code == 0 and "'=1+1" in out and ",=" not in out
    code, _, _ = _cli(capsys, str(tmp_path), "--xlsx", "-o", str(tmp_path / "out" / "p.xlsx"))
    from openpyxl import load_workbook

    cells = [
        c for ws in load_workbook(tmp_path / "out" / "p.xlsx") for r in ws.iter_rows() for c in r
    ]
    assert not [c for c in cells if c.data_type == "f"]
    assert any(c.value == "=1+1" and c.data_type == "s" for c in cells)


def test_nothing_usable_is_exit_2_with_the_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    code, _, err = _cli(capsys, str(tmp_path))
    # intake.folders reads folders for every command: a folder of no form is unusable.
    assert code == 2 and str(tmp_path) in err and "holds no checklist form" in err


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title_item: nom", ""),
        ("title_item: absent", "title_item 'absent' is not an item of this checklist"),
        ("group_item: note", "group_item 'note' is a rating item; it must be a text item"),
        ("retention_months: 0", "retention_months"),
    ],
)
def test_naming_items_and_retention_are_checked_at_their_line(line: str, expected: str) -> None:
    from checklist_forms.core.definition import build_checklist

    body = f"{line}\nsections:\n  - id: s\n    title: S\n    items:\n"
    body += "      - {id: nom, kind: text, label: Nom}\n"
    body += (
        "      - {id: note, kind: rating, label: Note, levels: [{value: 1, label: a, anchor: b}]}\n"
    )
    checklist, problems = build_checklist("essai", {"version": "1.0.0", "title": "T"}, body)
    if not expected:
        assert problems == [] and checklist is not None and checklist.title_item == "nom"
        return
    assert checklist is None and len(problems) == 1
    assert expected in problems[0].message and problems[0].line == 0
    assert str(problems[0].subtype) == "bad_value"


def test_svg_writer_cuts_long_row_labels_before_the_plot() -> None:
    long = "Maîtrise des réseaux sociaux et des outils de publication, et bien plus encore"
    root = ET.fromstring(dot_plot("c", "T", "D", [long], ["x"], [[2]], Scale(1, 4, (1, 4))))
    texts = [e.text for e in root.iter("{http://www.w3.org/2000/svg}text")]
    shown = next(t for t in texts if t and t.startswith("Maîtrise"))
    assert shown.endswith("…") and len(shown) == 56


def test_nice_scale_and_line_plot_positions() -> None:
    from checklist_forms.publish.svg_chart import line_plot, nice_scale

    assert nice_scale([120, 90, 150]).ticks == (0, 50, 100, 150)
    assert nice_scale([80, 85.5, 92.5]).ticks == (0, 20, 40, 60, 80, 100)
    assert nice_scale([-12, 30]).ticks == (-20, -10, 0, 10, 20, 30)
    svg = line_plot(
        "l", "T", "D", ["m1", "m2", "m3"], ["s"], [[150, None, 0]], nice_scale([150, 0])
    )
    root = ET.fromstring(svg)
    circles = [(c.get("cx"), c.get("cy")) for c in root.iter("{http://www.w3.org/2000/svg}circle")]
    assert circles == [("70", "40"), ("710", "260")]  # the missing month draws nothing
