"""``checklist-forms`` outside a clone: packaged catalogue, lookup order, fetched catalogues,
and forms that name their schema (issue 14)."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.cli.main import main
from checklist_forms.core.limits import MAX_DOWNLOAD_BYTES
from checklist_forms.intake import locate as locate_module
from checklist_forms.intake.locate import locate, packaged_root

ROOT = Path(__file__).resolve().parents[1]
CHECKLISTS = ROOT / "checklists"


def committed_files() -> dict[str, bytes]:
    return {
        p.relative_to(CHECKLISTS).as_posix(): p.read_bytes()
        for p in sorted(CHECKLISTS.rglob("*"))
        if p.is_file()
    }


def blank(language: str = "fr", checklist: str = "fiche-de-poste") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (CHECKLISTS / language / checklist / "1.0.0" / "form.json").read_text(encoding="utf-8")
    )
    return data


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- the wheel ------------------------------------------------------------------------


def test_wheel_carries_exactly_the_committed_catalogue(tmp_path: Path) -> None:
    """Built as users get it: every file of checklists/, byte for byte, and nothing else."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        timeout=600,
    )
    (wheel,) = tmp_path.glob("*.whl")
    prefix = "checklist_forms/catalogue/"
    with zipfile.ZipFile(wheel) as archive:
        packaged = {
            name.removeprefix(prefix): archive.read(name)
            for name in archive.namelist()
            if name.startswith(prefix) and not name.endswith("/")
        }
    expected = committed_files()
    assert sorted(packaged) == sorted(expected)
    assert {k for k in expected if packaged[k] != expected[k]} == set()
    assert any(k.endswith(".xlsx") for k in packaged) and "index.json" in packaged


# -- where the catalogue comes from ---------------------------------------------------


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No catalogue around: the packaged one (in a clone, the clone's checklists/).
    outside = tmp_path / "downloads"
    outside.mkdir()
    assert packaged_root() is not None
    assert locate(None, outside).root == packaged_root()
    # Another project's checklists/index.json up the tree does not hide it.
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "index.json").write_text('{"items": []}', encoding="utf-8")
    assert locate(None, outside).root == packaged_root()
    # This project's catalogue in a parent folder wins (a contributor's clone).
    own = tmp_path / "clone"
    shutil.copytree(CHECKLISTS, own / "checklists")
    (own / "docs" / "sub").mkdir(parents=True)
    assert locate(None, own / "docs" / "sub").root == own / "checklists"
    # --catalogue wins over everything.
    assert locate(str(own / "checklists"), outside).root == own / "checklists"


def test_no_catalogue_anywhere_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(locate_module, "PACKAGED", tmp_path / "none")
    monkeypatch.setattr(locate_module, "SOURCE_TREE", tmp_path / "none")
    monkeypatch.chdir(tmp_path)
    form = tmp_path / "f.json"
    form.write_text(json.dumps(blank()), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(form))
    assert code == 2
    assert "no checklist catalogue" in err and "--catalogue" in err


def test_validates_a_downloaded_form_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("fiche.json").write_text(json.dumps(blank("en")), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "fiche.json")
    assert code == 0, out
    assert "valid draft form of fiche-de-poste 1.0.0" in out


# -- forms name their schema ----------------------------------------------------------


def test_every_blank_form_names_its_published_schema() -> None:
    index = json.loads((CHECKLISTS / "index.json").read_text(encoding="utf-8"))
    for entry in index["checklists"]:
        form = json.loads((CHECKLISTS / entry["form"]).read_text(encoding="utf-8"))
        schema = json.loads((CHECKLISTS / entry["schema"]).read_text(encoding="utf-8"))
        assert form["$schema"] == entry["url"] == schema["$id"], entry["form"]
        assert form["$schema"].startswith("https://")


def test_forms_with_and_without_schema_key_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    old = blank()
    del old["$schema"]
    Path("old.json").write_text(json.dumps(old), encoding="utf-8")
    Path("new.json").write_text(json.dumps(blank()), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "old.json", "new.json")
    assert code == 0, out
    assert out.strip().endswith("2 valid, 0 invalid, 0 unusable")


def test_migrate_writes_the_target_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    old = blank()
    del old["$schema"]
    Path("f.json").write_text(json.dumps(old), encoding="utf-8")
    code, out, _ = run(capsys, "migrate", "f.json", "--to", "1.0.0", "-o", "g.json")
    assert code == 0, out
    written = json.loads(Path("g.json").read_text(encoding="utf-8"))
    assert written["$schema"] == blank()["$schema"]


# -- a catalogue fetched from a site --------------------------------------------------


class Site:
    def __init__(self, root: Path) -> None:
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                outer.requests.append(self.path)

        handler = functools.partial(Handler, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Site, Path]]:
    """A fork's published site: its French tree under /checklists/, as Sphinx publishes it."""
    root = tmp_path / "site"
    shutil.copytree(CHECKLISTS / "fr", root / "checklists")
    server = Site(root)
    yield server, root
    server.stop()


def test_catalogue_from_a_site_is_fetched_and_cached(
    site: tuple[Site, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, _ = site
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    Path("fiche.json").write_text(json.dumps(blank()), encoding="utf-8")
    code, out, err = run(capsys, "validate", "fiche.json", "--catalogue", server.url)
    assert code == 0, out + err
    assert any(r.endswith("/fiche-de-poste/1.0.0/schema.json") for r in server.requests)
    assert list((tmp_path / "cache" / "checklist-forms").rglob("*.json"))
    server.requests.clear()
    code, out, err = run(capsys, "validate", "fiche.json", "--catalogue", server.url)
    assert code == 0, out + err
    # The second run reads the schema from the cache; only the index is asked again.
    assert server.requests == ["/checklists/index.json"]


def test_unreachable_site_is_exit_2(
    site: tuple[Site, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, _ = site
    url = server.url
    server.stop()  # nothing listens on that port any more
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    form = tmp_path / "f.json"
    form.write_text(json.dumps(blank()), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(form), "--catalogue", url)
    assert code == 2
    assert f"cannot reach {url}checklists/index.json" in err


def test_site_answers_with_errors_or_too_much(
    site: tuple[Site, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server, root = site
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    form = tmp_path / "f.json"
    form.write_text(json.dumps(blank()), encoding="utf-8")
    code, _, err = run(capsys, "validate", str(form), "--catalogue", server.url + "nowhere/")
    assert (code, "HTTP 404" in err) == (2, True), err
    (root / "checklists" / "index.json").write_bytes(b" " * (MAX_DOWNLOAD_BYTES + 10))
    code, _, err = run(capsys, "validate", str(form), "--catalogue", server.url)
    assert code == 2
    assert "larger than 4 MB" in err
    (root / "checklists" / "index.json").write_text('{"format": 99}', encoding="utf-8")
    code, _, err = run(capsys, "validate", str(form), "--catalogue", server.url)
    assert code == 2
    assert "not a checklist catalogue index" in err


def test_imported_workbook_names_its_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    workbook = CHECKLISTS / "fr" / "grille-entretien" / "1.0.0" / "grille-entretien-1.0.0-fr.xlsx"
    code, out, err = run(capsys, "import", str(workbook), "-o", "grille.json")
    assert code in (0, 1), out + err
    written = json.loads(Path("grille.json").read_text(encoding="utf-8"))
    assert written["$schema"] == blank("fr", "grille-entretien")["$schema"]
