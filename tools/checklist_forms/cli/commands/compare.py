"""``checklist-forms compare``: rank filled forms of one scored checklist, as a panel would."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue
from checklist_forms.cli.exits import OK
from checklist_forms.intake.compare import compare_forms
from checklist_forms.intake.forms import collect_paths, load_form
from checklist_forms.intake.validate import Validator


def run(args: argparse.Namespace) -> int:
    validator = Validator(catalogue(args))
    forms = [load_form(Path(p)) for p in collect_paths([Path(p) for p in args.inputs])]
    sys.stdout.write(compare_forms(validator, forms, name_item=args.name))
    return OK
