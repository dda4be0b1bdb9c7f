"""Sphinx extension: ``checklist`` directive, rendering, and export of fillable JSON forms.

Add ``"checklist_forms.sphinx_ext"`` to ``extensions``. Configuration:

``checklist_base_url``
    Absolute URL under which the site is published; defaults to ``html_baseurl``. The
    schemas' ``$id`` are built from it.
``checklist_export_dir``
    An extra folder to write the forms to, besides ``<outdir>/checklists``.
``checklist_workbooks``
    Also offer an Excel workbook per checklist (needs openpyxl).
``checklist_archive_dir``
    The committed forms folder (one sub-folder per language). Versions published there
    but no longer defined stay published; a defined version whose structure differs from
    its published one is a ``checklist.version_not_bumped`` warning.

HTML builds also publish the definition language's schema at
``<site>/checklists/definition.schema.json`` (absolute ``$id`` from the base URL), for
editors that check and complete a definition as it is typed.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from checklist_forms import __version__
from checklist_forms.core.definition import SCHEMA_NAME, published_schema
from checklist_forms.core.model import Checklist
from checklist_forms.core.schema import dumps
from checklist_forms.publish.tree import (
    archived_fingerprints,
    checklist_paths,
    render_tree,
    structure_fingerprint,
    write_tree,
)
from checklist_forms.sphinx_ext import elements as cl_nodes
from checklist_forms.sphinx_ext.catalogue import (
    CatalogueDirective,
    CatalogueTransform,
    outdated_catalogues,
)
from checklist_forms.sphinx_ext.directive import ChecklistDirective
from checklist_forms.sphinx_ext.domain import ChecklistDomain, check_duplicates
from checklist_forms.sphinx_ext.log import warn
from checklist_forms.sphinx_ext.render import FallbackChecklists, HTMLChecklists

STATIC = Path(__file__).parent / "static"
# Bump when the stored data changes shape, so old pickled environments are rebuilt.
ENV_VERSION = 3


def base_url(config: Config) -> str:
    return str(config.checklist_base_url or config.html_baseurl or "")


def check_config(app: Sphinx, config: Config) -> None:
    url = base_url(config)
    if not url.startswith(("https://", "http://")):
        warn(
            None,
            "config",
            "checklist_base_url (or html_baseurl) must be the absolute URL of the published "
            f"site, such as https://example.org/handbook/, not {url!r}; schema $id values "
            "would not be absolute",
        )


def archive_dir(app: Sphinx) -> Path | None:
    """The committed forms of the language being built, if the project keeps them."""
    if not app.config.checklist_archive_dir:
        return None
    language = (app.config.language or "en").split("_")[0]
    return Path(app.confdir, app.config.checklist_archive_dir, language)


def check_versions(app: Sphinx, env: Any) -> None:
    """A published version is frozen: changing its structure needs a new version."""
    folder = archive_dir(app)
    if folder is None:
        return
    published = archived_fingerprints(folder)
    domain = env.get_domain("checklist")
    assert isinstance(domain, ChecklistDomain)
    for checklist_id, registrations in domain.by_id().items():
        first = registrations[0]
        checklist = first.checklist()
        before = published.get((checklist.id, checklist.version))
        if before is not None and before != structure_fingerprint(checklist):
            warn(
                (first.docname, first.lineno),
                "version_not_bumped",
                f"checklist {checklist_id!r} changed its structure (ids, kinds, choices, required "
                f"items or conditions) but keeps version {checklist.version}, which is already "
                "published: raise :version: so forms filled against it keep validating",
            )


@cache
def static_files(suffix: str) -> tuple[str, ...]:
    """The extension's own stylesheets or scripts, by name.

    Every file of the static folder is served, whatever its name: deferred scripts run in
    the order of their tags, which is this (alphabetical) order. Listed once per process:
    the folder ships with the package, and the scripts are asked for on every page.
    """
    return tuple(sorted(p.name for p in STATIC.iterdir() if p.is_file() and p.suffix == suffix))


def add_static_folder(app: Sphinx, config: Config) -> None:
    """Serve ``static/`` as part of ``html_static_path``, which only HTML builders read.

    Sphinx then copies the files before it writes the pages and tags them with
    ``?v=<checksum of the content>``, so a browser never keeps a stale copy after a deploy
    (a query string of our own would be refused: Sphinx adds its own). Added when the
    configuration is read, before the saved environment's configuration is compared with
    it, so an unchanged project does not report "the configuration has changed".
    """
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def add_stylesheets(app: Sphinx) -> None:
    """On every page: the stylesheet also draws MyST task lists and the print layout."""
    if app.builder.format != "html":
        return
    for name in static_files(".css"):
        app.add_css_file(name)


def add_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The scripts only on pages that hold a checklist: the others have nothing to run."""
    if doctree is None or next(doctree.findall(cl_nodes.checklist_html), None) is None:
        return
    for name in static_files(".js"):
        app.add_js_file(name, loading_method="defer")


