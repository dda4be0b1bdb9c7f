"""Checks that keep a hostile or odd workbook from costing time, memory or a silent answer.

Before openpyxl parses anything, the zip's declared sizes and compression ratios are
checked against :mod:`checklist_forms.core.limits` (an 800 KB "zip bomb" unpacking to
190 MB once took two minutes and 4.6 GB). After it parses, each answer cell that holds
something no answer can be (a formula never computed, an error value such as
``#DIV/0!``, a number too large for a float) is named with its row, never read as a
blank or as the text "inf".
"""

from __future__ import annotations

import io
import json
import math
import warnings
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from checklist_forms.core.limits import (
    MAX_JSON_DEPTH,
    MAX_PART_BYTES,
    MAX_RATIO,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    MAX_UNPACKED_BYTES,
    MAX_WORKBOOK_PARTS,
    RATIO_FLOOR_BYTES,
    depth_over,
)
from checklist_forms.i18n.later import Later, Number
from checklist_forms.i18n.translate import N_
from checklist_forms.intake.forms import FormError

NOT_XLSX = N_("not an Excel workbook (.xlsx); save it from your spreadsheet as .xlsx")
_MB = 1024 * 1024


def check_archive(path: Path, raw: bytes) -> None:
    """Refuse a workbook whose parts would unpack to too much, before any is read.

    Python's zipfile stops at a member's declared size (and fails on a CRC mismatch
    there), so the declared sizes are a true bound on what the XML parser receives.
    """
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise FormError(path, Later(NOT_XLSX))
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FormError(path, Later(NOT_XLSX)) from None
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        raise FormError(path, Later(NOT_XLSX))
    if len(infos) > MAX_WORKBOOK_PARTS:
        raise FormError(
            path,
            Later(
                N_("workbook has {parts} parts; a checklist workbook has at most {limit}"),
                parts=len(infos),
                limit=MAX_WORKBOOK_PARTS,
            ),
        )
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise FormError(
                path,
                Later(
                    N_(
                        "part {part} unpacks to {size} MB; "
                        "a checklist workbook's parts are at most {limit} MB"
                    ),
                    part=info.filename,
                    size=Number(info.file_size / _MB),
                    limit=MAX_PART_BYTES // _MB,
                ),
            )
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise FormError(
                path,
                Later(
                    N_(
                        "part {part} unpacks to {ratio} times its packed size "
                        "(at most {limit}): it looks like a zip bomb"
                    ),
                    part=info.filename,
                    ratio=info.file_size // max(info.compress_size, 1),
                    limit=MAX_RATIO,
                ),
            )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise FormError(
            path,
            Later(
                N_("workbook unpacks to {size} MB; a checklist workbook is at most {limit} MB"),
                size=Number(total / _MB),
                limit=MAX_UNPACKED_BYTES // _MB,
            ),
        )
    if total > RATIO_FLOOR_BYTES and total > MAX_RATIO * len(raw):
        raise FormError(
            path,
            Later(
                N_(
                    "workbook unpacks to {ratio} times its size (at most {limit}): "
                    "it looks like a zip bomb"
                ),
                ratio=total // len(raw),
                limit=MAX_RATIO,
            ),
        )


def check_sheet(path: Path, ws: Worksheet) -> None:
    """Refuse a sheet too large to be a checklist's, before its rows are walked."""
    if ws.max_row > MAX_SHEET_ROWS or ws.max_column > MAX_SHEET_COLUMNS:
        raise FormError(
            path,
            Later(
                N_(
                    "sheet {sheet} reaches row {row}, column {column}; a checklist "
                    "sheet has at most {rows} rows and {columns} columns"
                ),
                sheet=repr(ws.title),
                row=ws.max_row,
                column=ws.max_column,
                rows=MAX_SHEET_ROWS,
                columns=MAX_SHEET_COLUMNS,
            ),
        )


def meta_json(text: str) -> Any:
    """The JSON of a ``_meta`` cell, or None when it is not JSON a workbook writes."""
    try:
        loaded = json.loads(text)
    except (ValueError, RecursionError):  # thousands of "[" overflow the parser
        return None
    return None if depth_over(loaded, MAX_JSON_DEPTH) is not None else loaded


def formula_rows(raw: bytes, sheet: str, column: int) -> set[int]:
    """Rows whose cell in ``column`` of ``sheet`` holds a formula.

    The answers are read from the values the spreadsheet computed and saved; a formula
    saved without its value (by a program that does not compute) is only visible here.
    Read-only mode streams the sheet, so this costs no second copy of the workbook.
    """
    with warnings.catch_warnings():
        # Read-only mode parses while iterating: its warnings (a date out of range, which
        # the main read reports as an error value) arise below, not at load.
        warnings.simplefilter("ignore")
        return _formula_rows(raw, sheet, column)


def _formula_rows(raw: bytes, sheet: str, column: int) -> set[int]:
    wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=False, keep_links=False)
    try:
        if sheet not in wb.sheetnames:
            return set()
        ws = wb[sheet]
        found: set[int] = set()
        rows = ws.iter_rows(min_col=column, max_col=column, max_row=MAX_SHEET_ROWS)
        for row in rows:
            # Empty cells of read-only mode have neither a row nor a type.
            number = getattr(row[0], "row", None) if row else None
            if isinstance(number, int) and getattr(row[0], "data_type", None) == "f":
                found.add(number)
        return found
    finally:
        wb.close()


def cell_problem(value: Any, data_type: str, formula: bool) -> str | None:
    """Why a cell's content can be no answer at all, whatever its item; None if it can."""
    if data_type == "e":
        return Later(
            N_("the cell holds the error value {value}; correct the formula or type the answer"),
            value=value,
        )
    if formula and value is None:
        return Later(
            N_(
                "the cell holds a formula whose result was never computed (saved by a program "
                "that does not calculate); type the answer itself"
            )
        )
    if isinstance(value, float) and not math.isfinite(value):
        return Later(N_("the cell holds a number too large to be an answer"))
    return None
