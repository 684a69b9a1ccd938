"""How many records the forum has put under each topic, per kind of record and per year.

Counted in the database, **one aggregate query per kind** (``registry.taggables()``), whatever the
number of tags: the forum's tags of that kind, each joined (a correlated subquery on the record's
primary key, read from the tag's ``object_id``) to a record that still exists and that this forum
may see, and dated by the kind's ``date_path``:

- a forum-owned kind (a ``forum`` on the model, or on a record its ``date_path`` passes through, as
  ``meeting__forum`` for an agenda item) counts only this forum's records; a shared kind (an event, a
  consultation) has no owner, and the tag, which is the forum's, is what counts;
- a record counts under the **year of its date in the forum's time zone** (``Forum.timezone``,
  Asia/Tokyo by default; never the reader's), so a meeting on 1 January at 08:00 in Tokyo is of the
  new year although it is still 31 December in UTC; a plain date is its own year; a record without a
  date (an event whose date is not decided) counts in totals under year ``None``.

A record tagged with a topic and with a topic under it counts once in the heading's figures
(distinct records, ``subtree_counts`` / ``heading_counts``); ``own_counts`` counts each topic's own tags.
"""

from __future__ import annotations

import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, ExtractYear

from mshub.topics.models import Topic, TopicTag
from mshub.topics.registry import Taggable, taggables

Year = int | None  # None: a record without a date


def kinds(selected: Iterable[str] | None = None) -> list[Taggable]:
    """The registered kinds, in their order; only ``selected`` ones if given (unknown names ignored)."""
    every = taggables()
    if selected is None:
        return every
    wanted = set(selected)
    return [t for t in every if t.kind in wanted]


