"""``checklist-forms validate``: a verdict per filled form, in plain words."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue
from checklist_forms.cli.exits import FAILED, OK, UNUSABLE
from checklist_forms.intake.forms import FormError, collect_paths, load_form
from checklist_forms.intake.validate import Result, Validator


def _print_result(result: Result) -> None:
    if result.valid:
        print(f"{result.file}: valid {result.status} form of {result.checklist} {result.version}")
    else:
        print(
            f"{result.file}: INVALID {result.status or 'form'} of {result.checklist} {result.version}"
        )
        for issue in result.errors:
            where = (
                f"{issue.item} ({issue.label})"
                if issue.item and issue.label
                else (issue.item or "form")
            )
            print(f"  - {where}: {issue.message}")
    for issue in result.warnings:
        print(f"  ! {issue.item} ({issue.label}): {issue.message}")
    acknowledged = sum(1 for f in result.findings if f.acknowledged)
    if acknowledged:
        print(f"  ({acknowledged} non-discrimination finding(s) acknowledged in the form)")


def run(args: argparse.Namespace) -> int:
    validator = Validator(catalogue(args))
    results: list[Result] = []
    unusable: list[FormError] = []
    paths = collect_paths([Path(p) for p in args.inputs])
    for path in paths:
        try:
            results.append(validator.validate(load_form(path)))
        except FormError as exc:
            unusable.append(exc)
    if args.format == "json":
        payload = {
            "results": [r.as_dict() for r in results],
            "unusable": [{"file": e.path, "message": e.message} for e in unusable],
            "valid": sum(r.valid for r in results),
            "invalid": sum(not r.valid for r in results),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for result in results:
            _print_result(result)
        for error in unusable:
            print(f"{error.path}: cannot be used: {error.message}", file=sys.stderr)
        invalid = sum(not r.valid for r in results)
        print(f"{len(results) - invalid} valid, {invalid} invalid, {len(unusable)} unusable")
    if unusable:
        return UNUSABLE
    return FAILED if any(not r.valid for r in results) else OK
