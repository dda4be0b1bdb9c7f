"""``checklist-forms migrate``: carry a filled form to another version of its checklist."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue
from checklist_forms.cli.exits import FAILED, OK
from checklist_forms.cli.language import _, shown_text
from checklist_forms.cli.language import status_word as _status
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
    entry, _schema, source = validator.resolve(form)
    target_entry = found.find(source.id, args.to, entry.language)
    if target_entry is None:
        known = ", ".join(found.versions(source.id))
        raise FormError(
            source_path,
            _("checklist {id} has no version {version}; known versions: {known}").format(
                id=repr(source.id), version=repr(args.to), known=known
            ),
        )
    if version_key(args.to) < version_key(source.version):
        raise FormError(
            source_path,
            _("cannot migrate back from {old} to {new}").format(old=source.version, new=args.to),
        )
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
        print(_("backup of the original: {path}").format(path=backup))
    else:
        output = (
            Path(args.output)
            if args.output
            else source_path.with_name(f"{source_path.stem}.v{args.to}.json")
        )
        write_new(output, text, sources=[source_path], overwrite=args.force)
    renamed = [(old, new) for old, new in result.carried if old != new]
    line = _("{id} {old} -> {new}: {carried} answer(s) carried, {renamed} through a rename, "
             "{dropped} not carried")  # fmt: skip
    print(line.format(id=source.id, old=source.version, new=target.version,
                      carried=len(result.carried), renamed=len(renamed), dropped=len(result.dropped)))  # fmt: skip
    for old, new in renamed:
        print(_("  renamed: {old} -> {new}").format(old=old, new=new))
    for lost in result.dropped:
        line = _("  NOT CARRIED: {item} ({label}) = {value}: {reason}")
        value = json.dumps(lost.value, ensure_ascii=False)
        print(
            line.format(
                item=lost.item, label=lost.label, value=value, reason=shown_text(lost.reason)
            )
        )
    print(_("wrote {path} ({status})").format(path=output, status=_status(result.form["status"])))
    return FAILED if result.dropped else OK
