"""From a filled « Fiche de poste » form to a job ad: schema.org JobPosting and readable text.

The JSON-LD follows Google's job posting structured data: required properties (title,
description, datePosted, hiringOrganization, jobLocation or TELECOMMUTE with
applicantLocationRequirements), recommended ones (validThrough, employmentType,
baseSalary, identifier), and the occupation (ISCO-08 2432), skills, education and
experience. schema.org itself requires nothing, so the output is checked against the
project's schema of Google's rules (``data/jobposting.schema.json``). Missing data is
refused with the form items to fill, never guessed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from html import escape as _escape
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from checklist_forms.core.markup import md_block, md_text
from checklist_forms.core.model import Answer, Checklist, is_answered
from checklist_forms.i18n.translate import N_, labelled, translate_all

CHECKLIST_ID = "fiche-de-poste"
SCHEMA_FILE = Path(__file__).parent.parent / "data" / "jobposting.schema.json"

# Contract and working time -> Google's employmentType values.
CONTRACTS: dict[str, list[str]] = {
    "cdi": [],
    "cdd": ["TEMPORARY"],
    "interim": ["TEMPORARY"],
    "stage": ["INTERN"],
    "alternance": ["OTHER"],
    "freelance": ["CONTRACTOR"],
}
TIME = {"temps-plein": "FULL_TIME", "temps-partiel": "PART_TIME"}
EDUCATION = {
    "bac-2": "associate degree",
    "bac-3": "bachelor degree",
    "bac-5": "postgraduate degree",
}
COUNTRIES = {"france": "FR", "belgique": "BE", "belgium": "BE", "suisse": "CH", "switzerland": "CH",
             "luxembourg": "LU", "canada": "CA", "monaco": "MC"}  # fmt: skip

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
}


class JobPostingError(Exception):
    """The form lacks what a job posting requires; ``items`` names what to fill."""

    def __init__(self, message: str, items: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.items = items


def escape(text: str) -> str:
    """Escape for HTML text content (the ad never puts answers inside attributes)."""
    return _escape(text, quote=False)


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(
        json.loads(SCHEMA_FILE.read_text(encoding="utf-8")), format_checker=FormatChecker()
    )


def _text(answers: Mapping[str, Answer], key: str) -> str:
    value = answers.get(key)
    return value.strip() if isinstance(value, str) else ""


def _number(answers: Mapping[str, Answer], key: str) -> float | None:
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


def _country(value: str) -> str:
    code = COUNTRIES.get(value.strip().lower(), value.strip().upper())
    return code


def _lines(text: str) -> list[str]:
    """Free text as list items: one per line, bullets and dashes removed."""
    return [
        line.strip().lstrip("-•*–—").strip()
        for line in text.splitlines()
        if line.strip().lstrip("-•*–—").strip()
    ]


def missing_items(checklist: Checklist, answers: Mapping[str, Answer]) -> list[tuple[str, str]]:
    """Items to fill before a job posting can be published, as (id, label)."""
    needed = ["intitule", "employeur", "date-publication", "pays"]
    if not (_text(answers, "finalite") or _text(answers, "activites")):
        needed.append("finalite")
    if answers.get("teletravail") != "total":
        needed.append("lieu-ville")
    out = []
    for item_id in needed:
        item = checklist.item(item_id)
        value = answers.get(item_id)
        if item is not None and not (isinstance(value, str) and is_answered(value)):
            out.append((item.id, item.label))
    return out


def _unusable_numbers(checklist: Checklist, answers: Mapping[str, Answer]) -> list[tuple[str, str]]:
    """Number answers no float holds (a schema without a maximum accepts 10**400)."""
    out = []
    for item_id in ("salaire-min", "salaire-max", "experience-mois"):
        value = answers.get(item_id)
        item = checklist.item(item_id)
        if item is None or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        try:
            finite = math.isfinite(float(value))
        except OverflowError:
            finite = False
        if not finite:
            out.append((item.id, item.label))
    return out


def _sections(
    checklist: Checklist, answers: Mapping[str, Answer]
) -> list[tuple[str, list[str], bool]]:
    """The ad's sections: (heading, paragraphs or list items, is_list)."""
    w = translate_all(checklist.language, WORDS)
    out: list[tuple[str, list[str], bool]] = []

    def add(heading: str, key: str, as_list: bool = False) -> None:
        text = _text(answers, key)
        if text:
            out.append(
                (
                    heading,
                    _lines(text)
                    if as_list
                    else [p.strip() for p in text.split("\n\n") if p.strip()],
                    as_list,
                )
            )

    add(w["mission"], "finalite")
    add(w["activities"], "activites", as_list=True)
    add(w["results"], "resultats", as_list=True)
    add(w["reporting"], "rattachement")
    conditions = [_text(answers, "conditions")] if _text(answers, "conditions") else []
    if answers.get("soirs-week-ends") is True:
        conditions.append(w["evenings"])
    if conditions:
        out.append((w["conditions"], conditions, False))
    profile = []
    for key, label in (("competences-savoirs", "knowledge"), ("competences-savoir-faire", "know_how"),
                       ("competences-savoir-etre", "soft")):  # fmt: skip
        if _text(answers, key):
            profile.append(labelled(checklist.language, w[label], _text(answers, key)))
    diploma = checklist.item("diplome")
    if diploma is not None and answers.get("diplome"):
        label = diploma.choice_label(answers.get("diplome")) or ""
        profile.append(labelled(checklist.language, w["education"], label))
    months = _number(answers, "experience-mois")
    if months:
        text = w["months"].format(n=f"{months:g}")
        profile.append(labelled(checklist.language, w["experience"], text))
    if profile:
        out.append((w["profile"], profile, True))
    low, high = _number(answers, "salaire-min"), _number(answers, "salaire-max")
    if low or high:
        key = "salary_range" if low and high else ("salary_from" if low else "salary_to")
        out.append(
            (
                w["salary"],
                [
                    w[key].format(
                        low=f"{low or 0:,.0f}".replace(",", " "),
                        high=f"{high or 0:,.0f}".replace(",", " "),
                    )
                ],
                False,
            )
        )
    add(w["prospects"], "perspectives")
    return out


