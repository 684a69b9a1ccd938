"""Render the report to HTML and Markdown (the PDF: mshub.meetings.reports.pdf)."""

from __future__ import annotations

import re
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from mshub.core.validators import is_web_url
from mshub.meetings.models import Meeting
from mshub.meetings.reports.context import report_context

# Markdown's inline markup (CommonMark lets any ASCII punctuation be backslash-escaped).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
# What starts a block when it opens a line: headings, quotes, lists, rules, setext underlines, code.
_MD_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-=+:.)])", re.MULTILINE)
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def md_escape(text: str, *, inline: bool = True) -> str:
    """User text inside Markdown: no markup, no raw HTML, no link survives.

    ``<``, ``>`` and ``&`` become HTML entities (safe in every Markdown dialect, also those
    without backslash escapes for them); the rest of Markdown's punctuation is backslash-escaped, and
    so is a block marker at the start of a line. ``inline`` (the default) also folds line breaks
    into spaces, so a title cannot end its heading or list item and start a block of its own.
    """
    text = _CONTROL.sub("", str(text))
    if inline:
        text = " ".join(text.split())
    else:
        text = "\n".join(line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    text = _MD_SPECIAL.sub(r"\\\1", text.translate(_HTML))
    return _MD_LINE_START.sub(r"\1\\\2", text)


def md_url(url: str) -> str:
    """A URL as a Markdown autolink ``<…>``: http(s) only (anything else gives ""), and the characters
    that could end the autolink or the line percent-encoded."""
    if not is_web_url(url):
        return ""
    safe = "".join(ch if ch not in '<>"` \\' else f"%{ord(ch):02X}" for ch in url)
    return f"<{safe}>"


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
