from __future__ import annotations

import pytest

from mshub.core.models import ActivityEntry
from mshub.core.services import delete_forum
from mshub.people.erasure import erase_person
from mshub.topics import services
from mshub.topics.models import Topic, TopicTag
from tests.conftest import Cast
from tests.factories import ForumFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def topic(forum, code: str) -> Topic:  # type: ignore[no-untyped-def]
    return Topic.objects.get(forum=forum, code=code)


def test_tag_puts_a_record_under_topics_once_and_logs_it(cast: Cast) -> None:
    forum, actor = cast.forum, cast.users["secretariat"]
    org = OrganizationFactory(forum=forum)
    made = services.tag(forum, org, [topic(forum, "dns"), topic(forum, "ipv6")], actor)
    assert len(made) == 2
    again = services.tag(forum, org, [topic(forum, "dns")], actor)
    assert again == []
    assert TopicTag.objects.on(org).count() == 2
    entries = ActivityEntry.objects.filter(forum=forum, verb="topic.tagged")
    assert entries.count() == 1
    assert entries.get().data["topics"] == ["dns", "ipv6"]
    assert set(Topic.objects.of(forum).in_use().values_list("code", flat=True)) == {"dns", "ipv6"}


def test_untag_removes_only_the_named_topics(cast: Cast) -> None:
    forum, actor = cast.forum, cast.users["secretariat"]
    org = OrganizationFactory(forum=forum)
    services.tag(forum, org, [topic(forum, "dns"), topic(forum, "ipv6")], actor)
    assert services.untag(forum, org, [topic(forum, "dns")], actor) == 1
    assert list(TopicTag.objects.on(org).values_list("topic__code", flat=True)) == ["ipv6"]
    assert services.untag(forum, org, [topic(forum, "dns")], actor) == 0
    assert ActivityEntry.objects.filter(forum=forum, verb="topic.untagged").count() == 1


def test_a_topic_of_another_forum_is_refused(cast: Cast) -> None:
    other = ForumFactory(slug="other")
    org = OrganizationFactory(forum=cast.forum)
    with pytest.raises(services.ForeignTopicError):
        services.tag(cast.forum, org, [topic(other, "dns")], cast.users["secretariat"])
    assert not TopicTag.objects.exists()


def test_a_record_of_another_forum_is_refused(cast: Cast) -> None:
    other = ForumFactory(slug="other")
    org = OrganizationFactory(forum=other)
    with pytest.raises(services.ForeignTopicError):
        services.tag(cast.forum, org, [topic(cast.forum, "dns")], cast.users["secretariat"])


def test_a_retired_topic_takes_no_new_tags_but_old_ones_stay(cast: Cast) -> None:
    forum, actor = cast.forum, cast.users["secretariat"]
    org, other_org = OrganizationFactory(forum=forum), OrganizationFactory(forum=forum)
    dns = topic(forum, "dns")
    services.tag(forum, org, [dns], actor)
    services.set_active(forum, actor, dns, False)
    dns.refresh_from_db()
    with pytest.raises(services.RetiredTopicError):
        services.tag(forum, other_org, [dns], actor)
    assert TopicTag.objects.on(org).filter(topic=dns).exists()
    assert services.untag(forum, org, [dns], actor) == 1


def test_a_topic_in_use_is_never_deleted(cast: Cast) -> None:
    forum, actor = cast.forum, cast.users["secretariat"]
    dns = topic(forum, "dns")
    services.tag(forum, OrganizationFactory(forum=forum), [dns], actor)
    with pytest.raises(services.TopicInUseError):
        services.delete_topic(forum, actor, dns)
    with pytest.raises(services.TopicInUseError):  # it has topics under it
        services.delete_topic(forum, actor, topic(forum, "security"))
    services.delete_topic(forum, actor, topic(forum, "ixp"))
    assert not Topic.objects.filter(forum=forum, code="ixp").exists()


def test_a_cycle_is_refused(cast: Cast) -> None:
    forum, actor = cast.forum, cast.users["secretariat"]
    infra, dns = topic(forum, "infrastructure"), topic(forum, "dns")
    with pytest.raises(services.TopicCycleError):
        services.update_topic(forum, actor, infra, parent=dns)
    with pytest.raises(services.TopicCycleError):
        services.update_topic(forum, actor, infra, parent=infra)
    with pytest.raises(services.ForeignTopicError):
        services.update_topic(forum, actor, dns, parent=topic(ForumFactory(slug="other"), "security"))
    moved = services.update_topic(forum, actor, dns, parent=topic(forum, "security"), code="changed")
    assert moved.code == "dns"
    assert moved.parent is not None
    assert moved.parent.code == "security"


def test_deleting_a_forum_takes_its_topics_and_tags(cast: Cast) -> None:
    forum = ForumFactory(slug="doomed")
    services.tag(forum, OrganizationFactory(forum=forum), [topic(forum, "dns")], None)
    delete_forum(forum)
    assert not Topic.objects.filter(forum__slug="doomed").exists()
    assert not TopicTag.objects.exists()
    assert Topic.objects.of(cast.forum).count() > 0


def test_erasing_a_person_removes_the_tags_on_them(cast: Cast) -> None:
    forum, actor = cast.forum, cast.users["secretariat"]
    person = PersonFactory(forum=forum)
    services.tag(forum, person, [topic(forum, "privacy")], actor)
    erase_person(person, actor)
    assert not TopicTag.objects.exists()
