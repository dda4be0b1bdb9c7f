"""The real handbook: a strict build, French interface, page furniture, committed forms."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator

from checklist_forms.cli.main import main
from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.forms import LoadedForm
from checklist_forms.intake.validate import Validator
from checklist_forms.sphinx_ext.export import build_tree, compare

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
COMMITTED = ROOT / "checklists"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook built as `nox -s docs` builds it, in a temporary folder."""
    from sphinx import locale
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    out = tmp_path_factory.mktemp("handbook")
    for language, target in (("fr", out / "html"), ("en", out / "html" / "en")):
        locale.translators.clear()  # catalogues are cached process-wide
        warnings = out / f"warnings-{language}.txt"
        with warnings.open("w") as stream, patch_docutils(DOCS), docutils_namespace():
            app = Sphinx(DOCS, DOCS, target, out / "doctrees" / language, "html", status=None, warning=stream,
                         freshenv=True, warningiserror=True, keep_going=True,
                         confoverrides={"nitpicky": True, "language": language})  # fmt: skip
            app.build()
        text = warnings.read_text()
        assert app.statuscode == 0 and not text.strip(), text
    locale.translators.clear()
    return out / "html"


def pages(root: Path) -> list[Path]:
    """HTML pages of one language (the English site is the en/ folder of the French one)."""
    skip = {"genindex.html", "search.html"}
    found = []
    for page in root.rglob("*.html"):
        parts = page.relative_to(root).parts
        if page.name not in skip and "_static" not in parts and parts[0] != "en":
            found.append(page)
    return sorted(found)


LANGUAGE_MARKS = {
    "fr": (r"Mis à jour le\s+\d{2}/\d{2}/\d{4}", "Modifier sur GitHub"),
    "en": (r"Last updated on\s+\d{2}/\d{2}/\d{4}", "Edit on GitHub"),
}


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_has_edit_link_last_updated_and_switcher(site: Path, language: str) -> None:
    root = site if language == "fr" else site / "en"
    found = pages(root)
    assert len(found) >= 30
    updated, edit = LANGUAGE_MARKS[language]
    for page in found:
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(root).as_posix()
        source = rel.removesuffix(".html") + ".md"
        assert f'<html lang="{language}"' in html, rel
        assert f"github.com/manuel-cm/manuel-community-manager/edit/main/docs/{source}" in html, rel
        assert edit in html, rel
        assert re.search(updated, html), f"{rel}: no last-updated date"
        # The switcher leads to the same page in the other language.
        up = "../" * rel.count("/")
        other = f"{up}en/{rel}" if language == "fr" else f"../{up}{rel}"
        assert f'<a href="{other}" hreflang=' in html, f"{rel}: no link to {other}"


_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)


def headings(page: Path) -> list[str]:
    """Each heading's text; a heading that is only code (a warning type) reads "<code>"."""
    html = page.read_text(encoding="utf-8")
    found = []
    for m in _HEADING.finditer(html):
        inner = re.sub(r'<a class="headerlink".*?</a>', "", m[2], flags=re.S).strip()
        if re.fullmatch(r"<code[^>]*>.*?</code>", inner, re.S):
            found.append("<code>")
            continue
        found.append(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", inner)).strip())
    return found


@pytest.mark.slow
def test_english_headings_are_translated(site: Path) -> None:
    """A heading of the English site equal to its French source was not translated.

    Sphinx silently keeps the French when a translation does not parse as a paragraph
    (a msgstr starting "1." is a list), so this compares the built pages themselves.
    """
    # Reviewed: words spelt the same in both languages, and the classifications' acronyms.
    same_in_both = {"Classifications", "ESCO", "Organisation", "ROME", "Sources", "Substitutions"}
    same = []
    for page in pages(site):
        rel = page.relative_to(site)
        french, english = headings(page), headings(site / "en" / rel)
        assert len(french) == len(english), rel
        same += [
            f"{rel}: {fr}"
            for fr, en in zip(french, english, strict=True)
            if fr == en and fr not in same_in_both | {"<code>"}
        ]
    assert same == []


@pytest.mark.slow
def test_english_site_speaks_english_around_the_text(site: Path) -> None:
    for page in pages(site):
        rel = page.relative_to(site).as_posix()
        # Code samples (front matter a contributor types) stay as written.
        html = re.sub(
            r"<pre>.*?</pre>", "", (site / "en" / rel).read_text(encoding="utf-8"), flags=re.S
        )
        assert "Manuel du Community Manager" not in html, rel
        assert "The Community Manager Handbook</title>" in html, rel
        assert '<meta property="og:site_name" content="The Community Manager Handbook"' in html
        assert "Équipe éditoriale" not in html, rel


@pytest.mark.slow
def test_french_pages_have_no_build_made_typos(site: Path) -> None:
    """An apostrophe before a link is no closing quote; a link ending in ? takes no full stop."""
    found = []
    for page in pages(site):
        text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))
        found += [f"{page.name}: {m[0]}" for m in re.finditer(r"\w”\w|[?!]\.(?!\.)", text)]
    assert found == []


