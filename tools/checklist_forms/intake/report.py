"""A readable Markdown summary of a filled form, as an HR team would file it."""

from __future__ import annotations

from typing import Any

from checklist_forms.core.model import Checklist, Item
from checklist_forms.i18n.ui_text import ui
from checklist_forms.intake.validate import Result


def _answer_text(item: Item, value: Any, language: str) -> str:
    return item.kind_rules.report_text(item, value, ui(language))


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


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
    lines = [f"# {checklist.title} (v{checklist.version})", ""]
    lines.append(f"- {w['status']}{' :' if language == 'fr' else ':'} {form.get('status', '—')}")
    lines.append(f"- Checklist{' :' if language == 'fr' else ':'} `{checklist.id}`")
    lines.append("")
    if extra:
        lines.extend(extra)
        lines.append("")
    if result.errors:
        lines.append(f"## {w['errors']}")
        lines.append("")
        for issue in result.errors:
            where = f"`{issue.item}` ({issue.label})" if issue.item else "form"
            lines.append(
                f"- {where}: {issue.message}"
                if language == "en"
                else f"- {where} : {issue.message}"
            )
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
                f"- `{finding.key}` {cell(finding.label)}{' :' if fr else ':'} {finding.message(language)}{state}"
            )
        lines.append("")
    missing = checklist.missing_for_final(answers)
    lines.append(f"## {w['missing']}")
    lines.append("")
    if missing:
        lines.extend(f"- `{item.id}` — {item.label}" for item in missing)
    else:
        lines.append(w["complete"])
    return "\n".join(lines).rstrip() + "\n"
