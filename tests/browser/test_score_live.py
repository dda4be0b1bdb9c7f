"""The score and recommendation the page computes as answers change, against score.py.

checklist.js re-implements ``checklist_forms.score.evaluate``; the page mirrors its
verdict as JSON in ``data-result`` (same shape as ``evaluate()``), which must equal the
Python one exactly: outcome, flags, totals or score, rated and scored items, failed
essentials, and the answers that counted.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.core.model import Checklist, checklist_from_dict
from checklist_forms.core.score import evaluate, score_text, thresholds
from checklist_forms.i18n.numbers import decimal
from checklist_forms.intake.validate import checklist_from_schema
from checklist_forms.publish.form_html import Links, render_checklist

from .conftest import ROOT, Driver, form_for_page
from .test_checklist_form import _random_answers

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "tests" / "data" / "scoring"


def _checklist(site: Any, entry: dict[str, Any]) -> Checklist:
    schema = json.loads((site.checklists_dir() / entry["schema"]).read_text(encoding="utf-8"))
    return checklist_from_schema(schema)


def _result(driver: Driver) -> dict[str, Any]:
    raw = driver.root.locator(".checklist-result").get_attribute("data-result")
    assert raw, "the page shows no result"
    return dict(json.loads(raw))


def _as_exported(checklist: Checklist, answers: dict[str, Any]) -> dict[str, Any]:
    """The page scores what it would export: items that do not apply are blank."""
    return {
        item.id: answers.get(item.id) if checklist.is_visible(item, answers) else item.blank()
        for item in checklist.answerable_items()
    }


def _import(driver: Driver, form: dict[str, Any]) -> None:
    driver.import_file("form.json", json.dumps(form).encode())
    lines = driver.root.locator(".checklist-status p").all_inner_texts()
    assert lines == [driver.ui["import_done"]], (lines, driver.alert())


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.json")))
def test_fixture_scores_match_python(site, open_checklist, tmp_path, name):
    form = form_for_page(site, FIXTURES / name)
    entry = next(e for e in site.checklists() if e["id"] == form["checklist"])
    checklist = _checklist(site, entry)
    driver = open_checklist(entry)
    _import(driver, form)

    expected = evaluate(checklist, form["answers"])
    assert expected is not None
    assert _result(driver) == expected

    # The words under the form say the same.
    text = driver.root.locator(".checklist-result").inner_text()
    ui = driver.ui
    outcomes = {o.id: o for o in checklist.scoring.outcomes}  # type: ignore[union-attr]
    if expected["complete"]:
        assert outcomes[expected["outcome"]].label in text
    else:
        # No outcome until the essential and required criteria are rated: what is left.
        assert ui["incomplete"] in text and ui["to_rate"] in text
        for item_id in expected["to_rate"]:
            assert checklist.item(item_id).label in text  # type: ignore[union-attr]
    for flag in checklist.scoring.flags:  # type: ignore[union-attr]
        assert (flag.label in text) == (flag.id in expected["flags"]), flag.id
    language = checklist.language
    if expected["method"] == "weighted":
        assert score_text(language, expected["score"]) in text
        assert ui["rated"].format(rated=expected["rated"], total=expected["scored_items"]) in text
        assert " · ".join(thresholds(checklist, language)) in text
    else:
        for outcome_id, total in expected["totals"].items():
            assert f"{outcomes[outcome_id].label} {decimal(language, total)}" in text
    # A form missing required answers exports as a draft, and its result says so.
    missing = checklist.missing_for_final(_as_exported(checklist, form["answers"]))
    assert (text.splitlines()[0] == ui["draft"]) == bool(missing)

    # Change one answer through the page: the verdict follows, and is still Python's.
    before = _result(driver)
    item = _changeable(checklist, form["answers"], driver)
    _, exported = driver.export(tmp_path)
    assert _result(driver) == evaluate(checklist, exported["answers"])
    assert _result(driver) != before, f"changing {item} did not change the result"


def _changeable(checklist: Checklist, answers: dict[str, Any], driver: Driver) -> str:
    """Give a different answer to the first visible item that counts in the score."""
    items = {i["id"]: i for i in driver.items()}
    for item in checklist.answerable_items():
        if not checklist.is_visible(item, answers):
            continue
        value = answers.get(item.id)
        if item.kind == "rating" and item.weight:
            other = next(lv.value for lv in item.levels if lv.value != value)
            driver.set(items[item.id], other)
            return item.id
        if item.kind == "checkbox" and item.points:
            driver.set(items[item.id], not value)
            return item.id
        if item.kind == "single_choice" and any(c.points for c in item.choices):
            other = next(c.value for c in item.choices if c.value != value and c.points)
            driver.set(items[item.id], other)
            return item.id
    raise AssertionError("no item of this checklist counts in its score")


def test_random_forms_score_like_python(site, open_checklist):
    """Random drafts of every scoring checklist: the page and score.py agree on each."""
    rng = random.Random(20260501)
    problems: list[str] = []
    scoring = [e for e in site.checklists() if _checklist(site, e).scoring is not None]
    assert len(scoring) >= 3, [e["id"] for e in scoring]
    for entry in scoring:
        checklist = _checklist(site, entry)
        driver = open_checklist(entry)
        for n in range(8):
            answers = _random_answers(checklist, rng)
            _import(driver, _form(checklist, answers))
            got, want = _result(driver), evaluate(checklist, _as_exported(checklist, answers))
            if got != want:
                problems.append(f"{entry['id']} #{n}: page {got}\n    python {want}")
    assert not problems, "\n".join(problems)


def _form(checklist: Checklist, answers: dict[str, Any]) -> dict[str, Any]:
    return {
        "checklist": checklist.id,
        "version": checklist.version,
        "language": checklist.language,
        "status": "draft",
        "answers": answers,
    }


# Checklists written for this test: what the handbook's own do not use yet (scores on
# choices, a drop-down list, a number with a floor, fractional weights and points,
# negative points, chained conditions, flags on unanswered items).
WEIGHTED = {
    "id": "synthese-ponderee",
    "version": "1.0.0",
    "title": "Pondérée",
    "language": "fr",
    "sections": [
        {
            "id": "s",
            "title": "S",
            "items": [
                {
                    "id": "niveau",
                    "kind": "rating",
                    "label": "Niveau",
                    "weight": 1.5,
                    "must_have": 2,
                    "levels": [
                        {"value": v, "label": f"N{v}", "anchor": f"A{v}"} for v in (1, 2, 3, 4)
                    ],
                },
                {
                    "id": "liste",
                    "kind": "single_choice",
                    "display": "select",
                    "label": "Liste",
                    "weight": 0.7,
                    "choices": [
                        {"value": "a", "label": "A", "score": 0},
                        {"value": "b", "label": "B", "score": 2.5},
                        {"value": "c", "label": "C"},
                        {"value": "d", "label": "D", "score": 3},
                    ],
                },
                {
                    "id": "radio",
                    "kind": "single_choice",
                    "label": "Radio",
                    "choices": [
                        {"value": "x", "label": "X", "score": 1},
                        {"value": "y", "label": "Y", "score": 0.3},
                    ],
                },
                {
                    "id": "heures",
                    "kind": "number",
                    "label": "Heures",
                    "min": 0,
                    "max": 35,
                    "weight": 0.1,
                    "must_have": 7,
                    "visible_if": {"item": "radio", "answered": True},
                },
                {
                    "id": "detail",
                    "kind": "rating",
                    "label": "Détail",
                    "weight": 3,
                    "visible_if": {"item": "heures", "any_of": [10, 20, 30]},
                    "levels": [{"value": v, "label": f"D{v}", "anchor": "-"} for v in (0, 1, 2)],
                },
                {"id": "case", "kind": "checkbox", "label": "Case"},
                {"id": "texte", "kind": "text", "label": "Texte"},
            ],
        }
    ],
    "scoring": {
        "method": "weighted",
        "outcomes": [
            {"id": "non", "label": "Non", "when_must_have_fails": True},
            {"id": "oui", "label": "Oui", "min": 66.6},
            {"id": "peut-etre", "label": "Peut-être", "min": 33.3},
            {"id": "zero", "label": "Zéro", "min": 0},
        ],
        "flags": [
            {
                "id": "sans-texte",
                "label": "Sans texte",
                "when": {"item": "texte", "answered": False},
            },
            {"id": "case-vide", "label": "Case vide", "when": {"item": "case", "equals": False}},
            {"id": "detail-2", "label": "Détail 2", "when": {"item": "detail", "equals": 2}},
        ],
    },
}

TALLY = {
    "id": "synthese-points",
    "version": "1.0.0",
    "title": "Points",
    "language": "fr",
    "sections": [
        {
            "id": "s",
            "title": "S",
            "items": [
                {
                    "id": "plusieurs",
                    "kind": "multi_choice",
                    "label": "Plusieurs",
                    "choices": [
                        {"value": "p", "label": "P", "points": {"a": 0.1, "b": 1}},
                        {"value": "q", "label": "Q", "points": {"a": 0.2}},
                        {"value": "r", "label": "R", "points": {"b": -1, "c": 0.7}},
                        {"value": "s", "label": "S"},
                    ],
                },
                {
                    "id": "liste",
                    "kind": "single_choice",
                    "display": "select",
                    "label": "Liste",
                    "choices": [
                        {"value": "u", "label": "U", "points": {"c": 0.3}},
                        {"value": "v", "label": "V", "points": {"a": 0.3, "c": -0.3}},
                    ],
                },
                {
                    "id": "case",
                    "kind": "checkbox",
                    "label": "Case",
                    "points": {"b": 0.1, "c": 0.2},
                },
                {
                    "id": "cachee",
                    "kind": "single_choice",
                    "label": "Cachée",
                    "visible_if": {"item": "case", "equals": True},
                    "choices": [
                        {"value": "g", "label": "G", "points": {"a": 5}},
                        {"value": "h", "label": "H", "points": {"b": 5}},
                    ],
                },
            ],
        }
    ],
    "scoring": {
        "method": "tally",
        "outcomes": [
            {"id": "a", "label": "Issue A", "help": "Aide A"},
            {"id": "b", "label": "Issue B"},
            {"id": "c", "label": "Issue C"},
        ],
        "flags": [
            {
                "id": "r-ou-s",
                "label": "R ou S",
                "when": {"item": "plusieurs", "any_of": ["r", "s"]},
            },
            {"id": "g", "label": "G", "when": {"item": "cachee", "equals": "g"}},
        ],
    },
}


def _synthetic_page(site: Any, checklists: list[Checklist]) -> str:
    """A page of the served site holding these checklists; returns its docname.

    It lives under _static/ so that the page-by-page checks of the handbook skip it.
    """
    folder = Path(site.root) / "_static" / "synthetic"
    folder.mkdir(exist_ok=True)
    body = "".join(render_checklist(c, Links(schema="#", form="#")) for c in checklists)
    (folder / "scores.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Scores</title>'
        '<link rel="stylesheet" href="../checklist.css">'
        '<script defer src="../checklist-required.js"></script>'
        '<script defer src="../checklist-rules.js"></script>'
        '<script defer src="../checklist.js"></script></head>'
        f"<body><main>{body}</main></body></html>",
        encoding="utf-8",
    )
    return "_static/synthetic/scores"


@pytest.mark.parametrize("definition", [WEIGHTED, TALLY], ids=["weighted", "tally"])
def test_every_scoring_feature_matches_python(site, page, definition):
    checklists = [checklist_from_dict(WEIGHTED), checklist_from_dict(TALLY)]
    docname = _synthetic_page(site, checklists)
    checklist = next(c for c in checklists if c.id == definition["id"])
    entry = {"id": checklist.id, "version": checklist.version, "page": docname}
    driver = Driver(page, site, entry)
    rng = random.Random(7)
    problems: list[str] = []
    for n in range(40):
        answers = _random_answers(checklist, rng)
        if "heures" in answers and rng.random() < 0.5:
            answers["heures"] = rng.choice([10, 20, 30, 6.5, 7, 0])
        _import(driver, _form(checklist, answers))
        got, want = _result(driver), evaluate(checklist, _as_exported(checklist, answers))
        if got != want:
            problems.append(f"#{n} {answers}\n    page   {got}\n    python {want}")
    assert not problems, "\n".join(problems)
