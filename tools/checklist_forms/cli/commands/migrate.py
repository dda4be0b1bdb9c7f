"""``checklist-forms migrate``: carry a filled form to another version of its checklist."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue
from checklist_forms.cli.exits import FAILED, OK
from checklist_forms.core.schema import dumps
from checklist_forms.core.versions import version_key
from checklist_forms.intake.forms import FormError, load_form, write_new, write_new_bytes
from checklist_forms.intake.forms import read_input as read_source
from checklist_forms.intake.migrate import migrate
from checklist_forms.intake.validate import Validator, checklist_from_schema


def run(args: argparse.Namespace) -> int:
    """Keep every answer the target version can hold; say which ones it cannot."""
    source_path = Path(args.file)
    found = catalogue(args)
    form = load_form(source_path)
    validator = Validator(found)
    entry, _, source = validator.resolve(form)
    target_entry = found.find(source.id, args.to, entry.language)
    if target_entry is None:
        known = ", ".join(found.versions(source.id))
        raise FormError(
            source_path,
            f"checklist {source.id!r} has no version {args.to!r}; known versions: {known}",
        )
    if version_key(args.to) < version_key(source.version):
        raise FormError(source_path, f"cannot migrate back from {source.version} to {args.to}")
    target = checklist_from_schema(found.schema(target_entry))
    result = migrate(form.data, source, target, schema_url=found.schema(target_entry).get("$id"))
    text = dumps(result.form)
    if args.in_place:
        backup = source_path.with_name(source_path.name + ".bak")
        write_new_bytes(
            backup, read_source(source_path), sources=[source_path], overwrite=args.force
        )
        # The form is replaced on purpose here, its original kept in the backup above.
        write_new_bytes(source_path, text.encode("utf-8"), overwrite=True)
        output = source_path
        print(f"backup of the original: {backup}")
    else:
        output = (
            Path(args.output)
            if args.output
            else source_path.with_name(f"{source_path.stem}.v{args.to}.json")
        )
        write_new(output, text, sources=[source_path], overwrite=args.force)
    renamed = [(old, new) for old, new in result.carried if old != new]
    print(f"{source.id} {source.version} -> {target.version}: {len(result.carried)} answer(s) carried, "
          f"{len(renamed)} through a rename, {len(result.dropped)} not carried")  # fmt: skip
    for old, new in renamed:
        print(f"  renamed: {old} -> {new}")
    for lost in result.dropped:
        print(
            f"  NOT CARRIED: {lost.item} ({lost.label}) = {json.dumps(lost.value, ensure_ascii=False)}: {lost.reason}"
        )
    print(f"wrote {output} ({result.form['status']})")
    return FAILED if result.dropped else OK
