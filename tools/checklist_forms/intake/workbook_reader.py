"""A filled workbook back to a JSON form, naming every cell it cannot use."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from checklist_forms.core.folding import fold_loose as _fold
from checklist_forms.core.kinds import Unusable
from checklist_forms.core.kinds.cells import shorten
from checklist_forms.core.limits import MAX_WORKBOOK_BYTES
from checklist_forms.core.model import Answer, Checklist, Item
from checklist_forms.core.rules import broken_rules
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_
from checklist_forms.intake.forms import FormError, LoadedForm, read_input
from checklist_forms.intake.validate import Validator
from checklist_forms.intake.workbook_guard import (
    cell_problem,
    check_archive,
    check_sheet,
    formula_rows,
    meta_json,
)
from checklist_forms.publish.workbook_writer import (
    COL,
    HEADER_ROW,
    LISTS_SHEET,
    MARKER,
    MAX_ROW,
    META_SHEET,
    choice_map,
)

Resolver = Callable[[str, str, str], Checklist | None]
ROW_PROBLEM = N_("row {row} ({item}): {problem}")
DAMAGED = N_("not an Excel workbook (.xlsx); save it from your spreadsheet as .xlsx ({reason})")


def _reason(exc: Exception) -> str:
    """An exception's message, kept translatable when it is a :class:`Later`."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Later) else str(exc)


@dataclass(frozen=True)
class _Matcher:
    exact: dict[str, Answer]
    folded: dict[str, Answer]
    shown: list[str]

    def find(self, text: str) -> tuple[bool, Answer]:
        key = text.strip()
        if key in self.exact:
            return True, self.exact[key]
        folded = _fold(key)
        if folded in self.folded:
            return True, self.folded[folded]
        return False, None


def _matcher(item: Item, meta_map: Mapping[str, Answer], language: str) -> _Matcher:
    """Labels of the workbook (from _meta), then the definition's labels and values."""
    pairs: list[tuple[str, Answer]] = list(meta_map.items())
    pairs += list(choice_map(item, language).items())
    pairs += item.kind_rules.cell_words(item)
    exact: dict[str, Answer] = {}
    folded: dict[str, Answer] = {}
    ambiguous: set[str] = set()
    for text, value in pairs:
        exact.setdefault(text, value)
        key = _fold(text)
        if key in folded and not _same(folded[key], value):
            ambiguous.add(key)
        folded.setdefault(key, value)
    for key in ambiguous:
        del folded[key]
    shown = list(meta_map) or list(choice_map(item, language))
    return _Matcher(exact, folded, shown)


def _same(a: Answer, b: Answer) -> bool:
    return type(a) is type(b) and bool(a == b)


