"""Build the forms of every language from ``docs/`` and compare them with ``checklists/``.

The forms come out of a real Sphinx read of the handbook (with the ``dummy`` builder, so
no HTML is written): the English forms need the translated doctrees, which only Sphinx
produces. This module is the only one of the command-line side that imports Sphinx, and
only when ``export`` or ``check`` runs.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from checklist_forms.publish.tree import INDEX, merge_indexes

SOURCE_LANGUAGE = "fr"


class ExtractError(Exception):
    pass


def languages(docs: Path) -> list[str]:
    """The source language first, then every language with a catalogue under locales/."""
    found = [SOURCE_LANGUAGE]
    locales = docs / "locales"
    if locales.is_dir():
        found += sorted(
            p.name
            for p in locales.iterdir()
            if (p / "LC_MESSAGES").is_dir() and p.name != SOURCE_LANGUAGE
        )
    return found


def build_language(docs: Path, language: str, work: Path) -> Path:
    """Read the handbook in one language; return the folder holding its exported forms."""
    from sphinx import locale
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    # Sphinx caches loaded message catalogues process-wide; without this, a French read
    # after an English one would come out "translated" into English.
    locale.translators.clear()
    warnings = io.StringIO()
    out = work / language
    with patch_docutils(docs), docutils_namespace():
        app = Sphinx(
            srcdir=docs,
            confdir=docs,
            outdir=out / "out",
            doctreedir=out / "doctrees",
            buildername="dummy",
            confoverrides={"language": language},
            status=None,
            warning=warnings,
            freshenv=True,
            keep_going=True,
        )
        try:
            app.build(force_all=True)
        finally:
            locale.translators.clear()  # leave no language behind for the next build
    problems = [line for line in warnings.getvalue().splitlines() if "[checklist." in line]
    if problems:
        raise ExtractError("the checklist definitions have problems:\n" + "\n".join(problems))
    return out / "out" / "checklists"


def build_tree(docs: Path) -> dict[str, bytes]:
    """Every file ``checklists/`` should hold, relative to it."""
    files: dict[str, bytes] = {}
    indexes = {}
    with tempfile.TemporaryDirectory(prefix="checklist-forms-") as tmp:
        for language in languages(docs):
            folder = build_language(docs, language, Path(tmp))
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                files[f"{language}/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
            indexes[language] = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    files[INDEX] = merge_indexes(indexes).encode("utf-8")
    return files


def compare(expected: dict[str, bytes], folder: Path) -> list[str]:
    """Differences between the expected files and a folder, one line each."""
    problems = []
    present = (
        {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        if folder.is_dir()
        else set()
    )
    for rel in sorted(expected):
        target = folder / rel
        if rel not in present:
            problems.append(f"missing: {target}")
        elif target.read_bytes() != expected[rel]:
            problems.append(f"stale: {target}")
    for rel in sorted(present - set(expected)):
        problems.append(f"unexpected: {folder / rel}")
    return problems


def write(expected: dict[str, bytes], folder: Path) -> list[str]:
    """Make ``folder`` hold exactly the expected files; return what changed."""
    changed = []
    for rel, data in sorted(expected.items()):
        target = folder / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(f"wrote {target}")
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if path.relative_to(folder).as_posix() not in expected:
                path.unlink()
                changed.append(f"removed {path}")
        for path in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
            if not any(path.iterdir()):
                path.rmdir()
    return changed
