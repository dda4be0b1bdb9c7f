"""What several commands share: finding the catalogue, naming skipped files."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from checklist_forms.cli.language import _, shown_text
from checklist_forms.core.model import Checklist
from checklist_forms.intake.catalogue import Catalogue
from checklist_forms.intake.folders import Found
from checklist_forms.intake.locate import locate


def catalogue(args: argparse.Namespace) -> Catalogue:
    """--catalogue (folder or URL), else this project's checklists/, else the installed one."""
    return locate(args.catalogue)


def print_skipped(found: Found) -> None:
    for skipped in found.skipped:
        line = _("{path}: skipped, {reason}")
        print(line.format(path=skipped.path, reason=shown_text(skipped.reason)), file=sys.stderr)


def in_language(checklist: Checklist, language: str | None) -> Checklist:
    """``checklist`` with its interface words in ``language`` (labels stay the form's)."""
    return replace(checklist, language=language) if language else checklist
