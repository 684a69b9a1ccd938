"""What the topic pages read: the tree with counts, and the records tagged with a topic.

The records are read one query per content type (never one per row). A registered kind
(``registry.py``) is read as the registry says: through the forum (its own records, or the shared
ones), with what its label and page need, dated by its ``date_path`` in the same query, and only
the records the reader may see (its ``view_permission``, checked in memory); undated records count
under the day they were tagged. Tags on a model nobody registered are never shown: nothing says who
may read such a record (a person of the registry, say), so no page or API gives it away.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from mshub.core.permissions import role_rank
from mshub.topics import registry
from mshub.topics.models import Topic, TopicTag


@dataclass(frozen=True)
class TreeRow:
    topic: Topic
    depth: int

    @property
    def indent(self) -> str:
        return "— " * self.depth


def tree_rows(topics: Iterable[Topic]) -> list[TreeRow]:
    """The topics depth first, each parent before its children (any depth; a topic whose parent is
    not among ``topics`` starts a branch of its own)."""
    topics = list(topics)
    ids = {t.pk for t in topics}
    children: dict[int | None, list[Topic]] = defaultdict(list)
    for t in topics:
        children[t.parent_id if t.parent_id in ids else None].append(t)
    rows: list[TreeRow] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for t in sorted(children.get(parent, []), key=lambda t: (t.order, t.code)):
            if t.pk in seen:
                continue
            seen.add(t.pk)
            rows.append(TreeRow(t, depth))
            walk(t.pk, depth + 1)

    walk(None, 0)
    return rows


@dataclass(frozen=True)
class TaggedRecord:
    label: str
    url: str
    date: dt.date
    kind: str  # the model's verbose name
    kind_code: str = ""  # the registered kind ("meeting"), else the model's name ("organization")
    pk: str = ""  # the record's primary key as its tags spell it


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, dt.date):
        return value
    return None


def _registered_rows(entry: registry.Taggable, ids: Iterable[str], forum: Any, user: Any) -> dict[str, models.Model]:
    """The kind's records among ``ids`` as read through ``forum`` (one query), those ``user`` may see."""
    keys = {}
    for raw in ids:
        try:
            keys[entry.model._meta.pk.to_python(raw)] = raw
        except (ValidationError, ValueError, TypeError):
            continue
    rows = entry.records(forum).filter(pk__in=list(keys))
    return {keys[obj.pk]: obj for obj in rows if user is None or entry.may_view(user, forum, obj)}


def tagged_records(forum: Any, topic: Topic | Iterable[Topic], user: Any = None) -> list[TaggedRecord]:
    """Everything tagged with ``topic`` (or any of several topics: each record once) in ``forum``,
    newest first; with ``user``, only what that reader may see."""
    if user is not None:
        role_rank(user, forum)  # the reader's roles, read once whatever the rules below ask
    chosen: dict[str, Any] = {"topic": topic} if isinstance(topic, Topic) else {"topic__in": list(topic)}
    tags = list(
        TopicTag.objects.of(forum)
        .filter(**chosen)
        .order_by("tagged_at")
        .values_list("content_type_id", "object_id", "tagged_at")
    )
    by_type: dict[int, dict[str, dt.datetime]] = defaultdict(dict)
    for content_type_id, object_id, tagged_at in tags:
        by_type[content_type_id].setdefault(object_id, tagged_at)  # the first tag, once per record
    records: list[TaggedRecord] = []
    for content_type_id, pairs in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a model that no longer exists
            continue
        entry = registry.for_model(model)
        if entry is None:  # not a kind of record the topics know how to show (nor to whom)
            continue
        rows = _registered_rows(entry, pairs, forum, user)
        kind = str(model._meta.verbose_name)
        for object_id, tagged_at in pairs.items():
            obj = rows.get(object_id)
            if obj is None:
                continue
            date = _as_date(getattr(obj, "topic_day", None)) or timezone.localdate(tagged_at)
            records.append(TaggedRecord(str(obj), entry.url_of(obj), date, kind, entry.kind, object_id))
    records.sort(key=lambda r: (r.date, r.label), reverse=True)
    return records


def counts_by_year(records: Iterable[TaggedRecord]) -> list[tuple[int, int]]:
    """(year, how many), newest year first."""
    return sorted(Counter(r.date.year for r in records).items(), reverse=True)
