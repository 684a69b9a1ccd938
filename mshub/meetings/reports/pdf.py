"""PDFs with WeasyPrint, and the warm-up that a process rendering them runs before its first job.

The first render in a process pays for importing WeasyPrint (it looks its C libraries up with
``gcc`` and ``ldconfig``) and for the first font lookups and code paths: a third of a second more
than the next render of the same report on a quiet machine, a second or more on a busy one.
:func:`warm_up` pays it ahead with a small page in each language in the report's styles, rendered
and thrown away; the processes that render PDFs run it before their first job (``PDF_WARM_UP``,
:func:`mshub.core.background.warm_up_with`, docs/deploy.md). A warm render of a ten-page report is
then about 0.4 s, nearly all of it WeasyPrint's cascade, layout and drawing (bench/report_pdf.py).

Keeping one ``FontConfiguration`` for all of a process's renders, instead of WeasyPrint's new one per
document, was measured too: it saved nothing beyond the noise, so each render keeps WeasyPrint's
default.
"""

from __future__ import annotations

import logging
import os
import time

from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Never shown to anyone: the report's faces (Japanese and Latin, regular and bold) and tabular figures.
# Pages laid out like a whole report, or with an oblique line too, warmed no better and mostly left
# the process 60 MB bigger (the C library keeps the heap that the extra 20 MB font copies were made in).
_WARM_UP_BODY = (
    '<h1>第1回 会合報告 Report</h1><p class="intervention"><span class="kind">Q.</span> '
    '<span class="time">18:00–18:20</span> 日本語の文章と English text.</p>'
)


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """A PDF from HTML (a report: A4, page numbers, a table of contents, Noto CJK fonts; or badges)."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf


def warm_up() -> None:
    """Import WeasyPrint and go once through what a report's render needs (its fonts and styles): one
    small page per language, rendered and thrown away. Stores nothing and touches no database; logs
    how long it took."""
    started = time.perf_counter()
    for language in ("ja", "en"):
        style = render_to_string("meetings/report/style.css", {"language": language})
        render_pdf(
            f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><style>{style}</style></head>'
            f"<body>{_WARM_UP_BODY}</body></html>"
        )
    logger.info("PDF fonts loaded in %.1f s (process %d)", time.perf_counter() - started, os.getpid())
