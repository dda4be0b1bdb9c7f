"""Small helpers shared by tests (not fixtures)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from checklist_forms.core.definition import build_checklist
from checklist_forms.core.model import Checklist

DATA = Path(__file__).parent / "data"
BASE_URL = "https://example.org/manuel/"
_BLOCK = re.compile(r"```\{checklist\} (?P<id>\S+)\n(?P<body>.*?)\n```", re.S)


def parse_markdown(text: str, language: str = "fr") -> tuple[Checklist | None, list[Any]]:
    """Read the first checklist of a Markdown text without Sphinx."""
    match = _BLOCK.search(text)
    assert match, "no checklist block"
    options: dict[str, str] = {}
    lines = match["body"].splitlines()
    while lines and lines[0].startswith(":"):
        key, _, value = lines.pop(0)[1:].partition(":")
        options[key] = value.strip()
    return build_checklist(match["id"], options, "\n".join(lines), language=language)


def all_kinds() -> Checklist:
    checklist, problems = parse_markdown((DATA / "all_kinds.md").read_text(encoding="utf-8"))
    assert not problems, problems
    assert checklist is not None
    return checklist


def final_answers() -> dict[str, Any]:
    """A complete, valid set of answers for the all-kinds checklist."""
    return {
        "case": True,
        "volume": "faible",
        "detail-faible": "Une petite équipe.",
        "canaux": ["forum"],
        "precision-forum": "Le forum des clients",
        "liste": None,
        "heures": 12,
        "niveau": 3,
        "echeance": "2026-12-31",
    }


def cli_in_locale(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``checklist-forms ARGS`` with exactly the locale variables given (and PATH)."""
    environment = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", **env}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from checklist_forms.cli import main; sys.exit(main())",
            *args,
        ],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
