"""The readable job ad from a filled « Fiche de poste »: its sections, Markdown and HTML page.

Dates, amounts and the country are written in the form's language through Babel
(« Offre publiée le 15 janvier 2027 », « 38 000 à 45 000 € brut par an », « Allemagne »);
the words around the answers are gettext messages (i18n/locales/). Every answer is
escaped for the format it lands in: only the ad's own headings and lists are markup.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from html import escape as _escape

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from checklist_forms.core.countries import countries
from checklist_forms.core.markup import md_block, md_text
from checklist_forms.core.model import Answer, Checklist
from checklist_forms.i18n.translate import N_, labelled, translate_all

# Country names a version 1.0.0 form may hold in its free-text country field.
COUNTRIES = {"france": "FR", "belgique": "BE", "belgium": "BE", "suisse": "CH", "switzerland": "CH",
             "luxembourg": "LU", "canada": "CA", "monaco": "MC"}  # fmt: skip
EMAIL = re.compile(r"^(?:mailto:)?([^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[a-z]{2,})$", re.I)
WEB = re.compile(r"^https?://[^\s<>\"]+\.[^\s<>\"]+$", re.I)

# The job ad's words, by key; English is the gettext message (i18n/locales/ has the rest).
WORDS: dict[str, str] = {
    "mission": N_("The role"),
    "activities": N_("What you will do"),
    "results": N_("Expected results"),
    "reporting": N_("Reporting line"),
    "conditions": N_("Working conditions"),
    "evenings": N_("The role involves some evenings, weekends or public holidays."),
    "profile": N_("Who we are looking for"),
    "knowledge": N_("Knowledge"),
    "know_how": N_("Know-how"),
    "soft": N_("Soft skills"),
    "education": N_("Education"),
    "experience": N_("Experience"),
    "months": N_("at least {n} months"),
    "salary": N_("Salary"),
    "salary_range": N_("€{low} to €{high} gross a year"),
    "salary_from": N_("from €{low} gross a year"),
    "salary_to": N_("up to €{high} gross a year"),
    "prospects": N_("Prospects"),
    "practical": N_("Practical details"),
    "place": N_("Location"),
    # The answers of the "teletravail" item.
    "remote_non": N_("on site"),
    "remote_partiel": N_("partly remote"),
    "remote_total": N_("fully remote"),
    "contract": N_("Contract"),
    "posted": N_("Posted on {date}"),
    "until": N_("applications until {date}"),
    "reference": N_("Reference"),
    # Translators: the label of the ad's publication and closing dates, in a table.
    "dates": N_("Dates"),
    "apply": N_("How to apply"),
    "apply_web": N_("Apply online: {url}"),
    "apply_email": N_("Send your application to {email}"),
    "apply_contact": N_("Contact"),
}


def escape(text: str) -> str:
    """Escape for HTML text content (the ad never puts answers inside attributes)."""
    return _escape(text, quote=False)


def text_of(answers: Mapping[str, Answer], key: str) -> str:
    value = answers.get(key)
    return value.strip() if isinstance(value, str) else ""


def number_of(answers: Mapping[str, Answer], key: str) -> float | None:
    value = answers.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    try:
        number = float(value)
    except OverflowError:  # a 400-digit integer: no salary, and no float, holds it
        return None
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() else number


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def long_date(iso: str, language: str) -> str:
    """« 15 janvier 2027 », "January 15, 2027"; text that is no ISO date stays as it is."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day, format="long", locale=_locale(language))


def amount(number: float, language: str) -> str:
    """A whole amount with the language's grouping: « 38 000 », "38,000"."""
    return format_decimal(round(number), format="#,##0", locale=_locale(language))


def country_code(value: str) -> str:
    """The ISO code of a country answer: a code (2.0.0) or a name a 1.0.0 form may hold."""
    return COUNTRIES.get(value.strip().lower(), value.strip().upper())


def country_name(value: str, language: str) -> str:
    code = country_code(value)
    return dict(countries(language)).get(code, value.strip())


def application(answers: Mapping[str, Answer]) -> tuple[str, str] | None:
    """("web", url) or ("email", address) from the application address, else None."""
    given = text_of(answers, "candidature-adresse")
    if WEB.match(given):
        return "web", given
    found = EMAIL.match(given)
    if found:
        return "email", found.group(1)
    return None


def _lines(text: str) -> list[str]:
    """Free text as list items: one per line, bullets and dashes removed."""
    return [
        line.strip().lstrip("-•*–—").strip()
        for line in text.splitlines()
        if line.strip().lstrip("-•*–—").strip()
    ]


