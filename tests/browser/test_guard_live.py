"""The non-discrimination guard in the page, against checklist_forms.guard.

checklist.js screens free-text answers as they are typed with the rules of
data/guard-rules.json, written into the page by html.py. Its findings (rules, words as
typed, messages) must be the Python validator's, and an acknowledged finding travels in
the exported form's ``acknowledged`` list.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from checklist_forms.core.guard import screen
from checklist_forms.core.model import Checklist
from checklist_forms.intake.validate import checklist_from_schema

from .conftest import Driver
from .test_accessibility import _axe, _report, _run

pytestmark = pytest.mark.browser

CHECKLIST = "fiche-de-poste"
FIELD = "finalite"  # a multiline text the guard screens
OPTED_OUT = "employeur"  # `guard: false`: an employer's name is not a criterion

# French and English, accents typed or decomposed, ligatures, other scripts and digits,
# the English-text rule on both sides of its thresholds, and neutral texts.
SENTENCES = [
    "Nous recherchons un jeune community manager dynamique.",
    "Profil : 25-35 ans, disponible rapidement.",
    "Candidat âgé de moins de 30 ans.",
    "Âgé entre 20 et 30 ans, idéalement une femme pour équilibrer l'équipe.",
    "Poste ouvert aux hommes et aux femmes, sans condition d'âge.",
    "Célibataire sans enfants de préférence.",
    "Nationalité française exigée, d'origine européenne.",
    "Bonne présentation et physique agréable.",
    "Habitant à Paris uniquement ; lieu de résidence vérifié.",
    "Langue maternelle : français, sans accent.",
    "Pratiquant catholique bienvenu.",
    "Non syndiqué, sans opinions politiques affichées.",
    "Nom de famille à consonance française.",
    "Vous êtes en bonne santé, sans handicap.",
    "We are looking for a young and dynamic person to join our team and you will love it.",
    "The candidate will manage our social media accounts and the community.",
    "Œuvre de cœur : une femme de cœur, MARIÉE de préférence.",
    "JEUNE DIPLÔMÉ ACCEPTÉ, ENCEINTE S'ABSTENIR",
    "Date de naissance à indiquer ; maternité non souhaitée.",
    "Digital natives only, how old are you?",
    "Rédiger des publications quotidiennes et animer la communauté.",
    "Maîtrise d'Excel, de Canva et des outils d'analyse ; 2 à 3 ans d'expérience.",
    "Un homme ou une femme de 18/25 ans",
    "Profil ｊｅｕｎｅ (lettres pleine chasse) et 25\u201135 ans (trait d'union insécable).",
    "Un cœur jeune\u0301 et a\u0302ge\u0301 de 40 ans (accents décomposés).",
    "Straße jeuneß jeune\u07a6 : des lettres collées au mot.",
    "Candidat d'origine łódzka ou d'origine de Lyon.",
    "Profil ٢٥-٣٥ ans (chiffres arabes-indiens).",
    "the the the le",
    "the and of le la",
    "😀 We are the best and you will be with us for the long run, jeune or not.",
    "Æquo animo : l'ÆTHER de l'équipe, sans religion ni ethnie.",
    "\ufeff",
    "   ",
]


def _checklist(site: Any, language: str) -> Checklist:
    entry = next(e for e in site.checklists(language) if e["id"] == CHECKLIST)
    path = site.checklists_dir(language) / entry["schema"]
    return checklist_from_schema(json.loads(path.read_text(encoding="utf-8")))


def _open(page: Any, site: Any, language: str = "fr") -> Driver:
    entry = next(e for e in site.checklists(language) if e["id"] == CHECKLIST)
    driver = Driver(page, site, entry)
    driver.page.evaluate("() => localStorage.clear()")
    driver.page.reload()
    driver.root.locator(".checklist-toolbar").wait_for()
    return driver


def _page_findings(driver: Driver, item_id: str) -> list[Any]:
    box = driver.node(item_id).locator(".checklist-findings")
    return list(json.loads(box.get_attribute("data-findings") or "[]"))


def _messages(driver: Driver, item_id: str) -> list[str]:
    box = driver.node(item_id).locator(".checklist-findings")
    return list(box.evaluate("b => [...b.querySelectorAll('p')].map(p => p.textContent)"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_guard_matches_python_on_varied_texts(site, page, language):
    """Both implementations on the same texts: the same rules, words and messages."""
    page.clock.install()  # the page screens once typing pauses: run its timers on demand
    driver = _open(page, site, language)
    checklist = _checklist(site, language)
    problems: list[str] = []
    for text in SENTENCES:
        driver.control(FIELD).fill(text)
        page.clock.run_for(1000)
        expected = screen(checklist, {FIELD: text})
        want = [[f.rule, list(f.words)] for f in expected]
        got = _page_findings(driver, FIELD)
        if got != want:
            problems.append(f"{text!r}\n    page   {got}\n    python {want}")
        elif _messages(driver, FIELD) != [f.message(language) for f in expected]:
            problems.append(f"{text!r}: messages {_messages(driver, FIELD)}")
    assert not problems, "\n".join(problems)
    # Enough of the texts raise something, and the English-text rule is French-only.
    raised = {
        rule for text in SENTENCES for rule in (f.rule for f in screen(checklist, {FIELD: text}))
    }
    assert len(raised) >= 10, raised
    assert ("anglais" in raised) == (language == "fr")


def test_opted_out_field_is_not_screened(site, page):
    driver = _open(page, site)
    node = driver.node(OPTED_OUT)
    assert node.locator(".checklist-findings").count() == 0
    items = [i for s in driver.data["checklist"]["sections"] for i in s["items"]]
    assert next(i for i in items if i["id"] == OPTED_OUT)["guard"] is False
    assert screen(_checklist(site, "fr"), {OPTED_OUT: "Jeune Pousse SARL"}) == []


def test_finding_acknowledged_exported_and_restored(site, page, validate_form, tmp_path):
    driver = _open(page, site)
    ui = driver.ui
    # Typed key by key, as a person would: the finding comes once typing pauses.
    driver.control(FIELD).press_sequentially("Un jeune community manager, sans enfants.")
    box = driver.node(FIELD).locator(".checklist-findings")
    age = box.locator("p", has_text="« jeune »")
    age.wait_for()
    assert "L1132-1" in age.inner_text()
    assert "âge" in age.inner_text()
    assert [rule for rule, _ in _page_findings(driver, FIELD)] == ["age", "famille"]

    # The acknowledgement box is labelled, tied to its finding, and kept in the draft.
    ack = box.get_by_label(ui["acknowledge"]).and_(box.locator('[data-ack="finalite:age"]'))
    ack.check()
    assert ack.get_attribute("aria-describedby") == age.get_attribute("id")
    # At the top of the page, as the page-by-page check runs: scrolled, the theme's sticky
    # header would cover the fields above and axe would count them as too small targets.
    page.evaluate("() => window.scrollTo(0, 0)")
    problems = _report("fiche-de-poste with findings", _run(_axe(), page))
    assert not problems, "\n".join(problems)

    path, form = driver.export(tmp_path)
    assert form["acknowledged"] == ["finalite:age"]
    result = validate_form(path)
    assert result.valid, [e.message for e in result.errors]
    # The validator finds in the exported file what the page showed.
    assert [[f.rule, list(f.words)] for f in result.findings] == _page_findings(driver, FIELD)
    assert [(f.item, f.rule, list(f.words), f.acknowledged) for f in result.findings] == [
        ("finalite", "age", ["jeune"], True),
        ("finalite", "famille", ["sans enfants"], False),
    ]
    assert [w.item for w in result.warnings] == ["finalite"]  # only the one not acknowledged

    # A reload restores the draft, acknowledgement included.
    driver.page.reload()
    driver.root.locator(".checklist-toolbar").wait_for()
    box.locator('[data-ack="finalite:age"]').wait_for()
    assert box.locator('[data-ack="finalite:age"]').is_checked()
    assert not box.locator('[data-ack="finalite:famille"]').is_checked()

    # Unticked, it leaves the list; the exported file, imported again, brings it back.
    box.locator('[data-ack="finalite:age"]').uncheck()
    (tmp_path / "again").mkdir()
    again, unticked = driver.export(tmp_path / "again")
    assert unticked["acknowledged"] == []
    assert not any(f.acknowledged for f in validate_form(again).findings)
    driver.import_file("acknowledged.json", path.read_bytes())
    box.locator('[data-ack="finalite:age"]:checked').wait_for()  # screened once imported
    assert driver.root.locator(".checklist-status p").all_inner_texts() == [ui["import_done"]]
