"""Versions: published versions stay published, frozen structures, and migration."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checklist_forms.cli.main import main
from checklist_forms.core.definition import SUBTYPES
from checklist_forms.publish.tree import render_tree, write_tree

from conftest import BASE_URL, CONF, BuildSite
from helpers import parse_markdown

DATA = Path(__file__).parent / "data" / "migration"
V1 = (DATA / "v1.md").read_text(encoding="utf-8")
V2 = (DATA / "v2.md").read_text(encoding="utf-8")
ARCHIVE_CONF = CONF + 'checklist_archive_dir = "published"\n'


def catalogue(tmp_path: Path) -> Path:
    """Both versions published, as the committed folder would hold them after a bump."""
    v1, _ = parse_markdown(V1)
    v2, _ = parse_markdown(V2)
    assert v1 is not None and v2 is not None
    folder = tmp_path / "checklists"
    write_tree(folder / "fr", render_tree([(v1, "page")], BASE_URL))
    write_tree(folder / "fr", render_tree([(v2, "page")], BASE_URL, archive=folder / "fr"))
    shutil.copy(folder / "fr" / "index.json", folder / "index.json")
    index = json.loads((folder / "index.json").read_text())
    for entry in index["checklists"]:
        entry["schema"], entry["form"] = f"fr/{entry['schema']}", f"fr/{entry['form']}"
    (folder / "index.json").write_text(json.dumps(index))
    return folder


def test_earlier_versions_stay_published(build_site: BuildSite, tmp_path: Path) -> None:
    src = tmp_path / "src"
    first = build_site({"index.md": V1}, conf=ARCHIVE_CONF, srcdir=src)
    shutil.copytree(first.forms(), src / "published" / "fr")
    second = build_site({"index.md": V2}, conf=ARCHIVE_CONF, srcdir=src)
    index = json.loads((second.forms() / "index.json").read_text())
    assert [(e["version"], e["current"]) for e in index["checklists"]] == [
        ("1.0.0", False),
        ("1.1.0", True),
    ]
    assert (second.forms() / "accueil-nouveau/1.0.0/schema.json").read_bytes() == (
        src / "published/fr/accueil-nouveau/1.0.0/schema.json"
    ).read_bytes()


def test_structure_change_without_new_version_is_refused(
    build_site: BuildSite, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    first = build_site({"index.md": V1}, conf=ARCHIVE_CONF, srcdir=src)
    shutil.copytree(first.forms(), src / "published" / "fr")
    # Same version, one choice removed: forms filled with it would stop validating.
    changed = V1.replace("          - {value: fax, label: Télécopieur}\n", "")
    built = build_site({"index.md": changed}, conf=ARCHIVE_CONF, srcdir=src, expect_warnings=True)
    assert built.warnings == [
        "index.md:3: WARNING: checklist 'accueil-nouveau' changed its structure (ids, kinds, choices, "
        "required items or conditions) but keeps version 1.0.0, which is already published: raise "
        ":version: so forms filled against it keep validating [checklist.version_not_bumped]"
    ]
    # A wording change is not a structure change.
    reworded = V1.replace("Quels outils ?", "Quels outils sont ouverts ?")
    assert build_site({"index.md": reworded}, conf=ARCHIVE_CONF, srcdir=src).warnings == []
    assert "version_not_bumped" in SUBTYPES


def test_old_forms_still_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = catalogue(tmp_path)
    assert main(["validate", str(DATA / "form-v1-complet.json"), "--catalogue", str(folder)]) == 0


def test_migrate_keeps_renames_and_reports_every_lost_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = catalogue(tmp_path)
    source = tmp_path / "form.json"
    shutil.copy(DATA / "form-v1-complet.json", source)
    before = source.read_bytes()
    code = main(["migrate", str(source), "--to", "1.1.0", "--catalogue", str(folder)])
    out = capsys.readouterr().out
    assert code == 1  # some answers could not be carried
    assert "3 answer(s) carried, 1 through a rename, 3 not carried" in out
    assert "  renamed: tuteur -> referent" in out
    assert (
        "NOT CARRIED: outils (Quels outils ?) = \"fax\": choice 'fax' no longer exists in 'outils'"
        in out
    )
    assert (
        "NOT CARRIED: niveau (Niveau d'autonomie) = \"moyen\": 'moyen' is not an answer of this version (allowed: faible, fort)"
        in out
    )
    assert (
        "NOT CARRIED: remarques (Remarques) = \"Arrivée le lundi.\": version 1.1.0 has no item 'remarques'"
        in out
    )
    assert source.read_bytes() == before
    migrated = json.loads((tmp_path / "form.v1.1.0.json").read_text())
    assert migrated["version"] == "1.1.0" and migrated["status"] == "final"
    assert migrated["answers"] == {
        "acces-outils": True,
        "outils": ["planification"],
        "referent": "Camille",
        "niveau": None,
    }
    assert main(["validate", str(tmp_path / "form.v1.1.0.json"), "--catalogue", str(folder)]) == 0


def test_migrate_everything_carried_and_in_place_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = catalogue(tmp_path)
    source = tmp_path / "simple.json"
    shutil.copy(DATA / "form-v1-simple.json", source)
    original = source.read_bytes()
    assert (
        main(["migrate", str(source), "--to", "1.1.0", "--in-place", "--catalogue", str(folder)])
        == 0
    )
    assert (tmp_path / "simple.json.bak").read_bytes() == original
    assert json.loads(source.read_text())["answers"]["referent"] == "Sam"
    # A second in-place run would overwrite the backup: refused.
    assert (
        main(["migrate", str(source), "--to", "1.1.0", "--in-place", "--catalogue", str(folder)])
        == 2
    )


def test_migrate_refuses_unknown_or_older_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = catalogue(tmp_path)
    assert (
        main(
            [
                "migrate",
                str(DATA / "form-v1-simple.json"),
                "--to",
                "9.0.0",
                "--catalogue",
                str(folder),
            ]
        )
        == 2
    )
    assert "known versions: 1.0.0, 1.1.0" in capsys.readouterr().err


def test_version_not_bumped_can_be_silenced(build_site: BuildSite, tmp_path: Path) -> None:
    src = tmp_path / "src"
    conf = ARCHIVE_CONF + 'suppress_warnings = ["checklist.version_not_bumped"]\n'
    first = build_site({"index.md": V1}, conf=conf, srcdir=src)
    shutil.copytree(first.forms(), src / "published" / "fr")
    changed = V1.replace("          - {value: fax, label: Télécopieur}\n", "")
    assert build_site({"index.md": changed}, conf=conf, srcdir=src).warnings == []
