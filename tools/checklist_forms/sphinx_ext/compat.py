"""Small bridges over Sphinx API changes between the versions we support (8.2 and later)."""

from __future__ import annotations

from typing import Any

from sphinx.builders import Builder
from sphinx.transforms import SphinxTransform


def builder_of(transform: SphinxTransform) -> Builder:
    """The running builder; ``SphinxTransform.app`` is deprecated since Sphinx 9."""
    env: Any = transform.env
    app = getattr(env, "_app", None) or env.app
    return app.builder  # type: ignore[no-any-return]
