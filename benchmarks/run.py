"""``nox -s bench``: measure the checklist engine and print a table of ratios.

    python -m benchmarks.run            # full run, a few minutes on two cores
    python -m benchmarks.run --quick    # small sizes, one repetition (smoke test)

Machines are shared and absolute times drift, so every goal is a ratio of two times
measured in the same run: the two sides run interleaved, several times, and the median
of the paired ratios is kept.
The table is printed and written to ``benchmarks/results/latest.{md,json}`` (``quick.*``
for ``--quick``, so a smoke run never replaces the published numbers).

One function per measure; each returns rows ``(measure, value, goal, verdict)`` and the
raw numbers behind them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from checklist_forms.publish.tree import write_tree

from . import forms as form_maker
from . import sites, startup

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
CATALOGUE = ROOT / "checklists"
# The richest real checklist: ratings with anchors, dates, texts, final-form rules and
# the non-discrimination guard on its text answers.
REAL_CHECKLIST = "grille-entretien"
JSON_EDITOR = "@json-editor/json-editor"
JSON_EDITOR_DOCUMENTED_KB = 160
ASSETS = (
    "checklist-required.js",
    "checklist-rules.js",
    "checklist.js",
    "checklist.css",
)  # DESIGN.md's figure, used when npm cannot be reached


@dataclass(frozen=True)
class Sizes:
    pages: int  # measure 1 and 2
    repeats: int
    scale: tuple[int, ...]  # measure 3
    scale_repeats: int
    forms: int  # measure 4
    memory_forms: int
    validate_repeats: int
    startup_repeats: int


FULL = Sizes(
    pages=100,
    repeats=7,
    scale=(100, 400, 1600),
    scale_repeats=5,
    forms=2000,
    memory_forms=10_000,
    validate_repeats=5,
    startup_repeats=21,
)
QUICK = Sizes(
    pages=10,
    repeats=1,
    scale=(10, 20, 40),
    scale_repeats=1,
    forms=100,
    memory_forms=200,
    validate_repeats=1,
    startup_repeats=3,
)


@dataclass
class Row:
    measure: str
    value: str
    goal: str
    verdict: str  # PASS, FAIL or INFO


@dataclass
class Section:
    name: str
    rows: list[Row] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def median(values: list[float]) -> float:
    return statistics.median(values)


def _tool(name: str) -> str:
    """An executable of this environment (the nox virtualenv) before any other on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"benchmark needs {name!r}; install it (nox -s bench does)")
    return found


# -- Sphinx builds -------------------------------------------------------------------


def sphinx_build(src: Path, out: Path, *, checklists: bool, **options: Any) -> dict[str, Any]:
    """One build in a fresh interpreter (see :mod:`benchmarks.build_child`)."""
    payload = {"src": str(src), "out": str(out), "checklists": checklists, **options}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.build_child", json.dumps(payload)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"Sphinx build of {src} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if result["warnings"]:
        raise RuntimeError(f"Sphinx build of {src} warned:\n" + "\n".join(result["warnings"][:10]))
    result["wall_seconds"] = wall
    return result


def fresh_build(src: Path, out: Path, *, checklists: bool, **options: Any) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    return sphinx_build(src, out, checklists=checklists, fresh=True, **options)


