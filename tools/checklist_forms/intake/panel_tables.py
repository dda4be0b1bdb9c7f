"""The panel view as tables: one row per candidate, one per candidate and criterion.

CSV gives two files' worth of rows in one (a blank line between the two tables) because
``-o`` names one file; the workbook gives one sheet per table. Names typed in the forms
are data: a CSV cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
``@``, tab, carriage return first) is written with a leading apostrophe, and every text
cell of the workbook is stored as a string cell, never a formula.
"""

from __future__ import annotations

import csv
import io

from checklist_forms.intake.panel import Panel
from checklist_forms.intake.panel_text import outcome_label, words

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
Row = list[str | float | None]


def candidate_rows(panel: Panel) -> list[Row]:
    w = words(panel)
    head: Row = [
        w["recruitment_column"],
        w["rank"],
        w["candidate"],
        w["evaluators"],
        w["mean"],
        w["minimum"],
        w["maximum"],
        w["outcome"],
        w["incomplete"],
    ]
    rows: list[Row] = [head]
    for c in panel.candidates:
        rows.append(
            [
                c.recruitment,
                c.rank,
                c.name,
                ", ".join(c.evaluators),
                c.mean,
                c.minimum,
                c.maximum,
                outcome_label(panel, c),
                "" if c.complete else w["incomplete"],
            ]
        )
    return rows


def criterion_rows(panel: Panel) -> list[Row]:
    """One row per candidate, criterion and evaluator; spread and calibration on each."""
    w = words(panel)
    head: Row = [
        w["recruitment_column"],
        w["candidate"],
        w["criterion"],
        w["evaluators"],
        w["rating"],
        w["spread"],
        w["calibration"],
        w["must_have"],
    ]
    rows: list[Row] = [head]
    for c in panel.candidates:
        for k in c.criteria:
            for evaluator in c.evaluators:
                rows.append(
                    [
                        c.recruitment,
                        c.name,
                        k.item.label,
                        evaluator,
                        k.ratings.get(evaluator),
                        k.spread,
                        "✓" if k in c.calibration else "",
                        "✗" if evaluator in k.failed_by else "",
                    ]
                )
    return rows


def _csv_cell(value: str | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int):
        return f"{value:g}"
    return "'" + value if value.startswith(FORMULA_START) else value


def render_csv(panel: Panel) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for n, rows in enumerate((candidate_rows(panel), criterion_rows(panel))):
        if n:
            writer.writerow([])
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return out.getvalue()


def render_xlsx(panel: Panel) -> bytes:
    from openpyxl import Workbook

    w = words(panel)
    book = Workbook()
    sheets = [(w["candidate"], candidate_rows(panel)), (w["criterion"], criterion_rows(panel))]
    for n, (title, rows) in enumerate(sheets):
        sheet = book.active if n == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title[:31]
        for row in rows:
            sheet.append(row)
        for line in sheet.iter_rows():
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a name such as "=1+1" stays text
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()
