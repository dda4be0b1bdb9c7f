"""Word a schema error the way a contributor reads it, at the line it is about.

jsonschema says *which* keyword failed *where*; this module turns that into the
language's own sentences ("'min' of item 'h' must be a number, not 'dix'") and a
``checklist.<subtype>``. The key tables used for suggestions are read from the schema.
"""

from __future__ import annotations

import difflib
from functools import cache
from typing import TYPE_CHECKING, Any

from checklist_forms.core.definition.language import definition_schema
from checklist_forms.core.definition.places import place_of
from checklist_forms.core.definition.problems import Problem, Subtype
from checklist_forms.core.definition.yaml_source import Path, Source
from checklist_forms.core.model import ITEM_KINDS, SLUG

if TYPE_CHECKING:  # only the slow path, after a failed check, imports jsonschema
    from jsonschema import ValidationError

_TYPE_WORDS = {
    "string": "text",
    "boolean": "true or false",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
}
_EMPTY_PATTERN = "\\S"
_CONDITION_MODES = "'equals', 'any_of' or 'answered'"


def _defs() -> dict[str, Any]:
    defs: dict[str, Any] = definition_schema()["$defs"]
    return defs


def _properties(definition: dict[str, Any]) -> list[str]:
    """The keys a definition allows, following its ``$ref``."""
    keys = list(definition.get("properties", {}))
    ref = definition.get("$ref", "")
    if ref.startswith("#/$defs/"):
        keys += _properties(_defs()[ref.removeprefix("#/$defs/")])
    return keys


@cache
def item_keys(kind: str) -> tuple[str, ...]:
    """The keys an item of ``kind`` may have (every item key for an unknown kind)."""
    common = _properties(_defs()["item"])
    kinds = [kind] if kind in ITEM_KINDS else list(ITEM_KINDS)
    extra = [key for k in kinds for key in _properties(_defs()[k])]
    return tuple(dict.fromkeys(common + extra))


def word_error(error: ValidationError, source: Source) -> list[Problem]:
    path: Path = tuple(error.absolute_path)
    keyword = str(error.validator)
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        return _unknown_keys(error, path, source)
    if keyword == "required":
        return _missing(error, path, source)
    if keyword == "oneOf":
        message = f"{place_of(source, path)} needs exactly one of {_CONDITION_MODES}"
        return [Problem(Subtype.VISIBLE_IF, message, source.line(path))]
    if not path:
        if keyword == "type":
            message = f"the checklist must be a mapping of keys, not {source.describe(path)}"
            return [Problem(Subtype.BAD_VALUE, message, source.line(path))]
        return []
    return [_about_value(error, path, source, keyword)]


def _about_value(error: ValidationError, path: Path, source: Source, keyword: str) -> Problem:
    key, owner = path[-1], path[:-1]
    line = source.line(path)
    where = place_of(source, owner)
    shown = source.describe(path)
    expected = error.validator_value
    if owner and owner[-1] == "points":
        message = f"points for {key!r} in {place_of(source, owner[:-1])} must be a number"
        return Problem(Subtype.BAD_VALUE, message, line)
    if (owner and owner[-1] == "any_of") or key in ("equals", "any_of", "answered"):
        return Problem(Subtype.VISIBLE_IF, _condition_value(path, source), line)
    if isinstance(key, int) or (keyword == "type" and expected == "object"):
        if key == "points":
            message = f"'points' of {where} must map outcome ids to numbers"
        else:
            message = f"{place_of(source, path)} must be a mapping of keys, not {shown}"
        return Problem(Subtype.BAD_VALUE, message, line)
    if keyword == "type":
        # Infinities and NaN are kept as their text (JSON has no such numbers).
        if isinstance(error.instance, str) and source.values[path].tag.endswith(":float"):
            return Problem(Subtype.BAD_VALUE, f"{key!r} of {where} must be a finite number", line)
        words = _TYPE_WORDS.get(str(expected), str(expected))
        return Problem(Subtype.BAD_VALUE, f"{key!r} of {where} must be {words}, not {shown}", line)
    if keyword == "minItems":
        return _empty_list(path, source)
    if keyword == "enum":
        return _not_listed(key, where, error.instance, expected, line)
    if keyword == "minimum":
        return Problem(Subtype.BAD_VALUE, f"{key!r} of {where} must be at least {expected:g}", line)
    if keyword == "maximum":
        return Problem(Subtype.BAD_VALUE, f"{key!r} of {where} must be at most {expected:g}", line)
    if keyword == "pattern":
        return _pattern(key, where, error.instance, str(expected), line)
    return Problem(Subtype.BAD_VALUE, f"{key!r} of {where}: {error.message}", line)


