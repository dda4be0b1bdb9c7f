"""Scores and recommendations declared in a checklist's ``scoring`` block.

Two methods, both described in the definition language (no Python per checklist):

- ``tally``: answers give points to named outcomes; the outcome with the most points is
  recommended (ties go to the outcome declared first), and flags name situations to
  watch whatever the outcome.
- ``weighted``: rated answers make a weighted score out of 100; the first outcome whose
  ``min`` the score reaches is recommended, unless an item's ``must_have`` level is not
  met, in which case the outcome marked ``when_must_have_fails`` is.

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
    return {"method": "tally", "totals": totals, "outcome": best, "reasons": reasons}


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
    for item in checklist.answerable_items():
        top = max_value(item)
        if top is None or not checklist.is_visible(item, answers):
            continue
        scored += 1
        value = item.kind_rules.score_value(item, answers.get(item.id))
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
    score = round1(ratio) if math.isfinite(ratio) else None
    outcome: str | None = None
    if failed:
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


def describe(checklist: Checklist, result: Mapping[str, Any], language: str) -> list[str]:
    """Markdown lines for a report: outcome, score, flags, and the answers that counted."""
    assert checklist.scoring is not None
    t = ui(language)
    result_title = translator(language).gettext("Result")
    outcomes = {o.id: o for o in checklist.scoring.outcomes}
    lines = [f"## {result_title}", ""]
    outcome = outcomes.get(result["outcome"]) if result.get("outcome") else None
    label = md_text(outcome.label) if outcome else t["no_outcome"]
    lines.append(f"- {labelled(language, t['outcome'], f'**{label}**')}")
    if outcome and outcome.help:
        lines.append(f"  ({md_text(outcome.help)})")
    if result["method"] == "weighted":
        score = "—" if result["score"] is None else f"{result['score']:g} / 100"
        rated = t["rated"].format(rated=result["rated"], total=result["scored_items"])
        lines.append(f"- {labelled(language, t['score'], f'{score} ({rated})')}")
        for item_id in result["must_have_failed"]:
            item = checklist.item(item_id)
            assert item is not None
            need = f"{item.must_have:g}"
            lines.append(f"- {t['must_have'].format(label=md_text(item.label), level=need)}")
    else:
        labels = ", ".join(
            f"{md_text(outcomes[k].label)} {v:g}" for k, v in result["totals"].items()
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
                    f"{md_text(outcomes[k].label)} +{v:g}" for k, v in reason["points"].items()
                )
                lines.append(f"- {labelled(language, f'{md_text(item.label)} → {answer}', gained)}")
            else:
                lines.append(f"- {md_text(item.label)} → {answer} (× {reason['weight']:g})")
    lines.append("")
    return lines


def _answer_label(item: Item, value: Answer, t: Mapping[str, str]) -> str:
    return item.kind_rules.reason_text(item, value, t)
