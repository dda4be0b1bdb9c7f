"""axe-core on every page of the built handbook (WCAG 2.0/2.1 A and AA, 2.2 AA).

No rule is switched off: a violation is fixed where it comes from (the checklist CSS, the
theme configuration or the page), not hidden here.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import ROOT, Driver, form_for_page

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _axe() -> Any:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError as exc:  # pragma: no cover
        pytest.fail(f"axe-playwright-python is required for the browser tests: {exc}")
    return Axe()


def _report(page_name: str, response: dict[str, Any]) -> list[str]:
    lines = []
    for violation in response["violations"]:
        lines.append(
            f"{page_name}: {violation['id']} ({violation['impact']}) {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = node.get("failureSummary") or ""
            lines.extend(f"      {line}" for line in summary.splitlines()[1:3])
    return lines


def _run(axe: Any, page: Any) -> dict[str, Any]:
    result = axe.run(
        page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    )
    return dict(result.response)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_has_no_axe_violation(site, page, language):
    """Each page of the French site, then each page of the English one (under en/)."""
    axe = _axe()
    pages = site.pages(language)
    assert len(pages) >= 30, f"the {language} build has only {len(pages)} HTML pages"
    problems: list[str] = []
    for name in pages:
        page.goto(site.url + name)
        page.wait_for_load_state("load")
        problems += _report(name, _run(axe, page))
    assert not problems, f"axe found violations on {len(pages)} pages:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_checklist_pages_in_both_themes_and_with_toolbar_messages(site, browser, scheme):
    """Colour contrast of checklists in light and dark modes, including messages the script adds."""
    axe = _axe()
    context = browser.new_context(color_scheme=scheme, locale="fr-FR")
    try:
        page = context.new_page()
        # The theme follows the system when the reader never chose a mode.
        page.add_init_script(
            f"localStorage.setItem('mode', '{scheme}'); localStorage.setItem('theme', '{scheme}');"
        )
        problems: list[str] = []
        for entry in {e["page"]: e for e in site.checklists()}.values():
            page.goto(site.page_url(entry["page"]))
            root = page.locator(f'section.checklist[data-checklist="{entry["id"]}"]')
            root.locator(".checklist-toolbar").wait_for()
            assert page.evaluate("() => document.documentElement.dataset.theme") == scheme
            # Show both message boxes so their colours are checked too.
            with page.expect_file_chooser() as chooser:
                root.locator(".checklist-import").click()
            chooser.value.set_files(
                {"name": "x.json", "mimeType": "application/json", "buffer": b"nope"}
            )
            root.locator(".checklist-alert p").wait_for()
            problems += _report(f"{entry['page']} ({scheme})", _run(axe, page))
        assert not problems, "\n".join(problems)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_live_score_and_findings_in_both_themes(site, browser, scheme):
    """What the script writes as answers change: the verdict with its reasons, flags and
    failed essentials, and the guard's findings with their acknowledgement boxes."""
    axe = _axe()
    context = browser.new_context(color_scheme=scheme, locale="fr-FR")
    try:
        page = context.new_page()
        page.add_init_script(
            f"localStorage.setItem('mode', '{scheme}'); localStorage.setItem('theme', '{scheme}');"
        )
        entries = {e["id"]: e for e in site.checklists()}
        problems: list[str] = []
        # A failed essential (weighted), then a raised flag (tally).
        for name in ("grille-bruno.json", "profil-petite-structure.json"):
            form = json.dumps(
                form_for_page(site, ROOT / "tests" / "data" / "scoring" / name)
            ).encode()
            driver = Driver(page, site, entries[json.loads(form)["checklist"]])
            driver.import_file(name, form)
            driver.root.locator(".checklist-result .checklist-reason").first.wait_for()
            page.evaluate("() => window.scrollTo(0, 0)")
            problems += _report(f"{name} ({scheme})", _run(axe, page))
        driver = Driver(page, site, entries["fiche-de-poste"])
        driver.control("finalite").fill("Jeune femme célibataire, 25-35 ans.")
        driver.node("finalite").locator(".checklist-findings input").first.wait_for()
        page.evaluate("() => window.scrollTo(0, 0)")
        problems += _report(f"fiche-de-poste findings ({scheme})", _run(axe, page))
        assert not problems, "\n".join(problems)
    finally:
        context.close()
