"""Scores and recommendations declared in a checklist's ``scoring`` block.

Two methods, both described in the definition language (no Python per checklist):

- ``tally``: answers give points to named outcomes; the outcome with the most points is
  recommended (ties go to the outcome declared first), and flags name situations to
  watch whatever the outcome.
- ``weighted``: rated answers make a weighted score out of 100; the first outcome whose
  ``min`` the score reaches is recommended, unless an item's ``must_have`` level is not
  met, in which case the outcome marked ``when_must_have_fails`` is. The evaluation is
  complete, and only then gives a score and an outcome, once every visible criterion that
  is essential (``must_have``) or required for a final form is rated; until then
  ``to_rate`` lists those still to rate, so no half-filled grid reads as a result.

The browser form (``checklist-rules.js``) implements the same rules; both run the
conformance cases (tests/conformance/) and the fixture forms and must agree exactly, so
the arithmetic here is kept to operations that JavaScript performs identically (sums in
item order, one division, and rounding to one decimal as ``floor(x * 10 + 0.5) / 10``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from checklist_forms.core.markup import md_text
from checklist_forms.core.model import Answer, Checklist, Item
from checklist_forms.i18n.numbers import decimal
from checklist_forms.i18n.translate import labelled, translator
from checklist_forms.i18n.ui_text import ui


def round1(value: float) -> float:
    """Round half up to one decimal, exactly as the browser does."""
    return math.floor(value * 10 + 0.5) / 10


def _tally(checklist: Checklist, answers: Mapping[str, Answer]) -> dict[str, Any]:
    assert checklist.scoring is not None
    totals: dict[str, float] = {o.id: 0 for o in checklist.scoring.outcomes}
    reasons: list[dict[str, Any]] = []
    for item in checklist.answerable_items():
        if not checklist.is_visible(item, answers):
            continue
        value = answers.get(item.id)
        gained = item.kind_rules.tally_points(item, value)
        gained = {k: v for k, v in gained.items() if v and k in totals}
        if not gained:
            continue
        for outcome, points in gained.items():
            totals[outcome] += points
        reasons.append({"item": item.id, "value": value, "points": dict(sorted(gained.items()))})
    best: str | None = None
    for candidate in checklist.scoring.outcomes:
        if totals[candidate.id] > 0 and (best is None or totals[candidate.id] > totals[best]):
            best = candidate.id
    return {
        "method": "tally",
        "totals": totals,
        "outcome": best,
        "complete": True,
        "to_rate": [],
        "reasons": reasons,
    }


def max_value(item: Item) -> float | None:
    return item.kind_rules.max_score(item)


def _weighted(checklist: Checklist, answers: Mapping[str, Answer]) -> dict[str, Any]:
    assert checklist.scoring is not None
    earned = 0.0
    possible = 0.0
    rated = 0
    scored = 0
    reasons: list[dict[str, Any]] = []
    failed: list[str] = []
    to_rate: list[str] = []
    for item in checklist.answerable_items():
        top = max_value(item)
        if top is None or not checklist.is_visible(item, answers):
            continue
        scored += 1
        raw = answers.get(item.id)
        if not item.answered(raw):
            if item.must_have is not None or item.required:
                to_rate.append(item.id)
            continue
        value = item.kind_rules.score_value(item, raw)
        # An answer that carries no score (a choice without one) cannot meet a level.
        if item.must_have is not None and (value is None or value < item.must_have):
            failed.append(item.id)
        if value is None:
            continue
        weight = 1.0 if item.weight is None else float(item.weight)
        rated += 1
        earned += weight * value
        possible += weight * top
        reasons.append(
            {"item": item.id, "value": answers.get(item.id), "weight": weight, "max": top}
        )
    # Finite values can still add up past the largest float (two answers of 1e308).
    ratio = earned / possible * 100 if possible > 0 else math.nan
    # Nothing rated is no result either, even where no criterion is required.
    complete = rated > 0 and not to_rate
    score = round1(ratio) if complete and math.isfinite(ratio) else None
    outcome: str | None = None
    if complete and failed:
        outcome = next((o.id for o in checklist.scoring.outcomes if o.when_must_have_fails), None)
    if outcome is None and score is not None:
        for candidate in checklist.scoring.outcomes:
            if (
                candidate.min is not None
                and not candidate.when_must_have_fails
                and score >= candidate.min
            ):
                outcome = candidate.id
                break
    return {
        "method": "weighted",
        "score": score,
        "rated": rated,
        "scored_items": scored,
        "must_have_failed": failed,
        "outcome": outcome,
        "complete": complete,
        "to_rate": to_rate,
        "reasons": reasons,
    }


def evaluate(checklist: Checklist, answers: Mapping[str, Answer]) -> dict[str, Any] | None:
    """The checklist's verdict on these answers, or None when it declares no scoring."""
    if checklist.scoring is None:
        return None
    if checklist.scoring.method == "tally":
        result = _tally(checklist, answers)
    else:
        result = _weighted(checklist, answers)
    result["flags"] = [
        f.id for f in checklist.scoring.flags if f.when.holds(answers.get(f.when.item))
    ]
    return result


