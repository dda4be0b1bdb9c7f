"""The extension inside real Sphinx builds (``sphinx.testing``)."""

from __future__ import annotations

import gc
import json
import re
import zlib
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.sphinx_ext import STATIC

from conftest import BASE_URL, BuildSite
from helpers import DATA

ALL_KINDS = (DATA / "all_kinds.md").read_text(encoding="utf-8")


def test_html_renders_a_fillable_checklist(build_site: BuildSite) -> None:
    built = build_site({"index.md": ALL_KINDS})
    html = built.html()
    assert 'id="checklist-toutes-sortes"' in html
    assert '<fieldset class="checklist-section"' in html and "<legend>Les bases</legend>" in html
    assert 'type="checkbox" id="cl-toutes-sortes-case"' in html
    assert 'type="radio" id="cl-toutes-sortes-volume-faible"' in html
    assert (
        "<select" in html
        and "<textarea" in html
        and 'type="date"' in html
        and 'type="number"' in html
    )
    # rating anchors as a table, help bound to the control
    assert '<table class="checklist-anchors">' in html and "Plusieurs exemples mesurés." in html
    assert 'aria-describedby="cl-toutes-sortes-case-help"' in html
    assert "(obligatoire)" in html
    # downloads relative to the page
    assert 'href="checklists/toutes-sortes/1.2.0/schema.json"' in html
    assert 'href="checklists/toutes-sortes/1.2.0/form.json"' in html
    assert "checklist.js" in html and "checklist.css" in html
    assert (built.outdir / "_static" / "checklist.js").is_file()


def test_assets_are_served_with_a_content_version(build_site: BuildSite) -> None:
    """Each asset is tagged ``?v=<checksum>`` of this build's file, from the first build on,
    so a deploy never leaves a browser on a stale copy; scripts only where a checklist is."""
    built = build_site(
        {"index.md": ALL_KINDS, "other.md": "---\norphan: true\n---\n# Autre\n\nRien à remplir.\n"}
    )
    with_checklist, without = built.html(), built.html("other")
    names = sorted(p.name for p in STATIC.iterdir() if p.suffix in {".css", ".js"})
    assert "checklist.js" in names and "checklist.css" in names
    for name in names:
        content = (STATIC / name).read_bytes()
        assert (built.outdir / "_static" / name).read_bytes() == content
        checksum = zlib.crc32(content.replace(b"\r", b""))  # as Sphinx computes it
        tag = f"_static/{name}?v={checksum:08x}"
        assert tag in with_checklist
        # The stylesheet also draws task lists and the print layout of every page.
        assert (tag in without) == name.endswith(".css")


def test_download_links_from_a_nested_page(build_site: BuildSite) -> None:
    built = build_site(
        {"index.md": "# Accueil\n\n```{toctree}\nsub/page\n```\n", "sub/page.md": ALL_KINDS}
    )
    assert 'href="../checklists/toutes-sortes/1.2.0/schema.json"' in built.html("sub/page")
    index = json.loads((built.forms() / "index.json").read_text())
    assert index["checklists"][0]["page"] == "sub/page"


def test_export_files(build_site: BuildSite) -> None:
    built = build_site({"index.md": ALL_KINDS})
    forms = built.forms()
    assert sorted(p.relative_to(forms).as_posix() for p in forms.rglob("*.json")) == [
        "definition.schema.json",  # the definition language's schema, for editors
        "index.json",
        "toutes-sortes/1.2.0/form.json",
        "toutes-sortes/1.2.0/schema.json",
    ]
    schema = json.loads((forms / "toutes-sortes/1.2.0/schema.json").read_text())
    assert schema["$id"] == f"{BASE_URL}checklists/toutes-sortes/1.2.0/schema.json"
    entry = json.loads((forms / "index.json").read_text())["checklists"][0]
    assert {k: entry[k] for k in ("id", "version", "title", "language", "schema", "form")} == {
        "id": "toutes-sortes",
        "version": "1.2.0",
        "title": "Toutes les sortes d’éléments",  # smart quotes apply
        "language": "fr",
        "schema": "toutes-sortes/1.2.0/schema.json",
        "form": "toutes-sortes/1.2.0/form.json",
    }


def test_two_builds_give_identical_bytes(build_site: BuildSite, tmp_path: Path) -> None:
    one = build_site({"index.md": ALL_KINDS}, srcdir=tmp_path / "a")
    two = build_site({"index.md": ALL_KINDS}, srcdir=tmp_path / "b")
    files_one = {
        p.relative_to(one.forms()): p.read_bytes() for p in one.forms().rglob("*") if p.is_file()
    }
    files_two = {
        p.relative_to(two.forms()): p.read_bytes() for p in two.forms().rglob("*") if p.is_file()
    }
    assert files_one == files_two


