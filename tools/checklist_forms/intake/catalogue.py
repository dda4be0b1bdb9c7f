"""Finding a form's schema in a published tree of checklists (``index.json``).

Which catalogue a command reads (:func:`locate`), first match wins:

1. ``--catalogue``: a folder holding ``index.json``, or the URL of a published site
   (fetched, see :mod:`checklist_forms.intake.remote`);
2. a ``checklists/index.json`` of this project in the current folder or one of its
   parents: inside a clone, the contributor's own exports win;
3. the catalogue packaged with the tool (every published version, both languages), so an
   installed ``checklist-forms`` works from any folder with no clone and no network.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist_forms.core.versions import version_key
from checklist_forms.publish.tree import FORMAT, INDEX

# The folder of the packaged catalogue, inside the installed package (setup.py copies
# checklists/ there when the wheel is built).
PACKAGED = Path(__file__).resolve().parents[1] / "catalogue"
# Run from a clone (editable install, or tools/ on the path), the package has no copy:
# the clone's own checklists/ is the packaged catalogue.
SOURCE_TREE = Path(__file__).resolve().parents[3] / "checklists"


class CatalogueError(Exception):
    pass


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
                f"no checklist catalogue at {root} (missing {INDEX}); pass --catalogue with "
                "the folder holding index.json or the URL of a published site"
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
            raise CatalogueError(f"the catalogue {index} is unreadable: {exc}") from None
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
                raise CatalogueError(f"schema {entry.schema_file} is unreadable: {exc}") from None
        return self._schemas[entry.schema_file]


def is_project_index(index: Path) -> bool:
    """True when ``index`` is a catalogue index written by this project's export.

    Another project's ``checklists/index.json`` up the folder tree must not hide the
    packaged catalogue: ours is an object with our ``format`` and a ``checklists`` list.
    """
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and isinstance(data.get("checklists"), list)
    )


def packaged_root() -> Path | None:
    """The catalogue shipped with the tool, or None in a build without it."""
    for root in (PACKAGED, SOURCE_TREE):
        if is_project_index(root / INDEX):
            return root
    return None


def local_root(start: Path) -> Path | None:
    """The nearest ``checklists/`` of this project in ``start`` or its parents."""
    for folder in (start, *start.parents):
        candidate = folder / "checklists"
        if is_project_index(candidate / INDEX):
            return candidate
    return None


def locate(explicit: str | None, start: Path | None = None) -> Catalogue:
    """The catalogue a command reads, in the order the module's docstring gives."""
    if explicit:
        if "://" in explicit:
            from checklist_forms.intake.remote import fetch_catalogue

            return fetch_catalogue(explicit)
        return Catalogue.load(Path(explicit))
    root = local_root((start or Path.cwd()).resolve()) or packaged_root()
    if root is None:
        raise CatalogueError(
            "no checklist catalogue: this installation carries none and no checklists/ "
            "folder is here; pass --catalogue with a folder or a site's URL"
        )
    return Catalogue.load(root)
