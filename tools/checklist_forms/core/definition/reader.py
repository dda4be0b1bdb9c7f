"""Read a whole definition: the directive's id and options, then the YAML body.

Every mistake is a contributor's mistake: instead of raising, reading collects
:class:`Problem` objects, each with a warning subtype and the line of the offending key.
A definition with any problem gives no checklist: it is warned about once, then skipped
by every later stage (rendering, workbook, schema), and the build goes on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checklist_forms.core.definition.build import build_parts
from checklist_forms.core.definition.places import place_of
from checklist_forms.core.definition.problems import Problem, Subtype
from checklist_forms.core.definition.references import check_references
from checklist_forms.core.definition.shape import check_shape
from checklist_forms.core.definition.yaml_source import read_yaml
from checklist_forms.core.model import SEMVER, SLUG, Checklist

# Screens a checklist can ask for with its :guard: option.
GUARDS = ("non-discrimination",)


def _by_line(problem: Problem) -> int:
    return -1 if problem.line is None else problem.line


def parse_body(text: str, language: str = "fr") -> tuple[dict[str, Any], list[Problem]]:
    """Read the YAML body; return the pieces (empty when it has problems) and problems.

    ``language`` names the choices a definition takes from a list (countries).
    """
    source, problems = read_yaml(text)
    if source is None:
        return {}, problems
    for path, key, line in source.repeated:
        message = f"key {key!r} appears twice in {place_of(source, path)}"
        problems.append(Problem(Subtype.YAML, message, line))
    problems += check_shape(source)
    problems += check_references(source)
    # One problem found two ways (a key both missing and required by a kind) is told once.
    problems = sorted(dict.fromkeys(problems), key=_by_line)
    if problems:
        return {}, problems
    return build_parts(source, language), []


def _control_character(text: str) -> str:
    return next((c for c in text if (ord(c) < 32 and c != "\t") or c == "\x7f"), "")


def _option_problems(
    checklist_id: str, options: Mapping[str, str]
) -> tuple[list[Problem], tuple[str, ...]]:
    problems: list[Problem] = []
    if not checklist_id:
        problems.append(
            Problem(
                Subtype.MISSING_ID, "the checklist has no id: write it after the directive name"
            )
        )
    elif not SLUG.match(checklist_id):
        problems.append(
            Problem(
                Subtype.MISSING_ID,
                f"checklist id {checklist_id!r} must be a slug: lowercase letters, digits and hyphens",
            )
        )
    version = options.get("version", "").strip()
    if not version:
        message = "the checklist has no :version: option (for example 1.0.0)"
        problems.append(Problem(Subtype.BAD_VERSION, message, option="version"))
    elif not SEMVER.match(version):
        message = f"version {version!r} is not a semantic version MAJOR.MINOR.PATCH such as 1.0.0"
        problems.append(Problem(Subtype.BAD_VERSION, message, option="version"))
    guards: tuple[str, ...] = ()
    raw_guards = options.get("guard", "").strip()
    if raw_guards:
        guards = tuple(sorted({g.strip() for g in raw_guards.split(",") if g.strip()}))
        unknown = [g for g in guards if g not in GUARDS]
        if unknown:
            message = f"unknown guard {unknown[0]!r}; guards: {', '.join(GUARDS)}"
            problems.append(Problem(Subtype.BAD_VALUE, message, option="guard"))
    if not options.get("title", "").strip():
        problems.append(
            Problem(Subtype.MISSING_KEY, "the checklist has no :title: option", option="title")
        )
    for name in ("title", "audience"):
        control = _control_character(options.get(name, ""))
        if control:
            message = (
                f"the :{name}: option contains the control character U+{ord(control):04X}, "
                "which a form or workbook cannot show: remove it"
            )
            problems.append(Problem(Subtype.BAD_VALUE, message, option=name))
    return problems, guards


def build_checklist(
    checklist_id: str,
    options: Mapping[str, str],
    body: str,
    *,
    language: str = "fr",
) -> tuple[Checklist | None, list[Problem]]:
    """Read a whole definition; the checklist is None as soon as anything is wrong."""
    problems, guards = _option_problems(checklist_id, options)
    parts, body_problems = parse_body(body, language)
    problems += body_problems
    if problems:
        return None, problems
    checklist = Checklist(
        id=checklist_id,
        version=options["version"].strip(),
        title=options["title"].strip(),
        language=language,
        audience=options.get("audience", "").strip(),
        intro=parts["intro"],
        sections=parts["sections"],
        scoring=parts["scoring"],
        renamed=parts["renamed"],
        guards=guards,
        rules=parts["rules"],
        title_item=parts["title_item"],
        evaluator_item=parts["evaluator_item"],
        group_item=parts["group_item"],
        retention_months=parts["retention_months"],
    )
    return checklist, problems
