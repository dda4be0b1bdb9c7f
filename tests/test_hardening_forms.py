"""Hostile filled forms: deep nesting, numbers at the edge, odd choices, markup in text.

Each test names the failure it guards against; all of them crashed, or let markup
through, before the hardening.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from checklist_forms.cli.main import main
from checklist_forms.core.limits import MAX_JSON_DEPTH, depth_over
from checklist_forms.core.markup import md_block, md_cell, md_code, md_text

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = str(ROOT / "checklists")
GRID = ROOT / "checklists" / "fr" / "grille-entretien" / "1.0.0" / "form.json"
JOB = Path(__file__).parent / "data" / "forms" / "fiche-de-poste-complete.json"
BUZZ = ROOT / "checklists" / "fr" / "bad-buzz" / "1.0.0" / "form.json"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def form_text(source: Path, answers: dict[str, str], extra: str | None = None) -> str:
    """A form with some answers replaced by raw JSON text (numbers JSON allows, not Python)."""
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    for key in answers:
        data["answers"][key] = f"@@{key}@@"
    if extra is not None:
        data["zzz"] = "@@zzz@@"
    text = json.dumps(data, ensure_ascii=False)
    for key, raw in answers.items():
        text = text.replace(f'"@@{key}@@"', raw)
    if extra is not None:
        text = text.replace('"@@zzz@@"', extra)
    return text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--catalogue", CATALOGUE])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


DEEP = "[" * 300 + "]" * 300


def test_depth_over_is_iterative_and_names_the_path() -> None:
    deep: Any = []
    for _ in range(100_000):  # far past the interpreter's recursion limit
        deep = [deep]
    path = depth_over({"answers": {"x": deep}})
    assert path is not None and path[:2] == ["answers", "x"]
    assert depth_over({"answers": {"x": [1, [2]]}}) is None
    assert len(depth_over({"a": DEEP and json.loads(DEEP)}) or []) == MAX_JSON_DEPTH


@pytest.mark.parametrize("command", ["validate", "report", "compare", "migrate"])
def test_deep_answer_or_unknown_key_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """Was a `Recursion limit reached` traceback from the validator."""
    answer = write(tmp_path, "answer.json", form_text(GRID, {"autonomie": DEEP}))
    key = write(tmp_path, "key.json", form_text(GRID, {}, extra=DEEP))
    for path, named in ((answer, "item 'autonomie'"), (key, "key 'zzz'")):
        before = digest(path)
        args = {
            "validate": ["validate", str(path)],
            "report": ["report", str(path)],
            "compare": ["compare", str(path), str(path)],
            "migrate": ["migrate", str(path), "--to", "1.0.0", "-o", str(tmp_path / "m.json")],
        }[command]
        code, out, err = run(capsys, *args)
        assert code == 2, (out, err)
        assert named in out + err and "nested more than" in out + err
        assert "Traceback" not in err
        assert digest(path) == before


EDGES = ["1e400", "-1e308", "1" + "0" * 400]


@pytest.mark.parametrize("number", EDGES)
def test_edge_numbers_in_ratings_report_and_compare_without_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    """Was OverflowError in core/score.py (float() of a huge int, floor of infinity)."""
    path = write(tmp_path, "f.json", form_text(GRID, {"autonomie": number, "redaction": number}))
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1 and "INVALID" in out
    code, out, _ = run(capsys, "report", str(path))
    assert code == 1 and "autonomie" in out
    code, out, _ = run(capsys, "compare", str(path), "--include-drafts")
    assert code == 0 and "(incomplet)" in out


@pytest.mark.parametrize("number", EDGES)
def test_edge_numbers_in_a_salary_never_crash_the_job_posting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    """A 400-digit salary is valid JSON Schema (no maximum) and was an OverflowError."""
    path = write(tmp_path, "job.json", form_text(JOB, {"salaire-min": number}))
    code, _, err = run(capsys, "jobposting", str(path))
    assert code == 1, err
    assert "salaire-min" in err or "not a valid form" in err
    assert "Traceback" not in err


def test_migrate_never_writes_infinity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """1e400 reads as infinity, which json.dumps wrote as `Infinity` (not JSON)."""
    path = write(tmp_path, "job.json", form_text(JOB, {"salaire-min": "1e400"}))
    out_path = tmp_path / "out.json"
    code, out, _ = run(capsys, "migrate", str(path), "--to", "1.0.0", "-o", str(out_path))
    assert code == 1 and "NOT CARRIED: salaire-min" in out
    text = out_path.read_text(encoding="utf-8")
    assert "Infinity" not in text
    assert json.loads(text)["answers"]["salaire-min"] is None


@pytest.mark.parametrize("in_place", [False, True])
def test_migrate_reports_lists_and_objects_among_choices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], in_place: bool
) -> None:
    """Was `TypeError: unhashable type: 'list'`, also with --in-place."""
    data = json.loads(BUZZ.read_text(encoding="utf-8"))
    data["answers"]["nature"] = [[1], {"a": 2}, "x"]
    path = write(tmp_path, "f.json", json.dumps(data))
    original = path.read_bytes()
    args = ["--in-place"] if in_place else ["-o", str(tmp_path / "out.json")]
    code, out, err = run(capsys, "migrate", str(path), "--to", "1.0.0", *args)
    assert code == 1, err
    assert out.count("NOT CARRIED: nature") == 3
    if in_place:
        assert (tmp_path / "f.json.bak").read_bytes() == original
    else:
        assert path.read_bytes() == original


HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> *gras* [lien](http://x) `c`'


def test_report_escapes_html_and_markdown_from_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(GRID.read_text(encoding="utf-8"))
    data["answers"]["nom-candidat"] = HOSTILE
    data["answers"]["points-forts"] = "# titre\n- liste\n" + HOSTILE
    data["answers"]["zzz<img onerror=alert(3)>"] = 1  # an unknown key, named in the errors
    path = write(tmp_path, "f.json", json.dumps(data))
    code, out, _ = run(capsys, "report", str(path))
    assert code == 1
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "onerror" in out  # shown, inert
    assert "[lien](" not in out and "*gras*" not in out


def test_jobposting_markdown_escapes_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(JOB.read_text(encoding="utf-8"))
    data["answers"]["intitule"] = HOSTILE
    data["answers"]["finalite"] = "# Pas un titre\n\n" + HOSTILE
    data["answers"]["activites"] = "- " + HOSTILE
    path = write(tmp_path, "job.json", json.dumps(data))
    target = tmp_path / "ad.md"
    code, _, err = run(capsys, "jobposting", str(path), "--markdown", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text and "[lien](" not in text
    assert "\n# Pas un titre" not in text and "\\# Pas un titre" in text
    assert text.startswith("# &lt;script&gt;")


def test_markup_helpers() -> None:
    assert md_text("a<b>&c") == "a&lt;b&gt;&amp;c"
    assert md_text("*x* _y_ [z](u) `v` ~w~ |") == r"\*x\* \_y\_ \[z\](u) \`v\` \~w\~ \|"
    assert md_block("# h\n> q\n1. n\n- l\n===") == "\\# h\n&gt; q\n1\\. n\n\\- l\n\\==="
    assert md_cell("a\nb|c") == "a<br>b\\|c"
    assert md_code("item-1") == "`item-1`" and md_code("a`<b>") == "a\\`&lt;b&gt;"
