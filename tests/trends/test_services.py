"""Trend items and feeds through the services: sanitised summaries, one item per source address and
forum, topics and organisations of the forum only, the activity log, and the topics registry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from mshub.core.models import ActivityEntry
from mshub.topics.models import Topic, TopicTag
from mshub.topics.registry import by_kind
from mshub.topics.services import topics_on
from mshub.trends.models import TrendItem
from mshub.trends.sanitize import clean_html, plain_text
from mshub.trends.services import (
    DuplicateSourceError,
    TrendError,
    create_feed,
    create_item,
    delete_item,
    update_item,
)
from tests.factories import ForumFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Adopted <script>alert(1)</script><img src=x onerror="alert(2)">'
    '<a href="javascript:alert(3)">here</a> and <a href="https://eur-lex.europa.eu/x" onclick="y">there</a>'
    '<style>body{display:none}</style><iframe src="https://evil.example"></iframe><b>bold</b></p>'
)


def test_the_sanitiser_keeps_a_few_inline_tags_and_http_links_only():
    cleaned = clean_html(HOSTILE)
    for bad in (
        "<script",
        "alert(1)",
        "onerror",
        "javascript:",
        "onclick",
        "<style",
        "display:none",
        "<iframe",
        "<img",
    ):
        assert bad not in cleaned
    assert '<a href="https://eur-lex.europa.eu/x" rel="noopener noreferrer nofollow">there</a>' in cleaned
    assert "<b>bold</b>" in cleaned
    assert "<p>" not in cleaned  # block tags go, their text stays
    assert clean_html('<a href="/relative">r</a> <a href="data:text/html,x">d</a>').count("href") == 0
    assert plain_text("<b>GDPR</b> &amp; <i>NIS</i>\n  applies") == "GDPR & NIS applies"


def test_create_sanitises_tags_and_logs(forum):
    dns = Topic.objects.get(forum=forum, code="dns")
    org = OrganizationFactory(forum=forum)
    item = create_item(
        forum,
        None,
        topics=[dns],
        organizations=[org],
        title="<b>EU</b> adopts the NIS Directive",
        summary_en=HOSTILE,
        date=dt.date(2016, 7, 6),
        source_name="EUR-Lex",
        source_url="https://www.EUR-Lex.europa.eu/eli/dir/2016/1148/oj/",
        countries=["BE", "FR"],
        region="europe",
    )
    item.refresh_from_db()
    assert item.title == "EU adopts the NIS Directive"
    assert "script" not in item.summary_en
    assert "onerror" not in item.summary_en
    assert item.url_key == "eur-lex.europa.eu/eli/dir/2016/1148/oj"
    assert [c.code for c in item.countries] == ["BE", "FR"]
    assert list(item.organizations.all()) == [org]
    assert topics_on(item) == [dns]
    assert ActivityEntry.objects.filter(forum=forum, verb="trends.item_created").count() == 1
    assert ActivityEntry.objects.filter(forum=forum, verb="topic.tagged").count() == 1


def test_one_item_per_source_address_and_forum(forum):
    create_item(forum, None, title="GDPR applies", date=dt.date(2018, 5, 25), source_url="https://example.org/gdpr")
    with pytest.raises(DuplicateSourceError):
        create_item(forum, None, title="GDPR (again)", date=dt.date(2018, 5, 26), source_url="http://example.org/gdpr/")
    assert TrendItem.objects.filter(forum=forum).count() == 1
    other = ForumFactory()
    create_item(other, None, title="GDPR applies", date=dt.date(2018, 5, 25), source_url="https://example.org/gdpr")
    # no source address: as many as wanted
    create_item(forum, None, title="Note A", date=dt.date(2018, 5, 25))
    create_item(forum, None, title="Note B", date=dt.date(2018, 5, 25))
    assert TrendItem.objects.filter(forum=forum).count() == 3


def test_another_forums_topics_and_organisations_are_refused(forum):
    other = ForumFactory()
    with pytest.raises(TrendError):
        create_item(forum, None, title="x", date=dt.date(2020, 1, 1), organizations=[OrganizationFactory(forum=other)])
    with pytest.raises(TrendError):
        create_item(
            forum, None, title="x", date=dt.date(2020, 1, 1), topics=[Topic.objects.filter(forum=other).first()]
        )
    with pytest.raises(TrendError):
        create_feed(forum, None, name="x", url="https://example.org/rss", topics=[Topic.objects.filter(forum=other)[0]])
    assert not TrendItem.objects.exists()


def test_a_bad_address_is_refused_on_every_path(forum):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        create_item(forum, None, title="x", date=dt.date(2020, 1, 1), source_url="javascript:alert(1)")
    item = create_item(forum, None, title="x", date=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError):
        TrendItem.objects.filter(pk=item.pk).update(source_url="javascript:alert(1)")


def test_update_moves_topics_and_delete_drops_the_tags(forum):
    dns, privacy = Topic.objects.get(forum=forum, code="dns"), Topic.objects.get(forum=forum, code="privacy")
    item = create_item(forum, None, title="IANA transition", date=dt.date(2016, 10, 1), topics=[dns])
    item = update_item(
        forum,
        None,
        item,
        topics=[privacy],
        organizations=[],
        title="IANA stewardship transition",
        summary_ja="<i>完了</i>",
    )
    assert topics_on(item) == [privacy]
    assert item.summary_ja == "<i>完了</i>"
    entry = ActivityEntry.objects.filter(verb="trends.item_changed").get()
    assert entry.data["fields"] == ["summary_ja", "title"]
    delete_item(forum, None, item)
    assert not TrendItem.objects.exists()
    assert not TopicTag.objects.filter(object_id=str(item.pk), topic__in=[dns, privacy]).exists()


def test_trend_items_are_a_kind_of_taggable_record():
    entry = by_kind("trend-item")
    assert entry is not None
    assert entry.model is TrendItem
    assert (entry.date_path, entry.permission) == ("date", "trends.change_trenditem")


def test_the_demo_step_and_forum_deletion(forum):
    from types import SimpleNamespace

    from mshub.trends.area import AREA
    from mshub.trends.demo import ITEMS, RECENT, build_trends
    from mshub.trends.models import FeedRun, TrendFeed

    build_trends(SimpleNamespace(forum=forum, secretariat=None, is_main=True))
    assert TrendItem.objects.filter(forum=forum).count() == len(ITEMS) + len(RECENT) >= 20
    recent = TrendItem.objects.filter(forum=forum, date__gte=timezone.localdate() - dt.timedelta(days=90))
    assert recent.count() >= len(RECENT)  # what the demo's briefing of the last 90 days is built from
    assert {i.date.year for i in TrendItem.objects.filter(forum=forum)} >= {2016, 2026}
    feed = TrendFeed.objects.get(forum=forum)
    assert not feed.active  # never polled by the demo
    assert TopicTag.objects.filter(forum=forum, content_type__model="trenditem").count() >= len(ITEMS)
    FeedRun.objects.create(feed=feed, forum=forum, outcome="ok")
    other = ForumFactory()
    kept = create_item(other, None, title="Theirs", date=dt.date(2020, 1, 1))
    assert AREA.on_forum_delete is not None
    AREA.on_forum_delete(forum)
    assert not TrendItem.objects.filter(forum=forum).exists()
    assert not TrendFeed.objects.filter(forum=forum).exists()
    assert not FeedRun.objects.filter(forum=forum).exists()
    assert not TopicTag.objects.filter(forum=forum, content_type__model="trenditem").exists()
    assert TrendItem.objects.filter(pk=kept.pk).exists()
