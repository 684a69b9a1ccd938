"""Helpers for content published in Japanese and English (``*_ja`` / ``*_en`` fields)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language


def current_language() -> str:
    return "en" if (get_language() or "ja").startswith("en") else "ja"


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """The value of ``field`` in the reader's language, else in the other one."""
    lang = language or current_language()
    other = "ja" if lang == "en" else "en"
    return getattr(obj, f"{field}_{lang}", "") or getattr(obj, f"{field}_{other}", "") or ""
