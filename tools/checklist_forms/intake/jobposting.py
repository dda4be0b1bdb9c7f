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
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from checklist_forms.core import jsontext
from checklist_forms.core.guard import screen
from checklist_forms.core.model import Answer, Checklist, is_answered
from checklist_forms.i18n.later import Joined, Later
from checklist_forms.i18n.translate import N_
from checklist_forms.intake.jobad import application, country_code, description_html
from checklist_forms.intake.jobad import number_of as _number
from checklist_forms.intake.jobad import text_of as _text
from checklist_forms.intake.jobad import to_markdown as to_markdown
from checklist_forms.intake.jobad_page import to_html as to_html

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


class JobPostingError(Exception):
    """The form lacks what a job posting requires; ``items`` names what to fill."""

    def __init__(self, message: str, items: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.message = message  # a Later: shown in the reader's language
        self.items = items


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(
        json.loads(SCHEMA_FILE.read_text(encoding="utf-8")), format_checker=FormatChecker()
    )


def missing_items(checklist: Checklist, answers: Mapping[str, Answer]) -> list[tuple[str, str]]:
    """Items to fill before a job posting can be published, as (id, label)."""
    needed = ["intitule", "employeur", "date-publication", "pays", "candidature-adresse"]
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


def unacknowledged_wording(
    checklist: Checklist, answers: Mapping[str, Answer], acknowledged: Sequence[str]
) -> None:
    """Refuse an ad whose answers hold wording the guard flags and nobody has acknowledged.

    A finding is a prompt to re-read; the person who checked that a mention is justified
    says so in the form (the browser's "J'ai relu, c'est justifié" writes
    ``acknowledged``). Until then, the ad is not written: publishing it is the harm.
    """
    open_findings = [
        f for f in screen(checklist, answers, list(acknowledged)) if not f.acknowledged
    ]
    if not open_findings:
        return
    details = Joined(
        "; ",
        [
            Later(
                N_(
                    "{item} ({label}): {words}, criterion {criterion}, French Labour Code "
                    'art. {articles} (acknowledge as "{key}")'
                ),
                item=f.item,
                label=f.label,
                words=", ".join(repr(w) for w in f.words),
                criterion=repr(f.criterion),
                articles=", ".join(f.articles),
                key=f.key,
            )
            for f in open_findings
        ],
    )
    raise JobPostingError(
        Later(
            N_(
                "the ad would publish wording that French law forbids in a job offer; reword "
                "it, or, after checking that a mention is justified, acknowledge it in the "
                "form (\"J'ai relu, c'est justifié\" in the browser): {details}"
            ),
            details=details,
        ),
        list(dict.fromkeys((f.item, f.label) for f in open_findings)),
    )


def build_jobposting(
    checklist: Checklist, answers: Mapping[str, Answer], acknowledged: Sequence[str] = ()
) -> dict[str, Any]:
    """schema.org JobPosting for a filled « Fiche de poste »; raises JobPostingError.

    ``acknowledged`` holds the form's acknowledged guard findings (``item:rule``); any
    other finding refuses the ad.
    """
    if checklist.id != CHECKLIST_ID:
        raise JobPostingError(
            Later(
                N_("a job posting is built from a {expected} form, not {checklist}"),
                expected=repr(CHECKLIST_ID),
                checklist=repr(checklist.id),
            ),
            [],
        )
    missing = missing_items(checklist, answers)
    if missing:
        names = ", ".join(f"{item_id} ({label})" for item_id, label in missing)
        raise JobPostingError(
            Later(N_("fill these items before publishing: {items}"), items=names), missing
        )
    unusable = _unusable_numbers(checklist, answers)
    if unusable:
        names = ", ".join(f"{item_id} ({label})" for item_id, label in unusable)
        raise JobPostingError(
            Later(N_("these numbers are too large to publish: {items}"), items=names), unusable
        )
    unacknowledged_wording(checklist, answers, acknowledged)
    apply_item = checklist.item("candidature-adresse")
    where = application(answers)
    if apply_item is not None and where is None:
        raise JobPostingError(
            Later(
                N_(
                    "candidature-adresse ({label}): give the address of an application "
                    "page starting with https:// or an e-mail address, not {answer}"
                ),
                label=apply_item.label,
                answer=repr(_text(answers, apply_item.id)),
            ),
            [(apply_item.id, apply_item.label)],
        )
    country = country_code(_text(answers, "pays"))
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
    contact: dict[str, Any] = {"@type": "ContactPoint"}
    if where is not None and where[0] == "web":
        # The ad's own page takes the application: Google's directApply, schema.org's url.
        posting["url"] = where[1]
        posting["directApply"] = True
    elif where is not None:
        contact["email"] = where[1]
    if _text(answers, "candidature-contact"):
        contact["name"] = _text(answers, "candidature-contact")
    if len(contact) > 1:
        posting["applicationContact"] = contact
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
        raise JobPostingError(
            Later(N_("the job posting does not meet Google's rules: {detail}"), detail=detail), []
        )
    return posting


def to_jsonld(posting: Mapping[str, Any]) -> str:
    return jsontext.dumps(posting) + "\n"
