"""Name a place of the body the way messages talk about it: "item 'budget'",
"choice 2 of item 'canal'", "the condition of item 'detail'"...

A place is named from the data itself, so a message reads the same whichever check
found the problem (the schema or a cross-reference).
"""

from __future__ import annotations

from typing import Any

from checklist_forms.core.definition.yaml_source import Path, Source
from checklist_forms.core.model import SLUG


def _at(data: Any, path: Path) -> Any:
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def section_name(source: Source, index: int) -> str:
    ident = _at(source.data, ("sections", index, "id"))
    if isinstance(ident, str) and SLUG.match(ident):
        return f"section {ident!r}"
    return f"section {index + 1}"


def item_name(source: Source, section: int, index: int) -> str:
    path: Path = ("sections", section, "items", index)
    ident = source.raw((*path, "id")) if isinstance(_at(source.data, path), dict) else None
    if ident:
        return f"item {ident!r}"
    return f"item {index + 1} of {section_name(source, section)}"


def place_of(source: Source, path: Path) -> str:
    """The name of the mapping (or list element) at ``path``."""
    match path:
        case ():
            return "the checklist"
        case ("sections", int(s)):
            return section_name(source, s)
        case ("sections", int(s), "items", int(i)):
            return item_name(source, s, i)
        case ("sections", int(s), "items", int(i), "choices", int(c)):
            return f"choice {c + 1} of {item_name(source, s, i)}"
        case ("sections", int(s), "items", int(i), "levels", int(c)):
            return f"level {c + 1} of {item_name(source, s, i)}"
        case ("sections", int(s), "items", int(i), "visible_if"):
            return f"the condition of {item_name(source, s, i)}"
        case ("scoring",):
            return "'scoring'"
        case ("scoring", "outcomes", int(o)):
            return f"outcome {o + 1} of 'scoring'"
        case ("scoring", "flags", int(f)):
            return f"flag {f + 1} of 'scoring'"
        case ("scoring", "flags", int(f), "when"):
            return f"the condition of flag {f + 1} of 'scoring'"
        case ("renamed", int(r)):
            return f"rename {r + 1}"
        case ("rules", int(r)):
            return f"rule {r + 1}"
    # Points, and anything deeper: the place that holds it.
    return place_of(source, path[:-1]) if path else "the checklist"


def value_at(source: Source, path: Path) -> Any:
    return _at(source.data, path)
