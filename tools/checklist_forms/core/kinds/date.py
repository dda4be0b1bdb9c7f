"""``date``: an ISO date ``YYYY-MM-DD``; a workbook cell may also hold ``DD/MM/YYYY``."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from checklist_forms.core.answered import Answer, date_length, date_pattern
from checklist_forms.core.kinds.base import Kind, Words
from checklist_forms.core.kinds.cells import Matcher, Unusable, shorten, show
from checklist_forms.i18n.later import Later
from checklist_forms.i18n.translate import N_

NOT_A_DATE = N_("{value} is not a date (write YYYY-MM-DD or DD/MM/YYYY)")

if TYPE_CHECKING:  # the model imports the kinds; the kinds only name its Item
    from checklist_forms.core.model import Item

EXCEL_FIRST_DAY = 1  # 1900-01-01 as an Excel serial date
EXCEL_LAST_DAY = 2958465  # 9999-12-31
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class Date(Kind):
    name = "date"
    paper_line = True
    expected = N_("a date written YYYY-MM-DD (or null)")
    cell_format = "yyyy-mm-dd"

    def answer_schema(self, item: Item) -> dict[str, Any]:
        # pattern and lengths, not format alone: format assertion is optional, and
        # validators that do assert it disagree on years such as 0000.
        return {
            "type": ["string", "null"],
            "format": "date",
            "pattern": date_pattern(),
            "minLength": date_length(),
            "maxLength": date_length(),
        }

    def allowed_text(self, item: Item, words: Words) -> str:
        return words["date"]

    def cell_check(self, item: Item, words: Words, list_range: str | None) -> dict[str, Any]:
        return {
            "type": "date",
            "operator": "between",
            "formula1": str(EXCEL_FIRST_DAY),
            "formula2": str(EXCEL_LAST_DAY),
            "error": shorten(words["error_date"], 255),
        }

    def parse_cell(self, item: Item, value: Any, matcher: Matcher) -> Answer:
        if isinstance(value, dt.datetime):
            if value.time() != dt.time():
                raise Unusable(
                    Later(N_("{value} has a time of day; a date is expected"), value=show(value))
                )
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        if not isinstance(value, str):
            raise Unusable(Later(NOT_A_DATE, value=show(value)))
        text = value.strip()
        iso = _ISO_DATE.match(text)
        french = _FR_DATE.match(text)
        try:
            if iso:
                return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
            if french:
                return dt.date(int(french[3]), int(french[2]), int(french[1])).isoformat()
        except ValueError:
            raise Unusable(
                Later(N_("{value} is not a date that exists"), value=show(value))
            ) from None
        raise Unusable(Later(NOT_A_DATE, value=show(value)))
