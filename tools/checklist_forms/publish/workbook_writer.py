"""A checklist as a fillable Excel workbook, and a filled workbook back to a JSON form.

HR teams live in spreadsheets. :func:`build_workbook` writes one ``.xlsx`` per checklist:
a visible sheet with one row per item, an answer cell (the only unlocked cells) with a
drop-down or a typed-value check, and two hidden sheets: ``_meta`` (which checklist, and
which row holds which item, with each label's value) and ``_lists`` (the drop-down
entries). :func:`read_workbook` reads a filled copy back through ``_meta``, so renaming
labels or the sheet does not change what a cell means, and reports every cell it cannot
use instead of guessing.

The bytes are reproducible: fixed document dates, and a zip rewritten with fixed entry
dates, order and compression, so the site can publish workbooks without churn.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import openpyxl
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from checklist_forms.core.kinds.cells import shorten
from checklist_forms.core.model import Answer, Checklist, Condition, Item
from checklist_forms.core.wording import condition_sentence
from checklist_forms.i18n.translate import N_, translate_all
from checklist_forms.i18n.ui_text import fmt, ui

META_SHEET = "_meta"
LISTS_SHEET = "_lists"
MARKER = "checklist-forms workbook"
FORMAT = 1
FIXED_DATE = dt.datetime(2000, 1, 1, 0, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Columns of the visible sheet.
COLUMNS = ("section", "id", "question", "help", "required", "answer", "allowed")
COL = {name: index + 1 for index, name in enumerate(COLUMNS)}
WIDTHS = {
    "section": 20,
    "id": 12,
    "question": 48,
    "help": 40,
    "required": 11,
    "answer": 30,
    "allowed": 44,
}
# The header block: title, version, intro, how to fill, a blank row, then column titles.
HEADER_ROW = 6
ROW_LINE_HEIGHT = 15.0
MAX_ROW = 1_048_576  # rows of an Excel sheet

# The workbook's words, by key; English is the gettext message (i18n/locales/ has the rest).
TEXT: dict[str, str] = {
    "section": N_("Section"),
    "id": N_("Id"),
    "question": N_("Question"),
    "help": N_("Help"),
    "required": N_("Required"),
    "answer": N_("Answer"),
    "allowed": N_("Allowed answers"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "version": N_("Version {version} — checklist “{id}”"),
    "audience": N_("For: {audience}"),
    "how": N_(
        "How to fill: answer in the “Answer” column (yellow cells), preferably with the "
        "drop-down lists. Questions in bold are required for a final form. Several "
        "choices: separate them with “;”. Dates: YYYY-MM-DD or DD/MM/YYYY. The other "
        "cells are protected, without a password, so rows are not moved by accident; do "
        "not rename or delete the hidden sheets. The filled workbook converts to a JSON "
        "form with “checklist-forms import”."
    ),
    "note": N_("Good to know"),
    "checkbox": N_("Yes or No (empty = No)."),
    "single": N_("One answer from the list."),
    "multi": N_(
        "One or more answers among: {labels}. To give several, separate them with “;” (for example “{example}”)."
    ),
    "text": N_("Free text, at most {n} characters."),
    "text_multiline": N_("Free text on several lines (Alt+Enter), at most {n} characters."),
    "number": N_("A number"),
    "whole": N_("A whole number"),
    "range": N_("between {min} and {max}"),
    "min_only": N_("at least {min}"),
    "max_only": N_("at most {max}"),
    "step": N_("in steps of {step}"),
    "comma": N_("A decimal comma is accepted."),
    "rating": N_("One level among:"),
    "date": N_("A date: YYYY-MM-DD or DD/MM/YYYY."),
    "at_least": N_("at least {n} choices"),
    "at_most": N_("at most {n} choices"),
    "error_title": N_("Unexpected answer"),
    "error_list": N_("Choose an answer from the list."),
    "error_number": N_("Enter {what}."),
    "error_date": N_("Enter a date (YYYY-MM-DD or DD/MM/YYYY)."),
    "error_text": N_("At most {n} characters."),
}


def _texts(language: str) -> dict[str, str]:
    return translate_all(language, TEXT)


# --------------------------------------------------------------------------- writing

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_MUTED = Font(color="666666", size=9)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_SECTION_FILL = PatternFill("solid", fgColor="EDEDED")
_NOTE_FILL = PatternFill("solid", fgColor="EAF2FB")
_ANSWER_FILL = PatternFill("solid", fgColor="FFF7D6")
_THIN = Side(style="thin", color="BFBFBF")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNLOCKED = Protection(locked=False)
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_title(checklist: Checklist) -> str:
    """The visible sheet's name: the title without the characters Excel refuses, ≤ 31 chars."""
    name = _SHEET_NAME_FORBIDDEN.sub(" ", checklist.title)
    name = re.sub(r"\s+", " ", name).strip().strip("'").strip()
    if len(name) > 31:
        name = name[:30].rstrip() + "…"
    if not name or name.lower() in (META_SHEET, LISTS_SHEET, "history"):
        name = checklist.id[:31]
    return name


