"""English text that another language can be asked of later, where it is shown.

Engine messages (a validation problem, why a file was skipped) go both to people and to
programs: ``--format json`` must stay the same whatever the reader's language. A
:class:`Later` *is* the English ``str`` (JSON, comparisons and tests see plain English)
and also keeps its message id and fields, so the command line can print it in the
reader's language with :func:`shown`.
"""

from __future__ import annotations

from typing import Any

from checklist_forms.i18n.translate import translator


class Later(str):
    """``template.format(**fields)`` in English, translatable afterwards."""

    template: str
    fields: dict[str, Any]

    def __new__(cls, template: str, **fields: Any) -> Later:
        text = super().__new__(cls, template.format(**fields))
        text.template = template
        text.fields = fields
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, self.fields))

    def in_language(self, language: str | None) -> str:
        values = {key: shown(value, language) for key, value in self.fields.items()}
        return translator(language).gettext(self.template).format(**values)


def _rebuild(template: str, fields: dict[str, Any]) -> Later:
    return Later(template, **fields)


def shown(text: object, language: str | None) -> Any:
    """``text`` in ``language`` when it is a :class:`Later`, else ``text`` unchanged."""
    return text.in_language(language) if isinstance(text, Later) else text