def measure_overhead(work: Path, sizes: Sizes) -> Section:
    """1. The same pages with checklists and with plain task lists, HTML, fresh builds."""
    section = Section("overhead")
    with_cl = sites.write_site(work / "checklists", sizes.pages, checklists=True)
    plain = sites.write_site(work / "tasklists", sizes.pages, checklists=False)
    times: dict[str, list[float]] = {"checklists": [], "tasklists": []}
    ratios: list[float] = []
    for rep in range(sizes.repeats):
        # ABBA order: each variant runs first as often as second; each pair gives a ratio.
        order = ("checklists", "tasklists") if rep % 2 == 0 else ("tasklists", "checklists")
        for variant in order:
            src = with_cl if variant == "checklists" else plain
            result = fresh_build(src, src.parent / "out", checklists=variant == "checklists")
            times[variant].append(result["seconds"])
        ratios.append(times["checklists"][-1] / times["tasklists"][-1])
    ratio = median(ratios)
    section.raw = {
        "pages": sizes.pages,
        "repeats": sizes.repeats,
        "builder": "html",
        "theme": "alabaster (Sphinx default)",
        "seconds": times,
        "median_seconds": {k: median(v) for k, v in times.items()},
        "pair_ratios": ratios,
        "ratio": ratio,
    }
    section.rows.append(
        Row(
            f"Build time, {sizes.pages} pages with checklists vs the same items as Markdown task lists (HTML, fresh build, median of {sizes.repeats} interleaved pair{'s' if sizes.repeats > 1 else ''})",
            f"{ratio:.2f}× ({median(times['checklists']):.2f} s vs {median(times['tasklists']):.2f} s)",
            "≤ 1.15×",
            verdict(ratio <= 1.15),
        )
    )
    return section


def measure_preview(work: Path, sizes: Sizes) -> Section:
    """2. No-op rebuild and one-page edit against a full build (same settings, kept env).

    The same pages with task lists give the control: how long a no-op rebuild takes
    Sphinx alone, relative to its full build.
    """
    section = Section("preview")
    src = sites.write_site(work / "preview", sizes.pages, checklists=True)
    plain = sites.write_site(work / "preview-tasklists", sizes.pages, checklists=False)
    out = src.parent / "out"
    full: list[float] = []
    noop: list[float] = []
    edit: list[float] = []
    plain_full: list[float] = []
    plain_noop: list[float] = []
    details: list[dict[str, Any]] = []
    for rep in range(sizes.repeats):
        first = fresh_build(src, out, checklists=True)
        again = sphinx_build(src, out, checklists=True)
        sites.edit_page(src, 0, stamp=rep + 1)
        edited = sphinx_build(src, out, checklists=True)
        if again["read"] != [0, 0, 0]:
            raise RuntimeError(f"no-op rebuild re-read documents: {again['read']}")
        full.append(first["seconds"])
        noop.append(again["seconds"])
        edit.append(edited["seconds"])
        plain_full.append(fresh_build(plain, plain.parent / "out", checklists=False)["seconds"])
        plain_noop.append(sphinx_build(plain, plain.parent / "out", checklists=False)["seconds"])
        details.append(
            {
                "full": first,
                "noop": again,
                "edit": edited,
            }
        )
    full_m, noop_m, edit_m = median(full), median(noop), median(edit)
    noop_ratio = median([n / f for n, f in zip(noop, full, strict=True)])
    edit_ratio = median([e / f for e, f in zip(edit, full, strict=True)])
    plain_ratio = median([n / f for n, f in zip(plain_noop, plain_full, strict=True)])
    section.raw = {
        "pages": sizes.pages,
        "repeats": sizes.repeats,
        "seconds": {
            "full": full,
            "noop": noop,
            "edit": edit,
            "tasklists_full": plain_full,
            "tasklists_noop": plain_noop,
        },
        "noop_ratio": noop_ratio,
        "edit_ratio": edit_ratio,
        "tasklists_noop_ratio": plain_ratio,
        "noop_export_seconds": median([d["noop"]["export_seconds"] for d in details]),
        "noop_init_seconds": median([d["noop"]["init_seconds"] for d in details]),
        "edit_read": details[-1]["edit"]["read"],
        "edit_export_seconds": median([d["edit"]["export_seconds"] for d in details]),
    }
    section.rows += [
        Row(
            f"No-op rebuild / full build ({sizes.pages} pages, HTML, median of {sizes.repeats})",
            f"{noop_ratio:.1%} ({noop_m:.2f} s vs {full_m:.2f} s)",
            "≤ 10 %",
            verdict(noop_ratio <= 0.10),
        ),
        Row(
            f"Rebuild after editing one page / full build ({sizes.pages} pages, HTML, median of {sizes.repeats})",
            f"{edit_ratio:.1%} ({edit_m:.2f} s vs {full_m:.2f} s)",
            "≤ 25 %",
            verdict(edit_ratio <= 0.25),
        ),
        Row(
            "Control: no-op rebuild / full build of the same pages with task lists",
            f"{plain_ratio:.1%} ({median(plain_noop):.2f} s vs {median(plain_full):.2f} s)",
            "(Sphinx alone)",
            "INFO",
        ),
    ]
    return section