def test_search_indexes_the_checklist_s_words_not_its_buttons(build_site: BuildSite) -> None:
    built = build_site({"index.md": ALL_KINDS})
    text = (built.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    terms = set(index["terms"])
    # A choice label, a rating anchor and a help text of the checklist are found...
    for stem in ("courriel", "discord", "exempl", "coch"):
        assert any(term.startswith(stem) for term in terms), stem
    # ...but not the words of its interface, the same on every checklist page.
    for stem in ("télécharg", "javascript", "schém"):
        assert not any(term.startswith(stem) for term in terms), stem


def test_export_runs_with_the_site_frozen_and_gives_the_heap_back(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export keeps full collections off the site's objects, then unfreezes them."""
    import checklist_forms.sphinx_ext as ext

    frozen_during: list[int] = []
    real_render_tree = ext.render_tree

    def render_tree(*args: Any, **kwargs: Any) -> Any:
        frozen_during.append(gc.get_freeze_count())
        return real_render_tree(*args, **kwargs)

    monkeypatch.setattr(ext, "render_tree", render_tree)
    assert gc.get_freeze_count() == 0
    build_site({"index.md": ALL_KINDS})
    assert len(frozen_during) == 1 and frozen_during[0] > 1000
    assert gc.get_freeze_count() == 0


def test_export_leaves_a_host_s_frozen_heap_frozen(build_site: BuildSite) -> None:
    gc.freeze()
    try:
        built = build_site({"index.md": ALL_KINDS})
        # Not unfrozen by the extension (frozen objects may still be freed: only a
        # full unfreeze brings the count to zero).
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert (built.forms() / "toutes-sortes/1.2.0/schema.json").is_file()


@pytest.mark.parametrize("name", ["schema", "form"])
def test_export_snapshot(build_site: BuildSite, file_regression: object, name: str) -> None:
    """The exact bytes of the export; review the diff when the format changes on purpose."""
    built = build_site({"index.md": ALL_KINDS})
    text = (built.forms() / f"toutes-sortes/1.2.0/{name}.json").read_text(encoding="utf-8")
    file_regression.check(text, extension=".json", basename=f"all_kinds_{name}")  # type: ignore[attr-defined]


def test_colon_fence_and_rest(build_site: BuildSite) -> None:
    body = ALL_KINDS.split("```{checklist} toutes-sortes\n", 1)[1].rsplit("```", 1)[0]
    colon = "# Deux points\n\n:::{checklist} deux-points\n" + body + ":::\n"
    indented = "\n".join("   " + line if line else "" for line in body.splitlines())
    rest = "Titre\n=====\n\n.. checklist:: en-rest\n" + indented + "\n"
    built = build_site(
        {
            "index.md": "# Accueil\n\n```{toctree}\ncolon\nrest\n```\n",
            "colon.md": colon,
            "rest.rst": rest,
        }
    )
    ids = sorted(
        e["id"] for e in json.loads((built.forms() / "index.json").read_text())["checklists"]
    )
    assert ids == ["deux-points", "en-rest"]


def test_rest_warning_line_points_at_the_key(build_site: BuildSite) -> None:
    rest = (
        "Titre\n=====\n\n"  # lines 1-3
        ".. checklist:: en-rest\n"  # 4
        "   :version: 1.0.0\n"  # 5
        "   :title: Essai\n"  # 6
        "\n"  # 7
        "   sections:\n"  # 8
        "     - id: s\n"  # 9
        "       title: S\n"  # 10
        "       items:\n"  # 11
        "         - id: a\n"  # 12
        "           kind: checkbox\n"  # 13
        "           label: A\n"  # 14
        "           requried: true\n"  # 15
    )
    built = build_site({"index.rst": rest}, expect_warnings=True)
    assert built.warnings == [
        "index.rst:15: WARNING: unknown key 'requried' in item 'a' (did you mean 'required'?) [checklist.unknown_key]"
    ]


def test_text_and_latex_get_a_readable_fallback(build_site: BuildSite, tmp_path: Path) -> None:
    text = build_site({"index.md": ALL_KINDS}, buildername="text", srcdir=tmp_path / "t")
    out = (text.outdir / "index.txt").read_text()
    assert "☐ Une case à cocher (obligatoire)" in out
    assert "○ 4 — Excellent : Plusieurs exemples mesurés." in out
    latex = build_site({"index.md": ALL_KINDS}, buildername="latex", srcdir=tmp_path / "l")
    tex = next(latex.outdir.glob("*.tex")).read_text()
    assert "Une case à cocher" in tex


def test_assets_only_for_html(build_site: BuildSite) -> None:
    built = build_site({"index.md": ALL_KINDS}, buildername="text")
    assert not (built.outdir / "_static").exists()


def test_gettext_extracts_every_label(build_site: BuildSite) -> None:
    built = build_site({"index.md": ALL_KINDS}, buildername="gettext")
    pot = (built.outdir / "index.pot").read_text()
    for text in (
        "Une case à cocher",
        "Cochez-la.",
        "Faible",
        "Plusieurs exemples mesurés.",
        "Les bases",
        "Tests",
    ):
        assert f'msgid "{text}"' in pot, text
    assert "index.md:" in pot


def test_translated_build_exports_translated_forms(build_site: BuildSite, tmp_path: Path) -> None:
    src = tmp_path / "src"
    po = src / "locales" / "en" / "LC_MESSAGES" / "index.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Une case à cocher"\nmsgstr "A box to tick"\n\n'
        'msgid "Faible"\nmsgstr "Low"\n\n'
        'msgid "Les bases"\nmsgstr "The basics"\n',
        encoding="utf-8",
    )
    conf = (
        'extensions = ["myst_parser", "checklist_forms.sphinx_ext"]\n'
        f'language = "en"\nlocale_dirs = ["locales"]\nhtml_baseurl = "{BASE_URL}en/"\n'
    )
    built = build_site({"index.md": ALL_KINDS}, conf=conf, srcdir=src)
    schema = json.loads((built.forms() / "toutes-sortes/1.2.0/schema.json").read_text())
    answers = schema["properties"]["answers"]["properties"]
    assert answers["case"]["title"] == "A box to tick"
    assert answers["volume"]["oneOf"][0] == {"const": "faible", "title": "Low"}
    assert schema["x-checklist"]["sections"][0]["title"] == "The basics"
    assert schema["x-checklist"]["language"] == "en"
    assert schema["$id"].startswith(f"{BASE_URL}en/")
    assert "A box to tick" in built.html() and "(required)" in built.html()


def test_catalogue_directive_lists_every_checklist(build_site: BuildSite) -> None:
    second = ALL_KINDS.replace("toutes-sortes", "autre-liste").replace(
        "Toutes les sortes d'éléments", "Une autre"
    )
    built = build_site(
        {
            "index.md": "# Accueil\n\n```{toctree}\nune\ndeux\ncatalogue\n```\n",
            "une.md": ALL_KINDS,
            "deux.md": second,
            "catalogue.md": "# Catalogue\n\n```{checklist-catalogue}\n```\n",
        }
    )
    html = built.html("catalogue")
    assert 'href="une.html#checklist-toutes-sortes"' in html
    assert 'href="deux.html#checklist-autre-liste"' in html
    assert 'href="checklists/autre-liste/1.2.0/form.json"' in html
    assert re.search(r"Une autre</a>\s*\(v1\.2\.0\)", html)


def test_checklist_ref_links_to_the_form_with_its_title(build_site: BuildSite) -> None:
    pages = {
        "index.md": "# Accueil\n\n```{toctree}\nsous/page\nformes\n```\n",
        "formes.md": ALL_KINDS,
        "sous/page.md": "# Page\n\nVoir {checklist:ref}`toutes-sortes` et "
        "{checklist:ref}`ce formulaire <toutes-sortes>`.\n",
    }
    built = build_site(pages)
    html = built.html("sous/page")
    title = re.search(r":title: (.+)", ALL_KINDS)
    assert title is not None
    links = re.findall(r'<a class="reference internal" href="([^"]+)"[^>]*>(.*?)</a>', html)
    texts = [(href, re.sub(r"<[^>]+>", "", text)) for href, text in links]
    # the checklist's title, as the page typesets it (’)
    name = title.group(1).strip().replace("'", "’")
    assert ("../formes.html#checklist-toutes-sortes", name) in texts
    assert ("../formes.html#checklist-toutes-sortes", "ce formulaire") in texts


def test_checklist_ref_to_an_unknown_id_is_a_located_warning(build_site: BuildSite) -> None:
    built = build_site(
        {"index.md": "# Accueil\n\nVoir {checklist:ref}`nulle-part`.\n"},
        expect_warnings=True,
        confoverrides={"nitpicky": True},
    )
    assert any("index.md:3" in w and "nulle-part" in w for w in built.warnings), built.warnings
