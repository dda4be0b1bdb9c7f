"""Monthly reports over time (``trends``): one self-contained page of indicator trends.

A folder of filled monthly reports ("bilan-mensuel") becomes one page: per numeric
indicator (``number`` and ``rating`` items) a line chart over the months with its data
table, then the months' choices side by side. The month of a report is the month of its
first date item (the period's first day). Drafts and other checklists' forms are left
out with a note; two reports of one month are both noted and the first (by file name)
kept, since averaging two versions of one month would invent a figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from checklist_forms.core.model import Checklist, Item
from checklist_forms.core.versions import version_key
from checklist_forms.i18n.later import Later, shown
from checklist_forms.i18n.translate import N_, labelled, translate_all
from checklist_forms.intake.forms import FormError, LoadedForm
from checklist_forms.intake.offline_page import data_table, offline_page
from checklist_forms.intake.panel import read_inputs
from checklist_forms.intake.validate import Validator
from checklist_forms.publish.svg_chart import line_plot, nice_scale

WORDS: dict[str, str] = {
    "title": N_("{title} — trends over the months"),
    "month": N_("Month"),
    "data": N_("Data of the chart above"),
    "chart": N_("{indicator} by month"),
    "chart_desc": N_("A line over the months, one point per report: {summary}."),
    "choices": N_("Answers by month"),
    "left_out": N_("Files left out"),
    "draft": N_("a draft"),
    "no_month": N_("no date to place it in a month"),
    "same_month": N_("a second report for {month}"),
    "other_checklist": N_("a form of {checklist}, not of {kept}"),
}


class TrendsError(Exception):
    """No usable monthly report among the inputs."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message  # a Later: shown in the reader's language


@dataclass
class Trends:
    checklist: Checklist
    months: list[str]
    answers: dict[str, dict[str, Any]]  # month -> answers
    left_out: list[tuple[str, str]] = field(default_factory=list)
    # Every file the inputs hold: the page must never replace one of them.
    sources: list[Path] = field(default_factory=list)

    def indicators(self) -> list[Item]:
        return [i for i in self.checklist.answerable_items() if i.kind in ("number", "rating")]

    def choice_items(self) -> list[Item]:
        return [i for i in self.checklist.answerable_items() if i.choices]


def _month(checklist: Checklist, answers: dict[str, Any]) -> str:
    first_date = next((i.id for i in checklist.answerable_items() if i.kind == "date"), "")
    value = answers.get(first_date)
    return value[:7] if isinstance(value, str) and len(value) >= 7 else ""


def build_trends(
    validator: Validator, inputs: Iterable[Path], *, recursive: bool = False
) -> Trends:
    inputs = list(inputs)
    loaded, skipped, paths = read_inputs(inputs, recursive)
    notes: list[tuple[str, str, dict[str, str]]] = list(skipped)
    forms: list[tuple[LoadedForm, Checklist]] = []
    for form in loaded:
        try:
            _, _, checklist = validator.resolve(form)
        except FormError as exc:
            notes.append((form.path, "as_is", {"text": exc.message}))
            continue
        forms.append((form, checklist))
    counts = Counter(c.id for _, c in forms)
    if not counts:
        raise TrendsError(Later(N_("no filled checklist form among the inputs")))
    kept_id = min(counts, key=lambda key: (-counts[key], key))
    checklist = max((c for _, c in forms if c.id == kept_id), key=lambda c: version_key(c.version))
    months: dict[str, dict[str, Any]] = {}
    for form, this in forms:
        raw = form.data.get("answers")
        answers: dict[str, Any] = raw if isinstance(raw, dict) else {}
        month = _month(this, answers)
        if this.id != kept_id:
            notes.append((form.path, "other_checklist", {"checklist": this.id, "kept": kept_id}))
        elif form.data.get("status") != "final":
            notes.append((form.path, "draft", {}))
        elif not month:
            notes.append((form.path, "no_month", {}))
        elif month in months:
            notes.append((form.path, "same_month", {"month": month}))
        else:
            months[month] = answers
    if not months:
        raise TrendsError(
            Later(
                N_("no final report of {checklist} with a date among the inputs"), checklist=kept_id
            )
        )
    w = translate_all(checklist.language, WORDS)
    left_out = [
        # "as_is": the reader's own message (a Later), shown in the page's language.
        (
            path,
            shown(fields["text"], checklist.language)
            if key == "as_is"
            else w[key].format(**fields),
        )
        for path, key, fields in notes
    ]
    ordered = sorted(months)
    sources = [*paths, *(Path(p) for p, _, _ in skipped), *inputs]
    return Trends(checklist, ordered, {m: months[m] for m in ordered}, left_out, sources)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _shown(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _choice_label(item: Item, value: Any) -> str:
    labels = {c.value: c.label for c in item.choices}
    if isinstance(value, list):
        return ", ".join(labels.get(v, str(v)) for v in value) or "—"
    return labels.get(value, "—") if value is not None else "—"


def render_trends_html(trends: Trends) -> str:
    language = trends.checklist.language
    w = translate_all(language, WORDS)
    title = w["title"].format(title=trends.checklist.title)
    body = [f"<h1>{escape(title)}</h1>"]
    for n, item in enumerate(trends.indicators(), 1):
        values = [_number(trends.answers[m].get(item.id)) for m in trends.months]
        name = f"{item.label} ({item.unit})" if item.unit else item.label
        summary = ", ".join(
            labelled(language, m, _shown(v)) for m, v in zip(trends.months, values, strict=True)
        )
        chart_title = w["chart"].format(indicator=name)
        svg = line_plot(
            f"trend-{n}",
            chart_title,
            w["chart_desc"].format(summary=summary),
            trends.months,
            [item.label],
            [values],
            nice_scale([v for v in values if v is not None]),
        )
        body.append(f"<section><h2>{escape(name)}</h2><figure>{svg}")
        body.append(f"<figcaption>{escape(chart_title)}</figcaption></figure>")
        rows = [[m, _shown(v)] for m, v in zip(trends.months, values, strict=True)]
        body.append(data_table(w["data"], [w["month"], item.unit or item.label], rows, {1}))
        body.append("</section>")
    choice_items = trends.choice_items()
    if choice_items:
        rows = [
            [m, *(_choice_label(i, trends.answers[m].get(i.id)) for i in choice_items)]
            for m in trends.months
        ]
        body.append(f"<section><h2>{escape(w['choices'])}</h2>")
        head = [w["month"], *(i.label for i in choice_items)]
        body.append(data_table(w["choices"], head, rows))
        body.append("</section>")
    if trends.left_out:
        body.append(f"<section><h2>{escape(w['left_out'])}</h2><ul>")
        body += [f"<li>{escape(labelled(language, p, why))}</li>" for p, why in trends.left_out]
        body.append("</ul></section>")
    return offline_page(language, title, body)