def zone_of(forum: Any) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(forum.timezone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _field_at(model: type[models.Model], path: str) -> tuple[models.Field[Any, Any], list[str]]:
    """The field ``path`` names from ``model``, and the relations it passes through."""
    parts = path.split("__")
    relations: list[str] = []
    for part in parts[:-1]:
        field = model._meta.get_field(part)
        relations.append(part)
        assert field.related_model is not None, f"{path}: {part} is not a relation"
        model = field.related_model  # type: ignore[assignment]
    return model._meta.get_field(parts[-1]), relations  # type: ignore[return-value]


def _forum_fk(model: type[models.Model]) -> bool:
    try:
        field = model._meta.get_field("forum")
    except FieldDoesNotExist:
        return False
    related: Any = field.related_model
    return isinstance(field, models.ForeignKey) and related._meta.label == "core.Forum"


def forum_path(taggable: Taggable) -> str | None:
    """The ORM path from the kind's model to the forum that owns its records, or None for a shared
    kind: the model's own ``forum``, else the nearest one along its ``date_path``."""
    model: type[models.Model] = taggable.model
    if _forum_fk(model):
        return "forum"
    _field, relations = _field_at(model, taggable.date_path)
    path: list[str] = []
    for part in relations:
        path.append(part)
        model = model._meta.get_field(part).related_model  # type: ignore[assignment]
        if _forum_fk(model):
            return "__".join([*path, "forum"])
    return None


def _record_key(model: type[models.Model]) -> Any:
    """The tag's ``object_id`` as the model's primary key (compared on the key's own type, so the
    record is found by its index); an id that cannot be such a key reads as no key."""
    pk = model._meta.pk
    assert pk is not None
    if isinstance(pk, models.IntegerField | models.AutoField):
        return Case(
            When(object_id__regex=r"^[0-9]{1,18}$", then=Cast("object_id", models.BigIntegerField())),
            default=Value(None),
            output_field=models.BigIntegerField(),
        )
    return Cast("object_id", pk.__class__())


def _year(taggable: Taggable, zone: zoneinfo.ZoneInfo) -> Any:
    field, _relations = _field_at(taggable.model, taggable.date_path)
    if isinstance(field, models.DateTimeField):
        return ExtractYear(taggable.date_path, tzinfo=zone)
    return ExtractYear(taggable.date_path)


def tags_of_kind(forum: Any, taggable: Taggable) -> models.QuerySet[TopicTag]:
    """This forum's tags on records of this kind that exist and the forum may see, each annotated
    with ``year`` (in the forum's zone; None for a record without a date)."""
    model = taggable.model
    records = model._default_manager.all()
    path = forum_path(taggable)
    if path:
        records = records.filter(**{path: forum})
    records = records.filter(pk=OuterRef("record_key"))
    year = records.annotate(topic_year=_year(taggable, zone_of(forum))).values("topic_year")[:1]
    content_type = ContentType.objects.get_for_model(model)  # as services.tag writes it
    return (
        TopicTag.objects.filter(forum=forum, content_type=content_type)
        .annotate(record_key=_record_key(model))
        .filter(Exists(records))
        .annotate(year=Subquery(year, output_field=models.IntegerField()))
        .order_by()
    )


Counts = Counter[tuple[int, str, Year]]  # (topic id, kind, year) → records


def own_counts(forum: Any, selected: Iterable[Taggable] | None = None) -> Counts:
    """Each topic's own tagged records per kind and year: one query per kind."""
    counts: Counts = Counter()
    for taggable in taggables() if selected is None else selected:
        rows = tags_of_kind(forum, taggable).values("topic_id", "year").annotate(n=Count("pk"))  # type: ignore[misc]
        for row in rows:
            counts[(row["topic_id"], taggable.kind, row["year"])] += row["n"]
    return counts


def subtree_counts(
    forum: Any, topic_ids: Iterable[int], selected: Iterable[Taggable] | None = None
) -> Counter[tuple[str, Year]]:
    """Records tagged with any of ``topic_ids`` (a topic and those under it), each counted once, per
    kind and year: one query per kind."""
    ids = list(topic_ids)
    counts: Counter[tuple[str, Year]] = Counter()
    for taggable in taggables() if selected is None else selected:
        rows = (
            tags_of_kind(forum, taggable)
            .filter(topic_id__in=ids)
            .values("year")  # type: ignore[misc]
            .annotate(n=Count("object_id", distinct=True))
        )
        for row in rows:
            counts[(taggable.kind, row["year"])] += row["n"]
    return counts


def heading_counts(forum: Any, topics: Iterable[Topic], selected: Iterable[Taggable] | None = None) -> Counts:
    """For each top-level topic (a heading), the records tagged with it or any topic under it, each
    counted once, per kind and year: one query per kind."""
    root_of = roots(topics)
    by_root: dict[int, list[int]] = defaultdict(list)
    for topic_id, root_id in root_of.items():
        by_root[root_id].append(topic_id)
    counts: Counts = Counter()
    if not by_root:
        return counts
    heading = Case(
        *(When(topic_id__in=members, then=Value(root)) for root, members in by_root.items()),
        default=Value(None),
        output_field=models.IntegerField(),
    )
    for taggable in taggables() if selected is None else selected:
        rows = (
            tags_of_kind(forum, taggable)
            .annotate(heading=heading)
            .values("heading", "year")
            .annotate(n=Count("object_id", distinct=True))
        )
        for row in rows:
            if row["heading"] is not None:
                counts[(row["heading"], taggable.kind, row["year"])] += row["n"]
    return counts


def roots(topics: Iterable[Topic]) -> dict[int, int]:
    """Each topic's top-level ancestor (itself for a heading), from the topics given (no queries)."""
    parent = {t.pk: t.parent_id for t in topics}
    found: dict[int, int] = {}
    for topic_id in parent:
        node, seen = topic_id, set()
        while parent.get(node) is not None and node not in seen:
            seen.add(node)
            node = parent[node]  # type: ignore[assignment]
        found[topic_id] = node
    return found


def subtree(topic: Topic, topics: Iterable[Topic]) -> set[int]:
    """``topic`` and every topic under it, at any depth, from the topics given (no queries)."""
    return ids_under(topic.pk, ((t.pk, t.parent_id) for t in topics))


def ids_under(root: int, links: Iterable[tuple[int, int | None]]) -> set[int]:
    """``root`` and the ids of every topic under it, at any depth, from (id, parent id) pairs."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for pk, parent_id in links:
        children[parent_id].append(pk)
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def totals_by_topic(forum: Any) -> dict[int, int]:
    """Each topic's own tagged records that still exist, all kinds and years: one query per
    registered kind (tags on other models are not shown anywhere, nor counted)."""
    totals: Counter[int] = Counter()
    for (topic_id, _kind, _year), n in own_counts(forum).items():
        totals[topic_id] += n
    return dict(totals)


# What the steering group's overview reads from the counts (no queries).

PerTopicYear = Counter[tuple[int, int]]  # (topic id, year) → records, dated ones only


def per_topic_year(counts: Counts, kinds_shown: Iterable[str] | None = None) -> PerTopicYear:
    wanted = None if kinds_shown is None else set(kinds_shown)
    found: PerTopicYear = Counter()
    for (topic_id, kind, year), n in counts.items():
        if year is not None and (wanted is None or kind in wanted):
            found[(topic_id, year)] += n
    return found


def years_with_data(counts: Counts) -> list[int]:
    return sorted({year for (_t, _k, year) in counts if year is not None})


def top_per_year(
    matrix: PerTopicYear, years: Iterable[int], names: dict[int, str], n: int = 5
) -> dict[int, list[tuple[int, int]]]:
    """Each year's ``n`` most used topics (topic id, records), most first; ties by name."""
    by_year: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (topic_id, year), count in matrix.items():
        if count:
            by_year[year].append((topic_id, count))
    return {
        year: sorted(by_year.get(year, []), key=lambda pair: (-pair[1], names.get(pair[0], "")))[:n] for year in years
    }


def dropped_out(matrix: PerTopicYear, first: int, last: int, quiet: int) -> list[tuple[int, int]]:
    """Topics used in ``first`` … ``last - quiet`` but in none of the last ``quiet`` years up to
    ``last``: (topic id, the last year it was used), longest silent first."""
    cutoff = last - quiet  # the last year of the "earlier" part
    last_used: dict[int, int] = {}
    recent: set[int] = set()
    for (topic_id, year), count in matrix.items():
        if not count or year < first or year > last:
            continue
        if year > cutoff:
            recent.add(topic_id)
        else:
            last_used[topic_id] = max(year, last_used.get(topic_id, year))
    return sorted(((t, y) for t, y in last_used.items() if t not in recent), key=lambda pair: (pair[1], pair[0]))


def never_used(topics: Iterable[Topic], counts: Counts) -> list[Topic]:
    """Topics with no counted record at all, of any kind and year (dated or not), neither tagged
    themselves nor through a topic under them (a heading whose topics are used is in use)."""
    topics = list(topics)
    parent = {t.pk: t.parent_id for t in topics}
    used: set[int] = set()
    for topic_id in {topic_id for (topic_id, _k, _y), n in counts.items() if n}:
        node: int | None = topic_id
        while node is not None and node not in used:
            used.add(node)
            node = parent.get(node)
    return [t for t in topics if t.pk not in used]
