"""The exported tree of forms, and finding a form's schema in it.

One language's tree (what a Sphinx build publishes under ``<site>/checklists/``)::

    index.json
    <id>/<version>/schema.json
    <id>/<version>/form.json

The committed ``checklists/`` folder holds one such tree per language (``fr/``, ``en/``)
and a top ``index.json`` that lists them all, with paths relative to itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Checklist
from .schema import blank_form, build_schema, dumps, form_path, schema_id, schema_path

INDEX = "index.json"
FORMAT = 1


def structure_fingerprint(checklist: Checklist) -> str:
    """A hash of what a filled form depends on, and of nothing a translation changes.

    Ids, kinds, choice values, levels, constraints and conditions are structure; labels,
    help and anchors are text. Changing the structure without a new version would make
    forms filled against the published schema fail, which the version check refuses.
    """
    structure = []
    for section in checklist.sections:
        for item in section.items:
            structure.append(
                {
                    "id": item.id,
                    "kind": item.kind,
                    "required": item.required,
                    "choices": [c.value for c in item.choices],
                    "levels": [lv.value for lv in item.levels],
                    "max_selected": item.max_selected,
                    "min_selected": item.min_selected,
                    "max_length": item.text_max_length if item.kind == "text" else None,
                    "min": item.min,
                    "max": item.max,
                    "visible_if": None
                    if item.visible_if is None
                    else [
                        item.visible_if.item,
                        item.visible_if.equals,
                        item.visible_if.any_of,
                        item.visible_if.answered,
                    ],
                }
            )
    digest = hashlib.sha256(json.dumps(structure, sort_keys=True).encode()).hexdigest()
    return f"sha256:{digest[:32]}"


def workbook_path(checklist: Checklist) -> str:
    return f"{checklist.id}/{checklist.version}/{checklist.id}-{checklist.version}-{checklist.language}.xlsx"


def index_entry(
    checklist: Checklist, base_url: str, page: str, prefix: str = "", *, workbook: bool = False
) -> dict[str, Any]:
    entry = {
        "id": checklist.id,
        "version": checklist.version,
        "title": checklist.title,
        "language": checklist.language,
        "audience": checklist.audience,
        "intro": checklist.intro,
        "page": page,
        "schema": prefix + schema_path(checklist),
        "form": prefix + form_path(checklist),
        "url": schema_id(checklist, base_url),
        "items": sum(1 for _ in checklist.answerable_items()),
        "required": sum(1 for i in checklist.answerable_items() if i.required),
        "structure": structure_fingerprint(checklist),
    }
    if workbook:
        entry["workbook"] = prefix + workbook_path(checklist)
    return entry


def read_archive(
    folder: Path, current: set[tuple[str, str]]
) -> tuple[dict[str, bytes], list[dict[str, Any]]]:
    """Files and index entries of the published versions that the sources no longer define.

    Forms filled against an earlier version must keep validating, so once a version has
    been published its folder stays in ``checklists/`` and on the site.
    """
    index = folder / INDEX
    if not index.is_file():
        return {}, []
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))["checklists"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}, []
    files: dict[str, bytes] = {}
    kept = []
    for entry in entries:
        if (entry.get("id"), entry.get("version")) in current:
            continue
        version_dir = folder / entry["id"] / entry["version"]
        if not version_dir.is_dir():
            continue
        for path in sorted(p for p in version_dir.rglob("*") if p.is_file()):
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
        kept.append(dict(entry, current=False))
    return files, kept


def archived_fingerprints(folder: Path) -> dict[tuple[str, str], str]:
    """(id, version) -> structure fingerprint of every version published in ``folder``."""
    try:
        entries = json.loads((folder / INDEX).read_text(encoding="utf-8"))["checklists"]
        return {(e["id"], e["version"]): e["structure"] for e in entries}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def render_tree(
    checklists: Iterable[tuple[Checklist, str]],
    base_url: str,
    *,
    workbooks: bool = False,
    archive: Path | None = None,
) -> dict[str, str | bytes]:
    """Every file of one language's tree, as relative path -> content; deterministic.

    ``archive`` is the committed tree of this language: earlier versions found there
    are published again, marked ``"current": false`` in the index.
    """
    files: dict[str, str | bytes] = {}
    entries = []
    for checklist, page in sorted(checklists, key=lambda pair: (pair[0].id, pair[0].version)):
        files[schema_path(checklist)] = dumps(build_schema(checklist, base_url))
        files[form_path(checklist)] = dumps(blank_form(checklist))
        if workbooks:
            from .workbook import build_workbook

            files[workbook_path(checklist)] = build_workbook(checklist)
        entries.append(
            dict(index_entry(checklist, base_url, page, workbook=workbooks), current=True)
        )
    if archive is not None:
        current = {(e["id"], e["version"]) for e in entries}
        old_files, old_entries = read_archive(archive, current)
        files.update(old_files)
        entries.extend(old_entries)
    entries.sort(key=lambda e: (e["id"], version_key(e["version"])))
    files[INDEX] = dumps({"format": FORMAT, "checklists": entries})
    return files


def merge_indexes(trees: Mapping[str, Mapping[str, Any]]) -> str:
    """The top ``index.json`` of the committed folder, from each language's index."""
    entries = []
    for language in sorted(trees):
        for entry in trees[language]["checklists"]:
            merged = dict(entry)
            merged["schema"] = f"{language}/{entry['schema']}"
            merged["form"] = f"{language}/{entry['form']}"
            if "workbook" in entry:
                merged["workbook"] = f"{language}/{entry['workbook']}"
            entries.append(merged)
    entries.sort(key=lambda e: (e["id"], version_key(e["version"]), e["language"]))
    return dumps({"format": FORMAT, "checklists": entries})


def write_tree(folder: Path, files: Mapping[str, str | bytes]) -> list[str]:
    """Write files whose content differs; return the paths written (for incremental builds)."""
    written = []
    for rel, content in sorted(files.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = folder / rel
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(rel)
    return written


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
                f"no checklist catalogue at {root} (missing {INDEX}); run from the repository "
                "root or pass --catalogue with the folder holding index.json"
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


def version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)
