"""Fail when a Python module of tools/ is over the project's 500-line limit.

    python tools/max_lines.py            # checks tools/ (run by ``nox -s lint``)

A module that long holds more than one idea: split it by what each part does. The
modules listed in ``WAITING`` were over the limit when the rule was written and are being
split; the check fails as soon as one of them is within the limit, so the list only
shrinks.
"""

from __future__ import annotations

import sys
from pathlib import Path

LIMIT = 500
ROOT = Path(__file__).resolve().parent
WAITING: set[str] = set()


def problems(root: Path, limit: int = LIMIT, waiting: set[str] | None = None) -> list[str]:
    waiting = WAITING if waiting is None else waiting
    out: list[str] = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        parts = path.relative_to(root).parts
        if any(part in ("node_modules", "build") or part.startswith(".") for part in parts):
            continue  # installed third-party code (tools/webcheck's npm packages), not ours
        with path.open("rb") as handle:
            lines = sum(1 for _ in handle)
        if lines > limit and name not in waiting:
            out.append(f"{name}: {lines} lines; split it (limit {limit})")
        elif lines <= limit and name in waiting:
            out.append(
                f"{name}: {lines} lines now; remove it from WAITING in {Path(__file__).name}"
            )
    out += [f"{name}: listed in WAITING but missing" for name in sorted(waiting)
            if not (root / name).is_file()]  # fmt: skip
    return out


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    found = problems(root)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
