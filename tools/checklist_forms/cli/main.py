"""``checklist-forms``: thin command line over the engine.

Exit codes: 0 success, 1 a check failed (invalid form, stale exports), 2 an input could
not be used at all (missing or unreadable file, unknown checklist, bad arguments).

This module parses the arguments and maps outcomes to exit codes, nothing more: the
engine is imported by the command that needs it, so ``--help`` starts as fast as Python.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

from checklist_forms.cli.exits import FAILED, OK, UNUSABLE
from checklist_forms.cli.language import _, set_language, shown_text
from checklist_forms.cli.parser import build_parser, command_word
from checklist_forms.i18n.user_language import choose, explicit

__all__ = ["FAILED", "OK", "UNUSABLE", "build_parser", "main"]


def _unusable(exc: BaseException) -> bool:
    """Whether ``exc`` is an input that cannot be used (exit 2, one line, no traceback).

    The error classes live with the engine; a command that raised one has imported them
    already, so this costs nothing on the fast path.
    """
    from checklist_forms.intake.catalogue import CatalogueError
    from checklist_forms.intake.forms import FormError

    return isinstance(exc, CatalogueError | FormError)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # The language first: the parser's help and argparse's errors are written in it.
    set_language(choose(words), explicit=explicit(words) is not None)
    parser = build_parser(only=command_word(words))
    try:
        args = parser.parse_args(words)
    except SystemExit as exc:  # argparse exits 2 on bad usage, which is our "unusable"
        return int(exc.code or 0)
    try:
        command = importlib.import_module(f"checklist_forms.cli.commands.{args.runner}")
        return int(command.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return OK
    except Exception as exc:
        if not _unusable(exc):
            raise
        # One place turns an unusable input into its one-line message and exit code 2.
        print(_message(exc), file=sys.stderr)
        return UNUSABLE


def _message(exc: BaseException) -> str:
    """The one line of an unusable input, in the reader's language."""
    from checklist_forms.intake.forms import FormError

    if isinstance(exc, FormError):
        text = _("error: {path}: {message}")
        return text.format(path=exc.path, message=shown_text(exc.message))
    # str(exc) would be the English text: the first argument keeps the translatable one.
    message = exc.args[0] if len(exc.args) == 1 else str(exc)
    return _("error: {message}").format(message=shown_text(message))
