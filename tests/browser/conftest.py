"""Browser tests: the real handbook, built once, served locally, driven by headless Chromium.

The site is laid out as ``nox -s docs`` publishes it: French at the root, English under
``en/`` (each language built by its own ``sphinx-build -D language=…`` process, with its
own doctrees, so no catalogue is shared between them).

Browser choice: ``CHROMIUM_PATH`` when set; otherwise the system Chromium
(``/usr/bin/chromium`` or ``chromium`` on PATH), then Playwright's own browser. When none
can start, the tests are skipped loudly, except on CI (``CI`` set) where they fail: a
pipeline that silently skips its browser tests tests nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# Where each language lives in the published site (conf.py's handbook_languages).
LANGUAGES = {"fr": "", "en": "en/"}
# Documents requested with this query string are served under a strict policy; the test
# checks that the checklist script needs nothing more than same-origin files.
CSP_QUERY = "csp=strict"
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "require-trusted-types-for 'script'"
)

try:  # the package lives in tools/; a checkout without `pip install -e .` still works
    import checklist_forms  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(ROOT / "tools"))

# The same Chromium flags as the PDF printer: this sandbox refuses its background traffic.
from checklist_forms.core.versions import version_key  # noqa: E402
from checklist_forms.site.pdf import LAUNCH_ARGS  # noqa: E402


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


# -- The site ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    root: Path
    url: str

    def checklists(self, language: str = "fr") -> list[dict[str, Any]]:
        """Index entries of one language; ``page`` is relative to the site root."""
        prefix = LANGUAGES[language]
        index = json.loads(
            (self.root / prefix / "checklists" / "index.json").read_text(encoding="utf-8")
        )
        # The page fills the current version; earlier ones stay published for old forms.
        latest: dict[str, dict[str, Any]] = {}
        for entry in index["checklists"]:
            known = latest.get(entry["id"])
            if known is None or version_key(entry["version"]) > version_key(known["version"]):
                latest[entry["id"]] = entry
        entries = [e for e in index["checklists"] if e is latest[e["id"]]]
        for entry in entries:
            entry["page"] = prefix + entry["page"]
        return entries

    def checklists_dir(self, language: str = "fr") -> Path:
        return self.root / LANGUAGES[language] / "checklists"

    def page_url(self, docname: str, query: str = "") -> str:
        return f"{self.url}{docname}.html" + (f"?{query}" if query else "")

    def pages(self, language: str | None = None) -> list[str]:
        """HTML pages of the site, or of one language only."""
        found = sorted(
            p.relative_to(self.root).as_posix()
            for p in self.root.rglob("*.html")
            if "_static" not in p.parts
        )
        if language is None:
            return found
        if language == "fr":
            return [p for p in found if not p.startswith("en/")]
        return [p for p in found if p.startswith(LANGUAGES[language])]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-site")
    doctrees = tmp_path_factory.mktemp("browser-doctrees")
    # One process per language, side by side: Sphinx caches catalogues process-wide.
    sphinx = [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(DOCS)]
    builds = {
        language: subprocess.Popen(
            [
                *sphinx,
                str(out / prefix),
                "-D",
                f"language={language}",
                "-d",
                str(doctrees / language),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for language, prefix in LANGUAGES.items()
    }
    failures = []
    for language, proc in builds.items():
        _, stderr = proc.communicate()
        if proc.returncode != 0:
            failures.append(f"[{language}] exit {proc.returncode}:\n{stderr[-4000:]}")
        elif not (out / LANGUAGES[language] / "checklists" / "index.json").is_file():
            failures.append(f"[{language}] the build wrote no checklists/index.json")
    if failures:
        pytest.fail("the handbook does not build:\n" + "\n".join(failures))
    return out


class _Handler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        if CSP_QUERY in self.path.partition("?")[2]:
            self.send_header("Content-Security-Policy", STRICT_CSP)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site(built_site: Path) -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(built_site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Site(built_site, f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- The browser -------------------------------------------------------------------------


def _candidates() -> list[str | None]:
    """Executables to try in order; ``None`` is Playwright's bundled browser."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return [explicit]
    system = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
    return [system, None] if system else [None]


def _no_browser(reason: str) -> None:
    message = "BROWSER TESTS NOT RUN: no Chromium could be launched. " + reason
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _no_browser(f"playwright is not installed ({exc}); pip install -e '.[tests]'")
    errors: list[str] = []
    with sync_playwright() as pw:
        for path in _candidates():
            try:
                instance = pw.chromium.launch(executable_path=path, headless=True, args=LAUNCH_ARGS)
            except Exception as exc:  # any launch failure: try the next candidate
                errors.append(f"{path or 'playwright chromium'}: {str(exc).splitlines()[0]}")
                continue
            try:
                yield instance
            finally:
                instance.close()
            return
    _no_browser("Tried: " + "; ".join(errors) + ". Set CHROMIUM_PATH to a Chromium executable.")


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(accept_downloads=True, locale="fr-FR")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Iterator[Any]:
    """A page that fails the test on any uncaught script error."""
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(exc.stack or str(exc)))
    pg.page_errors = errors  # type: ignore[attr-defined]  # a test may clear what it expects
    yield pg
    pg.close()
    assert not errors, "uncaught script errors in the page:\n" + "\n".join(errors)


