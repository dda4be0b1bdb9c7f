"""The conformance corpus (tests/conformance/cases/) against the Python rules.

Each case is a checklist definition and answer sets with hand-reasoned expectations:
which items are visible, answered and missing for a final form, the score and outcome,
the guard's findings, and the verdict of the exported JSON Schema on a final form (from
jsonschema and jsonschema-rs, which must agree). ``node --test tests/conformance/`` runs
the same cases against checklist-rules.js, the browser's copy of the rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from checklist_forms.core.answered import has_visible_text, is_date
from checklist_forms.core.guard import screen
from checklist_forms.core.model import checklist_from_dict
from checklist_forms.core.schema import build_schema
from checklist_forms.core.score import evaluate

CASES = Path(__file__).parent / "conformance" / "cases"
FILES = sorted(CASES.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _runs() -> list[Any]:
    out = []
    for path in FILES:
        case = _load(path)
        for run in case["runs"]:
            out.append(pytest.param(case, run, id=f"{path.stem}: {run['name']}"))
    return out


def test_the_corpus_is_there() -> None:
    assert len(FILES) >= 6 and sum(len(_load(p)["runs"]) for p in FILES) >= 50


@pytest.mark.parametrize(("case", "run"), _runs())
def test_case(case: dict[str, Any], run: dict[str, Any]) -> None:
    checklist = checklist_from_dict(case["checklist"])
    answers, expect = run["answers"], run["expect"]
    got: dict[str, Any] = {
        "visible": [i.id for i in checklist.items() if checklist.is_visible(i, answers)],
        "answered": [i.id for i in checklist.answerable_items() if i.answered(answers.get(i.id))],
        "missing": [i.id for i in checklist.missing_for_final(answers)],
        "findings": [
            {"item": f.item, "rule": f.rule, "words": list(f.words)}
            for f in screen(checklist, answers)
        ],
    }
    result = evaluate(checklist, answers)
    if result is not None:
        got["score"] = {k: result[k] for k in expect.get("score", {})}
    expect = {"findings": [], **expect}
    valid_final = expect.pop("valid_final")
    assert got == expect

    schema = build_schema(checklist, "https://example.org/")
    form = {
        "checklist": checklist.id,
        "version": checklist.version,
        "language": checklist.language,
        "status": "final",
        "answers": {i.id: answers.get(i.id, i.blank()) for i in checklist.answerable_items()},
    }
    verdicts = {
        "jsonschema": jsonschema.Draft202012Validator(schema).is_valid(form),
        "jsonschema-rs": jsonschema_rs.Draft202012Validator(schema).is_valid(form),
    }
    assert verdicts == {"jsonschema": valid_final, "jsonschema-rs": valid_final}


def _table(key: str) -> list[Any]:
    return [
        pytest.param(text, want, id=f"{path.stem}: {text!r}")
        for path in FILES
        for text, want in _load(path).get(key, {}).items()
    ]


@pytest.mark.parametrize(("text", "want"), _table("has_visible_text"))
def test_visible_text(text: str, want: bool) -> None:
    assert has_visible_text(text) is want


@pytest.mark.parametrize(("text", "want"), _table("is_date"))
def test_date(text: str, want: bool) -> None:
    assert is_date(text) is want
    # and as the exported schema says it, in both validators
    schema = build_schema(
        checklist_from_dict(
            {
                "id": "d",
                "version": "1.0.0",
                "sections": [{"id": "s", "items": [{"id": "d", "kind": "date"}]}],
            }
        ),
        "https://example.org/",
    )
    form = {
        "checklist": "d",
        "version": "1.0.0",
        "language": "fr",
        "status": "draft",
        "answers": {"d": text},
    }
    assert jsonschema.Draft202012Validator(schema).is_valid(form) is want
    assert jsonschema_rs.Draft202012Validator(schema).is_valid(form) is want
