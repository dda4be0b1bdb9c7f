"""Read a checklist definition (directive options + YAML body) into the model.

The reading goes by stages, one module each:

- :mod:`.yaml_source`: YAML to plain data that remembers each value's line; tags and
  aliases refused;
- :mod:`.shape`: the data against ``data/checklist-definition.schema.json``, the one
  description of the language's shape, each error worded by :mod:`.messages` at the
  line of its key (places named by :mod:`.places`);
- :mod:`.references`: what a schema cannot say (ids, conditions, outcomes, renames);
- :mod:`.build`: the model, from a definition without problems;
- :mod:`.reader`: the directive's id and options, and the whole sequence.
"""

from checklist_forms.core.definition.language import (
    SCHEMA_NAME,
    definition_schema,
    published_schema,
)
from checklist_forms.core.definition.problems import SUBTYPES, Problem, Subtype
from checklist_forms.core.definition.reader import GUARDS, build_checklist, parse_body

__all__ = [
    "GUARDS",
    "SCHEMA_NAME",
    "SUBTYPES",
    "Problem",
    "Subtype",
    "build_checklist",
    "definition_schema",
    "parse_body",
    "published_schema",
]
