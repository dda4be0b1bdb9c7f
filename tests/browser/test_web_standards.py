"""What the web-standards check (nox -s webcheck) asked of the pages, in a real Chromium.

- a checklist form has a submit button, which exports the answers like the toolbar's
  button, while Enter in a one-line field still exports nothing;
- the hidden file input behind "Import a file" has an accessible name;
- the phone-width check reports what overflows, and not what scrolls inside its own box.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from checklist_forms.site.webcheck.overflow import overflowing


def test_checklist_form_submits_by_exporting(site, open_checklist, tmp_path: Path) -> None:
    entry = next(e for e in site.checklists() if e["id"] == "exemple-contributeur")
    driver = open_checklist(entry)
    submit = driver.root.locator("form.checklist-form button[type=submit]")
    assert submit.is_visible()
    assert submit.inner_text() == driver.ui["submit"]
    file_input = driver.root.locator("input[type=file]")
    assert file_input.get_attribute("aria-label") == driver.ui["import"]
    # Enter in a one-line field must not download anything.
    downloads: list[Any] = []
    driver.page.on("download", lambda download: downloads.append(download))
    field = driver.root.locator("form.checklist-form input[type=text]:enabled:visible").first
    field.fill("3")
    field.press("Enter")
    driver.page.wait_for_timeout(300)
    assert downloads == []
    with driver.page.expect_download() as info:
        submit.click()
        # the empty form lists its missing answers first, then goes as a draft
        driver.root.locator(".checklist-export-draft").click()
    # nothing names it yet (no title item answered, no date item): today's date does
    name = info.value.suggested_filename
    assert re.fullmatch(
        rf"{driver.id}-{re.escape(driver.version)}-\d{{4}}-\d{{2}}-\d{{2}}\.json", name
    ), name


def test_overflow_names_the_element_that_sticks_out(browser, tmp_path: Path) -> None:
    wide = '<div style="width:500px" class="wide">x</div>'
    boxed = (
        '<div style="overflow-x:auto"><table style="width:900px"><tr><td>x</td></tr></table></div>'
    )
    page = "<!DOCTYPE html><html><head><meta name='viewport' content='width=device-width'></head><body>{}</body></html>"
    (tmp_path / "wide.html").write_text(page.format(wide))
    (tmp_path / "boxed.html").write_text(page.format(boxed))
    urls = [(tmp_path / name).as_uri() for name in ("wide.html", "boxed.html")]
    problems = overflowing(urls, browser)
    assert len(problems) == 2
    assert all("wide.html" in p and "div.wide" in p for p in problems)
