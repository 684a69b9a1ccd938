"""Topic suggestions: which of the forum's topics a text (a title, a summary, minutes) is about.

``suggest(forum, *texts, limit=5, exclude=())`` reads the texts in either language (``tokens.py``)
and matches the forum's active topics' names and synonyms, both languages, as sequences of
normalised words — never as substrings: IPv6 does not fire inside IPv64, IGF fires on IGF2016.
At each place in the text the longest name or synonym wins (サイバーセキュリティ is cybersecurity,
not also security). A topic scores NAME_WEIGHT per occurrence of one of its names and
SYNONYM_WEIGHT per synonym; a heading is left out when one of its own topics matched (the
secretariat tags the specific topic), and ties go to the deeper topic. Retired topics, another
forum's topics and ``exclude`` (topics already on the record) are never suggested.

Suggestions are offered to the secretariat, who confirms them: nothing is tagged here.

The patterns of a forum are built once and cached per process, keyed by the forum's topics' count,
highest id and latest change, so a suggestion costs one query (two when the topics changed).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max

from mshub.topics import tokens
from mshub.topics.models import Topic

NAME_WEIGHT = 3.0
SYNONYM_WEIGHT = 2.0
MIN_SHARE = 0.25  # a topic scoring less than this share of the best one is noise, not a suggestion


@dataclass(frozen=True)
class Suggestion:
    topic: Topic
    score: float
    matched: tuple[str, ...]  # the words of the text that matched, as written, most frequent first

    @property
    def code(self) -> str:
        return self.topic.code


@dataclass
class Index:
    """One forum's patterns: first word → [(words, topic id, weight)], longest first."""

    version: tuple[Any, ...]
    topics: dict[int, Topic]
    patterns: dict[str, list[tuple[tuple[str, ...], int, float]]] = field(default_factory=dict)


_cache: dict[int, Index] = {}
_cache_lock = threading.Lock()


def _version(forum: Any) -> tuple[Any, ...]:
    row = Topic.objects.of(forum).aggregate(n=Count("pk"), last=Max("pk"), latest=Max("updated"))
    return (row["n"], row["last"], row["latest"])


def _build(forum: Any, version: tuple[Any, ...]) -> Index:
    topics = {t.pk: t for t in Topic.objects.of(forum).active().select_related("forum")}
    index = Index(version=version, topics=topics)
    seen: set[tuple[tuple[str, ...], int]] = set()
    for topic in topics.values():
        phrases = [(topic.name_ja, NAME_WEIGHT), (topic.name_en, NAME_WEIGHT)]
        for text in (topic.synonyms_ja, topic.synonyms_en):
            phrases += [(line.strip(), SYNONYM_WEIGHT) for line in text.splitlines() if line.strip()]
        for phrase, weight in phrases:
            forms = tokens.forms(phrase)
            if not forms or (forms, topic.pk) in seen:
                continue  # the same words named twice (DNS in both languages) count once
            seen.add((forms, topic.pk))
            index.patterns.setdefault(forms[0], []).append((forms, topic.pk, weight))
    for entries in index.patterns.values():
        entries.sort(key=lambda entry: (-len(entry[0]), -entry[2]))
    return index


def index_for(forum: Any) -> Index:
    """The forum's patterns, rebuilt when its topics changed (one query when they did not)."""
    version = _version(forum)
    with _cache_lock:
        index = _cache.get(forum.pk)
    if index is None or index.version != version:
        index = _build(forum, version)
        with _cache_lock:
            _cache[forum.pk] = index
    return index


def _matches(index: Index, text: str) -> Iterable[tuple[int, float, str]]:
    """(topic id, weight, words as written) for each longest match, left to right, not overlapping."""
    cleaned = tokens.clean(text)
    found = tokens.words(cleaned, cleaned=True)
    forms = [word.form for word in found]
    i = 0
    while i < len(found):
        step = 1
        for pattern, topic_id, weight in index.patterns.get(forms[i], ()):
            if tuple(forms[i : i + len(pattern)]) == pattern:
                # Every topic with this same longest pattern matches; shorter ones here do not.
                step = len(pattern)
                yield topic_id, weight, cleaned[found[i].start : found[i + step - 1].end]
                for other, other_id, other_weight in index.patterns[forms[i]]:
                    if other == pattern and other_id != topic_id:
                        yield other_id, other_weight, cleaned[found[i].start : found[i + step - 1].end]
                break
        i += step


def suggest(forum: Any, *texts: str, limit: int = 5, exclude: Iterable[Any] = ()) -> list[Suggestion]:
    """The forum's active topics the texts are about, best first (at most ``limit``).

    ``exclude``: topics (or their codes or ids) not to suggest, e.g. those already on the record."""
    index = index_for(forum)
    scores: dict[int, float] = defaultdict(float)
    matched: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for text in texts:
        if not text:
            continue
        for topic_id, weight, written in _matches(index, str(text)):
            scores[topic_id] += weight
            matched[topic_id][written] += 1
    skip = _excluded(index, exclude)
    # A heading gives way to its own topics.
    for topic_id in list(scores):
        parent_id = index.topics[topic_id].parent_id
        if parent_id in scores and scores[topic_id] > 0:
            skip.add(parent_id)
    ranked = sorted(
        (pk for pk in scores if pk not in skip),
        key=lambda pk: (-scores[pk], index.topics[pk].parent_id is None, index.topics[pk].order, index.topics[pk].code),
    )
    if not ranked:
        return []
    floor = scores[ranked[0]] * MIN_SHARE
    return [
        Suggestion(
            topic=index.topics[pk],
            score=scores[pk],
            matched=tuple(sorted(matched[pk], key=lambda w: (-matched[pk][w], w))),
        )
        for pk in ranked
        if scores[pk] >= floor
    ][: max(0, limit)]


def _excluded(index: Index, exclude: Iterable[Any]) -> set[int]:
    by_code = {topic.code: pk for pk, topic in index.topics.items()}
    skip: set[int] = set()
    for item in exclude:
        if isinstance(item, Topic):
            skip.add(item.pk)
        elif isinstance(item, int):
            skip.add(item)
        elif str(item) in by_code:
            skip.add(by_code[str(item)])
    return skip
