"""The fast indented JSON writer gives json.dumps's exact text, on any JSON value."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklist_forms.core.jsontext import dumps


def reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.tuples(children, children)
        | st.dictionaries(st.text(), children, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(values)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert dumps(value) == reference(value)


class Level(enum.IntEnum):
    LOW = 1


class Text(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {"b": 1, "a": [True, None, 1.5, -0.0, 1e300, 'é\u2028\x00"\\']},
        {"n": float("nan"), "i": float("-inf")},
        {2: "int keys", 1: "sorted as numbers"},
        {"level": Level.LOW, Text("message"): Text("à traduire")},
        [[], {}, [[]], {"": {}}],
        "",
        12345678901234567890,
    ],
)
def test_same_text_on_edge_values(value: Any) -> None:
    assert dumps(value) == reference(value)


def test_values_json_refuses_fail_as_in_json() -> None:
    with pytest.raises(TypeError):
        dumps({"when": object()})
    with pytest.raises(TypeError):
        dumps({1: "int key", "2": "text key"})  # json cannot sort them either
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        dumps(loop)


def test_the_published_files_use_it() -> None:
    from checklist_forms.core import schema

    data = {"z": [1, {"y": "é"}], "a": None}
    assert schema.dumps(data) == reference(data) + "\n"
