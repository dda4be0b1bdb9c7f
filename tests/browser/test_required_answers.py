"""Required answers in the browser: what is missing is said before an export, not after.

On export (toolbar button or the form's own submit button) and on "Check the form", an
incomplete form lists the required items shown but not answered, as links to them; each
is marked (aria-invalid and words) until answered, the focus goes to the first one, and
the draft can still be exported. Run on the real handbook pages, in French and English.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

# Where to keep the screenshots (looked at by a person); a temporary folder otherwise.
SHOTS = os.environ.get("CHECKLIST_SHOTS")


def _entry(site: Any, language: str, checklist_id: str) -> dict[str, Any]:
    return next(e for e in site.checklists(language) if e["id"] == checklist_id)


def _required_shown(driver: Any) -> list[str]:
    return [i["id"] for i in driver.items() if i["required"] and not i["hidden"]]


def _listed(driver: Any) -> list[str]:
    return list(
        driver.root.locator(".checklist-missing-list a").evaluate_all(
            "links => links.map(a => a.dataset.item)"
        )
    )


def _focused_item(driver: Any) -> str | None:
    return driver.page.evaluate(
        "() => document.activeElement?.closest('.checklist-item[data-item]')?.dataset.item ?? null"
    )


def _invalid(driver: Any, item_id: str) -> bool:
    controls = driver.node(item_id).locator(f'[name="{item_id}"]')
    return all(c.get_attribute("aria-invalid") == "true" for c in controls.all())


@pytest.mark.parametrize("language", ["fr", "en"])
def test_export_of_an_empty_form_lists_what_is_missing(site, open_checklist, language, tmp_path):
    driver = open_checklist(_entry(site, language, "fiche-de-poste"))
    ui = driver.ui
    required = _required_shown(driver)
    assert len(required) >= 10

    downloads: list[Any] = []
    driver.page.on("download", lambda d: downloads.append(d))
    driver.button("export").click()
    box = driver.root.locator(".checklist-missing")
    assert box.is_visible() and box.get_attribute("role") == "alert"
    assert downloads == []  # nothing leaves without the person knowing it is a draft
    assert _listed(driver) == required
    title = ui["missing_on_export"].format(n=len(required))
    assert box.locator(".checklist-missing-title").inner_text() == title
    # the links name the items as the form does
    first_label = driver.node(required[0]).locator("legend, label").first.inner_text()
    assert box.locator(".checklist-missing-list a").first.inner_text() in first_label
    # the focus is on the first missing field, every missing field marked in words too
    assert _focused_item(driver) == required[0]
    for item_id in required:
        assert _invalid(driver, item_id), item_id
        assert driver.node(item_id).locator(".checklist-missing-mark").inner_text() == (
            f"\u26a0 {ui['missing_mark']}"
        )
    # an optional item is neither listed nor marked
    optional = next(i["id"] for i in driver.items() if not i["required"] and i["kind"] == "text")
    assert not _invalid(driver, optional)

    # answering one removes its mark and its line at once, the others stay
    driver.control(required[0]).fill("Community manager")
    assert not _invalid(driver, required[0])
    assert driver.node(required[0]).locator(".checklist-missing-mark").count() == 0
    assert _listed(driver) == required[1:]
    assert _invalid(driver, required[1])

    # a link takes the focus to its field
    last = required[-1]
    box.locator(f'.checklist-missing-list a[data-item="{last}"]').click()
    assert _focused_item(driver) == last

    # the draft can still be exported, and says so with the count
    with driver.page.expect_download() as info:
        box.locator(".checklist-export-draft").click()
    path = tmp_path / "draft.json"
    info.value.save_as(path)
    assert json.loads(path.read_text(encoding="utf-8"))["status"] == "draft"
    assert driver.status() == ui["exported_draft"].format(n=len(required) - 1)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_check_button_and_hidden_conditional_items(site, open_checklist, language, tmp_path):
    """exemple-contributeur: "lien-teste" is required only when the post holds a link."""
    driver = open_checklist(_entry(site, language, "exemple-contributeur"))
    ui = driver.ui
    assert ui["check"] == {"fr": "Vérifier le formulaire", "en": "Check the form"}[language]
    assert driver.item("lien-teste")["hidden"]
    driver.button("check").click()
    listed = _listed(driver)
    assert listed == _required_shown(driver) and "lien-teste" not in listed
    assert driver.root.locator(".checklist-missing-title").inner_text() == ui[
        "missing_title"
    ].format(n=len(listed))
    assert driver.root.locator(".checklist-export-draft").count() == 0  # checking exports nothing
    assert _focused_item(driver) == listed[0]

    # shown by an answer, it is listed at the next check; hidden again, its mark goes
    driver.control("contient-lien").check()
    driver.button("check").click()
    assert "lien-teste" in _listed(driver) and _invalid(driver, "lien-teste")
    driver.control("contient-lien").uncheck()
    assert driver.node("lien-teste").locator(".checklist-missing-mark").count() == 0
    assert "lien-teste" not in _listed(driver)

    # all answered: the check says so, and the export is final at once
    driver.fill_required()
    assert driver.root.locator(".checklist-missing-list li").count() == 0
    driver.button("check").click()
    assert driver.root.locator(".checklist-missing").is_hidden()
    assert driver.status() == ui["required_all_given"]
    _, form = driver.export(tmp_path)
    assert form["status"] == "final"


def test_the_submit_button_lists_too(site, open_checklist):
    driver = open_checklist(_entry(site, "fr", "grille-entretien"))
    driver.root.locator("form.checklist-form button[type=submit]").click()
    assert _listed(driver) == _required_shown(driver)
    assert _focused_item(driver) == _required_shown(driver)[0]


@pytest.mark.parametrize("width", [390, 1280])
def test_toolbar_stays_in_view_and_the_focus_is_not_under_it(site, open_checklist, width, tmp_path):
    driver = open_checklist(_entry(site, "fr", "fiche-de-poste"))
    driver.page.set_viewport_size({"width": width, "height": 844 if width == 390 else 900})
    driver.button("export").click()
    shots = Path(SHOTS) if SHOTS else tmp_path
    # the list, brought into view as a link to it would (scroll-margin-top): not under the bar
    driver.root.locator(".checklist-missing").evaluate(
        "box => box.scrollIntoView({block: 'start'})"
    )
    top = driver.page.evaluate(
        "() => document.querySelector('.checklist-missing').getBoundingClientRect().top"
        " - document.querySelector('.checklist-sticky').getBoundingClientRect().bottom"
    )
    assert top >= 0
    driver.page.screenshot(path=str(shots / f"required-list-{width}.png"))
    # a link far down the form: its field comes into view below the sticky toolbar
    required = _required_shown(driver)
    driver.root.locator(f'.checklist-missing-list a[data-item="{required[-1]}"]').click()
    driver.page.screenshot(path=str(shots / f"required-focus-{width}.png"))
    geometry = driver.page.evaluate(
        """() => {
          const bar = document.querySelector('.checklist-sticky').getBoundingClientRect();
          const field = document.activeElement.getBoundingClientRect();
          return {barTop: bar.top, barBottom: bar.bottom, fieldTop: field.top, fieldBottom: field.bottom,
                  height: innerHeight, scrolled: scrollY};
        }"""
    )
    assert geometry["scrolled"] > 500  # the form did scroll
    assert 0 <= geometry["barTop"] < geometry["barBottom"] < geometry["height"] / 2, geometry
    assert geometry["fieldTop"] >= geometry["barBottom"], geometry
    assert geometry["fieldBottom"] <= geometry["height"], geometry
    # the progress counter is within the sticky bar, so in view as well
    progress = driver.root.locator(".checklist-sticky .checklist-progress-text")
    assert progress.is_visible()


def test_print_leaves_out_the_list_and_the_marks(site, open_checklist):
    driver = open_checklist(_entry(site, "en", "fiche-de-poste"))
    driver.button("check").click()
    assert driver.root.locator(".checklist-missing").is_visible()
    driver.page.emulate_media(media="print")
    try:
        shown = driver.page.evaluate(
            """() => ({
              printed: [...document.querySelectorAll('.checklist-missing, .checklist-missing-mark')]
                .filter((n) => n.getClientRects().length > 0).length,
              sticky: getComputedStyle(document.querySelector('.checklist-sticky')).position,
            })"""
        )
    finally:
        driver.page.emulate_media(media="screen")
    assert shown == {"printed": 0, "sticky": "static"}
