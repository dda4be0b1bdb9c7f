"""A checklist as native HTML form controls, readable and printable without JavaScript.

Every string from the definition goes through :func:`html.escape`; data for the browser
script travels in ``data-*`` attributes (JSON, escaped), never in inline script. What the
script computes live (scores, guard findings) it computes from these attributes with the
same rules as :mod:`checklist_forms.core.score` and :mod:`checklist_forms.core.guard`: the numbers
it needs are written here by those modules' own functions, not recomputed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from checklist_forms.core.guard import ENGLISH_WORDS, FRENCH_WORDS, GUARD, rules
from checklist_forms.core.model import Checklist, Choice, Condition, Item
from checklist_forms.core.score import max_value
from checklist_forms.i18n.ui_text import ui


@dataclass(frozen=True)
class Links:
    """Relative URLs from the page to the checklist's downloads."""

    schema: str
    form: str
    workbook: str | None = None


def _attr(value: Any) -> str:
    return escape(
        value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True),
        quote=True,
    )


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


class _Renderer:
    def __init__(self, checklist: Checklist, links: Links) -> None:
        self.c = checklist
        self.links = links
        self.t = ui(checklist.language)
        self.base = f"cl-{checklist.id}"
        self.scoring = checklist.scoring
        self.weighted = self.scoring is not None and self.scoring.method == "weighted"
        self.guarded = GUARD in checklist.guards

    def fid(self, item: Item, suffix: str = "") -> str:
        return f"{self.base}-{item.id}{suffix}"

    def render(self) -> str:
        c, t = self.c, self.t
        out: list[str] = []
        data: dict[str, Any] = {
            "data-checklist": c.id,
            "data-version": c.version,
            "data-language": c.language,
            "data-schema": self.links.schema,
            "data-ui": dict(t),
        }
        if c.scoring is not None:
            data["data-scoring"] = c.to_dict()["scoring"]
        if self.guarded:
            data["data-guard-rules"] = rules()
            data["data-guard-stopwords"] = {"en": sorted(ENGLISH_WORDS), "fr": sorted(FRENCH_WORDS)}
        attrs = " ".join(f'{k}="{_attr(v)}"' for k, v in data.items())
        out.append(
            f'<section class="checklist" id="checklist-{escape(c.id)}" '
            f'aria-labelledby="{self.base}-title" {attrs}>'
        )
        out.append('<div class="checklist-header">')
        out.append(
            f'<p class="checklist-title" id="{self.base}-title">'
            f'<span class="checklist-kicker">{escape(t["checklist"])}</span> {escape(c.title)}</p>'
        )
        # Non-breaking spaces: "Version" keeps its number, and no line starts with "·".
        meta = f"{escape(t['version'])}\u00a0{escape(c.version)}"
        if c.audience:
            meta += f"\u00a0· {escape(t['audience'])}{escape(t['colon'])}{escape(c.audience)}"
        out.append(f'<p class="checklist-meta">{meta}</p>')
        if c.intro:
            out.append(f'<p class="checklist-intro">{escape(c.intro)}</p>')
        sep = t["colon"]
        downloads = [
            f'<a class="checklist-download" href="{_attr(self.links.schema)}" download>{escape(t["schema"])}</a>',
            f'<a class="checklist-download" href="{_attr(self.links.form)}" download>{escape(t["blank_form"])}</a>',
        ]
        if self.links.workbook:
            downloads.append(
                f'<a class="checklist-download" href="{_attr(self.links.workbook)}" download>{escape(t["workbook"])}</a>'
            )
        out.append(
            f'<p class="checklist-downloads">{escape(t["downloads"])}{sep}{" · ".join(downloads)}</p>'
        )
        if any(i.required for i in c.items()):
            out.append(f'<p class="checklist-legend">{escape(t["required_legend"])}</p>')
        out.append(f'<p class="checklist-nojs">{escape(t["no_js"])}</p>')
        out.append("</div>")
        out.append(
            f'<form class="checklist-form" id="{self.base}-form" aria-labelledby="{self.base}-title">'
        )
        for section in c.sections:
            out.append(
                f'<fieldset class="checklist-section" id="{self.base}-section-{escape(section.id)}">'
            )
            out.append(f"<legend>{escape(section.title)}</legend>")
            if section.intro:
                out.append(f'<p class="checklist-section-intro">{escape(section.intro)}</p>')
            for item in section.items:
                out.append(self.item(item))
            out.append("</fieldset>")
        out.append("</form>")
        if c.scoring is not None:
            # Filled by the script as answers change (score.evaluate's rules).
            out.append(
                f'<div class="checklist-result" id="{self.base}-result" aria-live="polite"></div>'
            )
        if c.scoring is not None and c.scoring.outcomes:
            out.append('<div class="checklist-outcomes">')
            out.append(f'<p class="checklist-outcomes-title">{escape(t["outcomes"])}</p><ul>')
            for outcome in c.scoring.outcomes:
                extra = f" — {escape(outcome.help)}" if outcome.help else ""
                out.append(f"<li><strong>{escape(outcome.label)}</strong>{extra}</li>")
            out.append("</ul></div>")
        out.append("</section>")
        return "\n".join(out) + "\n"

    # -- items ----------------------------------------------------------------------

    def _wrapper(self, item: Item, tag: str) -> str:
        attrs: dict[str, Any] = {
            "class": f"checklist-item checklist-kind-{item.kind.replace('_', '-')}",
            "id": self.fid(item, "-item"),
            "data-item": item.id,
            "data-kind": item.kind,
        }
        if item.required:
            attrs["data-required"] = "true"
        if item.visible_if is not None:
            attrs["data-visible-if"] = json.dumps(
                _condition_dict(item.visible_if), ensure_ascii=False, sort_keys=True
            )
        if item.kind == "multi_choice" and item.min_selected:
            attrs["data-min-selected"] = str(item.min_selected)
        top = max_value(item) if self.weighted else None
        if top is not None:  # a scored item: the figures score._weighted uses
            attrs["data-max"] = top
            if item.weight is not None:
                attrs["data-weight"] = item.weight
            if item.must_have is not None:
                attrs["data-must-have"] = item.must_have
        return f"<{tag} " + " ".join(f'{k}="{_attr(v)}"' for k, v in attrs.items()) + ">"

    def _label_text(self, item: Item) -> str:
        text = escape(item.label)
        if item.required:
            text += f' <span class="checklist-required">({escape(self.t["required"])})</span>'
        return text

    def _describedby(self, item: Item) -> str:
        ids = []
        if item.help:
            ids.append(self.fid(item, "-help"))
        if item.visible_if is not None:
            ids.append(self.fid(item, "-cond"))
        if self._constraint(item):
            ids.append(self.fid(item, "-hint"))
        if self._screened(item):
            ids.append(self.fid(item, "-findings"))
        return f' aria-describedby="{" ".join(ids)}"' if ids else ""

    def _extras(self, item: Item) -> str:
        out = []
        if item.help:
            out.append(
                f'<p class="checklist-help" id="{self.fid(item, "-help")}">{escape(item.help)}</p>'
            )
        hint = self._constraint(item)
        if hint:
            out.append(
                f'<p class="checklist-hint" id="{self.fid(item, "-hint")}">{escape(hint)}</p>'
            )
        if item.visible_if is not None:
            out.append(
                f'<p class="checklist-condition" id="{self.fid(item, "-cond")}">{escape(self._condition_text(item.visible_if))}</p>'
            )
        return "".join(out)

    def _screened(self, item: Item) -> bool:
        return self.guarded and item.kind == "text" and item.guard

    def _scoring_attrs(self, points: Mapping[str, float], score: float | None = None) -> str:
        """Tally points and weighted scores of a choice (or of a checkbox), for the script."""
        if self.scoring is None:
            return ""
        out = f' data-points="{_attr(dict(points))}"' if points else ""
        if score is not None:
            out += f' data-score="{_attr(score)}"'
        return out

    def _choice_attrs(self, choice: Choice) -> str:
        return self._scoring_attrs(choice.points, choice.score)

    def _constraint(self, item: Item) -> str:
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

    def _condition_text(self, condition: Condition) -> str:
        target = self.c.item(condition.item)
        label = target.label if target else condition.item
        if condition.answered is not None:
            return self.t["shown_if_answered"].format(label=label)
        values = condition.any_of if condition.any_of is not None else (condition.equals,)
        shown = []
        for value in values:
            if isinstance(value, bool):
                shown.append(self.t["yes"] if value else self.t["no"])
            else:
                shown.append((target.choice_label(value) if target else None) or str(value))
        return self.t["shown_if"].format(label=label, value=" / ".join(shown))

    def item(self, item: Item) -> str:
        kind = item.kind
        fid = self.fid(item)
        name = _attr(item.id)
        req = " required" if item.required else ""
        if kind == "note":
            body = f'<p class="checklist-note-label"><span class="checklist-note-kicker">{escape(self.t["note"])}</span> {escape(item.label)}</p>'
            if item.help:
                body += f'<p class="checklist-help">{escape(item.help)}</p>'
            return self._wrapper(item, "div") + body + "</div>"
        if kind == "checkbox":
            return (
                self._wrapper(item, "div")
                + f'<input type="checkbox" id="{fid}" name="{name}" value="true"{req}'
                + f"{self._scoring_attrs(item.points)}{self._describedby(item)}>"
                + f' <label for="{fid}">{self._label_text(item)}</label>'
                + self._extras(item)
                + "</div>"
            )
        if kind in ("text", "number", "date") or (
            kind == "single_choice" and item.display == "select"
        ):
            control = self._control(item, fid, name, req)
            unit = (
                f' <span class="checklist-unit">{escape(item.unit)}</span>'
                if kind == "number" and item.unit
                else ""
            )
            findings = (
                f'<div class="checklist-findings" id="{self.fid(item, "-findings")}" aria-live="polite"></div>'
                if self._screened(item)
                else ""
            )
            return (
                self._wrapper(item, "div")
                + f'<label class="checklist-label" for="{fid}">{self._label_text(item)}</label>'
                + self._extras(item)
                + f'<div class="checklist-control">{control}{unit}</div>'
                + findings
                + "</div>"
            )
        # Radios and checkbox groups: a fieldset whose legend is the question.
        out = [self._wrapper(item, "fieldset")]
        out.append(f'<legend class="checklist-label">{self._label_text(item)}</legend>')
        out.append(self._extras(item))
        described = self._describedby(item)
        if kind == "rating":
            out.append('<table class="checklist-anchors">')
            out.append(
                f'<thead><tr><th scope="col">{escape(self.t["level"])}</th>'
                f'<th scope="col">{escape(self.t["anchor"])}</th></tr></thead><tbody>'
            )
            for level in item.levels:
                oid = f"{fid}-{level.value}"
                out.append(
                    f'<tr><th scope="row"><input type="radio" id="{oid}" name="{name}" value="{level.value}"{req}{described}>'
                    f' <label for="{oid}">{level.value} — {escape(level.label)}</label></th>'
                    f"<td>{escape(level.anchor)}</td></tr>"
                )
            out.append("</tbody></table>")
        else:
            input_type = "radio" if kind == "single_choice" else "checkbox"
            out.append('<ul class="checklist-choices">')
            for choice in item.choices:
                oid = f"{fid}-{choice.value}"
                help_html = ""
                if choice.help:
                    help_html = f' <span class="checklist-choice-help">{escape(choice.help)}</span>'
                out.append(
                    f'<li><input type="{input_type}" id="{oid}" name="{name}" value="{_attr(choice.value)}"'
                    f"{req if input_type == 'radio' else ''}{self._choice_attrs(choice)}{described}>"
                    f' <label for="{oid}">{escape(choice.label)}</label>{help_html}</li>'
                )
            out.append("</ul>")
        out.append("</fieldset>")
        return "".join(out)

    def _control(self, item: Item, fid: str, name: str, req: str) -> str:
        described = self._describedby(item)
        if item.kind == "single_choice":
            options = [f'<option value="">{escape(self.t["choose"])}</option>']
            options += [
                f'<option value="{_attr(c.value)}"{self._choice_attrs(c)}>{escape(c.label)}</option>'
                for c in item.choices
            ]
            return f'<select id="{fid}" name="{name}"{req}{described}>{"".join(options)}</select>'
        if item.kind == "text":
            extra = f' placeholder="{_attr(item.placeholder)}"' if item.placeholder else ""
            if self.guarded and not item.guard:
                extra += ' data-guard="false"'  # opted out of the guard (names, addresses)
            if item.multiline:
                return (
                    f'<textarea id="{fid}" name="{name}" rows="4" maxlength="{item.text_max_length}"'
                    f"{extra}{req}{described}></textarea>"
                )
            return (
                f'<input type="text" id="{fid}" name="{name}" maxlength="{item.text_max_length}"'
                f"{extra}{req}{described}>"
            )
        if item.kind == "number":
            bounds = ""
            if item.min is not None:
                bounds += f' min="{_num(item.min)}"'
            if item.max is not None:
                bounds += f' max="{_num(item.max)}"'
            step = _num(item.step) if item.step else "any"
            return f'<input type="number" id="{fid}" name="{name}" step="{step}"{bounds}{req}{described}>'
        return f'<input type="date" id="{fid}" name="{name}"{req}{described}>'


def _condition_dict(condition: Condition) -> dict[str, Any]:
    out: dict[str, Any] = {"item": condition.item}
    if condition.answered is not None:
        out["answered"] = condition.answered
    elif condition.any_of is not None:
        out["any_of"] = list(condition.any_of)
    else:
        out["equals"] = condition.equals
    return out


def render_checklist(checklist: Checklist, links: Links) -> str:
    return _Renderer(checklist, links).render()