def _parse(item: Item, value: Any, matcher: _Matcher) -> Answer:
    """The answer a cell holds for an item; raise :class:`Unusable` rather than guess."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return item.blank()
    return item.kind_rules.parse_cell(item, value, matcher)


def _load(path: Path) -> tuple[Workbook, bytes]:
    """Open a workbook from a copy of its bytes: the file itself is never written."""
    raw = read_input(path, "workbook", MAX_WORKBOOK_BYTES)
    check_archive(path, raw)
    try:
        with warnings.catch_warnings():
            # Files saved by Excel carry extensions openpyxl announces it drops on save;
            # nothing is saved here.
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(raw), data_only=True, keep_links=False), raw
    except Exception as exc:  # a damaged file can fail anywhere in the parser
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        damaged = Later(DAMAGED, reason=shorten(reason, 80))
        raise FormError(path, damaged) from None


@dataclass(frozen=True)
class _MetaRow:
    row: int
    item: str
    kind: str
    answers: dict[str, Answer]


def _read_meta(path: Path, wb: Workbook) -> tuple[dict[str, Any], list[_MetaRow], list[str]]:
    meta = wb[META_SHEET] if META_SHEET in wb.sheetnames else None
    if not isinstance(meta, Worksheet):
        raise FormError(
            path,
            Later(
                N_(
                    "no {sheet} sheet: this workbook was not made by `checklist-forms xlsx` "
                    "(or its hidden sheet was deleted)"
                ),
                sheet=META_SHEET,
            ),
        )
    check_sheet(path, meta)
    header: dict[str, Any] = {}
    rows: list[_MetaRow] = []
    problems: list[str] = []
    in_rows = False
    for number, values in enumerate(meta.iter_rows(values_only=True), start=1):
        cells = list(values) + [None] * 4
        key = cells[0]
        if not in_rows:
            if key == "row":
                in_rows = True
            elif isinstance(key, str) and key:
                header[key] = cells[1]
            continue
        if key is None and cells[1] is None:
            continue
        item_id, kind, raw = cells[1], cells[2], cells[3]
        if (
            not isinstance(key, int)
            or not 0 < key <= MAX_ROW
            or not isinstance(item_id, str)
            or not isinstance(kind, str)
        ):
            problems.append(
                Later(
                    N_("{sheet} row {row}: unreadable item entry; skipped"),
                    sheet=META_SHEET,
                    row=number,
                )
            )
            continue
        mapping: dict[str, Answer] = {}
        if isinstance(raw, str) and raw:
            loaded = meta_json(raw)
            if isinstance(loaded, dict):
                mapping = {str(k): v for k, v in loaded.items()}
            else:
                problems.append(
                    Later(
                        N_(
                            "{sheet} row {row} ({item}): unreadable list of answers; "
                            "the checklist's own labels are used"
                        ),
                        sheet=META_SHEET,
                        row=number,
                        item=item_id,
                    )
                )
        rows.append(_MetaRow(key, item_id, kind, mapping))
    if MARKER not in header:
        raise FormError(
            path,
            Later(
                N_("the {sheet} sheet is not one written by `checklist-forms xlsx`"),
                sheet=META_SHEET,
            ),
        )
    for key in ("checklist", "version", "language"):
        if not isinstance(header.get(key), str) or not header[key]:
            raise FormError(
                path, Later(N_("the {sheet} sheet has no {key}"), sheet=META_SHEET, key=repr(key))
            )
    return header, rows, problems


def _resolve(
    path: Path, resolve: Checklist | Resolver, checklist_id: str, version: str, language: str
) -> Checklist:
    if isinstance(resolve, Checklist):
        if (resolve.id, resolve.version) != (checklist_id, version):
            raise FormError(
                path,
                Later(
                    N_("workbook of {checklist} {version}, not of {other} {other_version}"),
                    checklist=repr(checklist_id),
                    version=version,
                    other=repr(resolve.id),
                    other_version=resolve.version,
                ),
            )
        return resolve
    try:
        found = resolve(checklist_id, version, language)
    except FormError as exc:
        raise FormError(path, exc.message) from None
    if found is None:
        raise FormError(
            path,
            Later(
                N_("unknown checklist {checklist} version {version}"),
                checklist=repr(checklist_id),
                version=repr(version),
            ),
        )
    return found


def _answer_sheet(wb: Workbook, header: Mapping[str, Any]) -> Worksheet | None:
    name = header.get("sheet")
    if isinstance(name, str) and name in wb.sheetnames:
        named = wb[name]
        if isinstance(named, Worksheet):
            return named
    for ws in wb.worksheets:
        if (
            isinstance(ws, Worksheet)
            and ws.title not in (META_SHEET, LISTS_SHEET)
            and ws.sheet_state == "visible"
        ):
            return ws
    return None


def read_workbook(path: Path, resolve: Checklist | Resolver) -> tuple[dict[str, Any], list[str]]:
    """A filled workbook as a JSON form, and one message per cell that could not be used.

    ``resolve`` is the checklist itself or a function ``(id, version, language)`` that
    returns it (see :func:`catalogue_resolver`). Unusable cells get the item's blank
    answer (null; ``false`` for a box, ``[]`` for several choices) so the form stays a
    valid draft. The form is ``final`` when every required visible item is answered and
    no cell was unusable, otherwise ``draft``. Raises :class:`FormError` (one line) when
    the file is not an ``.xlsx``, has no ``_meta`` sheet or names an unknown checklist.
    """
    wb, raw = _load(path)
    try:
        header, meta_rows, problems = _read_meta(path, wb)
        checklist_id, version, language = (
            str(header["checklist"]),
            str(header["version"]),
            str(header["language"]),
        )
        checklist = _resolve(path, resolve, checklist_id, version, language)
        ws = _answer_sheet(wb, header)
        if ws is None:
            raise FormError(path, Later(N_("the sheet holding the answers is missing")))
        check_sheet(path, ws)
        answers = checklist.blank_answers()
        ids_column = _ids_column(ws)
        column = COL["answer"]
        formulas = formula_rows(raw, ws.title, column)
        rows: dict[str, int] = {}
        skipped_rows: list[int] = []
        for entry in meta_rows:
            item = checklist.item(entry.item)
            if item is not None and not item.answerable:
                skipped_rows.append(ids_column.get(item.id, entry.row))
                continue  # notes: informative rows, nothing to read
            if item is None:
                problems.append(
                    Later(
                        N_(
                            "{sheet}: row {row} names {item}, which this checklist "
                            "does not answer; skipped"
                        ),
                        sheet=META_SHEET,
                        row=entry.row,
                        item=repr(entry.item),
                    )
                )
                continue
            row = entry.row
            if ws.cell(row=row, column=COL["id"]).value != item.id:
                # Rows were moved (the sheet was unprotected): follow the visible id.
                moved = ids_column.get(item.id)
                if moved is None:
                    problems.append(
                        Later(
                            N_("{item}: its row is no longer in the sheet; left blank"),
                            item=item.id,
                        )
                    )
                    continue
                row = moved
            rows[item.id] = row
            cell = ws.cell(row=row, column=column)
            value = cell.value
            problem = cell_problem(value, cell.data_type, row in formulas)
            if problem is not None:
                answers[item.id] = item.blank()
                problems.append(Later(ROW_PROBLEM, row=row, item=item.id, problem=problem))
                continue
            matcher = _matcher(item, entry.answers, language)
            try:
                answers[item.id] = _parse(item, value, matcher)
            except Unusable as exc:
                answers[item.id] = item.blank()
                problems.append(Later(ROW_PROBLEM, row=row, item=item.id, problem=_reason(exc)))
        problems += _unread_cells(ws, checklist, set(rows.values()) | set(skipped_rows))
    finally:
        wb.close()
    for rule in broken_rules(checklist, answers):
        # The answers are kept (each is valid alone); the form stays a draft to correct.
        problems.append(
            Later(
                N_("row {row} ({item}): {problem} (rule: {item} {op} {other}, row {other_row})"),
                row=rows.get(rule.item, "?"),
                item=rule.item,
                problem=rule.message,
                op=rule.op,
                other=rule.other,
                other_row=rows.get(rule.other, "?"),
            )
        )
    complete = not checklist.missing_for_final(answers)
    form = {
        "checklist": checklist.id,
        "version": checklist.version,
        "language": language,
        "status": "final" if complete and not problems else "draft",
        "answers": answers,
    }
    return form, problems


def _unread_cells(ws: Worksheet, checklist: Checklist, item_rows: set[int]) -> list[str]:
    """Every cell with content the import does not read, outside what the workbook wrote.

    Only the answer column of a checklist item's row is read. The rows and columns the
    workbook itself wrote (title, header, section headings, labels) are known; anything
    else a person typed, such as a criterion of their own on an added row or a remark
    beside the table, would be lost without a word: each one is named with its row.
    """
    headings = {s.title + (f"\n{s.intro}" if s.intro else "") for s in checklist.sections}
    last = len(COL)
    out: list[str] = []
    for cells in ws.iter_rows(min_row=1, max_row=ws.max_row):
        for cell in cells:
            value = cell.value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            row, column = cell.row, cell.column
            assert isinstance(row, int) and isinstance(column, int)
            if row in item_rows and column == COL["answer"]:
                continue  # read above
            if column == 1 and isinstance(value, str) and value in headings:
                continue  # a section heading
            if (row <= HEADER_ROW or row in item_rows) and column <= last:
                continue  # the title, the header, a question's own cells
            text = shorten(str(value), 60)
            out.append(
                Later(
                    N_(
                        "row {row}, cell {cell}: « {text} » was not read "
                        "(only the answer column of the checklist's rows is imported); "
                        "copy it into an answer or a note item if it must be kept"
                    ),
                    row=row,
                    cell=cell.coordinate,
                    text=text,
                )
            )
    return out


def _ids_column(ws: Worksheet) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        value = ws.cell(row=row, column=COL["id"]).value
        if isinstance(value, str):
            found.setdefault(value, row)
    return found


def catalogue_resolver(validator: Validator) -> Resolver:
    """A resolver over a :class:`~checklist_forms.validate.Validator`'s catalogue.

    Unknown checklists or versions raise :class:`FormError` with the validator's message
    (with its "did you mean" hint).
    """

    def resolve(checklist_id: str, version: str, language: str) -> Checklist:
        form = LoadedForm(
            path="", data={"checklist": checklist_id, "version": version, "language": language}
        )
        _, _, checklist = validator.resolve(form)
        return checklist

    return resolve