def export_forms(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name == "gettext":
        return
    domain = app.env.get_domain("checklist")
    assert isinstance(domain, ChecklistDomain)
    targets = [Path(app.outdir) / "checklists"]
    if app.config.checklist_export_dir:
        targets.append(Path(app.confdir, app.config.checklist_export_dir))
    workbooks = bool(app.config.checklist_workbooks)
    archive = archive_dir(app)
    archive_index = archive / "index.json" if archive is not None else None
    # What every file depends on, then what each checklist's files depend on: a rebuild
    # renders again only the checklists whose definition changed (editing one page of a
    # site with many checklists), and nothing at all on a no-op rebuild.
    common = _digest(
        [
            base_url(app.config),
            workbooks,
            archive_index.read_text(encoding="utf-8")
            if archive_index and archive_index.is_file()
            else "",
            __version__,
        ]
    )
    current = {cid: _digest(regs[0].definition) for cid, regs in domain.by_id().items()}
    stamp = Path(app.doctreedir) / "checklist-forms-export.stamp"
    before = _read_stamp(stamp)
    same_common = before.get("common") == common
    known: dict[str, str] = before.get("checklists", {}) if same_common else {}
    indexes = all((t / "index.json").is_file() for t in targets)
    if same_common and known == current and indexes:
        return

    def written(checklist: Checklist) -> bool:
        """Its files were exported from this very definition and are still there."""
        return known.get(checklist.id) == current[checklist.id] and all(
            (target / path).is_file()
            for target in targets
            for path in checklist_paths(checklist, workbooks=workbooks)
        )

    with _site_heap_frozen():
        files = render_tree(
            domain.checklists(),
            base_url(app.config),
            workbooks=workbooks,
            archive=archive,
            written=written,
        )
        for target in targets:
            write_tree(target, files)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"common": common, "checklists": current}, sort_keys=True))


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def _read_stamp(stamp: Path) -> dict[str, Any]:
    """The previous export's digests; nothing (export everything) if unreadable or old."""
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("checklists"), dict):
        return {}
    return data


@contextmanager
def _site_heap_frozen() -> Iterator[None]:
    """Keep the garbage collector off the objects that exist before the export starts.

    At build-finished the heap holds the whole site (environment, cached doctrees), and
    the export allocates enough to trigger several full collections, each walking that
    heap: the export of 1,600 checklists spent half its time there, so its cost per
    checklist grew with the size of the site. Frozen objects are skipped by collections
    and given back to the oldest generation afterwards; the export's own garbage is still
    collected. A host that froze objects itself keeps its own policy.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def publish_definition_schema(app: Sphinx, exception: BaseException | None) -> None:
    """The definition language's schema, at a stable URL of the site, for editors.

    ``# yaml-language-server: $schema=<site>/checklists/definition.schema.json`` in a YAML
    file lets an editor complete and check a checklist's body. HTML builders only.
    """
    if exception is not None or app.builder.format != "html":
        return
    forms = Path(app.outdir) / "checklists"
    forms.mkdir(parents=True, exist_ok=True)
    write_tree(forms, {SCHEMA_NAME: dumps(published_schema(base_url(app.config)))})


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _write_html(self: Any, node: nodes.Element) -> None:
    self.body.append(node["html"])
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("checklist_base_url", "", "env", types=[str])
    app.add_config_value("checklist_export_dir", "", "", types=[str])
    app.add_config_value("checklist_workbooks", False, "env", types=[bool])
    app.add_config_value("checklist_archive_dir", "", "env", types=[str])
    app.add_domain(ChecklistDomain)
    # The post-transforms replace the first two nodes for every writer, and the HTML one
    # creates checklist_html; the other visitors only guard builders that write doctrees
    # some other way.
    for node, html in (
        (cl_nodes.checklist, _skip),
        (cl_nodes.checklist_catalogue, _skip),
        (cl_nodes.checklist_html, _write_html),
    ):
        app.add_node(
            node,
            html=(html, None),
            latex=(_skip, None),
            text=(_skip, None),
            man=(_skip, None),
            texinfo=(_skip, None),
        )
    app.add_directive("checklist", ChecklistDirective)
    app.add_directive("checklist-catalogue", CatalogueDirective)
    app.add_post_transform(HTMLChecklists)
    app.add_post_transform(FallbackChecklists)
    app.add_post_transform(CatalogueTransform)
    app.connect("config-inited", check_config)
    app.connect("config-inited", add_static_folder)
    app.connect("builder-inited", add_stylesheets)
    app.connect("html-page-context", add_scripts)
    app.connect("env-check-consistency", check_duplicates)
    app.connect("env-check-consistency", check_versions)
    app.connect("env-get-outdated", outdated_catalogues)
    app.connect("build-finished", export_forms)
    app.connect("build-finished", publish_definition_schema)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
