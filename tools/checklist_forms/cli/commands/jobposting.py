"""``checklist-forms jobposting``: JSON-LD and a readable ad from a « Fiche de poste »."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue, in_language
from checklist_forms.cli.exits import FAILED, OK
from checklist_forms.cli.language import _, explicit_language, shown_text
from checklist_forms.intake.forms import load_form, write_new, write_new_bytes
from checklist_forms.intake.jobposting import (
    JobPostingError,
    build_jobposting,
    to_html,
    to_jsonld,
    to_markdown,
)
from checklist_forms.intake.validate import Validator


def run(args: argparse.Namespace) -> int:
    source = Path(args.file)
    validator = Validator(catalogue(args))
    form = load_form(source)
    _entry, _schema, checklist = validator.resolve(form)
    # The ad's interface words follow the form's language unless the reader asked for one
    # (--lang); the JSON-LD keeps the form's (its inLanguage is the text's language).
    words = in_language(checklist, explicit_language())
    result = validator.validate(form)
    if not result.valid:
        print(
            _("error: {path} is not a valid form; run `checklist-forms validate {path}`").format(
                path=source
            ),
            file=sys.stderr,
        )
        return FAILED
    answers = form.data["answers"]
    # Non-discrimination findings the form acknowledges; any other is a refusal.
    raw_acks = form.data.get("acknowledged")
    acks = [a for a in raw_acks if isinstance(a, str)] if isinstance(raw_acks, list) else []
    try:
        posting = build_jobposting(checklist, answers, acks)
    except JobPostingError as exc:
        print(
            _("error: {path}: {message}").format(path=source, message=shown_text(exc.message)),
            file=sys.stderr,
        )
        return FAILED
    for issue in result.warnings:
        line = _("warning: {item} ({label}): {message}")
        print(
            line.format(item=issue.item, label=issue.label, message=shown_text(issue.message)),
            file=sys.stderr,
        )
    outputs = [(args.output, to_jsonld(posting)), (args.html, to_html(words, answers, posting)),
               (args.markdown, to_markdown(words, answers))]  # fmt: skip
    for target, text in outputs:
        if target:
            write_new(Path(target), text, sources=[source], overwrite=args.force)
            print(_("wrote {path}").format(path=target), file=sys.stderr)
    if args.docx:
        from checklist_forms.intake.word import jobad_docx

        write_new_bytes(
            Path(args.docx), jobad_docx(words, answers), sources=[source], overwrite=args.force
        )
        print(_("wrote {path}").format(path=args.docx), file=sys.stderr)
    if not args.output:
        sys.stdout.write(outputs[0][1])
    return OK
