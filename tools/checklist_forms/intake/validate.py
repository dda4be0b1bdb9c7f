"""Validate filled forms against their published schema, in plain words.

The verdict is the JSON Schema's (Draft 2020-12 with format checking): jsonschema-rs
gives it and finds the errors, jsonschema takes over for errors whose wording only it has,
and for everything when jsonschema-rs is missing. This module turns each error into a
sentence that names the item and its label, the way an HR team reads it. One compiled
validator serves every form of the same schema, and jsonschema itself (a tenth of a
second to import) is loaded only for the first error whose wording only it has.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checklist_forms.core.guard import Finding, screen
from checklist_forms.core.limits import MAX_JSON_DEPTH, depth_over
from checklist_forms.core.model import Checklist, checklist_from_dict
from checklist_forms.core.rules import broken_rules
from checklist_forms.core.schema import HINTS
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_
from checklist_forms.intake.catalogue import Catalogue, CatalogueError, Entry
from checklist_forms.intake.forms import FormError, LoadedForm
from checklist_forms.intake.problems import Issue, _on, describe

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

STATUSES = ("draft", "final")


@dataclass
class Result:
    file: str
    checklist: str
    version: str
    status: str
    errors: list[Issue] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    language: str = "en"

    @property
    def warnings(self) -> list[Issue]:
        """Findings of the checklist's guards that nobody has acknowledged yet."""
        return [
            Issue(item=f.item, label=f.label, message=f.message(self.language))
            for f in self.findings
            if not f.acknowledged
        ]

    @property
    def valid(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "checklist": self.checklist,
            "version": self.version,
            "status": self.status,
            "valid": self.valid,
            "errors": [e.as_dict() for e in self.errors],
            "warnings": [w.as_dict() for w in self.warnings],
            "findings": [f.as_dict() for f in self.findings],
        }


def checklist_from_schema(schema: dict[str, Any]) -> Checklist:
    """The definition carried by an exported schema (its ``x-checklist`` hints)."""
    hints = schema.get(HINTS, {})
    return checklist_from_dict(
        {
            "id": schema["properties"]["checklist"]["const"],
            "version": schema["properties"]["version"]["const"],
            "title": schema.get("title", ""),
            "intro": schema.get("description", ""),
            "language": hints.get("language", "fr"),
            "audience": hints.get("audience", ""),
            "sections": hints.get("sections", []),
            "scoring": hints.get("scoring"),
            "renamed": hints.get("renamed", []),
            "guards": hints.get("guards", []),
            "rules": hints.get("rules", []),
            "title_item": hints.get("title_item", ""),
            "evaluator_item": hints.get("evaluator_item", ""),
            "group_item": hints.get("group_item", ""),
            "retention_months": hints.get("retention_months"),
        }
    )


class Compiled:
    """One published schema, ready to validate: its checklist and its validators."""

    def __init__(self, schema: dict[str, Any], *, fast: bool) -> None:
        self.schema = schema
        self.checklist = checklist_from_schema(schema)
        self.fast: Any = _fast_validator(schema) if fast else None
        self._slow: Draft202012Validator | None = None

    @property
    def slow(self) -> Draft202012Validator:
        """jsonschema's validator, built (and jsonschema imported) on first use."""
        if self._slow is None:
            from jsonschema import Draft202012Validator, FormatChecker

            self._slow = Draft202012Validator(self.schema, format_checker=FormatChecker())
        return self._slow


class Validator:
    """Validates forms of any checklist of a catalogue, caching one validator per schema."""

    def __init__(self, catalogue: Catalogue, *, fast: bool = True) -> None:
        """``fast=False`` leaves jsonschema-rs out: every verdict and message from jsonschema."""
        self.catalogue = catalogue
        self.use_fast = fast
        self._compiled: dict[tuple[str, str, str | None], tuple[Entry, Compiled]] = {}

    def resolve(self, form: LoadedForm) -> tuple[Entry, Compiled, Checklist]:
        """Find the schema a form names; unusable forms raise :class:`FormError`.

        Every command starts here, so this is also where a form nested deeper than any
        checklist form can be is refused, before a validator recurses into it.
        """
        data = form.data
        too_deep = depth_over(data)
        if too_deep is not None:
            raise FormError(form.path, _depth_message(too_deep))
        checklist_id = data.get("checklist")
        version = data.get("version")
        if not isinstance(checklist_id, str) or not checklist_id:
            raise FormError(
                form.path,
                Later(N_('not a checklist form: it has no "checklist" key naming its checklist')),
            )
        if not isinstance(version, str) or not version:
            raise FormError(
                form.path, Later(N_('form of {id!r} has no "version" key'), id=checklist_id)
            )
        language = data.get("language") if isinstance(data.get("language"), str) else None
        # A batch names the same few schemas again and again: one look-up per name.
        found = self._compiled.get((checklist_id, version, language))
        if found is not None:
            return found[0], found[1], found[1].checklist
        entry = self.catalogue.find(checklist_id, version, language)
        if entry is None:
            known = self.catalogue.versions(checklist_id)
            if not known:
                hint = difflib.get_close_matches(checklist_id, self.catalogue.ids(), n=1)
                suggestion = Later(N_(" (did you mean {hint!r}?)"), hint=hint[0]) if hint else ""
                raise FormError(
                    form.path,
                    Later(
                        N_("unknown checklist {id!r}{suggestion}"),
                        id=checklist_id,
                        suggestion=suggestion,
                    ),
                )
            raise FormError(
                form.path,
                Later(
                    N_("checklist {id!r} has no version {version!r}; known versions: {known}"),
                    id=checklist_id,
                    version=version,
                    known=", ".join(known),
                ),
            )
        same_file = next(
            (c for e, c in self._compiled.values() if e.schema_file == entry.schema_file), None
        )
        if same_file is None:
            try:
                schema = self.catalogue.schema(entry)
            except CatalogueError as exc:
                raise FormError(form.path, exc.message) from None
            same_file = Compiled(schema, fast=self.use_fast)
        self._compiled[checklist_id, version, language] = (entry, same_file)
        return entry, same_file, same_file.checklist

    def validate(self, form: LoadedForm) -> Result:
        _, compiled, checklist = self.resolve(form)
        data = form.data
        status = data.get("status") if isinstance(data.get("status"), str) else ""
        result = Result(
            form.path, checklist.id, checklist.version, str(status), language=checklist.language
        )
        # The test suite checks that the two validators agree on verdicts and messages.
        result.errors = _issues(data, compiled)
        answers = data.get("answers")
        acknowledged = data.get("acknowledged")
        if isinstance(answers, dict) and not result.errors:
            # Only on answers of the right types: a rule compares numbers or dates.
            result.errors = rule_issues(checklist, answers)
        if isinstance(answers, dict):
            acks = (
                [a for a in acknowledged if isinstance(a, str)]
                if isinstance(acknowledged, list)
                else []
            )
            result.findings = screen(checklist, answers, acks)
        return result


