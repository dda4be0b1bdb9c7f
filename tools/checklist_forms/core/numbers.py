"""Numbers as the published files write them: « 3 », not « 3.0 », and never rounded.

One writing for the HTML form (bounds in ``min``/``max`` attributes and in sentences), the
workbook (its sentences and its data validation bounds) and the workbook reader, so that
a bound reads the same everywhere and one that a float holds exactly is never rounded.
"""

from __future__ import annotations


def number_text(value: float) -> str:
    """Whole numbers without a decimal point; others with every digit the float holds."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
