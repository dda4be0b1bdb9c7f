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

from checklist_forms.site.pdf import LAUNCH_ARGS

NODE_DIR = Path(__file__).resolve().parents[3] / "webcheck"
VNU_JAR = NODE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Lighthouse's mobile thresholds (category id -> minimum score out of 100).
THRESHOLDS = {"accessibility": 95, "best-practices": 95, "seo": 95}
PERFORMANCE_MIN = 90


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


def lighthouse(url: str, performance: bool) -> tuple[dict[str, int], list[str]]:
    """Lighthouse (mobile, its default) on one page: the scores and what fails a threshold."""
    flags = " ".join(["--headless", *LAUNCH_ARGS])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        subprocess.run(
            [
                str(NODE_DIR / "node_modules" / ".bin" / "lighthouse"), url,
                "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={flags}",
                "--only-categories=performance,accessibility,best-practices,seo",
            ],
            env=node_env(),
            check=True,
        )  # fmt: skip
        result = json.loads(out.read_text(encoding="utf-8"))
    scores = {
        key: round((cat.get("score") or 0) * 100) for key, cat in result["categories"].items()
    }
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
