"""Word documents (.docx) of a filled form's report and of a job ad, through python-docx.

HR teams share job descriptions and interview summaries as Word files. The documents say
what the Markdown outputs say, from the same pieces (the report's words, the score's
lines from core.score, the guard's findings, the ad's sections), laid out as a reader of
Word expects: headings, the answers as two-column tables, lists. Answers are set as
plain text runs, so nothing a user typed becomes a field, a link or markup. The files are
deterministic: fixed document properties, no creation date.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import docx
from docx.document import Document
from docx.shared import Cm, Pt, RGBColor

from checklist_forms.core.model import Answer, Checklist
from checklist_forms.i18n.translate import labelled, translate_all
from checklist_forms.intake import jobad
from checklist_forms.intake.report import WORDS as REPORT_WORDS
from checklist_forms.intake.report import answer_rows
from checklist_forms.intake.validate import Result

# A fixed date for the document's properties: the same form gives the same file.
FIXED = datetime(2000, 1, 1)
ACCENT = RGBColor(0x1F, 0x5F, 0x8B)
_ESCAPED = re.compile(r"\\(.)")
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&"}
# Characters XML 1.0 cannot hold; a form may contain them, a .docx may not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(markdown: str) -> str:
    """Inline Markdown of the project's own making, back to the text it shows."""
    text = markdown.replace("`", "")
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return _ESCAPED.sub(r"\1", text)


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _new(title: str, language: str) -> Document:
    document = docx.Document()
    props = document.core_properties
    props.title = _safe(title)
    props.language = language
    props.author = props.last_modified_by = "checklist-forms"
    props.created = props.modified = FIXED
    props.revision = 1
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    return document


def _bytes(document: Document) -> bytes:
    """The file, with every zip entry dated 1980-01-01 (python-docx stamps the clock)."""
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()


def _rich(paragraph: Any, markdown: str) -> None:
    """A line of the score's Markdown: ``**bold**`` kept as bold, escapes removed."""
    for n, part in enumerate(re.split(r"(?<!\\)\*\*", markdown)):
        if part:
            paragraph.add_run(_safe(_plain(part))).bold = n % 2 == 1


def _markdown_lines(document: Document, lines: list[str]) -> None:
    """The few Markdown shapes core.score writes: headings, list items, plain lines."""
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("### "):
            document.add_heading(_safe(_plain(line[4:])), level=2)
        elif line.startswith("## "):
            document.add_heading(_safe(_plain(line[3:])), level=1)
        elif line.lstrip().startswith("- "):
            _rich(document.add_paragraph(style="List Bullet"), line.lstrip()[2:])
        else:
            _rich(document.add_paragraph(), line.strip())


def _table(document: Document, header: tuple[str, str] | None, rows: list[tuple[str, str]]) -> None:
    """Two columns, the first narrower: question and answer, or label and value."""
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    if header is not None:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.paragraphs[0].add_run(_safe(text)).bold = True
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = _safe(label)
        cells[1].text = _safe(value)
    # Word reads the cells' widths, LibreOffice the grid's: set both.
    table.autofit = False
    for column, width in zip(table.columns, (Cm(5), Cm(11)), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def report_docx(
    checklist: Checklist, form: Mapping[str, Any], result: Result, extra: list[str] | None = None
) -> bytes:
    """The report of a filled form: status, score and reasons, errors, answers, findings."""
    language = checklist.language
    w = translate_all(language, REPORT_WORDS)
    answers = form.get("answers") if isinstance(form.get("answers"), dict) else {}
    assert isinstance(answers, dict)
    document = _new(checklist.title, language)
    document.add_heading(_safe(f"{checklist.title} (v{checklist.version})"), level=0)
    status = str(form.get("status", "—"))
    document.add_paragraph(_safe(labelled(language, w["status"], status)))
    document.add_paragraph(_safe(labelled(language, w["checklist"], checklist.id)))
    if extra:
        _markdown_lines(document, extra)
    if result.errors:
        document.add_heading(w["errors"], level=1)
        for issue in result.errors:
            where = f"{issue.item} ({issue.label})" if issue.item else "form"
            document.add_paragraph(
                _safe(labelled(language, where, issue.message)), style="List Bullet"
            )
    for section, rows in answer_rows(checklist, answers):
        document.add_heading(_safe(section.title), level=1)
        _table(document, (w["question"], w["answer"]), rows)
    if result.findings:
        document.add_heading(w["guard"], level=1)
        document.add_paragraph(_safe(_plain(w["guard_help"])))
        for finding in result.findings:
            state = f" {w['acknowledged']}" if finding.acknowledged else ""
            text = labelled(language, f"{finding.key} {finding.label}", finding.message(language))
            document.add_paragraph(_safe(text + state), style="List Bullet")
    missing = checklist.missing_for_final(answers)
    document.add_heading(w["missing"], level=1)
    for item in missing:
        document.add_paragraph(_safe(f"{item.id} — {item.label}"), style="List Bullet")
    if not missing:
        document.add_paragraph(w["complete"])
    return _bytes(document)


def jobad_docx(checklist: Checklist, answers: Mapping[str, Answer]) -> bytes:
    """The job ad: title, employer, its sections, the practical details as a table, how to apply."""
    w = translate_all(checklist.language, jobad.WORDS)
    title = jobad.text_of(answers, "intitule")
    document = _new(title, checklist.language)
    heading = document.add_heading(_safe(title), level=0)
    for run in heading.runs:
        run.font.color.rgb = ACCENT
    employer = document.add_paragraph()
    employer.add_run(_safe(jobad.text_of(answers, "employeur"))).bold = True
    for name, paragraphs, as_list in jobad.sections(checklist, answers):
        document.add_heading(_safe(name), level=1)
        for text in paragraphs:
            document.add_paragraph(_safe(text), style="List Bullet" if as_list else None)
    document.add_heading(w["practical"], level=1)
    rows = [_split(line) for line in jobad.practical(checklist, answers)]
    _table(document, None, [(label or w["dates"], value) for label, value in rows])
    apply = jobad.how_to_apply(checklist, answers)
    if apply:
        document.add_heading(w["apply"], level=1)
        for line in apply:
            document.add_paragraph(_safe(line))
    return _bytes(document)


def _split(line: str) -> tuple[str, str]:
    """« Lieu : Annecy » as (« Lieu », « Annecy »); a line without a label stays whole."""
    label, sep, value = line.partition(":")
    if sep and value.strip() and len(label) < 40:
        return label.strip(), value.strip()
    return "", line
