"""Numbers as a reader of the form's language writes them: « 87,5 » in French, "87.5" in English.

Scores, thresholds, weights and levels shown to people (report, comparison, the browser's
result through ``Intl.NumberFormat``) go through here; numbers in data files do not (see
:mod:`checklist_forms.core.numbers`).
"""

from __future__ import annotations

import functools
import math

from checklist_forms.i18n.translate import SOURCE_LANGUAGE, candidates


@functools.lru_cache(maxsize=64)
def _locale(language: str | None) -> object:
    # Babel is imported here, not at module level, like the catalogues: a module that only
    # needs the words should not pay for the locale data.
    from babel import Locale, UnknownLocaleError

    for code in [*candidates(language), SOURCE_LANGUAGE]:
        try:
            return Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse(SOURCE_LANGUAGE)


def decimal(language: str | None, value: float) -> str:
    """``value`` with the decimal mark and grouping of ``language`` (up to 3 decimals)."""
    from babel.numbers import format_decimal

    if not math.isfinite(value) or abs(value) >= 1e15:
        # Out-of-range answers (1e400, -1e308) are shown as Python writes them: Babel's
        # Decimal rounding raises InvalidOperation past its 28-digit precision.
        return f"{value:g}"
    return str(format_decimal(value, locale=_locale(language)))  # type: ignore[arg-type]
