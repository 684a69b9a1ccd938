"""Every write on trend items and trend feeds, atomic and logged (docs/trends.md).

Domain errors (``TrendError``) carry a message for the reader; views show it. Summaries are
sanitised here (``sanitize.clean_html``), whatever path the values came by (form, feed, briefing).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.core.services import assign
from mshub.topics.models import Topic, TopicTag
from mshub.topics.services import TopicError, set_topics
from mshub.trends.models import FeedOutcome, TrendFeed, TrendItem
from mshub.trends.sanitize import clean_html, plain_text

ITEM_FIELDS = ("title", "summary_ja", "summary_en", "date", "source_name", "source_url", "region", "countries")
FEED_FIELDS = ("name", "url", "active")


class TrendError(Exception):
    """A write on trends the rules refuse."""


class DuplicateSourceError(TrendError):
    """The forum already has a trend item with this source address."""


class FeedBusyError(TrendError):
    """The feed is being polled: it cannot be deleted until that run is over."""


def topics_by_item(items: list[TrendItem]) -> dict[int, list[Topic]]:
    """The topics of each of ``items`` (one query, however many items)."""
    if not items:
        return {}
    content_type = ContentType.objects.get_for_model(TrendItem)
    tags = (
        TopicTag.objects.filter(content_type=content_type, object_id__in=[str(i.pk) for i in items])
        .select_related("topic")
        .order_by("topic__order", "topic__code")
    )
    found: dict[int, list[Topic]] = {}
    for tag_ in tags:
        found.setdefault(int(tag_.object_id), []).append(tag_.topic)
    return found


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned = dict(fields)
    if "title" in cleaned:
        cleaned["title"] = plain_text(cleaned["title"], 300)
    for name in ("summary_ja", "summary_en"):
        if name in cleaned:
            cleaned[name] = clean_html(cleaned[name])
    if "source_name" in cleaned:
        cleaned["source_name"] = plain_text(cleaned["source_name"], 200)
    return cleaned


def _check_organizations(forum: Any, organizations: Iterable[Any]) -> list[Any]:
    chosen = list(organizations)
    if any(org.forum_id != forum.pk for org in chosen):
        raise TrendError(_("An organisation of another forum cannot be named."))
    return chosen


def _set_topics(forum: Any, item: TrendItem, topics: Iterable[Topic], actor: Any) -> None:
    try:
        set_topics(forum, item, topics, actor)
    except TopicError as exc:
        raise TrendError(str(exc)) from exc


def _saved(item: TrendItem) -> None:
    """Save ``item``; a source address the forum already has is a ``DuplicateSourceError``."""
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as exc:
        raise DuplicateSourceError(_("This forum already has a trend item with this source address.")) from exc


@transaction.atomic
def create_item(
    forum: Any,
    actor: Any,
    *,
    topics: Iterable[Topic] = (),
    organizations: Iterable[Any] = (),
    log: bool = True,
    **fields: Any,
) -> TrendItem:
    """A new trend item of ``forum`` under ``topics``, naming ``organizations`` (of the same forum)."""
    chosen = _check_organizations(forum, organizations)
    item = TrendItem(forum=forum, **_clean(fields))
    if actor is not None and getattr(actor, "is_authenticated", False):
        item.created_by = actor
    item.full_clean(
        exclude=["forum", "feed", "created_by", "organizations"], validate_unique=False, validate_constraints=False
    )
    _saved(item)
    if chosen:
        item.organizations.set(chosen)
    _set_topics(forum, item, topics, actor)
    if log:
        record(forum, actor, "trends.item_created", item, summary=item.title[:200], origin=item.origin)
    return item


@transaction.atomic
def update_item(
    forum: Any, actor: Any, item: TrendItem, *, topics: Iterable[Topic], organizations: Iterable[Any], **fields: Any
) -> TrendItem:
    """Change ``item``'s fields, topics and organisations."""
    if item.forum_id != forum.pk:
        raise TrendError(_("This record belongs to another forum."))
    locked = TrendItem.objects.select_for_update().get(pk=item.pk, forum=forum)
    chosen = _check_organizations(forum, organizations)
    changed = assign(locked, _clean(fields), ITEM_FIELDS)
    locked.full_clean(
        exclude=["forum", "feed", "created_by", "organizations"], validate_unique=False, validate_constraints=False
    )
    _saved(locked)
    locked.organizations.set(chosen)
    _set_topics(forum, locked, topics, actor)
    record(forum, actor, "trends.item_changed", locked, summary=locked.title[:200], fields=sorted(changed))
    return locked


