"""Site extensions: page metadata and review banners, bilingual links, folded search."""

from __future__ import annotations

import json
import re
import zlib

from checklist_forms.site.pagemeta import check_metadata, due_date
from checklist_forms.site.search import STATIC as SEARCH_STATIC
from checklist_forms.site.search import SearchFrenchFolded, fold

from conftest import BASE_URL, BuildSite

SITE_CONF = f"""
extensions = ["myst_parser", "checklist_forms.site.pagemeta", "checklist_forms.site.bilingual",
              "checklist_forms.site.search", "sphinx_sitemap"]
language = "fr"
html_baseurl = "{BASE_URL}"
handbook_site_url = "{BASE_URL}"
sitemap_url_scheme = "{{link}}"
handbook_today = "2027-06-01"
"""
FRONT = "---\nowner: Équipe RH\nlast_reviewed: {date}\nreview_every_months: 6\ndescription: Une page.\n---\n\n"


def page(title: str, date: str = "2027-01-15", body: str = "Du texte.") -> str:
    return FRONT.format(date=date) + f"# {title}\n\n{body}\n"


def test_metadata_rules() -> None:
    assert (
        check_metadata(
            {
                "owner": "A",
                "last_reviewed": "2026-01-01",
                "review_every_months": 12,
                "description": "d",
            }
        )
        == []
    )
    assert check_metadata(
        {"owner": "", "last_reviewed": "01/02/2026", "review_every_months": "six"}
    ) == [
        "front matter has no 'owner'",
        "front matter has no 'description'",
        "'last_reviewed' must be a date written YYYY-MM-DD, not '01/02/2026'",
        "'review_every_months' must be a whole number of months, not 'six'",
    ]
    assert str(due_date({"last_reviewed": "2026-08-31", "review_every_months": 6})) == "2027-02-28"


def test_missing_front_matter_names_page_and_field(build_site: BuildSite) -> None:
    files = {
        "index.md": page("Accueil", body="```{toctree}\nsans\n```"),
        "sans.md": "---\nowner: X\n---\n\n# Sans date\n",
    }
    built = build_site(files, conf=SITE_CONF, expect_warnings=True)
    assert built.warnings == [
        "sans.md:1: WARNING: front matter has no 'last_reviewed' [handbook.metadata]",
        "sans.md:1: WARNING: front matter has no 'review_every_months' [handbook.metadata]",
        "sans.md:1: WARNING: front matter has no 'description' [handbook.metadata]",
    ]


def test_overdue_page_shows_a_banner(build_site: BuildSite) -> None:
    files = {
        "index.md": page("Accueil", body="```{toctree}\nvieille\n```"),
        "vieille.md": page("Vieille", "2026-01-10"),
    }
    built = build_site(files, conf=SITE_CONF)
    old = built.html("vieille")
    assert (
        '<div class="review-overdue" role="note">Cette page devait être relue avant le 10/07/2026'
        in old
    )
    # Non-breaking spaces before the colons and the separator: a label keeps its value.
    assert (
        "Responsable de la page\u00a0: Équipe RH\u00a0· Dernière relecture\u00a0: 10/01/2026" in old
    )
    assert "review-overdue" not in built.html("index")


def test_owner_is_named_in_the_language_built(build_site: BuildSite) -> None:
    conf = SITE_CONF.replace('language = "fr"', 'language = "en"')
    files = {"index.md": page("Home")}
    named = conf + 'handbook_owner_names = {"Équipe RH": {"en": "HR team"}}\n'
    html = build_site(files, conf=named).html()
    assert "Page owner: HR team · Last reviewed:" in html.replace("\u00a0", " ")
    assert "Équipe" not in html


def test_owner_without_translation_warns(build_site: BuildSite) -> None:
    conf = SITE_CONF.replace('language = "fr"', 'language = "en"')
    built = build_site({"index.md": page("Home")}, conf=conf, expect_warnings=True)
    assert built.warnings == [
        "index.md:1: WARNING: owner 'Équipe RH' has no name in 'en': add it to "
        "handbook_owner_names in conf.py [handbook.metadata]"
    ]


def test_alternates_in_head_and_sitemap(build_site: BuildSite) -> None:
    files = {
        "index.md": page("Accueil", body="```{toctree}\nsous/page\n```"),
        "sous/page.md": page("Page"),
    }
    built = build_site(files, conf=SITE_CONF)
    html = built.html("sous/page")
    assert f'<link rel="alternate" hreflang="en" href="{BASE_URL}en/sous/page.html" />' in html
    assert f'<link rel="alternate" hreflang="fr" href="{BASE_URL}sous/page.html" />' in html
    sitemap = (built.outdir / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert locs == sorted(locs) and f"{BASE_URL}sous/page.html" in locs
    assert f'hreflang="en" href="{BASE_URL}en/sous/page.html"' in sitemap


def test_french_search_folds_accents_after_stemming() -> None:
    language = SearchFrenchFolded({})
    for typed, written in [
        ("reputation", "réputation"),
        ("equipe", "équipe"),
        ("cree", "créé"),
        ("oeuvre", "œuvre"),
    ]:
        assert language.stem(typed) == language.stem(written), (typed, written)
    # Stemming is kept: plural and singular meet.
    assert language.stem("communautés") == language.stem("communauté")
    assert fold("Élève") == "Eleve"


def test_search_index_holds_folded_stems(build_site: BuildSite) -> None:
    files = {"index.md": page("Accueil", body="La réputation de l'équipe a été créée.")}
    built = build_site(files, conf=SITE_CONF)
    index = (built.outdir / "searchindex.js").read_text()
    terms = json.loads(index[index.index("(") + 1 : index.rindex(")")])["terms"]
    assert {"reput", "equip", "cre"} <= set(terms)
    assert not any(any(c in term for c in "éèêàç") for term in terms)
    script = (built.outdir / "_static" / "search-fold.js").read_bytes()
    assert script == (SEARCH_STATIC / "search-fold.js").read_bytes()
    # Tagged with the checksum of this build's copy, so a deploy is never served stale.
    checksum = zlib.crc32(script.replace(b"\r", b""))
    tag = f"_static/search-fold.js?v={checksum:08x}"
    assert tag in (built.outdir / "search.html").read_text()
