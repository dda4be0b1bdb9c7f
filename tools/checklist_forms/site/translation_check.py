"""Are the translation catalogues complete and up to date with the French source?

Compares the message templates that ``sphinx-build -b gettext`` extracts with every
language's catalogues and lists, per file, what a translator still has to do: missing
messages (the catalogue is out of date), untranslated ones, fuzzy ones, obsolete
entries left behind, and translations that Sphinx would silently drop. Exit code 1 when
anything is listed.

Sphinx parses each translation on its own as Markdown and keeps it only if it reads as a
paragraph: "1. Setting the rules" alone is a numbered list, so the heading or table cell
stays in French without a warning. Such a translation escapes its marker with a
backslash: ``1\\. Setting the rules``, written ``"1\\\\. Setting the rules"`` in the .po file.

    python -m checklist_forms.i18n docs/_build/gettext docs/locales
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

# What starts a Markdown block rather than a paragraph: a list item, a heading, a quote.
_BLOCK_START = re.compile(r"^ {0,3}(\d{1,9}[.)]|[-+*]|#{1,6}|>)(\s|$)")


def _ids(path: Path) -> set[str]:
    with path.open("rb") as stream:
        return {str(m.id) for m in read_po(stream) if m.id}


def check(pot_dir: Path, locale_dir: Path) -> list[str]:
    problems: list[str] = []
    # A template without messages (Sphinx writes sphinx.pot for HTML templates even when
    # they have nothing to translate) needs no catalogue.
    templates = sorted(t for t in pot_dir.rglob("*.pot") if _ids(t))
    if not templates:
        return [f"{pot_dir}: no message template; run sphinx-build -b gettext first"]
    languages = (
        sorted(p.name for p in locale_dir.iterdir() if (p / "LC_MESSAGES").is_dir())
        if locale_dir.is_dir()
        else []
    )
    if not languages:
        return [f"{locale_dir}: no language catalogue"]
    for language in languages:
        base = locale_dir / language / "LC_MESSAGES"
        expected = {t.relative_to(pot_dir).with_suffix(".po").as_posix(): t for t in templates}
        for rel, template in sorted(expected.items()):
            po = base / rel
            if not po.is_file():
                problems.append(f"{po}: missing catalogue")
                continue
            with po.open("rb") as stream:
                catalogue = read_po(stream)
            wanted = _ids(template)
            have = {str(m.id): m for m in catalogue if m.id}
            missing = sorted(wanted - set(have))
            untranslated = sorted(i for i in wanted & set(have) if not have[i].string)
            fuzzy = sorted(i for i in wanted & set(have) if have[i].fuzzy)
            obsolete = sorted(set(have) - wanted) + [str(m.id) for m in catalogue.obsolete.values()]
            dropped = sorted(
                i for i in wanted & set(have) if _BLOCK_START.match(str(have[i].string or ""))
            )
            for label, ids in (
                ("missing", missing),
                ("untranslated", untranslated),
                ("fuzzy", fuzzy),
                ("obsolete", obsolete),
                ("read as a list or heading, escape its first mark", dropped),
            ):
                for message in ids:
                    short = message.replace("\n", " ")
                    short = short if len(short) <= 70 else short[:67] + "…"
                    problems.append(f"{po}: {label}: {short}")
        for po in sorted(base.rglob("*.po")):
            if po.relative_to(base).as_posix() not in expected:
                problems.append(f"{po}: catalogue of a page that no longer exists")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    problems = check(Path(args[0]), Path(args[1]))
    for line in problems:
        print(line)
    if problems:
        print(
            f"{len(problems)} translation problem(s); run `nox -s translations` and translate what is listed"
        )
        return 1
    print("translations are complete and up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
