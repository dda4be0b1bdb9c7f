"""``checklist-forms validate``: a verdict per filled form, in plain words."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue, print_skipped
from checklist_forms.cli.exits import FAILED, OK, UNUSABLE
from checklist_forms.cli.language import _, ngettext, shown_text
from checklist_forms.core import jsontext
from checklist_forms.intake.folders import Found, each_form
from checklist_forms.intake.forms import FormError
from checklist_forms.intake.validate import Result, Validator


def _verdict(result: Result) -> str:
    # One whole sentence per status, so that each language orders its own words.
    if result.valid:
        if result.status == "draft":
            return _("{file}: valid draft form of {checklist} {version}")
        if result.status == "final":
            return _("{file}: valid final form of {checklist} {version}")
        return _("{file}: valid form of {checklist} {version}")
    if result.status == "draft":
        return _("{file}: INVALID draft form of {checklist} {version}")
    if result.status == "final":
        return _("{file}: INVALID final form of {checklist} {version}")
    return _("{file}: INVALID form of {checklist} {version}")


def _print_result(result: Result) -> None:
    print(
        _verdict(result).format(
            file=result.file, checklist=result.checklist, version=result.version
        )
    )
    if not result.valid:
        for issue in result.errors:
            where = (
                f"{issue.item} ({issue.label})"
                if issue.item and issue.label
                else (issue.item or _("form"))
            )
            print(
                _("  - {where}: {message}").format(where=where, message=shown_text(issue.message))
            )
    for issue in result.warnings:
        line = _("  ! {item} ({label}): {message}")
        print(line.format(item=issue.item, label=issue.label, message=shown_text(issue.message)))
    acknowledged = sum(1 for f in result.findings if f.acknowledged)
    if acknowledged:
        line = ngettext(
            "  ({count} non-discrimination finding acknowledged in the form)",
            "  ({count} non-discrimination findings acknowledged in the form)",
            acknowledged,
        )
        print(line.format(count=acknowledged))


def run(args: argparse.Namespace) -> int:
    validator = Validator(catalogue(args))
    found = Found()
    results: list[Result] = []
    # Forms that cannot be read, then forms that cannot be checked, as the report lists them.
    unchecked: list[FormError] = []
    # One form in memory at a time: a verdict keeps the file's name and its issues only.
    for form in each_form([Path(p) for p in args.inputs], found, recursive=args.recursive):
        try:
            results.append(validator.validate(form))
        except FormError as exc:
            unchecked.append(exc)
    unusable = [*found.unusable, *unchecked]
    if args.format == "json":
        payload = {
            "results": [r.as_dict() for r in results],
            "unusable": [{"file": e.path, "message": e.message} for e in unusable],
            "skipped": [{"file": s.path, "reason": s.reason} for s in found.skipped],
            "valid": sum(r.valid for r in results),
            "invalid": sum(not r.valid for r in results),
        }
        sys.stdout.write(jsontext.dumps(payload) + "\n")
    else:
        for result in results:
            _print_result(result)
        print_skipped(found)
        for error in unusable:
            line = _("{path}: cannot be used: {message}")
            print(line.format(path=error.path, message=shown_text(error.message)), file=sys.stderr)
        invalid = sum(not r.valid for r in results)
        counts = {"valid": len(results) - invalid, "invalid": invalid, "unusable": len(unusable)}
        if found.skipped:
            summary = _("{valid} valid, {invalid} invalid, {unusable} unusable, {skipped} skipped")
            counts["skipped"] = len(found.skipped)
        else:
            summary = _("{valid} valid, {invalid} invalid, {unusable} unusable")
        print(summary.format(**counts))
    if unusable:
        return UNUSABLE
    return FAILED if any(not r.valid for r in results) else OK