def _condition_value(path: Path, source: Source) -> str:
    if path[-1] == "answered":
        mode, rule = "answered", "must be true or false"
    elif path[-1] == "equals":
        mode, rule = "equals", "must be a single value"
    else:
        mode, rule = "any_of", "must be a non-empty list of single values"
    condition = path[: path.index(mode)] if mode in path else path[:-1]
    return f"{mode!r} in {place_of(source, condition)} {rule}"


def _empty_list(path: Path, source: Source) -> Problem:
    key, owner = path[-1], path[:-1]
    line = source.line(path)
    if key == "choices":
        message = f"{place_of(source, owner)} has no choices: add a 'choices' list"
        return Problem(Subtype.NO_CHOICES, message, line)
    if key == "levels":
        return Problem(Subtype.NO_CHOICES, _no_levels(place_of(source, owner)), line)
    return Problem(Subtype.MISSING_KEY, f"{key!r} of {place_of(source, owner)} is empty", line)


def _no_levels(item: str) -> str:
    return f"{item} has no levels: add a 'levels' list with an anchor per level"


def _not_listed(key: Any, where: str, value: Any, allowed: Any, line: int | None) -> Problem:
    if key == "kind":
        kind = str(value)
        hint = difflib.get_close_matches(kind, ITEM_KINDS, n=1)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        message = f"{where} has unknown kind {kind!r}{suggestion}; kinds: {', '.join(ITEM_KINDS)}"
        return Problem(Subtype.UNKNOWN_KIND, message, line)
    choices = " or ".join(repr(a) for a in allowed)
    if key == "method":
        return Problem(
            Subtype.BAD_VALUE, f"'method' of {where} must be {choices}, not {value!r}", line
        )
    return Problem(Subtype.BAD_VALUE, f"{key!r} of {where} must be {choices}", line)


def _pattern(key: Any, where: str, value: Any, pattern: str, line: int | None) -> Problem:
    if pattern == SLUG.pattern:
        message = (
            f"{key!r} {value!r} of {where} must be a slug: lowercase letters, digits and hyphens"
        )
        return Problem(Subtype.BAD_VALUE, message, line)
    if pattern == _EMPTY_PATTERN:
        return Problem(Subtype.MISSING_KEY, f"{key!r} of {where} is empty", line)
    if key == "since":
        message = f"'since' of {where} must be a version like 1.2.0, not {value!r}"
        return Problem(Subtype.BAD_VERSION, message, line)
    control = next((c for c in str(value) if _is_control(c)), "")
    message = (
        f"{key!r} of {where} contains the control character U+{ord(control):04X}, which a "
        "form or workbook cannot show: remove it"
    )
    return Problem(Subtype.BAD_VALUE, message, line)


def _is_control(char: str) -> bool:
    return (ord(char) < 32 and char not in "\t\n\r") or char == "\x7f"


def _missing(error: ValidationError, path: Path, source: Source) -> list[Problem]:
    instance = error.instance if isinstance(error.instance, dict) else {}
    where = place_of(source, path)
    line = source.line(path)
    problems = []
    for key in error.validator_value if isinstance(error.validator_value, list) else []:
        if key in instance:
            continue
        if key == "kind":
            message = f"{where} has no 'kind'; kinds: {', '.join(ITEM_KINDS)}"
            problems.append(Problem(Subtype.MISSING_KEY, message, line))
        elif key == "choices":
            message = f"{where} has no choices: add a 'choices' list"
            problems.append(Problem(Subtype.NO_CHOICES, message, line))
        elif key == "levels":
            problems.append(Problem(Subtype.NO_CHOICES, _no_levels(where), line))
        elif key == "item" and path and path[-1] in ("visible_if", "when"):
            problems.append(Problem(Subtype.VISIBLE_IF, f"{where} names no 'item'", line))
        elif key == "when":
            problems.append(Problem(Subtype.MISSING_KEY, f"{where} has no 'when' condition", line))
        else:
            problems.append(Problem(Subtype.MISSING_KEY, f"{where} has no {key!r}", line))
    return problems


def _unknown_keys(error: ValidationError, path: Path, source: Source) -> list[Problem]:
    instance = error.instance if isinstance(error.instance, dict) else {}
    where = place_of(source, path)
    kind = ""
    if error.validator == "unevaluatedProperties":
        kind = str(instance.get("kind", ""))
        allowed = item_keys(kind)
    else:
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = tuple(schema.get("properties", {}))
    problems = []
    for key in instance:
        if key in allowed:
            continue
        hint = difflib.get_close_matches(key, allowed, n=1)
        if kind in ITEM_KINDS and key in item_keys(""):
            detail = f" (not used by a {kind} item)"
        elif hint:
            detail = f" (did you mean {hint[0]!r}?)"
        else:
            detail = f"; known keys: {', '.join(allowed)}"
        message = f"unknown key {key!r} in {where}{detail}"
        problems.append(Problem(Subtype.UNKNOWN_KEY, message, source.key_line((*path, key))))
    return problems
