"""The grammar check of `nox -s spelling`: prose extraction, Grammalecte's findings, exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist_forms.site import grammar
from checklist_forms.site.prose import paragraphs
from checklist_forms.site.typography import NBSP, NNBSP

PAGE = """---
description: Une description qui ne compte pas.
---

# Le recrutement

Il faut qu'il vient demain. Voir [la page](autre.md) et `code : ici`.

```python
il faut qu'il vient  # du code, jamais lu
```

```{checklist} essai
:version: 1.0.0
:title: Un titre d'option

sections:
  - id: s
    title: Une section
    items:
      - id: a
        kind: checkbox
        label: Les chose sont prêtes ?
```

- [ ] une tâche en minuscules, normale dans une liste ;
"""


def test_prose_keeps_what_a_reader_reads() -> None:
    texts = [(p.lines[0][1], p.text, p.fragment) for p in paragraphs(PAGE)]
    assert texts == [
        (5, "Le recrutement", False),
        (7, "Il faut qu’il vient demain. Voir la page et X.", False),
        (19, "Une section", True),
        (23, f"Les chose sont prêtes{NNBSP}?", True),
        (26, f"une tâche en minuscules, normale dans une liste{NNBSP};", True),
    ]


def test_prose_types_what_the_build_types() -> None:
    (paragraph,) = paragraphs('Un "mot" : [Interne ou externe ?](x.md). Fin.\n')
    assert paragraph.text == f"Un «{NBSP}mot{NBSP}»{NBSP}: Interne ou externe{NNBSP}? Fin."


@pytest.fixture(scope="module")
def checker() -> grammar.Checker:
    try:
        return grammar.Checker()
    except grammar.GrammalecteMissing as missing:
        pytest.skip(f"Grammalecte is not installed here (python3-grammalecte): {missing}")


def test_findings_name_file_line_rule_and_extract(checker: grammar.Checker, tmp_path: Path) -> None:
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    left, stale, seen = grammar.run([page.parent], [], checker, tmp_path)
    shown = [str(f) for f in left]
    assert seen == len(left) == 2, shown
    assert shown[0].startswith("docs/page.md:7: gv2__vmode_verbe_que_subjonctif")
    assert shown[0].endswith("(« vient »)")
    assert shown[1].startswith("docs/page.md:23: ")
    assert shown[1].endswith("(« chose »)")
    assert stale == []


def test_exceptions_are_honoured_and_stale_ones_reported(
    checker: grammar.Checker, tmp_path: Path
) -> None:
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    rules = tmp_path / "exceptions.txt"
    rule = "gv2__vmode_verbe_que_subjonctif__b1_a1_1"
    rules.write_text(
        f"# reviewed\ndocs/page.md | {rule} | vient | a test\n* | no-such-rule | x | gone\n",
        encoding="utf-8",
    )
    left, stale, seen = grammar.run(
        [page.parent], grammar.read_exceptions(rules), checker, tmp_path
    )
    assert seen == 2
    assert [f.extract for f in left] == ["chose"]
    assert [(e.rule, e.line) for e in stale] == [("no-such-rule", 3)]


def test_main_exit_codes(
    checker: grammar.Checker, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ok.md"
    page.write_text("# Titre\n\nCette phrase est correcte.\n", encoding="utf-8")
    assert grammar.main([str(page), "--base", str(tmp_path)]) == 0
    page.write_text("# Titre\n\nIl faut qu'il vient.\n", encoding="utf-8")
    assert grammar.main([str(page), "--base", str(tmp_path)]) == 1
    assert capsys.readouterr().out.startswith("ok.md:3: gv2__vmode_verbe_que_subjonctif")


def test_bad_exceptions_file_is_a_plain_error(tmp_path: Path) -> None:
    rules = tmp_path / "exceptions.txt"
    rules.write_text("docs/page.md | rule-without-reason\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"exceptions.txt:1: expected"):
        grammar.read_exceptions(rules)
