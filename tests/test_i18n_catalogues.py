"""The interface words' gettext catalogues: complete, current, and loaded as shipped."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from checklist_forms.i18n import messages, translate
from checklist_forms.i18n.translate import labelled, translator
from checklist_forms.i18n.ui_text import MESSAGES, fmt, ui


@pytest.fixture(scope="module")
def pot() -> Catalog:
    return messages.template()


def test_french_ships(pot: Catalog) -> None:
    assert "fr" in messages.languages()
    assert len([m for m in pot if m.id]) > 100


@pytest.mark.parametrize("language", messages.languages())
def test_every_message_is_translated_and_current(pot: Catalog, language: str) -> None:
    # Fails on a message the code has and the catalogue lacks, an empty or fuzzy
    # translation, an obsolete or stale entry, or a {field} the code never fills.
    # Fix: `python -m checklist_forms.i18n.messages update`, then translate.
    assert messages.problems(language, pot) == []


def _catalogue_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(translate.LOCALES, target)
    monkeypatch.setattr(translate, "LOCALES", target)
    monkeypatch.setattr(messages, "LOCALES", target)
    translate._compiled.cache_clear()
    translator.cache_clear()
    return target / "fr" / "LC_MESSAGES" / "checklist_forms.po"


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    yield
    translate._compiled.cache_clear()
    translator.cache_clear()


def test_the_check_catches_what_it_promises(
    pot: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    po = _catalogue_copy(tmp_path, monkeypatch)
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "Résultat"', 'msgstr ""')
    text = text.replace('msgid "Candidate"', '#, fuzzy\nmsgid "Candidate"')
    text = text.replace('msgstr "entre {min} et {max}"', 'msgstr "entre {min} et {maximum}"')
    text += '\n#~ msgid "Gone"\n#~ msgstr "Parti"\n\nmsgid "Not in the code"\nmsgstr "Pas dans le code"\n'
    po.write_text(text, encoding="utf-8")
    found = "\n".join(messages.problems("fr", pot))
    assert "'Result' is not translated" in found
    assert "'Candidate' is fuzzy" in found
    assert "['maximum']" in found
    assert "obsolete entry 'Gone'" in found
    assert "'Not in the code' is no longer in the code" in found
    # A fuzzy translation is not shown: English until someone confirms it.
    assert translator("fr").gettext("Candidate") == "Candidate"


def test_french_words_keep_their_typographic_spaces() -> None:
    words = ui("fr")
    # No-break space: the colon never starts a line (form labels, the checklist header).
    assert words["colon"] == "\u00a0: "
    assert words["quote"] == "« {w} »"
    assert labelled("fr", "Statut", "draft") == "Statut : draft"
    assert labelled("en", "Status", "draft") == "Status: draft"
    assert fmt("fr", "range", min=1, max=5) == "entre 1 et 5"


def test_french_catalogue_uses_typographic_apostrophes() -> None:
    """« l’élément », as the handbook prints it: not the typewriter's ' between letters."""
    from babel.messages.pofile import read_po

    with messages.catalogue_path("fr").open("rb") as po:
        catalogue = read_po(po)
    straight = [
        message.id
        for message in catalogue
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        if re.search(r"[^\W\d_]'[^\W\d_]", text or "")
    ]
    assert straight == []
    assert translator("fr").gettext("Points to watch") == "Points d’attention"


def test_ui_keeps_every_key_in_every_language() -> None:
    for language in ("fr", "en", "de", None):
        assert set(ui(language)) == set(MESSAGES)
    assert ui("en") == MESSAGES


@pytest.mark.parametrize("language", ["fr_FR", "fr-CA", "FR"])
def test_regional_tags_fall_back_to_the_language(language: str) -> None:
    assert ui(language)["yes"] == "oui"


@pytest.mark.parametrize("language", ["de", "", None, "../../../etc/passwd", "fr/../fr", "x" * 300])
def test_unknown_or_malformed_languages_read_english(language: str | None) -> None:
    assert ui(language)["yes"] == "yes"


def test_a_third_language_is_a_catalogue_not_code(
    pot: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    _catalogue_copy(tmp_path, monkeypatch)
    messages.init("de", pot)
    po = messages.catalogue_path("de")
    text = po.read_text(encoding="utf-8").replace(
        'msgid "yes"\nmsgstr ""', 'msgid "yes"\nmsgstr "ja"'
    )
    po.write_text(text, encoding="utf-8")
    translator.cache_clear()
    assert ui("de")["yes"] == "ja"
    assert ui("de")["no"] == "no"  # not translated yet: English
    assert any("is not translated" in p for p in messages.problems("de", pot))


def test_no_compiled_catalogue_is_committed() -> None:
    assert not list(translate.LOCALES.rglob("*.mo"))
