"""Shared fixtures. Sphinx builds go through ``sphinx.testing`` (``make_app``).

The ``build_site`` fixture writes a small project, builds it, and fails the test on any
warning unless the test says which warnings it expects: a warning nobody looked at is a
regression, not noise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# First, before any test module imports openpyxl: the package pins openpyxl's XML writer
# on import, which is what makes the workbooks' bytes independent of lxml.
import checklist_forms  # noqa: F401

pytest_plugins = "sphinx.testing.fixtures"

ROOT = Path(__file__).resolve().parent.parent
BASE_URL = "https://example.org/manuel/"
CONF = f"""
extensions = ["myst_parser", "checklist_forms.sphinx_ext"]
myst_enable_extensions = ["colon_fence"]
language = "fr"
html_baseurl = "{BASE_URL}"
"""


@pytest.fixture(autouse=True)
def _english_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads its language from the environment: tests expect English unless they
    set one (a French developer's LANG must not turn every message into French)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    # C.UTF-8, not nothing: programs the tests start (LibreOffice) still read UTF-8.
    monkeypatch.setenv("LANG", "C.UTF-8")


@dataclass
class Built:
    app: Any
    srcdir: Path
    outdir: Path
    warnings: list[str]
    status: str

    def forms(self) -> Path:
        return self.outdir / "checklists"

    def html(self, docname: str = "index") -> str:
        return (self.outdir / f"{docname}.html").read_text(encoding="utf-8")


def _warning_lines(text: str, srcdir: Path) -> list[str]:
    lines = [
        re.sub(r"\x1b\[[0-9;]*m", "", line)
        for line in text.splitlines()
        if "WARNING" in line or "ERROR" in line
    ]
    return [line.replace(str(srcdir) + "/", "") for line in lines]


BuildSite = Callable[..., Built]


@pytest.fixture
def build_site(make_app: Callable[..., Any], tmp_path: Path) -> BuildSite:
    def build(
        files: dict[str, str],
        *,
        buildername: str = "html",
        conf: str = CONF,
        expect_warnings: bool = False,
        srcdir: Path | None = None,
        **kwargs: Any,
    ) -> Built:
        src = srcdir or tmp_path / "src"
        src.mkdir(parents=True, exist_ok=True)
        if not (src / "conf.py").exists():
            (src / "conf.py").write_text(conf, encoding="utf-8")
        for name, text in files.items():
            target = src / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        app = make_app(buildername, srcdir=src, **kwargs)
        try:
            app.build()
        finally:
            # Unregister docutils nodes and directives now, so a test can build twice.
            app.cleanup()
        warnings = _warning_lines(app._warning.getvalue(), src)
        if warnings and not expect_warnings:
            pytest.fail("unexpected Sphinx warnings:\n" + "\n".join(warnings))
        status = re.sub(r"\x1b\[[0-9;]*m", "", app._status.getvalue())
        return Built(app, src, Path(app.outdir), warnings, status)

    return build


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the browser tests last.

    They keep Playwright (a driver process and its threads) alive for the whole session.
    Sphinx's parallel builds fork, and a fork taken while those threads run can leave a
    deadlocked child that the interpreter then waits for at exit; Playwright's sync API
    also refuses to start a second time in the same thread (the PDF printer uses it).
    """
    browser = ROOT / "tests" / "browser"
    items.sort(key=lambda item: browser in Path(str(item.path)).parents)
