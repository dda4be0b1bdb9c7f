"""Parallel reads, duplicate ids across workers, and incremental rebuilds."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.core.model import Checklist

from conftest import BuildSite
from helpers import DATA

ALL_KINDS = (DATA / "all_kinds.md").read_text(encoding="utf-8")
PAGES = 40
# Sphinx reports chunks ("reading sources... [ 20%] index .. p08") only when it forks.
CHUNKED = re.compile(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+")


def site(pages: int = PAGES) -> dict[str, str]:
    files = {}
    for n in range(pages):
        files[f"p{n:02d}.md"] = ALL_KINDS.replace("toutes-sortes", f"liste-{n:02d}").replace(
            "# Toutes les sortes", f"# Page {n}"
        )
    toc = "\n".join(f"p{n:02d}" for n in range(pages))
    files["index.md"] = f"# Accueil\n\n```{{toctree}}\n{toc}\n```\n"
    return files


def forms(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_parallel_build_equals_serial_build(build_site: BuildSite, tmp_path: Path) -> None:
    serial = build_site(site(), srcdir=tmp_path / "serial")
    parallel = build_site(site(), srcdir=tmp_path / "parallel", parallel=4)
    # Sphinx only forks when there are enough documents; make sure it really did.
    assert CHUNKED.search(parallel.status)
    assert not CHUNKED.search(serial.status)
    assert forms(serial.forms()) == forms(parallel.forms())
    assert len(json.loads((parallel.forms() / "index.json").read_text())["checklists"]) == PAGES


def test_duplicate_ids_across_parallel_workers(build_site: BuildSite, tmp_path: Path) -> None:
    files = site()
    # The first and the last page land in different worker chunks.
    files["p39.md"] = files["p39.md"].replace("liste-39", "liste-00")
    built = build_site(files, srcdir=tmp_path / "dup", parallel=4, expect_warnings=True)
    assert CHUNKED.search(built.status)
    assert built.warnings == [
        "p39.md:3: WARNING: checklist id 'liste-00' is already used in p00.md:3; "
        "checklist ids must be unique across the site [checklist.duplicate_checklist]"
    ]


def test_duplicate_checklist_can_be_silenced(build_site: BuildSite, tmp_path: Path) -> None:
    files = site(2)
    files["p01.md"] = files["p01.md"].replace("liste-01", "liste-00")
    conf = (
        'extensions = ["myst_parser", "checklist_forms.sphinx_ext"]\n'
        'html_baseurl = "https://example.org/"\n'
        'suppress_warnings = ["checklist.duplicate_checklist"]\n'
    )
    built = build_site(files, conf=conf, srcdir=tmp_path / "quiet")
    assert built.warnings == []


def test_noop_rebuild_and_single_page_edit(build_site: BuildSite, tmp_path: Path) -> None:
    src = tmp_path / "inc"
    files = site(5)
    first = build_site(files, srcdir=src)
    schema = first.forms() / "liste-02/1.2.0/schema.json"
    before = forms(first.forms())

    second = build_site({}, srcdir=src)
    assert "0 added, 0 changed, 0 removed" in second.status
    assert forms(second.forms()) == before

    edited = files["p02.md"].replace("label: Une case à cocher", "label: Une case modifiée")
    third = build_site({"p02.md": edited}, srcdir=src)
    assert "0 added, 1 changed, 0 removed" in third.status
    assert json.loads(schema.read_text())["properties"]["answers"]["properties"]["case"][
        "title"
    ] == ("Une case modifiée")
    after = forms(third.forms())
    changed = sorted(k for k in after if after[k] != before.get(k))
    # Only the edited text changed: the blank form and the catalogue hold no labels.
    assert changed == ["liste-02/1.2.0/schema.json"]


def test_edit_renders_only_the_edited_checklist_again(
    build_site: BuildSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-page edit exports that page's checklist again, not the site's others."""
    import checklist_forms.publish.tree as tree

    rendered: list[str] = []
    real_build_schema = tree.build_schema

    def build_schema(checklist: Checklist, base_url: str) -> dict[str, Any]:
        rendered.append(checklist.id)
        return real_build_schema(checklist, base_url)

    monkeypatch.setattr(tree, "build_schema", build_schema)
    src = tmp_path / "one"
    files = site(5)
    first = build_site(files, srcdir=src)
    assert sorted(rendered) == [f"liste-{n:02d}" for n in range(5)]
    before = forms(first.forms())

    rendered.clear()
    edited = files["p03.md"].replace("label: Une case à cocher", "label: Une case revue")
    second = build_site({"p03.md": edited}, srcdir=src)
    assert rendered == ["liste-03"]
    after = forms(second.forms())
    assert sorted(k for k in after if after[k] != before[k]) == ["liste-03/1.2.0/schema.json"]

    # A file removed from the tree since the last build is written again, and only it.
    rendered.clear()
    (second.forms() / "liste-01/1.2.0/form.json").unlink()
    third = build_site({"p03.md": edited.replace("revue", "relue")}, srcdir=src)
    assert sorted(rendered) == ["liste-01", "liste-03"]
    assert (third.forms() / "liste-01/1.2.0/form.json").read_bytes() == before[
        "liste-01/1.2.0/form.json"
    ]

    # The same sources built from nothing give the same tree.
    fresh = build_site(
        {**files, "p03.md": edited.replace("revue", "relue")}, srcdir=tmp_path / "fresh"
    )
    assert forms(fresh.forms()) == forms(third.forms())


