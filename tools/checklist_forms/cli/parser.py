"""The argument parser of ``checklist-forms``: every command, its options and its help.

Nothing of the engine is imported here, so ``checklist-forms --help`` (and a typo in the
arguments) costs only Python and argparse. Each command names the module that runs it;
:func:`checklist_forms.cli.main.main` imports that module once the arguments are parsed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from checklist_forms import __version__
from checklist_forms.cli.help_text import COMMANDS as HELP


def _catalogue_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--catalogue",
        metavar="FOLDER|URL",
        help="the checklists to check against: a folder holding index.json, or the URL "
        "of a published site (default: checklists/ of this project in this folder or a "
        "parent, else the catalogue installed with the tool)",
    )


def _walk_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-r", "--recursive", action="store_true", help="also read the subfolders of folders"
    )


def _docs_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--docs", default="docs", help="Sphinx source folder (default: ./docs)")
    p.add_argument("--output", default="checklists", help="forms folder (default: ./checklists)")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (``only``) one whose other commands have just their name.

    ``checklist-forms --help`` lists the commands and their one-line help, and running a
    command parses that command's options alone: building the options of nine commands
    every time took longer than printing the help.
    """
    parser = argparse.ArgumentParser(
        prog="checklist-forms",
        description="Export, check, validate and report on the handbook's checklist forms.",
        epilog="exit codes: 0 all good, 1 a form is invalid (or an answer could not be carried,\n"
        "or the exports are stale), 2 an input could not be used.\n"
        "`checklist-forms COMMAND --help` explains each command, with an example.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (runner, summary, options) in COMMANDS.items():
        if only is None or only == name:
            description, epilog = HELP[name]
            p = sub.add_parser(
                name,
                help=summary,
                description=description,
                epilog=epilog,
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            options(p)
        else:
            p = sub.add_parser(name, help=summary)
        p.set_defaults(runner=runner)
    return parser


def command_word(argv: list[str]) -> str | None:
    """The command named in ``argv`` (the top level takes no option with a value)."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return word if word in COMMANDS else None


def _validate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs", nargs="+", metavar="FILE|DIR", help="filled forms, or folders of forms"
    )
    _walk_option(p)
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for programs",
    )
    _catalogue_option(p)


def _report_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the filled form (JSON)")
    p.add_argument("-o", "--output", help="write the report to this new file instead of the screen")
    p.add_argument("--docx", metavar="FILE", help="write the report as a Word document")
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    _catalogue_option(p)


def _compare_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs", nargs="+", metavar="FILE|DIR", help="filled grids, or folders of grids"
    )
    _walk_option(p)
    p.add_argument(
        "--checklist",
        metavar="ID",
        help="the checklist whose forms to gather, others skipped "
        "(default: the scored checklist most forms are of)",
    )
    p.add_argument("--include-drafts", action="store_true", help="count draft grids too")
    formats = p.add_mutually_exclusive_group()
    formats.add_argument("--csv", action="store_true", help="CSV tables instead of Markdown")
    formats.add_argument("--xlsx", action="store_true", help="an Excel workbook (needs -o)")
    formats.add_argument("--html", action="store_true", help="one self-contained page, charts")
    p.add_argument("-o", "--output", help="write to this new file instead of the screen")
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    _catalogue_option(p)


def _trends_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs", nargs="+", metavar="FILE|DIR", help="filled monthly reports, or their folder"
    )
    _walk_option(p)
    p.add_argument("-o", "--output", help="write the page to this new file instead of the screen")
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    _catalogue_option(p)


def _xlsx_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", nargs="*", metavar="ID", help="checklist ids (default: all)")
    p.add_argument("-o", "--output", default=".", help="folder for the workbooks (default: here)")
    p.add_argument("--language", default="fr", help="language of the workbook (default: fr)")
    p.add_argument("--force", action="store_true", help="replace existing workbooks")
    _catalogue_option(p)


def _import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.xlsx", help="the filled workbook")
    p.add_argument(
        "-o", "--output", help="JSON form to write (default: FILE.json beside the workbook)"
    )
    p.add_argument("--force", action="store_true", help="replace --output if it exists")
    _catalogue_option(p)


def _jobposting_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the filled « Fiche de poste » form (JSON)")
    p.add_argument("-o", "--output", help="write the JSON-LD here (default: the screen)")
    p.add_argument("--html", help="also write a publishable HTML job ad (JSON-LD embedded)")
    p.add_argument("--markdown", help="also write the job ad as Markdown")
    p.add_argument("--docx", metavar="FILE", help="also write the job ad as a Word document")
    p.add_argument("--force", action="store_true", help="replace existing output files")
    _catalogue_option(p)


def _migrate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the filled form (JSON) to carry")
    p.add_argument("--to", required=True, metavar="VERSION", help="target version, e.g. 1.1.0")
    p.add_argument(
        "-o", "--output", help="new file to write (default: FILE.vVERSION.json beside it)"
    )
    p.add_argument(
        "--in-place", action="store_true", help="replace FILE, keeping the original as FILE.bak"
    )
    p.add_argument("--force", action="store_true", help="replace an existing output or backup")
    _catalogue_option(p)


def _export_options(p: argparse.ArgumentParser) -> None:
    _docs_options(p)


def _check_options(p: argparse.ArgumentParser) -> None:
    _docs_options(p)


# name -> (module of checklist_forms.cli.commands, one-line help, options)
COMMANDS: dict[str, tuple[str, str, Callable[[argparse.ArgumentParser], None]]] = {
    "validate": ("validate", "validate filled forms (files or folders)", _validate_options),
    "report": ("report", "print a Markdown summary of a filled form", _report_options),
    "compare": (
        "compare",
        "a hiring panel's grids by recruitment and candidate: scores, spreads, calibration",
        _compare_options,
    ),
    "trends": (
        "trends",
        "monthly reports as one self-contained page of trends over the months",
        _trends_options,
    ),
    "xlsx": ("workbooks", "write a fillable Excel workbook per checklist", _xlsx_options),
    "import": ("workbooks", "read a filled Excel workbook back into a JSON form", _import_options),
    "jobposting": (
        "jobposting",
        "schema.org JobPosting and a readable job ad from a « Fiche de poste »",
        _jobposting_options,
    ),
    "migrate": (
        "migrate",
        "carry a filled form to another version of its checklist",
        _migrate_options,
    ),
    "export": (
        "tree",
        "write the forms of every checklist of docs/ to checklists/",
        _export_options,
    ),
    "check": ("tree", "fail when checklists/ is stale relative to docs/", _check_options),
}
