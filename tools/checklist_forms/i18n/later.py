"""English text that another language can be asked of later, where it is shown.

Engine messages (a validation problem, why a file was skipped) go both to people and to
programs: ``--format json`` must stay the same whatever the reader's language. A
:class:`Later` *is* the English ``str`` (JSON, comparisons and tests see plain English)
and also keeps its message id and fields, so the command line can print it in the
reader's language with :func:`shown`.
"""

from __future__ import annotations

from typing import Any

from checklist_forms.i18n.translate import SOURCE_LANGUAGE, candidates, translator


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


class Joined(str):
    """Several messages joined by ``separator`` (a list of problems in one sentence),
    each shown in the reader's language, the list itself being no sentence to translate."""

    separator: str
    parts: list[str]

    def __new__(cls, separator: str, parts: list[str]) -> Joined:
        text = super().__new__(cls, separator.join(parts))
        text.separator = separator
        text.parts = list(parts)
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.separator, self.parts))

    def in_language(self, language: str | None) -> str:
        return self.separator.join(str(shown(part, language)) for part in self.parts)


class Number(str):
    """A decimal number inside a message: "60.5" in English, « 60,5 » in French."""

    value: float
    spec: str

    def __new__(cls, value: float, spec: str = ".1f") -> Number:
        text = super().__new__(cls, format(value, spec))
        text.value = value
        text.spec = spec
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Number, (self.value, self.spec))

    def in_language(self, language: str | None) -> str:
        # English keeps the text the message was made with ("60.0"), as JSON shows it.
        if SOURCE_LANGUAGE in candidates(language)[-1:] or not candidates(language):
            return str(self)
        from checklist_forms.i18n.numbers import decimal

        return decimal(language, float(self))


def shown(text: object, language: str | None) -> Any:
    """``text`` in ``language`` when it is a :class:`Later` (or :class:`Joined`,
    :class:`Number`), else ``text`` unchanged."""
    return text.in_language(language) if isinstance(text, Later | Joined | Number) else text
