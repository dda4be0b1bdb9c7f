"""``checklist-forms``: thin command line over the engine.

Exit codes: 0 success, 1 a check failed (invalid form, stale exports), 2 an input could
not be used at all (missing or unreadable file, unknown checklist, bad arguments).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checklist_forms import __version__
from checklist_forms.intake.catalogue import Catalogue, CatalogueError
from checklist_forms.intake.forms import (
    FormError,
    collect_paths,
    load_form,
    write_new,
    write_new_bytes,
)
from checklist_forms.intake.validate import Result, Validator

OK, FAILED, UNUSABLE = 0, 1, 2


def _catalogue(args: argparse.Namespace) -> Catalogue:
    return Catalogue.load(Path(args.catalogue))


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


def cmd_validate(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    validator = Validator(catalogue)
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


def cmd_report(args: argparse.Namespace) -> int:
    from checklist_forms.intake.report import render_report

    catalogue = _catalogue(args)
    form = load_form(Path(args.file))
    validator = Validator(catalogue)
    _, _, checklist = validator.resolve(form)
    result = validator.validate(form)
    from checklist_forms.core.score import describe, evaluate

    raw = form.data.get("answers")
    answers: dict[str, Any] = raw if isinstance(raw, dict) else {}
    verdict = evaluate(checklist, answers)
    extra = describe(checklist, verdict, checklist.language) if verdict else None
    text = render_report(checklist, form.data, result, extra)
    if args.output:
        write_new(Path(args.output), text, sources=[Path(args.file)], overwrite=args.force)
    else:
        sys.stdout.write(text)
    return OK if result.valid else FAILED


def cmd_compare(args: argparse.Namespace) -> int:
    """A hiring panel's grids grouped by recruitment and candidate, with the calibration list."""
    from checklist_forms.intake.panel import PanelError, build_panel
    from checklist_forms.intake.panel_html import render_html
    from checklist_forms.intake.panel_tables import render_csv, render_xlsx
    from checklist_forms.intake.panel_text import render_markdown

    validator = Validator(_catalogue(args))
    inputs = [Path(p) for p in args.inputs]
    try:
        panel = build_panel(validator, inputs, include_drafts=args.include_drafts)
    except PanelError as exc:
        for path, why in exc.skipped:
            print(f"{path}: {why}", file=sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        return UNUSABLE
    data: bytes
    if args.xlsx:
        data = render_xlsx(panel)
    elif args.csv:
        data = render_csv(panel).encode("utf-8")
    elif args.html:
        data = render_html(panel).encode("utf-8")
    else:
        data = render_markdown(panel).encode("utf-8")
    if args.output:
        write_new_bytes(Path(args.output), data, sources=panel.sources, overwrite=args.force)
        print(f"wrote {args.output}")
    elif args.xlsx:
        print("error: --xlsx needs -o FILE", file=sys.stderr)
        return UNUSABLE
    else:
        sys.stdout.write(data.decode("utf-8"))
    return OK


def cmd_trends(args: argparse.Namespace) -> int:
    """A folder of monthly reports as one page of indicator trends over the months."""
    from checklist_forms.intake.trends import TrendsError, build_trends, render_trends_html

    inputs = [Path(p) for p in args.inputs]
    try:
        trends = build_trends(Validator(_catalogue(args)), inputs)
    except TrendsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return UNUSABLE
    page = render_trends_html(trends)
    if args.output:
        write_new(Path(args.output), page, sources=trends.sources, overwrite=args.force)
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(page)
    return OK


def cmd_xlsx(args: argparse.Namespace) -> int:
    """Write a fillable Excel workbook per checklist (current versions of the catalogue)."""
    from checklist_forms.core.paths import workbook_path
    from checklist_forms.intake.validate import checklist_from_schema
    from checklist_forms.publish.workbook_writer import build_workbook

    catalogue = _catalogue(args)
    wanted = set(args.ids)
    unknown = sorted(wanted - set(catalogue.ids()))
    if unknown:
        print(
            f"error: unknown checklist {unknown[0]!r}; known: {', '.join(catalogue.ids())}",
            file=sys.stderr,
        )
        return UNUSABLE
    latest: dict[str, str] = {}
    for checklist_id in catalogue.ids():
        versions = catalogue.versions(checklist_id)
        if versions and (not wanted or checklist_id in wanted):
            latest[checklist_id] = versions[-1]
    output = Path(args.output)
    for checklist_id, version in sorted(latest.items()):
        entry = catalogue.find(checklist_id, version, args.language)
        assert entry is not None
        checklist = checklist_from_schema(catalogue.schema(entry))
        target = output / Path(workbook_path(checklist)).name
        write_new_bytes(target, build_workbook(checklist), overwrite=args.force)
        print(f"wrote {target}")
    return OK


def cmd_import(args: argparse.Namespace) -> int:
    """Read a filled workbook back into a JSON form, reporting every unusable cell."""
    from checklist_forms.core.schema import dumps
    from checklist_forms.intake.workbook_reader import catalogue_resolver, read_workbook

    source = Path(args.file)
    target = Path(args.output) if args.output else source.with_suffix(".json")
    validator = Validator(_catalogue(args))
    form, problems = read_workbook(source, catalogue_resolver(validator))
    write_new(target, dumps(form), sources=[source], overwrite=args.force)
    for problem in problems:
        print(f"{source}: {problem}")
    print(f"wrote {target} ({form['status']}, {len(problems)} cell(s) not used)")
    return FAILED if problems else OK


def cmd_jobposting(args: argparse.Namespace) -> int:
    """schema.org JobPosting JSON-LD (and a readable ad) from a filled « Fiche de poste »."""
    from checklist_forms.intake.jobposting import (
        JobPostingError,
        build_jobposting,
        to_html,
        to_jsonld,
        to_markdown,
    )

    source = Path(args.file)
    validator = Validator(_catalogue(args))
    form = load_form(source)
    _, _, checklist = validator.resolve(form)
    result = validator.validate(form)
    if not result.valid:
        print(
            f"error: {source} is not a valid form; run `checklist-forms validate {source}`",
            file=sys.stderr,
        )
        return FAILED
    answers = form.data["answers"]
    try:
        posting = build_jobposting(checklist, answers)
    except JobPostingError as exc:
        print(f"error: {source}: {exc}", file=sys.stderr)
        return FAILED
    for issue in result.warnings:
        print(f"warning: {issue.item} ({issue.label}): {issue.message}", file=sys.stderr)
    outputs = [(args.output, to_jsonld(posting)), (args.html, to_html(checklist, answers, posting)),
               (args.markdown, to_markdown(checklist, answers))]  # fmt: skip
    for target, text in outputs:
        if target:
            write_new(Path(target), text, sources=[source], overwrite=args.force)
            print(f"wrote {target}", file=sys.stderr)
    if not args.output:
        sys.stdout.write(outputs[0][1])
    return OK


def cmd_migrate(args: argparse.Namespace) -> int:
    """Carry a filled form to another version, keeping every answer the version can hold."""
    from checklist_forms.core.schema import dumps
    from checklist_forms.core.versions import version_key
    from checklist_forms.intake.migrate import migrate
    from checklist_forms.intake.validate import checklist_from_schema

    source_path = Path(args.file)
    catalogue = _catalogue(args)
    form = load_form(source_path)
    validator = Validator(catalogue)
    entry, _, source = validator.resolve(form)
    target_entry = catalogue.find(source.id, args.to, entry.language)
    if target_entry is None:
        known = ", ".join(catalogue.versions(source.id))
        raise FormError(
            source_path,
            f"checklist {source.id!r} has no version {args.to!r}; known versions: {known}",
        )
    if version_key(args.to) < version_key(source.version):
        raise FormError(source_path, f"cannot migrate back from {source.version} to {args.to}")
    target = checklist_from_schema(catalogue.schema(target_entry))
    result = migrate(form.data, source, target)
    text = dumps(result.form)
    if args.in_place:
        backup = source_path.with_name(source_path.name + ".bak")
        write_new_bytes(backup, source_path.read_bytes(), overwrite=args.force)
        source_path.write_text(text, encoding="utf-8")
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


def cmd_export(args: argparse.Namespace) -> int:
    from checklist_forms.sphinx_ext.export import ExtractError, build_tree, write

    try:
        files = build_tree(Path(args.docs))
    except ExtractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return FAILED
    changes = write(files, Path(args.output))
    for line in changes:
        print(line)
    print(f"{len(files)} files in {args.output}, {len(changes)} changed")
    return OK


def cmd_check(args: argparse.Namespace) -> int:
    from checklist_forms.sphinx_ext.export import ExtractError, build_tree, compare

    try:
        files = build_tree(Path(args.docs))
    except ExtractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return FAILED
    problems = compare(files, Path(args.output))
    if problems:
        for line in problems:
            print(line)
        print(f"{args.output} is stale: run `checklist-forms export` and commit the result")
        return FAILED
    print(f"{args.output} is up to date ({len(files)} files)")
    return OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checklist-forms",
        description="Export, check, validate and report on the handbook's checklist forms.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def catalogue_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--catalogue",
            default="checklists",
            help="folder holding index.json and the schemas (default: ./checklists)",
        )

    def docs_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--docs", default="docs", help="Sphinx source folder (default: ./docs)")
        p.add_argument(
            "--output", default="checklists", help="forms folder (default: ./checklists)"
        )

    p = sub.add_parser("validate", help="validate filled forms (files or folders)")
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR")
    p.add_argument("--format", choices=("text", "json"), default="text")
    catalogue_option(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("report", help="print a Markdown summary of a filled form")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", help="write the report to this new file instead of the screen")
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    catalogue_option(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "compare",
        help="a hiring panel's grids by recruitment and candidate: scores, spreads, calibration",
    )
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR")
    p.add_argument("--include-drafts", action="store_true", help="count draft grids too")
    formats = p.add_mutually_exclusive_group()
    formats.add_argument("--csv", action="store_true", help="CSV tables instead of Markdown")
    formats.add_argument("--xlsx", action="store_true", help="an Excel workbook (needs -o)")
    formats.add_argument("--html", action="store_true", help="one self-contained page, charts")
    p.add_argument("-o", "--output", help="write to this file instead of the terminal")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    catalogue_option(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "trends", help="monthly reports as one self-contained page of trends over the months"
    )
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR")
    p.add_argument("-o", "--output", help="write the page to this file instead of the terminal")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    catalogue_option(p)
    p.set_defaults(func=cmd_trends)

    p = sub.add_parser("xlsx", help="write a fillable Excel workbook per checklist")
    p.add_argument("ids", nargs="*", metavar="ID", help="checklist ids (default: all)")
    p.add_argument("-o", "--output", default=".", help="folder for the workbooks (default: here)")
    p.add_argument("--language", default="fr", help="language of the workbook (default: fr)")
    p.add_argument("--force", action="store_true", help="replace existing workbooks")
    catalogue_option(p)
    p.set_defaults(func=cmd_xlsx)

    p = sub.add_parser("import", help="read a filled Excel workbook back into a JSON form")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument(
        "-o", "--output", help="JSON form to write (default: FILE.json beside the workbook)"
    )
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    catalogue_option(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "jobposting", help="schema.org JobPosting and a readable job ad from a « Fiche de poste »"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", help="write the JSON-LD here (default: the screen)")
    p.add_argument("--html", help="also write a publishable HTML job ad (JSON-LD embedded)")
    p.add_argument("--markdown", help="also write the job ad as Markdown")
    p.add_argument("--force", action="store_true", help="replace existing output files")
    catalogue_option(p)
    p.set_defaults(func=cmd_jobposting)

    p = sub.add_parser("migrate", help="carry a filled form to another version of its checklist")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--to", required=True, metavar="VERSION", help="target version, e.g. 1.1.0")
    p.add_argument(
        "-o", "--output", help="new file to write (default: FILE.vVERSION.json beside it)"
    )
    p.add_argument(
        "--in-place", action="store_true", help="replace FILE, keeping the original as FILE.bak"
    )
    p.add_argument("--force", action="store_true", help="replace an existing output or backup")
    catalogue_option(p)
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("export", help="write the forms of every checklist of docs/ to checklists/")
    docs_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help="fail when checklists/ is stale relative to docs/")
    docs_options(p)
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, which is our "unusable"
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except (CatalogueError, FormError) as exc:
        # One place turns an unusable input into its one-line message and exit code 2.
        print(f"error: {exc}", file=sys.stderr)
        return UNUSABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return OK
