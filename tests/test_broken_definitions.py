"""Every broken definition is a located warning with a ``checklist.<subtype>`` type.

The corpus under ``data/broken/`` and the exact lines in ``expected.txt`` are the
contract: file, line of the offending key, message and type. No traceback, and with
``--keep-going`` one run lists them all.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from checklist_forms.core.definition import SUBTYPES

from conftest import BuildSite

BROKEN = Path(__file__).parent / "data" / "broken"


def corpus() -> dict[str, str]:
    pages = {p.name: p.read_text(encoding="utf-8") for p in sorted(BROKEN.glob("*.md"))}
    toc = "\n".join(Path(name).stem for name in pages)
    pages["index.md"] = f"# Corpus\n\n```{{toctree}}\n{toc}\n```\n"
    return pages


def expected() -> list[str]:
    return (BROKEN / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_exact_warning_lines(build_site: BuildSite) -> None:
    built = build_site(corpus(), expect_warnings=True)
    assert sorted(built.warnings) == sorted(expected())
    assert "Traceback" not in built.status


def test_keep_going_fails_the_build_listing_every_problem(build_site: BuildSite) -> None:
    built = build_site(corpus(), expect_warnings=True, warningiserror=True, keep_going=True)
    assert built.app.statuscode == 1
    assert len(built.warnings) == len(expected())


# duplicate_checklist needs two pages: silenced in test_parallel_incremental.py.
@pytest.mark.parametrize(
    "subtype", sorted(set(SUBTYPES) - {"duplicate_checklist", "version_not_bumped", "config"})
)
def test_every_subtype_can_be_silenced(build_site: BuildSite, subtype: str) -> None:
    conf = (
        'extensions = ["myst_parser", "checklist_forms.sphinx_ext"]\n'
        'html_baseurl = "https://example.org/"\n'
        f'suppress_warnings = ["checklist.{subtype}"]\n'
    )
    built = build_site(corpus(), conf=conf, expect_warnings=True)
    assert not any(f"[checklist.{subtype}]" in w for w in built.warnings)
    emitted = {line.rsplit("[", 1)[1].rstrip("]") for line in expected()}
    others = emitted - {f"checklist.{subtype}"}
    assert {w.rsplit("[", 1)[1].rstrip("]") for w in built.warnings} == others


def test_every_subtype_is_documented() -> None:
    guide = (
        Path(__file__).parent.parent / "docs" / "contribuer" / "ecrire-une-checklist.md"
    ).read_text(encoding="utf-8")
    missing = [s for s in SUBTYPES if f"checklist.{s}" not in guide]
    assert not missing, f"document these warning types in the contributor guide: {missing}"


def test_corpus_covers_every_directive_subtype() -> None:
    emitted = {line.rsplit("[checklist.", 1)[1].rstrip("]") for line in expected()}
    # The others need two pages, a published version or a site setting: see
    # test_parallel_incremental.py and test_versions.py; config is a site setting.
    assert emitted | {"duplicate_checklist", "version_not_bumped", "config"} == set(SUBTYPES)


# -- hardening: each malformed definition is one located warning, and is then left out --

WORKBOOK_CONF = (
    'extensions = ["myst_parser", "checklist_forms.sphinx_ext"]\n'
    'html_baseurl = "https://example.org/"\n'
    "checklist_workbooks = True\n"
)
GOOD = """
```{checklist} saine
:version: 1.0.0
:title: Saine

sections:
  - id: s
    title: S
    items:
      - id: ok
        kind: checkbox
        label: Une case
```
"""


def page(body: str, checklist_id: str = "cassee") -> str:
    """A page (line 1 is the title, the body starts on line 7) and a sound checklist."""
    return (
        f"# Page\n\n```{{checklist}} {checklist_id}\n:version: 1.0.0\n:title: Cassée\n\n"
        f"{body.strip(chr(10))}\n```\n{GOOD}"
    )


def build_one(build_site: BuildSite, body: str) -> Any:
    """Build a page with a broken and a sound checklist, workbooks on: the build ends, the
    broken one is warned about once and left out, the sound one is exported."""
    built = build_site({"index.md": page(body)}, conf=WORKBOOK_CONF, expect_warnings=True)
    assert "Traceback" not in built.status
    assert built.app.statuscode == 0
    index = json.loads((built.forms() / "index.json").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in index["checklists"]] == ["saine"]
    assert "checklist-cassee" not in built.html()
    assert "checklist-saine" in built.html()
    return built


ITEMS = "sections:\n  - id: s\n    title: S\n    items:\n"  # lines 7-10


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!bool maybe", "!!bool"),
        ('!!int ""', "!!int"),
        ('!!float ""', "!!float"),
        ("!!timestamp x", "!!timestamp"),
        ("!!python/object/apply:os.system [echo]", "!!python/object/apply:os.system"),
        ("!local x", "!local"),
    ],
)
def test_yaml_tags_are_refused_at_their_line(build_site: BuildSite, value: str, tag: str) -> None:
    body = (
        ITEMS
        + f"      - id: a\n        kind: checkbox\n        label: A\n        required: {value}\n"
    )
    built = build_one(build_site, body)
    assert built.warnings == [
        f"index.md:14: WARNING: the checklist body uses the YAML tag {tag}: tags are not "
        "allowed in a checklist; write the value without it (quote it to make it text) "
        "[checklist.yaml]"
    ]


def test_nested_aliases_are_refused_once_at_the_first_alias(build_site: BuildSite) -> None:
    # Nine levels of nine aliases: 387 million nodes once expanded, from 2 KB.
    letters = "abcdefghij"
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
        f"{new}: &{new} [{', '.join(['*' + old] * 9)}]" for old, new in itertools.pairwise(letters)
    ]
    body = "\n".join([*lines, "sections: *j"])
    built = build_one(build_site, body)
    assert built.warnings == [
        "index.md:8: WARNING: the checklist body uses the YAML alias *a: aliases are not "
        "allowed in a checklist; write the value out again [checklist.yaml]"
    ]


@pytest.mark.parametrize(
    ("item", "warning"),
    [
        (
            "      - id: c\n        kind: single_choice\n        label: C\n",
            "index.md:11: WARNING: item 'c' has no choices: add a 'choices' list [checklist.no_choices]",
        ),
        (
            "      - id: r\n        kind: rating\n        label: R\n",
            "index.md:11: WARNING: item 'r' has no levels: add a 'levels' list with an anchor "
            "per level [checklist.no_choices]",
        ),
        (
            "      - id: r\n        kind: rating\n        label: R\n        levels:\n"
            "          - {value: 1.5, label: Un, anchor: Rien}\n",
            "index.md:15: WARNING: 'value' of level 1 of item 'r' must be a whole number, "
            "not '1.5' [checklist.bad_value]",
        ),
        (
            '      - id: a\n        kind: checkbox\n        label: "A\\u0007B"\n',
            "index.md:13: WARNING: 'label' of item 'a' contains the control character U+0007, "
            "which a form or workbook cannot show: remove it [checklist.bad_value]",
        ),
        (
            "      - id: n\n        kind: number\n        label: N\n        max: "
            + "9" * 400
            + "\n",
            "index.md:14: WARNING: 'max' of item 'n' must be at most 1e+15 [checklist.bad_value]",
        ),
    ],
    ids=["no-choices", "no-levels", "fractional-level", "control-character", "huge-bound"],
)
def test_a_definition_that_warned_is_left_out_of_every_output(
    build_site: BuildSite, item: str, warning: str
) -> None:
    built = build_one(build_site, ITEMS + item)
    assert built.warnings == [warning]


def test_control_character_in_the_title_option_is_refused(build_site: BuildSite) -> None:
    text = page(ITEMS + "      - id: a\n        kind: checkbox\n        label: A\n")
    built = build_site(
        {"index.md": text.replace(":title: Cassée", ":title: Cas\x07sée")},
        conf=WORKBOOK_CONF,
        expect_warnings=True,
    )
    assert built.warnings == [
        "index.md:5: WARNING: the :title: option contains the control character U+0007, "
        "which a form or workbook cannot show: remove it [checklist.bad_value]"
    ]


def test_undeclared_outcome_is_reported_at_its_points_line(build_site: BuildSite) -> None:
    body = ITEMS + (
        "      - id: a\n        kind: checkbox\n        label: A\n"  # 11-13
        "        points:\n          bon: 1\n          autre: 2\n"  # 14-16
        "scoring:\n  method: tally\n  outcomes:\n    - {id: bon, label: Bon}\n"  # 17-20
    )
    built = build_one(build_site, body)
    assert built.warnings == [
        "index.md:16: WARNING: points of 'a' name outcome 'autre', which 'scoring' does not "
        "declare [checklist.bad_value]"
    ]


@pytest.mark.parametrize(
    ("body", "warning"),
    [
        (
            # The section comes first, the item inside it second.
            "sections:\n  - id: budget\n    title: S\n    items:\n"
            "      - id: budget\n        kind: checkbox\n        label: A\n",
            "index.md:11: WARNING: item id 'budget' is already used above in this checklist; "
            "section and item ids must be unique in a checklist [checklist.duplicate_id]",
        ),
        (
            # The item comes first, a later section second.
            ITEMS + "      - id: budget\n        kind: checkbox\n        label: A\n"
            "  - id: budget\n    title: T\n    items:\n"
            "      - id: c\n        kind: checkbox\n        label: C\n",
            "index.md:14: WARNING: section id 'budget' is already used above in this checklist; "
            "section and item ids must be unique in a checklist [checklist.duplicate_id]",
        ),
    ],
    ids=["item-below-section", "section-below-item"],
)
def test_section_and_item_sharing_an_id_is_reported_at_the_second(
    build_site: BuildSite, body: str, warning: str
) -> None:
    built = build_one(build_site, body)
    assert built.warnings == [warning]


def test_html_build_publishes_the_definition_schema(build_site: BuildSite) -> None:
    built = build_site({"index.md": "# Page\n" + GOOD}, conf=WORKBOOK_CONF)
    schema = json.loads((built.forms() / "definition.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "https://example.org/checklists/definition.schema.json"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    # The published schema accepts the body of a sound definition, as an editor would.
    body = GOOD.split(":title: Saine\n\n", 1)[1].split("```", 1)[0]
    assert not list(Draft202012Validator(schema).iter_errors(yaml.safe_load(body)))
