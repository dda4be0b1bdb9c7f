"""The benchmark runs and prints its table; timings are never asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MEASURES = (
    "Build time,",
    "No-op rebuild / full build",
    "Rebuild after editing one page / full build",
    "Control: no-op rebuild / full build of the same pages with task lists",
    "Export of the forms (build-finished)",
    "Whole build (dummy builder",
    "Control: the same pages with task lists",
    "The same exported files written to this machine's disk",
    "checklist-forms validate vs check-jsonschema",
    "Same verdict per form as check-jsonschema",
    "Peak memory of checklist-forms validate",
    "Page weight:",
    "checklist-forms --help vs python -c pass",
)


@pytest.mark.slow
def test_quick_benchmark_prints_every_measure(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    if not (Path(sys.executable).parent / "check-jsonschema").exists():
        pytest.importorskip("check_jsonschema", reason="nox -s bench installs check-jsonschema")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--quick",
            "--offline",
            "--output-dir",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| Measure | Value | Goal | Verdict |" in done.stdout
    for measure in MEASURES:
        rows = [line for line in done.stdout.splitlines() if line.startswith(f"| {measure}")]
        assert len(rows) == 1, f"no row for {measure!r} in:\n{done.stdout}"
        assert rows[0].rstrip().endswith(("| PASS |", "| FAIL |", "| INFO |")), rows[0]
    saved = json.loads((tmp_path / "quick.json").read_text(encoding="utf-8"))
    assert len(saved["rows"]) == len(MEASURES)
    assert saved["machine"]["cpu"]
    assert (tmp_path / "quick.md").read_text(encoding="utf-8").strip() in done.stdout
