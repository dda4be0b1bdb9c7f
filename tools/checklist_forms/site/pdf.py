"""The whole handbook as one PDF: the ``singlehtml`` build, printed by headless Chromium.

Usage: ``python -m checklist_forms.site.pdf SINGLEHTML_INDEX OUTPUT_PDF`` (``nox -s pdf``).

Why Chromium (through Playwright) rather than LaTeX, rinohtype or WeasyPrint: the
checklists are HTML forms (:mod:`checklist_forms.publish.form_html`) with a print stylesheet that
the browser tests already check, so the browser that shows them is the one that prints
them, boxes, radio buttons and anchor tables included; the LaTeX and rinohtype builders
would only get the ☐ text fallback of :mod:`checklist_forms.sphinx_ext.render`, and
WeasyPrint does not draw form controls at all. Chromium is already a CI dependency (the
browser tests), Playwright is one ``pip install`` with no browser download (it drives
the system Chromium), and pypdf (pure Python) reads the page numbers back for the table
of contents. Nothing needs TeX or a network.

What the script does to the page before printing (page scripts stay off, so the forms
print as the HTML gives them, every conditional question shown with its condition):

- a cover and a table of contents with page numbers (two passes: print, read where each
  heading landed from the PDF's named destinations, write the numbers, print again);
- headings re-levelled by document depth: Sphinx nests every page under the start page's
  last section, so the chapters would otherwise be ``<h3>`` and deeper;
- cross-page links repaired (``#document-page#anchor`` goes nowhere) and links to site
  files made absolute, pointing at the published site;
- drop-down lists in checklists written out as radio choices, which paper can show, and
  date fields given the page's language (jj / mm / aaaa).

The look itself (chrome hidden, A4 pages, breaks, page numbers) is ``docs/_static/print.css``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist_forms.i18n.translate import N_, translate_all

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXECUTABLES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Reading the page numbers and printing again is repeated until they stop moving.
MAX_PASSES = 4

# The printed book's words, by key; English is the gettext message (i18n/locales/ has the
# rest). "locale" is the page's locale for Chromium, "date" how the edition line writes a day.
LABELS: dict[str, str] = {
    "contents": N_("Contents"),
    "introduction": N_("Introduction"),
    "edition": N_("PDF edition, {date}"),
    "online": N_("Online version, with the checklists to fill in in the browser and to download:"),
    "date_field": N_("dd / mm / yyyy"),
    # Translators: the BCP 47 locale Chromium prints the book in (French: fr-FR).
    "locale": N_("en-GB"),
    # Translators: the edition date; may use {day}, {month} (numbers), {month_name} (English),
    # {year}. French: {day:02d}/{month:02d}/{year}.
    "date": N_("{day} {month_name} {year}"),
}


class BrowserNotFound(RuntimeError):
    """No Chromium could be launched (none installed, or none that starts)."""


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: int
    passes: int


# -- The page, prepared as a book (runs in the page; its own scripts are disabled) ----------

# What runs in the page: JavaScript files of their own, so they are linted (`nox -s lint`).
SCRIPTS = Path(__file__).parent / "print"


def _script(name: str) -> str:
    return (SCRIPTS / name).read_text(encoding="utf-8")


# -- Browser -------------------------------------------------------------------------------


def _module(name: str) -> Any:
    """Playwright and pypdf come with the ``pdf`` and ``tests`` sessions, not the package."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise SystemExit(
            f"{name.split('.')[0]} is not installed: run `nox -s pdf`, or "
            "pip install playwright pypdf"
        ) from exc


