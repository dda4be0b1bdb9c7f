"""French spacing: plain spaces typed by contributors become non-breaking ones."""

from __future__ import annotations

import re
from html import unescape

import pytest

from checklist_forms.site.typography import NBSP, NNBSP, french_spacing

from conftest import BASE_URL, CONF, BuildSite


def test_rules() -> None:
    assert french_spacing("Pourquoi ? Parce que ! Voici : la liste ; fin") == (
        f"Pourquoi{NNBSP}? Parce que{NNBSP}! Voici{NBSP}: la liste{NNBSP}; fin"
    )
    assert french_spacing("« citation »") == f"«{NBSP}citation{NBSP}»"
    assert french_spacing("«citation»") == f"«{NBSP}citation{NBSP}»"
    # Groups of thousands and measured units stay on one line; years and codes are left.
    assert french_spacing("2 000 € en 2,19 s, 37 Mo") == (
        f"2{NNBSP}000{NBSP}€ en 2,19{NBSP}s, 37{NBSP}Mo"
    )
    assert french_spacing("en 2026, code 38383, 12 3456") == "en 2026, code 38383, 12 3456"
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


def test_numbers_keep_their_unit() -> None:
    assert french_spacing("sous 30 jours, 2 ans et 15 %") == (
        f"sous 30{NBSP}jours, 2{NBSP}ans et 15{NBSP}%"
    )
    # A number before an ordinary word, and a word merely starting like a unit, stay as typed.
    assert french_spacing("les 3 piliers, 2 hommes") == "les 3 piliers, 2 hommes"


TYPO_CONF = (
    'extensions = ["myst_parser", "checklist_forms.site.typography"]\n'
    'html_baseurl = "https://example.org/"\nlanguage = "{language}"\n'
)
TYPO_PAGE = """# Titre

L'accueil protège l'{term}`ESCO` et l'[autre page](autre.md) ; voir [Interne ou externe ?](autre.md).
Puis [Vraiment !](autre.md). Et « l'entreprise » garde 'ses' guillemets.

```{glossary}
ESCO
  Classification européenne.
```
"""


OTHER = "---\norphan: true\n---\n# Autre\n"


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_apostrophe_before_a_link_or_term_is_not_a_closing_quote(
    build_site: BuildSite,
) -> None:
    built = build_site(
        {"index.md": TYPO_PAGE, "autre.md": OTHER}, conf=TYPO_CONF.format(language="fr")
    )
    text = _text(built.html())
    assert "l\u2019ESCO" in text and "l\u2019autre page" in text, text
    assert "\u201d" not in text.split("Et")[0]
    # Smart quotes still curl real quotes elsewhere in the paragraph.
    assert "L\u2019accueil" in text and "l\u2019entreprise" in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_question_mark_ending_a_link_takes_the_full_stop(
    build_site: BuildSite, language: str
) -> None:
    built = build_site(
        {"index.md": TYPO_PAGE, "autre.md": OTHER}, conf=TYPO_CONF.format(language=language)
    )
    text = _text(built.html())
    assert "Interne ou externe ?)" not in text
    assert "externe ?." not in text and "externe\u202f?." not in text
    assert "Vraiment !." not in text and "Vraiment\u202f!." not in text
    assert "Interne ou externe ?" in text or "Interne ou externe\u202f?" in text


def test_checklist_header_and_page_text_keep_their_spaces(build_site: BuildSite) -> None:
    from helpers import DATA

    conf = CONF.replace(
        '"checklist_forms.sphinx_ext"]',
        '"checklist_forms.sphinx_ext", "checklist_forms.site.typography"]',
    )
    page = (DATA / "all_kinds.md").read_text(encoding="utf-8")
    page = page.replace("# Toutes les sortes\n", "# Toutes les sortes\n\nSous 30 jours.\n", 1)
    html = unescape(build_site({"index.md": page}, conf=conf).html())
    assert f'<p class="checklist-meta">Version{NBSP}1.2.0{NBSP}· Pour{NBSP}: Tests</p>' in html
    assert f"Sous 30{NBSP}jours." in html
