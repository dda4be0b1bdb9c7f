"""A catalogue read from a published site (``--catalogue https://…``).

A company's fork of the handbook publishes its own checklists the same way the handbook
does: ``<site>/checklists/index.json`` and a schema per version. The index is fetched on
every run (a fork adds versions); each schema is cached under the user's cache folder,
keyed by its URL and the structure fingerprint the index gives, so a schema is fetched
once per published version. Every failure is a :class:`CatalogueError` (exit 2) naming
the URL and the reason, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from checklist_forms import __version__
from checklist_forms.core.limits import FETCH_TIMEOUT_SECONDS, MAX_DOWNLOAD_BYTES
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_
from checklist_forms.intake.catalogue import Catalogue, CatalogueError, Entry
from checklist_forms.publish.tree import FORMAT, INDEX


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/checklist-forms`` (``~/.cache`` by default; LOCALAPPDATA on Windows)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return Path(base) if base else Path.home() / ".cache"


def index_url(url: str) -> str:
    """The index of a site's catalogue: the URL itself when it names a ``.json`` file,
    ``<url>/index.json`` for a ``…/checklists/`` folder, else ``<url>/checklists/index.json``.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CatalogueError(
            Later(N_("{url}: a catalogue URL starts with http:// or https://"), url=url)
        )
    path = parts.path
    if path.endswith(".json"):
        return url
    base = url if url.endswith("/") else url + "/"
    folder = path.rstrip("/").rsplit("/", 1)[-1]
    return urllib.parse.urljoin(base, INDEX if folder == "checklists" else f"checklists/{INDEX}")


def fetch(url: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> bytes:
    """The bytes at ``url``, at most MAX_DOWNLOAD_BYTES, or a CatalogueError saying why not."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise CatalogueError(
            Later(N_("{url}: only http:// and https:// catalogues can be fetched"), url=url)
        )
    request = urllib.request.Request(url, headers={"User-Agent": f"checklist-forms/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read(MAX_DOWNLOAD_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise CatalogueError(
            Later(
                N_("cannot fetch {url}: HTTP {code} {why}"), url=url, code=exc.code, why=exc.reason
            )
        ) from None
    except urllib.error.URLError as exc:
        raise CatalogueError(
            Later(N_("cannot reach {url}: {why}"), url=url, why=str(exc.reason))
        ) from None
    except (TimeoutError, OSError) as exc:
        raise CatalogueError(
            Later(N_("cannot reach {url}: {why}"), url=url, why=str(exc))
        ) from None
    if len(data) > MAX_DOWNLOAD_BYTES:
        limit = MAX_DOWNLOAD_BYTES // (1024 * 1024)
        raise CatalogueError(
            Later(
                N_("{url} is larger than {limit} MB; not a checklist catalogue"),
                url=url,
                limit=limit,
            )
        )
    return data


def _write_atomic(path: Path, data: bytes) -> None:
    """Two runs sharing the cache never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    Path(temporary).replace(path)


def _json(url: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogueError(
            Later(N_("{url} is not a JSON catalogue file: {why}"), url=url, why=str(exc))
        ) from None


class RemoteCatalogue(Catalogue):
    """A catalogue whose schemas are fetched when first needed, then read from the cache."""

    def __init__(self, root: Path, entries: list[Entry], urls: dict[Path, str]) -> None:
        super().__init__(root, entries)
        self._urls = urls

    def schema(self, entry: Entry) -> dict[str, Any]:
        if not entry.schema_file.is_file():
            url = self._urls[entry.schema_file]
            data = fetch(url)
            _json(url, data)  # never cache what cannot be read back
            _write_atomic(entry.schema_file, data)
        return super().schema(entry)


def fetch_catalogue(url: str, cache: Path | None = None) -> RemoteCatalogue:
    """The catalogue published at ``url`` (a site, its ``checklists/`` or an index.json)."""
    where = index_url(url)
    data = _json(where, fetch(where))
    if not (isinstance(data, dict) and data.get("format") == FORMAT
            and isinstance(data.get("checklists"), list)):  # fmt: skip
        raise CatalogueError(
            Later(
                N_("{url} is not a checklist catalogue index (format {format})"),
                url=where,
                format=FORMAT,
            )
        )
    folder = (
        (cache or cache_root())
        / "checklist-forms"
        / hashlib.sha256(where.encode()).hexdigest()[:16]
    )
    entries: list[Entry] = []
    urls: dict[Path, str] = {}
    try:
        for raw in data["checklists"]:
            schema_url = urllib.parse.urljoin(where, raw["schema"])
            key = hashlib.sha256(f"{schema_url} {raw.get('structure', '')}".encode()).hexdigest()
            local = folder / "schemas" / f"{key[:24]}.json"
            urls[local] = schema_url
            entries.append(
                Entry(
                    id=str(raw["id"]),
                    version=str(raw["version"]),
                    language=str(raw["language"]),
                    title=str(raw["title"]),
                    schema_file=local,
                    form_file=Path(urllib.parse.urljoin(where, raw["form"])),
                )
            )
    except (KeyError, TypeError) as exc:
        raise CatalogueError(
            Later(N_("{url} lists a checklist without {key}"), url=where, key=str(exc))
        ) from None
    return RemoteCatalogue(folder, entries, urls)
