"""The argument parser of ``checklist-forms``: every command, its options and its help.

Nothing of the engine is imported here, so ``checklist-forms --help`` (and a typo in the
arguments) costs only Python and argparse. Each command names the module that runs it;
:func:`checklist_forms.cli.main.main` imports that module once the arguments are parsed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from checklist_forms import __version__
from checklist_forms.cli.help_text import command_help
from checklist_forms.cli.language import N_, _


def _catalogue_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--catalogue",
        metavar="FOLDER|URL",
        help=_(
            "the checklists to check against: a folder holding index.json, or the URL "
            "of a published site (default: checklists/ of this project in this folder or a "
            "parent, else the catalogue installed with the tool)"
        ),
    )


def _walk_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-r", "--recursive", action="store_true", help=_("also read the subfolders of folders")
    )


def _docs_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--docs", default="docs", help=_("Sphinx source folder (default: ./docs)"))
    p.add_argument("--output", default="checklists", help=_("forms folder (default: ./checklists)"))


def _lang_option(p: argparse.ArgumentParser, default: object) -> None:
    p.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=default,
        help=_(
            "language of the messages, help, reports and job ads (default: LC_ALL, "
            "LC_MESSAGES or LANG, else English)"
        ),
    )


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (``only``) one whose other commands have just their name.

    ``checklist-forms --help`` lists the commands and their one-line help, and running a
    command parses that command's options alone: building the options of nine commands
    every time took longer than printing the help. Every word is in the language set by
    :func:`checklist_forms.cli.language.set_language`, argparse's own included.
    """
    parser = argparse.ArgumentParser(
        prog="checklist-forms",
        description=_("Export, check, validate and report on the handbook's checklist forms."),
        epilog=_(
            "exit codes: 0 all good, 1 a form is invalid (or an answer could not be carried,\n"
            "or the exports are stale), 2 an input could not be used.\n"
            "`checklist-forms COMMAND --help` explains each command, with an example.\n"
            "--lang fr|en chooses the language of the messages (else LC_ALL, LC_MESSAGES\n"
            "or LANG, else English)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show program's version number and exit"),
    )
    _lang_option(parser, None)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (runner, summary, options) in COMMANDS.items():
        if only is None or only == name:
            description, epilog = command_help(name)
            p = sub.add_parser(
                name,
                help=_(summary),
                description=description,
                epilog=epilog,
                formatter_class=argparse.RawDescriptionHelpFormatter,
            )
            options(p)
            # Also accepted after the command; not given there, the top level's stands.
            _lang_option(p, argparse.SUPPRESS)
        else:
            p = sub.add_parser(name, help=_(summary))
        p.set_defaults(runner=runner)
    return parser


def command_word(argv: list[str]) -> str | None:
    """The command named in ``argv`` (the top level takes no option with a value)."""
    word = next((a for a in argv if not a.startswith("-")), None)
    return word if word in COMMANDS else None


def _validate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs", nargs="+", metavar="FILE|DIR", help=_("filled forms, or folders of forms")
    )
    _walk_option(p)
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("text for people (default), json for programs"),
    )
    _catalogue_option(p)


def _report_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=_("the filled form (JSON)"))
    p.add_argument(
        "-o", "--output", help=_("write the report to this new file instead of the screen")
    )
    p.add_argument("--docx", metavar="FILE", help=_("write the report as a Word document"))
    p.add_argument("--force", action="store_true", help=_("replace --output if it exists"))
    _catalogue_option(p)


def _compare_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs", nargs="+", metavar="FILE|DIR", help=_("filled grids, or folders of grids")
    )
    _walk_option(p)
    p.add_argument(
        "--checklist",
        metavar="ID",
        help=_(
            "the checklist whose forms to gather, others skipped "
            "(default: the scored checklist most forms are of)"
        ),
    )
    p.add_argument("--include-drafts", action="store_true", help=_("count draft grids too"))
    formats = p.add_mutually_exclusive_group()
    formats.add_argument("--csv", action="store_true", help=_("CSV tables instead of Markdown"))
    formats.add_argument("--xlsx", action="store_true", help=_("an Excel workbook (needs -o)"))
    formats.add_argument("--html", action="store_true", help=_("one self-contained page, charts"))
    p.add_argument("-o", "--output", help=_("write to this new file instead of the screen"))
    p.add_argument("--force", action="store_true", help=_("replace --output if it exists"))
    _catalogue_option(p)


