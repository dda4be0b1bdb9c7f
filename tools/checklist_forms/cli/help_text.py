"""What ``checklist-forms COMMAND --help`` says beyond the options: a paragraph on what
the command does, its exit codes and an example, per command.

Kept apart from the parser so that the words can be read and translated in one place:
each paragraph is a message of the ``checklist_forms`` catalogue (English is the message
id), put together in the reader's language by :func:`command_help`.
"""

from __future__ import annotations

from checklist_forms.cli.language import N_, _

CATALOGUE = N_(
    "The catalogue of checklists is, first match wins: --catalogue (a folder holding\n"
    "index.json, or the URL of a published site); a checklists/index.json of this\n"
    "project in the current folder or a parent; the catalogue installed with the tool."
)

EXITS_CHECK = N_(
    "exit codes:\n"
    "  0  every form is valid\n"
    "  1  a form is invalid (each problem is named with its item)\n"
    "  2  an input cannot be used (missing file, not JSON, unknown checklist,\n"
    "     catalogue unreachable)"
)

# Commands for contributors, in a clone: they read docs/, not a catalogue.
NO_CATALOGUE = ("export", "check")

# name -> (what it does, exit codes, example); `examples:` blocks keep their commands.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": (
        N_(
            "Check filled forms against the schema of their checklist and version, and screen\n"
            "the answers of recruiting forms for discriminatory wording. Give files, or\n"
            "folders: in a folder, files that are not forms (PDFs, notes, workbooks, other\n"
            "JSON) are skipped with one line each and do not change the exit code."
        ),
        EXITS_CHECK,
        N_(
            "examples:\n"
            "  checklist-forms validate fiche-de-poste.json\n"
            "  checklist-forms validate candidatures/ -r --format json"
        ),
    ),
    "report": (
        N_(
            "Print a Markdown summary of one filled form: every answer, the score and the\n"
            "recommendation of a scored checklist, and what is still missing for a final\n"
            "form; --docx writes the same report as a Word document to print or sign. The\n"
            "form's language chooses the report's words, unless --lang is given."
        ),
        N_(
            "exit codes:\n"
            "  0  report written, the form is valid\n"
            "  1  report written, but the form is invalid\n"
            "  2  the form or the catalogue cannot be used, or --output exists"
        ),
        N_(
            "example:\n"
            "  checklist-forms report grille-dupont.json -o grille-dupont.md\n"
            "  checklist-forms report grille-dupont.json --docx grille-dupont.docx"
        ),
    ),
    "compare": (
        N_(
            "Gather the filled interview grids of a hiring panel (each evaluator fills one per\n"
            "candidate) and show them by recruitment and candidate: every evaluator's score,\n"
            "the mean, lowest and highest, the spread on each criterion and the criteria to\n"
            "discuss in calibration (ratings two levels apart or more). Candidates failing an\n"
            "essential criterion rank after the others; drafts are left out unless\n"
            "--include-drafts, and an incomplete candidate is shown without a rank. Markdown\n"
            "by default; --csv, --xlsx or --html (one offline page with charts) to print or\n"
            "share. In folders, files that are not forms and forms of other checklists are\n"
            "skipped with one line each."
        ),
        N_(
            "exit codes:\n"
            "  0  panel view written\n"
            "  2  no grid of a scored checklist among the inputs, a folder that cannot be\n"
            "     read, or the output exists (use --force)"
        ),
        N_(
            "examples:\n"
            "  checklist-forms compare dupont-marie.json dupont-paul.json martin-marie.json\n"
            "  checklist-forms compare entretiens/ -r --html -o panel.html"
        ),
    ),
    "trends": (
        N_(
            "Read a folder of filled monthly reports (one per month) and write one\n"
            "self-contained HTML page with a chart and a table per indicator over the\n"
            "months. Drafts, months given twice and forms of other checklists are left out\n"
            "and listed on the page."
        ),
        N_(
            "exit codes:\n"
            "  0  page written\n"
            "  2  no filled monthly report among the inputs, or the output exists"
        ),
        N_("example:\n  checklist-forms trends bilans-2026/ -o tendances.html"),
    ),
    "xlsx": (
        N_(
            "Write a fillable Excel workbook for the current version of each checklist of\n"
            "the catalogue (or of the ids given), in the language asked."
        ),
        N_(
            "exit codes:\n"
            "  0  workbooks written\n"
            "  2  unknown checklist id, or a workbook exists (use --force)"
        ),
        N_("example:\n  checklist-forms xlsx grille-entretien -o classeurs/ --language en"),
    ),
    "import": (
        N_(
            "Read a filled Excel workbook back into a JSON form of its checklist, naming\n"
            "every cell that could not be used. The workbook is never changed."
        ),
        N_(
            "exit codes:\n"
            "  0  form written, every cell used\n"
            "  1  form written, but some cells could not be used (listed)\n"
            "  2  the workbook cannot be read, or the output exists (use --force)"
        ),
        N_("example:\n  checklist-forms import grille-dupont.xlsx -o grille-dupont.json"),
    ),
    "jobposting": (
        N_(
            "Turn a valid filled « Fiche de poste » into schema.org JobPosting JSON-LD (for\n"
            "job search engines) and, on request, a publishable HTML, Markdown or Word job ad\n"
            "(in the form's language, unless --lang is given). Refused while a\n"
            "non-discrimination finding is not acknowledged in the form."
        ),
        N_(
            "exit codes:\n"
            "  0  job ad written\n"
            "  1  the form is invalid or lacks what a job ad needs\n"
            "  2  the form or the catalogue cannot be used, or an output exists"
        ),
        N_(
            "example:\n"
            "  checklist-forms jobposting fiche-de-poste.json -o annonce.jsonld --html annonce.html"
        ),
    ),
    "migrate": (
        N_(
            "Carry a filled form to a newer version of its checklist, keeping every answer\n"
            "the new version can hold (renamed items followed) and listing every answer it\n"
            "cannot. The original is never changed unless --in-place, which keeps a .bak."
        ),
        N_(
            "exit codes:\n"
            "  0  every answer carried\n"
            "  1  new form written, but some answers could not be carried (listed)\n"
            "  2  unknown or older version, unusable form, or the output exists"
        ),
        N_("example:\n  checklist-forms migrate fiche-de-poste.json --to 1.1.0"),
    ),
    "export": (
        N_(
            "Rebuild the forms of every checklist defined in the handbook's pages (schemas,\n"
            "blank forms, workbooks, index) and write the ones that changed into the forms\n"
            "folder. For contributors, in a clone: needs the docs extra (Sphinx)."
        ),
        N_(
            "exit codes:\n"
            "  0  folder up to date (changed files listed)\n"
            "  1  a checklist definition has an error"
        ),
        N_("example:\n  checklist-forms export"),
    ),
    "check": (
        N_(
            "Rebuild the forms from the handbook's pages in memory and compare them, byte for\n"
            "byte, with the committed forms folder: fails, naming the files, when it is\n"
            "stale. For contributors and CI, in a clone."
        ),
        N_(
            "exit codes:\n"
            "  0  the folder is up to date\n"
            "  1  the folder is stale, or a checklist definition has an error"
        ),
        N_("example:\n  checklist-forms check"),
    ),
}


def command_help(name: str) -> tuple[str, str]:
    """The description and epilog of ``name``'s ``--help``, in the reader's language."""
    does, exits, example = COMMANDS[name]
    description = _(does) if name in NO_CATALOGUE else f"{_(does)}\n\n{_(CATALOGUE)}"
    return description, f"{_(exits)}\n\n{_(example)}"