def choice_map(item: Item, language: str) -> dict[str, Answer]:
    """The drop-down entries of an item (as shown) and the value each one stands for."""
    return item.kind_rules.cell_entries(item, _texts(language))


def _condition_text(checklist: Checklist, condition: Condition) -> str:
    """The page's sentence, naming each value by the drop-down entry to pick (Oui, "4 — …")."""
    language = checklist.language
    t = _texts(language)

    def entry(target: Item, value: Answer) -> str | None:
        found = [
            e
            for e, v in choice_map(target, language).items()
            if v == value and not isinstance(v, bool)
        ]
        return found[-1] if found else None

    words = {**ui(language), "yes": t["yes"], "no": t["no"]}
    return condition_sentence(checklist, condition, words, entry)


def allowed_text(item: Item, language: str) -> str:
    """What the answer cell accepts, in words (the "allowed answers" column)."""
    return item.kind_rules.allowed_text(item, _texts(language))


def _validation(item: Item, language: str, list_range: str | None) -> DataValidation | None:
    """The typed-value check of an answer cell (Excel refuses longer messages: keep them short)."""
    t = _texts(language)
    common: dict[str, Any] = {
        "allow_blank": True,
        "showErrorMessage": True,
        "errorStyle": "stop",
        "errorTitle": shorten(t["error_title"], 32),
    }
    check = item.kind_rules.cell_check(item, t, list_range)
    return None if check is None else DataValidation(**{**common, **check})


def _height(texts: Iterable[tuple[str, float]]) -> float:
    """An estimated row height for wrapped text (applications do not all autofit rows)."""
    lines = 1
    for text, width in texts:
        per_line = max(8, int(width * 1.15))
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        lines = max(lines, count)
    return ROW_LINE_HEIGHT * lines + 2


def _merged_row(ws: Worksheet, row: int, text: str, first: int = 1) -> None:
    last = len(COLUMNS)
    cell = ws.cell(row=row, column=first, value=text)
    cell.alignment = _WRAP
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    width = sum(WIDTHS[name] for name in COLUMNS[first - 1 :])
    ws.row_dimensions[row].height = _height([(text, width)])


@dataclass(frozen=True)
class _Row:
    row: int
    item: Item


def _fill_sheet(ws: Worksheet, lists: Worksheet, checklist: Checklist) -> list[_Row]:
    t = _texts(checklist.language)
    for name in COLUMNS:
        ws.column_dimensions[get_column_letter(COL[name])].width = WIDTHS[name]

    ws.cell(row=1, column=1, value=checklist.title).font = _TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    version = t["version"].format(version=checklist.version, id=checklist.id)
    if checklist.audience:
        version += " — " + t["audience"].format(audience=checklist.audience)
    _merged_row(ws, 2, version)
    ws.cell(row=2, column=1).font = _MUTED
    if checklist.intro:
        _merged_row(ws, 3, checklist.intro)
    _merged_row(ws, 4, t["how"])
    ws.cell(row=4, column=1).font = Font(italic=True)

    for name in COLUMNS:
        cell = ws.cell(row=HEADER_ROW, column=COL[name], value=t[name])
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.border = _BOX
        cell.alignment = _WRAP
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

    rows: list[_Row] = []
    row = HEADER_ROW
    list_column = 0
    ranges: dict[tuple[str, ...], str] = {}
    for section in checklist.sections:
        row += 1
        heading = section.title + (f"\n{section.intro}" if section.intro else "")
        _merged_row(ws, row, heading)
        ws.cell(row=row, column=1).font = _BOLD
        ws.cell(row=row, column=1).fill = _SECTION_FILL
        for item in section.items:
            row += 1
            rows.append(_Row(row, item))
            ws.cell(row=row, column=COL["section"], value=section.title).alignment = _WRAP
            id_cell = ws.cell(row=row, column=COL["id"], value=item.id)
            id_cell.font = _MUTED
            id_cell.alignment = _WRAP
            if not item.answerable:
                text = f"{fmt(checklist.language, 'note')} — {item.label}"
                if item.help:
                    text += f"\n{item.help}"
                _merged_row(ws, row, text, first=COL["question"])
                ws.cell(row=row, column=COL["question"]).fill = _NOTE_FILL
                continue
            label = ws.cell(row=row, column=COL["question"], value=item.label)
            label.alignment = _WRAP
            if item.required:
                label.font = _BOLD
            helps = [item.help] if item.help else []
            if item.visible_if is not None:
                helps.append(_condition_text(checklist, item.visible_if))
            help_text = "\n".join(helps)
            ws.cell(row=row, column=COL["help"], value=help_text or None).alignment = _WRAP
            required = ws.cell(
                row=row, column=COL["required"], value=t["yes"] if item.required else t["no"]
            )
            required.alignment = _WRAP
            if item.required:
                required.font = _BOLD
            allowed = allowed_text(item, checklist.language)
            ws.cell(row=row, column=COL["allowed"], value=allowed).alignment = _WRAP

            answer = ws.cell(row=row, column=COL["answer"])
            answer.protection = _UNLOCKED
            answer.fill = _ANSWER_FILL
            answer.border = _BOX
            answer.alignment = _WRAP
            if item.kind_rules.cell_format is not None:
                answer.number_format = item.kind_rules.cell_format

            list_range = None
            entries = tuple(choice_map(item, checklist.language))
            if entries and entries in ranges:
                list_range = ranges[entries]
            elif entries:
                list_column += 1
                letter = get_column_letter(list_column)
                lists.cell(row=1, column=list_column, value=item.id)
                for offset, entry in enumerate(entries):
                    lists.cell(row=2 + offset, column=list_column, value=entry)
                list_range = f"'{LISTS_SHEET}'!${letter}$2:${letter}${1 + len(entries)}"
                ranges[entries] = list_range
            validation = _validation(item, checklist.language, list_range)
            if validation is not None:
                validation.add(answer.coordinate)
                ws.add_data_validation(validation)

            ws.row_dimensions[row].height = _height(
                [
                    (item.label, WIDTHS["question"]),
                    (help_text, WIDTHS["help"]),
                    (allowed, WIDTHS["allowed"]),
                    (section.title, WIDTHS["section"]),
                ]
            )
    return rows


