"""What topics contribute to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from mshub.core.areas import Area


def _create_forum(forum: Any) -> None:
    """A new forum starts with the taxonomy of ``taxonomy.py``."""
    from mshub.topics.models import Topic
    from mshub.topics.taxonomy import seed_topics

    seed_topics(forum.pk, Topic)


def _delete_forum(forum: Any) -> None:
    """Topics protect their children: the tree is flattened before it goes."""
    from mshub.topics.models import Topic

    topics = Topic.objects.filter(forum=forum)
    topics.update(parent=None)
    topics.delete()


AREA = Area(
    label="topics",
    rules="mshub.topics.rules",
    on_forum_create=_create_forum,
    on_forum_delete=_delete_forum,
    delete_order=25,
)
