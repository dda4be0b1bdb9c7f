"""Run one Sphinx build in this (fresh) process and print its timings as JSON.

Used by :mod:`benchmarks.run` as ``python -m benchmarks.build_child '<json>'``, so every
build starts from a clean interpreter, as ``sphinx-build`` does. Sphinx itself is imported
before the clock starts; the timed span is ``Sphinx(...)`` (configuration, extensions,
loading a saved environment) plus ``app.build()``. The export of the forms
(``render_tree`` and ``write_tree``, called from the ``build-finished`` handler) is timed
on its own by wrapping both functions where the extension looks them up.
"""

from __future__ import annotations

import io
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx


def _wrap_export(spent: dict[str, float]) -> None:
    import checklist_forms.sphinx_ext as ext

    def timed(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        return wrapper

    ext.render_tree = timed("render_tree", ext.render_tree)  # type: ignore[attr-defined]
    ext.write_tree = timed("write_tree", ext.write_tree)  # type: ignore[attr-defined]


def build(options: dict[str, Any]) -> dict[str, Any]:
    src = Path(options["src"])
    out = Path(options["out"])
    spent: dict[str, float] = {}
    if options.get("checklists", True):
        _wrap_export(spent)
    status, warning = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    app = Sphinx(
        srcdir=src,
        confdir=src,
        outdir=out / options.get("builder", "html"),
        doctreedir=out / "doctrees",
        buildername=options.get("builder", "html"),
        status=status,
        warning=warning,
        freshenv=bool(options.get("fresh", False)),
        parallel=int(options.get("jobs", 1)),
    )
    ready = time.perf_counter()
    app.build()
    total = time.perf_counter() - start
    text = re.sub(r"\x1b\[[0-9;]*m", "", status.getvalue())
    updated = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", text)
    return {
        "seconds": total,
        "init_seconds": ready - start,
        "export_seconds": spent.get("render_tree", 0.0) + spent.get("write_tree", 0.0),
        "render_tree_seconds": spent.get("render_tree", 0.0),
        "write_tree_seconds": spent.get("write_tree", 0.0),
        "warnings": [line for line in warning.getvalue().splitlines() if line.strip()],
        "status_code": app.statuscode,
        "read": [int(n) for n in updated.groups()] if updated else None,
    }


def main(argv: list[str]) -> int:
    result = build(json.loads(argv[0]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
