"""The one sanitiser of trend text (nh3): what a secretariat member types, a feed sends or a briefing
holds becomes a fragment with a few inline tags and http(s) links, nothing else.

Summaries are cleaned on their way in (services, polling, the archive's briefings) and again when a
page renders them (the ``trend_html`` filter), so that a row written any other way never becomes
live markup.
"""

from __future__ import annotations

import html
import re

import nh3

TAGS = {"a", "b", "strong", "i", "em", "code", "br", "sub", "sup"}
ATTRIBUTES = {"a": {"href"}}
SCHEMES = {"http", "https"}
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "textarea", "title"}
MAX_SUMMARY = 10_000
_SPACE = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_html(value: str | None, limit: int = MAX_SUMMARY) -> str:
    """``value`` as a safe fragment: the allowed inline tags, ``<a href>`` to http(s) addresses only
    (``rel="noopener noreferrer nofollow"``), no comments, scripts or styles; at most ``limit``
    characters before cleaning (so a cut tag is cleaned away too)."""
    text = _CONTROL.sub("", str(value or ""))[:limit]
    cleaned = nh3.clean(
        text,
        tags=TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
        url_relative="deny",
        strip_comments=True,
    )
    cleaned = _SPACE.sub(" ", cleaned)
    return _BLANK_LINES.sub("\n\n", cleaned).strip()


def plain_text(value: str | None, limit: int = 300) -> str:
    """``value`` without any markup, entities decoded, whitespace squashed: a title."""
    text = nh3.clean(_CONTROL.sub("", str(value or "")), tags=set(), clean_content_tags=DROPPED_WITH_CONTENT)
    text = html.unescape(text)
    return " ".join(text.split())[:limit].strip()
