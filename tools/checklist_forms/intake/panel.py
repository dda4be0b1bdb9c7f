"""A hiring panel's grids, grouped by recruitment and candidate (``compare``).

Structured interviewing asks each evaluator to rate alone, then the panel to discuss the
criteria where ratings differ: this module gathers the filled grids of one scored
checklist, groups them by the checklist's ``group_item`` (the recruitment) and
``title_item`` (the candidate), and works out per candidate the evaluators, the score's
mean, minimum and maximum, each criterion's ratings and spread, must-have failures and the
calibration list. Rendering (Markdown, tables, HTML) lives in the ``panel_*`` modules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checklist_forms.core.model import Checklist, Item
from checklist_forms.core.score import evaluate, round1
from checklist_forms.core.versions import version_key
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_, translate_all
from checklist_forms.intake import folders
from checklist_forms.intake.forms import FormError, LoadedForm
from checklist_forms.intake.validate import Validator

# Why a file was left out, by key; English is the gettext message.
SKIP_WORDS: dict[str, str] = {
    "other_checklist": N_("a form of {checklist} {version}, not of {panel} {panel_version}"),
}

# Ratings this many levels apart on one criterion are put on the calibration list.
CALIBRATION_GAP = 2


class PanelError(Exception):
    """Nothing usable: no grid of a scored checklist among the inputs."""

    def __init__(self, message: str, skipped: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.message = message  # a Later: shown in the reader's language
        self.skipped = skipped  # (path, why): what was read and left out


@dataclass
class Grid:
    """One evaluator's filled grid of one candidate."""

    path: str
    candidate: str
    evaluator: str
    recruitment: str
    date: str
    status: str
    complete: bool
    score: float | None
    outcome: str | None
    must_have_failed: list[str]
    ratings: dict[str, float | None]


@dataclass
class Criterion:
    """One rated criterion of one candidate, across the panel."""

    item: Item
    ratings: dict[str, float | None]  # evaluator -> rating (None: not rated)
    failed_by: list[str]

    @property
    def given(self) -> list[float]:
        return [v for v in self.ratings.values() if v is not None]

    @property
    def spread(self) -> float | None:
        given = self.given
        return max(given) - min(given) if given else None

    @property
    def mean(self) -> float | None:
        given = self.given
        return round1(sum(given) / len(given)) if given else None


@dataclass
class Candidate:
    recruitment: str
    name: str
    grids: list[Grid]
    criteria: list[Criterion]
    outcome: str | None
    rank: int | None = None

    @property
    def evaluators(self) -> list[str]:
        return [g.evaluator for g in self.grids]

    @property
    def scores(self) -> list[float]:
        return [g.score for g in self.grids if g.score is not None]

    @property
    def mean(self) -> float | None:
        scores = self.scores
        return round1(sum(scores) / len(scores)) if scores else None

    @property
    def minimum(self) -> float | None:
        return min(self.scores, default=None)

    @property
    def maximum(self) -> float | None:
        return max(self.scores, default=None)

    @property
    def complete(self) -> bool:
        return all(g.complete for g in self.grids)

    @property
    def must_have_failures(self) -> list[tuple[Item, str]]:
        return [(c.item, who) for c in self.criteria for who in c.failed_by]

    @property
    def calibration(self) -> list[Criterion]:
        return [c for c in self.criteria if (c.spread or 0) >= CALIBRATION_GAP]


@dataclass
class Panel:
    checklist: Checklist
    candidates: list[Candidate]
    drafts: list[Grid] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    include_drafts: bool = False
    # Every file the inputs hold (read or not): outputs must never replace one of them.
    sources: list[Path] = field(default_factory=list)

    def recruitments(self) -> list[str]:
        return list(dict.fromkeys(c.recruitment for c in self.candidates))

    def of(self, recruitment: str) -> list[Candidate]:
        return [c for c in self.candidates if c.recruitment == recruitment]


