from __future__ import annotations

import pytest

from mshub.topics.models import Topic
from mshub.topics.taxonomy import TAXONOMY, seed_topics
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db


def test_a_new_forum_has_the_taxonomy() -> None:
    forum = ForumFactory(slug="fresh")
    topics = Topic.objects.of(forum)
    expected = len(TAXONOMY) + sum(len(seed.children) for seed in TAXONOMY)
    assert topics.count() == expected
    dns = topics.get(code="dns")
    assert dns.parent is not None
    assert dns.parent.code == "infrastructure"
    assert dns.name_ja == "DNS"
    assert "ドメイン名" in dns.synonyms_ja.splitlines()
    assert "multistakeholder" in set(topics.values_list("code", flat=True))
    assert all(t.name_ja and t.name_en for t in topics)


def test_seeding_again_keeps_what_the_secretariat_edited() -> None:
    forum = ForumFactory(slug="fresh")
    Topic.objects.filter(forum=forum, code="dns").update(name_en="Domain names")
    assert seed_topics(forum.pk, Topic) == 0
    assert Topic.objects.get(forum=forum, code="dns").name_en == "Domain names"


def test_each_forum_has_its_own_topics() -> None:
    one, two = ForumFactory(slug="one"), ForumFactory(slug="two")
    assert Topic.objects.of(one).get(code="dns").pk != Topic.objects.of(two).get(code="dns").pk


def test_tree_lists_each_parent_before_its_children() -> None:
    forum = ForumFactory(slug="fresh")
    rows = list(Topic.objects.of(forum).tree())
    seen: set[int] = set()
    for topic in rows:
        assert topic.parent_id is None or topic.parent_id in seen
        seen.add(topic.pk)
    assert [t.code for t in rows[:2]] == ["infrastructure", "dns"]


def test_the_data_migration_seeds_existing_forums(at_latest_afterwards: None) -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("topics", "0001_initial")])
    old_apps = executor.loader.project_state([("topics", "0001_initial")]).apps
    forum = old_apps.get_model("core", "Forum").objects.create(slug="older", name_ja="旧", name_en="Old")
    executor = MigrationExecutor(connection)
    executor.migrate([("topics", "0002_seed_topics")])
    new_apps = executor.loader.project_state([("topics", "0002_seed_topics")]).apps
    assert new_apps.get_model("topics", "Topic").objects.filter(forum_id=forum.pk, code="wsis").exists()