def measure_scale(work: Path, disk: Path, sizes: Sizes) -> Section:
    """3. Sites of 100, 400 and 1,600 checklists (dummy builder): whole build and export.

    The whole build's cost per checklist leaves out what a site without checklists costs
    (same configuration, only the home page), so Sphinx's start-up does not flatter the
    large site. The same pages with task lists, at the smallest and largest size, are the
    control: how much of the growth is Sphinx's own.

    ``work`` should be a folder in memory (see :func:`memory_folder`): on this machine's
    disk the cost of creating a file grows each time a tree of files is deleted and
    written again (a checklist's two files took 0.15 then 0.37 ms over four rewrites of
    the same 1,600 checklists), so the disk, not the export, would decide the verdict.
    What the disk adds is measured on its own afterwards: the files exported at each size
    are written to ``disk``.
    """
    section = Section("scale")
    work_kind = _folder_kind(work)
    small, large = sizes.scale[0], sizes.scale[-1]
    # (checklists?, count) -> source folder; count 0 is the empty site.
    srcs: dict[tuple[bool, int], Path] = {}
    for with_cl in (True, False):
        counts = (0, *sizes.scale) if with_cl else (0, small, large)
        for count in counts:
            name = f"scale-{'checklists' if with_cl else 'tasklists'}-{count}"
            srcs[with_cl, count] = sites.write_site(work / name, count, checklists=with_cl)
    builds: dict[tuple[bool, int], list[float]] = {key: [] for key in srcs}
    exports: dict[int, list[float]] = {count: [] for cl, count in srcs if cl}
    for rep in range(sizes.scale_repeats):
        order = sorted(srcs, reverse=rep % 2 == 1)
        for key in order:
            with_cl, count = key
            src = srcs[key]
            result = fresh_build(src, src.parent / "out", checklists=with_cl, builder="dummy")
            builds[key].append(result["seconds"])
            if with_cl:
                exports[count].append(result["export_seconds"])

    disk_writes = _disk_writes(
        {count: srcs[True, count].parent / "out" for count in sizes.scale},
        disk,
        sizes.scale_repeats,
    )

    def per_page(with_cl: bool, count: int) -> float:
        return (median(builds[with_cl, count]) - median(builds[with_cl, 0])) / count

    per_build = {c: per_page(True, c) for c in sizes.scale}
    per_export = {c: median(exports[c]) / c for c in sizes.scale}
    control = {c: per_page(False, c) for c in (small, large)}
    build_ratio = per_build[large] / per_build[small]
    export_ratio = per_export[large] / per_export[small]
    control_ratio = control[large] / control[small]
    per_disk = {c: median(disk_writes[c]) / c for c in sizes.scale}
    disk_ratio = per_disk[large] / per_disk[small]
    section.raw = {
        "sizes": list(sizes.scale),
        "builder": "dummy",
        "repeats": sizes.scale_repeats,
        "build_seconds": {
            f"{'checklists' if cl else 'tasklists'}-{c}": v for (cl, c), v in builds.items()
        },
        "export_seconds": {str(c): v for c, v in exports.items()},
        "build_ms_per_checklist": {str(c): v * 1000 for c, v in per_build.items()},
        "export_ms_per_checklist": {str(c): v * 1000 for c, v in per_export.items()},
        "tasklist_ms_per_page": {str(c): v * 1000 for c, v in control.items()},
        "build_ratio": build_ratio,
        "export_ratio": export_ratio,
        "tasklist_ratio": control_ratio,
        "work_folder": work_kind,
        "disk_write_seconds": {str(c): v for c, v in disk_writes.items()},
        "disk_write_ms_per_checklist": {str(c): v * 1000 for c, v in per_disk.items()},
        "disk_write_ratio": disk_ratio,
    }

    def series(values: dict[int, float], digits: int = 1) -> str:
        return ", ".join(f"{values[c] * 1000:.{digits}f}" for c in values)

    sizes_text = " / ".join(f"{c:,}" for c in sizes.scale)
    section.rows += [
        Row(
            f"Export of the forms (build-finished), ms per checklist at {sizes_text} checklists "
            f"({work_kind}, median of {sizes.scale_repeats})",
            f"{series(per_export, 2)}: {export_ratio:.2f}× at {large:,} vs {small:,}",
            "≤ 1.2×",
            verdict(export_ratio <= 1.2),
        ),
        Row(
            f"Whole build (dummy builder, less an empty site), ms per checklist at {sizes_text}",
            f"{series(per_build)}: {build_ratio:.2f}× at {large:,} vs {small:,}",
            "≤ 1.2×",
            verdict(build_ratio <= 1.2),
        ),
        Row(
            f"Control: the same pages with task lists, ms per page at {small:,} / {large:,}",
            f"{series(control)}: {control_ratio:.2f}× at {large:,} vs {small:,}",
            "(Sphinx alone)",
            "INFO",
        ),
        Row(
            f"The same exported files written to this machine's disk, ms per checklist at "
            f"{sizes_text} (median of {sizes.scale_repeats}, range in brackets)",
            ", ".join(
                f"{per_disk[c] * 1000:.2f} [{min(disk_writes[c]) / c * 1000:.2f}–"
                f"{max(disk_writes[c]) / c * 1000:.2f}]"
                for c in sizes.scale
            )
            + f": {disk_ratio:.2f}× at {large:,} vs {small:,}",
            "(the disk alone)",
            "INFO",
        ),
    ]
    return section


