"""The language a person reads the command line in: ``--lang``, else the environment.

The environment is read as gettext reads it: the first of ``LC_ALL``, ``LC_MESSAGES`` and
``LANG`` that is set and not empty decides, and ``C`` or ``POSIX`` there means English. A
language the tool has no catalogue for falls back to English when it is looked up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from checklist_forms.i18n.translate import SOURCE_LANGUAGE

LANGUAGES = ("fr", "en")
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """``fr`` for ``fr_FR.UTF-8``, ``en`` for ``C`` or nothing set."""
    env = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = env.get(name, "")
        if value:
            # "fr_FR.UTF-8@euro" -> "fr": the codeset and modifier say nothing of words.
            tag = value.split(".")[0].split("@")[0]
            if tag in ("C", "POSIX"):
                return SOURCE_LANGUAGE
            return tag.replace("-", "_").split("_")[0].lower() or SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def explicit(argv: list[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` (before or after the command), if a known one."""
    found: str | None = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif word.startswith("--lang="):
            found = word.partition("=")[2]
    return found if found in LANGUAGES else None


def choose(argv: list[str], environ: Mapping[str, str] | None = None) -> str:
    return explicit(argv) or from_environment(environ)