def score_text(language: str, score: float | None) -> str:
    """A weighted score as its reader writes numbers (« 87,5 / 100 »); a dash for none."""
    return "—" if score is None else f"{decimal(language, score)} / 100"


def thresholds(checklist: Checklist, language: str) -> list[str]:
    """What each outcome of a weighted score needs (« À retenir à partir de 75 »)."""
    assert checklist.scoring is not None
    t = ui(language)
    out: list[str] = []
    for outcome in checklist.scoring.outcomes:
        if outcome.when_must_have_fails:
            out.append(t["threshold_must_have"].format(outcome=outcome.label))
        elif outcome.min is not None:
            out.append(
                t["threshold"].format(outcome=outcome.label, min=decimal(language, outcome.min))
            )
    return out


def describe(
    checklist: Checklist, result: Mapping[str, Any], language: str, draft: bool = False
) -> list[str]:
    """Markdown lines for a report: outcome, score, thresholds, flags, what counted.

    An incomplete evaluation says so in place of an outcome and names what is left to
    rate; a draft form's result is titled as a draft's.
    """
    assert checklist.scoring is not None
    t = ui(language)
    result_title = translator(language).gettext("Result")
    if draft:
        result_title = t["draft_title"].format(title=result_title)
    outcomes = {o.id: o for o in checklist.scoring.outcomes}
    lines = [f"## {result_title}", ""]
    outcome = outcomes.get(result["outcome"]) if result.get("outcome") else None
    if not result["complete"]:
        label = t["incomplete"]
    else:
        label = md_text(outcome.label) if outcome else t["no_outcome"]
    lines.append(f"- {labelled(language, t['outcome'], f'**{label}**')}")
    if outcome and outcome.help:
        lines.append(f"  ({md_text(outcome.help)})")
    if result["to_rate"]:
        names = ", ".join(md_text(_label(checklist, i)) for i in result["to_rate"])
        lines.append(f"- {labelled(language, t['to_rate'], names)}")
    if result["method"] == "weighted":
        score = score_text(language, result["score"])
        rated = t["rated"].format(rated=result["rated"], total=result["scored_items"])
        lines.append(f"- {labelled(language, t['score'], f'{score} ({rated})')}")
        limits = " · ".join(md_text(x) for x in thresholds(checklist, language))
        if limits:
            lines.append(f"- {labelled(language, t['thresholds'], limits)}")
        for item_id in result["must_have_failed"]:
            item = checklist.item(item_id)
            assert item is not None and item.must_have is not None
            need = decimal(language, item.must_have)
            lines.append(f"- {t['must_have'].format(label=md_text(item.label), level=need)}")
    else:
        labels = ", ".join(
            f"{md_text(outcomes[k].label)} {decimal(language, v)}"
            for k, v in result["totals"].items()
        )
        lines.append(f"- {labelled(language, t['points'], labels)}")
    for flag_id in result["flags"]:
        flag = next(f for f in checklist.scoring.flags if f.id == flag_id)
        lines.append(f"- ⚠ {md_text(flag.label)}")
    if result["reasons"]:
        lines.append("")
        lines.append(f"### {t['reasons']}")
        lines.append("")
        for reason in result["reasons"]:
            item = checklist.item(reason["item"])
            assert item is not None
            answer = md_text(_answer_label(item, reason["value"], t))
            if result["method"] == "tally":
                gained = ", ".join(
                    f"{md_text(outcomes[k].label)} +{decimal(language, v)}"
                    for k, v in reason["points"].items()
                )
                lines.append(f"- {labelled(language, f'{md_text(item.label)} → {answer}', gained)}")
            else:
                weight = decimal(language, reason["weight"])
                lines.append(f"- {md_text(item.label)} → {answer} (× {weight})")
    lines.append("")
    return lines


def _label(checklist: Checklist, item_id: str) -> str:
    item = checklist.item(item_id)
    return item.label if item is not None else item_id


def _answer_label(item: Item, value: Answer, t: Mapping[str, str]) -> str:
    return item.kind_rules.reason_text(item, value, t)
