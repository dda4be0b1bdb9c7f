"""A readable Markdown summary of a filled form, as an HR team would file it."""

from __future__ import annotations

from typing import Any

from checklist_forms.core.markup import md_cell, md_code, md_text
from checklist_forms.core.model import Checklist, Item
from checklist_forms.i18n.ui_text import ui
from checklist_forms.intake.validate import Result


def _answer_text(item: Item, value: Any, language: str) -> str:
    t = ui(language)
    if item.kind == "checkbox":
        return t["yes"] if value is True else t["no"]
    if value is None or value == "" or value == []:
        return "—"
    if item.kind == "multi_choice" and isinstance(value, list):
        return ", ".join(item.choice_label(v) or str(v) for v in value)
    if item.kind in ("single_choice", "rating"):
        label = item.choice_label(value)
        return f"{value} — {label}" if item.kind == "rating" and label else (label or str(value))
    if item.kind == "number" and item.unit:
        return f"{value} {item.unit}"
    return str(value)


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell (no HTML, no Markdown, no column break)."""
    return md_cell(text)


WORDS = {
    "fr": {
        "status": "Statut",
        "answers": "Réponses",
        "question": "Question",
        "answer": "Réponse",
        "missing": "Il manque pour un formulaire final",
        "complete": "Toutes les réponses obligatoires sont données.",
        "errors": "Erreurs",
        "hidden": "(masquée : sa condition n'est pas remplie)",
    },
    "en": {
        "status": "Status",
        "answers": "Answers",
        "question": "Question",
        "answer": "Answer",
        "missing": "Missing for a final form",
        "complete": "Every required answer is given.",
        "errors": "Errors",
        "hidden": "(hidden: its condition does not hold)",
    },
}


def render_report(
    checklist: Checklist, form: dict[str, Any], result: Result, extra: list[str] | None = None
) -> str:
    language = checklist.language if checklist.language in WORDS else "en"
    w = WORDS[language]
    answers = form.get("answers") if isinstance(form.get("answers"), dict) else {}
    assert isinstance(answers, dict)
    lines = [f"# {md_text(checklist.title)} (v{md_text(checklist.version)})", ""]
    status = md_text(str(form.get("status", "—")))
    lines.append(f"- {w['status']}{' :' if language == 'fr' else ':'} {status}")
    lines.append(f"- Checklist{' :' if language == 'fr' else ':'} {md_code(checklist.id)}")
    lines.append("")
    if extra:
        lines.extend(extra)
        lines.append("")
    if result.errors:
        lines.append(f"## {w['errors']}")
        lines.append("")
        for issue in result.errors:
            where = f"{md_code(issue.item)} ({md_text(issue.label)})" if issue.item else "form"
            message = md_text(issue.message)
            lines.append(f"- {where}: {message}" if language == "en" else f"- {where} : {message}")
        lines.append("")
    for section in checklist.sections:
        lines.append(f"## {md_text(section.title)}")
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
        fr = language == "fr"
        lines.append("## Non-discrimination" if fr else "## Non-discrimination guard")
        lines.append("")
        lines.append(
            "Ces formulations peuvent viser un critère protégé ; relisez-les. Une fois vérifiée, "
            'une remarque justifiée s\'acquitte en ajoutant `"élément:règle"` à la liste `acknowledged` du formulaire.'
            if fr
            else "These words may target a protected criterion; re-read them. Once checked, a justified "
            'finding is acknowledged by adding `"item:rule"` to the form\'s `acknowledged` list.'
        )
        lines.append("")
        for finding in result.findings:
            state = (" (vu)" if fr else " (acknowledged)") if finding.acknowledged else ""
            lines.append(
                f"- {md_code(finding.key)} {cell(finding.label)}{' :' if fr else ':'} {md_text(finding.message(language))}{state}"
            )
        lines.append("")
    missing = checklist.missing_for_final(answers)
    lines.append(f"## {w['missing']}")
    lines.append("")
    if missing:
        lines.extend(f"- {md_code(item.id)} — {md_text(item.label)}" for item in missing)
    else:
        lines.append(w["complete"])
    return "\n".join(lines).rstrip() + "\n"
