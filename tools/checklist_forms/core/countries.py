"""Countries for a ``choices_from: countries`` item: ISO 3166-1 codes named by Babel.

Babel's territory names come from the Unicode CLDR, maintained for every language the
handbook may be translated into. CLDR also names regions that are not countries of
ISO 3166-1 (the world, continents, the European Union, reserved and private-use codes):
only the 249 officially assigned alpha-2 codes are offered, so a stored answer is always
a code a job board or a validator knows.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError

from checklist_forms.core.folding import fold_lower

COUNTRIES = "countries"
# Two-letter CLDR territories that ISO 3166-1 does not assign: exceptionally reserved
# (AC, CP, DG, EA, IC, TA, EU, EZ, UN), CLDR's own (CQ, QO, XA, XB, XK, ZZ).
NOT_ASSIGNED = frozenset(
    ["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"]
)


@cache
def countries(language: str) -> tuple[tuple[str, str], ...]:
    """(ISO code, name in ``language``) for every country, in the language's name order."""
    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        names = Locale("en").territories
    pairs = [
        (code, str(name))
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_ASSIGNED
    ]
    return tuple(sorted(pairs, key=lambda pair: (fold_lower(pair[1]), pair[0])))


def country_codes() -> tuple[str, ...]:
    """The codes alone, in code order (what a definition check needs)."""
    return tuple(sorted(code for code, _ in countries("en")))
