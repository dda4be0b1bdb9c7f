"""``checklist-forms validate``: a verdict per filled form, in plain words."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from checklist_forms.cli.commands._common import catalogue, print_skipped
from checklist_forms.cli.exits import FAILED, OK, UNUSABLE
from checklist_forms.intake.folders import gather
from checklist_forms.intake.forms import FormError
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


def dumps_report(payload: dict[str, Any]) -> str:
    """``json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True)``, faster.

    The same text, byte for byte (a test compares them): json's indented output comes
    from its pure-Python encoder, which spent as long on a batch's report as validation
    did. A result made of plain values is written here; any other goes to json.dumps.
    """
    parts: list[str] = []
    for key in sorted(payload):
        value = payload[key]
        if isinstance(value, list) and value:
            items = ",\n    ".join(_dumps_result(v) for v in value)
            text = f"[\n    {items}\n  ]"
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
            text = text.replace("\n", "\n  ")
        parts.append(f"  {_string(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}" if parts else "{}"


_string = json.encoder.encode_basestring


def _dumps_result(value: Any) -> str:
    """One element of a top-level list, indented as json.dumps would at that depth."""
    if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        fields: list[str] = []
        for key in sorted(value):
            v = value[key]
            if isinstance(v, str):
                text = _string(v)
            elif v is True or v is False or v is None:
                text = "true" if v is True else "false" if v is False else "null"
            elif isinstance(v, list) and not v:
                text = "[]"
            else:
                break  # anything else (numbers, nested values) is json's to write
            fields.append(f"      {_string(key)}: {text}")
        else:
            return "{\n" + ",\n".join(fields) + "\n    }"
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return text.replace("\n", "\n    ")


def run(args: argparse.Namespace) -> int:
    validator = Validator(catalogue(args))
    found = gather([Path(p) for p in args.inputs], recursive=args.recursive)
    results: list[Result] = []
    unusable: list[FormError] = list(found.unusable)
    for form in found.forms:
        try:
            results.append(validator.validate(form))
        except FormError as exc:
            unusable.append(exc)
    if args.format == "json":
        payload = {
            "results": [r.as_dict() for r in results],
            "unusable": [{"file": e.path, "message": e.message} for e in unusable],
            "skipped": [{"file": s.path, "reason": s.reason} for s in found.skipped],
            "valid": sum(r.valid for r in results),
            "invalid": sum(not r.valid for r in results),
        }
        sys.stdout.write(dumps_report(payload) + "\n")
    else:
        for result in results:
            _print_result(result)
        print_skipped(found)
        for error in unusable:
            print(f"{error.path}: cannot be used: {error.message}", file=sys.stderr)
        invalid = sum(not r.valid for r in results)
        skipped = f", {len(found.skipped)} skipped" if found.skipped else ""
        print(
            f"{len(results) - invalid} valid, {invalid} invalid, {len(unusable)} unusable{skipped}"
        )
    if unusable:
        return UNUSABLE
    return FAILED if any(not r.valid for r in results) else OK
