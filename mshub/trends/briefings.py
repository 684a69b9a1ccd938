"""Trend items from the archive's trend briefings (docs/trends.md, "From the archive").

The archive sits above the trends and calls ``item_from_briefing`` for each item of a briefing's
topic sections while it stores the document (``mshub.archive.briefings.store_briefing``, inside
``store_document``'s transaction); it links the item to the document (``SourceLink``), which is how
the item's page names the document and how a second storing of the same entry is recognised. The
trends never import the archive.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any
from urllib.parse import urlsplit

from mshub.core.text import language_of, squash
from mshub.core.validators import is_web_url
from mshub.topics.models import Topic
from mshub.trends.dedupe import find
from mshub.trends.models import Origin, TrendItem
from mshub.trends.sanitize import clean_html, plain_text
from mshub.trends.services import create_item

TITLE_LENGTH = 120
_PARTS = re.compile(r"\s*(?:[・/／、,;]|\band\b|および|及び)\s*")
_SENTENCE = re.compile(r"(?<=[。．！？])|(?<=[.!?])\s")
MIN_SENTENCE = 12  # a first sentence shorter than this ("Note.") does not make a title alone
MIN_MATCH = 3  # a topic name or synonym shorter than this (squashed) only matches the whole title


def title_of(text: str) -> str:
    """The first line's first sentence (the whole line if that sentence is very short), trimmed to
    ``TITLE_LENGTH``."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    sentence = _SENTENCE.split(line, maxsplit=1)[0].strip()
    if len(sentence) >= MIN_SENTENCE:
        line = sentence
    if len(line) > TITLE_LENGTH:
        line = line[: TITLE_LENGTH - 1].rstrip() + "…"
    return plain_text(line, 300)


def _names(topic: Topic) -> set[str]:
    """The topic's names and synonyms, and the parts of each ("プライバシー・個人情報保護" →
    "プライバシー", "個人情報保護"), squashed."""
    names = [topic.name_ja, topic.name_en, *topic.synonyms_ja.splitlines(), *topic.synonyms_en.splitlines()]
    parts = [part for name in names for part in _PARTS.split(name)]
    return {squash(name) for name in (*names, *parts)} - {""}


def topics_for(forum: Any, section: str) -> list[Topic]:
    """The forum's topics in use with a name, synonym or part of one that is the section title,
    stands in it, or begins with it ("IoT" → "IoT security"; ``MIN_MATCH`` characters at least),
    compared squashed (width, case and spaces ignored)."""
    wanted = squash(section)
    if not wanted:
        return []
    found = []
    for topic in Topic.objects.of(forum).active():
        for name in _names(topic):
            if name == wanted or (
                min(len(name), len(wanted)) >= MIN_MATCH and (name in wanted or name.startswith(wanted))
            ):
                found.append(topic)
                break
    return found


def item_from_briefing(
    forum: Any, actor: Any, *, section: str, text: str, urls: list[str], date: dt.date
) -> TrendItem | None:
    """The forum's trend item for one briefing item: the one it already holds (same source address,
    or a near-identical title) or a new one (origin *archive*, under the section's topics). None for
    an item without text."""
    title = title_of(text)
    if not title:
        return None
    url = next((u for u in urls if is_web_url(u) and len(u) <= 1000), "")
    existing = find(forum, title, url, date)
    if existing is not None:
        return existing
    summary = clean_html(html.escape(text.strip(), quote=False))
    return create_item(
        forum,
        actor,
        topics=topics_for(forum, section),
        title=title,
        date=date,
        source_name=(urlsplit(url).hostname or "")[:200] if url else "",
        source_url=url,
        origin=Origin.ARCHIVE,
        **{f"summary_{language_of(text)}": summary},  # type: ignore[arg-type]
    )
