from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mshub.meetings.reports.render import md_escape, md_url

register = template.Library()

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@register.filter
def md(text: Any) -> str:
    """Escape user text for Markdown output, on one line (titles, names, list items)."""
    return md_escape(str(text or ""))


@register.filter
def md_block(text: Any) -> str:
    """Escape user text for Markdown output, keeping its lines and paragraphs."""
    return md_escape(str(text or ""), inline=False)


@register.filter(name="md_url")
def md_url_filter(url: Any) -> str:
    """An http(s) URL as a Markdown autolink ``<…>``; anything else gives ""."""
    return md_url(str(url or ""))


@register.filter
def superscript(number: Any) -> str:
    return str(number).translate(SUPERSCRIPT)


@register.filter
def numbered(meeting: Any, language: str | None = None) -> str:
    return str(meeting.series.numbered(meeting.number, language))


_REF = re.compile(r"\[\^(\d{1,3})\]")


@register.filter
def footnote_refs(text: Any) -> SafeString:
    """Escape ``text`` and turn ``[^3]`` into a superscript link to footnote 3."""
    escaped = escape(str(text or ""))
    return mark_safe(  # noqa: S308 (only our own markup around escaped text)
        _REF.sub(lambda m: f'<sup><a href="#fn-{m.group(1)}">{m.group(1).translate(SUPERSCRIPT)}</a></sup>', escaped)
    )


@register.filter
def footnote_refs_md(text: Any) -> str:
    """In Markdown (already escaped by ``md``), ``\\[^3\\]`` becomes the footnote reference ``[^3]``."""
    return re.sub(r"\\\[\^(\d{1,3})\\\]", r"[^\1]", str(text))


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """``{{ counts|get_item:code }}``: a mapping's value, 0 when absent."""
    return mapping.get(key, 0) if mapping else 0
