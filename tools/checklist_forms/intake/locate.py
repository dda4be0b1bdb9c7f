"""Which catalogue of checklists a command reads, first match wins:

1. ``--catalogue``: a folder holding ``index.json``, or the URL of a published site
   (fetched, see :mod:`checklist_forms.intake.remote`);
2. a ``checklists/index.json`` of this project in the current folder or one of its
   parents: inside a clone, the contributor's own exports win;
3. the catalogue packaged with the tool (every published version, both languages), so an
   installed ``checklist-forms`` works from any folder with no clone and no network.
"""

from __future__ import annotations

import json
from pathlib import Path

from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_
from checklist_forms.intake.catalogue import Catalogue, CatalogueError
from checklist_forms.intake.remote import fetch_catalogue
from checklist_forms.publish.tree import FORMAT, INDEX

# The folder of the packaged catalogue, inside the installed package (setup.py copies
# checklists/ there when the wheel is built).
PACKAGED = Path(__file__).resolve().parents[1] / "catalogue"
# Run from a clone (editable install, or tools/ on the path), the package has no copy:
# the clone's own checklists/ is the packaged catalogue.
SOURCE_TREE = Path(__file__).resolve().parents[3] / "checklists"


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
            return fetch_catalogue(explicit)
        return Catalogue.load(Path(explicit))
    root = local_root((start or Path.cwd()).resolve()) or packaged_root()
    if root is None:
        raise CatalogueError(
            Later(
                N_(
                    "no checklist catalogue: this installation carries none and no checklists/ "
                    "folder is here; pass --catalogue with a folder or a site's URL"
                )
            )
        )
    return Catalogue.load(root)
