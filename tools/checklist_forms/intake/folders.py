"""The forms of a real folder: a recruitment folder also holds CVs, notes and job ads.

A file named on the command line is always read as a form (a wrong file there is an
error, exit 2). In a folder given instead, what is plainly not a form (another extension,
a JSON file that is no checklist form) is skipped with one line saying so, and does not
change the exit code; ``recursive`` walks the subfolders too. A ``.json`` file that looks
like a form but cannot be read stays an error: a damaged form must not pass unnoticed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_
from checklist_forms.intake.forms import FormError, LoadedForm, load_form

# The keys every form has (core.schema.FORM_KEYS); a JSON file with neither is no form.
FORM_MARKS = ("checklist", "answers")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class Found:
    """What the inputs hold: forms, files skipped (with why), and unusable forms."""

    forms: list[LoadedForm] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unusable: list[FormError] = field(default_factory=list)
    # Forms met while walking a folder, as opposed to named one by one.
    walked: set[str] = field(default_factory=set)

    def keep_only(self, checklist_id: str) -> None:
        """Skip the forms of other checklists that came from folders (``compare``)."""
        kept = []
        for form in self.forms:
            other = form.data.get("checklist")
            if form.path in self.walked and other != checklist_id:
                self.skipped.append(
                    Skipped(
                        form.path,
                        Later(
                            N_("a form of {other}, not of {wanted}"),
                            other=other,
                            wanted=checklist_id,
                        ),
                    )
                )
            else:
                kept.append(form)
        self.forms = kept


def _walk(folder: Path, recursive: bool, found: Found) -> Iterable[Path]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e.name, e.is_dir()) for e in scan if not e.name.startswith("."))
    except OSError as exc:
        raise FormError(
            folder, Later(N_("folder cannot be read ({why})"), why=exc.strerror or str(exc))
        ) from None
    for name, is_dir in entries:
        path = folder / name
        if is_dir:
            if recursive:
                yield from _walk(path, recursive, found)
            else:
                found.skipped.append(
                    Skipped(str(path), Later(N_("a subfolder (-r reads subfolders)")))
                )
        elif name.lower().endswith(".json"):
            yield path
        elif name.lower().endswith(".xlsx"):
            reason = Later(N_("a workbook: `checklist-forms import` turns it into a form"))
            found.skipped.append(Skipped(str(path), reason))
        else:
            found.skipped.append(Skipped(str(path), Later(N_("not a form (not a .json file)"))))


def gather(inputs: Iterable[Path], *, recursive: bool = False) -> Found:
    """Read every form the inputs name or hold; raise FormError for an unusable folder."""
    found = Found()
    found.forms.extend(each_form(inputs, found, recursive=recursive))
    return found


def each_form(
    inputs: Iterable[Path], found: Found, *, recursive: bool = False
) -> Iterator[LoadedForm]:
    """The forms of :func:`gather` one at a time, for a command that needs one at once.

    ``validate`` on a folder of ten thousand forms keeps one in memory, not all of them.
    What is skipped or unusable goes into ``found`` as it is met.
    """
    for path in inputs:
        if not path.is_dir():
            try:
                yield load_form(path)
            except FormError as exc:
                found.unusable.append(exc)
            continue
        forms_here = 0
        for candidate in _walk(path, recursive, found):
            try:
                form = load_form(candidate)
            except FormError as exc:
                found.unusable.append(exc)
                forms_here += 1
                continue
            if not any(key in form.data for key in FORM_MARKS):
                found.skipped.append(
                    Skipped(form.path, Later(N_("JSON, but not a checklist form")))
                )
                continue
            found.walked.add(form.path)
            forms_here += 1
            yield form
        if not forms_here:
            if recursive:
                raise FormError(path, Later(N_("folder or its subfolders holds no checklist form")))
            raise FormError(path, Later(N_("folder holds no checklist form")))
