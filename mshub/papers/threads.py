"""The comments of a paper's hearings as its pages show them (filled in by the hearings' work)."""

from __future__ import annotations

from typing import Any


def comments_by_anchor(paper: Any, user: Any) -> dict[str, list[Any]]:
    """The comments ``user`` may see on ``paper``, by the anchor of the paragraph they refer to
    ("" for the whole paper); each comment knows the revision it was made on."""
    return {}
