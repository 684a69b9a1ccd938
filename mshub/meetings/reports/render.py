"""Render the report to HTML, Markdown and PDF."""

from __future__ import annotations

import re
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from mshub.meetings.models import Meeting
from mshub.meetings.reports.context import report_context

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md_escape(text: str) -> str:
    """User text inside Markdown: no markup, no raw HTML survives."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_html(meeting: Meeting, language: str = "ja", context: dict[str, Any] | None = None) -> str:
    """A standalone HTML document (also the source of the PDF)."""
    context = context or report_context(meeting, language)
    with translation.override(language):
        return render_to_string("meetings/report/report.html", context)


_STYLE_ATTRIBUTE = re.compile(r'\s+style="[^"]*"')


def strip_style_attributes(html: str) -> str:
    """Drop style="…" attributes (versions published before the report used classes for them).

    The page's Content-Security-Policy forbids inline style attributes; report text is escaped, so
    a quote inside it never looks like an attribute here.
    """
    return _STYLE_ATTRIBUTE.sub("", html)


def render_markdown(meeting: Meeting, language: str = "ja", context: dict[str, Any] | None = None) -> str:
    context = context or report_context(meeting, language)
    with translation.override(language):
        text = render_to_string("meetings/report/report.md", context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """PDF from the report HTML: A4, page numbers, a table of contents, Noto CJK fonts."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf
