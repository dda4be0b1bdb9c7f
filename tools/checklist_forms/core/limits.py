"""The limits on what a filled form or a workbook may hold, in one place.

A checklist form is a few kilobytes, nested three levels deep; a checklist workbook
unpacks to well under a megabyte. Each limit below is far above anything honest and far
below what a hostile file needs to exhaust time or memory, so a bad input is refused in
a second with a plain message instead of being half-read. CONTRIBUTING.md ("Limits")
quotes this table; change both together.
"""

from __future__ import annotations

from typing import Any

# Filled JSON forms. A form is {"answers": {"item": [choices]}}: three levels. Deeper
# values are refused before any validator sees them, as validators recurse per level.
MAX_JSON_DEPTH = 32

# Excel workbooks (.xlsx, a zip of XML parts). Python's zipfile never returns more than
# a member's declared size (it checks the CRC at that size), so checking the declared
# sizes before reading bounds what the parser can ever be fed.
MAX_WORKBOOK_BYTES = 16 * 1024 * 1024  # the .xlsx file itself
MAX_WORKBOOK_PARTS = 1000  # members of the zip
MAX_PART_BYTES = 8 * 1024 * 1024  # one unpacked member
MAX_UNPACKED_BYTES = 16 * 1024 * 1024  # all members together, unpacked
MAX_RATIO = 100  # unpacked / packed, per member and overall; XML compresses ~5-30x
RATIO_FLOOR_BYTES = 1024 * 1024  # members smaller than this are too small to matter
MAX_SHEET_ROWS = 10_000  # rows of a sheet that is read (a checklist has a few hundred)
MAX_SHEET_COLUMNS = 64  # columns of a sheet that is read

# A catalogue fetched from a site (--catalogue URL): its index.json and each schema.
# The handbook's index is ~40 KB and its largest schema ~40 KB.
MAX_DOWNLOAD_BYTES = 4 * 1024 * 1024  # one fetched file
FETCH_TIMEOUT_SECONDS = 15  # connecting, and each read, of one fetched file


def depth_over(value: Any, limit: int = MAX_JSON_DEPTH) -> list[str | int] | None:
    """The path to the first value nested deeper than ``limit``, or None.

    Iterative on purpose: a recursive walk would fail on the very inputs it is for.
    The top-level value is at depth 1.
    """
    if _within(value, limit):  # every honest form: no path is built on the way
        return None
    stack: list[tuple[Any, int, list[str | int]]] = [(value, 1, [])]
    while stack:
        current, depth, path = stack.pop()
        if depth > limit:
            return path
        if isinstance(current, dict):
            stack.extend((v, depth + 1, [*path, str(k)]) for k, v in current.items())
        elif isinstance(current, list):
            stack.extend((v, depth + 1, [*path, i]) for i, v in enumerate(current))
    return None


def _within(value: Any, limit: int) -> bool:
    """Whether no value is nested deeper than ``limit`` (as :func:`depth_over`, no path)."""
    level: list[Any] = [value]
    for depth in range(1, limit + 1):
        inner: list[Any] = []
        for current in level:
            children: Any = (
                current.values() if isinstance(current, dict) else current
            )  # level holds only containers, or the top-level value
            if not isinstance(current, dict | list):
                continue
            if children and depth == limit:
                return False
            inner.extend(v for v in children if isinstance(v, dict | list))
        if not inner:
            return True
        level = inner
    return False
