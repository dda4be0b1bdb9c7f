"""A checklist as native HTML form controls, readable and printable without JavaScript.

The markup comes from Jinja2 templates (``publish/templates/``: the page, then one
``controls/<kind>.html`` per item kind) with autoescaping, so every string of the
definition is text, never markup. What the browser script needs to apply the rules
(visibility, answered, scoring, guard) travels in one JSON data block per checklist,
escaped so that no label can close the script element, and is never executed (CSP
``script-src 'self'``). checklist-rules.js applies to that block the same rules as
:mod:`checklist_forms.core`; the conformance corpus (tests/conformance/) runs both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from checklist_forms.core.answered import answer_rules
from checklist_forms.core.guard import ENGLISH_WORDS, FRENCH_WORDS, GUARD, rules
from checklist_forms.core.model import Checklist, Item
from checklist_forms.core.numbers import number_text as _num
from checklist_forms.core.wording import condition_sentence
from checklist_forms.i18n.ui_text import ui


@dataclass(frozen=True)
class Links:
    """Relative URLs from the page to the checklist's downloads."""

    schema: str
    form: str
    workbook: str | None = None


# Inside <script>, "</" or "<!--" would end or change the element: write the characters
# that could start them, and the two that JavaScript once read as line ends, as escapes.
# A chain of str.replace: str.translate with a mapping looks each character up in a dict,
# which cost a sixth of rendering a form.
_SCRIPT_SAFE = (
    ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
    ("\u2028", "\\u2028"), ("\u2029", "\\u2029"),
)  # fmt: skip
# Texts the page shows from its markup (the script reads labels there): the data block
# need not carry them twice. Outcome and flag labels stay: only the script shows them.
_PAGE_ONLY = frozenset({"help", "intro", "anchor", "placeholder", "audience", "title", "label"})


# Flags whose False the rules read as absent (not guard: False is an opt-out).
_FALSE_BY_DEFAULT = frozenset({"required", "multiline"})


def script_json(data: Any) -> str:
    """JSON that is safe as the content of a ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for character, escape in _SCRIPT_SAFE:
        if character in text:
            text = text.replace(character, escape)
    return text


def _rules_only(value: Any) -> Any:
    """The definition without the texts of the page and the defaults the rules ignore."""
    if isinstance(value, dict):
        return {
            k: v if k == "scoring" else _rules_only(v)
            for k, v in value.items()
            if k not in _PAGE_ONLY and not (k in _FALSE_BY_DEFAULT and v is False)
        }
    if isinstance(value, list):
        return [_rules_only(v) for v in value]
    return value


def page_data(checklist: Checklist, links: Links) -> dict[str, Any]:
    """Everything checklist.js reads: the definition, the shared rules, the interface words."""
    data: dict[str, Any] = {
        "answer_rules": answer_rules(),
        "checklist": _rules_only(checklist.to_dict()),
        "schema": links.schema,
        "ui": dict(ui(checklist.language)),
    }
    if GUARD in checklist.guards:
        data["guard"] = {
            "rules": rules(),
            "stopwords": {"en": sorted(ENGLISH_WORDS), "fr": sorted(FRENCH_WORDS)},
        }
    return data


@dataclass(frozen=True, slots=True)
class _ItemView:
    """What the templates show of one item besides its own fields, computed once.

    Attributes rather than methods the templates call: Jinja routes every call through
    its context, which cost more than the rest of rendering a form.
    """

    fid: str
    kind_class: str
    describedby: str
    hint: str
    condition: str
    screened: bool


class _View:
    """What the templates ask of a checklist: ids, hints and sentences built from it."""

    def __init__(self, checklist: Checklist, links: Links) -> None:
        self.c = checklist
        self.t = ui(checklist.language)
        self.base = f"cl-{checklist.id}"
        self.guarded = GUARD in checklist.guards
        self.downloads = [(links.schema, "schema"), (links.form, "blank_form")]
        if links.workbook:
            self.downloads.append((links.workbook, "workbook"))
        self.any_required = any(i.required for i in checklist.items())
        self.num = _num
        self.items = {item.id: self._item(item) for item in checklist.items()}

    def _item(self, item: Item) -> _ItemView:
        fid = f"{self.base}-{item.id}"
        hint = self.constraint(item)
        screened = self.guarded and item.kind == "text" and item.guard
        described = []
        if item.help:
            described.append(f"{fid}-help")
        if item.visible_if is not None:
            described.append(f"{fid}-cond")
        if hint:
            described.append(f"{fid}-hint")
        if screened:
            described.append(f"{fid}-findings")
        return _ItemView(
            fid=fid,
            kind_class=item.kind.replace("_", "-"),
            describedby=" ".join(described),
            hint=hint,
            condition=""
            if item.visible_if is None
            else condition_sentence(self.c, item.visible_if, self.t),
            screened=screened,
        )

    def constraint(self, item: Item) -> str:
        t = self.t
        if item.kind == "text" and item.max_length is not None:
            return t["max_chars"].format(n=item.max_length)
        if item.kind == "number":
            unit = f" {item.unit}" if item.unit else ""
            if item.min is not None and item.max is not None:
                return t["range"].format(min=_num(item.min), max=_num(item.max)) + unit
            if item.min is not None:
                return t["min_only"].format(min=_num(item.min)) + unit
            if item.max is not None:
                return t["max_only"].format(max=_num(item.max)) + unit
            return item.unit
        if item.kind == "multi_choice":
            parts = []
            if item.min_selected:
                parts.append(t["select_at_least"].format(n=item.min_selected))
            if item.max_selected:
                parts.append(t["select_at_most"].format(n=item.max_selected))
            return ", ".join(parts)
        return ""


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("checklist_forms.publish", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        # The templates ship with the package: no need to stat each one at every include.
        auto_reload=False,
    )


def render_checklist(checklist: Checklist, links: Links) -> str:
    view = _View(checklist, links)
    return (
        _environment()
        .get_template("checklist.html")
        .render(
            c=checklist,
            v=view,
            t=view.t,
            # script_json escapes what could end the element: safe as the script's content
            data=Markup(script_json(page_data(checklist, links))),
        )
    )