# A file left out: its path, the key of the reason in SKIP_WORDS and the reason's fields.
Skip = tuple[str, str, dict[str, str]]


def read_inputs(
    inputs: list[Path], recursive: bool = False
) -> tuple[list[LoadedForm], list[Skip], list[Path]]:
    """The forms the inputs name or hold (:mod:`~checklist_forms.intake.folders` reads
    folders for every command), what was left out and why, and every path met.

    A damaged form stops the command (FormError, exit 2), as in every command: a grid
    that cannot be read must not silently drop out of a hiring decision.
    """
    found = folders.gather(inputs, recursive=recursive)
    if found.unusable:
        raise found.unusable[0]
    skipped: list[Skip] = [(s.path, "as_is", {"text": s.reason}) for s in found.skipped]
    paths = [Path(f.path) for f in found.forms] + [Path(p) for p, _, _ in skipped]
    return found.forms, skipped, paths


def _text(answers: dict[str, Any], item_id: str) -> str:
    value = answers.get(item_id) if item_id else None
    return value.strip() if isinstance(value, str) else ""


def _grid(validator: Validator, form: LoadedForm, checklist: Checklist) -> Grid:
    raw = form.data.get("answers")
    answers: dict[str, Any] = raw if isinstance(raw, dict) else {}
    verdict = evaluate(checklist, answers) or {}
    rated = [i for i in checklist.answerable_items() if i.kind_rules.compared]
    status = str(form.data.get("status") or "draft")
    valid = validator.validate(form).valid
    name = Path(form.path).name
    # Checklists from before ``title_item`` named a form by their first free-text item.
    first_text = next((i.id for i in checklist.answerable_items() if i.kind_rules.free_text), "")
    return Grid(
        path=form.path,
        candidate=_text(answers, checklist.title_item or first_text) or name,
        evaluator=_text(answers, checklist.evaluator_item) or name,
        recruitment=_text(answers, checklist.group_item),
        date=_text(
            answers, next((i.id for i in checklist.answerable_items() if i.kind == "date"), "")
        ),
        status=status,
        # core.score says when an evaluation is complete (every essential and required
        # criterion rated), for the page, the report and this view alike.
        complete=valid and status == "final" and bool(verdict.get("complete", False)),
        score=verdict.get("score") if verdict.get("method") == "weighted" else None,
        outcome=verdict.get("outcome"),
        must_have_failed=list(verdict.get("must_have_failed", [])),
        ratings={
            i.id: i.kind_rules.score_value(i, answers.get(i.id))
            for i in rated
            if i.kind_rules.max_score(i) is not None
        },
    )


def _panel_checklist(
    validator: Validator, forms: list[LoadedForm], skipped: list[Skip], wanted: str | None
) -> tuple[Checklist, list[LoadedForm]]:
    """The scored checklist most forms belong to (or ``wanted``, its newest version among
    the forms); forms of any other are noted and left out."""
    resolved: list[tuple[LoadedForm, Checklist]] = []
    for form in forms:
        try:
            _, _, found = validator.resolve(form)
        except FormError as exc:
            skipped.append((form.path, "as_is", {"text": exc.message}))
            continue
        resolved.append((form, found))
    counts = Counter(
        (c.id, c.version)
        for _, c in resolved
        if c.scoring and c.scoring.method == "weighted" and wanted in (None, c.id)
    )
    if not counts:
        reasons = [(path, fields.get("text", key)) for path, key, fields in skipped]
        message = (
            Later(N_("no filled form of {checklist} among the inputs"), checklist=wanted)
            if wanted
            else Later(N_("no filled form of a checklist with a weighted score among the inputs"))
        )
        raise PanelError(message, reasons)
    if wanted:
        chosen = max(counts, key=lambda key: version_key(key[1]))
    else:
        chosen = min(counts, key=lambda key: (-counts[key], key))
    kept: list[LoadedForm] = []
    checklist: Checklist | None = None
    for form, this in resolved:
        if (this.id, this.version) == chosen:
            kept.append(form)
            checklist = this
        else:
            fields = {
                "checklist": this.id,
                "version": this.version,
                "panel": chosen[0],
                "panel_version": chosen[1],
            }
            skipped.append((form.path, "other_checklist", fields))
    assert checklist is not None
    return checklist, kept