def _practical(checklist: Checklist, answers: Mapping[str, Answer]) -> list[str]:
    w = translate_all(checklist.language, WORDS)
    out = []
    place = ", ".join(p for p in (_text(answers, "lieu-ville"), _text(answers, "pays")) if p)
    remote = w.get(f"remote_{answers.get('teletravail')}", "")
    if place or remote:
        where = f"{place}{' (' + remote + ')' if remote and place else remote}"
        out.append(labelled(checklist.language, w["place"], where))
    contract = checklist.item("type-contrat")
    time = checklist.item("temps-travail")
    parts = [
        i.choice_label(answers.get(i.id))
        for i in (contract, time)
        if i is not None and answers.get(i.id)
    ]
    if parts:
        out.append(labelled(checklist.language, w["contract"], ", ".join(p for p in parts if p)))
    dates = [w["posted"].format(date=_text(answers, "date-publication"))]
    if _text(answers, "date-limite"):
        dates.append(w["until"].format(date=_text(answers, "date-limite")))
    out.append(", ".join(dates))
    if _text(answers, "reference"):
        out.append(labelled(checklist.language, w["reference"], _text(answers, "reference")))
    return out


def description_html(checklist: Checklist, answers: Mapping[str, Answer]) -> str:
    parts = []
    for heading, paragraphs, as_list in _sections(checklist, answers):
        parts.append(f"<h3>{escape(heading)}</h3>")
        if as_list:
            parts.append("<ul>" + "".join(f"<li>{escape(p)}</li>" for p in paragraphs) + "</ul>")
        else:
            parts.extend(f"<p>{escape(p)}</p>" for p in paragraphs)
    return "\n".join(parts)


