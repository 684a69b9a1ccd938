"""The builder: the forum's trend items of a period, proposed as sections by topic, then arranged.

``refresh`` is both the first proposal and every later one: it adds the items (and sections) that
are not in the briefing yet and never moves, drops or re-includes what is there, so the
secretariat's order, trims and notes survive. An item under several topics goes, once, to the most
specific one (the deepest in the tree; then the first in the tree's order); an untagged item to the
section "Other". Sections come in the tree's order ("Other" last), entries by date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from mshub.briefings.models import Briefing, BriefingEntry, BriefingSection
from mshub.core.models.events import record
from mshub.topics.models import Topic, TopicTag


class BriefingError(Exception):
    """A builder or publishing step that cannot be done (the message says why)."""


def trend_model() -> type[models.Model]:
    return apps.get_model("trends", "TrendItem")


def items_in_period(briefing: Briefing) -> models.QuerySet[Any]:
    """The forum's trend items dated within the briefing's period, oldest first."""
    return (
        trend_model()
        ._default_manager.filter(forum=briefing.forum, date__gte=briefing.period_start, date__lte=briefing.period_end)
        .order_by("date", "pk")
    )


def _topic_rank(forum: Any) -> dict[int, tuple[int, int]]:
    """Each topic of the forum: (its place in the tree's order, its depth)."""
    topics = list(Topic.objects.of(forum).tree())
    parents = {t.pk: t.parent_id for t in topics}

    def depth(pk: int) -> int:
        level, seen = 0, set()
        while parents.get(pk) and pk not in seen:
            seen.add(pk)
            pk = parents[pk]  # type: ignore[assignment]
            level += 1
        return level

    return {t.pk: (place, depth(t.pk)) for place, t in enumerate(topics)}


def topic_of_items(forum: Any, item_ids: list[int]) -> dict[int, int | None]:
    """The one topic each item goes under (the most specific of its tags), or None."""
    if not item_ids:
        return {}
    rank = _topic_rank(forum)
    content_type = ContentType.objects.get_for_model(trend_model())
    chosen: dict[int, int | None] = dict.fromkeys(item_ids)
    tags = TopicTag.objects.of(forum).filter(content_type=content_type, object_id__in=[str(pk) for pk in item_ids])
    for object_id, topic_id in tags.values_list("object_id", "topic_id"):
        pk = int(object_id)
        if topic_id not in rank:
            continue
        current = chosen.get(pk)
        key = (-rank[topic_id][1], rank[topic_id][0])
        if current is None or key < (-rank[current][1], rank[current][0]):
            chosen[pk] = topic_id
    return chosen


@transaction.atomic
def refresh(briefing: Briefing, actor: Any = None) -> int:
    """Add the period's items not in the briefing yet (and the sections they need); returns how many."""
    briefing = Briefing.objects.select_for_update().get(pk=briefing.pk)
    present = set(briefing.entries.values_list("item_id", flat=True))
    new_items = [item for item in items_in_period(briefing) if item.pk not in present]
    if not new_items:
        return 0
    topics = topic_of_items(briefing.forum, [item.pk for item in new_items])
    rank = _topic_rank(briefing.forum)
    sections = {
        s.topic_id: s
        for s in briefing.sections.filter(models.Q(topic__isnull=False) | models.Q(heading_ja="", heading_en=""))
    }
    next_order = (briefing.sections.aggregate(m=models.Max("order"))["m"] or 0) + 1
    # New sections: in the tree's order, "Other" last, after the sections already arranged.
    wanted = sorted(
        {topics[i.pk] for i in new_items} - set(sections), key=lambda t: (t is None, rank.get(t, (0, 0))[0] if t else 0)
    )
    for topic_id in wanted:
        sections[topic_id] = BriefingSection.objects.create(briefing=briefing, topic_id=topic_id, order=next_order)
        next_order += 1
    last: dict[int, int] = {}
    for item in new_items:  # oldest first: each appended after the section's existing entries
        section = sections[topics[item.pk]]
        if section.pk not in last:
            last[section.pk] = section.entries.aggregate(m=models.Max("order"))["m"] or 0
        last[section.pk] += 1
        BriefingEntry.objects.create(briefing=briefing, section=section, item=item, order=last[section.pk])
    record(briefing.forum, actor, "briefing.refreshed", briefing, summary=f"+{len(new_items)}")
    return len(new_items)


def _swap(obj: Any, siblings: models.QuerySet[Any], direction: str) -> bool:
    rows = list(siblings.order_by("order", "pk"))
    index = next(i for i, row in enumerate(rows) if row.pk == obj.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(rows):
        return False
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows, start=1):
        if row.order != position:
            row.order = position
            row.save(update_fields=["order"])
    return True


@transaction.atomic
def move_section(section: BriefingSection, direction: str, actor: Any = None) -> bool:
    Briefing.objects.select_for_update().get(pk=section.briefing_id)
    moved = _swap(section, BriefingSection.objects.filter(briefing_id=section.briefing_id), direction)
    if moved:
        record(section.briefing.forum, actor, "briefing.section_moved", section.briefing, summary=direction)
    return moved


@transaction.atomic
def move_entry(entry: BriefingEntry, direction: str, actor: Any = None) -> bool:
    Briefing.objects.select_for_update().get(pk=entry.briefing_id)
    moved = _swap(entry, BriefingEntry.objects.filter(section_id=entry.section_id), direction)
    if moved:
        record(entry.briefing.forum, actor, "briefing.entry_moved", entry.briefing, summary=direction)
    return moved


@transaction.atomic
def set_included(entry: BriefingEntry, included: bool, actor: Any = None) -> BriefingEntry:
    entry.included = included
    entry.save(update_fields=["included"])
    verb = "briefing.entry_included" if included else "briefing.entry_excluded"
    record(entry.briefing.forum, actor, verb, entry.briefing, summary=f"#{entry.item_id}")
    return entry


@transaction.atomic
def update_entry_text(entry: BriefingEntry, override_ja: str, override_en: str, actor: Any = None) -> BriefingEntry:
    entry.override_ja, entry.override_en = override_ja.strip(), override_en.strip()
    entry.save(update_fields=["override_ja", "override_en"])
    record(entry.briefing.forum, actor, "briefing.entry_edited", entry.briefing, summary=f"#{entry.item_id}")
    return entry


@transaction.atomic
def update_section(section: BriefingSection, actor: Any = None, **fields: str) -> BriefingSection:
    """The section's free heading and note (ja/en)."""
    allowed = {"heading_ja", "heading_en", "note_ja", "note_en"}
    for name, value in fields.items():
        if name not in allowed:
            raise BriefingError(f"unknown field {name}")
        setattr(section, name, value.strip())
    section.save(update_fields=sorted(fields))
    record(section.briefing.forum, actor, "briefing.section_edited", section.briefing)
    return section


@transaction.atomic
def create_briefing(forum: Any, actor: Any = None, **fields: Any) -> Briefing:
    """A draft for ``forum``, with the period's items proposed at once."""
    start: dt.date = fields["period_start"]
    end: dt.date = fields["period_end"]
    if end < start:
        raise BriefingError("The period must end on or after its first day.")
    briefing = Briefing.objects.create(
        forum=forum, created_by=actor if getattr(actor, "is_authenticated", False) else None, **fields
    )
    record(forum, actor, "briefing.created", briefing)
    refresh(briefing, actor)
    return briefing


def sections_with_entries(briefing: Briefing) -> list[BriefingSection]:
    """The sections in order, each with ``rows``: its entries (with their items) in order."""
    sections = list(briefing.sections.select_related("topic").order_by("order", "pk"))
    entries = BriefingEntry.objects.filter(briefing=briefing).select_related("item__forum").order_by("order", "pk")
    by_section: dict[int, list[BriefingEntry]] = {s.pk: [] for s in sections}
    for entry in entries:
        by_section.setdefault(entry.section_id, []).append(entry)
    for section in sections:
        section.rows = by_section[section.pk]  # type: ignore[attr-defined]
    return sections
