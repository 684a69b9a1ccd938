"""A trend item's page: its topics as chips, and for the secretariat topics suggested from its title
and summaries (not only its title), one click to accept."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from mshub.topics.models import Topic, TopicTag
from mshub.trends.services import create_item
from tests.conftest import Cast

pytestmark = pytest.mark.django_db


def suggest_url(page: str) -> str:
    found = re.search(r'hx-get="([^"]*/topics/suggest/[^"]*)"', page)
    assert found, "no suggestions on the page"
    return html.unescape(found.group(1))


def test_the_secretariat_is_offered_topics_from_the_summary_and_accepts_one(cast: Cast) -> None:
    forum = cast.forum
    item = create_item(
        forum,
        None,
        title="APNIC report published",
        date=dt.date(2026, 11, 2),
        summary_ja="<p>アジア太平洋地域でのIPv6の普及率が50%を超えた。</p>",
    )
    client = cast.client("secretariat")
    page = client.get(item.urls.item).content.decode()
    url = suggest_url(page)
    suggestions = client.get(url).content.decode()
    assert 'value="ipv6"' in suggestions  # from the summary: the title names no topic

    tag_url = re.search(r'action="([^"]*/topics/tag/trend-item/\d+/)"', page)
    assert tag_url
    response = client.post(html.unescape(tag_url.group(1)), {"action": "add", "topics": "ipv6", "next": item.urls.item})
    assert response.status_code == 302
    assert TopicTag.objects.on(item).get().topic == Topic.objects.get(forum=forum, code="ipv6")
    assert "/topics/ipv6/" in client.get(item.urls.item).content.decode()


def test_members_read_the_topics_without_picker_or_suggestions(cast: Cast) -> None:
    forum = cast.forum
    item = create_item(
        forum,
        None,
        topics=[Topic.objects.get(forum=forum, code="ipv6")],
        title="IPv6 in Asia",
        date=dt.date(2026, 11, 2),
    )
    page = cast.client("member").get(item.urls.item).content.decode()
    assert "/topics/ipv6/" in page
    assert "/topics/suggest/" not in page
    assert "/topics/tag/" not in page
