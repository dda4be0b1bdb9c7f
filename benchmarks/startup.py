"""How fast ``checklist-forms`` answers ``--help``, against Python doing nothing.

A command line that imports its whole engine before parsing its arguments makes every
``--help`` and every typo wait for it. Both sides run interleaved in fresh interpreters
of the same environment; the median of the paired ratios is kept.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def wall_seconds(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr.decode()[-2000:]}")
    return seconds


def help_vs_python(cli: str, repeats: int) -> dict[str, Any]:
    python = [sys.executable, "-c", "pass"]
    ours = [cli, "--help"]
    for command in (python, ours):  # warm the disk cache; not counted
        wall_seconds(command)
    bare: list[float] = []
    helped: list[float] = []
    for rep in range(repeats):
        for command in (python, ours) if rep % 2 == 0 else (ours, python):
            (bare if command is python else helped).append(wall_seconds(command))
    ratios = [h / b for h, b in zip(helped, bare, strict=True)]
    return {
        "repeats": repeats,
        "python_seconds": bare,
        "help_seconds": helped,
        "pair_ratios": ratios,
        "ratio": statistics.median(ratios),
        "cli": str(Path(cli)),
    }
