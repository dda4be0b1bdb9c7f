"""The job ad as one standalone HTML page: styled on screen, clean on A4, JSON-LD inside.

The page carries its own style (no stylesheet, font, script or image to fetch), so it
can be published as it is, sent as an attachment, or printed from any browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checklist_forms.core import jsontext
from checklist_forms.core.model import Answer, Checklist
from checklist_forms.i18n.translate import translate_all
from checklist_forms.intake.jobad import (
    WORDS,
    description_html,
    escape,
    how_to_apply,
    practical,
    text_of,
)

STYLE = """\
:root { color-scheme: light; --ink: #1d2733; --muted: #556270; --accent: #1f5f8b;
  --line: #d5dde5; --panel: #f3f6f9; }
* { box-sizing: border-box; }
body { margin: 0; background: #e9eef2; color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff;
  border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .4rem; color: var(--accent); }
.employer { font-size: 1.15rem; font-weight: 600; margin: 0; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; padding-bottom: .2rem;
  border-bottom: 1px solid var(--line); }
p { margin: .4rem 0; }
ul { margin: .4rem 0; padding-left: 1.3rem; }
li { margin: .2rem 0; }
section.box { margin-top: 1.6rem; padding: .4rem 1.2rem .8rem; background: var(--panel);
  border-left: 4px solid var(--accent); border-radius: 4px; }
section.box h3 { border: 0; margin-top: .8rem; }
section.box ul { list-style: none; padding-left: 0; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { margin: 0; padding: 0; max-width: none; box-shadow: none; border-radius: 0; }
  h1 { color: #000; }
  h3 { break-after: avoid; }
  li, p { break-inside: avoid; }
  section.box { background: none; border: 1px solid var(--line); }
}
"""


def _box(heading: str, lines: list[str]) -> str:
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f'<section class="box">\n<h3>{escape(heading)}</h3>\n<ul>{items}</ul>\n</section>\n'


def _jsonld(posting: Mapping[str, Any]) -> str:
    # No "<" at all inside the script element, whatever the answers contain: JSON allows
    # the \u003c escape, and the page can then hold no "</script" or "<!--" by accident.
    text = jsontext.dumps(posting) + "\n"
    return text.replace("<", "\\u003c")


def to_html(checklist: Checklist, answers: Mapping[str, Answer], posting: Mapping[str, Any]) -> str:
    """A standalone job ad page with its JSON-LD, ready to publish or print."""
    w = translate_all(checklist.language, WORDS)
    title = escape(text_of(answers, "intitule"))
    employer = escape(text_of(answers, "employeur"))
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(checklist.language)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{STYLE}</style>\n"
        f'<script type="application/ld+json">\n{_jsonld(posting)}</script>\n</head>\n<body>\n'
        f'<main>\n<header>\n<h1>{title}</h1>\n<p class="employer">{employer}</p>\n</header>\n'
        f"{description_html(checklist, answers)}\n"
        f"{_box(w['practical'], practical(checklist, answers))}"
        f"{_box(w['apply'], how_to_apply(checklist, answers))}"
        "</main>\n</body>\n</html>\n"
    )
