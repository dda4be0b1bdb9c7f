"""Finding a form's schema in a published tree of checklists (``index.json``).

Which tree a command reads is chosen by :mod:`checklist_forms.intake.locate`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist_forms.core.versions import version_key
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_
from checklist_forms.publish.tree import INDEX


class CatalogueError(Exception):
    """A catalogue that cannot be used (exit 2); ``message`` is translatable (a Later)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Entry:
    id: str
    version: str
    language: str
    title: str
    schema_file: Path
    form_file: Path


class Catalogue:
    """The schemas a validator can use, read from an ``index.json`` (top or per language)."""

    def __init__(self, root: Path, entries: list[Entry]) -> None:
        self.root = root
        self.entries = entries
        self._schemas: dict[Path, dict[str, Any]] = {}

    @classmethod
    def load(cls, root: Path) -> Catalogue:
        index = root / INDEX
        if not index.is_file():
            raise CatalogueError(
                Later(
                    N_(
                        "no checklist catalogue at {root} (missing {index}); pass --catalogue "
                        "with the folder holding index.json or the URL of a published site"
                    ),
                    root=str(root),
                    index=INDEX,
                )
            )
        try:
            data = json.loads(index.read_text(encoding="utf-8"))
            entries = [
                Entry(
                    id=e["id"],
                    version=e["version"],
                    language=e["language"],
                    title=e["title"],
                    schema_file=root / e["schema"],
                    form_file=root / e["form"],
                )
                for e in data["checklists"]
            ]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CatalogueError(
                Later(
                    N_("the catalogue {index} is unreadable: {why}"), index=str(index), why=str(exc)
                )
            ) from None
        return cls(root, entries)

    def versions(self, checklist_id: str) -> list[str]:
        return sorted({e.version for e in self.entries if e.id == checklist_id}, key=version_key)

    def ids(self) -> list[str]:
        return sorted({e.id for e in self.entries})

    def find(self, checklist_id: str, version: str, language: str | None = None) -> Entry | None:
        matches = [e for e in self.entries if e.id == checklist_id and e.version == version]
        for entry in matches:
            if entry.language == language:
                return entry
        return matches[0] if matches else None

    def schema(self, entry: Entry) -> dict[str, Any]:
        if entry.schema_file not in self._schemas:
            try:
                self._schemas[entry.schema_file] = json.loads(
                    entry.schema_file.read_text(encoding="utf-8")
                )
            except (OSError, ValueError) as exc:
                raise CatalogueError(
                    Later(
                        N_("schema {schema} is unreadable: {why}"),
                        schema=str(entry.schema_file),
                        why=str(exc),
                    )
                ) from None
        return self._schemas[entry.schema_file]
