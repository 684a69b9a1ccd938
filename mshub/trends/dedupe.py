"""Whether a forum already holds a trend item: the same source address (``core.text.url_key``), or a
near-identical title (rapidfuzz) dated within ``WINDOW`` of it. Titles that differ in a number
("IGF 2025 …" / "IGF 2026 …") are never the same item, however alike the rest is.

Used by the feed polls and the archive's briefings before they write; the unique source address per
forum (``TrendItem``'s constraint) is the last guard against two writers at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from mshub.core.text import squash, url_key
from mshub.trends.models import TrendItem

TITLE_SCORE = 92.0  # rapidfuzz ratio (0–100) at or above which two titles are one item
WINDOW = dt.timedelta(days=60)
_NUMBERS = re.compile(r"\d+")


def title_key(title: str) -> str:
    return squash(title)


@dataclass
class _Title:
    key: str
    numbers: tuple[str, ...]
    date: dt.date


def _title(title: str, date: dt.date) -> _Title:
    key = title_key(title)
    return _Title(key, tuple(_NUMBERS.findall(key)), date)


@dataclass
class Seen:
    """What ``forum`` holds around some dates, read once; ``add`` what a run writes as it goes."""

    addresses: set[str] = field(default_factory=set)
    titles: list[_Title] = field(default_factory=list)

    @classmethod
    def around(cls, forum: Any, urls: list[str], dates: list[dt.date]) -> Seen:
        keys = {key for key in (url_key(u) for u in urls) if key}
        seen = cls()
        if keys:
            seen.addresses = set(TrendItem.objects.of(forum).filter(url_key__in=keys).values_list("url_key", flat=True))
        if dates:
            rows = TrendItem.objects.of(forum).filter(date__gte=min(dates) - WINDOW, date__lte=max(dates) + WINDOW)
            seen.titles = [_title(title, date) for title, date in rows.values_list("title", "date")]
        return seen

    def holds(self, title: str, url: str, date: dt.date) -> bool:
        key = url_key(url)
        if key and key in self.addresses:
            return True
        wanted = _title(title, date)
        if not wanted.key:
            return False
        for other in self.titles:
            if abs(other.date - date) > WINDOW or other.numbers != wanted.numbers:
                continue
            if other.key == wanted.key or fuzz.ratio(other.key, wanted.key) >= TITLE_SCORE:
                return True
        return False

    def add(self, title: str, url: str, date: dt.date) -> None:
        key = url_key(url)
        if key:
            self.addresses.add(key)
        self.titles.append(_title(title, date))


def find(forum: Any, title: str, url: str, date: dt.date) -> TrendItem | None:
    """The forum's trend item with this source address, else one with a near-identical title dated
    within ``WINDOW`` (the same numbers in it); None if there is none."""
    key = url_key(url)
    items = TrendItem.objects.of(forum)
    if key:
        found = items.filter(url_key=key).first()
        if found is not None:
            return found
    wanted = _title(title, date)
    if not wanted.key:
        return None
    for item in items.filter(date__gte=date - WINDOW, date__lte=date + WINDOW).only("pk", "title", "date", "forum"):
        other = _title(item.title, item.date)
        if other.numbers == wanted.numbers and (
            other.key == wanted.key or fuzz.ratio(other.key, wanted.key) >= TITLE_SCORE
        ):
            return item
    return None
