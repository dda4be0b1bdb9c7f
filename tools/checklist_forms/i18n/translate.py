"""The interface words of every output, through one gettext domain.

English text is the message id (the gettext convention: the code reads as the English
interface, an untranslated message falls back to readable English, and ``pybabel``-style
extraction finds every message without a side table). Each other language is one
catalogue, ``locales/<lang>/LC_MESSAGES/checklist_forms.po``; a third language is a new
catalogue, not a code change (see CONTRIBUTING.md, "Interface words").

The ``.po`` files are compiled in memory the first time a language is asked for, so no
binary ``.mo`` file is committed or has to be rebuilt after an edit. Fuzzy entries are
left out, as ``msgfmt`` would: a translation nobody confirmed is not shown.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import io
import re
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "checklist_forms"
LOCALES = Path(__file__).parent / "locales"
SOURCE_LANGUAGE = "en"
# A language tag as BCP 47 or POSIX spell it ("fr", "fr-CA", "pt_BR"). Anything else, such
# as a path a form smuggled into its "language", is not looked up at all.
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


def N_(message: str) -> str:
    """Mark ``message`` for extraction where it is translated later (tables of keys)."""
    return message


def candidates(language: str | None) -> list[str]:
    tag = (language or SOURCE_LANGUAGE).strip()
    if not _TAG.fullmatch(tag):
        return []
    parts = tag.replace("-", "_").split("_")
    base = parts[0].lower()
    if len(parts) > 1:
        return [f"{base}_{parts[1].upper()}", base]
    return [base]


@functools.cache
def _compiled(code: str) -> _gettext.NullTranslations | None:
    path = LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return None
    # Babel is imported here, not at module level: English needs no catalogue.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as po:
        catalog = read_po(po, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


@functools.lru_cache(maxsize=64)
def translator(language: str | None) -> _gettext.NullTranslations:
    """The translations of ``language`` ("fr", "fr_FR", "fr-CA" …); English if none ship."""
    for code in candidates(language):
        if code == SOURCE_LANGUAGE:
            break
        found = _compiled(code)
        if found is not None:
            return found
    return _gettext.NullTranslations()


def gettext(language: str | None, message: str) -> str:
    return translator(language).gettext(message)


def pgettext(language: str | None, context: str, message: str) -> str:
    return translator(language).pgettext(context, message)


def ngettext(language: str | None, singular: str, plural: str, n: int) -> str:
    return translator(language).ngettext(singular, plural, n)


def translate_all(language: str | None, messages: Mapping[str, str]) -> dict[str, str]:
    """A table of ``key: N_(English)`` in ``language``, keys unchanged."""
    t = translator(language)
    return {key: t.gettext(message) for key, message in messages.items()}


def labelled(language: str | None, label: str, value: str) -> str:
    """``label: value`` as the language writes it (French puts a space before the colon)."""
    # Translators: a label and its value, as in "Status: draft". French: "{label} : {value}".
    return translator(language).gettext("{label}: {value}").format(label=label, value=value)
