"""Where the environment keeps every checklist of the site between builds.

A small domain, like ``sphinx.ext.todo``: per-document data that Sphinx purges when a
document is re-read and merges back from parallel readers. Duplicate ids are judged only
once everything is merged (``env-check-consistency``), because two parallel workers each
see only their own pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from checklist_forms.core.model import Checklist, checklist_from_dict

logger = logging.getLogger(__name__)


class ChecklistDomain(Domain):
    name = "checklist"
    label = "Checklist"
    initial_data = {"records": {}, "catalogue_docs": [], "by_doc": {}}  # noqa: RUF012 (Sphinx API)
    data_version = 3

    @property
    def records(self) -> dict[str, list[dict[str, Any]]]:
        """Checklist id -> registrations ``{docname, lineno, definition}``, in document order."""
        return self.data.setdefault("records", {})  # type: ignore[no-any-return]

    def add(self, docname: str, lineno: int, definition: dict[str, Any]) -> None:
        self.records.setdefault(definition["id"], []).append(
            # Kept as JSON text: a string is one object the garbage collector never
            # scans, where a nested dict is hundreds, on every collection, for every
            # checklist of the site (the scale benchmark showed the cost).
            {
                "docname": docname,
                "lineno": lineno,
                "definition": json.dumps(definition, sort_keys=True),
            }
        )
        self.by_doc.setdefault(docname, []).append(definition["id"])

    @property
    def by_doc(self) -> dict[str, list[str]]:
        """Document -> ids of the checklists it defines, so purging a page is not a scan."""
        return self.data.setdefault("by_doc", {})  # type: ignore[no-any-return]

    def clear_doc(self, docname: str) -> None:
        docs = self.data.setdefault("catalogue_docs", [])
        if docname in docs:
            docs.remove(docname)
        for checklist_id in self.by_doc.pop(docname, []):
            kept = [r for r in self.records.get(checklist_id, []) if r["docname"] != docname]
            if kept:
                self.records[checklist_id] = kept
            else:
                self.records.pop(checklist_id, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        wanted = set(docnames)
        docs = self.data.setdefault("catalogue_docs", [])
        docs.extend(d for d in otherdata.get("catalogue_docs", []) if d in wanted and d not in docs)
        for checklist_id, records in otherdata.get("records", {}).items():
            for record in records:
                if record["docname"] in wanted:
                    self.records.setdefault(checklist_id, []).append(record)
                    self.by_doc.setdefault(record["docname"], []).append(checklist_id)

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def checklists(self) -> Iterator[tuple[Checklist, str]]:
        """The first registration of each id (duplicates are reported, not exported)."""
        for checklist_id in sorted(self.records):
            record = min(self.records[checklist_id], key=lambda r: (r["docname"], r["lineno"]))
            yield checklist_from_dict(json.loads(record["definition"])), record["docname"]


def check_duplicates(app: Any, env: BuildEnvironment) -> None:
    domain = env.get_domain("checklist")
    assert isinstance(domain, ChecklistDomain)
    for checklist_id, records in sorted(domain.records.items()):
        if len(records) < 2:
            continue
        ordered = sorted(records, key=lambda r: (r["docname"], r["lineno"]))
        first = ordered[0]
        for other in ordered[1:]:
            logger.warning(
                f"checklist id {checklist_id!r} is already used in {env.doc2path(first['docname'], False)}:"
                f"{first['lineno']}; checklist ids must be unique across the site",
                type="checklist",
                subtype="duplicate_checklist",
                location=(other["docname"], other["lineno"]),
            )
