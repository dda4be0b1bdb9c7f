"""``python -m checklist_forms.site.webcheck [ROOT] [--only vnu,pa11y,lighthouse,overflow,links]``.

Serves ROOT (default ``docs/_build/html``, French at the root and English under ``en/``)
on 127.0.0.1 with gzip, runs every check, prints each failure with its page, a table of
error counts per page type and language, and exits 1 when anything fails.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from checklist_forms.site.webcheck import links, overflow, pages, tools
from checklist_forms.site.webcheck.serve import SiteServer

CHECKS = ("links", "vnu", "pa11y", "overflow", "lighthouse")


def _table(name: str, findings: Iterable[tools.Finding], site: list[pages.Page]) -> None:
    """Error counts per page type and language, for the before/after figures."""
    kinds = {p.path: (p.type, p.language) for p in site}
    counts: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        counts[
            kinds.get(finding.page, ("other", "en" if finding.page.startswith("en/") else "fr"))
        ] += 1
    cells = [
        f"{t}/{lang}={counts[(t, lang)]}" for t in (*pages.TYPES, "other") for lang in ("fr", "en")
    ]
    print(f"{name}: {sum(counts.values())} error(s): " + " ".join(cells))


def _report(name: str, findings: list[tools.Finding], site: list[pages.Page]) -> int:
    for finding in findings:
        print(f"  {finding.page}: {finding.message}")
    _table(name, findings, site)
    return len(findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="webcheck", description=__doc__)
    parser.add_argument("root", nargs="?", default="docs/_build/html", type=Path)
    parser.add_argument("--only", default=",".join(CHECKS), help="comma-separated checks")
    parser.add_argument("--site-url", default=os.environ.get("HANDBOOK_SITE_URL", ""))
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    root: Path = args.root.resolve()
    site = pages.site_pages(root)
    if not site:
        print(f"webcheck: no pages under {root}; build the site first (nox -s docs)")
        return 2
    failures = 0
    if "links" in only:
        broken = links.broken_links(root, args.site_url or _site_url())
        failures += _report("links", [tools.Finding(b.split(":")[0], b) for b in broken], site)
    if only & {"vnu", "pa11y", "lighthouse"}:
        tools.install()
    if "vnu" in only:
        failures += _report("vnu", tools.vnu(root), site)
    with SiteServer(root) as server:
        if "pa11y" in only:
            failures += _report("pa11y", tools.pa11y(server.url, [p.path for p in site]), site)
        if "overflow" in only:
            failures += _overflow(server.url, site)
        if "lighthouse" in only:
            failures += _lighthouse(server.url, site)
    print("webcheck: " + ("OK" if not failures else f"{failures} failure(s)"))
    return 1 if failures else 0


def _site_url() -> str:
    from checklist_forms.site.webcheck.pages import published_url

    return published_url()


def _overflow(base_url: str, site: list[pages.Page]) -> int:
    from playwright.sync_api import sync_playwright

    from checklist_forms.site.pdf import LAUNCH_ARGS

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=tools.CHROME, args=LAUNCH_ARGS)
        problems = overflow.overflowing([base_url + p.path for p in site], browser)
        browser.close()
    findings = [tools.Finding(p.split(" at ")[0].removeprefix(base_url), p) for p in problems]
    return _report("overflow", findings, site)


def _lighthouse(base_url: str, site: list[pages.Page]) -> int:
    failures = 0
    for page in pages.representatives(site):
        performance = page.type in ("start", "checklist")
        skip = tools.NOINDEX_AUDITS if page.type == "search" else ()
        scores, failing = tools.lighthouse(base_url + page.path, performance, skip)
        figures = " ".join(f"{k}={v}" for k, v in scores.items())
        print(f"lighthouse {page.type}/{page.language} ({page.path}): {figures}")
        for line in failing:
            print(f"  {page.path}: {line}")
        failures += any(not line.startswith("note:") for line in failing)
    return failures


if __name__ == "__main__":
    sys.exit(main())