def _fill_meta(meta: Worksheet, checklist: Checklist, title: str, rows: list[_Row]) -> None:
    header: list[tuple[str, Any]] = [
        (MARKER, FORMAT),
        ("checklist", checklist.id),
        ("version", checklist.version),
        ("language", checklist.language),
        ("title", checklist.title),
        ("sheet", title),
        ("answer_column", get_column_letter(COL["answer"])),
    ]
    for index, (key, value) in enumerate(header, start=1):
        meta.cell(row=index, column=1, value=key)
        meta.cell(row=index, column=2, value=value)
    start = len(header) + 2
    for column, name in enumerate(("row", "item", "kind", "answers"), start=1):
        meta.cell(row=start, column=column, value=name)
    for offset, entry in enumerate(rows, start=1):
        meta.cell(row=start + offset, column=1, value=entry.row)
        meta.cell(row=start + offset, column=2, value=entry.item.id)
        meta.cell(row=start + offset, column=3, value=entry.item.kind)
        mapping = choice_map(entry.item, checklist.language)
        if mapping:
            meta.cell(
                row=start + offset,
                column=4,
                value=json.dumps(mapping, ensure_ascii=False),
            )


def _as_text_cells(ws: Worksheet) -> None:
    """Store every text as a string cell: nothing a checklist says is ever a formula.

    openpyxl turns any text starting with "=" into a live formula (a label such as
    ``=HYPERLINK("http://…")`` would be a link in every copy); the workbook holds no
    formula of its own, so every text cell is marked as plain text, which Excel and
    LibreOffice show literally.
    """
    # The cells that exist, not iter_rows(), which would create the empty ones (and
    # change the bytes of the file).
    for cell in ws._cells.values():
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _print_layout(ws: Worksheet) -> None:
    """Print on A4 landscape, every column on one page width, the header on each page.

    Without it a spreadsheet prints the seven columns split over twenty portrait pages.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    assert ws.sheet_properties.pageSetUpPr is not None
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:{get_column_letter(len(COLUMNS))}{ws.max_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    footer = ws.oddFooter
    assert footer is not None
    footer.center.text = "&P / &N"


class WorkbookWriterError(RuntimeError):
    """openpyxl is set up in a way that would make the bytes depend on the machine."""


def build_workbook(checklist: Checklist) -> bytes:
    """A fillable ``.xlsx`` for one checklist, byte-for-byte reproducible."""
    if openpyxl.LXML:
        raise WorkbookWriterError(
            "openpyxl was imported with lxml before checklist_forms set OPENPYXL_LXML=False; "
            "import checklist_forms first (or set OPENPYXL_LXML=False) so workbooks are "
            "the same on every machine"
        )
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    title = sheet_title(checklist)
    ws.title = title
    lists = wb.create_sheet(LISTS_SHEET)
    meta = wb.create_sheet(META_SHEET)

    rows = _fill_sheet(ws, lists, checklist)
    _print_layout(ws)
    _fill_meta(meta, checklist, title, rows)
    for sheet in (ws, lists, meta):
        _as_text_cells(sheet)

    # Light protection, no password: answer cells stay editable, the layout does not move
    # by accident; anyone can lift it (Review > Unprotect sheet) if they must.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False
    for hidden in (lists, meta):
        hidden.sheet_state = "hidden"
        hidden.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0

    props = wb.properties
    props.creator = "checklist-forms"
    props.lastModifiedBy = None
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.title = checklist.title
    props.identifier = f"{checklist.id}/{checklist.version}"
    props.language = checklist.language

    raw = io.BytesIO()
    # ExcelWriter rather than Workbook.save: save stamps the current time as "modified".
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with sorted entries, fixed dates, attributes and compression."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
