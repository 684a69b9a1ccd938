from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mshub.meetings.models import Meeting
from mshub.topics import services
from mshub.topics.models import Topic, TopicTag
from tests.conftest import ROLES, Cast
from tests.factories import ForumFactory, OrganizationFactory, PersonFactory
from tests.topics.trendkit import event, item, meeting

pytestmark = pytest.mark.django_db


def topic(forum, code: str) -> Topic:  # type: ignore[no-untyped-def]
    return Topic.objects.get(forum=forum, code=code)


@pytest.mark.parametrize("role", ROLES)
def test_everyone_who_reads_the_forum_reads_its_topics(cast: Cast, role: str) -> None:
    client = cast.client(role)
    assert client.get(f"/{cast.forum.slug}/topics/").status_code == 200
    page = client.get(f"/{cast.forum.slug}/topics/dns/")
    assert page.status_code == 200
    assert "ドメイン名" in page.content.decode() or "domain names" in page.content.decode()
    edit = client.get(f"/{cast.forum.slug}/topics/dns/edit/")
    assert edit.status_code == (200 if role == "secretariat" else 302 if role == "anonymous" else 403)


def test_a_private_forum_hides_its_topics_from_outsiders(cast: Cast) -> None:
    cast.forum.is_public = False
    cast.forum.save()
    assert cast.client("visitor").get(f"/{cast.forum.slug}/topics/").status_code == 403
    assert cast.client("member").get(f"/{cast.forum.slug}/topics/").status_code == 200


def test_the_tree_counts_tagged_records(cast: Cast) -> None:
    forum = cast.forum
    services.tag(forum, event(dt.date(2024, 9, 1), "IGF 2024"), [topic(forum, "dns")], None)
    services.tag(forum, event(dt.date(2025, 6, 23), "IGF 2025"), [topic(forum, "dns")], None)
    services.tag(forum, OrganizationFactory(forum=forum), [topic(forum, "dns")], None)  # a kind no page shows
    page = cast.client("anonymous").get(f"/{forum.slug}/topics/")
    rows = {row.topic.code: row for row in page.context["rows"]}
    assert rows["dns"].topic.tag_count == 2
    assert rows["dns"].depth == 1
    assert rows["infrastructure"].depth == 0


def test_another_forums_topic_is_not_found(cast: Cast) -> None:
    other = ForumFactory(slug="other")
    Topic.objects.create(forum=other, code="only-there", name_ja="他", name_en="Elsewhere")
    client = cast.client("secretariat")
    assert client.get(f"/{cast.forum.slug}/topics/only-there/").status_code == 404
    assert client.get(f"/{cast.forum.slug}/topics/only-there/edit/").status_code == 404
    assert client.post(f"/{cast.forum.slug}/topics/only-there/state/", {"active": "0"}).status_code == 404
    assert Topic.objects.get(forum=other, code="only-there").active


def test_the_topic_page_lists_its_records_newest_first_with_years(cast: Cast) -> None:
    forum = cast.forum
    dns = topic(forum, "dns")
    old, new = event(dt.date(2019, 5, 1), "Old Summit"), event(dt.date(2024, 3, 1), "New Summit")
    undated = event(None, "Summit TBD")
    for obj in (old, new, undated):
        services.tag(forum, obj, [dns], None)
    # a person of the registry: no kind of record the topics show (nor say to whom), never listed
    services.tag(forum, PersonFactory(forum=forum, family_name_latin="Hidden"), [dns], None)
    # a record another forum owns, tagged behind the service's back, and records that are gone
    theirs = meeting(ForumFactory(slug="other"), dt.datetime(2024, 5, 1, 10, tzinfo=dt.UTC), "Foreign meeting")
    meeting_type = ContentType.objects.get_for_model(Meeting)
    TopicTag.objects.create(forum=forum, topic=dns, content_type=meeting_type, object_id=str(theirs.pk))
    TopicTag.objects.create(forum=forum, topic=dns, content_type=meeting_type, object_id="not-a-number")
    gone = event(dt.date(2023, 1, 1), "Gone Summit")
    services.tag(forum, gone, [dns], None)
    gone.delete()

    page = cast.client("member").get(f"/{forum.slug}/topics/dns/")
    labels = [r.label for r in page.context["records"]]
    assert labels == [str(undated), "New Summit", "Old Summit"]  # undated: the day it was tagged
    assert page.context["records"][1].url == reverse("calendar:event", args=[forum.slug, new.pk])
    years = dict(page.context["years"])
    assert years[2024] == 1
    assert years[2019] == 1
    body = page.content.decode()
    assert "Foreign meeting" not in body
    assert "Gone Summit" not in body
    assert "Hidden" not in body


def test_the_topic_page_stays_flat_as_tagged_records_grow(cast: Cast) -> None:
    forum = cast.forum
    dns = topic(forum, "dns")
    client = cast.client("member")
    made = iter(range(100))

    def tag_some(n: int) -> None:
        for _ in range(n):
            number = next(made)
            services.tag(forum, event(dt.date(2020, 1, 1) + dt.timedelta(days=number), f"Summit {number}"), [dns], None)
            when = dt.datetime(2021, 1, 1, 10, tzinfo=dt.UTC) + dt.timedelta(days=number)
            services.tag(forum, item(meeting(forum, when, f"会合 {number}")), [dns], None)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/{forum.slug}/topics/dns/").status_code == 200
        return len(captured)

    tag_some(2)
    few = queries()
    tag_some(10)
    assert queries() == few
    assert len(client.get(f"/{forum.slug}/topics/dns/").context["records"]) == 24


