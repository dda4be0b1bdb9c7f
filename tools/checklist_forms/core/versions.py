"""Checklist versions: ordering "1.10.0" after "1.9.0"."""

from __future__ import annotations


def version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)
