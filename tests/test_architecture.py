"""The package's shape as rules that fail: layers (import-linter) and module length."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))
import max_lines  # noqa: E402


def lint_imports(project: Path, tools: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with ``project``'s pyproject.toml over the package in ``tools``."""
    executable = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(executable), "--no-cache"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(tools)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_layers_are_kept() -> None:
    done = lint_imports(ROOT, TOOLS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_a_wrong_way_import_breaks_the_contracts(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    package = tmp_path / "tools" / "checklist_forms"
    shutil.copytree(
        TOOLS / "checklist_forms", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    # core reaching up to the CLI, intake reaching for Sphinx, and a cycle inside core.
    with (package / "core" / "paths.py").open("a", encoding="utf-8") as f:
        f.write("\nimport checklist_forms.cli.main  # wrong way\n")
    with (package / "intake" / "report.py").open("a", encoding="utf-8") as f:
        f.write("\nimport docutils  # Sphinx's world, not intake's\n")
    with (package / "core" / "versions.py").open("a", encoding="utf-8") as f:
        f.write("\nimport checklist_forms.core.paths  # paths imports model, model ...\n")
    with (package / "core" / "model.py").open("a", encoding="utf-8") as f:
        f.write("\nimport checklist_forms.core.versions  # ... and versions: a cycle\n")
    done = lint_imports(tmp_path, tmp_path / "tools")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "cli > sphinx_ext | site > intake > publish > core > i18n BROKEN" in done.stdout
    assert "checklist_forms.core.paths -> checklist_forms.cli.main" in done.stdout
    assert "never import Sphinx or docutils BROKEN" in done.stdout
    assert "checklist_forms.intake.report -> docutils" in done.stdout
    assert "no import cycle between the modules of a layer BROKEN" in done.stdout


def test_no_module_of_tools_is_over_500_lines() -> None:
    assert max_lines.problems(TOOLS) == []


def test_the_length_check_fails_on_a_long_module(tmp_path: Path) -> None:
    (tmp_path / "short.py").write_text("x = 1\n" * 500)
    (tmp_path / "long.py").write_text("x = 1\n" * 501)
    (tmp_path / "split.py").write_text("x = 1\n")
    assert max_lines.problems(tmp_path, waiting={"split.py"}) == [
        "long.py: 501 lines; split it (limit 500)",
        f"split.py: 1 lines now; remove it from WAITING in {Path(max_lines.__file__).name}",
    ]


def _imported_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return {name.split(".")[0] for name in done.stdout.split()}


def test_reading_correct_definitions_does_not_import_jsonschema() -> None:
    """jsonschema (with referencing and rpds) is imported for a definition that fails only.

    Every Sphinx build loads the extension; the fast verdict (jsonschema-rs) says a
    definition is right, and jsonschema words what is wrong.
    """
    body = "sections:\n  - id: a\n    title: A\n    items:\n      - id: b\n        kind: checkbox\n        label: B\n"
    read = (
        "from checklist_forms.core.definition.reader import build_checklist\n"
        "import checklist_forms.sphinx_ext\n"
        "opts = {'version': '1.0.0', 'title': 'T'}\n"
        f"checklist, problems = build_checklist('x', opts, {body!r})\n"
        "assert checklist is not None and not problems, problems\n"
    )
    assert "jsonschema" not in _imported_after(read)
    wrong = read.replace("label: B", "label: B\\n        colour: red").replace(
        "assert checklist is not None and not problems, problems",
        "assert checklist is None and problems",
    )
    assert "jsonschema" in _imported_after(wrong)
