"""Reading inputs and writing outputs, with a plain message for every way a file is unusable.

Inputs are read only when they are regular files, and never past a size limit. Commands
that produce files do so through :func:`write_new`, which never touches a file a form was
read from and writes each output whole or not at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from checklist_forms.i18n.later import Later, Number
from checklist_forms.i18n.translate import N_

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
    raise ValueError(Later(N_("{name} is not a JSON value"), name=name))


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # the rare form with a repeated key: say which one
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(Later(N_("key {key} appears twice"), key=repr(key)))
            seen.add(key)
    return out


def _kind(mode: int) -> str:
    """What a path that is not a regular file is: ``fifo``, ``device``, ``socket``, ``other``."""
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


# Whole sentences per case: other languages cannot assemble "a {what}" from a word (the
# gender and article of "form" and "workbook" differ; "un formulaire", "un classeur").
_FOLDER = {
    "form": N_("is a folder, not a form"),
    "workbook": N_("is a folder, not a workbook"),
}
_NOT_REGULAR = {
    ("fifo", "form"): N_("is a named pipe (FIFO), not a form file"),
    ("fifo", "workbook"): N_("is a named pipe (FIFO), not a workbook file"),
    ("device", "form"): N_("is a device, not a form file"),
    ("device", "workbook"): N_("is a device, not a workbook file"),
    ("socket", "form"): N_("is a socket, not a form file"),
    ("socket", "workbook"): N_("is a socket, not a workbook file"),
    ("other", "form"): N_("is not a regular file, not a form file"),
    ("other", "workbook"): N_("is not a regular file, not a workbook file"),
}
_TOO_BIG = {
    "form": N_("file is {size} MB; a form may be at most {limit} MB"),
    "workbook": N_("file is {size} MB; a workbook may be at most {limit} MB"),
}
_GREW_TOO_BIG = {
    "form": N_("file is over {limit} MB; a form may be at most {limit} MB"),
    "workbook": N_("file is over {limit} MB; a workbook may be at most {limit} MB"),
}
_NO_WRITE_THERE = {
    "fifo": N_("is a named pipe (FIFO); refusing to write there"),
    "device": N_("is a device; refusing to write there"),
    "socket": N_("is a socket; refusing to write there"),
    "other": N_("is not a regular file; refusing to write there"),
}
_JSON_KINDS = {
    "list": N_("a form must be a JSON object, not a JSON array"),
    "str": N_("a form must be a JSON object, not a JSON string"),
    "int": N_("a form must be a JSON object, not a JSON int"),
    "float": N_("a form must be a JSON object, not a JSON float"),
    "bool": N_("a form must be a JSON object, not a JSON bool"),
    "NoneType": N_("a form must be a JSON object, not a JSON NoneType"),
}


def _json_why(exc: Exception) -> str:
    """The reason a JSON text was refused: ours is translatable, Python's stays as is."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Later) else str(exc)


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def read_input(
    path: Path, what: Literal["form", "workbook"] = "form", max_bytes: int = MAX_BYTES
) -> bytes:
    """The bytes of an input file, or a :class:`FormError` saying plainly why not.

    Only regular files are read, and never more than ``max_bytes``: a named pipe would
    block the command forever and a device such as /dev/zero never ends. The file is
    opened without blocking and checked again once open, so a file swapped for a pipe
    between the two checks is refused too.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FormError(path, Later(N_("no such file"))) from None
    except OSError as exc:
        raise FormError(path, Later(N_("cannot be read ({why})"), why=_why(exc))) from None
    if stat.S_ISDIR(info.st_mode):
        raise FormError(path, Later(_FOLDER[what]))
    if not stat.S_ISREG(info.st_mode):
        raise FormError(path, Later(_NOT_REGULAR[_kind(info.st_mode), what]))
    limit = max_bytes // (1024 * 1024)
    if info.st_size > max_bytes:
        size = Number(info.st_size / 1024 / 1024)
        raise FormError(path, Later(_TOO_BIG[what], size=size, limit=limit))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FormError(path, Later(N_("cannot be read ({why})"), why=_why(exc))) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FormError(path, Later(_NOT_REGULAR["other", what]))
        chunks: list[bytes] = []
        left = max_bytes + 1  # one byte more tells a file that grew past the limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise FormError(path, Later(N_("cannot be read ({why})"), why=_why(exc))) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise FormError(path, Later(_GREW_TOO_BIG[what], limit=limit))
    return data


def load_form(path: Path) -> LoadedForm:
    """Read one filled form; raise :class:`FormError` with a plain reason when unusable."""
    raw = read_input(path, "form")
    if not raw.strip():
        raise FormError(path, Later(N_("file is empty")))
    if raw.startswith(b"\xef\xbb\xbf"):
        raise FormError(
            path,
            Later(
                N_("file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM")
            ),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormError(path, Later(N_("not UTF-8 text (byte {at})"), at=exc.start)) from None
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_object)
    except json.JSONDecodeError as exc:
        raise FormError(
            path,
            Later(
                N_("not JSON: {why} at line {line}, column {column}"),
                why=exc.msg,
                line=exc.lineno,
                column=exc.colno,
            ),
        ) from None
    except (ValueError, RecursionError) as exc:
        raise FormError(path, Later(N_("not usable JSON: {why}"), why=_json_why(exc))) from None
    if not isinstance(data, dict):
        raise FormError(path, Later(_JSON_KINDS[type(data).__name__]))
    return LoadedForm(path=str(path), data=data)


def write_new(path: Path, text: str, *, sources: Sequence[Path], overwrite: bool = False) -> None:
    """Write an output file, refusing to replace an input or (unless asked) any file."""
    write_new_bytes(path, text.encode("utf-8"), sources=sources, overwrite=overwrite)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def write_new_bytes(
    path: Path, data: bytes, *, sources: Sequence[Path] = (), overwrite: bool = False
) -> None:
    """Write ``data`` to ``path`` whole or not at all, never over an input.

    An input is recognised by what the file system says it is (device and inode), not by
    its name: a hard link or a symbolic link to an input is the input. The data goes to a
    temporary file of the same folder, renamed over ``path`` only once complete, so a
    failure (disk full, interrupted command) never leaves a half-written output.
    """
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FormError(path, Later(N_("cannot be written ({why})"), why=_why(exc))) from None
    if info is not None:
        if (info.st_dev, info.st_ino) in {_identity(s) for s in sources}:
            raise FormError(
                path, Later(N_("refusing to write over an input file; choose another output"))
            )
        if stat.S_ISDIR(info.st_mode):
            raise FormError(path, Later(N_("is a folder; give the name of a file to write")))
        if not stat.S_ISREG(info.st_mode):
            raise FormError(path, Later(_NO_WRITE_THERE[_kind(info.st_mode)]))
        if not overwrite:
            raise FormError(path, Later(N_("already exists; pass --force to replace it")))
        if not os.access(path, os.W_OK):
            raise FormError(path, Later(N_("is read-only; refusing to replace it")))
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FormError(
            folder,
            Later(N_("cannot be made a folder for {name} ({why})"), name=path.name, why=_why(exc)),
        ) from None
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise FormError(path, Later(N_("cannot be written ({why})"), why=_why(exc))) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), mode)
        Path(temporary).replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(exc, OSError):
            raise FormError(path, Later(N_("cannot be written ({why})"), why=_why(exc))) from None
        raise


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
