"""``checklist-forms validate``: a verdict per filled form, in plain words."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from checklist_forms.cli.commands._common import catalogue, print_skipped
from checklist_forms.cli.exits import FAILED, OK, UNUSABLE
from checklist_forms.cli.language import _, ngettext, shown_text
from checklist_forms.intake.folders import gather
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
