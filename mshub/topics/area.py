"""What topics contribute to the forum (the area contract, mshub.core.areas)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from mshub.core.areas import Area, DemoStep, MenuEntry


def _create_forum(forum: Any) -> None:
    """A new forum starts with the taxonomy of ``taxonomy.py``."""
    from mshub.topics.models import Topic
    from mshub.topics.taxonomy import seed_topics

    seed_topics(forum.pk, Topic)


def _delete_forum(forum: Any) -> None:
    """The tags first (they protect their topics); topics protect their children: the tree is
    flattened before it goes."""
    from mshub.topics.models import Topic, TopicTag

    TopicTag.objects.filter(forum=forum).delete()
    topics = Topic.objects.filter(forum=forum)
    topics.update(parent=None)
    topics.delete()


def _erase_person(person: Any) -> None:
    """A person's record goes: so do the tags on it, in every forum. A tag names its tagger
    only as an account, which erasure scrubs."""
    from mshub.topics.models import TopicTag

    TopicTag.objects.on(person).delete()


def _demo(demo: Any) -> None:
    """After the meetings (30), the calendar (35), the consultations (36) and the archive (40)."""
    from mshub.topics.demo import tag_demo_records

    tag_demo_records(demo)


def _api_routes(router: Any) -> None:
    from mshub.topics import api

    router.register("topics", api.TopicViewSet, basename="topic")


AREA = Area(
    label="topics",
    urls="mshub.topics.urls",
    menu=(MenuEntry(45, _("Topics"), "topics:topic-list", "topics.view_topic"),),
    rules="mshub.topics.rules",
    api_routes=_api_routes,
    demo_steps=(DemoStep(45, _demo),),
    on_forum_create=_create_forum,
    on_forum_delete=_delete_forum,
    delete_order=25,
    on_person_erase=_erase_person,
)
