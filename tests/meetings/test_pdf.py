"""Report PDFs reuse one font configuration per process: the PDFs stay what they were."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.template.loader import render_to_string
from pypdf import PdfReader

from mshub.meetings.reports import pdf
from mshub.meetings.reports.pdf import render_pdf
from mshub.meetings.reports.render import render_html
from tests.meetings.sample11 import build_meeting_11


def facts(document: bytes) -> tuple[int, str, set[str]]:
    """(pages, text, embedded font names) of a PDF, read back with pypdf."""
    reader = PdfReader(BytesIO(document))
    text = re.sub(r"\s+", " ", "".join(page.extract_text() for page in reader.pages))
    fonts = {
        re.sub(r"^/?[A-Z]{6}\+", "", str(font["/BaseFont"]))  # without the subset's tag
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()  # type: ignore[union-attr]
    }
    return len(reader.pages), text, fonts


@pytest.mark.slow
@pytest.mark.django_db
def test_renders_with_the_kept_fonts_are_weasyprints_own_pdf_with_japanese_text(forum):
    from weasyprint import HTML

    html = render_html(build_meeting_11(forum), "ja")
    own = facts(HTML(string=html).write_pdf())  # WeasyPrint's defaults: fonts loaded for this document alone
    first, again = facts(render_pdf(html)), facts(render_pdf(html))
    assert pdf.fonts_loaded()
    assert first == again == own  # the same pages, text and fonts
    pages, text, fonts = first
    assert pages >= 2
    assert f"1 / {pages}" in text
    for fact in ("会場参加者数", "高根 優子", "JPNIC 会議室"):
        assert fact in text, fact
    assert {"Noto-Sans-CJK-JP", "Noto-Sans-CJK-JP-Bold"} <= fonts, fonts


@pytest.mark.django_db
def test_a_render_while_another_thread_has_the_kept_fonts_loads_its_own(forum):
    html = render_html(build_meeting_11(forum), "ja")
    with pdf._lock:  # another thread is rendering with them: this one does not wait
        pages, text, fonts = facts(render_pdf(html))
    assert f"1 / {pages}" in text
    assert "会場参加者数" in text
    assert "Noto-Sans-CJK-JP" in fonts


def test_japanese_in_an_english_report_is_set_in_the_japanese_cjk_face():
    style = render_to_string("meetings/report/style.css", {"language": "en"})
    document = render_pdf(f'<html lang="en"><style>{style}</style><p>Presenter: 山田 花子 (Yamada Hanako)</p></html>')
    _pages, text, fonts = facts(document)
    assert "山田 花子" in text
    assert fonts == {"DejaVu-Sans", "Noto-Sans-CJK-JP"}
