"""Run a command and print its peak resident memory: ``python -m benchmarks.maxrss CMD…``.

A process of its own, so ``RUSAGE_CHILDREN`` holds that one command only and not the
Sphinx builds the benchmark ran before.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"returncode": done.returncode, "max_rss_kb": peak_kb, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
