"""The definition language's JSON Schema: where it is shipped and where it is published.

Both the shape check (:mod:`.shape`) and the wording of its errors (:mod:`.messages`)
read it, so it lives apart from either of them.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path as FilePath
from typing import Any

SCHEMA_FILE = FilePath(__file__).parent.parent.parent / "data" / "checklist-definition.schema.json"
SCHEMA_NAME = "definition.schema.json"


@cache
def definition_schema() -> dict[str, Any]:
    """The schema as shipped (relative ``$id``); see :func:`published_schema`."""
    schema: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


def published_schema(base_url: str) -> dict[str, Any]:
    """The schema with the absolute ``$id`` it has on the site, next to the checklists."""
    schema = copy.deepcopy(definition_schema())
    schema["$id"] = f"{base_url.rstrip('/')}/checklists/{SCHEMA_NAME}"
    return schema