@transaction.atomic
def delete_item(forum: Any, actor: Any, item: TrendItem) -> None:
    """Delete ``item`` (its tags go with it: the topics registry)."""
    locked = TrendItem.objects.select_for_update().filter(pk=item.pk, forum=forum).first()
    if locked is None:
        return
    title = locked.title
    locked.delete()
    record(forum, actor, "trends.item_deleted", None, summary=title[:200])


# ---- feeds --------------------------------------------------------------------------------------


def _feed_topics(forum: Any, topics: Iterable[Topic]) -> list[Topic]:
    chosen = list(topics)
    if any(topic.forum_id != forum.pk for topic in chosen):
        raise TrendError(_("A topic of another forum cannot be chosen."))
    return chosen


@transaction.atomic
def create_feed(forum: Any, actor: Any, *, topics: Iterable[Topic] = (), **fields: Any) -> TrendFeed:
    feed = TrendFeed(forum=forum, **{k: v for k, v in fields.items() if k in FEED_FIELDS})
    if actor is not None and getattr(actor, "is_authenticated", False):
        feed.created_by = actor
    feed.full_clean(exclude=["forum", "created_by", "topics"])
    feed.save()
    feed.topics.set(_feed_topics(forum, topics))
    record(forum, actor, "trends.feed_created", feed, summary=feed.name[:200])
    return feed


@transaction.atomic
def update_feed(forum: Any, actor: Any, feed: TrendFeed, *, topics: Iterable[Topic], **fields: Any) -> TrendFeed:
    locked = TrendFeed.objects.select_for_update().get(pk=feed.pk, forum=forum)
    for name, value in fields.items():
        if name not in FEED_FIELDS:
            raise TypeError(name)
        setattr(locked, name, value)
    locked.full_clean(exclude=["forum", "created_by", "topics"])
    locked.save()
    locked.topics.set(_feed_topics(forum, topics))
    record(forum, actor, "trends.feed_changed", locked, summary=locked.name[:200])
    return locked


def delete_feed(forum: Any, actor: Any, feed: TrendFeed) -> str | None:
    """Delete a feed and its runs; the items it brought stay (as the forum's own). Refused while a
    poll is under way (``FeedBusyError``): the row is locked as a poll claims it."""
    from mshub.trends.polling import STALE_RUN

    with transaction.atomic():
        locked = TrendFeed.objects.select_for_update().filter(pk=feed.pk, forum=forum).first()
        if locked is None:
            return None
        since = timezone.now() - STALE_RUN
        if locked.runs.filter(outcome=FeedOutcome.RUNNING, started_at__gte=since).exists():
            raise FeedBusyError(_("The feed is being polled; try again in a minute."))
        name = locked.name
        locked.delete()
        record(forum, actor, "trends.feed_deleted", None, summary=name[:200])
    return name


def queue_poll(forum: Any, actor: Any, feed: TrendFeed) -> None:
    """Ask for a poll of ``feed`` in the background, once the caller's transaction commits."""
    from mshub.trends.tasks import poll_trend_feed

    record(forum, actor, "trends.feed_poll_requested", feed, summary=feed.name[:200])
    transaction.on_commit(lambda: poll_trend_feed.delay(feed.pk))
