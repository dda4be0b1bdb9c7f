"""The ``checklist-forms`` command: a thin layer that parses arguments and calls the stages."""

from checklist_forms.cli.main import main

__all__ = ["main"]