def _outcome(checklist: Checklist, mean: float | None, failed: bool) -> str | None:
    """The panel's outcome: the mean score's, unless an evaluator saw a must-have fail.

    One evaluator's must-have failure is enough to withhold a positive outcome: the
    criterion then goes to the panel's discussion rather than being averaged away.
    """
    assert checklist.scoring is not None
    outcomes = checklist.scoring.outcomes
    if failed:
        return next((o.id for o in outcomes if o.when_must_have_fails), None)
    if mean is None:
        return None
    for outcome in outcomes:
        if outcome.min is not None and not outcome.when_must_have_fails and mean >= outcome.min:
            return outcome.id
    return None


def _candidate(checklist: Checklist, recruitment: str, name: str, grids: list[Grid]) -> Candidate:
    rated = [
        i
        for i in checklist.answerable_items()
        if i.kind_rules.compared and i.kind_rules.max_score(i) is not None
    ]
    criteria = [
        Criterion(
            item=item,
            ratings={g.evaluator: g.ratings.get(item.id) for g in grids},
            failed_by=[g.evaluator for g in grids if item.id in g.must_have_failed],
        )
        for item in rated
    ]
    candidate = Candidate(recruitment, name, grids, criteria, None)
    failed = bool(candidate.must_have_failures)
    candidate.outcome = _outcome(checklist, candidate.mean, failed)
    return candidate


def build_panel(
    validator: Validator,
    inputs: Iterable[Path],
    *,
    include_drafts: bool = False,
    recursive: bool = False,
    checklist_id: str | None = None,
) -> Panel:
    """Read every input, keep the grids of one scored checklist and group them."""
    inputs = list(inputs)
    forms, skipped, paths = read_inputs(inputs, recursive)
    checklist, kept = _panel_checklist(validator, forms, skipped, checklist_id)
    grids = [_grid(validator, form, checklist) for form in kept]
    drafts = [g for g in grids if g.status != "final"]
    counted = grids if include_drafts else [g for g in grids if g.status == "final"]
    groups: dict[tuple[str, str], list[Grid]] = {}
    for grid in sorted(counted, key=lambda g: (g.recruitment, g.candidate, g.evaluator, g.path)):
        groups.setdefault((grid.recruitment, grid.candidate), []).append(grid)
    candidates = [_candidate(checklist, r, n, gs) for (r, n), gs in groups.items()]
    _rank(candidates)
    sources = [*paths, *inputs]
    skipped_text = _worded(checklist, skipped)
    return Panel(checklist, candidates, drafts, skipped_text, include_drafts, sources)


def _worded(checklist: Checklist, skipped: list[Skip]) -> list[tuple[str, str]]:
    """The reasons in the panel's language, known once its checklist is."""
    words = translate_all(checklist.language, SKIP_WORDS)
    # "as_is": the reader's own message (unreadable JSON, not a checklist form).
    return [
        (path, fields["text"] if key == "as_is" else words[key].format(**fields))
        for path, key, fields in skipped
    ]


def _rank(candidates: list[Candidate]) -> None:
    """Rank complete candidates within their recruitment; incomplete ones get no rank."""
    by_recruitment: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_recruitment.setdefault(candidate.recruitment, []).append(candidate)
    ordered: list[Candidate] = []
    for group in by_recruitment.values():
        complete = sorted(
            (c for c in group if c.complete),
            key=lambda c: (bool(c.must_have_failures), -(c.mean or 0.0), c.name),
        )
        for rank, candidate in enumerate(complete, 1):
            candidate.rank = rank
        ordered += complete + sorted((c for c in group if not c.complete), key=lambda c: c.name)
    candidates[:] = ordered
