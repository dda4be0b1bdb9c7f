"""Rules between two answers and the country list: definition, schema, validate, import, migrate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from checklist_forms.cli.main import main
from checklist_forms.core.definition import Subtype, build_checklist
from checklist_forms.core.rules import broken_rules
from checklist_forms.intake.validate import checklist_from_schema

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ["--catalogue", str(ROOT / "checklists")]
FORM = Path(__file__).parent / "data" / "forms" / "fiche-de-poste-2.json"
OPTIONS = {"version": "1.0.0", "title": "T"}
BODY = """\
sections:
  - id: s
    title: S
    items:
      - {id: bas, kind: number, label: Bas}
      - {id: haut, kind: number, label: Haut}
      - {id: debut, kind: date, label: Début}
      - {id: fin, kind: date, label: Fin}
      - {id: nom, kind: text, label: Nom}
      - {id: pays, kind: single_choice, label: Pays, display: select, choices_from: countries}
rules:
"""


def _schema(language: str) -> dict[str, Any]:
    path = ROOT / f"checklists/{language}/fiche-de-poste/2.0.0/schema.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _write(tmp_path: Path, name: str = "form.json", **answers: Any) -> Path:
    data = json.loads(FORM.read_text(encoding="utf-8"))
    data["answers"].update(answers)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("rule", "subtype", "words"),
    [
        ('{item: haut, op: ">=", other: absent, message: M}', Subtype.RULE, "'absent'"),
        ('{item: nom, op: ">=", other: bas, message: M}', Subtype.RULE, "a text"),
        ('{item: fin, op: ">=", other: bas, message: M}', Subtype.RULE, "a date with a number"),
        ('{item: fin, op: ">=", other: fin, message: M}', Subtype.RULE, "with itself"),
        ('{item: fin, op: "=>", other: debut, message: M}', Subtype.BAD_VALUE, "'op' of rule 1"),
        ('{item: fin, op: ">=", other: debut}', Subtype.MISSING_KEY, "message"),
    ],
)
def test_a_bad_rule_is_a_located_warning(rule: str, subtype: Subtype, words: str) -> None:
    checklist, problems = build_checklist("t", OPTIONS, BODY + f"  - {rule}\n")
    assert checklist is None
    assert [(p.subtype, p.line) for p in problems] == [
        (subtype, 11)
    ]  # 0-based: the rule's own line
    assert words in problems[0].message


def test_rules_and_countries_are_read_in_the_forms_language() -> None:
    body = BODY + '  - {item: haut, op: ">=", other: bas, message: Haut au moins bas.}\n'
    french, problems = build_checklist("t", OPTIONS, body, language="fr")
    english, _ = build_checklist("t", OPTIONS, body, language="en")
    assert not problems and french is not None and english is not None
    assert [(r.item, r.op, r.other) for r in french.rules] == [("haut", ">=", "bas")]
    fr_names = {c.value: c.label for c in french.item("pays").choices}  # type: ignore[union-attr]
    en_names = {c.value: c.label for c in english.item("pays").choices}  # type: ignore[union-attr]
    assert len(fr_names) == 249 and "EU" not in fr_names and "XK" not in fr_names
    assert fr_names["DE"] == "Allemagne" and en_names["DE"] == "Germany"
    assert broken_rules(french, {"bas": 45000, "haut": 38000}) == list(french.rules)
    assert broken_rules(french, {"bas": 38000, "haut": 45000}) == []
    assert broken_rules(french, {"bas": 45000, "haut": None}) == []


def test_both_choices_and_choices_from_is_refused() -> None:
    body = BODY.replace(
        "choices_from: countries", "choices_from: countries, choices: [{value: a, label: A}]"
    )
    checklist, problems = build_checklist("t", OPTIONS, body.replace("rules:\n", ""))
    assert checklist is None and "both 'choices' and 'choices_from'" in problems[0].message


@pytest.mark.parametrize("language", ["fr", "en"])
def test_exported_schema_carries_rules_as_hints_and_countries_as_codes(language: str) -> None:
    schema = _schema(language)
    assert [r["item"] for r in schema["x-checklist"]["rules"]] == ["salaire-max", "date-limite"]
    assert "cannot express" in schema["$comment"]
    countries = schema["properties"]["answers"]["properties"]["pays"]["oneOf"]
    assert {"const": "FR", "title": "France"} in countries
    checklist = checklist_from_schema(schema)
    assert len(checklist.rules) == 2


@pytest.mark.parametrize(
    ("answers", "named"),
    [
        ({"salaire-min": 45000, "salaire-max": 38000}, ("salaire-max", "salaire-min")),
        ({"date-publication": "2027-01-15", "date-limite": "2027-01-10"}, ("date-limite", "date-publication")),
    ],
)  # fmt: skip
def test_validate_refuses_a_broken_rule_naming_both_items(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    answers: dict[str, Any],
    named: tuple[str, str],
) -> None:
    assert main(["validate", str(_write(tmp_path)), *CATALOGUE]) == 0
    capsys.readouterr()
    assert main(["validate", str(_write(tmp_path, "bad.json", **answers)), *CATALOGUE]) == 1
    out = capsys.readouterr().out
    assert f"  - {named[0]} (" in out and f"rule: {named[0]} >= {named[1]}" in out


def test_english_form_reads_the_english_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = _write(tmp_path, **{"salaire-min": 45000, "salaire-max": 38000})
    data = json.loads(form.read_text(encoding="utf-8"))
    data["language"] = "en"
    form.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(form), *CATALOGUE]) == 1
    assert "The top of the salary range must be at least the bottom." in capsys.readouterr().out


def test_workbook_import_reports_a_broken_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["xlsx", "fiche-de-poste", "-o", str(tmp_path), *CATALOGUE]) == 0
    wb = openpyxl.load_workbook(tmp_path / "fiche-de-poste-2.0.0-fr.xlsx")
    ws = wb.worksheets[0]
    rows = {row[1].value: row for row in ws.iter_rows() if row[1].value}
    rows["salaire-min"][5].value = 45000
    rows["salaire-max"][5].value = 38000
    rows["pays"][5].value = "Allemagne"
    filled = tmp_path / "rempli.xlsx"
    wb.save(filled)
    capsys.readouterr()
    assert main(["import", str(filled), *CATALOGUE]) == 1
    out = capsys.readouterr().out
    row = rows["salaire-max"][5].row
    assert f"row {row} (salaire-max): Le haut de la fourchette" in out
    form = json.loads((tmp_path / "rempli.json").read_text(encoding="utf-8"))
    assert form["answers"]["pays"] == "DE" and form["status"] == "draft"


def test_migrate_carries_country_codes_and_names_and_reports_cut_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = json.loads(
        (Path(__file__).parent / "data/forms/fiche-de-poste-complete.json").read_text()
    )
    for given, expected in (("FR", "FR"), ("Allemagne", "DE"), ("Al", None)):
        old["answers"]["pays"] = given
        source = tmp_path / f"old-{given}.json"
        source.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
        capsys.readouterr()
        code = main(["migrate", str(source), "--to", "2.0.0", *CATALOGUE])
        out = capsys.readouterr().out
        migrated = json.loads((tmp_path / f"old-{given}.v2.0.0.json").read_text(encoding="utf-8"))
        assert migrated["answers"]["pays"] == expected
        assert migrated["status"] == "draft"  # the application address is new and required
        if expected is None:
            assert code == 1 and "NOT CARRIED: pays" in out and "cut to two letters" in out
        else:
            assert code == 0
