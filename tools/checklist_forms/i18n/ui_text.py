"""Interface words of the rendered checklists and the browser form, by key.

The handbook's own prose is translated through Sphinx's catalogues; these words belong to
the engine, which renders a checklist before any Sphinx catalogue is loaded. The keys are
what the browser form (``data-ui``) and the renderers use; the English texts are the
``checklist_forms`` gettext messages (see :mod:`checklist_forms.i18n.translate`).
"""

from __future__ import annotations

import functools
import gettext
from typing import Any

from checklist_forms.i18n.translate import N_, translator

MESSAGES: dict[str, str] = {
    "checklist": N_("Checklist"),
    "version": N_("Version"),
    # Translators: before the audience of a checklist, as in "For: HR teams".
    "audience": N_("For"),
    "required": N_("required"),
    "required_legend": N_("Questions marked “required” must be answered for a final form."),
    "downloads": N_("Download"),
    "schema": N_("the JSON schema"),
    "blank_form": N_("the blank form"),
    "workbook": N_("the Excel workbook"),
    "level": N_("Level"),
    "anchor": N_("Observed behaviour"),
    "unit": N_("Unit"),
    "choose": N_("— Choose —"),
    "select_at_most": N_("at most {n} choices"),
    "select_at_least": N_("at least {n} choices"),
    "max_chars": N_("at most {n} characters"),
    "range": N_("between {min} and {max}"),
    "min_only": N_("at least {min}"),
    "max_only": N_("at most {max}"),
    "shown_if": N_("Fill in if “{label}”: {value}."),
    "shown_if_answered": N_("Fill in if “{label}” is answered."),
    "yes": N_("yes"),
    "no": N_("no"),
    "note": N_("Good to know"),
    "outcomes": N_("Possible outcomes"),
    "no_js": N_(
        "Without JavaScript this checklist can be read and printed; to fill it online and export it, enable JavaScript or download the blank form."
    ),
    "progress": N_("{done} of {total} required answers"),
    "export": N_("Export (JSON)"),
    "import": N_("Import a file"),
    # The form's own submit button (publish.form_html): the same action as "export".
    "submit": N_("Export my answers (JSON)"),
    "reset": N_("Clear all"),
    "print": N_("Print"),
    "confirm_reset": N_(
        "Clear every answer of this checklist? The draft saved in this browser will be deleted."
    ),
    "draft_saved": N_("Draft saved in this browser."),
    "draft_restored": N_("Draft restored."),
    "exported_final": N_("Complete form exported (status “final”)."),
    "exported_draft": N_(
        "Incomplete form exported as a draft (status “draft”); required answers missing: {n}."
    ),
    # Translators: the toolbar button that lists the required answers still missing.
    "check": N_("Check the form"),
    "required_all_given": N_("Every required answer is given."),
    "missing_title": N_("Required answers missing: {n}. Go to each one:"),
    "missing_on_export": N_(
        "This form is not complete (required answers missing: {n}), so it would be exported as a draft. Go to each one:"
    ),
    "export_draft": N_("Export as a draft anyway"),
    # Translators: the mark beside a required question left unanswered.
    "missing_mark": N_("Answer required"),
    "import_done": N_("Answers imported."),
    "import_not_json": N_("This file is not a readable JSON form."),
    "import_not_form": N_("This file is not a checklist form."),
    "import_other": N_("This file is a form of the checklist “{id}”, not of this one."),
    "import_version": N_(
        "This file is version {version}; this page fills version {current}. Use “checklist-forms migrate”."
    ),
    "import_unknown": N_("Answer ignored for the unknown item “{id}”."),
    "import_bad_value": N_("Answer ignored for “{id}”: its value does not fit this question."),
    "reset_done": N_("Every answer has been cleared."),
    "actions": N_("Checklist actions"),
    "score": N_("Score"),
    "outcome": N_("Recommendation"),
    "flags": N_("Points to watch"),
    "reasons": N_("What counted"),
    "findings": N_("To review (non-discrimination)"),
    "acknowledge": N_("Reviewed, it is justified"),
    # Translators: between a label and its value; French writes " : ".
    "colon": N_(": "),
    "no_outcome": N_("no recommendation yet"),
    # Translators: shown in place of a recommendation until the essential and required
    # criteria are all rated.
    "incomplete": N_("Incomplete evaluation"),
    "to_rate": N_("Still to rate"),
    "thresholds": N_("Thresholds"),
    # Translators: the score an outcome needs, as in "Retain from 75".
    "threshold": N_("{outcome} from {min}"),
    "threshold_must_have": N_("{outcome} if an essential criterion is below its level"),
    "draft": N_("Draft"),
    # Translators: a title marked as a draft's, as in "Result (draft)".
    "draft_title": N_("{title} (draft)"),
    "rated": N_("{rated} / {total} criteria rated"),
    "points": N_("Points"),
    "must_have": N_("Essential criterion not met: {label} (required level {level})"),
    "finding": N_("{words}: criterion “{criterion}” (French Labour Code, art. {articles})"),
    "forms": N_("Forms saved in this browser"),
    "privacy": N_(
        "Your answers are kept in this browser only, on this device: nothing is sent anywhere. Export a form to keep or share it."
    ),
    "untitled": N_("Untitled form"),
    "status_draft": N_("draft"),
    "status_final": N_("complete"),
    "form_open": N_("Open"),
    "form_duplicate": N_("Duplicate"),
    "form_rename": N_("Rename"),
    "form_delete": N_("Delete"),
    "form_create": N_("New form"),
    "form_new": N_("New empty form: it is saved in this browser at the first answer."),
    "copy_of": N_("Copy of {title}"),
    "rename_prompt": N_("New name of this form:"),
    "confirm_delete": N_("Delete the form “{title}” from this browser?"),
    "erase_all": N_("Erase everything this site stored in this browser"),
    "confirm_erase": N_(
        "Erase every form and setting this site stored in this browser? Forms you have not exported are lost."
    ),
    "erased": N_("Everything this site stored in this browser has been erased."),
    "retention_over": N_("kept more than {months} months: delete it unless still needed"),
    # Translators: a quoted word; French writes « {w} ».
    "quote": N_("“{w}”"),
}


def ui(language: str | None) -> dict[str, str]:
    """Every interface word in ``language`` (English where no catalogue has it).

    A copy of one table per language: every form of a page asks for the same words, and
    looking up a hundred messages each time was a tenth of rendering a checklist.
    """
    return dict(_table(translator(language)))


# Keyed by the translations object, so that a catalogue read again (translator's cache
# cleared) gives a new table.
@functools.lru_cache(maxsize=16)
def _table(translations: gettext.NullTranslations) -> dict[str, str]:
    return {key: translations.gettext(message) for key, message in MESSAGES.items()}


def fmt(language: str | None, key: str, **values: Any) -> str:
    return ui(language)[key].format(**values)