def build_jobposting(checklist: Checklist, answers: Mapping[str, Answer]) -> dict[str, Any]:
    """schema.org JobPosting for a filled « Fiche de poste »; raises JobPostingError."""
    if checklist.id != CHECKLIST_ID:
        raise JobPostingError(
            f"a job posting is built from a {CHECKLIST_ID!r} form, not {checklist.id!r}", []
        )
    missing = missing_items(checklist, answers)
    if missing:
        names = ", ".join(f"{item_id} ({label})" for item_id, label in missing)
        raise JobPostingError(f"fill these items before publishing: {names}", missing)
    unusable = _unusable_numbers(checklist, answers)
    if unusable:
        names = ", ".join(f"{item_id} ({label})" for item_id, label in unusable)
        raise JobPostingError(f"these numbers are too large to publish: {names}", unusable)
    country = _country(_text(answers, "pays"))
    posting: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": _text(answers, "intitule"),
        "description": description_html(checklist, answers),
        "datePosted": _text(answers, "date-publication"),
        "hiringOrganization": {"@type": "Organization", "name": _text(answers, "employeur")},
        "occupationalCategory": {
            "@type": "CategoryCode",
            "codeValue": "2432",
            "inCodeSet": "ISCO-08",
            "name": "Public relations professionals",
        },
        "inLanguage": checklist.language,
    }
    if _text(answers, "lieu-ville"):
        address: dict[str, Any] = {
            "@type": "PostalAddress",
            "addressLocality": _text(answers, "lieu-ville"),
            "addressCountry": country,
        }
        if _text(answers, "lieu-code-postal"):
            address["postalCode"] = _text(answers, "lieu-code-postal")
        posting["jobLocation"] = {"@type": "Place", "address": address}
    if answers.get("teletravail") == "total":
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": country}
    if _text(answers, "date-limite"):
        posting["validThrough"] = _text(answers, "date-limite")
    kinds = list(CONTRACTS.get(str(answers.get("type-contrat")), []))
    if answers.get("temps-travail") in TIME:
        kinds.insert(0, TIME[str(answers.get("temps-travail"))])
    if kinds:
        posting["employmentType"] = list(dict.fromkeys(kinds))
    low, high = _number(answers, "salaire-min"), _number(answers, "salaire-max")
    if low or high:
        value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": "YEAR"}
        if low and high and low == high:
            value["value"] = low
        else:
            if low:
                value["minValue"] = low
            if high:
                value["maxValue"] = high
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": value}
    if _text(answers, "reference"):
        posting["identifier"] = {
            "@type": "PropertyValue",
            "name": _text(answers, "employeur"),
            "value": _text(answers, "reference"),
        }
    if _text(answers, "competences-savoir-faire"):
        posting["skills"] = _text(answers, "competences-savoir-faire")
    if _text(answers, "activites"):
        posting["responsibilities"] = _text(answers, "activites")
    if _text(answers, "competences-savoirs"):
        posting["qualifications"] = _text(answers, "competences-savoirs")
    diploma = answers.get("diplome")
    if diploma == "aucun":
        posting["educationRequirements"] = "no requirements"
    elif diploma in EDUCATION:
        posting["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": EDUCATION[str(diploma)],
        }
    months = answers.get("experience-mois")
    if isinstance(months, int | float) and not isinstance(months, bool):
        posting["experienceRequirements"] = (
            "no requirements"
            if months <= 0
            else {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}
        )
    errors = sorted(_validator().iter_errors(posting), key=lambda e: list(e.absolute_path))
    if errors:
        detail = "; ".join(
            f"{'/'.join(map(str, e.absolute_path)) or 'posting'}: {e.message}" for e in errors
        )
        raise JobPostingError(f"the job posting does not meet Google's rules: {detail}", [])
    return posting


def to_jsonld(posting: Mapping[str, Any]) -> str:
    return json.dumps(posting, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_markdown(checklist: Checklist, answers: Mapping[str, Answer]) -> str:
    """The ad as Markdown; every answer is escaped, so only the headings and lists are markup."""
    title, employer = _text(answers, "intitule"), _text(answers, "employeur")
    lines = [f"# {_one_line(title)}", "", f"**{_one_line(employer)}**", ""]
    for heading, paragraphs, as_list in _sections(checklist, answers):
        lines += [f"## {_one_line(heading)}", ""]
        lines += (
            [f"- {_one_line(p)}" for p in paragraphs]
            if as_list
            else [md_block(p) + "\n" for p in paragraphs]
        )
        lines.append("")
    w = translate_all(checklist.language, WORDS)
    lines += [f"## {w['practical']}", ""]
    lines += [f"- {_one_line(p)}" for p in _practical(checklist, answers)]
    return "\n".join(line.rstrip() for line in lines).strip() + "\n"


def _one_line(text: str) -> str:
    """A heading or list entry: escaped, and kept on its line (a newline would end it)."""
    return md_text(" ".join(text.split()))


def to_html(checklist: Checklist, answers: Mapping[str, Answer], posting: Mapping[str, Any]) -> str:
    """A standalone job ad page with its JSON-LD, ready to publish."""
    w = translate_all(checklist.language, WORDS)
    # No "<" at all inside the script element, whatever the answers contain: JSON allows
    # the \u003c escape, and the page can then hold no "</script" or "<!--" by accident.
    data = to_jsonld(posting).replace("<", "\\u003c")
    practical = "".join(f"<li>{escape(p)}</li>" for p in _practical(checklist, answers))
    title = escape(_text(answers, "intitule"))
    return (
        f'<!DOCTYPE html>\n<html lang="{checklist.language}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n'
        f'<script type="application/ld+json">\n{data}</script>\n</head>\n<body>\n<main>\n'
        f"<h1>{title}</h1>\n<p><strong>{escape(_text(answers, 'employeur'))}</strong></p>\n"
        f"{description_html(checklist, answers)}\n<h3>{escape(w['practical'])}</h3>\n<ul>{practical}</ul>\n"
        "</main>\n</body>\n</html>\n"
    )
