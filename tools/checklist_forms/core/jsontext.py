"""Indented JSON text, byte for byte what ``json.dumps`` writes, in a fraction of its time.

``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`` is the one layout of
every file the project publishes (schemas, blank forms, indexes) and of the reports the
command prints. With ``indent`` set, the standard library leaves its C encoder for a
pure-Python generator, which made writing a site's forms a visible part of its build.
Here strings go through the C escaper (``encode_basestring``, the one ``json`` uses with
``ensure_ascii=False``) and the nesting is joined by hand.

The types are tested in json's own order and with its ``isinstance`` checks, so a
``str`` subclass (a message to translate later) or an ``int`` enum is written as json
writes it. Anything else (a key that is no string, NaN, a value json cannot write) is
given to ``json.dumps`` for the whole value, so the text and the errors stay json's own.
``tests/test_jsontext.py`` compares both on generated values.
"""

from __future__ import annotations

import json
from typing import Any

_string = json.encoder.encode_basestring
_float = float.__repr__
_int = int.__repr__
_INFINITY = float("inf")


class _NotPlain(Exception):
    """A value outside the fast path: json.dumps writes the whole document."""


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)``, same text."""
    try:
        return _encode(value, "\n")
    # TypeError: keys of several types that cannot be sorted together, as in json.
    except (_NotPlain, RecursionError, TypeError):
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


def _encode(value: Any, newline: str) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return _int(value)
    if isinstance(value, float):
        if value != value or value in (_INFINITY, -_INFINITY):
            raise _NotPlain  # NaN and infinities: json's own spelling
        return _float(value)
    inner = newline + "  "
    # Plain text is most of a form's values: encoded inline, without a call to _encode.
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = []
        for key in sorted(value):  # text keys are unique: the order of json's sorted(items)
            if not isinstance(key, str):
                raise _NotPlain  # json writes such keys as text, after sorting them as they are
            v = value[key]
            parts.append(
                _string(key) + ": " + (_string(v) if type(v) is str else _encode(v, inner))
            )
        return "{" + inner + ("," + inner).join(parts) + newline + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        parts = [_string(v) if type(v) is str else _encode(v, inner) for v in value]
        return "[" + inner + ("," + inner).join(parts) + newline + "]"
    raise _NotPlain
