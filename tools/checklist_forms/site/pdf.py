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

COMPOSE_JS = r"""
({labels, edition, tocDepth}) => {
  const doc = document;
  const html = doc.documentElement;
  html.dataset.theme = 'light';
  html.dataset.mode = 'light';
  html.classList.add('pdf-book');
  const article = doc.querySelector('article.bd-article') || doc.querySelector('[role=main]') || doc.body;
  const text = el => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach(a => a.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  const canonical = doc.querySelector('link[rel=canonical]');
  const site = canonical ? canonical.href.split('#')[0] : '';

  // Links. Sphinx writes a link to another page's anchor as #document-<page>#<anchor>.
  const unique = id => doc.querySelectorAll(`[id="${CSS.escape(id)}"]`).length === 1;
  let made = 0;
  for (const a of article.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    const cross = href.match(/^#document-([^#]*)#(.+)$/);
    if (cross) {
      const [, page, anchor] = cross;
      if (unique(anchor)) { a.setAttribute('href', '#' + anchor); continue; }
      const start = doc.getElementById('document-' + page);
      const scope = start && start.nextElementSibling;
      const target = scope && (scope.id === anchor ? scope : scope.querySelector(`[id="${CSS.escape(anchor)}"]`));
      if (target) {
        const mark = doc.createElement('span');
        mark.id = `pdf-anchor-${++made}`;
        target.before(mark);
        a.setAttribute('href', '#' + mark.id);
      } else {
        a.setAttribute('href', '#' + anchor);
      }
      continue;
    }
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || !site) continue;
    a.setAttribute('href', new URL(href, site).href);
  }

  // Headings: level = depth of the page in the toctrees + depth of the section in its page.
  const isSection = el => el.tagName === 'SECTION' && !el.classList.contains('checklist');
  const headings = [];
  for (const h of Array.from(article.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const section = h.parentElement;
    if (!section || !isSection(section) || h.closest('.checklist')) continue;
    let pages = 0, inPage = 0, counting = true;
    for (let p = section.parentElement; p && p !== article; p = p.parentElement) {
      if (p.classList.contains('toctree-wrapper')) { pages++; counting = false; }
      else if (counting && isSection(p)) inPage++;
    }
    const level = Math.min(6, pages === 0 ? inPage + 1 : pages + inPage);
    const title = text(h);
    const heading = doc.createElement('h' + level);
    for (const attr of Array.from(h.attributes)) heading.setAttribute(attr.name, attr.value);
    heading.append(...h.childNodes);
    h.replaceWith(heading);
    if (level === 1) section.classList.add('pdf-chapter');
    // The contents point at the heading, not its section: a section may start at the foot
    // of a page whose heading was pushed to the next one.
    if (!heading.id && section.id) heading.id = `pdf-title-${section.id}`;
    headings.push({level, title, id: heading.id, heading, root: pages === 0 && inPage === 0});
  }
  const root = headings.find(h => h.root);
  // The start page's title is the handbook's, translated (html_title is not).
  const title = root ? root.title
    : (doc.querySelector('meta[property="og:site_name"]') || {}).content || doc.title;
  if (root) {
    // The cover carries the handbook's title; the start page becomes the introduction.
    root.title = labels.introduction;
    const link = root.heading.querySelector('.headerlink');
    root.heading.textContent = labels.introduction;
    if (link) root.heading.append(link);
  }

  // Drop-down lists become the radio choices they stand for.
  for (const select of Array.from(article.querySelectorAll('.checklist select'))) {
    const list = doc.createElement('ul');
    list.className = 'checklist-choices pdf-choices';
    for (const option of Array.from(select.options)) {
      if (!option.value) continue;
      const item = doc.createElement('li');
      const box = doc.createElement('input');
      box.type = 'radio';
      box.name = select.name;
      box.id = `${select.id}-${option.value}`;
      box.value = option.value;
      const label = doc.createElement('label');
      label.htmlFor = box.id;
      label.textContent = option.textContent;
      item.append(box, ' ', label);
      list.append(item);
    }
    select.replaceWith(list);
  }
  // Date fields: headless Chromium draws them in its own interface language (mm/dd/yyyy).
  for (const input of Array.from(article.querySelectorAll('.checklist input[type=date]'))) {
    input.type = 'text';
    input.placeholder = labels.date_field;
    input.classList.add('pdf-date');
  }

  // Cover.
  const copyright = doc.querySelector('.copyright');
  const cover = doc.createElement('section');
  cover.className = 'pdf-cover';
  const para = (cls, content) => {
    const p = doc.createElement('p');
    p.className = cls;
    p.textContent = content;
    cover.append(p);
    return p;
  };
  para('pdf-cover-title', title);
  para('pdf-cover-edition', edition);
  if (site) {
    const p = para('pdf-cover-online', labels.online + ' ');
    const a = doc.createElement('a');
    a.href = site;
    a.textContent = site;
    p.append(a);
  }
  if (copyright) para('pdf-cover-licence', text(copyright).replace(/\.$/, ''));

  // Table of contents; the page numbers are filled in after a first print.
  const toc = doc.createElement('nav');
  toc.className = 'pdf-toc';
  toc.setAttribute('aria-labelledby', 'pdf-toc-title');
  const tocTitle = doc.createElement('h1');
  tocTitle.id = 'pdf-toc-title';
  tocTitle.textContent = labels.contents;
  const list = doc.createElement('ol');
  for (const h of headings) {
    if (h.level > tocDepth || !h.id) continue;
    const item = doc.createElement('li');
    item.className = `pdf-toc-l${h.level}`;
    const a = doc.createElement('a');
    a.href = '#' + h.id;
    const label = doc.createElement('span');
    label.className = 'pdf-toc-text';
    label.textContent = h.title;
    const number = doc.createElement('span');
    number.className = 'pdf-toc-page';
    number.dataset.target = h.id;
    a.append(label, number);
    item.append(a);
    list.append(item);
  }
  toc.append(tocTitle, list);
  article.prepend(cover, toc);
  doc.title = title;
  return {title, entries: list.children.length,
          targets: Array.from(list.querySelectorAll('[data-target]'), n => n.dataset.target)};
}
"""

FILL_TOC_JS = r"""
pages => {
  for (const node of document.querySelectorAll('.pdf-toc-page[data-target]')) {
    const page = pages[node.dataset.target];
    node.textContent = page === undefined ? '' : String(page);
  }
}
"""


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
                COMPOSE_JS, {"labels": labels, "edition": edition, "tocDepth": toc_depth}
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
                page.evaluate(FILL_TOC_JS, numbers)
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