@pytest.mark.slow
def test_theme_speaks_french(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Modifier sur GitHub" in html
    assert 'placeholder="Rechercher dans le manuel…"' in html
    assert re.search(r'aria-controls="pst-nav-more-links">\s*Plus\s*</button>', html)
    assert "Mis à jour le" in html


@pytest.mark.slow
def test_site_publishes_every_checklist(site: Path) -> None:
    index = json.loads((site / "checklists" / "index.json").read_text())
    ids = {e["id"] for e in index["checklists"]}
    wanted = {
        "prealables-recrutement", "choisir-le-profil", "interne-ou-externe", "fiche-de-poste", "grille-entretien",
        "charte-moderation", "plan-integration", "veille-e-reputation", "bad-buzz", "bilan-mensuel",
    }  # fmt: skip
    assert wanted <= ids
    catalogue_page = (site / "checklists.html").read_text(encoding="utf-8")
    for entry in index["checklists"]:
        assert f"#checklist-{entry['id']}" in catalogue_page
        page = (site / f"{entry['page']}.html").read_text(encoding="utf-8")
        assert f'id="checklist-{entry["id"]}"' in page


@pytest.mark.slow
def test_site_forms_equal_committed_forms(site: Path) -> None:
    published = site / "checklists"
    files = {
        p.relative_to(published).as_posix(): p.read_bytes()
        for p in published.rglob("*")
        # The definition language's schema is published by the HTML site only, for editors.
        if p.is_file() and p.name != "definition.schema.json"
    }
    assert compare(files, COMMITTED / "fr") == []
    schema = json.loads((published / "definition.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"].endswith("/checklists/definition.schema.json")


def committed_entries() -> list[dict[str, Any]]:
    return json.loads((COMMITTED / "index.json").read_text())["checklists"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "entry", committed_entries(), ids=lambda e: f"{e['language']}-{e['id']}-{e['version']}"
)
def test_committed_schema_and_blank_form(entry: dict[str, Any]) -> None:
    schema = json.loads((COMMITTED / entry["schema"]).read_text())
    blank = json.loads((COMMITTED / entry["form"]).read_text())
    Draft202012Validator.check_schema(schema)
    rust = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    validator = Validator(Catalogue.load(COMMITTED))
    assert validator.validate(LoadedForm("blank.json", blank)).valid
    assert rust.is_valid(blank)
    final = dict(blank, status="final")
    has_required = entry["required"] > 0
    assert validator.validate(LoadedForm("blank.json", final)).valid is not has_required
    assert rust.is_valid(final) is not has_required


def test_committed_forms_are_up_to_date() -> None:
    """Fails, naming the files, when docs/ changed without `checklist-forms export`."""
    problems = compare(build_tree(DOCS), COMMITTED)
    assert problems == [], (
        "\n".join(problems) + "\nrun `checklist-forms export` and commit checklists/"
    )


def test_check_command_names_stale_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "checklists"
    shutil.copytree(COMMITTED, copy)
    victim = copy / committed_entries()[0]["schema"]
    victim.write_text(victim.read_text().replace('"title"', '"titre"', 1))
    (copy / "fr" / "orphan.json").write_text("{}")
    code = main(["check", "--docs", str(DOCS), "--output", str(copy)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"stale: {victim}" in out
    assert f"unexpected: {copy / 'fr' / 'orphan.json'}" in out
    assert main(["check", "--docs", str(DOCS), "--output", str(COMMITTED)]) == 0
