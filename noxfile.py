"""Developer and CI sessions: ``nox -s docs``, ``nox -s tests``, ``nox -s lint`` …

Every session installs what it needs into its own virtual environment, so the README's
two commands work on a machine that has only Python and git.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["docs", "tests", "lint"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = False

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"
STRICT = ["-W", "-n", "--keep-going"]


def _install(session: nox.Session, extra: str) -> None:
    session.install("-e", f".[{extra}]")


LANGUAGES = {"fr": HTML, "en": HTML / "en"}


def _build_site(session: nox.Session, *extra: str) -> None:
    """French at the root of docs/_build/html/, English under en/, from one source."""
    for language, outdir in LANGUAGES.items():
        doctrees = BUILD / "doctrees" / language
        session.run(
            "sphinx-build", *STRICT, "-b", "html", "-d", str(doctrees), "-D", f"language={language}",
            str(DOCS), str(outdir), *extra,
        )  # fmt: skip


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site (French and English) and its downloadable forms into docs/_build/html/."""
    _install(session, "docs")
    _build_site(session, *session.posargs)
    session.log(f"Open {HTML / 'index.html'} (English: {HTML / 'en' / 'index.html'})")


# The whole handbook as one PDF per language, published with the site.
PDFS = {
    "fr": HTML / "pdf" / "manuel-community-manager-fr.pdf",
    "en": HTML / "en" / "pdf" / "handbook-community-manager-en.pdf",
}


@nox.session
def pdf(session: nox.Session) -> None:
    """One PDF of the handbook per language, into docs/_build/html/ (needs Chromium).

    Builds singlehtml (docs/_build/singlehtml/<lang>/), then prints it with headless
    Chromium through checklist_forms.site.pdf. Independent of `nox -s docs`: the PDFs land
    in the site's folder whichever session runs first.
    """
    _install(session, "docs")
    session.install("playwright>=1.45", "pypdf>=4")
    for language, target in PDFS.items():
        outdir = BUILD / "singlehtml" / language
        session.run(
            "sphinx-build", *STRICT, "-b", "singlehtml", "-d", str(BUILD / "doctrees" / f"singlehtml-{language}"),
            "-D", f"language={language}", str(DOCS), str(outdir), *session.posargs,
        )  # fmt: skip
        session.run(
            "python", "-m", "checklist_forms.site.pdf", str(outdir / "index.html"), str(target)
        )


@nox.session
def webcheck(session: nox.Session) -> None:
    """Web standards over the built site (after `nox -s docs` and `nox -s pdf`).

    Serves docs/_build/html on 127.0.0.1 with gzip as GitHub Pages does, then checks
    internal links and anchors, the Nu Html Checker on every file, pa11y (HTML_CodeSniffer
    and axe-core, WCAG 2 AA) and no horizontal scroll at 360/390 px on every page, and
    Lighthouse on each page type in both languages. Needs Java, Node/npm and Chromium; the
    Node tools are pinned in tools/webcheck/package-lock.json (npm ci, never a browser
    download). `-- --only vnu,links` runs a subset.
    """
    _install(session, "docs")
    session.install("playwright>=1.45")
    session.run(
        "python", "-m", "checklist_forms.site.webcheck", str(HTML), *session.posargs,
        env={"PUPPETEER_SKIP_DOWNLOAD": "1", "CHROME_PATH": "/usr/bin/chromium"},
    )  # fmt: skip


@nox.session
def translations(session: nox.Session) -> None:
    """Extract messages and update docs/locales/; `-- --check` only reports what is missing."""
    _install(session, "docs")
    pot = BUILD / "gettext"
    session.run("sphinx-build", "-q", "-b", "gettext", str(DOCS), str(pot))
    check = (
        "python",
        "-m",
        "checklist_forms.site.translation_check",
        str(pot),
        str(DOCS / "locales"),
    )
    if "--check" in session.posargs:
        session.run(*check)
        return
    session.run(
        "sphinx-intl", "update", "-p", str(pot), "-d", str(DOCS / "locales"), "-l", "en", "-w", "76"
    )
    # Exit 1 lists the messages still to translate after the update: shown, not fatal.
    session.run(*check, success_codes=[0, 1])


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview: rebuilds on save and reloads the browser (http://127.0.0.1:8000)."""
    _install(session, "docs")
    session.install("sphinx-autobuild")
    session.run(
        "sphinx-autobuild",
        "-n",
        "--watch",
        str(ROOT / "tools"),
        str(DOCS),
        str(BUILD / "serve"),
        *session.posargs,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite, then the conformance cases against checklist-rules.js in Node."""
    _install(session, "tests")
    session.run(
        "pytest", *session.posargs, env={"PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")}
    )
    if shutil.which("node") is None:
        message = "node not found: the conformance cases did NOT run against checklist-rules.js"
        if os.environ.get("CI"):
            session.error(message + " (install Node.js 20 or later)")
        session.warn(message)
        return
    session.run("node", "--test", "tests/conformance/", external=True)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff (lint and format), mypy, the package's layers and its modules' length."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "tools/checklist_forms", "benchmarks")
    session.run("lint-imports")  # contracts in pyproject.toml [tool.importlinter]
    session.run("python", "tools/max_lines.py")
    # The package's JavaScript (the form scripts, the search and the PDF printer's):
    # a syntax error would otherwise surface only in a browser.
    # `node --check` reads one file (the others would be the script's arguments).
    for script in sorted((ROOT / "tools" / "checklist_forms").rglob("*.js")):
        session.run("node", "--check", str(script), external=True, silent=True)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks as ratios measured in one run; `-- --quick` for small sizes.

    Prints the table and writes benchmarks/results/latest.md and latest.json (quick.md and
    quick.json with --quick). npm, for json-editor's size, is optional: without it the
    documented size is used.
    """
    _install(session, "tests")
    session.install("check-jsonschema")
    session.run("python", "-m", "benchmarks.run", *session.posargs)


@nox.session
def spelling(session: nox.Session) -> None:
    """French spelling, grammar and typography (needs Enchant, hunspell-fr, Grammalecte)."""
    _install(session, "docs")
    session.install("sphinxcontrib-spelling>=8", "pyenchant>=3.2")
    session.run(
        "sphinx-build",
        *STRICT,
        "-b",
        "spelling",
        str(DOCS),
        str(BUILD / "spelling"),
        env={"HANDBOOK_SPELLING": "1"},
    )
    # Grammar and typography of the French prose (Debian's python3-grammalecte, found
    # outside this venv by the module itself); reviewed exceptions in the docs folder.
    session.run(
        "python", "-m", "checklist_forms.site.grammar", str(DOCS),
        "--exceptions", str(DOCS / "grammalecte-exceptions.txt"), "--base", str(ROOT),
    )  # fmt: skip


@nox.session
def forms(session: nox.Session) -> None:
    """Regenerate checklists/ from docs/ (commit the result with the docs)."""
    _install(session, "docs")
    session.run("checklist-forms", "export")
