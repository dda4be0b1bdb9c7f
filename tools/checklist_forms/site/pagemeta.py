"""Every page says who owns it and when it was last reviewed; stale pages say so.

Front matter keys (checked on every page, each mistake a ``handbook.metadata`` warning
naming the page and the field): ``owner`` (text), ``last_reviewed`` (YYYY-MM-DD),
``review_every_months`` (whole number), ``description`` (text, used for Open Graph).
A page whose review is overdue carries a visible banner, in the page's language.

The owner is a name written in French in the front matter; ``handbook_owner_names`` in
conf.py gives its name in the other languages (``{"Équipe éditoriale": {"en": "Editorial
team"}}``), and a build in a language that lacks one warns instead of printing French.
The footer is French typography in a French build: the spaces before ``:`` and the
separator are non-breaking, so a label never ends a line without its value.
"""

from __future__ import annotations

import datetime as dt
import os
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from checklist_forms.i18n.translate import N_, labelled, translate_all
from checklist_forms.site.typography import NBSP, french_spacing

logger = logging.getLogger(__name__)
REQUIRED = ("owner", "last_reviewed", "review_every_months", "description")
# The banner's words, by key; English is the gettext message (i18n/locales/ has the rest).
WORDS: dict[str, str] = {
    "owner": N_("Page owner"),
    "reviewed": N_("Last reviewed"),
    "overdue": N_(
        "This page was due for review by {due}: some information may be out of date. Report it or propose an update."
    ),
    # Translators: a review date from {day}, {month} and {year} (numbers). French: 31/12/2025.
    "date": N_("{year}-{month:02d}-{day:02d}"),
}


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _months(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except ValueError:
        return None
    return number if number > 0 else None


def check_metadata(meta: dict[str, Any]) -> list[str]:
    """Plain messages, one per missing or malformed field."""
    problems = []
    for key in REQUIRED:
        if key not in meta or str(meta[key]).strip() == "":
            problems.append(f"front matter has no {key!r}")
    if "last_reviewed" in meta and _date(meta["last_reviewed"]) is None:
        problems.append(
            f"'last_reviewed' must be a date written YYYY-MM-DD, not {meta['last_reviewed']!r}"
        )
    if "review_every_months" in meta and _months(meta["review_every_months"]) is None:
        problems.append(
            f"'review_every_months' must be a whole number of months, not {meta['review_every_months']!r}"
        )
    return problems


def due_date(meta: dict[str, Any]) -> dt.date | None:
    reviewed = _date(meta.get("last_reviewed"))
    months = _months(meta.get("review_every_months"))
    if reviewed is None or months is None:
        return None
    month = reviewed.month - 1 + months
    year = reviewed.year + month // 12
    month = month % 12 + 1
    day = min(
        reviewed.day,
        [
            31,
            29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ][month - 1],
    )
    return dt.date(year, month, day)


def today(app: Sphinx) -> dt.date:
    if app.config.handbook_today:
        return dt.date.fromisoformat(app.config.handbook_today)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def _is_french(language: str) -> bool:
    return language.split("_")[0] == "fr"


def owner_name(app: Sphinx, owner: str) -> str | None:
    """The owner's name in the language being built; None when it has no translation."""
    language = app.config.language or "en"
    if _is_french(language):
        return owner
    names: dict[str, str] = app.config.handbook_owner_names.get(owner, {})
    return names.get(language) or names.get(language.split("_")[0])


def warn_metadata(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    meta = app.env.metadata.get(docname, {})
    for problem in check_metadata(meta):
        logger.warning(problem, type="handbook", subtype="metadata", location=(docname, 1))
    owner = str(meta.get("owner", "")).strip()
    if owner and owner_name(app, owner) is None:
        logger.warning(
            f"owner {owner!r} has no name in {app.config.language!r}: add it to "
            "handbook_owner_names in conf.py",
            type="handbook",
            subtype="metadata",
            location=(docname, 1),
        )


def _day(words: dict[str, str], day: dt.date) -> str:
    return words["date"].format(day=day.day, month=day.month, year=day.year)


def add_banner(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if doctree is None or "body" not in context:
        return
    meta = app.env.metadata.get(pagename, {})
    language = app.config.language or "en"
    words = translate_all(language, WORDS)
    reviewed = _date(meta.get("last_reviewed"))
    due = due_date(meta)
    parts = []
    owner = str(meta.get("owner", "")).strip()
    if owner:
        name = owner_name(app, owner) or owner  # already warned at read time
        parts.append(labelled(language, words["owner"], escape(name)))
    if reviewed:
        parts.append(labelled(language, words["reviewed"], _day(words, reviewed)))
    text = f"{NBSP}· ".join(parts)
    if _is_french(language):
        text = french_spacing(text)
    footer = f'<p class="page-meta">{text}</p>' if parts else ""
    banner = ""
    if due is not None and today(app) > due:
        text = escape(words["overdue"].format(due=_day(words, due)))
        banner = f'<div class="review-overdue" role="note">{text}</div>'
    context["body"] = banner + context["body"] + footer


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("handbook_today", "", "html", types=[str])
    # {owner as written in the front matter: {language: name}}; rebuild pages on change.
    app.add_config_value("handbook_owner_names", {}, "env", types=[dict])
    app.connect("doctree-read", warn_metadata)
    app.connect("html-page-context", add_banner)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
