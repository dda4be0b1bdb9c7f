"""Where the environment keeps every checklist of the site between builds.

A small domain, like ``sphinx.ext.todo``: its data is keyed by document, so purging a
re-read page is one ``pop``, merging a parallel reader's pages is one assignment per page,
and nothing has to be kept in step with anything else. What needs the site-wide view
(checklists by id, duplicate ids) is derived from that one index when asked, after every
document is merged: two parallel workers each see only their own pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from checklist_forms.core.model import Checklist, checklist_from_dict
from checklist_forms.sphinx_ext import elements as cl_nodes
from checklist_forms.sphinx_ext.collect import read_definitions
from checklist_forms.sphinx_ext.log import warn


class Registration(NamedTuple):
    """One ``{checklist}`` directive of one document."""

    docname: str
    lineno: int
    # Kept as JSON text: a string is one object the garbage collector never scans, where
    # a nested dict is hundreds, on every collection, for every checklist of the site
    # (the scale benchmark showed the cost).
    definition: str

    def checklist(self) -> Checklist:
        return checklist_from_dict(json.loads(self.definition))


class ChecklistDomain(Domain):
    name = "checklist"
    label = "Checklist"
    # documents: docname -> [[checklist id, line, definition JSON], ...] in document order;
    # catalogues: docname -> True for the pages holding a checklist-catalogue directive.
    # Plain lists and dicts, so the pickled environment never depends on a class of ours.
    initial_data = {"documents": {}, "catalogues": {}}  # noqa: RUF012 (Sphinx API)
    data_version = 4
    # {checklist:ref}`fiche-de-poste`: a link to the checklist's form, titled by the
    # checklist (in the page's language); an unknown id is Sphinx's "target not found".
    roles = {"ref": XRefRole()}  # noqa: RUF012 (Sphinx API)

    @property
    def documents(self) -> dict[str, list[list[Any]]]:
        return self.data.setdefault("documents", {})  # type: ignore[no-any-return]

    @property
    def catalogues(self) -> dict[str, bool]:
        return self.data.setdefault("catalogues", {})  # type: ignore[no-any-return]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        # Runs as a transform after Locale, so a translated build stores translated texts.
        language = env.config.language or "en"
        found = [
            [definition["id"], lineno, json.dumps(definition, sort_keys=True)]
            for lineno, definition in read_definitions(document, language)
        ]
        if found:
            self.documents[docname] = found
        if any(document.findall(cl_nodes.checklist_catalogue)):
            self.catalogues[docname] = True

    def clear_doc(self, docname: str) -> None:
        self.documents.pop(docname, None)
        self.catalogues.pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        documents, catalogues = otherdata["documents"], otherdata["catalogues"]
        for docname in docnames:
            if docname in documents:
                self.documents[docname] = documents[docname]
            if docname in catalogues:
                self.catalogues[docname] = True

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        registrations = self.by_id().get(target)
        if not registrations:
            return None
        first = registrations[0]
        if not node.get("refexplicit"):
            contnode = nodes.inline("", first.checklist().title, classes=["checklist-ref"])
        return make_refnode(
            builder, fromdocname, first.docname, f"checklist-{target}", contnode, target
        )

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def by_id(self) -> dict[str, list[Registration]]:
        """Checklist id -> its registrations, ordered by (document, line); ids sorted."""
        found: dict[str, list[Registration]] = {}
        for docname in sorted(self.documents):
            for checklist_id, lineno, definition in self.documents[docname]:
                found.setdefault(checklist_id, []).append(Registration(docname, lineno, definition))
        return {
            checklist_id: sorted(found[checklist_id], key=lambda r: (r.docname, r.lineno))
            for checklist_id in sorted(found)
        }

    def checklists(self) -> Iterator[tuple[Checklist, str]]:
        """The first registration of each id (duplicates are reported, not exported)."""
        for registrations in self.by_id().values():
            first = registrations[0]
            yield first.checklist(), first.docname


def check_duplicates(app: Any, env: BuildEnvironment) -> None:
    domain = env.get_domain("checklist")
    assert isinstance(domain, ChecklistDomain)
    for checklist_id, registrations in domain.by_id().items():
        first, *others = registrations
        for other in others:
            warn(
                (other.docname, other.lineno),
                "duplicate_checklist",
                f"checklist id {checklist_id!r} is already used in "
                f"{env.doc2path(first.docname, False)}:{first.lineno}; "
                "checklist ids must be unique across the site",
            )