def browser_candidates() -> list[str | None]:
    """Executables to try, in order; ``None`` is Playwright's own browser, if downloaded."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return [explicit]
    found: list[str | None] = []
    for name in EXECUTABLES:
        path = shutil.which(name)
        if path and path not in found:
            found.append(path)
    return [*found, None]


def _launch(playwright: Any) -> Any:
    errors = []
    for path in browser_candidates():
        try:
            return playwright.chromium.launch(executable_path=path, headless=True, args=LAUNCH_ARGS)
        except Exception as exc:  # any launch failure: try the next candidate
            errors.append(f"{path or 'Playwright Chromium'}: {str(exc).strip().splitlines()[0]}")
    raise BrowserNotFound(
        "no Chromium could be launched ("
        + "; ".join(errors)
        + "). Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH."
    )


# -- Printing ------------------------------------------------------------------------------


def edition_date() -> dt.date:
    """The build date; ``SOURCE_DATE_EPOCH`` makes it reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def _format_date(day: dt.date, language: str) -> str:
    # Month names from the C locale, which Python keeps unless told otherwise: English.
    # French numbers the month, as the site's "last updated" dates.
    pattern = translate_all(language, LABELS)["date"]
    return pattern.format(day=day.day, month=day.month, month_name=f"{day:%B}", year=day.year)


def page_numbers(pdf: bytes, targets: list[str]) -> dict[str, int]:
    """The 1-based page of each target id, from the PDF's named destinations."""
    pypdf = _module("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: dict[str, int] = {}
    for name, destination in reader.named_destinations.items():
        key = str(name).removeprefix("/")
        page = reader.get_destination_page_number(destination)
        if page is not None and page >= 0:
            found[key] = int(page) + 1
    return {target: found[target] for target in targets if target in found}


def page_count(pdf: bytes) -> int:
    pypdf = _module("pypdf")
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def print_pdf(index: Path, output: Path, *, toc_depth: int = 2) -> Printed:
    """Print a singlehtml ``index.html`` to ``output``."""
    index = index.resolve()
    if not index.is_file():
        raise FileNotFoundError(f"{index}: no such file (build with `sphinx-build -b singlehtml`)")
    html_lang = _page_language(index)
    labels = translate_all(html_lang, LABELS)
    sync_api = _module("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = _launch(playwright)
        try:
            context = browser.new_context(java_script_enabled=False, locale=labels["locale"])
            page = context.new_page()
            page.goto(index.as_uri(), wait_until="load")
            edition = labels["edition"].format(date=_format_date(edition_date(), html_lang))
            composed = page.evaluate(
                _script("compose-book.js"),
                {"labels": labels, "edition": edition, "tocDepth": toc_depth},
            )
            targets = [str(t) for t in composed["targets"]]
            options = {
                "print_background": True,
                "prefer_css_page_size": True,
                "format": "A4",
                "outline": True,
                "tagged": True,
            }
            pdf: bytes = page.pdf(**options)
            numbers: dict[str, int] = {}
            passes = 1
            while passes < MAX_PASSES:
                found = page_numbers(pdf, targets)
                if found == numbers:
                    break
                numbers = found
                page.evaluate(_script("fill-contents.js"), numbers)
                pdf = page.pdf(**options)
                passes += 1
            context.close()
        finally:
            browser.close()
    missing = sorted(set(targets) - set(numbers))
    if missing:
        print(
            f"warning: no page found for {len(missing)} contents entries: {missing[:5]}",
            file=sys.stderr,
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    # Written whole at the end, so a failed print never leaves a truncated file behind.
    part = output.with_name(output.name + ".part")
    part.write_bytes(pdf)
    part.replace(output)
    return Printed(output, page_count(pdf), passes)


def _page_language(index: Path) -> str:
    head = index.read_text(encoding="utf-8", errors="replace")[:2000]
    marker = 'lang="'
    start = head.find(marker)
    if start < 0:
        return "en"
    value = head[start + len(marker) : head.find('"', start + len(marker))]
    return value.split("-")[0].split("_")[0] or "en"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(
            "usage: python -m checklist_forms.site.pdf SINGLEHTML_INDEX OUTPUT_PDF", file=sys.stderr
        )
        return 2
    index, output = Path(args[0]), Path(args[1])
    try:
        printed = print_pdf(index, output)
    except (FileNotFoundError, BrowserNotFound) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{printed.path}: {printed.pages} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
