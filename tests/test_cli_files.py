"""Inputs that are not regular files and outputs that cannot (or must not) be written.

Each case runs the real command in a child process with a time limit, because the cases
that used to fail did so by hanging (a named pipe) or by reading without end (/dev/zero).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklist_forms.cli.main import main
from checklist_forms.publish.tree import render_tree, write_tree

from helpers import BASE_URL, all_kinds, final_answers

FORM = {
    "checklist": "toutes-sortes",
    "version": "1.2.0",
    "language": "fr",
    "status": "final",
    "answers": final_answers(),
}
LIMIT = 30  # seconds: a command that hangs fails the test instead of the whole run
MEMORY = 2 * 1024**3  # bytes: a command reading /dev/zero must not take the machine's memory


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", "checklist_forms", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=LIMIT,
            check=False,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"checklist-forms {' '.join(map(str, args))} still running after {LIMIT} s")


def refused(done: subprocess.CompletedProcess[str], path: Path | str) -> None:
    """Exit 2 with a one-line message naming the path, and no traceback."""
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    # validate reports each unusable file of a batch on its own line; the others stop.
    assert f"error: {path}: " in done.stderr or f"{path}: cannot be used: " in done.stderr, (
        done.stderr
    )


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    folder = tmp_path / "checklists"
    write_tree(folder, render_tree([(all_kinds(), "index")], BASE_URL))
    return folder


@pytest.fixture
def form(tmp_path: Path) -> Path:
    path = tmp_path / "form.json"
    path.write_text(json.dumps(FORM), encoding="utf-8")
    return path


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


READERS = [
    ("validate",),
    ("report",),
    ("compare",),
    ("jobposting",),
    ("migrate", "--to", "1.2.0"),
    ("import",),
]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_named_pipe_is_refused_not_waited_on(
    command: tuple[str, ...], fifo: Path, catalogue: Path
) -> None:
    done = cli(*command, fifo, "--catalogue", catalogue)
    refused(done, fifo)
    assert "named pipe" in done.stderr


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_device_is_refused_not_read_without_end(
    command: tuple[str, ...], catalogue: Path
) -> None:
    done = cli(*command, "/dev/zero", "--catalogue", catalogue)
    refused(done, "/dev/zero")
    assert "device" in done.stderr


def test_a_named_pipe_inside_a_folder_is_refused(tmp_path: Path, catalogue: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "ok.json").write_text(json.dumps(FORM), encoding="utf-8")
    os.mkfifo(folder / "pipe.json")
    done = cli("validate", folder, "--catalogue", catalogue)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{folder / 'pipe.json'}: cannot be used: is a named pipe" in done.stderr


def test_a_path_through_a_file_is_unusable(form: Path, catalogue: Path) -> None:
    done = cli("report", form / "inside.json", "--catalogue", catalogue)
    refused(done, form / "inside.json")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without read permission")
def test_an_unreadable_file_is_unusable(form: Path, catalogue: Path) -> None:
    form.chmod(0)
    done = cli("report", form, "--catalogue", catalogue)
    refused(done, form)
    assert "permission denied" in done.stderr


def test_output_to_a_folder_is_refused(tmp_path: Path, form: Path, catalogue: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    done = cli("report", form, "--catalogue", catalogue, "-o", folder, "--force")
    refused(done, folder)
    assert "is a folder" in done.stderr


def test_output_to_a_named_pipe_is_refused(form: Path, fifo: Path, catalogue: Path) -> None:
    done = cli("report", form, "--catalogue", catalogue, "-o", fifo, "--force")
    refused(done, fifo)


def test_output_to_a_device_is_refused(form: Path, catalogue: Path) -> None:
    done = cli("report", form, "--catalogue", catalogue, "-o", "/dev/full", "--force")
    refused(done, "/dev/full")


def test_xlsx_output_that_is_a_file_is_refused(tmp_path: Path, catalogue: Path) -> None:
    existing = tmp_path / "not-a-folder"
    existing.write_text("keep me", encoding="utf-8")
    done = cli("xlsx", "-o", existing, "--catalogue", catalogue)
    refused(done, existing)
    assert existing.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("link", ["hard", "symbolic"])
def test_output_that_is_the_input_under_another_name_is_refused(
    link: str, tmp_path: Path, form: Path, catalogue: Path
) -> None:
    alias = tmp_path / "alias.md"
    if link == "hard":
        os.link(form, alias)
    else:
        alias.symlink_to(form)
    before = form.read_bytes()
    done = cli("report", form, "--catalogue", catalogue, "-o", alias, "--force")
    refused(done, alias)
    assert "refusing to write over an input file" in done.stderr
    assert form.read_bytes() == before


def test_an_output_is_replaced_whole_not_rewritten_in_place(
    tmp_path: Path, form: Path, catalogue: Path
) -> None:
    """--force renames a complete new file over the old one: a reader of the old file (or
    a failure half-way) never sees a half-written report, and nothing is left behind."""
    target = tmp_path / "report.md"
    target.write_text("old report\n", encoding="utf-8")
    old_inode = target.stat().st_ino
    done = cli("report", form, "--catalogue", catalogue, "-o", target, "--force")
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("# Toutes les sortes")
    assert target.stat().st_ino != old_inode
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["checklists", "form.json", "report.md"]
    )


def test_migrate_in_place_keeps_its_backup(tmp_path: Path, form: Path, catalogue: Path) -> None:
    original = form.read_bytes()
    done = cli("migrate", form, "--to", "1.2.0", "--in-place", "--catalogue", catalogue)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "form.json.bak").read_bytes() == original
    assert json.loads(form.read_text(encoding="utf-8"))["version"] == "1.2.0"


# -- Property: whatever paths a user passes, a plain outcome and untouched inputs --------

INPUT_KINDS = ("form", "broken", "missing", "folder", "fifo", "device", "through-file")
OUTPUT_KINDS = (None, "new", "existing", "folder", "fifo", "device", "hardlink", "symlink")
COMMANDS = ("validate", "report", "compare", "migrate", "jobposting", "import")


def _digest(folder: Path) -> dict[Path, str]:
    return {
        p: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    command=st.sampled_from(COMMANDS),
    input_kind=st.sampled_from(INPUT_KINDS),
    output_kind=st.sampled_from(OUTPUT_KINDS),
    force=st.booleans(),
)
def test_any_path_gives_a_plain_outcome_and_leaves_inputs_alone(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    command: str,
    input_kind: str,
    output_kind: str | None,
    force: bool,
) -> None:
    root = tmp_path_factory.mktemp("paths")
    catalogue = root / "checklists"
    write_tree(catalogue, render_tree([(all_kinds(), "index")], BASE_URL))
    inputs = root / "inputs"
    inputs.mkdir()
    (inputs / "form.json").write_text(json.dumps(FORM), encoding="utf-8")
    (inputs / "broken.json").write_text('{"checklist": ', encoding="utf-8")
    (inputs / "a-folder").mkdir()
    os.mkfifo(inputs / "pipe.json")
    source = {
        "form": inputs / "form.json",
        "broken": inputs / "broken.json",
        "missing": inputs / "missing.json",
        "folder": inputs / "a-folder",
        "fifo": inputs / "pipe.json",
        "device": Path("/dev/zero"),
        "through-file": inputs / "form.json" / "x.json",
    }[input_kind]
    outs = root / "outputs"
    outs.mkdir()
    (outs / "existing.txt").write_text("keep\n", encoding="utf-8")
    (outs / "a-folder").mkdir()
    os.mkfifo(outs / "pipe")
    os.link(inputs / "form.json", outs / "hardlink.json")
    (outs / "symlink.json").symlink_to(inputs / "form.json")
    target = {
        None: None,
        "new": outs / "new.txt",
        "existing": outs / "existing.txt",
        "folder": outs / "a-folder",
        "fifo": outs / "pipe",
        "device": Path("/dev/full"),
        "hardlink": outs / "hardlink.json",
        "symlink": outs / "symlink.json",
    }[output_kind]
    args = [command, str(source), "--catalogue", str(catalogue)]
    if command == "migrate":
        args += ["--to", "1.2.0"]
    if target is not None and command not in ("validate", "compare"):
        args += ["-o", str(target)]
    if force and command not in ("validate", "compare"):
        args.append("--force")
    before = _digest(inputs) | _digest(catalogue)
    code = main(args)  # an exception here is the traceback a user would see
    capsys.readouterr()
    assert code in (0, 1, 2)
    # migrate may add its output beside the form; what was there stays as it was.
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before} == before
    assert not [p for p in outs.iterdir() if p.name.endswith(".part")]
