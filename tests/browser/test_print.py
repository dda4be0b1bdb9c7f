"""Printing a checklist page: the whole form, its answers and its result, on A4 paper.

Each checklist page of both languages is filled as a draft (every required answer, one
text answer of its own, the last item too) and printed to PDF by Chromium with the print
media, as the browser's Print does. The PDF's text must hold the last item's label, the
given answer and, where the checklist scores, the result the page shows; and none of the
page's chrome (toolbar, downloads, navigation, "back to top").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from .conftest import Driver, Site

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
    """Text as compared: ligatures unfolded (ﬀ), any run of spaces or line breaks as one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


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
    ".checklist-toolbar, .checklist-downloads, .checklist-status, .bd-header, .bd-header-article,"
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
