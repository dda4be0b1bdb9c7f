"""French grammar and typography of the handbook's pages, checked by Grammalecte.

    python -m checklist_forms.site.grammar docs/ [--exceptions docs/grammalecte-exceptions.txt]

Prints one line per finding, ``file:line: rule-id: message (« extract »)``, and exits 1
when any remains (2 when Grammalecte is missing). Run by ``nox -s spelling`` after the
spelling builder.

Grammalecte is Debian's ``python3-grammalecte`` (pure Python): it is imported normally
when the interpreter sees it, otherwise from the distribution's ``dist-packages`` — the
nox session runs in a virtual environment that does not. Spelling is Hunspell's job
(the ``spelling`` builder); only Grammalecte's grammar and typography findings count.

A finding that is right for this handbook (a term of the trade, a deliberate style) goes
in the exceptions file, one per line: ``file | rule-id | extract | reason``, where
``file`` may be ``*`` for every page. An entry that no longer matches anything is
reported too, so the list holds only reviewed, live exceptions.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist_forms.site.prose import paragraphs

DEBIAN_DIRS = (Path("/usr/lib/python3/dist-packages"), Path("/usr/share/grammalecte"))
MISSING = (
    "Grammalecte is missing: install Debian's python3-grammalecte "
    "(apt-get install python3-grammalecte) or put its `grammalecte` package on PYTHONPATH"
)
# Options Grammalecte leaves to the writer's taste or that this handbook settles
# elsewhere: the contributor guide asks for plain spaces (the build adds the
# non-breaking ones, and prose.py types them before checking) and the spelling builder
# checks words.
OPTIONS = {"html": False, "latex": False}
# Rules that do not apply to an enumeration's items (see prose.Paragraph.fragment).
NOT_FOR_FRAGMENTS = frozenset({"majuscule_début_paragraphe"})


class GrammalecteMissing(RuntimeError):
    pass


def load_grammalecte() -> Any:
    """The ``grammalecte`` module, from this interpreter or Debian's own packages."""
    try:
        return importlib.import_module("grammalecte")
    except ImportError:
        pass
    for folder in DEBIAN_DIRS:
        init = folder / "grammalecte" / "__init__.py"
        if not init.is_file():
            continue
        spec = importlib.util.spec_from_file_location(
            "grammalecte", init, submodule_search_locations=[str(init.parent)]
        )
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules["grammalecte"] = module
        spec.loader.exec_module(module)
        return module
    raise GrammalecteMissing(MISSING)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    rule: str
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message} (« {self.extract} »)"


@dataclass(frozen=True)
class Exception_:
    path: str
    rule: str
    extract: str
    reason: str
    line: int  # in the exceptions file

    def matches(self, finding: Finding) -> bool:
        return (
            self.path in ("*", finding.path)
            and self.rule == finding.rule
            and self.extract == finding.extract.strip()
        )


def read_exceptions(path: Path | None) -> list[Exception_]:
    if path is None or not path.exists():
        return []
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [part.strip() for part in raw.split(" | ")]
        if len(fields) != 4 or not all(fields):
            raise ValueError(f"{path}:{number}: expected `file | rule-id | extract | reason`")
        out.append(Exception_(fields[0], fields[1], fields[2], fields[3], number))
    return out


class Checker:
    def __init__(self, grammalecte: Any | None = None) -> None:
        module = grammalecte if grammalecte is not None else load_grammalecte()
        self._checker = module.GrammarChecker("fr")
        self._options = dict(self._checker.gce.getOptions()) | OPTIONS

    def check_text(self, display: str, source: str) -> Iterator[Finding]:
        for paragraph in paragraphs(source):
            errors, _spelling = self._checker.getParagraphErrors(
                paragraph.text, dOptions=self._options
            )
            for error in sorted(errors, key=lambda e: (e["nStart"], e["sRuleId"])):
                if paragraph.fragment and error["sRuleId"] in NOT_FOR_FRAGMENTS:
                    continue
                extract = paragraph.text[error["nStart"] : error["nEnd"]]
                yield Finding(
                    display,
                    paragraph.line_at(error["nStart"]),
                    error["sRuleId"],
                    error["sMessage"],
                    extract,
                )


def markdown_files(roots: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
            continue
        for path in sorted(root.rglob("*.md")):
            if not any(part.startswith(("_", ".")) for part in path.relative_to(root).parts):
                files.append(path)
    return files


def run(
    roots: list[Path], exceptions: list[Exception_], checker: Checker, base: Path
) -> tuple[list[Finding], list[Exception_], int]:
    """Findings not excepted, exceptions that matched nothing, number of findings seen."""
    used: set[Exception_] = set()
    left: list[Finding] = []
    seen = 0
    checked: set[str] = set()
    for path in markdown_files(roots):
        display = _display(path, base)
        checked.add(display)
        for finding in checker.check_text(display, path.read_text(encoding="utf-8")):
            seen += 1
            excused = [e for e in exceptions if e.matches(finding)]
            used.update(excused)
            if not excused:
                left.append(finding)
    stale = [e for e in exceptions if e not in used and (e.path == "*" or e.path in checked)]
    return left, stale, seen


def _display(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checklist_forms.site.grammar")
    parser.add_argument("paths", nargs="+", type=Path, help="Markdown files or folders")
    parser.add_argument("--exceptions", type=Path, help="reviewed findings to accept")
    parser.add_argument("--base", type=Path, default=Path.cwd(), help="paths shown from here")
    args = parser.parse_args(argv)
    try:
        checker = Checker()
    except GrammalecteMissing as error:
        print(error, file=sys.stderr)
        return 2
    try:
        exceptions = read_exceptions(args.exceptions)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    left, stale, seen = run(args.paths, exceptions, checker, args.base)
    for finding in left:
        print(finding)
    for entry in stale:
        print(
            f"{args.exceptions}:{entry.line}: exception matches nothing any more "
            f"({entry.path} | {entry.rule} | {entry.extract}): remove it"
        )
    print(
        f"Grammalecte: {seen} finding(s), {seen - len(left)} accepted as exceptions, "
        f"{len(left)} left, {len(stale)} stale exception(s)",
        file=sys.stderr,
    )
    return 1 if left or stale else 0


if __name__ == "__main__":
    sys.exit(main())
