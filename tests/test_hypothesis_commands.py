"""Every command that reads a form or a workbook, on generated and hostile input (Hypothesis).

Forms are generated from each published schema under checklists/ (answers of the right
kind), then mutated the way a hostile or careless file is: nesting, numbers at the edge,
control characters, wrong types. Whatever comes in, each command exits 0, 1 or 2 without
an exception, leaves its input untouched, and validate's verdict is jsonschema's.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker
from openpyxl.cell.cell import MergedCell

from checklist_forms.cli.main import main
from checklist_forms.core.model import Checklist, Item
from checklist_forms.intake.validate import checklist_from_schema
from checklist_forms.publish.workbook_writer import COL, HEADER_ROW, build_workbook

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "checklists"
SCHEMAS = sorted(CATALOGUE.glob("*/*/*/schema.json"))
EDGES = {"@@inf@@": "1e400", "@@min@@": "-1e308", "@@big@@": "1" + "0" * 400}
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(path: Path) -> tuple[dict[str, Any], Checklist]:
    schema = json.loads(path.read_text(encoding="utf-8"))
    return schema, checklist_from_schema(schema)


LOADED = {str(p.relative_to(CATALOGUE)): _load(p) for p in SCHEMAS}

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text(max_size=8), st.sampled_from(list(EDGES))),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=10,
)  # fmt: skip
control_text = st.text(
    st.characters(codec="utf-8", categories=("Cc", "Cs", "Lu", "Po", "Zs")), max_size=12
)
deep = st.integers(30, 400).map(lambda n: json.loads("[" * n + "]" * n))


def answer(item: Item) -> st.SearchStrategy[Any]:
    """A value of the item's own kind (mostly valid), or a hostile one."""
    kind = item.kind
    if kind == "checkbox":
        own: st.SearchStrategy[Any] = st.booleans()
    elif kind == "single_choice":
        own = st.sampled_from([c.value for c in item.choices])
    elif kind == "multi_choice":
        own = st.lists(st.sampled_from([c.value for c in item.choices]), unique=True)
    elif kind == "rating":
        own = st.sampled_from([lv.value for lv in item.levels])
    elif kind == "number":
        own = st.floats(item.min, item.max, allow_nan=False, allow_infinity=False)
    elif kind == "date":
        own = st.dates().map(lambda d: d.isoformat())
    else:
        own = st.text(max_size=40)
    hostile = st.one_of(json_values, control_text, deep, st.sampled_from(list(EDGES)))
    return st.one_of(st.none(), own, own, hostile)


@st.composite
def forms(draw: st.DrawFn) -> tuple[str, str]:
    key = draw(st.sampled_from(sorted(LOADED)))
    _, checklist = LOADED[key]
    answers = {i.id: draw(answer(i)) for i in checklist.answerable_items() if draw(st.booleans())}
    data: dict[str, Any] = {
        "checklist": checklist.id,
        "version": checklist.version,
        "language": checklist.language,
        "status": draw(st.sampled_from(["draft", "final", "other"])),
        "answers": answers,
    }
    if draw(st.booleans()):
        data[draw(st.text(max_size=6))] = draw(st.one_of(json_values, deep))
    text = json.dumps(data, ensure_ascii=False)
    for marker, raw in EDGES.items():
        text = text.replace(json.dumps(marker), raw)
    return key, text


def run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*args, "--catalogue", str(CATALOGUE)])
    assert code in (0, 1, 2), (args, code, err.getvalue())
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue() + err.getvalue()


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@SETTINGS
@given(form=forms())
def test_every_form_command_survives_any_form(form: tuple[str, str]) -> None:
    key, text = form
    schema, checklist = LOADED[key]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        path = inputs / "form.json"
        path.write_text(text, encoding="utf-8")
        before = digest(inputs)
        out = Path(tmp) / "out"
        code, _ = run("validate", str(path))
        if code != 2:  # a verdict, not a refusal: it must be the JSON Schema's
            data = json.loads(text)
            expected = Draft202012Validator(schema, format_checker=FormatChecker()).is_valid(data)
            assert (code == 0) == expected, text
        run("report", str(path), "-o", str(out / "report.md"))
        run("compare", str(path), str(path))
        run("jobposting", str(path), "-o", str(out / "job.json"), "--markdown", str(out / "j.md"))
        run("migrate", str(path), "--to", checklist.version, "-o", str(out / "m.json"))
        assert digest(inputs) == before
        if (out / "m.json").exists():
            json.loads((out / "m.json").read_text(encoding="utf-8"), parse_constant=_no_constant)


def _no_constant(name: str) -> Any:
    raise AssertionError(f"migrate wrote {name}, which is not JSON")


# Text openpyxl can store in a cell (it refuses most control characters on write).
cell_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=30
) | st.sampled_from(["=1/0", '=HYPERLINK("http://x")', "#DIV/0!", "#N/A", "1e400", "[[[["])
cell_values = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False), cell_text,
)  # fmt: skip


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key=st.sampled_from(sorted(LOADED)), data=st.data())
def test_import_survives_any_cell(key: str, data: st.DataObject) -> None:
    _, checklist = LOADED[key]
    wb = openpyxl.load_workbook(io.BytesIO(build_workbook(checklist)))
    ws = wb.worksheets[0]
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        cell = ws.cell(row=row, column=COL["answer"])
        if not isinstance(cell, MergedCell) and data.draw(st.integers(0, 3)) == 0:
            cell.value = data.draw(cell_values)
    if data.draw(st.booleans()):
        meta = wb["_meta"]
        meta.cell(row=data.draw(st.integers(1, meta.max_row)), column=4).value = data.draw(
            cell_text
        )
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        path = inputs / "filled.xlsx"
        wb.save(path)
        before = digest(inputs)
        code, _ = run("import", str(path), "-o", str(Path(tmp) / "form.json"))
        assert digest(inputs) == before
        if code != 2:
            run("validate", str(Path(tmp) / "form.json"))
