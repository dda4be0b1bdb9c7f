"""``checklist-forms compare``: a hiring panel's grids by recruitment and candidate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklist_forms.cli.commands._common import catalogue
from checklist_forms.cli.exits import OK, UNUSABLE
from checklist_forms.cli.language import _, shown_text
from checklist_forms.intake.forms import write_new_bytes
from checklist_forms.intake.panel import Panel, PanelError, build_panel
from checklist_forms.intake.validate import Validator


def run(args: argparse.Namespace) -> int:
    if args.xlsx and not args.output:
        print(_("error: --xlsx needs -o FILE"), file=sys.stderr)
        return UNUSABLE
    validator = Validator(catalogue(args))
    try:
        panel = build_panel(
            validator,
            [Path(p) for p in args.inputs],
            include_drafts=args.include_drafts,
            recursive=args.recursive,
            checklist_id=args.checklist,
        )
    except PanelError as exc:
        for path, why in exc.skipped:
            print(f"{path}: {shown_text(why)}", file=sys.stderr)
        print(_("error: {message}").format(message=shown_text(exc.message)), file=sys.stderr)
        return UNUSABLE
    for path, why in panel.skipped:
        line = _("{path}: skipped, {reason}")
        print(line.format(path=path, reason=shown_text(why)), file=sys.stderr)
    data = _render(args, panel)
    if args.output:
        write_new_bytes(Path(args.output), data, sources=panel.sources, overwrite=args.force)
        print(_("wrote {path}").format(path=args.output))
    else:
        sys.stdout.write(data.decode("utf-8"))
    return OK


def _render(args: argparse.Namespace, panel: Panel) -> bytes:
    """The panel in the format asked; each renderer is imported only when asked for."""
    if args.xlsx:
        from checklist_forms.intake.panel_tables import render_xlsx

        return render_xlsx(panel)
    if args.csv:
        from checklist_forms.intake.panel_tables import render_csv

        return render_csv(panel).encode("utf-8")
    if args.html:
        from checklist_forms.intake.panel_html import render_html

        return render_html(panel).encode("utf-8")
    from checklist_forms.intake.panel_text import render_markdown

    return render_markdown(panel).encode("utf-8")