def test_the_secretariat_adds_edits_retires_and_deletes(cast: Cast) -> None:
    forum, client = cast.forum, cast.client("secretariat")
    security = topic(forum, "security")
    response = client.post(
        f"/{forum.slug}/topics/new/",
        {
            "code": "ai-governance",
            "name_ja": "AIガバナンス",
            "name_en": "AI governance",
            "parent": security.pk,
            "order": 9,
        },
    )
    assert response.status_code == 302
    ai = topic(forum, "ai-governance")
    assert ai.parent == security
    response = client.post(
        f"/{forum.slug}/topics/ai-governance/edit/",
        {"code": "renamed", "name_ja": "AIガバナンス", "name_en": "AI", "synonyms_en": "AI\nML", "order": 9},
    )
    assert response.status_code == 302
    ai.refresh_from_db()
    assert (ai.code, ai.name_en, ai.parent) == ("ai-governance", "AI", None)
    client.post(f"/{forum.slug}/topics/ai-governance/state/", {"active": "0"})
    ai.refresh_from_db()
    assert not ai.active
    client.post(f"/{forum.slug}/topics/ai-governance/state/", {"active": "1"})
    ai.refresh_from_db()
    assert ai.active
    assert client.post(f"/{forum.slug}/topics/ai-governance/delete/").status_code == 302
    assert not Topic.objects.filter(forum=forum, code="ai-governance").exists()


def test_deleting_a_topic_in_use_is_refused(cast: Cast) -> None:
    forum, client = cast.forum, cast.client("secretariat")
    services.tag(forum, OrganizationFactory(forum=forum), [topic(forum, "dns")], None)
    assert client.get(f"/{forum.slug}/topics/dns/delete/").context["in_use"]
    client.post(f"/{forum.slug}/topics/dns/delete/")
    assert Topic.objects.filter(forum=forum, code="dns").exists()


def test_only_the_secretariat_writes(cast: Cast) -> None:
    for role in ("member", "steering"):
        client = cast.client(role)
        assert client.post(f"/{cast.forum.slug}/topics/dns/state/", {"active": "0"}).status_code == 403
        assert client.post(f"/{cast.forum.slug}/topics/dns/delete/").status_code == 403
        assert (
            client.post(f"/{cast.forum.slug}/topics/new/", {"code": "x", "name_ja": "x", "name_en": "x"}).status_code
            == 403
        )
    assert topic(cast.forum, "dns").active


def test_a_cycle_is_refused_and_other_forums_topics_are_no_parents(cast: Cast) -> None:
    forum, client = cast.forum, cast.client("secretariat")
    infra, dns = topic(forum, "infrastructure"), topic(forum, "dns")
    page = client.get(f"/{forum.slug}/topics/infrastructure/edit/")
    choices = set(page.context["form"].fields["parent"].queryset.values_list("code", flat=True))
    assert "dns" not in choices
    assert "infrastructure" not in choices
    assert "security" in choices
    response = client.post(
        f"/{forum.slug}/topics/infrastructure/edit/", {"name_ja": "x", "name_en": "x", "parent": dns.pk, "order": 1}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["parent"]
    other = topic(ForumFactory(slug="other"), "security")
    response = client.post(
        f"/{forum.slug}/topics/dns/edit/", {"name_ja": "x", "name_en": "x", "parent": other.pk, "order": 1}
    )
    assert response.status_code == 200
    infra.refresh_from_db()
    assert infra.parent is None
    assert topic(forum, "dns").parent == infra


def test_hostile_input_is_refused_or_escaped(cast: Cast) -> None:
    forum, client = cast.forum, cast.client("secretariat")
    nul = client.post(f"/{forum.slug}/topics/new/", {"code": "nul", "name_ja": "a\x00b", "name_en": "x", "order": 1})
    assert nul.status_code == 400
    long = client.post(
        f"/{forum.slug}/topics/new/", {"code": "long", "name_ja": "あ" * 201, "name_en": "x", "order": 1}
    )
    assert long.status_code == 200
    assert long.context["form"].errors["name_ja"]
    bad_code = client.post(f"/{forum.slug}/topics/new/", {"code": "<b>", "name_ja": "x", "name_en": "x", "order": 1})
    assert bad_code.context["form"].errors["code"]
    reserved = client.post(f"/{forum.slug}/topics/new/", {"code": "new", "name_ja": "x", "name_en": "x", "order": 1})
    assert reserved.context["form"].errors["code"]
    taken = client.post(f"/{forum.slug}/topics/new/", {"code": "dns", "name_ja": "x", "name_en": "x", "order": 1})
    assert taken.context["form"].errors["code"]
    script = "<script>alert(1)</script>"
    client.post(f"/{forum.slug}/topics/new/", {"code": "xss", "name_ja": script, "name_en": script, "order": 1})
    for url in (f"/{forum.slug}/topics/", f"/{forum.slug}/topics/xss/"):
        body = client.get(url).content.decode()
        assert script not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert not Topic.objects.filter(forum=forum, code__in=["nul", "long", "new"]).exists()


def test_the_menu_offers_topics(cast: Cast) -> None:
    body = cast.client("anonymous").get(f"/{cast.forum.slug}/").content.decode()
    assert f"/{cast.forum.slug}/topics/" in body
