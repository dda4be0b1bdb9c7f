"""Every kind of checklist item, each in one place, registered in one table.

Adding a kind: write its class in a module of this package (its answer schema, what
"answered" means, its score, report text, workbook cell and migration rules; the
:class:`~checklist_forms.core.kinds.base.Kind` defaults cover what it does not
override), add it to :data:`KINDS`, and give it a form control template
(``publish/templates/controls/<kind>.html``). Code elsewhere asks the item's kind
(:func:`kind_of`) rather than comparing kind names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checklist_forms.core.kinds.base import COMMON_KEYS, Kind
from checklist_forms.core.kinds.cells import Matcher, Unusable
from checklist_forms.core.kinds.checkbox import Checkbox
from checklist_forms.core.kinds.date import Date
from checklist_forms.core.kinds.multi_choice import MultiChoice
from checklist_forms.core.kinds.note import Note
from checklist_forms.core.kinds.number import Number
from checklist_forms.core.kinds.rating import Rating
from checklist_forms.core.kinds.single_choice import SingleChoice
from checklist_forms.core.kinds.text import Text

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item

# In the order the definition language lists them (error messages name them so).
KINDS: dict[str, Kind] = {
    entry.name: entry
    for entry in (
        Checkbox(),
        SingleChoice(),
        MultiChoice(),
        Text(),
        Number(),
        Rating(),
        Date(),
        Note(),
    )
}
NAMES: tuple[str, ...] = tuple(KINDS)
# Every key an item of each kind may carry in a definition (common keys included).
KEYS: dict[str, tuple[str, ...]] = {name: entry.definition_keys() for name, entry in KINDS.items()}
# An item of a kind this version does not know (read back from a newer export).
UNKNOWN = Kind()


def kind_named(name: str) -> Kind:
    return KINDS.get(name, UNKNOWN)


def kind_of(item: Item) -> Kind:
    return KINDS.get(item.kind, UNKNOWN)


__all__ = [
    "COMMON_KEYS",
    "KEYS",
    "KINDS",
    "NAMES",
    "UNKNOWN",
    "Kind",
    "Matcher",
    "Unusable",
    "kind_named",
    "kind_of",
]
