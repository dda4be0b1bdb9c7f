"""The Node and Java checkers, pinned in ``tools/webcheck/package.json``.

Each function runs one tool and returns plain findings ``(page, message)``; the caller
groups and prints them. Chromium is Debian's (``/usr/bin/chromium``): Puppeteer and
Lighthouse never download a browser here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist_forms.site.pdf import LAUNCH_ARGS

NODE_DIR = Path(__file__).resolve().parents[3] / "webcheck"
VNU_JAR = NODE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Lighthouse's mobile thresholds (category id -> minimum score out of 100).
THRESHOLDS = {"accessibility": 95, "best-practices": 95, "seo": 95}
PERFORMANCE_MIN = 90
# Lighthouse's performance score moves with the machine's load (its CPU throttling
# multiplies the tasks it observes): the pages with a performance goal are measured this
# many times and judged on the median, as Lighthouse's own documentation advises.
PERFORMANCE_RUNS = 3
# The search page and the general index are `noindex` on purpose (site/theme.py: they
# are empty without JavaScript). Lighthouse's SEO category counts that against them
# ("Page is blocked from indexing"); on those pages only, that one audit is left out of
# the score, and tests/test_webcheck.py checks the `noindex` itself.
NOINDEX_AUDITS = ("is-crawlable",)


def node_env() -> dict[str, str]:
    return {**os.environ, "CHROME_PATH": CHROME, "PUPPETEER_SKIP_DOWNLOAD": "1"}


def install() -> None:
    """``npm ci`` in tools/webcheck when its node_modules is missing or stale."""
    lock = NODE_DIR / "package-lock.json"
    stamp = NODE_DIR / "node_modules" / ".package-lock.json"
    if stamp.is_file() and stamp.stat().st_mtime >= lock.stat().st_mtime:
        return
    npm = shutil.which("npm") or "npm"
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=NODE_DIR, env=node_env(), check=True)


@dataclass(frozen=True)
class Finding:
    page: str
    message: str


def vnu(root: Path) -> list[Finding]:
    """The Nu Html Checker over every HTML file the build publishes, in one Java run."""
    java = shutil.which("java") or "java"
    files = sorted(str(p) for p in root.rglob("*.html"))
    done = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    findings = []
    for m in messages:
        page = m.get("url", "").removeprefix("file:").removeprefix(str(root.resolve()) + "/")
        where = f":{m['lastLine']}" if "lastLine" in m else ""
        findings.append(Finding(page, f"vnu{where}: {m.get('message', '')}"))
    return findings


def pa11y(base_url: str, paths: list[str]) -> list[Finding]:
    """pa11y (HTML_CodeSniffer and axe-core, WCAG 2 AA) over every page, a few at a time."""
    with tempfile.TemporaryDirectory() as tmp:
        listing, report = Path(tmp) / "urls.txt", Path(tmp) / "report.json"
        listing.write_text("\n".join(base_url + p for p in paths) + "\n", encoding="utf-8")
        subprocess.run(
            ["node", str(NODE_DIR / "pa11y-run.mjs"), str(listing), str(report)],
            cwd=NODE_DIR,
            env=node_env(),
            check=True,
        )
        results = json.loads(report.read_text(encoding="utf-8"))
    findings = []
    for url, issues in results.items():
        for issue in issues:
            message = f"{issue.get('runner')} {issue.get('code')}: {issue.get('message')}"
            findings.append(
                Finding(url.removeprefix(base_url), f"{message} [{issue.get('selector')}]")
            )
    return findings


def _lighthouse_run(url: str, skip: tuple[str, ...]) -> dict[str, Any]:
    flags = " ".join(["--headless", *LAUNCH_ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        subprocess.run(
            [
                str(NODE_DIR / "node_modules" / ".bin" / "lighthouse"), url,
                "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={flags}",
                "--only-categories=performance,accessibility,best-practices,seo",
                *([f"--skip-audits={','.join(skip)}"] if skip else []),
            ],
            env=node_env(),
            check=True,
        )  # fmt: skip
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def _scores(result: dict[str, Any]) -> dict[str, int]:
    return {key: round((cat.get("score") or 0) * 100) for key, cat in result["categories"].items()}


def lighthouse(
    url: str, performance: bool, skip: tuple[str, ...] = ()
) -> tuple[dict[str, int], list[str]]:
    """Lighthouse (mobile, its default) on one page: the scores and what fails a threshold.

    With ``performance``, the page is measured ``PERFORMANCE_RUNS`` times and the run with
    the median performance score is the one reported.
    """
    runs = [_lighthouse_run(url, skip) for _ in range(PERFORMANCE_RUNS if performance else 1)]
    runs.sort(key=lambda r: _scores(r)["performance"])
    result = runs[len(runs) // 2]
    scores = _scores(result)
    if len(runs) > 1:
        print(f"  performance of {len(runs)} runs: {[_scores(r)['performance'] for r in runs]}")
    minimum = {**THRESHOLDS, **({"performance": PERFORMANCE_MIN} if performance else {})}
    failing = []
    for key in minimum:
        below = scores[key] < minimum[key]
        if key == "performance" and not below:
            continue
        for ref in result["categories"][key]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                detail = audit.get("displayValue", "")
                # Below the threshold it fails the check; above it, it is still printed
                # ("note"), so the way to 100 is visible.
                label = (
                    f"{key} {scores[key]} < {minimum[key]}"
                    if below
                    else f"note: {key} {scores[key]}"
                )
                failing.append(f"{label}: {audit['title']} {detail}".rstrip())
    return scores, failing
