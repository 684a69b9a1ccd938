"""The trend pages per role: members read (even in a public forum: working notes), the secretariat
writes through forms that take hostile input without a 5xx and without storing markup, the list's
filters, and the feed pages ("poll now" queues, never fetches in the request)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from mshub.core.models import ActivityEntry
from mshub.topics.models import Topic
from mshub.topics.services import topics_on
from mshub.trends.models import FeedRun, TrendFeed, TrendItem
from mshub.trends.services import create_feed, create_item
from tests.factories import ForumFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def _url(forum, name, **kwargs):  # type: ignore[no-untyped-def]
    return reverse(f"trends:{name}", kwargs={"forum": forum.slug, **kwargs})


@pytest.fixture
def item(forum):  # type: ignore[no-untyped-def]
    return create_item(
        forum,
        None,
        topics=[Topic.objects.get(forum=forum, code="csirt")],
        title="EU adopts the NIS Directive",
        summary_en='Member States designate <b>CSIRTs</b> <a href="https://eur-lex.europa.eu/x">text</a>',
        date=dt.date(2016, 7, 6),
        source_name="EUR-Lex",
        source_url="https://eur-lex.europa.eu/eli/dir/2016/1148/oj",
        countries=["BE"],
        region="europe",
    )


@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("visitor", 403), ("member", 200)])
def test_members_read_and_nobody_else_even_in_a_public_forum(forum, cast, item, role, status):
    assert forum.is_public  # the consultations and calendar are public here; trends are not
    for url in (_url(forum, "index"), item.urls.item):
        assert cast.client(role).get(url).status_code == status


def test_the_list_and_the_item_show_sanitised_summaries(forum, cast, item):
    TrendItem.objects.filter(pk=item.pk).update(summary_en='<script>alert(1)</script><img src=x onerror="alert(2)">')
    client = cast.client("member")
    for url in (_url(forum, "index"), item.urls.item):
        body = client.get(url).content.decode()
        assert "EU adopts the NIS Directive" in body
        assert "<script>alert(1)" not in body
        assert "onerror" not in body
    item.summary_en = 'Designate <b>CSIRTs</b> <a href="https://eur-lex.europa.eu/x">text</a>'
    TrendItem.objects.filter(pk=item.pk).update(summary_en=item.summary_en)
    page = client.get(item.urls.item).content.decode()
    assert "<b>CSIRTs</b>" in page
    assert 'href="https://eur-lex.europa.eu/x" rel="noopener noreferrer nofollow"' in page
    assert "Belgium" in page
    assert "Europe" in page
    assert "written here" in page
    assert "Edit" not in page  # a member does not edit


def test_filters_by_topic_source_and_period(forum, cast, item):
    create_item(forum, None, title="IGF 2023 in Kyoto", date=dt.date(2023, 10, 12), source_name="IGF")
    client = cast.client("member")
    index = _url(forum, "index")
    assert [r.pk for r in client.get(index, {"topic": "csirt"}).context["rows"]] == [item.pk]
    assert [r.pk for r in client.get(index, {"topic": "security"}).context["rows"]] == [item.pk]  # the parent
    assert [r.title for r in client.get(index, {"source": "IGF"}).context["rows"]] == ["IGF 2023 in Kyoto"]
    assert [r.title for r in client.get(index, {"year": "2016"}).context["rows"]] == [item.title]
    assert client.get(index, {"period": "30"}).context["rows"] == []
    titles = [r.title for r in client.get(index).context["rows"]]
    assert titles == ["IGF 2023 in Kyoto", item.title]  # newest first
    other = ForumFactory()
    foreign = Topic.objects.create(forum=other, code="their-topic", name_ja="他", name_en="Theirs")
    response = client.get(index, {"topic": foreign.code})
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert client.get(index, {"year": "abc", "period": "x"}).status_code == 200


def test_the_secretariat_creates_edits_and_deletes_with_hostile_input(forum, cast):
    client = cast.client("secretariat")
    org = OrganizationFactory(forum=forum)
    foreign_org = OrganizationFactory(forum=ForumFactory())
    dns = Topic.objects.get(forum=forum, code="dns")
    data = {
        "title": "<script>alert(1)</script>IPv6 passes 30 %",
        "date": "2020-06-06",
        "summary_en": '<img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a> <i>native</i>',
        "summary_ja": "",
        "source_name": "Google",
        "source_url": "javascript:alert(3)",
        "topics": [dns.pk],
        "region": "global",
        "organizations": [org.pk],
        "countries": ["IN", "US"],
    }
    response = client.post(_url(forum, "item-create"), data)
    assert response.status_code == 200  # the address is refused, with a message
    assert "source_url" in response.context["form"].errors
    assert not TrendItem.objects.exists()
    response = client.post(_url(forum, "item-create"), {**data, "organizations": [foreign_org.pk]})
    assert "organizations" in response.context["form"].errors
    response = client.post(_url(forum, "item-create"), {**data, "source_url": "https://www.google.com/ipv6/"})
    item = TrendItem.objects.get()
    assert response["Location"] == item.urls.item
    assert item.title == "IPv6 passes 30 %"
    assert item.summary_en == '<a rel="noopener noreferrer nofollow">x</a> <i>native</i>'
    assert topics_on(item) == [dns]
    assert list(item.organizations.all()) == [org]
    # the same source again: a clear error, not a 5xx
    again = client.post(_url(forum, "item-create"), {**data, "source_url": "https://google.com/ipv6"})
    assert again.status_code == 200
    assert "already has a trend item with this source address" in again.content.decode()
    assert client.post(_url(forum, "item-create"), {**data, "title": "bad\x00", "date": "1066-01-01"}).status_code in (
        200,
        400,
    )
    fixed = {**data, "source_url": "https://www.google.com/ipv6/"}
    edit = client.post(item.urls.item_update, {**fixed, "title": "IPv6 passes 30 percent", "topics": []})
    assert edit.status_code == 302
    item.refresh_from_db()
    assert item.title == "IPv6 passes 30 percent"
    assert topics_on(item) == []
    assert client.get(item.urls.item_update).status_code == 200
    assert client.post(item.urls.item_delete, {}).status_code == 302  # not confirmed
    assert TrendItem.objects.exists()
    assert client.post(item.urls.item_delete, {"confirm": "on"}).status_code == 302
    assert not TrendItem.objects.exists()
    verbs = set(ActivityEntry.objects.filter(forum=forum).values_list("verb", flat=True))
    assert {"trends.item_created", "trends.item_changed", "trends.item_deleted"} <= verbs


@pytest.mark.parametrize("role", ["member", "steering"])
def test_only_the_secretariat_writes(forum, cast, item, role):
    client = cast.client(role)
    assert client.get(_url(forum, "item-create")).status_code == 403
    assert client.post(item.urls.item_delete, {"confirm": "on"}).status_code == 403
    assert client.get(_url(forum, "feeds")).status_code == 403
    assert TrendItem.objects.filter(pk=item.pk).exists()


def test_feed_pages_and_poll_now_queues_a_background_poll(forum, cast, settings, django_capture_on_commit_callbacks):
    settings.FETCH_ALLOWED_NETWORKS = []  # the queued poll fails on the guard: nothing is fetched here
    client = cast.client("secretariat")
    response = client.post(
        _url(forum, "feed-create"),
        {"name": "Feed <b>x</b>", "url": "file:///etc/passwd", "active": "on"},
    )
    assert response.status_code == 200
    assert not TrendFeed.objects.exists()
    response = client.post(
        _url(forum, "feed-create"),
        {"name": "Policy watch", "url": "http://127.0.0.1:9/rss", "active": "on", "topics": []},
    )
    feed = TrendFeed.objects.get()
    assert response["Location"] == feed.urls.feed
    assert client.get(feed.urls.feed_poll).status_code == 405
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(feed.urls.feed_poll)
    assert not FeedRun.objects.exists()  # nothing ran in the request
    assert len(callbacks) == 1
    callbacks[0]()  # the commit: queued (TASK_THREADS = 0 in tests: run at once)
    run = FeedRun.objects.get()
    assert run.outcome == "failed"
    assert "private network" in run.message
    page = client.get(feed.urls.feed).content.decode()
    assert "failed" in page
    assert "private network" in page
    listing = client.get(_url(forum, "feeds")).content.decode()
    assert "Policy watch" in listing
    assert "failed" in listing
    assert client.post(feed.urls.feed_update, {"name": "Renamed", "url": feed.url}).status_code == 302
    FeedRun.objects.create(feed=feed, forum=forum)  # a poll under way
    client.post(feed.urls.feed_delete, {"confirm": "on"})
    assert TrendFeed.objects.exists()  # refused while it runs
    FeedRun.objects.filter(outcome="running").update(outcome="failed")
    client.post(feed.urls.feed_delete, {"confirm": "on"})
    assert not TrendFeed.objects.exists()


def test_the_api_lists_members_items_with_topics(forum, cast, item):
    url = reverse("api:trenditem-list", kwargs={"forum": forum.slug})
    assert cast.client("visitor").get(url).status_code == 403
    data = cast.client("member").get(url).json()
    rows = data["results"] if isinstance(data, dict) else data
    assert rows[0]["title"] == item.title
    assert rows[0]["topics"] == ["csirt"]
    assert rows[0]["countries"] == ["BE"]


def test_the_demo_feed_is_never_polled(forum):
    feed = create_feed(forum, None, name="IGF news", url="https://www.intgovforum.org/en/rss.xml", active=False)
    from mshub.trends.polling import active_feeds

    assert feed.pk not in active_feeds()
