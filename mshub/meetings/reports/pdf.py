"""PDFs with WeasyPrint: the fonts stay loaded between renders.

WeasyPrint's default is a new ``FontConfiguration`` for every document: Pango and fontconfig then
match and open the fonts again each time (Noto CJK's collections are 20 MB files). Each process keeps
one configuration instead and reuses it (a third less time per report); a render that finds it in
use by another thread loads its own rather than wait. The reports use no ``@font-face``, so nothing
of one document stays in the configuration for the next but the system fonts it opened.
"""

from __future__ import annotations

import os
import threading
from typing import Any

_lock = threading.Lock()
_fonts: Any = None  # the process's weasyprint.text.fonts.FontConfiguration, made by the first render
_inherited: list[Any] = []  # a parent's configuration, never finalised in a forked child


def _forget_after_fork() -> None:
    """A forked child starts with a free lock and makes its own configuration."""
    global _lock, _fonts
    if _fonts is not None:
        _inherited.append(_fonts)
    _lock, _fonts = threading.Lock(), None


os.register_at_fork(after_in_child=_forget_after_fork)


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """A PDF from HTML (a report: A4, page numbers, a table of contents, Noto CJK fonts; or badges)."""
    global _fonts
    from weasyprint import HTML

    document = HTML(string=html, base_url=base_url)
    lock = _lock
    if not lock.acquire(blocking=False):  # another thread is rendering with the kept fonts
        pdf: bytes = document.write_pdf()
        return pdf
    try:
        if _fonts is None:
            from weasyprint.text.fonts import FontConfiguration

            _fonts = FontConfiguration()
        kept: bytes = document.write_pdf(font_config=_fonts)
        return kept
    finally:
        lock.release()


def fonts_loaded() -> bool:
    """Whether this process has rendered with its kept font configuration."""
    return _fonts is not None
