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
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from checklist_forms.core.model import Checklist
from checklist_forms.core.paths import form_path, schema_path, workbook_path
from checklist_forms.core.schema import blank_form, build_schema, dumps, schema_id
from checklist_forms.core.versions import version_key

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
                    # A list's order follows the names of each language (countries):
                    # the values, not their order, are what a form depends on.
                    "choices": sorted(c.value for c in item.choices)
                    if item.choices_from
                    else [c.value for c in item.choices],
                    "levels": [lv.value for lv in item.levels],
                    "max_selected": item.max_selected,
                    "min_selected": item.min_selected,
                    "max_length": item.kind_rules.max_length(item),
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
    if checklist.rules:
        # Only when there are rules, so that the fingerprints published before rules existed hold.
        structure.append({"rules": [[r.item, r.op, r.other] for r in checklist.rules]})
    digest = hashlib.sha256(json.dumps(structure, sort_keys=True).encode()).hexdigest()
    return f"sha256:{digest[:32]}"


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


def checklist_paths(checklist: Checklist, *, workbooks: bool = False) -> list[str]:
    """The files of one checklist in the tree, relative to its root."""
    paths = [schema_path(checklist), form_path(checklist)]
    if workbooks:
        paths.append(workbook_path(checklist))
    return paths


def render_tree(
    checklists: Iterable[tuple[Checklist, str]],
    base_url: str,
    *,
    workbooks: bool = False,
    archive: Path | None = None,
    written: Callable[[Checklist], bool] | None = None,
) -> dict[str, str | bytes]:
    """Every file of one language's tree, as relative path -> content; deterministic.

    ``archive`` is the committed tree of this language: earlier versions found there
    are published again, marked ``"current": false`` in the index. ``written`` says which
    checklists already have their current files in the tree (an incremental build): only
    their index entries are made.
    """
    files: dict[str, str | bytes] = {}
    entries = []
    for checklist, page in sorted(checklists, key=lambda pair: (pair[0].id, pair[0].version)):
        if written is None or not written(checklist):
            # The paths come from checklist_paths, which also says what `written` checks.
            schema, form, *workbook = checklist_paths(checklist, workbooks=workbooks)
            files[schema] = dumps(build_schema(checklist, base_url))
            files[form] = dumps(blank_form(checklist, base_url))
            if workbook:
                from checklist_forms.publish.workbook_writer import build_workbook

                files[workbook[0]] = build_workbook(checklist)
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
    # Each folder is made once: on a slow disk a mkdir that finds the folder there costs
    # as much as one that creates it, and every checklist has two files per folder.
    made: set[Path] = set()
    for rel, content in sorted(files.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = folder / rel
        if target.exists() and target.read_bytes() == data:
            continue
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
        written.append(rel)
    return written
