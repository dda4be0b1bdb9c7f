"""French spacing: plain spaces typed by contributors become non-breaking ones."""

from __future__ import annotations

from checklist_forms.site.typography import NBSP, NNBSP, french_spacing

from conftest import BASE_URL, CONF, BuildSite


def test_rules() -> None:
    assert french_spacing("Pourquoi ? Parce que ! Voici : la liste ; fin") == (
        f"Pourquoi{NNBSP}? Parce que{NNBSP}! Voici{NBSP}: la liste{NNBSP}; fin"
    )
    assert french_spacing("« citation »") == f"«{NBSP}citation{NBSP}»"
    assert french_spacing("«citation»") == f"«{NBSP}citation{NBSP}»"
    # Already correct text and colons without a space (URLs, times) are left alone.
    assert (
        french_spacing(f"Voici{NBSP}: https://example.org 10:30")
        == f"Voici{NBSP}: https://example.org 10:30"
    )


def test_build_spaces_text_but_not_code(build_site: BuildSite) -> None:
    conf = CONF.replace(
        '"checklist_forms.sphinx_ext"]',
        '"checklist_forms.sphinx_ext", "checklist_forms.site.typography"]',
    )
    page = "# Titre\n\nUne question ? Oui : en `code ? non` aussi.\n\n```\nbloc : intact ?\n```\n"
    built = build_site({"index.md": page}, conf=conf)
    assert f"Une question{NNBSP}? Oui{NBSP}: en" in built.html()
    doctree = built.app.env.get_doctree("index")
    literals = [
        n.astext().strip()
        for n in doctree.findall(lambda n: n.tagname in ("literal", "literal_block"))
    ]
    assert literals == ["code ? non", "bloc : intact ?"]


def test_english_build_is_untouched(build_site: BuildSite) -> None:
    conf = (
        'extensions = ["myst_parser", "checklist_forms.site.typography"]\n'
        f'language = "en"\nhtml_baseurl = "{BASE_URL}"\n'
    )
    html = build_site({"index.md": "# Title\n\nReally ? Yes : indeed.\n"}, conf=conf).html()
    assert "Really ? Yes : indeed." in html
