"""Tagging a record on its own page: the record's topics (one query for a whole list of records),
the picker's topics grouped by heading, and what the chips include needs.

Every page of an area shows a record's topics through ``{% record_topics obj %}``
(``templatetags/topics_tags.py``); a page that lists many records first reads all their tags in one
query (``{% prefetch_topics records %}``), kept on the request for the rest of the page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models

from mshub.topics import registry
from mshub.topics.models import Topic, TopicTag
from mshub.topics.statistics import ids_under

_QS = TypeVar("_QS", bound=models.QuerySet[Any])
_CACHE = "_mshub_topics"  # on the request: {(content type id, object id): [topics]}
_GROUPS = "_mshub_topic_groups"  # on the request: the picker's groups


def _key(obj: models.Model) -> tuple[int, str]:
    return ContentType.objects.get_for_model(obj).pk, str(obj.pk)


def topics_on(forum: Any, records: Iterable[models.Model]) -> dict[tuple[int, str], list[Topic]]:
    """This forum's topics on each of ``records`` (any models), in one query; keyed by
    (content type id, object id as tags spell it)."""
    wanted: dict[int, set[str]] = defaultdict(set)
    for obj in records:
        content_type_id, object_id = _key(obj)
        wanted[content_type_id].add(object_id)
    found: dict[tuple[int, str], list[Topic]] = {(ct, oid): [] for ct, oids in wanted.items() for oid in oids}
    if not wanted:
        return found
    condition = models.Q()
    for content_type_id, object_ids in wanted.items():
        condition |= models.Q(content_type_id=content_type_id, object_id__in=sorted(object_ids))
    tags = (
        TopicTag.objects.of(forum)
        .filter(condition)
        .select_related("topic__forum")
        .order_by("topic__order", "topic__code")
    )
    for tag in tags:
        found[(tag.content_type_id, tag.object_id)].append(tag.topic)
    return found


def remember(request: Any, forum: Any, records: Iterable[models.Model]) -> None:
    """Read the topics of ``records`` once for the rest of the page."""
    cache: dict[tuple[int, str], list[Topic]] = getattr(request, _CACHE, None) or {}
    missing = [obj for obj in records if _key(obj) not in cache]
    cache.update(topics_on(forum, missing))
    setattr(request, _CACHE, cache)


def topics_of(request: Any, forum: Any, obj: models.Model) -> list[Topic]:
    """The record's topics: from what the page read already, else one query."""
    cache = getattr(request, _CACHE, None) if request is not None else None
    key = _key(obj)
    if cache is not None and key in cache:
        return cache[key]
    return topics_on(forum, [obj])[key]


def forget(request: Any, obj: models.Model) -> None:
    cache = getattr(request, _CACHE, None)
    if cache is not None:
        cache.pop(_key(obj), None)


@dataclass
class PickerGroup:
    heading: Topic | None
    topics: list[Topic] = field(default_factory=list)


def picker_groups(request: Any, forum: Any) -> list[PickerGroup]:
    """The forum's active topics, each heading (a top-level topic) with the topics under it; read
    once per request (a page with many pickers reads them once)."""
    cached = getattr(request, _GROUPS, None) if request is not None else None
    if cached is not None:
        return list(cached)
    from mshub.topics.listing import tree_rows

    groups: list[PickerGroup] = []
    for row in tree_rows(Topic.objects.of(forum).active()):
        if row.depth == 0:
            groups.append(PickerGroup(row.topic, [row.topic]))
        else:
            groups[-1].topics.append(row.topic)
    if request is not None:
        setattr(request, _GROUPS, groups)
    return groups


def chips_context(request: Any, forum: Any, obj: models.Model, error: str = "") -> dict[str, Any]:
    """What ``topics/_record_topics.html`` shows for ``obj`` to this reader."""
    entry = registry.for_model(obj)
    user = getattr(request, "user", None)
    may_tag = bool(entry and user is not None and entry.may_tag(user, forum, obj))
    context: dict[str, Any] = {
        "record": obj,
        "entry": entry,
        "forum": forum,
        "record_topics": topics_of(request, forum, obj),
        "may_tag": may_tag,
        "topic_error": error,
    }
    if may_tag and entry is not None:
        from django.urls import reverse

        context["tag_url"] = reverse(
            "topics:tag-record", kwargs={"forum": forum.slug, "kind": entry.kind, "pk": obj.pk}
        )
        context["picker_groups"] = picker_groups(request, forum)
        context["dom_id"] = f"topics-{entry.kind}-{obj.pk}"
        if user is not None and user.has_perm("topics.change_topic", forum):
            # suggestions for the record's words (suggestions.py), loaded into the add form by htmx
            from urllib.parse import urlencode

            query = [("text", entry.text_of(obj)[:2000]), *(("exclude", t.code) for t in context["record_topics"])]
            suggest = reverse("topics:topic-suggest", kwargs={"forum": forum.slug})
            context["suggest_url"] = f"{suggest}?{urlencode(query)}"
    elif entry is not None:
        context["dom_id"] = f"topics-{entry.kind}-{obj.pk}"
    return context


def topic_and_below(forum: Any, topic: Topic) -> set[int]:
    """The ids of ``topic`` and every topic under it (any depth), from one query."""
    return ids_under(topic.pk, Topic.objects.of(forum).values_list("pk", "parent_id"))


def with_topic(queryset: _QS, forum: Any, topic: Topic) -> _QS:
    """The records of ``queryset`` that ``forum`` tagged with ``topic`` or a topic under it (a filter
    of the same query: ``EXISTS`` on the tags)."""
    from django.db.models.functions import Cast

    content_type = ContentType.objects.get_for_model(queryset.model)
    tags = TopicTag.objects.filter(
        forum=forum,
        content_type=content_type,
        topic__in=topic_and_below(forum, topic),
        object_id=Cast(models.OuterRef("pk"), models.CharField()),
    )
    return queryset.filter(models.Exists(tags))


def topics_among(forum: Any, queryset: models.QuerySet[Any]) -> list[Topic]:
    """The forum's topics on any record of ``queryset`` (each once), in one query: "the topics of
    this agenda" without reading the items."""
    from django.db.models.functions import Cast

    ids = queryset.order_by().annotate(tag_id=Cast("pk", models.CharField())).values("tag_id")
    content_type = ContentType.objects.get_for_model(queryset.model)
    tagged = TopicTag.objects.of(forum).filter(content_type=content_type, object_id__in=ids)
    return list(
        Topic.objects.filter(pk__in=tagged.values("topic_id")).select_related("forum").order_by("order", "code")
    )
