"""PDFs with WeasyPrint, and the warm-up that a process rendering them runs before its first job.

The first render in a process pays for importing WeasyPrint (it looks its C libraries up with
``gcc`` and ``ldconfig``) and for the first font lookups and code paths: about half a second of CPU
more than the next render of the same report, a second or two on a busy machine. :func:`warm_up`
pays it ahead with a small page in each language laid out like a report, rendered and thrown away;
the processes that render PDFs run it before their first job (``PDF_WARM_UP``,
:func:`mshub.core.background.warm_up_with`, docs/deploy.md). A warm render of a ten-page report is
then about 0.45 s of CPU, nearly all of it WeasyPrint's cascade and layout (bench/report_pdf.py).

Keeping one ``FontConfiguration`` for all of a process's renders, instead of WeasyPrint's new one per
document, was measured too: it saved nothing beyond the noise (fontconfig's and FreeType's caches are
the process's anyway), so each render keeps its own.
"""

from __future__ import annotations

import logging
import os
import time

from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# The report's structure in both languages (template meetings/report/report.html, its classes): table
# of contents with leaders and page numbers, headings, agenda with times and presenters, an outcome in
# italics, a Q/A/C entry with a footnote mark, decisions, footnotes. Never shown to anyone.
_WARM_UP_BODY = """<header><h1>第1回 会合報告 Report 0123</h1><p class="subtitle">定例会合 Regular meeting</p>
<p class="published">2026年1月28日 January 28, 2026</p></header>
<nav class="toc"><ol><li><a href="#overview">1. 会合の概要 Overview</a></li>
<li><a href="#discussion">2. 質疑応答 Questions and answers</a></li></ol></nav>
<section id="overview"><h2>1. 会合の概要 Overview</h2>
<ul><li>日時 Date: 2026年1月28日 (水) 18:00–20:00 JST</li><li>URL: <a href="https://example.org/">https://example.org/</a></li></ul>
<h3>1.1. 参加者数 Participation</h3><ul><li>会場参加者数 On site: 28 名 people</li></ul>
<ol class="agenda"><li class="depth-0"><span class="time">18:00–18:20</span> 1. 議題 Item
<span class="presenter">組織 Organisation 山田 花子 (Yamada Hanako)</span></li>
<li class="depth-1">1.1. 小議題 Sub-item</li></ol>
</section>
<section id="discussion"><h2>2. 質疑応答 Questions and answers</h2><h3>1. 議題 Item</h3><h4>1.1. 小議題 Sub-item</h4>
<p class="outcome">延期 Deferred: 次回 next meeting</p><p>発表の概要 Summary<br>二行目 second line</p>
<p class="intervention"><span class="kind">Q.</span> (山田 花子) 質問です。A question?
<sup><a href="#fn-1">1</a></sup></p>
</section>
<section id="decisions"><h2>3. 決定事項 Decisions</h2><ol><li>決定 Decision</li></ol>
<ul><li>宿題 Action (事務局, 2026-02-01)</li></ul>
</section>
<section class="footnotes"><ol><li id="fn-1" value="1">注 Note</li></ol></section>"""


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """A PDF from HTML (a report: A4, page numbers, a table of contents, Noto CJK fonts; or badges)."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf


def warm_up() -> None:
    """Import WeasyPrint and go once through what a report's render needs (the fonts, Japanese and
    Latin, regular, bold and oblique; the report's styles): one small page per language, rendered and
    thrown away. Stores nothing and touches no database; logs how long it took."""
    started = time.perf_counter()
    for language in ("ja", "en"):
        style = render_to_string("meetings/report/style.css", {"language": language})
        render_pdf(
            f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><style>{style}</style></head>'
            f"<body>{_WARM_UP_BODY}</body></html>"
        )
    logger.info("PDF fonts loaded in %.1f s (process %d)", time.perf_counter() - started, os.getpid())
