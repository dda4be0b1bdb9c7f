"""Several filled forms of one scored checklist, ranked side by side (``compare``)."""

from __future__ import annotations

from typing import Any

from checklist_forms.core.markup import md_text
from checklist_forms.core.model import Checklist
from checklist_forms.core.score import evaluate, thresholds
from checklist_forms.i18n.numbers import decimal
from checklist_forms.i18n.translate import N_, labelled, translate_all
from checklist_forms.i18n.ui_text import ui
from checklist_forms.intake.forms import LoadedForm
from checklist_forms.intake.report import cell
from checklist_forms.intake.validate import Validator

# The comparison's words, by key; English is the gettext message (i18n/locales/ has the rest).
WORDS: dict[str, str] = {
    "title": N_("{title} — comparison"),
    "candidate": N_("Candidate"),
    "score": N_("Score"),
    "outcome": N_("Recommendation"),
    "invalid": N_("(invalid form)"),
    "must_have": N_(
        "✗: essential criterion below the required level; these candidates rank after the others."
    ),
    "incomplete_note": N_(
        "Incomplete evaluations (an essential or required criterion is not rated yet) come last."
    ),
}


class CompareError(Exception):
    pass


def _rank_key(row: dict[str, Any]) -> tuple[int, float, str]:
    """Results by score, then those failing an essential criterion, then unfinished ones."""
    verdict = row["verdict"]
    failed = 2 if not verdict["complete"] else 1 if verdict.get("must_have_failed") else 0
    if verdict["method"] == "weighted":
        value = verdict["score"] if verdict["score"] is not None else -1.0
    else:
        value = max(verdict["totals"].values(), default=0)
    return (failed, -value, row["name"])


def compare_forms(
    validator: Validator, forms: list[LoadedForm], name_item: str | None = None
) -> str:
    if len(forms) < 2:
        raise CompareError("compare needs at least two forms")
    checklist: Checklist | None = None
    rows: list[dict[str, Any]] = []
    for form in forms:
        _, _, this = validator.resolve(form)
        if checklist is None:
            checklist = this
        elif (this.id, this.version) != (checklist.id, checklist.version):
            raise CompareError(
                f"{form.path} is a form of {this.id} {this.version}, the others of {checklist.id} {checklist.version}"
            )
        if this.scoring is None:
            raise CompareError(f"checklist {this.id} declares no scoring: there is nothing to rank")
        result = validator.validate(form)
        answers = form.data.get("answers") if isinstance(form.data.get("answers"), dict) else {}
        assert isinstance(answers, dict)
        evaluated = evaluate(this, answers)
        assert evaluated is not None
        free = (i.id for i in this.answerable_items() if i.kind_rules.free_text)
        key = name_item or next(free, None)
        name = str(answers.get(key) or "").strip() if key else ""
        rows.append(
            {
                "name": name or form.path,
                "form": form,
                "verdict": evaluated,
                "valid": result.valid,
                "draft": form.data.get("status") != "final",
                "answers": answers,
            }
        )
    assert checklist is not None and checklist.scoring is not None
    outcomes = {o.id: o.label for o in checklist.scoring.outcomes}
    language = checklist.language
    w = translate_all(language, WORDS)
    t = ui(language)
    rows.sort(key=_rank_key)
    rated = [i for i in checklist.answerable_items() if i.kind_rules.compared]
    head = [
        "#",
        w["candidate"],
        w["score"],
        w["outcome"],
    ]
    head += [i.label for i in rated]
    lines = [f"# {w['title'].format(title=checklist.title)}", ""]
    lines.append("| " + " | ".join(cell(h) for h in head) + " |")
    lines.append("|" + " --- |" * len(head))
    for rank, row in enumerate(rows, 1):
        verdict = row["verdict"]
        if verdict["method"] == "weighted":
            score = "—" if verdict["score"] is None else decimal(language, verdict["score"])
        else:
            score = ", ".join(
                f"{outcomes[k]} {decimal(language, v)}" for k, v in verdict["totals"].items()
            )
        if not verdict["complete"]:
            outcome = t["incomplete"]
        else:
            outcome = outcomes.get(verdict["outcome"], "—") if verdict["outcome"] else "—"
        if not row["valid"]:
            outcome += f" {w['invalid']}"
        name = t["draft_title"].format(title=row["name"]) if row["draft"] else row["name"]
        cells = [str(rank), name, score, outcome]
        for item in rated:
            value = row["answers"].get(item.id)
            mark = " ✗" if item.id in verdict.get("must_have_failed", []) else ""
            cells.append(("—" if value is None else str(value)) + mark)
        lines.append("| " + " | ".join(cell(c) for c in cells) + " |")
    lines.append("")
    if checklist.scoring.method == "weighted":
        limits = " · ".join(thresholds(checklist, language))
        lines.append(labelled(language, t["thresholds"], md_text(limits)))
        lines.append("")
    if any(r["verdict"].get("must_have_failed") for r in rows):
        lines.append(w["must_have"])
        lines.append("")
    if any(not r["verdict"]["complete"] for r in rows):
        lines.append(w["incomplete_note"])
        lines.append("")
    return "\n".join(lines)
