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
    """A code span holding ``text`` as is (nothing inside a code span is markup)."""
    text = text.replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"
