"""The French prose of a handbook page, as the reader sees it, with its source lines.

The grammar check (``site.grammar``) reads Markdown sources rather than a Sphinx build so
that every finding points at the line a contributor edits. This module keeps what a
reader reads (paragraphs, headings, list items, table cells, admonitions, and the labels,
help texts and titles of checklists) and drops what is not French prose: front matter,
code blocks, directives' option lines, checklist ids and kinds, URLs, inline code,
roles' targets. It then types what the build types: curly apostrophes and French
non-breaking spaces (``site.typography.french_spacing``), so that Grammalecte judges the
published text and not the plain spaces the contributor guide asks for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from checklist_forms.site.typography import APOSTROPHE, french_spacing


@dataclass
class Paragraph:
    """One block of prose: its text and, for each source line in it, its start offset."""

    lines: list[tuple[int, int]] = field(default_factory=list)  # (offset, line number)
    text: str = ""
    # A list item, table cell, definition or checklist label: French lets an enumeration
    # start in lower case, so Grammalecte's capital-letter rule does not apply.
    fragment: bool = False

    def add(self, line: int, text: str) -> None:
        text = inline_prose(text)
        if not text.strip():
            return
        if self.text:
            self.text += " "
        self.lines.append((len(self.text), line))
        self.text += text

    def line_at(self, offset: int) -> int:
        found = self.lines[0][1]
        for start, line in self.lines:
            if start > offset:
                break
            found = line
        return found


# Inline markup, replaced by what the reader sees (order matters: code before roles).
_INLINE = (
    (re.compile(r"<!--.*?-->"), ""),
    (re.compile(r"\{[\w:-]+\}`([^`<]*?)\s*<[^`>]*>`"), r"\1"),  # {term}`texte <cible>`
    (re.compile(r"\{(?:kbd|guilabel|menuselection)\}`([^`]*)`"), r"\1"),
    (
        re.compile(r"\{(?:doc|ref|download|checklist:ref)\}`[^`]*`"),
        "X",
    ),  # shown as the target's title
    (re.compile(r"\{[\w:-]+\}`([^`]*)`"), r"\1"),  # {term}`veille`
    (re.compile(r"``?[^`]+``?"), "X"),  # inline code: a neutral word keeps the syntax
    (re.compile(r"X(?: X)+\b"), "X"),  # `:` `;` `?` read as one word, not a repeat
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # an image's alternative text
    # A link's ? or ! ends the sentence: the build drops the full stop typed after it.
    (re.compile(r"\[([^\]]*[?!])\]\([^)]*\)\."), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [texte](cible)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<https?://[^>]+>"), "X"),
    (re.compile(r"https?://\S+"), "X"),
    (re.compile(r"</?[a-zA-Z][^>]*>"), ""),
    (re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)"), ""),
    (re.compile(r"\\(?=[^\w\s])"), ""),
)
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'")
_DOUBLE_QUOTES = re.compile(r'"([^"]*)"')


def inline_prose(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    text = _STRAIGHT_APOSTROPHE.sub(APOSTROPHE, text)
    text = _DOUBLE_QUOTES.sub(r"« \1 »", text)  # Sphinx's smart quotes, French style
    return french_spacing(text)


_FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})\s*(\{([\w:-]+)\})?")
_OPTION = re.compile(r"^\s*:[\w-]+:")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
_BLOCK_START = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|:\s+|>\s*)")
_TARGET = re.compile(r"^\s*\(\S+\)=\s*$")
# Directives whose body is prose; any other fenced block is code or data.
PROSE_DIRECTIVES = frozenset(
    {"note", "warning", "tip", "important", "caution", "attention", "admonition", "seealso"}
    | {"hint", "danger", "error", "glossary", "topic", "sidebar", "rubric", "dropdown"}
)
# Keys of a checklist definition whose values are sentences a reader sees.
_YAML_TEXT = re.compile(
    r"^(\s*(?:-\s+)?)(intro|title|label|help|description|anchor|placeholder|text|note)"
    r":\s*(.*)$"
)
_YAML_FLOW = re.compile(r"\b(label|anchor|help|title):\s*(\"[^\"]*\"|'[^']*'|[^,}]+)")


def paragraphs(source: str) -> Iterator[Paragraph]:
    """The prose blocks of a MyST Markdown page, in order."""
    lines = source.splitlines()
    number = 0
    if lines and lines[0].strip() == "---":  # front matter
        number = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0) + 1
    current = Paragraph()
    fences: list[tuple[str, bool, bool]] = []  # (closing fence, prose body, glossary)
    while number < len(lines):
        raw = lines[number]
        number += 1
        fence = _FENCE.match(raw)
        if fences and fence and fence.group(1) == fences[-1][0] and not fence.group(2):
            fences.pop()
            yield from _flush(current)
            current = Paragraph()
            continue
        if fence and (not fences or fences[-1][1]):
            yield from _flush(current)
            current = Paragraph()
            name = fence.group(3) or ""
            if name == "checklist":
                end = _closing(lines, number, fence.group(1))
                yield from _checklist(lines, number, end)
                number = end + 1
                continue
            fences.append((fence.group(1), name in PROSE_DIRECTIVES, name == "glossary"))
            continue
        if fences and not fences[-1][1]:
            continue
        if not raw.strip() or _TARGET.match(raw) or _TABLE_RULE.match(raw):
            yield from _flush(current)
            current = Paragraph()
            continue
        if _OPTION.match(raw):
            continue
        if raw.lstrip().startswith("|"):  # a table row: each cell reads on its own
            yield from _flush(current)
            current = Paragraph()
            for cell in raw.strip().strip("|").split("|"):
                row = Paragraph(fragment=True)
                row.add(number, cell.strip())
                yield from _flush(row)
            continue
        start = _BLOCK_START.match(raw)
        if start:
            yield from _flush(current)
            current = Paragraph(fragment=not start.group(1).lstrip().startswith(("#", ">")))
            raw = raw[start.end() :]
            if start.group(1).startswith("#"):
                raw = re.sub(r"\s*\{#[^}]*\}\s*$", "", raw)  # heading anchors
        if fences and fences[-1][0] and not current.text:
            current.fragment = fences[-1][2]  # a glossary's terms and definitions
        current.add(number, raw.strip())
    yield from _flush(current)


def _flush(paragraph: Paragraph) -> Iterator[Paragraph]:
    if paragraph.text.strip():
        yield paragraph


def _closing(lines: list[str], start: int, fence: str) -> int:
    for index in range(start, len(lines)):
        if lines[index].strip() == fence:
            return index
    return len(lines)


def _checklist(lines: list[str], start: int, end: int) -> Iterator[Paragraph]:
    """The sentences of a checklist definition: titles, labels, help texts, anchors."""
    index = start
    while index < end:
        raw = lines[index]
        index += 1
        if _OPTION.match(raw):
            continue
        flow = raw.strip().lstrip("- ").startswith("{")
        if flow:
            for match in _YAML_FLOW.finditer(raw):
                yield from _one(index, _unquote(match.group(2)))
            continue
        key = _YAML_TEXT.match(raw)
        if not key:
            continue
        value = key.group(3).strip()
        if value in (">", ">-", "|", "|-", ">+", "|+"):  # a folded or literal block
            indent = None
            text = Paragraph(fragment=True)
            while index < end:
                body = lines[index]
                width = len(body) - len(body.lstrip())
                if body.strip() and width <= len(key.group(1)):
                    break
                if body.strip():
                    indent = width if indent is None else indent
                    text.add(index + 1, body.strip())
                index += 1
            yield from _flush(text)
        else:
            yield from _one(index, _unquote(value))


def _one(line: int, text: str) -> Iterator[Paragraph]:
    paragraph = Paragraph(fragment=True)
    paragraph.add(line, text)
    yield from _flush(paragraph)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
