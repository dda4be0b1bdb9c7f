"""Reading filled forms from disk, with a plain message for every way a file can be unusable.

Nothing here writes: commands that produce files do so through :func:`write_new`, which
never touches the file a form was read from.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 10 * 1024 * 1024


class FormError(Exception):
    """An input that cannot be used at all (exit code 2), with a one-line reason."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


@dataclass(frozen=True)
class LoadedForm:
    path: str
    data: dict[str, Any]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"key {key!r} appears twice")
        out[key] = value
    return out


def read_input(path: Path, what: str = "form", max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of an input file, or a :class:`FormError` saying plainly why not."""
    if not path.exists():
        raise FormError(path, "no such file")
    if path.is_dir():
        raise FormError(path, f"is a folder, not a {what}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            limit = max_bytes // (1024 * 1024)
            raise FormError(
                path, f"file is {size / 1024 / 1024:.1f} MB; a {what} may be at most {limit} MB"
            )
        return path.read_bytes()
    except OSError as exc:
        raise FormError(path, f"cannot be read ({exc.strerror or exc})") from None


def load_form(path: Path) -> LoadedForm:
    """Read one filled form; raise :class:`FormError` with a plain reason when unusable."""
    raw = read_input(path, "form")
    if not raw.strip():
        raise FormError(path, "file is empty")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise FormError(
            path, "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormError(path, f"not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_object)
    except json.JSONDecodeError as exc:
        raise FormError(
            path, f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise FormError(path, f"not usable JSON: {exc}") from None
    if not isinstance(data, dict):
        kind = (
            type(data)
            .__name__.replace("dict", "object")
            .replace("list", "array")
            .replace("str", "string")
        )
        raise FormError(path, f"a form must be a JSON object, not a JSON {kind}")
    return LoadedForm(path=str(path), data=data)


def collect_paths(inputs: list[Path]) -> list[Path]:
    """Expand folders to the ``*.json`` files they hold; refuse folders mixing other files.

    A folder that holds something else than forms is most likely the wrong folder, and a
    silent skip would let a team believe the whole batch was checked.
    """
    out: list[Path] = []
    for path in inputs:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if not p.name.startswith("."))
            others = [p.name for p in files if p.is_dir() or p.suffix.lower() != ".json"]
            if others:
                shown = ", ".join(others[:5]) + (" …" if len(others) > 5 else "")
                raise FormError(
                    path,
                    f"folder mixes forms with other files ({shown}); pass the forms one by one",
                )
            if not files:
                raise FormError(path, "folder holds no .json form")
            out.extend(files)
        else:
            out.append(path)
    return out


def write_new(path: Path, text: str, *, sources: list[Path], overwrite: bool = False) -> None:
    """Write an output file, refusing to replace an input or (unless asked) any file."""
    write_new_bytes(path, text.encode("utf-8"), sources=sources, overwrite=overwrite)


def write_new_bytes(
    path: Path, data: bytes, *, sources: Sequence[Path] = (), overwrite: bool = False
) -> None:
    resolved = path.resolve()
    if any(resolved == s.resolve() for s in sources):
        raise FormError(path, "refusing to write over an input file; choose another output")
    if path.exists() and not overwrite:
        raise FormError(path, "already exists; pass --force to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