def _trends_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs", nargs="+", metavar="FILE|DIR", help=_("filled monthly reports, or their folder")
    )
    _walk_option(p)
    p.add_argument(
        "-o", "--output", help=_("write the page to this new file instead of the screen")
    )
    p.add_argument("--force", action="store_true", help=_("replace --output if it exists"))
    _catalogue_option(p)


def _xlsx_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", nargs="*", metavar="ID", help=_("checklist ids (default: all)"))
    p.add_argument(
        "-o", "--output", default=".", help=_("folder for the workbooks (default: here)")
    )
    p.add_argument("--language", default="fr", help=_("language of the workbook (default: fr)"))
    p.add_argument("--force", action="store_true", help=_("replace existing workbooks"))
    _catalogue_option(p)


def _import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.xlsx", help=_("the filled workbook"))
    p.add_argument(
        "-o", "--output", help=_("JSON form to write (default: FILE.json beside the workbook)")
    )
    p.add_argument("--force", action="store_true", help=_("replace --output if it exists"))
    _catalogue_option(p)


def _jobposting_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=_("the filled « Fiche de poste » form (JSON)"))
    p.add_argument("-o", "--output", help=_("write the JSON-LD here (default: the screen)"))
    p.add_argument("--html", help=_("also write a publishable HTML job ad (JSON-LD embedded)"))
    p.add_argument("--markdown", help=_("also write the job ad as Markdown"))
    p.add_argument("--docx", metavar="FILE", help=_("also write the job ad as a Word document"))
    p.add_argument("--force", action="store_true", help=_("replace existing output files"))
    _catalogue_option(p)


def _migrate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help=_("the filled form (JSON) to carry"))
    p.add_argument("--to", required=True, metavar="VERSION", help=_("target version, e.g. 1.1.0"))
    p.add_argument(
        "-o", "--output", help=_("new file to write (default: FILE.vVERSION.json beside it)")
    )
    p.add_argument(
        "--in-place", action="store_true", help=_("replace FILE, keeping the original as FILE.bak")
    )
    p.add_argument("--force", action="store_true", help=_("replace an existing output or backup"))
    _catalogue_option(p)


def _export_options(p: argparse.ArgumentParser) -> None:
    _docs_options(p)


def _check_options(p: argparse.ArgumentParser) -> None:
    _docs_options(p)


# name -> (module of checklist_forms.cli.commands, one-line help, options)
COMMANDS: dict[str, tuple[str, str, Callable[[argparse.ArgumentParser], None]]] = {
    "validate": ("validate", N_("validate filled forms (files or folders)"), _validate_options),
    "report": ("report", N_("print a Markdown summary of a filled form"), _report_options),
    "compare": (
        "compare",
        N_("a hiring panel's grids by recruitment and candidate: scores, spreads, calibration"),
        _compare_options,
    ),
    "trends": (
        "trends",
        N_("monthly reports as one self-contained page of trends over the months"),
        _trends_options,
    ),
    "xlsx": ("workbooks", N_("write a fillable Excel workbook per checklist"), _xlsx_options),
    "import": (
        "workbooks",
        N_("read a filled Excel workbook back into a JSON form"),
        _import_options,
    ),
    "jobposting": (
        "jobposting",
        N_("schema.org JobPosting and a readable job ad from a « Fiche de poste »"),
        _jobposting_options,
    ),
    "migrate": (
        "migrate",
        N_("carry a filled form to another version of its checklist"),
        _migrate_options,
    ),
    "export": (
        "tree",
        N_("write the forms of every checklist of docs/ to checklists/"),
        _export_options,
    ),
    "check": ("tree", N_("fail when checklists/ is stale relative to docs/"), _check_options),
}
