"""``checklist-forms report``: a Markdown summary (or a Word document) of one filled form."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from checklist_forms.cli.commands._common import catalogue, in_language
from checklist_forms.cli.exits import FAILED, OK
from checklist_forms.cli.language import _, explicit_language
from checklist_forms.core.score import describe, evaluate
from checklist_forms.intake.forms import load_form, write_new, write_new_bytes
from checklist_forms.intake.report import render_report
from checklist_forms.intake.validate import Validator


def run(args: argparse.Namespace) -> int:
    validator = Validator(catalogue(args))
    form = load_form(Path(args.file))
    _entry, _schema, checklist = validator.resolve(form)
    # The form's language chooses the words, unless the reader asked for one (--lang).
    checklist = in_language(checklist, explicit_language())
    result = validator.validate(form)
    raw = form.data.get("answers")
    answers: dict[str, Any] = raw if isinstance(raw, dict) else {}
    verdict = evaluate(checklist, answers)
    draft = form.data.get("status") != "final"
    extra = describe(checklist, verdict, checklist.language, draft) if verdict else None
    text = render_report(checklist, form.data, result, extra)
    if args.docx:
        from checklist_forms.intake.word import report_docx

        document = report_docx(checklist, form.data, result, extra)
        write_new_bytes(Path(args.docx), document, sources=[Path(args.file)], overwrite=args.force)
        print(_("wrote {path}").format(path=args.docx), file=sys.stderr)
        if not args.output:
            return OK if result.valid else FAILED
    if args.output:
        write_new(Path(args.output), text, sources=[Path(args.file)], overwrite=args.force)
    else:
        sys.stdout.write(text)
    return OK if result.valid else FAILED
