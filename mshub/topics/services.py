"""Every write on topics, atomic and logged: tagging records, and the secretariat's edits of the tree.

Domain errors (``TopicError`` and its kinds) carry a message for the reader; views show it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from mshub.core.models.events import record
from mshub.topics.models import Topic, TopicTag


class TopicError(Exception):
    """A write on topics the rules refuse."""


class ForeignTopicError(TopicError):
    """A topic, parent or record of another forum."""


class RetiredTopicError(TopicError):
    """A retired topic takes no new tags."""


class TopicInUseError(TopicError):
    """A topic that tags records (or has topics under it) is retired, never deleted."""


class TopicCycleError(TopicError):
    """A topic cannot sit under itself or under a topic below it."""


def _check_record(forum: Any, obj: models.Model) -> None:
    owner = getattr(obj, "forum_id", None)
    if owner is not None and owner != forum.pk:
        raise ForeignTopicError(_("This record belongs to another forum."))


def _checked_topics(forum: Any, topics: Iterable[Topic], *, new: bool) -> list[Topic]:
    checked = []
    for topic in topics:
        if topic.forum_id != forum.pk:
            raise ForeignTopicError(_("The topic “%(topic)s” belongs to another forum.") % {"topic": topic.code})
        if new and not topic.active:
            raise RetiredTopicError(_("The topic “%(topic)s” is retired.") % {"topic": topic.name})
        checked.append(topic)
    return checked


@transaction.atomic
def tag(forum: Any, obj: models.Model, topics: Iterable[Topic], actor: Any) -> list[TopicTag]:
    """Put ``obj`` under these topics of ``forum``; a tag it already has stays. Returns the new tags.

    Two secretariat members tagging at once: the unique (topic, record) constraint keeps one tag
    each (``ignore_conflicts``), and the log names what this call added."""
    _check_record(forum, obj)
    wanted = _checked_topics(forum, topics, new=True)
    if not wanted:
        return []
    content_type = ContentType.objects.get_for_model(obj)
    object_id = str(obj.pk)
    had = set(TopicTag.objects.on(obj).filter(topic__in=wanted).values_list("topic_id", flat=True))
    new = [
        TopicTag(forum=forum, topic=topic, content_type=content_type, object_id=object_id, tagged_by=actor)
        for topic in wanted
        if topic.pk not in had
    ]
    if actor is None or not getattr(actor, "is_authenticated", False):
        for tag_ in new:
            tag_.tagged_by = None
    TopicTag.objects.bulk_create(new, ignore_conflicts=True)
    if new:
        codes = sorted(t.topic.code for t in new)
        record(forum, actor, "topic.tagged", obj, summary=", ".join(codes), topics=codes)
    return new


@transaction.atomic
def topics_on(obj: models.Model) -> list[Topic]:
    """The topics ``obj`` is under, in the taxonomy's order (one query)."""
    ids = TopicTag.objects.on(obj).values_list("topic_id", flat=True)
    return list(Topic.objects.filter(pk__in=ids).order_by("order", "code"))


@transaction.atomic
def set_topics(forum: Any, obj: models.Model, topics: Iterable[Topic], actor: Any) -> None:
    """Put ``obj`` under exactly ``topics``: untag the others, tag the new ones (a record's form)."""
    wanted = {topic.pk: topic for topic in topics}
    current = {topic.pk: topic for topic in topics_on(obj)}
    gone = [topic for pk, topic in current.items() if pk not in wanted]
    if gone:
        untag(forum, obj, gone, actor)
    tag(forum, obj, [topic for pk, topic in wanted.items() if pk not in current], actor)


def untag(forum: Any, obj: models.Model, topics: Iterable[Topic], actor: Any) -> int:
    """Take ``obj`` out of these topics (retired ones too); returns how many tags went."""
    _check_record(forum, obj)
    chosen = _checked_topics(forum, topics, new=False)
    tags = TopicTag.objects.of(forum).on(obj).filter(topic__in=chosen)
    codes = sorted(tags.values_list("topic__code", flat=True))
    deleted, _by_model = tags.delete()
    if deleted:
        record(forum, actor, "topic.untagged", obj, summary=", ".join(codes), topics=codes)
    return deleted


def _check_parent(forum: Any, topic: Topic | None, parent: Topic | None) -> None:
    """The parent is this forum's, and not the topic itself or one below it."""
    if parent is None:
        return
    if parent.forum_id != forum.pk:
        raise ForeignTopicError(_("The parent topic belongs to another forum."))
    if topic is None or topic.pk is None:
        return
    node: Topic | None = parent
    seen: set[int] = set()
    while node is not None and node.pk not in seen:
        if node.pk == topic.pk:
            raise TopicCycleError(_("A topic cannot sit under itself or under a topic below it."))
        seen.add(node.pk)
        node = node.parent
    return


@transaction.atomic
def create_topic(forum: Any, actor: Any, **fields: Any) -> Topic:
    parent = fields.get("parent")
    _check_parent(forum, None, parent)
    if Topic.objects.select_for_update().filter(forum=forum, code=fields["code"]).exists():
        raise TopicError(_("This forum already has a topic with this code."))
    topic = Topic.objects.create(forum=forum, **fields)
    record(forum, actor, "topic.created", topic, summary=topic.code)
    return topic


@transaction.atomic
def update_topic(forum: Any, actor: Any, topic: Topic, **fields: Any) -> Topic:
    """Change names, synonyms, order or parent; the code stays what it was."""
    fields.pop("code", None)
    # the forum's tree is locked while a parent changes, so that two moves cannot close a loop
    list(Topic.objects.select_for_update().filter(forum=forum).values_list("pk", flat=True))
    locked = Topic.objects.get(pk=topic.pk, forum=forum)
    parent = fields.get("parent", locked.parent)
    if parent is not None:
        parent = Topic.objects.get(pk=parent.pk)
    _check_parent(forum, locked, parent)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save()
    record(forum, actor, "topic.changed", locked, summary=locked.code)
    return locked


@transaction.atomic
def set_active(forum: Any, actor: Any, topic: Topic, active: bool) -> Topic:
    """Retire a topic (its tags stay and still read) or bring it back."""
    locked = Topic.objects.select_for_update().get(pk=topic.pk, forum=forum)
    if locked.active != active:
        locked.active = active
        locked.save(update_fields=["active", "updated"])
        record(forum, actor, "topic.reactivated" if active else "topic.retired", locked, summary=locked.code)
    return locked


@transaction.atomic
def delete_topic(forum: Any, actor: Any, topic: Topic) -> None:
    """Delete an unused topic with nothing under it; one in use is refused (retire it instead)."""
    locked = Topic.objects.select_for_update().get(pk=topic.pk, forum=forum)
    if locked.is_in_use() or locked.children.exists():
        raise TopicInUseError(_("This topic is in use or has topics under it: retire it instead."))
    code = locked.code
    try:
        locked.delete()
    except ProtectedError as error:  # a tag added since the check
        raise TopicInUseError(_("This topic is in use or has topics under it: retire it instead.")) from error
    record(forum, actor, "topic.deleted", None, summary=code)