def rule_issues(checklist: Checklist, answers: dict[str, Any]) -> list[Issue]:
    """The broken rules between answers, each on its item and naming the other one."""
    issues = []
    for rule in broken_rules(checklist, answers):
        item, other = checklist.item(rule.item), checklist.item(rule.other)
        assert item is not None and other is not None
        issues.append(
            _on(
                item,
                Later(
                    N_(
                        "{message} (rule: {item} {op} {other} ({label}); "
                        "{value} against {other_value})"
                    ),
                    message=rule.message,
                    item=rule.item,
                    op=rule.op,
                    other=rule.other,
                    label=other.label,
                    value=json.dumps(answers.get(rule.item)),
                    other_value=json.dumps(answers.get(rule.other)),
                ),
            )
        )
    return issues


def _depth_message(path: list[str | int]) -> str:
    if len(path) > 1 and path[0] == "answers":
        where = Later(N_("the answer to item {id!r}"), id=str(path[1]))
    elif path:
        where = Later(N_("the value of key {key!r}"), key=str(path[0]))
    else:
        where = Later(N_("the form"))
    return Later(
        N_("{where} is nested more than {depth} levels deep; no checklist form is"),
        where=where,
        depth=MAX_JSON_DEPTH,
    )


def _issues(data: Any, compiled: Compiled) -> list[Issue]:
    """The schema errors of a form in plain words, from the fastest validator that can.

    jsonschema-rs finds the errors about fifteen times faster than jsonschema, which was
    most of the time ``validate`` spent on a batch with failing forms. :func:`describe`
    words nearly every error from its paths and the item alone; when it needs the
    validator's own message (which the two libraries phrase differently), the form goes
    to jsonschema, so the words a user reads never depend on which validator ran.
    """
    fast, checklist, schema = compiled.fast, compiled.checklist, compiled.schema
    if fast is not None:
        if fast.is_valid(data):
            return []
        found = [_FastError.of(error, schema, data) for error in fast.iter_errors(data)]
        try:
            return _described(found, checklist, schema)
        except _NeedsOwnWording:
            pass
    return _described(list(compiled.slow.iter_errors(data)), checklist, schema)


def _described(errors: list[Any], checklist: Checklist, schema: dict[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[tuple[str | None, str]] = set()
    for error in sorted(errors, key=_error_order):
        for issue in describe(error, checklist, schema):
            key = (issue.item, issue.message)
            if key not in seen:
                seen.add(key)
                issues.append(issue)
    return issues


class _NeedsOwnWording(Exception):
    """:func:`describe` asked a jsonschema-rs error for its validator's message."""


@dataclass(frozen=True)
class _FastError:
    """A jsonschema-rs error seen through the attributes :func:`describe` reads."""

    absolute_path: tuple[str | int, ...]
    absolute_schema_path: tuple[str | int, ...]
    instance: Any
    schema: Any  # the subschema holding the failed keyword
    validator: str  # the failed keyword

    @property
    def message(self) -> str:
        raise _NeedsOwnWording

    @classmethod
    def of(cls, error: Any, root: dict[str, Any], data: Any) -> _FastError:
        schema_path = tuple(error.schema_path)
        holder: Any = root
        for part in schema_path[:-1]:
            holder = holder[part] if isinstance(holder, dict | list) else None
        keyword = schema_path[-1] if schema_path else ""
        # The form's own value, not jsonschema-rs's copy of it (whose keys come sorted).
        path = tuple(error.instance_path)
        instance: Any = data
        for part in path:
            instance = instance[part]
        return cls(
            absolute_path=path,
            absolute_schema_path=schema_path,
            instance=instance,
            schema=holder,
            validator=str(keyword),
        )


def _fast_validator(schema: dict[str, Any]) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # the verdict then comes from jsonschema alone
        return None
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def _error_order(error: ValidationError | _FastError) -> tuple[str, str]:
    # Where the error is, then which keyword failed: both validators agree on these, so
    # the order of the messages does not depend on which one ran.
    return (json.dumps(list(error.absolute_path)), json.dumps(list(error.absolute_schema_path)))
