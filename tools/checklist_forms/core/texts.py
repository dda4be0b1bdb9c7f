"""The translatable texts of a definition, addressed by path.

The Sphinx extension turns each text into a node that gettext extracts and translates,
then writes the (translated) texts back into the definition with :func:`apply_texts`.
Keeping both directions here means the model stays the single description of which
fields are prose and which are structure.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

_TEXT_KEYS = (
    "title", "intro", "audience", "label", "help", "anchor", "placeholder", "unit", "message",
)  # fmt: skip


def iter_texts(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Yield ``(path, text)`` for every prose field of a definition dict, in document order."""
    for key, value in data.items():
        path = f"{prefix}{key}"
        if key in _TEXT_KEYS and isinstance(value, str) and value:
            yield path, value
        elif isinstance(value, Mapping) and key not in ("points", "visible_if", "when"):
            yield from iter_texts(value, f"{path}/")
        elif isinstance(value, list) and not (key == "choices" and data.get("choices_from")):
            # Choices taken from a list (countries) are named in each language already.
            for index, element in enumerate(value):
                if isinstance(element, Mapping):
                    yield from iter_texts(element, f"{path}/{index}/")


def apply_texts(data: dict[str, Any], texts: Mapping[str, str]) -> dict[str, Any]:
    """Return a copy of ``data`` whose prose fields are replaced by ``texts`` (by path)."""
    out: Any = _copy(data)
    for path, text in texts.items():
        target = out
        parts = path.split("/")
        for part in parts[:-1]:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[parts[-1]] = text
    return dict(out)


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_copy(v) for v in value]
    return value
