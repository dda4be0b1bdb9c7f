"""``checklist-forms xlsx`` and ``import``: Excel workbooks out, filled workbooks back in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue
from checklist_forms.cli.exits import FAILED, OK, UNUSABLE
from checklist_forms.cli.language import _, shown_text
from checklist_forms.cli.language import status_word as _status
from checklist_forms.intake.forms import FormError, LoadedForm, write_new, write_new_bytes
from checklist_forms.intake.validate import Validator


def run(args: argparse.Namespace) -> int:
    return write_workbooks(args) if args.command == "xlsx" else import_workbook(args)


def write_workbooks(args: argparse.Namespace) -> int:
    """Write a fillable Excel workbook per checklist (current versions of the catalogue)."""
    from checklist_forms.core.paths import workbook_path
    from checklist_forms.intake.validate import checklist_from_schema
    from checklist_forms.publish.workbook_writer import build_workbook

    found = catalogue(args)
    wanted = set(args.ids)
    unknown = sorted(wanted - set(found.ids()))
    if unknown:
        print(
            _("error: unknown checklist {id}; known: {known}").format(
                id=repr(unknown[0]), known=", ".join(found.ids())
            ),
            file=sys.stderr,
        )
        return UNUSABLE
    latest: dict[str, str] = {}
    for checklist_id in found.ids():
        versions = found.versions(checklist_id)
        if versions and (not wanted or checklist_id in wanted):
            latest[checklist_id] = versions[-1]
    output = Path(args.output)
    if output.exists() and not output.is_dir():
        raise FormError(output, _("is not a folder; -o names the folder for the workbooks"))
    for checklist_id, version in sorted(latest.items()):
        entry = found.find(checklist_id, version, args.language)
        assert entry is not None
        checklist = checklist_from_schema(found.schema(entry))
        target = output / Path(workbook_path(checklist)).name
        write_new_bytes(target, build_workbook(checklist), overwrite=args.force)
        print(_("wrote {path}").format(path=target))
    return OK


def import_workbook(args: argparse.Namespace) -> int:
    """Read a filled workbook back into a JSON form, reporting every unusable cell."""
    from checklist_forms.core.schema import dumps
    from checklist_forms.intake.workbook_reader import catalogue_resolver, read_workbook

    source = Path(args.file)
    target = Path(args.output) if args.output else source.with_suffix(".json")
    validator = Validator(catalogue(args))
    form, problems = read_workbook(source, catalogue_resolver(validator))
    # The written form names its published schema, as a blank form does.
    entry, _schema, _checklist = validator.resolve(LoadedForm(path=str(source), data=form))
    schema = validator.catalogue.schema(entry)
    if isinstance(schema.get("$id"), str):
        form["$schema"] = schema["$id"]
    write_new(target, dumps(form), sources=[source], overwrite=args.force)
    for problem in problems:
        print(f"{source}: {shown_text(problem)}")
    line = _("wrote {path} ({status}, {count} cell(s) not used)")
    print(line.format(path=target, status=_status(form["status"]), count=len(problems)))
    return FAILED if problems else OK
