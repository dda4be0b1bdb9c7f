"""Check the body against the definition schema and word each error for contributors.

``data/checklist-definition.schema.json`` is the one description of the language's shape
(keys, kinds, types, ranges); editors read the same file to complete and check YAML.
The schema speaks JSON, so a plain YAML scalar written where text is expected
(``label: 12``, ``value: no``) is read as the text it shows, as the language always did.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from checklist_forms.core.definition.language import definition_schema
from checklist_forms.core.definition.messages import word_error
from checklist_forms.core.definition.problems import Problem
from checklist_forms.core.definition.yaml_source import Path, Source

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError


# jsonschema is imported only when a definition fails the fast check: Sphinx loads this
# module for every build, and jsonschema with its dependencies takes longer to import
# than checking every correct checklist of a site.
@cache
def _fast() -> Any:
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(definition_schema())


@cache
def _slow() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(definition_schema())


def _is_valid(data: Any) -> bool:
    """The fast verdict: jsonschema-rs, which gives up on numbers beyond 64 bits."""
    try:
        return bool(_fast().is_valid(data))
    except (ValueError, OverflowError):
        return _slow().is_valid(data)


def check_shape(source: Source) -> list[Problem]:
    """Problems of shape, each at the line of the key or value it is about."""
    if _is_valid(source.data):
        return []
    errors = _errors_after_reading_plain_text(source)
    problems: list[Problem] = []
    for error in errors:
        problems.extend(word_error(error, source))
    return problems


def _errors_after_reading_plain_text(source: Source) -> list[ValidationError]:
    """Errors, once plain scalars written where text is wanted are read as text.

    ``label: 12`` or ``value: no`` are text to whoever wrote them; each pass turns the
    scalars the schema wanted as text into the text written, which can uncover more
    (a slug now checked against its pattern), so it repeats until nothing changes.
    """
    slow = _slow()
    for _ in range(4):
        errors = sorted(slow.iter_errors(source.data), key=_order)
        wanted_text = [e for e in errors if _wants_text(e, source)]
        if not wanted_text:
            return errors
        for error in wanted_text:
            path = tuple(error.absolute_path)
            _replace(source, path, source.raw(path) or "")
    return errors


def _wants_text(error: ValidationError, source: Source) -> bool:
    expected = error.validator_value
    types = expected if isinstance(expected, list) else [expected]
    return (
        error.validator == "type"
        and "string" in types
        and isinstance(error.instance, bool | int | float)
        and source.is_plain_scalar(tuple(error.absolute_path))
    )


def _replace(source: Source, path: Path, value: Any) -> None:
    holder = source.data
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = value


def _order(error: ValidationError) -> tuple[str, str]:
    return (json.dumps(list(error.absolute_path)), json.dumps(list(error.schema_path)))