# -- Driving one checklist through the page ------------------------------------------------

# What the page says about each item, read the way a person sees it (hidden or not).
ITEMS_JS = """root => {
  const data = JSON.parse(root.querySelector('script.checklist-data').textContent);
  const defs = new Map(data.checklist.sections.flatMap(s => s.items).map(i => [i.id, i]));
  return Array.from(root.querySelectorAll('.checklist-item[data-item]')).map(node => {
  const def = defs.get(node.dataset.item);
  const controls = Array.from(node.querySelectorAll('input, select, textarea'))
    .filter(c => c.name === node.dataset.item);
  return {
    id: node.dataset.item,
    kind: node.dataset.kind,
    required: def.required === true,
    hidden: node.hidden,
    disabled: controls.length > 0 && controls.every(c => c.disabled),
    visibleIf: def.visible_if || null,
    minSelected: def.min_selected || 1,
    tag: controls.length ? controls[0].tagName.toLowerCase() : null,
    values: controls.flatMap(c => c.tagName === 'SELECT'
      ? Array.from(c.options).map(o => o.value).filter(v => v !== '') : [c.value]),
    min: controls.length ? controls[0].getAttribute('min') : null,
    max: controls.length ? controls[0].getAttribute('max') : null,
    maxlength: controls.length ? controls[0].getAttribute('maxlength') : null,
  };
})}"""

# The state of every control of the form, to compare before and after a reload.
STATE_JS = """root => Array.from(root.querySelectorAll('form.checklist-form input, form.checklist-form select, form.checklist-form textarea'))
  .map(c => [c.id, (c.type === 'checkbox' || c.type === 'radio') ? c.checked : c.value, c.disabled])"""

TEXT_ANSWER = "Réponse de test"
DATE_ANSWER = "2026-01-15"


def number_answer(item: dict[str, Any]) -> float:
    """A value inside the item's bounds."""
    low = float(item["min"]) if item["min"] not in (None, "") else None
    high = float(item["max"]) if item["max"] not in (None, "") else None
    value = low if low is not None else 1.0
    if high is not None and value > high:
        value = high
    return int(value) if float(value).is_integer() else value


def text_answer(item: dict[str, Any], text: str = TEXT_ANSWER) -> str:
    limit = int(item["maxlength"]) if item["maxlength"] else len(text)
    return text[:limit]


