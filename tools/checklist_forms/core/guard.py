"""The non-discrimination guard: free-text answers screened for protected criteria.

French law forbids excluding a candidate on the criteria listed in article L1132-1 of the
Code du travail, and job ads may state no age limit (L5331-2), no sex or family situation
(L1142-1), and must be written in French (L5331-4). The guard looks for wording that
usually signals such a criterion in the text answers of checklists that ask for it
(``:guard: non-discrimination``). A finding is a prompt to re-read, not a verdict: the
contributor guide lists the known false positives, and a person who has checked a
finding acknowledges it in the form (``acknowledged: ["item:rule"]``).

The rules live in ``data/guard-rules.json``, shared with the browser form, and match
lowercased, accent-free text so that Python and JavaScript regular expressions agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checklist_forms.core.answered import has_visible_text
from checklist_forms.core.folding import fold_lower as folded_text
from checklist_forms.core.folding import fold_lower_mapped as fold
from checklist_forms.core.model import Answer, Checklist
from checklist_forms.i18n.ui_text import fmt

RULES_FILE = Path(__file__).parent.parent / "data" / "guard-rules.json"
GUARD = "non-discrimination"


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return data


# Words that tell English from French prose, for the "written in French" rule.
ENGLISH_WORDS = frozenset(_data()["stopwords"]["en"])
FRENCH_WORDS = frozenset(_data()["stopwords"]["fr"])


@dataclass(frozen=True)
class Finding:
    item: str
    label: str
    rule: str
    criterion: str
    words: tuple[str, ...]
    articles: tuple[str, ...]
    acknowledged: bool = False

    @property
    def key(self) -> str:
        return f"{self.item}:{self.rule}"

    def message(self, language: str) -> str:
        words = ", ".join(fmt(language, "quote", w=w) for w in self.words)
        articles = ", ".join(self.articles)
        return fmt(language, "finding", words=words, criterion=self.criterion, articles=articles)

    def as_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "label": self.label,
            "rule": self.rule,
            "criterion": self.criterion,
            "words": list(self.words),
            "articles": list(self.articles),
            "acknowledged": self.acknowledged,
        }


@cache
def rules() -> list[dict[str, Any]]:
    return list(_data()["rules"])


@cache
def _compiled(rule_id: str) -> list[re.Pattern[str]]:
    rule = next(r for r in rules() if r["id"] == rule_id)
    return [re.compile(p) for p in rule["patterns"]]


@cache
def _any_of(rule_id: str) -> re.Pattern[str] | None:
    """One alternation of a rule's patterns: most texts match none, and one search says so."""
    patterns = [p.pattern for p in _compiled(rule_id)]
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _words(text: str, folded: str, where: list[int], pattern: re.Pattern[str]) -> list[str]:
    found = []
    for match in pattern.finditer(folded):
        if match.end() == match.start():
            continue
        start, end = where[match.start()], where[match.end() - 1] + 1
        found.append(text[start:end])
    return found


def _looks_english(folded: str) -> bool:
    tokens = re.findall(r"[a-z]+", folded)
    english = sum(1 for t in tokens if t in ENGLISH_WORDS)
    french = sum(1 for t in tokens if t in FRENCH_WORDS)
    return english >= 3 and english > 2 * french


def screen(
    checklist: Checklist, answers: Mapping[str, Answer], acknowledged: list[str] | None = None
) -> list[Finding]:
    """Findings in the text answers of a checklist that asks for this guard."""
    if GUARD not in checklist.guards:
        return []
    seen = set(acknowledged or [])
    language = checklist.language if checklist.language in ("fr", "en") else "en"
    findings: list[Finding] = []
    for item in checklist.answerable_items():
        value = answers.get(item.id)
        if (
            not item.kind_rules.free_text
            or not item.guard
            or not isinstance(value, str)
            or not has_visible_text(value)
            or not checklist.is_visible(item, answers)  # an answer that does not apply
        ):
            continue
        folded = folded_text(value)
        where: list[int] | None = None  # mapped back to the original only on a match
        for rule in rules():
            if rule.get("language_rule"):
                words = (
                    [value.strip()[:40] + ("…" if len(value.strip()) > 40 else "")]
                    if (checklist.language == "fr" and _looks_english(folded))
                    else []
                )
            else:
                quick = _any_of(rule["id"])
                if quick is None or not quick.search(folded):
                    continue
                if where is None:
                    folded, where = fold(value)
                words = [w for p in _compiled(rule["id"]) for w in _words(value, folded, where, p)]
            if words:
                unique = tuple(dict.fromkeys(words))
                findings.append(
                    Finding(
                        item=item.id,
                        label=item.label,
                        rule=rule["id"],
                        criterion=rule["criterion"][language],
                        words=unique,
                        articles=tuple(rule["articles"]),
                        acknowledged=f"{item.id}:{rule['id']}" in seen,
                    )
                )
    return findings
