"""Rules between answers and the country list in the page (Chromium), in both languages.

checklist-rules.js applies the definition's ``rules`` (tests/conformance/ holds it to the
Python verdicts); here the page must show the message under the field as it is typed,
and drop it once the answers agree again.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Driver

pytestmark = pytest.mark.browser

CHECKLIST = "fiche-de-poste"
MESSAGES = {
    "fr": "Le haut de la fourchette de salaire doit être au moins égal au bas.",
    "en": "The top of the salary range must be at least the bottom.",
}
GERMANY = {"fr": "Allemagne", "en": "Germany"}


def _latest(site: Any, language: str) -> dict[str, Any]:
    entries = [e for e in site.checklists(language) if e["id"] == CHECKLIST]
    return max(entries, key=lambda e: tuple(int(p) for p in e["version"].split(".")))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_salary_rule_shows_next_to_the_field(page: Any, site: Any, language: str) -> None:
    driver = Driver(page, site, _latest(site, language))
    low, high = driver.control("salaire-min"), driver.control("salaire-max")
    message = driver.node("salaire-max").locator(".checklist-rule")
    low.fill("45000")
    high.fill("38000")
    message.wait_for(state="visible")
    assert message.inner_text() == MESSAGES[language]
    described = high.get_attribute("aria-describedby") or ""
    assert message.get_attribute("id") in described.split()
    assert driver.node("salaire-min").locator(".checklist-rule:visible").count() == 0
    high.fill("52000")
    message.wait_for(state="hidden")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_closing_date_rule_and_country_list(page: Any, site: Any, language: str) -> None:
    driver = Driver(page, site, _latest(site, language))
    driver.control("date-publication").fill("2027-01-15")
    driver.control("date-limite").fill("2027-01-10")
    driver.node("date-limite").locator(".checklist-rule").wait_for(state="visible")
    country = driver.control("pays")
    assert country.evaluate("e => e.tagName") == "SELECT"
    option = country.locator('option[value="DE"]')
    assert option.inner_text().strip() == GERMANY[language]
    assert country.locator("option").count() == 250  # 249 countries and the empty choice