def _disk_writes(outs: dict[int, Path], disk: Path, repeats: int) -> dict[int, list[float]]:
    """Seconds to write each size's exported files to ``disk``, sizes interleaved."""
    trees = {}
    for count, out in outs.items():
        exported = next(out.glob("*/checklists"))
        trees[count] = {
            path.relative_to(exported).as_posix(): path.read_bytes()
            for path in sorted(exported.rglob("*"))
            if path.is_file()
        }
    seconds: dict[int, list[float]] = {count: [] for count in trees}
    for rep in range(repeats):
        for count in sorted(trees, reverse=rep % 2 == 1):
            target = disk / f"export-{count}"
            shutil.rmtree(target, ignore_errors=True)
            start = time.perf_counter()
            write_tree(target, trees[count])
            seconds[count].append(time.perf_counter() - start)
    shutil.rmtree(disk, ignore_errors=True)
    return seconds


def memory_folder() -> Path | None:
    """A writable folder backed by memory (tmpfs), or None where there is none."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and _folder_kind(shm) == "tmpfs":
        return shm
    return None


def _folder_kind(folder: Path) -> str:
    """The kind of file system holding ``folder``: ``tmpfs`` (memory) or ``disk``."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "disk"
    resolved = str(folder.resolve())
    best, kind = "", "disk"
    for line in mounts:
        parts = line.split()
        mount_point = parts[1] if len(parts) >= 3 else ""
        inside = (resolved + "/").startswith(mount_point.rstrip("/") + "/")
        if mount_point and inside and len(mount_point) > len(best):
            best, kind = parts[1], ("tmpfs" if parts[2] == "tmpfs" else "disk")
    return kind


# -- Validation of filled forms ------------------------------------------------------