class Driver:
    """One checklist on its page, operated through the page like a person would."""

    def __init__(self, page: Any, site: Site, entry: dict[str, Any], query: str = "") -> None:
        self.page = page
        self.site = site
        self.entry = entry
        self.id = entry["id"]
        self.version = entry["version"]
        self.response = page.goto(site.page_url(entry["page"], query))
        self.root = page.locator(f'section.checklist[data-checklist="{self.id}"]')
        self.root.locator(".checklist-toolbar").wait_for()
        self.data: dict[str, Any] = json.loads(
            self.root.locator("script.checklist-data").text_content() or "{}"
        )
        self.ui: dict[str, str] = self.data["ui"]

    # reading
    def items(self) -> list[dict[str, Any]]:
        return list(self.root.evaluate(ITEMS_JS))

    def item(self, item_id: str) -> dict[str, Any]:
        return next(i for i in self.items() if i["id"] == item_id)

    def node(self, item_id: str) -> Any:
        return self.root.locator(f'.checklist-item[data-item="{item_id}"]')

    def state(self) -> list[Any]:
        return list(self.root.evaluate(STATE_JS))

    def button(self, key: str) -> Any:
        return self.root.get_by_role("button", name=self.ui[key], exact=True)

    def status(self) -> str:
        return str(self.root.locator(".checklist-status").inner_text())

    def alert(self) -> str:
        return str(self.root.locator(".checklist-alert").inner_text())

    # writing
    def control(self, item_id: str, value: Any = None) -> Any:
        node = self.node(item_id)
        if value is None:
            return node.locator(f'[name="{item_id}"]').first
        return node.locator(f'[name="{item_id}"][value="{value}"]')

    def answer(self, item: dict[str, Any]) -> None:
        """Give the item a valid answer (the first choices, a value within bounds)."""
        kind, item_id = item["kind"], item["id"]
        if kind == "checkbox":
            self.control(item_id).check()
        elif kind == "multi_choice":
            for value in item["values"][: max(1, item["minSelected"])]:
                self.control(item_id, value).check()
        elif kind in ("single_choice", "rating"):
            self.set(item, item["values"][0])
        elif kind == "text":
            self.control(item_id).fill(text_answer(item))
        elif kind == "number":
            self.control(item_id).fill(str(number_answer(item)))
        elif kind == "date":
            self.control(item_id).fill(DATE_ANSWER)

    def set(self, item: dict[str, Any], value: Any) -> None:
        """Put one form value into an item (None clears it)."""
        kind, item_id = item["kind"], item["id"]
        if kind == "checkbox":
            self.control(item_id).set_checked(bool(value))
        elif kind == "multi_choice":
            for choice in item["values"]:
                self.control(item_id, choice).set_checked(choice in (value or []))
        elif kind in ("single_choice", "rating") and item["tag"] == "select":
            self.control(item_id).select_option("" if value is None else str(value))
        elif kind in ("single_choice", "rating"):
            if value is None:
                raise ValueError("a radio group cannot be cleared by a person")
            self.control(item_id, str(value)).check()
        elif kind in ("text", "number", "date"):
            self.control(item_id).fill("" if value is None else str(value))

    def fill_required(self) -> set[str]:
        """Answer every required item that is shown, again as answers reveal new ones."""
        done: set[str] = set()
        for _ in range(50):
            todo = [
                i for i in self.items() if i["required"] and not i["hidden"] and i["id"] not in done
            ]
            if not todo:
                return done
            for item in todo:
                self.answer(item)
                done.add(item["id"])
        raise AssertionError("answering required items keeps revealing new ones")

    def export(self, tmp_path: Path, via_keyboard: bool = False) -> tuple[Path, dict[str, Any]]:
        with self.page.expect_download() as info:
            if via_keyboard:
                self.page.keyboard.press("Enter")
            else:
                self.button("export").click()
            # An incomplete form lists its missing answers first (checklist-required.js);
            # it can still be exported as a draft.
            draft = self.root.locator(".checklist-export-draft")
            if draft.is_visible():
                draft.click()
        download = info.value
        # checklist-version, then what the form holds (title, evaluator, date), slugified
        name = download.suggested_filename
        assert name.startswith(f"{self.id}-{self.version}-") and name.endswith(".json"), name
        assert re.fullmatch(r"[a-z0-9.-]+", name), name
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        return target, json.loads(target.read_text(encoding="utf-8"))

    def import_file(self, name: str, content: bytes) -> None:
        with self.page.expect_file_chooser() as chooser:
            self.button("import").click()
        chooser.value.set_files({"name": name, "mimeType": "application/json", "buffer": content})
        # Reading the file is asynchronous; the script empties both message boxes first.
        self.root.locator(".checklist-status p, .checklist-alert p").first.wait_for()


def form_for_page(site: Site, path: Path) -> dict[str, Any]:
    """A fixture form carried to the version its checklist's page fills, by the engine.

    The scoring fixtures were written for grille-entretien 1.0.0; the page fills the
    current version and refuses older files (saying to run ``checklist-forms migrate``),
    so the tests do what that command does.
    """
    from checklist_forms.intake.catalogue import Catalogue
    from checklist_forms.intake.forms import load_form
    from checklist_forms.intake.migrate import migrate
    from checklist_forms.intake.validate import Validator, checklist_from_schema

    form = load_form(path)
    catalogue = Catalogue.load(site.root / "checklists")
    entry, _, source = Validator(catalogue).resolve(form)
    current = next(e for e in site.checklists() if e["id"] == source.id)
    if current["version"] == source.version:
        return dict(form.data)
    target_entry = catalogue.find(source.id, current["version"], entry.language)
    assert target_entry is not None
    schema = catalogue.schema(target_entry)
    result = migrate(form.data, source, checklist_from_schema(schema), schema_url=schema["$id"])
    assert not result.dropped, result.dropped
    return dict(result.form)


def validate_file(site_root: Path, path: Path) -> Any:
    from checklist_forms.intake.catalogue import Catalogue
    from checklist_forms.intake.forms import load_form
    from checklist_forms.intake.validate import Validator

    return Validator(Catalogue.load(site_root / "checklists")).validate(load_form(path))


@pytest.fixture
def open_checklist(page: Any, site: Site) -> Any:
    def opener(entry: dict[str, Any], query: str = "") -> Driver:
        return Driver(page, site, entry, query)

    return opener


@pytest.fixture
def validate_form(site: Site) -> Any:
    """The Python validator, on the catalogue of the built site."""
    return partial(validate_file, site.root)


@pytest.fixture
def answers_for() -> Any:
    """The values ``Driver.answer`` types, for tests that type them by hand."""
    return {"text": text_answer, "number": number_answer, "date": DATE_ANSWER}
