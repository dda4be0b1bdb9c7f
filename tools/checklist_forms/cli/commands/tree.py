"""``checklist-forms export`` and ``check``: the published tree of forms, built from docs/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.exits import FAILED, OK
from checklist_forms.sphinx_ext.export import ExtractError, build_tree, compare, write


def run(args: argparse.Namespace) -> int:
    try:
        files = build_tree(Path(args.docs))
    except ExtractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return FAILED
    if args.command == "export":
        changes = write(files, Path(args.output))
        for line in changes:
            print(line)
        print(f"{len(files)} files in {args.output}, {len(changes)} changed")
        return OK
    problems = compare(files, Path(args.output))
    if problems:
        for line in problems:
            print(line)
        print(f"{args.output} is stale: run `checklist-forms export` and commit the result")
        return FAILED
    print(f"{args.output} is up to date ({len(files)} files)")
    return OK
