"""The reader's language for everything the command line prints.

:func:`checklist_forms.cli.main.main` sets it once from ``--lang`` or the environment
(:mod:`checklist_forms.i18n.user_language`); the parser, the commands and argparse's own
words then ask :func:`_`. English looks nothing up, so ``--help`` in English never loads
Babel; another language compiles its catalogue on first use.
"""

from __future__ import annotations

import argparse

from checklist_forms.i18n.later import shown
from checklist_forms.i18n.translate import N_, SOURCE_LANGUAGE, translator

__all__ = ["N_", "_", "current", "explicit_language", "set_language", "shown_text", "status_word"]

_state = {"language": SOURCE_LANGUAGE, "explicit": ""}


def set_language(language: str, *, explicit: bool = False) -> None:
    _state["language"] = language
    _state["explicit"] = language if explicit else ""
    # argparse words ("usage:", "options", "error:") come from its module-level `_` and
    # `ngettext`; they are the catalogue's too (see cli/argparse_words.py).
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def current() -> str:
    return _state["language"]


def explicit_language() -> str | None:
    """The language ``--lang`` asked for, which then wins over a form's own language."""
    return _state["explicit"] or None


def _(message: str) -> str:
    if _state["language"] == SOURCE_LANGUAGE:
        return message
    return translator(_state["language"]).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if _state["language"] == SOURCE_LANGUAGE:
        return singular if n == 1 else plural
    return translator(_state["language"]).ngettext(singular, plural, n)


def shown_text(text: object) -> str:
    """An engine message (:class:`checklist_forms.i18n.later.Later`) in the reader's language."""
    return str(shown(text, _state["language"]))


def status_word(status: object) -> str:
    """A form's ``status`` value as the reader says it (the value itself stays English)."""
    words = {"draft": _("draft"), "final": _("final")}
    return words.get(str(status), str(status))
