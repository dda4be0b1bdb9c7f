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

from checklist_forms.core.answered import answer_rules, has_visible_text, is_date
from checklist_forms.core.guard import screen
from checklist_forms.core.model import checklist_from_dict
from checklist_forms.core.schema import build_schema
from checklist_forms.core.score import evaluate
from checklist_forms.publish.form_html import Links, page_data, render_checklist, script_json

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


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_the_page_carries_every_rule(path: Path) -> None:
    """Node runs the cases' definitions; the page gets page_data's: they must not differ
    in anything the rules read (only page texts and false defaults are left out)."""
    definition = _load(path)["checklist"]
    checklist = checklist_from_dict(definition)
    data = page_data(checklist, Links(schema="s.json", form="f.json"))
    rules = json.loads(script_json(data))
    assert rules["answer_rules"] == answer_rules()
    sent = [i for s in rules["checklist"]["sections"] for i in s["items"]]
    full = [i for s in checklist.to_dict()["sections"] for i in s["items"]]
    assert len(sent) == len(full)
    for got, item in zip(sent, full, strict=True):
        kept = {
            k: v
            for k, v in item.items()
            if k not in ("label", "help", "placeholder")
            and not (k in ("required", "multiline") and v is False)
        }
        for key in ("choices", "levels"):
            if key in kept:
                kept[key] = [
                    {k: v for k, v in c.items() if k not in ("label", "help", "anchor")}
                    for c in kept[key]
                ]
        assert got == kept
    assert rules["checklist"].get("scoring") == checklist.to_dict().get("scoring")


def test_the_data_block_cannot_close_its_script() -> None:
    text = script_json({"label": "</script><script>alert(1)</script> & <!-- \u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"label": "</script><script>alert(1)</script> & <!-- \u2028\u2029"}


def test_a_label_cannot_close_the_data_block() -> None:
    evil = "</script><script>alert(1)</script>"
    checklist = checklist_from_dict(
        {
            "id": "x",
            "version": "1.0.0",
            "title": evil,
            "scoring": {"method": "tally", "outcomes": [{"id": "o", "label": evil}]},
            "sections": [
                {
                    "id": "s",
                    "title": evil,
                    "items": [{"id": "a", "kind": "checkbox", "label": evil}],
                }
            ],
        }
    )
    html = render_checklist(checklist, Links(schema="s.json", form="f.json"))
    assert html.count("<script") == 1 and html.count("</script>") == 1
