"""No definition and no filled form crashes the engine (Hypothesis)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from checklist_forms.core.definition import SUBTYPES, Subtype, build_checklist
from checklist_forms.core.model import ITEM_KINDS
from checklist_forms.core.schema import build_schema
from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.forms import LoadedForm
from checklist_forms.intake.validate import Validator
from checklist_forms.publish.tree import render_tree, write_tree

from helpers import BASE_URL, all_kinds

KEYS = [
    "id", "kind", "label", "help", "required", "visible_if", "weight", "must_have", "choices",
    "levels", "min", "max", "multiline", "max_length", "value", "anchor", "item", "equals",
    "any_of", "answered", "sections", "items", "title", "intro", "scoring", "method", "outcomes",
    "points", "renamed", "from", "to", "since", "requried", "display",
]  # fmt: skip
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=True), st.text(max_size=8),
    st.sampled_from([*ITEM_KINDS, "a", "b", "x-y", "1.0.0"]),
)  # fmt: skip
json_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10)
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(tree=trees)
def test_any_yaml_tree_gives_problems_not_exceptions(tree: Any) -> None:
    body = yaml.safe_dump(
        {"sections": tree} if not isinstance(tree, dict) else tree, allow_unicode=True
    )
    checklist, problems = build_checklist("essai", {"version": "1.0.0", "title": "Essai"}, body)
    assert all(p.subtype in SUBTYPES for p in problems)
    if checklist is not None:
        Draft202012Validator.check_schema(build_schema(checklist, BASE_URL))


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_gives_problems_not_exceptions(text: str) -> None:
    _, problems = build_checklist("essai", {"version": "1.0.0", "title": "Essai"}, text)
    assert all(p.subtype in SUBTYPES for p in problems)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(st.sampled_from(["checklist", "version", "language", "status", "answers", "x"]), json_values),
       answers=st.dictionaries(st.sampled_from([i.id for i in all_kinds().answerable_items()] + ["zz"]), json_values))  # fmt: skip
def test_any_form_gives_a_verdict(
    tmp_path_factory: Any, data: dict[str, Any], answers: dict[str, Any]
) -> None:
    folder = Path(tmp_path_factory.mktemp("cat", numbered=True))
    write_tree(folder, render_tree([(all_kinds(), "index")], BASE_URL))
    validator = Validator(Catalogue.load(folder))
    form = dict(data, checklist="toutes-sortes", version="1.2.0", answers=answers)
    result = validator.validate(LoadedForm("f.json", form))
    assert all(isinstance(e.message, str) and e.message for e in result.errors)


answer_values = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 80), st.floats(-1, 80, allow_nan=False),
    st.sampled_from(["", " ", "\x1c", "\u00a0", "texte", "faible", "fort", "forum", "2026-01-31", "2026-02-30"]),
    st.lists(st.sampled_from(["forum", "discord", "mail", "x"]), max_size=3),
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    answers=st.fixed_dictionaries(
        {}, optional={i.id: answer_values for i in all_kinds().answerable_items()}
    )
)
def test_final_rule_and_second_validator_agree(answers: dict[str, Any]) -> None:
    """Python's "missing for final", jsonschema and jsonschema-rs reach one verdict."""
    import jsonschema_rs
    from jsonschema import FormatChecker

    checklist = all_kinds()
    schema = build_schema(checklist, BASE_URL)
    ours = Draft202012Validator(schema, format_checker=FormatChecker())
    other = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    for status in ("draft", "final"):
        form = {
            "checklist": checklist.id,
            "version": checklist.version,
            "language": "fr",
            "status": status,
            "answers": answers,
        }
        verdict = ours.is_valid(form)
        assert verdict == other.is_valid(form), status
        if status == "final" and ours.is_valid(dict(form, status="draft")):
            assert verdict == (not checklist.missing_for_final(answers))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(st.sampled_from(["language", "status", "acknowledged", "x"]), json_values),
       answers=st.dictionaries(st.sampled_from([i.id for i in all_kinds().answerable_items()] + ["zz"]),
                               st.one_of(answer_values, json_values)))  # fmt: skip
def test_both_validators_word_a_form_the_same_way(
    tmp_path_factory: Any, data: dict[str, Any], answers: dict[str, Any]
) -> None:
    """Messages made from jsonschema-rs's errors are the ones jsonschema's would give."""
    folder = Path(tmp_path_factory.mktemp("cat", numbered=True))
    write_tree(folder, render_tree([(all_kinds(), "index")], BASE_URL))
    catalogue = Catalogue.load(folder)
    form = LoadedForm(
        "f.json", dict(data, checklist="toutes-sortes", version="1.2.0", answers=answers)
    )
    fast = Validator(catalogue).validate(form)
    slow = Validator(catalogue, fast=False).validate(form)
    assert fast.as_dict() == slow.as_dict()


def _seed_bodies() -> list[str]:
    """The YAML bodies of the test checklists, as mutation seeds."""
    bodies = []
    for path in sorted((Path(__file__).parent / "data").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "```{checklist}" in text:
            block = text.split("```{checklist}", 1)[1].split("\n```", 1)[0]
            bodies.append("\n".join(ln for ln in block.splitlines()[1:] if not ln.startswith(":")))
    return bodies


SEEDS = _seed_bodies()
# Fragments that reach the reader's refusals and bounds: tags, anchors and aliases,
# control characters, numbers JSON cannot hold, flow collections, duplicate keys.
FRAGMENTS = [
    ":", "- ", "  ", "\n", "!!bool ", "!!int ", "!x ", "&a ", "*a", "\x07", "\x00", '"',
    "{", "[", "}", "]", "9" * 400, ".inf", ".nan", "1.5", "yes", "~", "id: a\n", "#",
    "kind: rating\n", "visible_if: {item: a, equals: 1}\n", "choices: []\n", "? [a]\n",
]  # fmt: skip


@st.composite
def mutated_bodies(draw: st.DrawFn) -> str:
    body = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        lines = body.splitlines(keepends=True)
        where = draw(st.integers(0, max(len(lines) - 1, 0)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "replace"]))
        if action == "delete" and lines:
            del lines[where]
        elif action == "duplicate" and lines:
            lines.insert(where, lines[where])
        else:
            line = lines[where] if lines else ""
            at = draw(st.integers(0, len(line)))
            cut = at + (draw(st.integers(0, 6)) if action == "replace" else 0)
            fragment = draw(st.sampled_from(FRAGMENTS) | st.text(max_size=4))
            lines[where : where + 1] = [line[:at] + fragment + line[cut:]]
        body = "".join(lines)
    return body


@settings(max_examples=400, deadline=None)
@given(body=mutated_bodies() | trees.map(lambda t: yaml.safe_dump({"sections": t})))
def test_mutated_definitions_give_located_declared_problems(body: str) -> None:
    """Any body: no exception, and each problem has a declared subtype and a line in it."""
    checklist, problems = build_checklist("essai", {"version": "1.0.0", "title": "Essai"}, body)
    assert (checklist is None) == bool(problems)
    for problem in problems:
        assert isinstance(problem.subtype, Subtype)
        if problem.message != "the checklist has no body: add 'sections'":
            assert problem.line is not None, problem
            assert 0 <= problem.line <= body.count("\n") + 1, problem
    if checklist is not None:
        Draft202012Validator.check_schema(build_schema(checklist, BASE_URL))
