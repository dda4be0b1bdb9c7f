"""``checklist-forms compare``: rank filled forms of one scored checklist, as a panel would."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue, print_skipped
from checklist_forms.cli.exits import OK
from checklist_forms.intake.compare import CompareError, compare_forms
from checklist_forms.intake.folders import Found, gather
from checklist_forms.intake.validate import Validator


def _scored_checklist(validator: Validator, found: Found) -> str:
    """The checklist to compare: that of the first form named one by one, else the one
    scored checklist the forms found in folders are of."""
    named = [f for f in found.forms if f.path not in found.walked]
    if named:
        return str(named[0].data.get("checklist"))
    scored = set()
    for form in found.forms:
        _, _, checklist = validator.resolve(form)
        if checklist.scoring is not None:
            scored.add(checklist.id)
    if len(scored) > 1:
        raise CompareError(
            f"the folders hold forms of several scored checklists ({', '.join(sorted(scored))}); "
            "choose one with --checklist"
        )
    if scored:
        return scored.pop()
    return str(found.forms[0].data.get("checklist")) if found.forms else ""


def run(args: argparse.Namespace) -> int:
    validator = Validator(catalogue(args))
    found = gather([Path(p) for p in args.inputs], recursive=args.recursive)
    if found.unusable:
        raise found.unusable[0]
    found.keep_only(args.checklist or _scored_checklist(validator, found))
    print_skipped(found)
    sys.stdout.write(compare_forms(validator, found.forms, name_item=args.name))
    return OK
