"""Text a person typed (or a checklist author wrote), made inert inside Markdown.

Reports and job ads are Markdown, and Markdown viewers render raw HTML and links: an
answer holding ``<script>`` or ``<img onerror=…>`` must show as those characters, never
run. Everything that is not the project's own markup goes through these functions.
"""

from __future__ import annotations

import re

# HTML's special characters become entities (every Markdown flavour decodes those, and
# none treats them as markup); Markdown's inline markers get a backslash.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = re.compile(r"([\\`*_\[\]~|])")
# What a line may start with to become a heading, quote, list item or rule.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def md_text(text: str) -> str:
    """Inline text: no HTML, no emphasis, link, code or strike-through can come of it."""
    out = _INLINE.sub(r"\\\1", text)
    for char, entity in _HTML.items():
        out = out.replace(char, entity)
    return out


def md_block(text: str) -> str:
    """Text standing on its own lines: inline escapes, and no line turns into a block."""
    lines = []
    for line in md_text(text).split("\n"):
        match = _LINE_START.match(line)
        if match:
            marker = match[2]
            # "1." stays readable as "1\.": the backslash goes before the dot or bracket.
            escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
            line = match[1] + escaped + line[match.end() :]
        lines.append(line)
    return "\n".join(lines)


def md_cell(text: str) -> str:
    """Text for one Markdown table cell: inline escapes, line breaks as ``<br>``."""
    return md_text(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def md_code(text: str) -> str:
    """An identifier as a code span; other text (a form's unknown key) as escaped text.

    CommonMark shows a code span literally, but not every viewer follows it, and entities
    are not decoded inside one: text with HTML characters or backticks is escaped instead.
    """
    if re.fullmatch(r"[\w.:-]+", text):
        return f"`{text}`"
    return md_text(text)
