"""The panel view as Markdown, and the words every panel output shares."""

from __future__ import annotations

from checklist_forms.core.markup import md_text
from checklist_forms.core.score import thresholds
from checklist_forms.i18n.later import shown
from checklist_forms.i18n.numbers import decimal
from checklist_forms.i18n.translate import N_, labelled, translate_all
from checklist_forms.i18n.ui_text import ui
from checklist_forms.intake.panel import Candidate, Panel
from checklist_forms.intake.report import cell

# The panel's words, by key; English is the gettext message (i18n/locales/ has the rest).
WORDS: dict[str, str] = {
    "title": N_("{title} — panel view"),
    "recruitment": N_("Recruitment {reference}"),
    "no_reference": N_("(no recruitment reference)"),
    "recruitment_column": N_("Recruitment"),
    "rating": N_("Rating"),
    "rank": N_("Rank"),
    "candidate": N_("Candidate"),
    "evaluators": N_("Evaluators"),
    "mean": N_("Mean score"),
    "minimum": N_("Lowest"),
    "maximum": N_("Highest"),
    "outcome": N_("Recommendation"),
    "criterion": N_("Criterion"),
    "spread": N_("Spread"),
    "incomplete": N_("incomplete"),
    "calibration": N_("To discuss in calibration"),
    "calibration_none": N_("No criterion differs by two levels or more."),
    "must_have": N_("Essential criteria below the required level"),
    "failed_by": N_("{criterion}: below {level} for {evaluators}"),
    "drafts_left_out": N_("Drafts left out (pass --include-drafts to count them)"),
    "drafts_counted": N_("Drafts counted (--include-drafts)"),
    "skipped": N_("Files skipped"),
    "incomplete_note": N_(
        "Incomplete: a grid is a draft, invalid or has unrated criteria; not ranked."
    ),
}


def words(panel: Panel) -> dict[str, str]:
    return translate_all(panel.checklist.language, WORDS)


def number(panel: Panel, value: float | None) -> str:
    """A score or rating as a reader of the panel's language writes it (« 76,3 »)."""
    return "—" if value is None else decimal(panel.checklist.language, value)


def recruitment_title(panel: Panel, recruitment: str) -> str:
    w = words(panel)
    return w["recruitment"].format(reference=recruitment) if recruitment else w["no_reference"]


def outcome_label(panel: Panel, candidate: Candidate) -> str:
    assert panel.checklist.scoring is not None
    labels = {o.id: o.label for o in panel.checklist.scoring.outcomes}
    label = labels.get(candidate.outcome or "", "—")
    if not candidate.complete:
        label += f" ({words(panel)['incomplete']})"
    return label


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(head), "|" + " --- |" * len(head), *(_row(r) for r in rows), ""]


def _candidate_lines(panel: Panel, candidate: Candidate) -> list[str]:
    w = words(panel)
    lines = [f"### {cell(candidate.name)}", ""]
    head = [w["criterion"], *candidate.evaluators, w["spread"]]
    rows = [
        [
            c.item.label,
            *(number(panel, c.ratings.get(e)) for e in candidate.evaluators),
            number(panel, c.spread),
        ]
        for c in candidate.criteria
    ]
    lines += _table(head, rows)
    if candidate.must_have_failures:
        lines += [f"**{w['must_have']}**", ""]
        for criterion in candidate.criteria:
            if criterion.failed_by:
                text = w["failed_by"].format(
                    criterion=criterion.item.label,
                    level=number(panel, criterion.item.must_have),
                    evaluators=", ".join(criterion.failed_by),
                )
                lines.append(f"- {cell(text)}")
        lines.append("")
    return lines


def render_markdown(panel: Panel) -> str:
    w = words(panel)
    lines = [f"# {cell(w['title'].format(title=panel.checklist.title))}", ""]
    for recruitment in panel.recruitments():
        lines += [f"## {cell(recruitment_title(panel, recruitment))}", ""]
        head = [
            w["rank"],
            w["candidate"],
            w["evaluators"],
            w["mean"],
            w["minimum"],
            w["maximum"],
            w["outcome"],
        ]
        rows = [
            [
                str(c.rank) if c.rank else "—",
                c.name,
                ", ".join(c.evaluators),
                number(panel, c.mean),
                number(panel, c.minimum),
                number(panel, c.maximum),
                outcome_label(panel, c),
            ]
            for c in panel.of(recruitment)
        ]
        lines += _table(head, rows)
        if any(not c.complete for c in panel.of(recruitment)):
            lines += [w["incomplete_note"], ""]
        limits = " · ".join(thresholds(panel.checklist, panel.checklist.language))
        lines += [
            labelled(
                panel.checklist.language,
                ui(panel.checklist.language)["thresholds"],
                md_text(limits),
            ),
            "",
        ]
        lines += [f"**{w['calibration']}**", ""]
        calibration = [(c, k) for c in panel.of(recruitment) for k in c.calibration]
        for candidate, criterion in calibration:
            ratings = ", ".join(
                f"{e} {number(panel, v)}" for e, v in criterion.ratings.items() if v is not None
            )
            label = f"{candidate.name} — {criterion.item.label}"
            lines.append(f"- {cell(labelled(panel.checklist.language, label, ratings))}")
        if not calibration:
            lines.append(w["calibration_none"])
        lines.append("")
        for candidate in panel.of(recruitment):
            lines += _candidate_lines(panel, candidate)
    lines += _notes(panel)
    return "\n".join(lines)


def _notes(panel: Panel) -> list[str]:
    w = words(panel)
    lines: list[str] = []
    if panel.drafts:
        title = w["drafts_counted"] if panel.include_drafts else w["drafts_left_out"]
        lines += [f"**{title}**", ""]
        lines += [
            f"- {cell(g.path)} ({cell(g.candidate)}, {cell(g.evaluator)})" for g in panel.drafts
        ]
        lines.append("")
    if panel.skipped:
        lines += [f"**{w['skipped']}**", ""]
        language = panel.checklist.language
        lines += [
            f"- {cell(labelled(language, path, shown(why, language)))}"
            for path, why in panel.skipped
        ]
        lines.append("")
    return lines
