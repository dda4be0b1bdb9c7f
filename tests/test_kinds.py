"""Each kind of item through the registry of core/kinds: one home per kind.

The behaviour pinned here is the one the schema, report, score, workbook and migrate
tests see end to end; these tests ask each kind directly, so a new kind (or a change to
one) shows here first.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from checklist_forms.core.kinds import KEYS, KINDS, NAMES, UNKNOWN, Kind, Unusable, kind_of
from checklist_forms.core.model import ITEM_KINDS, Checklist, Item
from checklist_forms.core.schema import answer_schema, answered_schema
from checklist_forms.i18n.translate import translate_all
from checklist_forms.i18n.ui_text import ui
from checklist_forms.intake.workbook_reader import _matcher
from checklist_forms.publish.workbook_writer import TEXT

from helpers import all_kinds, parse_markdown

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "tools" / "SPEC-checklist-language.md"
FR = ui("fr")
CELL_WORDS = translate_all("fr", TEXT)


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return all_kinds()


def _item(checklist: Checklist, item_id: str) -> Item:
    item = checklist.item(item_id)
    assert item is not None
    return item


def _valid(item: Item, value: Any) -> bool:
    schema = answer_schema(item)
    return Draft202012Validator(schema, format_checker=FormatChecker()).is_valid(value)


def _final(item: Item, value: Any) -> bool:
    return Draft202012Validator(answered_schema(item)).is_valid(value)


def _cell(item: Item, value: Any) -> Any:
    """A typed cell read the way ``checklist-forms import`` reads it (blank cells aside)."""
    return kind_of(item).parse_cell(item, value, _matcher(item, {}, "fr"))


# -- the registry --------------------------------------------------------------------


def test_every_kind_of_the_definition_language_has_one_entry() -> None:
    assert NAMES == ITEM_KINDS
    # The specification lists the kinds as "- `name` — ..." under "Kinds and their own keys".
    spec = SPEC.read_text(encoding="utf-8").split("Kinds and their own keys", 1)[1]
    spec = spec.split("\n## ", 1)[0]
    written = re.findall(r"^- `([a-z_]+)` —", spec, flags=re.M)
    assert written == list(NAMES)
    for name, kind in KINDS.items():
        assert isinstance(kind, Kind) and kind.name == name


def test_the_kind_of_an_item_is_its_registry_entry(checklist: Checklist) -> None:
    for item in checklist.items():
        assert kind_of(item) is KINDS[item.kind] is item.kind_rules
    stranger = Item(id="x", kind="hologram", label="?")
    assert kind_of(stranger) is UNKNOWN
    # What an item of a newer, unknown kind got before the registry: any answer, kept.
    assert stranger.answerable and stranger.blank() is None
    assert _valid(stranger, {"any": "thing"})
    with pytest.raises(Unusable, match="items of kind 'hologram' take no answer"):
        _cell(stranger, "x")


@pytest.mark.parametrize("name", NAMES)
def test_the_keys_of_each_kind_are_the_keys_the_definition_reader_accepts(name: str) -> None:
    """Every key of KEYS[name] is accepted on an item of that kind, and no other one is."""
    samples = {
        "id": "it",
        "kind": name,
        "label": "Question",
        "help": "Aide",
        "required": "true",
        "visible_if": "{item: before, answered: true}",
        "weight": "2",
        "points": "{oui: 1}",
        "choices": "[{value: a, label: A}, {value: b, label: B}]",
        "display": "select",
        "min_selected": "1",
        "max_selected": "2",
        "multiline": "true",
        "max_length": "40",
        "placeholder": "ici",
        "guard": "false",
        "min": "0",
        "max": "10",
        "step": "1",
        "unit": "h",
        "must_have": "2",
        "levels": "[{value: 1, label: Un, anchor: a}, {value: 2, label: Deux, anchor: b}]",
    }
    assert set(samples) == set().union(*KEYS.values())

    def problems(keys: tuple[str, ...]) -> list[Any]:
        lines = "\n".join(f"        {key}: {samples[key]}" for key in keys)
        text = (
            "```{checklist} sortes\n:version: 1.0.0\n:title: Sortes\n\n"
            "scoring:\n  method: tally\n  outcomes:\n    - {id: oui, label: Oui}\n"
            "sections:\n  - id: s\n    title: S\n    items:\n"
            "      - {id: before, kind: text, label: Avant}\n"
            f"      -\n{lines}\n```\n"
        )
        _, found = parse_markdown(text)
        return found

    assert problems(KEYS[name]) == []
    for other in sorted(set(samples) - set(KEYS[name])):
        assert problems((*KEYS[name], other)), f"{other!r} accepted on a {name} item"


# -- one test per kind ----------------------------------------------------------------


def test_checkbox(checklist: Checklist) -> None:
    item = _item(checklist, "case")
    kind = kind_of(item)
    assert answer_schema(item)["type"] == "boolean"
    assert item.blank() is False and _valid(item, False) and not _valid(item, None)
    assert _final(item, True) and not _final(item, False)
    assert item.answered(True) and not item.answered(False)
    assert kind.unanswered_text(item) == "the box is not ticked"
    assert kind.report_text(item, True, FR) == "oui"
    assert kind.report_text(item, None, FR) == "non"  # an empty box says no, never a dash
    assert _cell(item, True) is True and _cell(item, "Oui") is True
    assert _cell(item, " NON ") is False and _cell(item, 1) is True and _cell(item, "x") is True
    with pytest.raises(Unusable, match="« peut-être » is not one of the allowed answers: Oui, Non"):
        _cell(item, "peut-être")
    assert kind.cell_check(item, CELL_WORDS, "'_lists'!$A$2:$A$3")["type"] == "list"
    assert kind.allowed_text(item, CELL_WORDS) == "Oui ou Non (vide = Non)."


def test_single_choice(checklist: Checklist) -> None:
    item = _item(checklist, "volume")
    kind = kind_of(item)
    assert _valid(item, "moyen") and _valid(item, None) and not _valid(item, "énorme")
    assert _final(item, "moyen") and not _final(item, None)
    assert not item.answered(None) and item.answered("fort")
    assert kind.max_score(item) == 3.0 and kind.score_value(item, "moyen") == 2.0
    assert kind.score_value(item, "énorme") is None
    assert kind.report_text(item, "moyen", FR) == "Moyen"
    assert kind.report_text(item, None, FR) == "—"
    assert kind.report_text(item, "inconnu", FR) == "inconnu"
    assert _cell(item, "Moyen") == "moyen" and _cell(item, "  fort ") == "fort"
    assert _cell(item, "MOYEN") == "moyen"  # case and spacing do not matter
    with pytest.raises(
        Unusable, match="« 3 » is not one of the allowed answers: Faible, Moyen, Fort"
    ):
        _cell(item, 3)
    assert kind.allowed_text(item, CELL_WORDS).splitlines()[0] == "Une réponse parmi la liste."


def test_multi_choice(checklist: Checklist) -> None:
    item = _item(checklist, "canaux")
    kind = kind_of(item)
    assert item.blank() == [] and _valid(item, ["forum", "mail"])
    assert not _valid(item, ["forum", "forum"]) and not _valid(item, ["forum", "discord", "mail"])
    assert not _final(item, []) and _final(item, ["mail"])
    assert not item.answered([]) and item.answered(["mail"])
    assert kind.choice_error([0]) and not kind.choice_error([])
    assert kind.report_text(item, ["forum", "mail"], FR) == "Forum, Courriel"
    assert kind.report_text(item, [], FR) == "—"
    # Typed in any order, read back in the checklist's order, without repeats.
    assert _cell(item, "courriel ; Forum; forum") == ["forum", "mail"]
    assert _cell(item, "Discord\nforum") == ["forum", "discord"]
    with pytest.raises(Unusable, match="« Slack » is not one of the allowed answers"):
        _cell(item, "Forum ; Slack")
    with pytest.raises(Unusable, match="3 choices given; at most 2 are allowed"):
        _cell(item, "Forum ; Discord ; Courriel")
    assert kind.cell_check(item, CELL_WORDS, "'_lists'!$B$2:$B$4")["showErrorMessage"] is False
    assert kind.carry(item, ["forum", "slack"]) == (["forum"], ["slack"])


def test_text_and_its_multiline_variant(checklist: Checklist) -> None:
    line = _item(checklist, "detail-faible")
    lines = _item(checklist, "precision-forum")
    kind = kind_of(line)
    assert kind is kind_of(lines)
    assert answer_schema(line)["maxLength"] == 200 and answer_schema(lines)["maxLength"] == 50
    assert not _final(line, "   ") and _final(line, "ok") and not line.answered("  \n")
    assert kind.unanswered_text(line) == "the text is empty"
    assert kind.free_text and kind.max_length(lines) == 50
    assert kind.report_text(line, "Une petite équipe.", FR) == "Une petite équipe."
    assert kind.report_text(line, "", FR) == "—"
    assert kind.allowed_text(line, CELL_WORDS) == "Texte libre, 200 caractères au plus."
    assert kind.allowed_text(lines, CELL_WORDS).startswith("Texte libre sur plusieurs lignes")
    assert _cell(line, "=SOMME(A1)") == "=SOMME(A1)"  # kept as text, never evaluated
    assert _cell(line, 12.5) == "12.5" and _cell(line, dt.date(2026, 3, 31)) == "2026-03-31"
    with pytest.raises(Unusable, match="text is 51 characters long; at most 50 are allowed"):
        _cell(lines, "x" * 51)


def test_number(checklist: Checklist) -> None:
    item = _item(checklist, "heures")
    kind = kind_of(item)
    assert _valid(item, 12) and _valid(item, None) and not _valid(item, 71)
    assert not _valid(item, True)
    assert _final(item, 0) and not _final(item, None) and item.answered(0)
    assert kind.max_score(item) == 70.0 and kind.score_value(item, 35) == 35.0
    assert kind.score_value(item, True) is None
    assert kind.report_text(item, 12, FR) == "12 heures par semaine"
    assert kind.reason_text(item, 12, FR) == "12"  # a score's reasons show no unit
    assert _cell(item, "12,5") == 12.5 and _cell(item, " 4\u00a05 ") == 45
    assert _cell(item, 7.0) == 7 and isinstance(_cell(item, 7.0), int)
    with pytest.raises(Unusable, match="« douze » is not a number"):
        _cell(item, "douze")
    with pytest.raises(Unusable, match="« 71 » is above the maximum 70"):
        _cell(item, 71)
    with pytest.raises(Unusable, match="« -1 » is below the minimum 0"):
        _cell(item, "-1")
    with pytest.raises(Unusable, match="is not a number"):
        _cell(item, float("nan"))
    check = kind.cell_check(item, CELL_WORDS, None)
    assert (check["type"], check["formula1"], check["formula2"]) == ("decimal", "0", "70")


def test_rating(checklist: Checklist) -> None:
    item = _item(checklist, "niveau")
    kind = kind_of(item)
    assert _valid(item, 3) and _valid(item, None) and not _valid(item, 5)
    assert not _valid(item, "3")
    assert kind.choice_error([]) and kind.compared
    assert kind.max_score(item) == 4.0 and kind.score_value(item, 2) == 2.0
    assert kind.report_text(item, 3, FR) == "3 — Bon"
    assert kind.reason_text(item, 3, FR) == "3 — Bon"
    assert kind.report_text(item, None, FR) == "—"
    assert _cell(item, 3) == 3 and _cell(item, "3 — Bon") == 3 and _cell(item, "bon") == 3
    assert _cell(item, "3 - Bon") == 3  # a plain hyphen for the dash
    with pytest.raises(Unusable, match="« 5 » is not one of the allowed answers: 1 — Insuffisant"):
        _cell(item, 5)
    assert kind.cell_entries(item, CELL_WORDS)["4 — Excellent"] == 4


def test_date(checklist: Checklist) -> None:
    item = _item(checklist, "echeance")
    kind = kind_of(item)
    assert _valid(item, "2026-03-31") and not _valid(item, "31/03/2026")
    assert _final(item, "2026-03-31") and not _final(item, None)
    assert kind.report_text(item, "2026-03-31", FR) == "2026-03-31"
    assert kind.paper_line
    assert _cell(item, dt.datetime(2026, 3, 31)) == "2026-03-31"
    assert _cell(item, "31/03/2026") == "2026-03-31" and _cell(item, "2026-3-1") == "2026-03-01"
    with pytest.raises(Unusable, match="has a time of day; a date is expected"):
        _cell(item, dt.datetime(2026, 3, 31, 9, 30))
    with pytest.raises(Unusable, match="« 31/02/2026 » is not a date that exists"):
        _cell(item, "31/02/2026")
    with pytest.raises(Unusable, match=re.escape("is not a date (write YYYY-MM-DD or DD/MM/YYYY)")):
        _cell(item, 46112)
    assert kind.cell_format == "yyyy-mm-dd"


def test_note(checklist: Checklist) -> None:
    item = _item(checklist, "a-savoir")
    kind = kind_of(item)
    assert not kind.answerable and not item.answerable
    assert item.id not in checklist.blank_answers()
    assert "required" not in KEYS["note"] and "weight" not in KEYS["note"]
    assert kind.cell_check(item, CELL_WORDS, None) is None
    with pytest.raises(Unusable, match="items of kind 'note' take no answer"):
        _cell(item, "x")
