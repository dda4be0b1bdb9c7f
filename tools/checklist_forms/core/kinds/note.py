"""``note``: text to read, never answered (no ``required``, no ``weight``)."""

from __future__ import annotations

from checklist_forms.core.kinds.base import Kind


class Note(Kind):
    name = "note"
    answerable = False

    def definition_keys(self) -> tuple[str, ...]:
        return tuple(k for k in super().definition_keys() if k not in ("required", "weight"))
