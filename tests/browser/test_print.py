"""Printing a checklist page: the whole form, its answers and its result, on A4 paper.

Each checklist page of both languages is filled as a draft (every required answer, one
text answer of its own, the last item too) and printed to PDF by Chromium with the print
media, as the browser's Print does. The PDF's text must hold the last item's label, the
given answer and, where the checklist scores, the result the page shows; and none of the
page's chrome (toolbar, downloads, navigation, "back to top").
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from .conftest import ROOT, Driver, Site, form_for_page

pytestmark = pytest.mark.browser

MARK = "Réponse imprimée 4217"
A4 = (595, 842)  # points, as Chromium writes the page box

# The last item a reader sees, and its label as the page writes it.
LAST_JS = """root => {
  const shown = Array.from(root.querySelectorAll('.checklist-item[data-item]'))
    .filter((n) => !n.closest('[hidden]'));
  const node = shown[shown.length - 1];
  const label = node.querySelector('.checklist-label, legend, label');
  const clone = label.cloneNode(true);
  clone.querySelectorAll('.checklist-required').forEach((r) => r.remove());
  return { id: node.dataset.item, label: clone.textContent };
}"""


def flat(text: str) -> str:
    """Text as compared: ligatures unfolded (ﬀ), any run of spaces or line breaks as one,
    and a word broken at its hyphen at the end of a printed line ("in-\\nhouse") whole."""
    spaced = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    return spaced.replace("- ", "-")


def pdf_text(path: Path) -> tuple[str, list[tuple[int, int]]]:
    reader = PdfReader(path)
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    ]
    return flat("\n".join(p.extract_text() for p in reader.pages)), sizes


def fill_draft(driver: Driver) -> dict[str, Any]:
    """Required answers, a text answer of ours, and the last item answered."""
    driver.fill_required()
    free = next(
        i for i in driver.items() if i["kind"] == "text" and not i["hidden"] and not i["disabled"]
    )
    driver.control(free["id"]).fill(MARK[: int(free["maxlength"] or len(MARK))])
    last = driver.root.evaluate(LAST_JS)
    item = driver.item(last["id"])
    if item["id"] != free["id"] and item["kind"] != "note":
        driver.answer(item)
    return dict(last)


def print_pdf(driver: Driver, path: Path) -> tuple[str, list[tuple[int, int]], list[str]]:
    """The printout's text and page sizes, and what of the page's chrome it shows."""
    # page.pdf prints with the print media unless the screen is emulated; say it anyway,
    # and go back to the screen, where the next page's toolbar must be seen.
    driver.page.emulate_media(media="print")
    try:
        driver.page.pdf(path=str(path), format="A4", print_background=True)
        shown = list(driver.page.evaluate(PRINTED_JS, CHROME))
    finally:
        driver.page.emulate_media(media="screen")
    return (*pdf_text(path), shown)


# What a reader of the printout does not need: the form's toolbar and downloads, the
# theme's header, sidebars, footers and "back to top" button.
CHROME = (
    ".checklist-toolbar, .checklist-submit, .checklist-downloads, .checklist-status, .bd-header, .bd-header-article,"
    " .bd-sidebar-primary, .bd-sidebar-secondary, .bd-footer, .bd-article-footer,"
    " .prev-next-footer, #pst-back-to-top, .skip-link"
)
PRINTED_JS = """selector => Array.from(document.querySelectorAll(selector))
  .filter((n) => n.getClientRects().length > 0).map((n) => n.id || n.className)"""


def check_printout(
    driver: Driver, printed: tuple[str, list[tuple[int, int]], list[str]], last: dict[str, Any]
) -> list[str]:
    text, sizes, shown = printed
    problems = []
    name = driver.id
    if any(abs(w - A4[0]) > 2 or abs(h - A4[1]) > 2 for w, h in sizes):
        problems.append(f"{name}: pages are not A4: {sorted(set(sizes))}")
    if flat(last["label"]) not in text:
        problems.append(f"{name}: the last item's label is not printed: {flat(last['label'])!r}")
    if flat(MARK) not in text:
        problems.append(f"{name}: the given answer {MARK!r} is not printed")
    result = driver.root.locator(".checklist-result")
    if result.count() and result.inner_text().strip():
        for line in result.inner_text().splitlines():
            if flat(line) and flat(line) not in text:
                problems.append(f"{name}: the result line {flat(line)!r} is not printed")
    if flat(driver.ui["export"]) in text:
        problems.append(f"{name}: the toolbar is printed")
    if shown:
        problems.append(f"{name}: printed around the form: {shown}")
    return problems


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_checklist_page_prints_whole(
    site: Site, open_checklist: Any, tmp_path: Path, language: str
) -> None:
    problems: list[str] = []
    entries = site.checklists(language)
    assert len(entries) >= 10
    for entry in entries:
        driver = open_checklist(entry)
        driver.page.evaluate("() => localStorage.clear()")
        last = fill_draft(driver)
        printed = print_pdf(driver, tmp_path / f"{language}-{entry['id']}.pdf")
        problems += check_printout(driver, printed, last)
    assert not problems, "\n".join(problems)


# The page's own heading and the handbook text before the form, as the page shows them.
AROUND_JS = """root => {
  const h1 = document.querySelector('article h1');
  const before = Array.from(document.querySelectorAll('article p'))
    .filter((p) => !root.contains(p) && (p.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING));
  return [h1.firstChild.textContent, before.length ? before[0].textContent : null];
}"""


@pytest.mark.parametrize("language", ["fr", "en"])
def test_print_button_prints_the_form_alone(
    site: Site, open_checklist: Any, tmp_path: Path, language: str
) -> None:
    entry = next(e for e in site.checklists(language) if e["id"] == "grille-entretien")
    driver = open_checklist(entry)
    driver.page.evaluate("() => localStorage.clear()")
    last = fill_draft(driver)
    heading, prose = (flat(x) if x else None for x in driver.root.evaluate(AROUND_JS))
    assert heading and prose, "the page has no heading or text before the form"
    # The print dialog is the one thing replaced: headless Chromium has none to open.
    driver.page.evaluate(
        "() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }"
    )
    driver.button("print").click()
    assert driver.page.evaluate("() => window.__printed") == 1

    alone = print_pdf(driver, tmp_path / "alone.pdf")
    assert check_printout(driver, alone, last) == []
    text = alone[0]
    assert flat(driver.root.locator(".checklist-title").inner_text()) in text
    assert prose not in text and heading not in text.replace(
        flat(driver.root.locator(".checklist-title").inner_text()), ""
    )

    # Once the browser has printed, a print from its menu holds the page's text again.
    driver.page.evaluate("() => dispatchEvent(new Event('afterprint'))")
    whole = print_pdf(driver, tmp_path / "whole.pdf")
    assert check_printout(driver, whole, last) == []
    assert prose in whole[0] and heading in whole[0]
    assert (
        driver.page.evaluate(
            "() => document.querySelectorAll('.checklist-print-path, .checklist-print-target').length"
        )
        == 0
    )


def test_printed_interview_grid_result_in_french(
    site: Site, open_checklist: Any, tmp_path: Path
) -> None:
    """The result on paper: a French score and the thresholds; a draft says it is one."""
    entry = next(e for e in site.checklists("fr") if e["id"] == "grille-entretien")
    driver = open_checklist(entry)
    driver.page.evaluate("() => localStorage.clear()")
    fill_draft(driver)
    text, _, _ = print_pdf(driver, tmp_path / "grille.pdf")
    assert "Évaluation incomplète" not in text and "Brouillon" not in text
    assert re.search(r"Score : \d+(,\d)? / 100 \(\d+ / 10 critères notés\)", text), text[-1500:]
    assert "Seuils : À retenir à partir de 75 · Second entretien à partir de 55" in text

    # Chloé's grid: three criteria rated of ten, four required ones left.
    chloe = ROOT / "tests" / "data" / "scoring" / "grille-chloe-brouillon.json"
    driver.import_file("chloe.json", json.dumps(form_for_page(driver.site, chloe)).encode())
    text, _, _ = print_pdf(driver, tmp_path / "chloe.pdf")
    assert "Brouillon Recommandation : Évaluation incomplète" in text
    assert "Reste à noter : Autonomie et sens des responsabilités, Curiosité et veille" in text
    assert "Score : — (3 / 10 critères notés)" in text
