"""What can be wrong with a checklist: the warning subtypes and the problem record.

Every ``checklist.<subtype>`` warning the project emits is declared here, once, with what
it means; the contributor guide documents each one and the tests check that it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Subtype(StrEnum):
    """The ``<subtype>`` of a ``checklist.<subtype>`` warning (formats as its value)."""

    YAML = "yaml"
    UNKNOWN_KEY = "unknown_key"
    UNKNOWN_KIND = "unknown_kind"
    MISSING_KEY = "missing_key"
    BAD_VALUE = "bad_value"
    NO_CHOICES = "no_choices"
    DUPLICATE_CHOICE = "duplicate_choice"
    DUPLICATE_ID = "duplicate_id"
    VISIBLE_IF = "visible_if"
    BAD_VERSION = "bad_version"
    MISSING_ID = "missing_id"
    DUPLICATE_CHECKLIST = "duplicate_checklist"
    VERSION_NOT_BUMPED = "version_not_bumped"
    CONFIG = "config"
    RULE = "rule"


_MEANINGS: dict[Subtype, str] = {
    Subtype.YAML: "the body is not valid YAML, not a mapping, or uses tags or aliases",
    Subtype.UNKNOWN_KEY: "a key the language does not know (often a typo)",
    Subtype.UNKNOWN_KIND: "an item kind that does not exist",
    Subtype.MISSING_KEY: "a key that must be given is absent",
    Subtype.BAD_VALUE: "a value of the wrong type or out of range",
    Subtype.NO_CHOICES: "a choice item without choices, or a rating without levels",
    Subtype.DUPLICATE_CHOICE: "two choices (or rating levels) of one item share a value",
    Subtype.DUPLICATE_ID: "two sections or items of one checklist share an id",
    Subtype.VISIBLE_IF: "a condition on a missing or later item, or on a value it cannot take",
    Subtype.BAD_VERSION: "the version is not a semantic version MAJOR.MINOR.PATCH",
    Subtype.MISSING_ID: "the directive has no checklist id, or the id is not a slug",
    Subtype.DUPLICATE_CHECKLIST: "two checklists of the site share an id",
    Subtype.VERSION_NOT_BUMPED: "a published version's structure changed without a new version",
    Subtype.CONFIG: "the site's configuration lacks the absolute URL the schemas need",
    Subtype.RULE: "a rule between answers names a missing item, or items that cannot be compared",
}

# Every subtype with what it means; the contributor guide and the tests read this table.
SUBTYPES: dict[str, str] = {str(subtype): _MEANINGS[subtype] for subtype in Subtype}


@dataclass(frozen=True)
class Problem:
    subtype: Subtype
    message: str
    # 0-based line inside the YAML body, or None for the directive line itself.
    line: int | None = None
    # The option the problem is about, when it is about an option.
    option: str | None = None