def sections(
    checklist: Checklist, answers: Mapping[str, Answer]
) -> list[tuple[str, list[str], bool]]:
    """The ad's sections: (heading, paragraphs or list items, is_list)."""
    language = checklist.language
    w = translate_all(language, WORDS)
    out: list[tuple[str, list[str], bool]] = []

    def add(heading: str, key: str, as_list: bool = False) -> None:
        text = text_of(answers, key)
        if text:
            parts = (
                _lines(text) if as_list else [p.strip() for p in text.split("\n\n") if p.strip()]
            )
            out.append((heading, parts, as_list))

    add(w["mission"], "finalite")
    add(w["activities"], "activites", as_list=True)
    add(w["results"], "resultats", as_list=True)
    add(w["reporting"], "rattachement")
    conditions = [text_of(answers, "conditions")] if text_of(answers, "conditions") else []
    if answers.get("soirs-week-ends") is True:
        conditions.append(w["evenings"])
    if conditions:
        out.append((w["conditions"], conditions, False))
    profile = []
    for key, label in (("competences-savoirs", "knowledge"), ("competences-savoir-faire", "know_how"),
                       ("competences-savoir-etre", "soft")):  # fmt: skip
        if text_of(answers, key):
            profile.append(labelled(language, w[label], text_of(answers, key)))
    diploma = checklist.item("diplome")
    if diploma is not None and answers.get("diplome"):
        label = diploma.choice_label(answers.get("diplome")) or ""
        profile.append(labelled(language, w["education"], label))
    months = number_of(answers, "experience-mois")
    if months:
        text = w["months"].format(n=amount(months, language))
        profile.append(labelled(language, w["experience"], text))
    if profile:
        out.append((w["profile"], profile, True))
    low, high = number_of(answers, "salaire-min"), number_of(answers, "salaire-max")
    if low or high:
        key = "salary_range" if low and high else ("salary_from" if low else "salary_to")
        text = w[key].format(low=amount(low or 0, language), high=amount(high or 0, language))
        out.append((w["salary"], [text], False))
    add(w["prospects"], "perspectives")
    return out


def practical(checklist: Checklist, answers: Mapping[str, Answer]) -> list[str]:
    language = checklist.language
    w = translate_all(language, WORDS)
    out = []
    country = country_name(text_of(answers, "pays"), language) if text_of(answers, "pays") else ""
    place = ", ".join(p for p in (text_of(answers, "lieu-ville"), country) if p)
    remote = w.get(f"remote_{answers.get('teletravail')}", "")
    if place or remote:
        where = f"{place}{' (' + remote + ')' if remote and place else remote}"
        out.append(labelled(language, w["place"], where))
    contract = checklist.item("type-contrat")
    time = checklist.item("temps-travail")
    parts = [
        i.choice_label(answers.get(i.id))
        for i in (contract, time)
        if i is not None and answers.get(i.id)
    ]
    if parts:
        out.append(labelled(language, w["contract"], ", ".join(p for p in parts if p)))
    dates = [w["posted"].format(date=long_date(text_of(answers, "date-publication"), language))]
    if text_of(answers, "date-limite"):
        dates.append(w["until"].format(date=long_date(text_of(answers, "date-limite"), language)))
    out.append(", ".join(dates))
    if text_of(answers, "reference"):
        out.append(labelled(language, w["reference"], text_of(answers, "reference")))
    return out


def how_to_apply(checklist: Checklist, answers: Mapping[str, Answer]) -> list[str]:
    """The "how to apply" lines: where to send the application, and whom to ask."""
    w = translate_all(checklist.language, WORDS)
    out = []
    where = application(answers)
    if where is not None:
        kind, address = where
        out.append(
            w["apply_web"].format(url=address)
            if kind == "web"
            else w["apply_email"].format(email=address)
        )
    if text_of(answers, "candidature-contact"):
        out.append(
            labelled(
                checklist.language, w["apply_contact"], text_of(answers, "candidature-contact")
            )
        )
    return out


def description_html(checklist: Checklist, answers: Mapping[str, Answer]) -> str:
    parts = []
    for heading, paragraphs, as_list in sections(checklist, answers):
        parts.append(f"<h3>{escape(heading)}</h3>")
        if as_list:
            parts.append("<ul>" + "".join(f"<li>{escape(p)}</li>" for p in paragraphs) + "</ul>")
        else:
            parts.extend(f"<p>{escape(p)}</p>" for p in paragraphs)
    return "\n".join(parts)


def to_markdown(checklist: Checklist, answers: Mapping[str, Answer]) -> str:
    """The ad as Markdown; every answer is escaped, so only the headings and lists are markup."""
    title, employer = text_of(answers, "intitule"), text_of(answers, "employeur")
    lines = [f"# {_one_line(title)}", "", f"**{_one_line(employer)}**", ""]
    for heading, paragraphs, as_list in sections(checklist, answers):
        lines += [f"## {_one_line(heading)}", ""]
        lines += (
            [f"- {_one_line(p)}" for p in paragraphs]
            if as_list
            else [md_block(p) + "\n" for p in paragraphs]
        )
        lines.append("")
    w = translate_all(checklist.language, WORDS)
    lines += [f"## {w['practical']}", ""]
    lines += [f"- {_one_line(p)}" for p in practical(checklist, answers)]
    apply = how_to_apply(checklist, answers)
    if apply:
        lines += ["", f"## {w['apply']}", ""]
        lines += [f"- {_one_line(p)}" for p in apply]
    return "\n".join(line.rstrip() for line in lines).strip() + "\n"


def _one_line(text: str) -> str:
    """A heading or list entry: escaped, and kept on its line (a newline would end it)."""
    return md_text(" ".join(text.split()))
