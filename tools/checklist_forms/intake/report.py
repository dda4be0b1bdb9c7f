"""A readable Markdown summary of a filled form, as an HR team would file it."""

from __future__ import annotations

from typing import Any

from checklist_forms.core.markup import md_cell, md_code, md_text
from checklist_forms.core.model import Checklist, Item, Section
from checklist_forms.i18n.later import shown
from checklist_forms.i18n.translate import N_, labelled, translate_all
from checklist_forms.i18n.ui_text import ui
from checklist_forms.intake.validate import Result


def _answer_text(item: Item, value: Any, language: str) -> str:
    return item.kind_rules.report_text(item, value, ui(language))


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell (no HTML, no Markdown, no column break)."""
    return md_cell(text)


# The report's words, by key; English is the gettext message (i18n/locales/ has the rest).
WORDS: dict[str, str] = {
    "status": N_("Status"),
    "answers": N_("Answers"),
    "question": N_("Question"),
    "answer": N_("Answer"),
    "missing": N_("Missing for a final form"),
    "complete": N_("Every required answer is given."),
    "errors": N_("Errors"),
    "hidden": N_("(hidden: its condition does not hold)"),
    "checklist": N_("Checklist"),
    "guard": N_("Non-discrimination guard"),
    "guard_help": N_(
        "These words may target a protected criterion; re-read them. Once checked, a justified "
        'finding is acknowledged by adding `"item:rule"` to the form\'s `acknowledged` list.'
    ),
    "acknowledged": N_("(acknowledged)"),
}


def answer_rows(
    checklist: Checklist, answers: dict[str, Any]
) -> list[tuple[Section, list[tuple[str, str]]]]:
    """Each section with its (question, answer as shown) rows; hidden items say so."""
    w = translate_all(checklist.language, WORDS)
    out = []
    for section in checklist.sections:
        rows = []
        for item in section.items:
            if not item.answerable:
                continue
            text = _answer_text(item, answers.get(item.id), checklist.language)
            if not checklist.is_visible(item, answers):
                text = f"{text} {w['hidden']}"
            rows.append((item.label, text))
        out.append((section, rows))
    return out


def render_report(
    checklist: Checklist, form: dict[str, Any], result: Result, extra: list[str] | None = None
) -> str:
    language = checklist.language
    w = translate_all(language, WORDS)
    answers = form.get("answers") if isinstance(form.get("answers"), dict) else {}
    assert isinstance(answers, dict)
    title = f"{md_text(checklist.title)} (v{md_text(checklist.version)})"
    if form.get("status") != "final":
        # Whatever the status says (draft, missing, garbled), only a final form is not one.
        title = ui(language)["draft_title"].format(title=title)
    lines = [f"# {title}", ""]
    lines.append(f"- {labelled(language, w['status'], md_text(str(form.get('status', '—'))))}")
    lines.append(f"- {labelled(language, w['checklist'], md_code(checklist.id))}")
    lines.append("")
    if extra:
        lines.extend(extra)
        lines.append("")
    if result.errors:
        lines.append(f"## {w['errors']}")
        lines.append("")
        for issue in result.errors:
            where = f"{md_code(issue.item)} ({md_text(issue.label)})" if issue.item else "form"
            lines.append(f"- {labelled(language, where, md_text(shown(issue.message, language)))}")
        lines.append("")
    for section, rows in answer_rows(checklist, answers):
        lines.append(f"## {md_text(section.title)}")
        lines.append("")
        lines.append(f"| {w['question']} | {w['answer']} |")
        lines.append("| --- | --- |")
        lines.extend(f"| {cell(question)} | {cell(text)} |" for question, text in rows)
        lines.append("")
    if result.findings:
        lines.append(f"## {w['guard']}")
        lines.append("")
        lines.append(w["guard_help"])
        lines.append("")
        for finding in result.findings:
            state = f" {w['acknowledged']}" if finding.acknowledged else ""
            where = f"{md_code(finding.key)} {cell(finding.label)}"
            message = md_text(finding.message(language))
            lines.append(f"- {labelled(language, where, message)}{state}")
        lines.append("")
    missing = checklist.missing_for_final(answers)
    lines.append(f"## {w['missing']}")
    lines.append("")
    if missing:
        lines.extend(f"- {md_code(item.id)} — {md_text(item.label)}" for item in missing)
    else:
        lines.append(w["complete"])
    return "\n".join(lines).rstrip() + "\n"
