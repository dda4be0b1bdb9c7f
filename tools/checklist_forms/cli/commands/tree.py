"""``checklist-forms export`` and ``check``: the published tree of forms, built from docs/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.exits import FAILED, OK
from checklist_forms.cli.language import _
from checklist_forms.sphinx_ext.export import ExtractError, build_tree, compare, write


def run(args: argparse.Namespace) -> int:
    try:
        files = build_tree(Path(args.docs))
    except ExtractError as exc:
        print(_("error: {message}").format(message=str(exc)), file=sys.stderr)
        return FAILED
    if args.command == "export":
        changes = write(files, Path(args.output))
        for line in changes:
            print(line)
        line = _("{files} files in {folder}, {changed} changed")
        print(line.format(files=len(files), folder=args.output, changed=len(changes)))
        return OK
    problems = compare(files, Path(args.output))
    if problems:
        for line in problems:
            print(line)
        print(
            _("{folder} is stale: run `checklist-forms export` and commit the result").format(
                folder=args.output
            )
        )
        return FAILED
    print(_("{folder} is up to date ({files} files)").format(folder=args.output, files=len(files)))
    return OK
