"""Keep the ``checklist_forms`` catalogues in step with the code.

    python -m checklist_forms.i18n.messages update         # every catalogue from the code
    python -m checklist_forms.i18n.messages init LANG      # a new language's catalogue
    python -m checklist_forms.i18n.messages check          # exit 1 when one lags

Messages are found the way ``pybabel extract`` finds them: calls of ``_``, ``N_``,
``gettext``, ``pgettext``, ``ngettext``, ``npgettext`` with literal strings, in every
module of the package, with the ``# Translators:`` comment just above. An update keeps
every translation, marks a message whose English changed as fuzzy (shown in English until
a translator confirms it) and drops the messages the code no longer has. The catalogues
carry no source locations, so moving code does not churn them.
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from checklist_forms.i18n.translate import DOMAIN, LOCALES

PACKAGE = Path(__file__).resolve().parent.parent
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
COMMENT_TAG = "Translators:"
WIDTH = 92


def template() -> Catalog:
    """Every message of the package's code, as a ``.pot`` would hold them."""
    catalog = Catalog(domain=DOMAIN, project="checklist_forms", fuzzy=False)
    found = extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=[COMMENT_TAG],
        strip_comment_tags=True,
    )
    for _filename, _line, message, comments, context in found:
        catalog.add(message, None, auto_comments=comments, context=context)
    return catalog


def catalogue_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(language: str) -> Catalog:
    with catalogue_path(language).open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


def write(language: str, catalog: Catalog) -> None:
    path = catalogue_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po:
        write_po(po, catalog, width=WIDTH, no_location=True, sort_output=True, ignore_obsolete=True)


def update(language: str, pot: Catalog) -> None:
    catalog = read(language)
    # The template's dates would change the header on every run: keep the catalogue's.
    pot.creation_date = catalog.creation_date
    catalog.update(pot, update_header_comment=False)
    write(language, catalog)


def init(language: str, pot: Catalog) -> None:
    if catalogue_path(language).exists():
        raise SystemExit(f"{catalogue_path(language)} exists; use `update`")
    catalog = Catalog(locale=language, domain=DOMAIN, project="checklist_forms", fuzzy=False)
    catalog.update(pot)
    write(language, catalog)


def _fields(text: str) -> set[str]:
    """The ``{fields}`` of ``text``; a stray brace is reported by :func:`_malformed`."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return set()


def _malformed(text: str) -> bool:
    try:
        list(string.Formatter().parse(text))
    except ValueError:
        return True
    return False


def _texts(value: object) -> list[str]:
    """A message id or string as its texts (plural messages have several)."""
    if isinstance(value, list | tuple):
        return [str(text) for text in value]
    return [value] if isinstance(value, str) else [""]


def problems(language: str, pot: Catalog) -> list[str]:
    """What keeps a catalogue from translating every message of the code, plainly."""
    catalog = read(language)
    path = catalogue_path(language)
    where = path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE.parent) else path
    out = []
    for message in pot:
        if not message.id:
            continue
        entry = catalog.get(message.id, message.context)
        name = repr(message.id if message.context is None else (message.context, message.id))
        if entry is None:
            out.append(f"{where}: no entry for {name}")
            continue
        strings = _texts(entry.string)
        if not all(strings):
            out.append(f"{where}: {name} is not translated")
        if entry.fuzzy:
            out.append(f"{where}: {name} is fuzzy (check it, then remove the flag)")
        # A translation may use the fields of the English text, and those its translator
        # comment offers ("may use {day}, {month} …").
        offered = [*_texts(message.id), *message.auto_comments]
        allowed = set().union(*(_fields(text) for text in offered))
        for text in strings:
            if _malformed(text):
                out.append(f"{where}: {name} has a stray brace (write {{{{ or }}}} for one)")
            extra = _fields(text) - allowed
            if extra:
                out.append(f"{where}: {name} uses fields the code does not give: {sorted(extra)}")
    for message in catalog:
        if message.id and pot.get(message.id, message.context) is None:
            out.append(f"{where}: {message.id!r} is no longer in the code (run `update`)")
    out.extend(f"{where}: obsolete entry {key!r}" for key in catalog.obsolete)
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    pot = template()
    if args == ["update"]:
        for language in languages():
            update(language, pot)
        return 0
    if len(args) == 2 and args[0] == "init":
        init(args[1], pot)
        return 0
    if args == ["check"]:
        found = [problem for language in languages() for problem in problems(language, pot)]
        print("\n".join(found) if found else f"{len(languages())} catalogue(s) complete")
        return 1 if found else 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