def _checklist_forms(folder: Path) -> tuple[float, dict[str, bool]]:
    start = time.perf_counter()
    done = subprocess.run(
        [
            _tool("checklist-forms"),
            "validate",
            "--format",
            "json",
            "--catalogue",
            str(CATALOGUE),
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"checklist-forms validate failed:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout)
    verdicts = {Path(r["file"]).name: bool(r["valid"]) for r in report["results"]}
    verdicts.update({Path(u["file"]).name: False for u in report["unusable"]})
    return seconds, verdicts


def _check_jsonschema(
    folder: Path, schema: Path, names: list[str]
) -> tuple[float, dict[str, bool]]:
    start = time.perf_counter()
    done = subprocess.run(
        [_tool("check-jsonschema"), "--output-format", "json", "--schemafile", str(schema), *names],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"check-jsonschema failed:\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout)
    bad = {e["filename"] for e in report.get("errors", [])}
    bad |= {e.get("filename") for e in report.get("parse_errors", [])}
    return seconds, {name: name not in bad for name in names}


def _peak_memory(command: list[str], cwd: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.maxrss", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure_validation(work: Path, sizes: Sizes) -> Section:
    """4. ``checklist-forms validate`` against ``check-jsonschema`` on the same files."""
    section = Section("validation")
    schema = CATALOGUE / "fr" / REAL_CHECKLIST / "1.0.0" / "schema.json"
    folder = work / "forms"
    expected = form_maker.write_forms(schema, folder, sizes.forms, invalid_share=0.25)
    names = sorted(expected)
    ours: list[float] = []
    theirs: list[float] = []
    pairs: list[float] = []
    disagreements: set[str] = set()
    wrong: set[str] = set()
    for rep in range(sizes.validate_repeats):
        runs = ("ours", "theirs") if rep % 2 == 0 else ("theirs", "ours")
        for side in runs:
            if side == "ours":
                seconds, our_verdicts = _checklist_forms(folder)
                ours.append(seconds)
            else:
                seconds, their_verdicts = _check_jsonschema(folder, schema, names)
                theirs.append(seconds)
        pairs.append(theirs[-1] / ours[-1])
        disagreements |= {n for n in names if our_verdicts.get(n) != their_verdicts.get(n)}
        wrong |= {n for n in names if our_verdicts.get(n) != expected[n]}
    speedup = median(pairs)

    memory_folder = work / "forms-memory"
    form_maker.write_forms(schema, memory_folder, sizes.memory_forms, invalid_share=0.25)
    ours_peak = _peak_memory(
        [_tool("checklist-forms"), "validate", "--catalogue", str(CATALOGUE), "."], memory_folder
    )
    memory_names = sorted(p.name for p in memory_folder.iterdir())
    theirs_peak = _peak_memory(
        [_tool("check-jsonschema"), "--schemafile", str(schema), *memory_names], memory_folder
    )
    peak_mb = ours_peak["max_rss_kb"] / 1024
    section.raw = {
        "checklist": f"fr/{REAL_CHECKLIST}/1.0.0",
        "forms": sizes.forms,
        "invalid_share": 0.25,
        "valid_forms": sum(expected.values()),
        "repeats": sizes.validate_repeats,
        "checklist_forms_seconds": ours,
        "check_jsonschema_seconds": theirs,
        "pair_speedups": pairs,
        "speedup": speedup,
        "disagreements": sorted(disagreements),
        "differs_from_generator": sorted(wrong),
        "memory_forms": sizes.memory_forms,
        "checklist_forms_peak": ours_peak,
        "check_jsonschema_peak": theirs_peak,
        "check_jsonschema_version": _version("check-jsonschema"),
    }
    agree = len(names) - len(disagreements)
    section.rows += [
        Row(
            f"checklist-forms validate vs check-jsonschema, {sizes.forms:,} filled forms of {REAL_CHECKLIST}, a quarter invalid (median of {sizes.validate_repeats})",
            f"speed-up {speedup:.2f}× ({median(ours):.2f} s vs {median(theirs):.2f} s)",
            "≥ 5×",
            verdict(speedup >= 5.0),
        ),
        Row(
            "Same verdict per form as check-jsonschema",
            f"{agree:,} / {len(names):,} forms",
            "all",
            verdict(not disagreements),
        ),
        Row(
            f"Peak memory of checklist-forms validate, {sizes.memory_forms:,} forms",
            f"{peak_mb:.0f} MB (check-jsonschema: {theirs_peak['max_rss_kb'] / 1024:.0f} MB)",
            "≤ 150 MB",
            verdict(peak_mb <= 150),
        ),
    ]
    return section


def measure_startup(sizes: Sizes) -> Section:
    """6. ``checklist-forms --help`` against ``python -c pass`` (see :mod:`benchmarks.startup`)."""
    section = Section("startup")
    section.raw = startup.help_vs_python(_tool("checklist-forms"), sizes.startup_repeats)
    ratio = float(section.raw["ratio"])
    help_s = median(section.raw["help_seconds"])
    bare_s = median(section.raw["python_seconds"])
    section.rows.append(
        Row(
            f"checklist-forms --help vs python -c pass (wall time, median of {sizes.startup_repeats} interleaved pairs)",
            f"{ratio:.1f}× ({help_s * 1000:.0f} ms vs {bare_s * 1000:.0f} ms)",
            "≤ 4×",
            verdict(ratio <= 4.0),
        )
    )
    return section


# -- Page weight ---------------------------------------------------------------------


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _json_editor(work: Path, offline: bool) -> dict[str, Any]:
    """Size of json-editor's ``dist/jsoneditor.js``, from the npm registry when reachable."""
    if offline:
        return {"source": "documented (--offline)", "bytes": JSON_EDITOR_DOCUMENTED_KB * 1024}
    npm = shutil.which("npm")
    if npm is None:
        return {
            "source": "documented (npm not installed)",
            "bytes": JSON_EDITOR_DOCUMENTED_KB * 1024,
        }
    folder = work / "npm"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        view = subprocess.run(
            [npm, "view", JSON_EDITOR, "version", "dist.unpackedSize", "--json"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        info = json.loads(view.stdout)
        packed = subprocess.run(
            [npm, "pack", JSON_EDITOR, "--silent", "--pack-destination", str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        tarball = folder / packed.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as archive:
            member = archive.extractfile("package/dist/jsoneditor.js")
            assert member is not None
            bundle = member.read()
    except (OSError, subprocess.SubprocessError, ValueError, KeyError, AssertionError) as exc:
        return {
            "source": f"documented (npm registry unreachable: {type(exc).__name__})",
            "bytes": JSON_EDITOR_DOCUMENTED_KB * 1024,
        }
    version = info.get("version") if isinstance(info, dict) else info
    return {
        "source": f"npm registry, {JSON_EDITOR}@{version} dist/jsoneditor.js",
        "version": version,
        "bytes": len(bundle),
        "gzip_bytes": _gzip_size(bundle),
        "package_unpacked_size": info.get("dist.unpackedSize") if isinstance(info, dict) else None,
    }


def static_folder() -> Path:
    """The extension's static files, found without importing the Sphinx extension."""
    spec = importlib.util.find_spec("checklist_forms")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "sphinx_ext" / "static"


def measure_page_weight(work: Path, offline: bool) -> Section:
    """5. The form's own JS and CSS against json-editor's bundle."""
    section = Section("page_weight")
    ours = {name: (static_folder() / name).read_bytes() for name in ASSETS}
    ours_bytes = sum(len(b) for b in ours.values())
    ours_gzip = sum(_gzip_size(b) for b in ours.values())
    theirs = _json_editor(work, offline)
    ratio = ours_bytes / theirs["bytes"]
    section.raw = {
        "files": {name: len(data) for name, data in ours.items()},
        "bytes": ours_bytes,
        "gzip_bytes": ours_gzip,
        "json_editor": theirs,
        "ratio": ratio,
    }
    gz = f", gzip {ours_gzip / 1024:.1f} KB" if ours_gzip else ""
    their_gz = f", gzip {theirs['gzip_bytes'] / 1024:.0f} KB" if theirs.get("gzip_bytes") else ""
    section.rows.append(
        Row(
            "Page weight: checklist.js + checklist.css vs json-editor's dist/jsoneditor.js",
            f"{ours_bytes / 1024:.1f} KB{gz} vs {theirs['bytes'] / 1024:.0f} KB{their_gz} "
            f"({ratio:.0%}; json-editor size: {theirs['source']})",
            "lighter than json-editor",
            verdict(ratio < 1),
        )
    )
    return section


# -- Machine and report --------------------------------------------------------------


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    memory_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    return {
        "cpu": cpu,
        "cores": usable,
        "ram_gb": memory_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sphinx": _version("sphinx"),
        "myst_parser": _version("myst-parser"),
        "jsonschema": _version("jsonschema"),
        "check_jsonschema": _version("check-jsonschema"),
    }


def render_markdown(sections: list[Section], info: dict[str, Any], command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        "| Measure | Value | Goal | Verdict |",
        "| --- | --- | --- | --- |",
    ]
    for section in sections:
        for row in section.rows:
            lines.append(f"| {row.measure} | {row.value} | {row.goal} | {row.verdict} |")
    lines += [
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM, "
        f"{info['os']}; Python {info['python']}, Sphinx {info['sphinx']}, "
        f"MyST-Parser {info['myst_parser']}, jsonschema {info['jsonschema']}, "
        f"check-jsonschema {info['check_jsonschema']}.",
        "",
        f"Run on {info['date']} in {info['duration_s']:.0f} s. Reproduce with `{command}`.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument(
        "--offline", action="store_true", help="do not ask the npm registry for json-editor"
    )
    parser.add_argument(
        "--output-dir", type=Path, default=RESULTS, help="where latest.md and latest.json go"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a goal is missed (default: 0)"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    command = "nox -s bench -- --quick" if args.quick else "nox -s bench"
    started = time.perf_counter()
    sections: list[Section] = []
    with (
        tempfile.TemporaryDirectory(prefix="checklist-bench-") as tmp,
        tempfile.TemporaryDirectory(prefix="checklist-bench-", dir=memory_folder()) as mem,
    ):
        work, memory = Path(tmp), Path(mem)
        steps: list[tuple[str, Callable[[], Section]]] = [
            ("1/6 build overhead", lambda: measure_overhead(work / "overhead", sizes)),
            ("2/6 preview loop", lambda: measure_preview(work / "preview", sizes)),
            ("3/6 scale", lambda: measure_scale(memory / "scale", work / "disk", sizes)),
            ("4/6 validation", lambda: measure_validation(work / "validation", sizes)),
            ("5/6 page weight", lambda: measure_page_weight(work / "weight", args.offline)),
            ("6/6 start-up", lambda: measure_startup(sizes)),
        ]
        for label, step in steps:
            print(f"[bench] {label}…", file=sys.stderr, flush=True)
            try:
                sections.append(step())
            except Exception as exc:  # one broken measure must not lose the others
                print(f"[bench] {label} failed: {exc!r}", file=sys.stderr, flush=True)
                failed = Section(label.split(" ", 1)[1].replace(" ", "_"))
                failed.rows.append(
                    Row(label.split(" ", 1)[1], f"error: {exc!r}"[:300], "runs", "FAIL")
                )
                failed.raw = {"error": repr(exc)}
                sections.append(failed)
    info = machine()
    info["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    info["duration_s"] = time.perf_counter() - started
    table = render_markdown(sections, info, command)
    print(table)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    stem = "quick" if args.quick else "latest"
    (args.output_dir / f"{stem}.md").write_text(table, encoding="utf-8")
    payload = {
        "command": command,
        "quick": args.quick,
        "machine": info,
        "sizes": asdict(sizes),
        "rows": [asdict(row) for section in sections for row in section.rows],
        "raw": {section.name: section.raw for section in sections},
    }
    (args.output_dir / f"{stem}.json").write_text(
        json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    missed = [row for s in sections for row in s.rows if row.verdict == "FAIL"]
    return 1 if (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
