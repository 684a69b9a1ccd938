"""PDFs with WeasyPrint: the fonts stay loaded between renders, and a worker loads them before its first job.

WeasyPrint's default is a new ``FontConfiguration`` for every document: Pango and fontconfig then
match and open the fonts again each time (Noto CJK's collections are 20 MB files). Each process keeps
one configuration instead and reuses it: about 0.15 s of CPU less per render, a third of a ten-page
report's (bench/report_pdf.py); a render that finds it in use by another thread loads its own rather
than wait. The reports use no ``@font-face``, so nothing
of one document stays in the configuration for the next but the system fonts it opened.

The first render in a process also pays for importing WeasyPrint (it looks its C libraries up with
``gcc`` and ``ldconfig``) and for the first font lookups. :func:`warm_up` does both with a small
page in each language, rendered and thrown away; the worker processes that render PDFs run it before
their first job (``PDF_WARM_UP``, :func:`mshub.core.background.warm_up_with`, docs/deploy.md).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any

from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
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


def warm_up() -> None:
    """Import WeasyPrint and load the report's fonts into this process's configuration: one small page
    per language (Japanese and Latin text, regular and bold, with the report's own styles), rendered
    and thrown away. Stores nothing and touches no database; logs how long it took."""
    started = time.perf_counter()
    for language in ("ja", "en"):
        style = render_to_string("meetings/report/style.css", {"language": language})
        render_pdf(
            f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><style>{style}</style></head>'
            "<body><h1>第1回 会合報告 Report 0123</h1><h2>1. 概要 Overview</h2>"
            '<p class="intervention"><span class="kind">Q.</span> 日本語の文章と English text.</p></body></html>'
        )
    logger.info("PDF fonts loaded in %.1f s (process %d)", time.perf_counter() - started, os.getpid())


def fonts_loaded() -> bool:
    """Whether this process has rendered (or warmed up) with its kept font configuration."""
    return _fonts is not None
