"""Every broken definition is a located warning with a ``checklist.<subtype>`` type.

The corpus under ``data/broken/`` and the exact lines in ``expected.txt`` are the
contract: file, line of the offending key, message and type. No traceback, and with
``--keep-going`` one run lists them all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
    "subtype", sorted(set(SUBTYPES) - {"duplicate_checklist", "version_not_bumped"})
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
    # The other two need two pages or a published version: see test_parallel_incremental.py
    # and test_versions.py.
    assert emitted | {"duplicate_checklist", "version_not_bumped"} == set(SUBTYPES)