def test_removing_a_page_removes_its_checklist(build_site: BuildSite, tmp_path: Path) -> None:
    src = tmp_path / "rm"
    files = site(3)
    build_site(files, srcdir=src)
    (src / "p01.md").unlink()
    toc = files["index.md"].replace("p01\n", "")
    built = build_site({"index.md": toc}, srcdir=src)
    ids = [e["id"] for e in json.loads((built.forms() / "index.json").read_text())["checklists"]]
    assert ids == ["liste-00", "liste-02"]


def catalogue_ids(html: str) -> list[str]:
    table = html[html.index('class="checklist-catalogue') :]
    table = table[: table.index("</table>")]
    # Each row links to its checklist twice (title, printable page).
    return list(dict.fromkeys(re.findall(r'href="p\d\d\.html#checklist-([^"]+)"', table)))


def test_catalogue_follows_parallel_reads_and_edits(build_site: BuildSite, tmp_path: Path) -> None:
    src = tmp_path / "cat"
    files = site()
    files["index.md"] += "\n```{checklist-catalogue}\n```\n"
    built = build_site(files, srcdir=src, parallel=4)
    assert CHUNKED.search(built.status)
    # The page holding the catalogue and the checklists were read by different workers.
    assert catalogue_ids(built.html()) == [f"liste-{n:02d}" for n in range(PAGES)]

    # An edit elsewhere re-reads the catalogue page, which drops the removed checklist.
    gone = files["p05.md"][: files["p05.md"].index("```{checklist}")]
    edited = build_site({"p05.md": gone}, srcdir=src)
    # The edited page, and the catalogue page that lists it.
    assert "0 added, 2 changed, 0 removed" in edited.status
    expected = [f"liste-{n:02d}" for n in range(PAGES) if n != 5]
    assert catalogue_ids(edited.html()) == expected
    index = json.loads((edited.forms() / "index.json").read_text())
    assert [entry["id"] for entry in index["checklists"]] == expected


def test_duplicate_fixed_in_place_warns_no_more(build_site: BuildSite, tmp_path: Path) -> None:
    src = tmp_path / "same"
    files = site(2)
    # Twice the same id on one page, then the second one renamed in an incremental build.
    files["p01.md"] = files["p01.md"] + "\n" + files["p00.md"].split("\n", 1)[1]
    first = build_site(files, srcdir=src, expect_warnings=True)
    assert [w for w in first.warnings if "duplicate_checklist" in w] != []
    fixed = files["p01.md"].rsplit("liste-00", 1)
    second = build_site({"p01.md": "liste-02".join(fixed)}, srcdir=src)
    assert second.warnings == []
    index = json.loads((second.forms() / "index.json").read_text())
    assert [entry["id"] for entry in index["checklists"]] == ["liste-00", "liste-01", "liste-02"]
