"""A readable Markdown summary of a filled form, as an HR team would file it."""

from __future__ import annotations

from typing import Any

from checklist_forms.core.model import Checklist, Item
from checklist_forms.i18n.translate import N_, labelled, translate_all
from checklist_forms.i18n.ui_text import ui
from checklist_forms.intake.validate import Result


def _answer_text(item: Item, value: Any, language: str) -> str:
    return item.kind_rules.report_text(item, value, ui(language))


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


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


def render_report(
    checklist: Checklist, form: dict[str, Any], result: Result, extra: list[str] | None = None
) -> str:
    language = checklist.language
    w = translate_all(language, WORDS)
    answers = form.get("answers") if isinstance(form.get("answers"), dict) else {}
    assert isinstance(answers, dict)
    lines = [f"# {checklist.title} (v{checklist.version})", ""]
    lines.append(f"- {labelled(language, w['status'], str(form.get('status', '—')))}")
    lines.append(f"- {labelled(language, w['checklist'], f'`{checklist.id}`')}")
    lines.append("")
    if extra:
        lines.extend(extra)
        lines.append("")
    if result.errors:
        lines.append(f"## {w['errors']}")
        lines.append("")
        for issue in result.errors:
            where = f"`{issue.item}` ({issue.label})" if issue.item else "form"
            lines.append(f"- {labelled(language, where, issue.message)}")
        lines.append("")
    for section in checklist.sections:
        lines.append(f"## {section.title}")
        lines.append("")
        lines.append(f"| {w['question']} | {w['answer']} |")
        lines.append("| --- | --- |")
        for item in section.items:
            if not item.answerable:
                continue
            text = _answer_text(item, answers.get(item.id), language)
            if not checklist.is_visible(item, answers):
                text = f"{text} {w['hidden']}"
            lines.append(f"| {cell(item.label)} | {cell(text)} |")
        lines.append("")
    if result.findings:
        lines.append(f"## {w['guard']}")
        lines.append("")
        lines.append(w["guard_help"])
        lines.append("")
        for finding in result.findings:
            state = f" {w['acknowledged']}" if finding.acknowledged else ""
            where = f"`{finding.key}` {cell(finding.label)}"
            lines.append(f"- {labelled(language, where, finding.message(language))}{state}")
        lines.append("")
    missing = checklist.missing_for_final(answers)
    lines.append(f"## {w['missing']}")
    lines.append("")
    if missing:
        lines.extend(f"- `{item.id}` — {item.label}" for item in missing)
    else:
        lines.append(w["complete"])
    return "\n".join(lines).rstrip() + "\n"
