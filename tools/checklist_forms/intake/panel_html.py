"""The panel view as one self-contained HTML page: tables, and SVG charts beside them.

The page must work offline from a shared folder or an e-mail attachment, so it holds
everything it needs: inline CSS, inline SVG, no script, no font, no link to fetch.
Every text comes from the forms and is escaped.
"""

from __future__ import annotations

from html import escape

from checklist_forms.i18n.later import shown
from checklist_forms.i18n.translate import N_, labelled, translate_all
from checklist_forms.intake.offline_page import data_table, offline_page
from checklist_forms.intake.panel import Candidate, Panel
from checklist_forms.intake.panel_text import (
    number,
    outcome_label,
    recruitment_title,
    words,
)
from checklist_forms.publish.svg_chart import Scale, dot_plot, range_plot

CHART_WORDS: dict[str, str] = {
    "score_chart": N_("Scores of the candidates: lowest, mean and highest"),
    "score_desc": N_(
        "For each candidate, a bar runs from the lowest to the highest evaluator's score "
        "out of 100, with a mark at the mean: {summary}."
    ),
    "profile_chart": N_("Ratings of {candidate} by criterion and evaluator"),
    "profile_desc": N_(
        "For each criterion, one mark per evaluator on the rating scale, joined by a line "
        "from the lowest to the highest rating: {summary}."
    ),
    "data": N_("Data of the chart above"),
}


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


def _scores(panel: Panel, recruitment: str, ident: str) -> str:
    w, c = words(panel), translate_all(panel.checklist.language, CHART_WORDS)
    candidates = panel.of(recruitment)
    summary = "; ".join(
        f"{x.name} {number(panel, x.minimum)}–{number(panel, x.mean)}–{number(panel, x.maximum)}"
        for x in candidates
    )
    ranges = [
        (x.minimum, x.mean, x.maximum)
        if x.minimum is not None and x.mean is not None and x.maximum is not None
        else None
        for x in candidates
    ]
    svg = range_plot(
        ident,
        c["score_chart"],
        c["score_desc"].format(summary=summary),
        [x.name for x in candidates],
        ranges,
        Scale(0, 100, (0, 25, 50, 75, 100)),
    )
    head = [w["candidate"], w["minimum"], w["mean"], w["maximum"], w["outcome"]]
    rows = [
        [
            x.name,
            number(panel, x.minimum),
            number(panel, x.mean),
            number(panel, x.maximum),
            outcome_label(panel, x),
        ]
        for x in candidates
    ]
    return _figure(svg, c["score_chart"]) + data_table(c["data"], head, rows, {1, 2, 3})


def _profile(panel: Panel, candidate: Candidate, ident: str) -> str:
    w, c = words(panel), translate_all(panel.checklist.language, CHART_WORDS)
    levels = sorted({lv.value for k in candidate.criteria for lv in k.item.levels}) or [1]
    scale = Scale(levels[0], levels[-1], tuple(float(v) for v in levels))
    summary = "; ".join(
        f"{k.item.label} "
        + ", ".join(f"{e} {number(panel, v)}" for e, v in k.ratings.items() if v is not None)
        for k in candidate.criteria
    )
    title = c["profile_chart"].format(candidate=candidate.name)
    svg = dot_plot(
        ident,
        title,
        c["profile_desc"].format(summary=summary),
        [k.item.label for k in candidate.criteria],
        candidate.evaluators,
        [[k.ratings.get(e) for e in candidate.evaluators] for k in candidate.criteria],
        scale,
    )
    head = [w["criterion"], *candidate.evaluators, w["spread"]]
    rows = [
        [
            k.item.label,
            *(number(panel, k.ratings.get(e)) for e in candidate.evaluators),
            number(panel, k.spread),
        ]
        for k in candidate.criteria
    ]
    numeric = set(range(1, len(head)))
    return _figure(svg, title) + data_table(c["data"], head, rows, numeric)


def _candidate(panel: Panel, candidate: Candidate, ident: str) -> str:
    w = words(panel)
    parts = [f"<section><h3>{escape(candidate.name)}</h3>", _profile(panel, candidate, ident)]
    if candidate.must_have_failures:
        parts.append(f"<p><strong>{escape(w['must_have'])}</strong></p><ul>")
        for k in candidate.criteria:
            if k.failed_by:
                text = w["failed_by"].format(
                    criterion=k.item.label,
                    level=number(panel, k.item.must_have),
                    evaluators=", ".join(k.failed_by),
                )
                parts.append(f"<li>{escape(text)}</li>")
        parts.append("</ul>")
    parts.append("</section>")
    return "".join(parts)


def render_html(panel: Panel) -> str:
    w = words(panel)
    title = w["title"].format(title=panel.checklist.title)
    body = [f"<h1>{escape(title)}</h1>"]
    for n, recruitment in enumerate(panel.recruitments(), 1):
        candidates = panel.of(recruitment)
        body.append(f"<section><h2>{escape(recruitment_title(panel, recruitment))}</h2>")
        head = [w["candidate"], w["rank"], w["evaluators"], w["outcome"]]
        rows = [
            [
                x.name,
                str(x.rank) if x.rank else "—",
                ", ".join(x.evaluators),
                outcome_label(panel, x),
            ]
            for x in candidates
        ]
        body.append(data_table(w["recruitment"].format(reference=recruitment), head, rows, {1}))
        if any(not x.complete for x in candidates):
            body.append(f"<p>{escape(w['incomplete_note'])}</p>")
        body.append(_scores(panel, recruitment, f"scores-{n}"))
        body.append(f"<h3>{escape(w['calibration'])}</h3>")
        calibration = [(x, k) for x in candidates for k in x.calibration]
        if calibration:
            body.append("<ul>")
            for x, k in calibration:
                ratings = ", ".join(
                    f"{e} {number(panel, v)}" for e, v in k.ratings.items() if v is not None
                )
                line = labelled(panel.checklist.language, f"{x.name} — {k.item.label}", ratings)
                body.append(f"<li>{escape(line)}</li>")
            body.append("</ul>")
        else:
            body.append(f"<p>{escape(w['calibration_none'])}</p>")
        for m, candidate in enumerate(candidates, 1):
            body.append(_candidate(panel, candidate, f"profile-{n}-{m}"))
        body.append("</section>")
    body += _notes(panel)
    return offline_page(panel.checklist.language, title, body)


def _notes(panel: Panel) -> list[str]:
    w = words(panel)
    parts: list[str] = []
    if panel.drafts:
        heading = w["drafts_counted"] if panel.include_drafts else w["drafts_left_out"]
        parts.append(f"<section><h2>{escape(heading)}</h2><ul>")
        parts += [
            f"<li>{escape(g.path)} ({escape(g.candidate)}, {escape(g.evaluator)})</li>"
            for g in panel.drafts
        ]
        parts.append("</ul></section>")
    if panel.skipped:
        parts.append(f"<section><h2>{escape(w['skipped'])}</h2><ul>")
        language = panel.checklist.language
        parts += [
            f"<li>{escape(labelled(language, path, shown(why, language)))}</li>"
            for path, why in panel.skipped
        ]
        parts.append("</ul></section>")
    return parts
