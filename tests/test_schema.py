"""Definition -> JSON Schema and blank form, without Sphinx."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from checklist_forms.core.schema import blank_form, build_schema, dumps
from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.forms import LoadedForm
from checklist_forms.intake.validate import Validator
from checklist_forms.publish.tree import render_tree, write_tree

from helpers import BASE_URL, all_kinds, final_answers


def form(answers: dict[str, Any], status: str = "final", **extra: Any) -> dict[str, Any]:
    data = {
        "checklist": "toutes-sortes",
        "version": "1.2.0",
        "language": "fr",
        "status": status,
        "answers": answers,
    }
    data.update(extra)
    return data


def with_answers(**changes: Any) -> dict[str, Any]:
    answers = final_answers()
    for key, value in changes.items():
        key = key.replace("_", "-")
        if value is KeyError:
            answers.pop(key, None)
        else:
            answers[key] = value
    return answers


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return build_schema(all_kinds(), BASE_URL)


@pytest.fixture
def validator(tmp_path: Path) -> Validator:
    write_tree(tmp_path, render_tree([(all_kinds(), "index")], BASE_URL))
    return Validator(Catalogue.load(tmp_path))


def test_an_error_only_jsonschema_can_word_goes_to_jsonschema(validator: Validator) -> None:
    """The acknowledged-list message quotes the validator; jsonschema-rs words it otherwise."""
    form = {
        "checklist": "toutes-sortes",
        "version": "1.2.0",
        "language": "fr",
        "status": "draft",
        "answers": {},
    }
    result = validator.validate(LoadedForm("f.json", dict(form, acknowledged=[3])))
    assert [e.message for e in result.errors] == [
        "acknowledged findings must be a list of \"item:rule\" strings: 3 is not of type 'string'"
    ]


def test_schema_is_a_valid_2020_12_schema(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{BASE_URL}checklists/toutes-sortes/1.2.0/schema.json"
    assert schema["additionalProperties"] is False
    assert schema["properties"]["answers"]["additionalProperties"] is False


def test_choices_are_labelled_consts(schema: dict[str, Any]) -> None:
    volume = schema["properties"]["answers"]["properties"]["volume"]
    assert volume["oneOf"][:3] == [
        {"const": "faible", "title": "Faible"},
        {"const": "moyen", "title": "Moyen"},
        {"const": "fort", "title": "Fort"},
    ]
    assert schema["properties"]["answers"]["properties"]["case"]["description"] == "Cochez-la."


def test_only_one_extension_keyword(schema: dict[str, Any]) -> None:
    def keys(node: Any) -> set[str]:
        found: set[str] = set()
        if isinstance(node, dict):
            for key, value in node.items():
                if key.startswith("x-"):
                    found.add(key)
                elif key not in ("properties",):
                    found |= keys(value)
                else:
                    for sub in value.values():
                        found |= keys(sub)
        elif isinstance(node, list):
            for value in node:
                found |= keys(value)
        return found

    assert keys(schema) == {"x-checklist"}


def test_note_is_not_an_answer(schema: dict[str, Any]) -> None:
    assert "a-savoir" not in schema["properties"]["answers"]["properties"]
    assert "a-savoir" not in blank_form(all_kinds(), BASE_URL)["answers"]


def test_blank_form_is_a_valid_draft_and_an_invalid_final(validator: Validator) -> None:
    blank = blank_form(all_kinds(), BASE_URL)
    assert validator.validate(LoadedForm("blank.json", blank)).valid
    final = dict(blank, status="final")
    result = validator.validate(LoadedForm("blank.json", final))
    assert not result.valid
    assert {e.item for e in result.errors} == {"case", "volume", "heures"}


def test_complete_form_is_final(validator: Validator) -> None:
    result = validator.validate(LoadedForm("f.json", form(final_answers())))
    assert result.valid, result.errors


def test_hidden_required_item_is_not_required(validator: Validator) -> None:
    answers = with_answers(volume="fort", detail_faible=None)
    assert validator.validate(LoadedForm("f.json", form(answers))).valid


def test_visible_required_item_is_required(validator: Validator) -> None:
    result = validator.validate(LoadedForm("f.json", form(with_answers(detail_faible="   "))))
    assert [(e.item, e.label) for e in result.errors] == [("detail-faible", "Pourquoi si peu ?")]
    assert "text is empty" in result.errors[0].message


def test_condition_on_rating_is_strict_about_booleans(validator: Validator) -> None:
    # The "suite" box is required only when the rating is 4; at 4 it must be ticked.
    result = validator.validate(LoadedForm("f.json", form(with_answers(niveau=4))))
    assert [e.item for e in result.errors] == ["suite"]
    assert validator.validate(LoadedForm("f.json", form(with_answers(niveau=4, suite=True)))).valid


def test_wrong_choice_names_the_allowed_labels(validator: Validator) -> None:
    result = validator.validate(
        LoadedForm("f.json", form(with_answers(volume="enorme"), status="draft"))
    )
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.item == "volume"
    assert error.label == "Quel volume ?"
    assert '"enorme" is not one of the allowed answers' in error.message
    assert '"faible" (Faible)' in error.message


@pytest.mark.parametrize(
    ("changes", "item", "words"),
    [
        ({"case": "oui"}, "case", "expects true or false"),
        ({"heures": 80}, "heures", "above the maximum 70"),
        ({"heures": -1}, "heures", "below the minimum 0"),
        ({"heures": "dix"}, "heures", "expects a number"),
        ({"echeance": "31/12/2026"}, "echeance", "not a date written YYYY-MM-DD"),
        ({"precision-forum": "x" * 51}, "precision-forum", "at most 50 are allowed"),
        ({"canaux": ["forum", "forum"]}, "canaux", "selected twice"),
        ({"canaux": ["forum", "discord", "mail"]}, "canaux", "at most 2 are allowed"),
        ({"canaux": ["pigeon"]}, "canaux", "not one of the allowed answers"),
        ({"niveau": 5}, "niveau", "not one of the allowed answers: 1 (Insuffisant)"),
        ({"niveau": True}, "niveau", "not one of the allowed answers"),
        ({"inconnu": 1}, "inconnu", "unknown item"),
        ({"volumes": "fort"}, "volumes", "did you mean 'volume'?"),
    ],
)
def test_type_errors_are_plain_words(
    validator: Validator, changes: dict[str, Any], item: str, words: str
) -> None:
    answers = final_answers()
    answers.update(changes)
    result = validator.validate(LoadedForm("f.json", form(answers, status="draft")))
    assert not result.valid
    messages = [e.message for e in result.errors if e.item == item]
    assert messages and any(words in m for m in messages), result.errors


def test_top_level_errors(validator: Validator) -> None:
    data = form(final_answers(), status="fini", extra="x")
    del data["language"]
    messages = [e.message for e in validator.validate(LoadedForm("f.json", data)).errors]
    assert "the form has no 'language' key" in messages
    assert "unknown key 'extra' at the top of the form" in messages
    assert 'status must be "draft" or "final", not "fini"' in messages


def test_french_form_validates_against_any_language_schema(validator: Validator) -> None:
    assert validator.validate(LoadedForm("f.json", form(final_answers(), language="en"))).valid


def test_dumps_is_deterministic() -> None:
    one = dumps(build_schema(all_kinds(), BASE_URL))
    two = dumps(build_schema(all_kinds(), BASE_URL))
    assert one == two
    assert one.endswith("\n") and json.loads(one)


# -- a second, independent validator ---------------------------------------------------

FIXTURES: list[tuple[str, dict[str, Any], bool]] = []


def _fixtures() -> list[tuple[str, dict[str, Any]]]:
    blank = blank_form(all_kinds(), BASE_URL)
    cases = {
        "blank-draft": blank,
        "blank-final": dict(blank, status="final"),
        "complete": form(final_answers()),
        "hidden-required": form(with_answers(volume="fort", detail_faible=None)),
        "empty-text": form(with_answers(detail_faible=" ")),
        "rating-4-no-box": form(with_answers(niveau=4)),
        "rating-4-box": form(with_answers(niveau=4, suite=True)),
        "bad-choice": form(with_answers(volume="x"), status="draft"),
        "bool-rating": form(with_answers(niveau=True)),
        "float-hours": form(with_answers(heures=12.5)),
        "bad-date": form(with_answers(echeance="2026-02-30")),
        "unknown-item": form(dict(final_answers(), zzz=1)),
        "missing-answers-key": {k: v for k, v in form(final_answers()).items() if k != "answers"},
        "bad-status": form(final_answers(), status="done"),
        "no-channel": form(with_answers(canaux=[], precision_forum=None)),
        "too-long": form(with_answers(precision_forum="y" * 51)),
        "acknowledged": form(final_answers(), acknowledged=["detail-faible:age"]),
        "bad-acknowledged": form(final_answers(), acknowledged=["nope"]),
    }
    return sorted(cases.items())


@pytest.mark.parametrize(("name", "data"), _fixtures(), ids=[n for n, _ in _fixtures()])
def test_jsonschema_rs_agrees(schema: dict[str, Any], name: str, data: dict[str, Any]) -> None:
    ours = Draft202012Validator(schema, format_checker=FormatChecker()).is_valid(data)
    other = jsonschema_rs.Draft202012Validator(schema, validate_formats=True).is_valid(data)
    assert ours == other, name


def test_fixtures_cover_both_verdicts(schema: dict[str, Any]) -> None:
    verdicts = {
        Draft202012Validator(schema, format_checker=FormatChecker()).is_valid(d)
        for _, d in _fixtures()
    }
    assert verdicts == {True, False}


def test_python_final_rule_matches_schema(schema: dict[str, Any]) -> None:
    """The report's "missing for final" and the schema's verdict come from one definition."""
    checklist = all_kinds()
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for _, data in _fixtures():
        if not isinstance(data.get("answers"), dict) or data.get("status") != "final":
            continue
        draft = copy.deepcopy(data)
        draft["status"] = "draft"
        if not validator.is_valid(draft):
            continue  # type errors, not completeness
        assert validator.is_valid(data) == (not checklist.missing_for_final(data["answers"]))
