"""Interface words of the rendered checklists and the browser form, per language.

The handbook's own prose is translated through gettext; these few words belong to the
engine, which has to render a checklist before any catalogue is loaded.
"""

from __future__ import annotations

from typing import Any

UI: dict[str, dict[str, str]] = {
    "fr": {
        "checklist": "Checklist",
        "version": "Version",
        "audience": "Pour",
        "required": "obligatoire",
        "required_legend": "Les questions marquées « obligatoire » doivent avoir une réponse pour un formulaire final.",
        "downloads": "Télécharger",
        "schema": "le schéma JSON",
        "blank_form": "le formulaire vierge",
        "workbook": "le classeur Excel",
        "level": "Niveau",
        "anchor": "Comportement observé",
        "unit": "Unité",
        "choose": "— Choisir —",
        "select_at_most": "au plus {n} choix",
        "select_at_least": "au moins {n} choix",
        "max_chars": "{n} caractères au plus",
        "range": "entre {min} et {max}",
        "min_only": "au moins {min}",
        "max_only": "au plus {max}",
        "shown_if": "À remplir si « {label} » : {value}.",
        "shown_if_answered": "À remplir si « {label} » a une réponse.",
        "yes": "oui",
        "no": "non",
        "note": "À savoir",
        "outcomes": "Résultats possibles",
        "no_js": "Sans JavaScript, cette checklist se lit et s'imprime ; pour la remplir en ligne et l'exporter, activez JavaScript ou téléchargez le formulaire vierge.",
        # browser form
        "progress": "{done} sur {total} réponses obligatoires",
        "export": "Exporter (JSON)",
        "import": "Importer un fichier",
        "reset": "Tout effacer",
        "print": "Imprimer",
        "confirm_reset": "Effacer toutes les réponses de cette checklist ? Le brouillon enregistré dans ce navigateur sera supprimé.",
        "draft_saved": "Brouillon enregistré dans ce navigateur.",
        "draft_restored": "Brouillon restauré.",
        "exported_final": "Formulaire complet exporté (statut « final »).",
        "exported_draft": "Formulaire incomplet exporté comme brouillon (statut « draft »).",
        "import_done": "Réponses importées.",
        "import_not_json": "Ce fichier n'est pas un formulaire JSON lisible.",
        "import_not_form": "Ce fichier n'est pas un formulaire de checklist.",
        "import_other": "Ce fichier est un formulaire de la checklist « {id} », pas de celle-ci.",
        "import_version": "Ce fichier est en version {version} ; cette page remplit la version {current}. Utilisez « checklist-forms migrate ».",
        "import_unknown": "Réponse ignorée pour l'élément inconnu « {id} ».",
        "score": "Score",
        "outcome": "Recommandation",
        "flags": "Points d'attention",
        "reasons": "Ce qui a compté",
        "findings": "À relire (non-discrimination)",
        "acknowledge": "J'ai relu, c'est justifié",
    },
    "en": {
        "checklist": "Checklist",
        "version": "Version",
        "audience": "For",
        "required": "required",
        "required_legend": "Questions marked “required” must be answered for a final form.",
        "downloads": "Download",
        "schema": "the JSON schema",
        "blank_form": "the blank form",
        "workbook": "the Excel workbook",
        "level": "Level",
        "anchor": "Observed behaviour",
        "unit": "Unit",
        "choose": "— Choose —",
        "select_at_most": "at most {n} choices",
        "select_at_least": "at least {n} choices",
        "max_chars": "at most {n} characters",
        "range": "between {min} and {max}",
        "min_only": "at least {min}",
        "max_only": "at most {max}",
        "shown_if": "Fill in if “{label}”: {value}.",
        "shown_if_answered": "Fill in if “{label}” is answered.",
        "yes": "yes",
        "no": "no",
        "note": "Good to know",
        "outcomes": "Possible outcomes",
        "no_js": "Without JavaScript this checklist can be read and printed; to fill it online and export it, enable JavaScript or download the blank form.",
        "progress": "{done} of {total} required answers",
        "export": "Export (JSON)",
        "import": "Import a file",
        "reset": "Clear all",
        "print": "Print",
        "confirm_reset": "Clear every answer of this checklist? The draft saved in this browser will be deleted.",
        "draft_saved": "Draft saved in this browser.",
        "draft_restored": "Draft restored.",
        "exported_final": "Complete form exported (status “final”).",
        "exported_draft": "Incomplete form exported as a draft (status “draft”).",
        "import_done": "Answers imported.",
        "import_not_json": "This file is not a readable JSON form.",
        "import_not_form": "This file is not a checklist form.",
        "import_other": "This file is a form of the checklist “{id}”, not of this one.",
        "import_version": "This file is version {version}; this page fills version {current}. Use “checklist-forms migrate”.",
        "import_unknown": "Answer ignored for the unknown item “{id}”.",
        "score": "Score",
        "outcome": "Recommendation",
        "flags": "Points to watch",
        "reasons": "What counted",
        "findings": "To review (non-discrimination)",
        "acknowledge": "Reviewed, it is justified",
    },
}


def ui(language: str | None) -> dict[str, str]:
    base = (language or "en").split("_")[0].split("-")[0]
    return UI.get(base, UI["en"])


def fmt(language: str | None, key: str, **values: Any) -> str:
    return ui(language)[key].format(**values)
