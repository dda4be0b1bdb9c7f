"""``checklist-forms trends``: a folder of monthly reports as one page of trends."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue
from checklist_forms.cli.exits import OK, UNUSABLE
from checklist_forms.cli.language import _, shown_text
from checklist_forms.intake.forms import write_new
from checklist_forms.intake.trends import TrendsError, build_trends, render_trends_html
from checklist_forms.intake.validate import Validator


def run(args: argparse.Namespace) -> int:
    inputs = [Path(p) for p in args.inputs]
    try:
        trends = build_trends(Validator(catalogue(args)), inputs, recursive=args.recursive)
    except TrendsError as exc:
        print(_("error: {message}").format(message=shown_text(exc.message)), file=sys.stderr)
        return UNUSABLE
    page = render_trends_html(trends)
    if args.output:
        write_new(Path(args.output), page, sources=trends.sources, overwrite=args.force)
        print(_("wrote {path}").format(path=args.output))
    else:
        sys.stdout.write(page)
    return OK
