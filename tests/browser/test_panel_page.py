"""The panel page of `compare --html` in Chromium: accessible, offline, one chart per candidate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from panel_fixture import ROOT, write_panel_folder

from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.panel import build_panel
from checklist_forms.intake.panel_html import render_html
from checklist_forms.intake.validate import Validator

from .test_accessibility import _axe, _report, _run

pytestmark = pytest.mark.browser


def test_panel_page_is_offline_accessible_and_has_one_chart_per_candidate(
    tmp_path: Path, page: Any
) -> None:
    folder = write_panel_folder(tmp_path / "grids")
    panel = build_panel(Validator(Catalogue.load(ROOT / "checklists")), [folder])
    target = tmp_path / "panel.html"
    target.write_text(render_html(panel), encoding="utf-8")
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(target.as_uri())
    # Nothing but the page itself is fetched: no script, font, style sheet or image.
    assert fetched == [target.as_uri()]
    charts = page.eval_on_selector_all(
        "section > h3 + figure svg[role=img]",
        "svgs => svgs.map(s => s.querySelector('title').textContent)",
    )
    assert charts == [f"Notes de {c.name} par critère et par évaluateur" for c in panel.candidates]
    # Each chart has its data table right after it.
    tables = page.eval_on_selector_all("figure + table caption", "cs => cs.length")
    assert tables == len(panel.candidates) + len(panel.recruitments())
    problems = _report("panel page", _run(_axe(), page))
    assert not problems, "\n".join(problems)
    page.screenshot(path=str(tmp_path / "panel.png"), full_page=True)


def test_trends_page_is_offline_and_accessible(tmp_path: Path, page: Any) -> None:
    from test_trends import CATALOGUE, write_folder

    from checklist_forms.intake.trends import build_trends, render_trends_html

    folder = write_folder(tmp_path / "reports")
    trends = build_trends(Validator(Catalogue.load(Path(CATALOGUE))), [folder])
    target = tmp_path / "trends.html"
    target.write_text(render_trends_html(trends), encoding="utf-8")
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(target.as_uri())
    assert fetched == [target.as_uri()]
    assert page.eval_on_selector_all("figure + table", "ts => ts.length") == 5
    problems = _report("trends page", _run(_axe(), page))
    assert not problems, "\n".join(problems)
    page.screenshot(path=str(tmp_path / "trends.png"), full_page=True)
