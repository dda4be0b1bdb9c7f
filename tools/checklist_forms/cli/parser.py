"""The argument parser of ``checklist-forms``: every command, its options and its help.

Nothing of the engine is imported here, so ``checklist-forms --help`` (and a typo in the
arguments) costs only Python and argparse. Each command names the module that runs it;
:func:`checklist_forms.cli.main.main` imports that module once the arguments are parsed.
"""

from __future__ import annotations

import argparse

from checklist_forms import __version__


def _catalogue_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--catalogue",
        default="checklists",
        help="folder holding index.json and the schemas (default: ./checklists)",
    )


def _docs_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--docs", default="docs", help="Sphinx source folder (default: ./docs)")
    p.add_argument("--output", default="checklists", help="forms folder (default: ./checklists)")


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, runner: str, help: str
) -> argparse.ArgumentParser:
    """A sub-command run by ``checklist_forms.cli.commands.<runner>.run``."""
    p = sub.add_parser(name, help=help)
    p.set_defaults(runner=runner)
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checklist-forms",
        description="Export, check, validate and report on the handbook's checklist forms.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _command(sub, "validate", "validate", "validate filled forms (files or folders)")
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR")
    p.add_argument("--format", choices=("text", "json"), default="text")
    _catalogue_option(p)

    p = _command(sub, "report", "report", "print a Markdown summary of a filled form")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", help="write the report to this new file instead of the screen")
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    _catalogue_option(p)

    p = _command(
        sub, "compare", "compare", "rank several filled forms of one scored checklist side by side"
    )
    p.add_argument("inputs", nargs="+", metavar="FILE|DIR")
    p.add_argument("--name", help="item holding each form's name (default: the first text item)")
    _catalogue_option(p)

    p = _command(sub, "xlsx", "workbooks", "write a fillable Excel workbook per checklist")
    p.add_argument("ids", nargs="*", metavar="ID", help="checklist ids (default: all)")
    p.add_argument("-o", "--output", default=".", help="folder for the workbooks (default: here)")
    p.add_argument("--language", default="fr", help="language of the workbook (default: fr)")
    p.add_argument("--force", action="store_true", help="replace existing workbooks")
    _catalogue_option(p)

    p = _command(sub, "import", "workbooks", "read a filled Excel workbook back into a JSON form")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument(
        "-o", "--output", help="JSON form to write (default: FILE.json beside the workbook)"
    )
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    _catalogue_option(p)

    p = _command(
        sub,
        "jobposting",
        "jobposting",
        "schema.org JobPosting and a readable job ad from a « Fiche de poste »",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", help="write the JSON-LD here (default: the screen)")
    p.add_argument("--html", help="also write a publishable HTML job ad (JSON-LD embedded)")
    p.add_argument("--markdown", help="also write the job ad as Markdown")
    p.add_argument("--force", action="store_true", help="replace existing output files")
    _catalogue_option(p)

    p = _command(
        sub, "migrate", "migrate", "carry a filled form to another version of its checklist"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--to", required=True, metavar="VERSION", help="target version, e.g. 1.1.0")
    p.add_argument(
        "-o", "--output", help="new file to write (default: FILE.vVERSION.json beside it)"
    )
    p.add_argument(
        "--in-place", action="store_true", help="replace FILE, keeping the original as FILE.bak"
    )
    p.add_argument("--force", action="store_true", help="replace an existing output or backup")
    _catalogue_option(p)

    p = _command(
        sub, "export", "tree", "write the forms of every checklist of docs/ to checklists/"
    )
    _docs_options(p)

    p = _command(sub, "check", "tree", "fail when checklists/ is stale relative to docs/")
    _docs_options(p)
    return parser
