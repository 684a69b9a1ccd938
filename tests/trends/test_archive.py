"""Storing an archived trend briefing makes one trend item per item of its topic sections (title,
summary in its language, the document's date, the first URL as source, the section's topics),
linked to the document; storing again, or another briefing with the same items, adds none."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.archive.importer import parse_document
from mshub.archive.models import SourceLink
from mshub.archive.store import store_document
from mshub.core.areas import sources_of
from mshub.topics.services import topics_on
from mshub.trends.briefings import title_of, topics_for
from mshub.trends.models import Origin, TrendItem

pytestmark = pytest.mark.django_db

BRIEFING = """ 最近の動向（2017年9月～11月）
 IoT
• IoT 機器のセキュリティ認証制度の検討が始まる。総務省が有識者会議を設置し、年度内に方向性を示す。
https://iot.example.jp/certification
 プライバシー
• EU の GDPR 適用開始に向け、域外移転の十分性認定の協議が進む
https://privacy.example.org/adequacy
• Privacy Shield review published by the European Commission
"""


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def _store(forum, text=BRIEFING, name="briefing.txt", date="2017-11-30"):  # type: ignore[no-untyped-def]
    record = parse_document(text.encode(), name)
    record["date"] = date
    return store_document(forum, record, name, content=text.encode())


def test_a_briefing_makes_trend_items_linked_to_the_document(forum, cast):
    document = _store(forum)
    items = {item.source_url: item for item in TrendItem.objects.filter(forum=forum)}
    assert len(items) == 3
    iot = items["https://iot.example.jp/certification"]
    assert iot.title == "IoT 機器のセキュリティ認証制度の検討が始まる。"
    assert iot.summary_ja.startswith("IoT 機器のセキュリティ認証制度の検討が始まる。総務省")
    assert (iot.date, iot.origin, iot.source_name) == (dt.date(2017, 11, 30), Origin.ARCHIVE, "iot.example.jp")
    assert "iot-security" in [t.code for t in topics_on(iot)]
    shield = items[""]
    assert shield.summary_en == "Privacy Shield review published by the European Commission"
    assert [t.code for t in topics_on(shield)] == ["privacy"]
    links = SourceLink.objects.filter(document=document, key__startswith="trend ").order_by("key")
    assert [link.key for link in links] == ["trend 2.1", "trend 3.1", "trend 3.2"]
    # the item's page names the document, to the secretariat (the archive's record_sources)
    lines = sources_of(forum, cast.users["secretariat"], iot)
    assert [line.url for line in lines] == [document.urls.document + "#page-1"]
    assert sources_of(forum, cast.users["member"], iot) == []
    page = cast.client("secretariat").get(iot.urls.item).content.decode()
    assert "From the archive: briefing.txt" in page


def test_storing_twice_or_a_second_briefing_adds_no_trend_item(forum):
    _store(forum)
    _store(forum)  # the same bytes
    second = BRIEFING.replace("IoT 機器の", "IoT 機器 の").replace("プライバシー\n", "プライバシー関連\n")
    document = _store(forum, second, "briefing-2.txt")
    assert TrendItem.objects.filter(forum=forum).count() == 3  # found by address, or by the near-same title
    assert SourceLink.objects.filter(document=document, key__startswith="trend ").count() == 3
    from mshub.archive.briefings import store_briefing

    store_briefing(document, document.parsed)  # storing the document's briefing again
    assert TrendItem.objects.filter(forum=forum).count() == 3
    assert SourceLink.objects.filter(document=document, key__startswith="trend ").count() == 3


def test_hostile_text_in_a_briefing_is_escaped(forum):
    text = " 最近の動向（2017年9月～11月）\n IoT\n"
    text += "• <script>alert(1)</script> IoT ボット対策 <a href='javascript:x'>x</a>\n"
    _store(forum, text, "hostile.txt")
    item = TrendItem.objects.get(forum=forum)
    assert "<script>" not in item.summary_ja
    assert "<a" not in item.summary_ja
    assert "&lt;script&gt;" in item.summary_ja


def test_titles_and_topic_matching():
    assert title_of("First line\nsecond line") == "First line"
    long = "A" * 80 + ". " + "B" * 80
    assert title_of(long) == "A" * 80 + "."
    assert len(title_of("C" * 500)) == 120


def test_section_titles_match_names_and_synonyms(forum):
    assert [t.code for t in topics_for(forum, "ＤＮＳ")] == ["dns"]
    assert "privacy" in [t.code for t in topics_for(forum, "プライバシー関連の動向")]
    assert topics_for(forum, "") == []
    assert topics_for(forum, "最近の動向") == []


def test_the_2016_sample_briefing_becomes_trend_items_under_its_sections_topics(forum):
    """The real briefing (../shared): each news bullet a trend item of the briefing's day, the
    security sections' items under security topics, the IoT section's under IoT security."""
    from pathlib import Path

    from mshub.archive.importer import parse_document
    from mshub.archive.store import store_document
    from mshub.topics.models import TopicTag

    sample = Path(__file__).resolve().parents[3] / "shared" / "samples" / "igcj-trend-briefing-2016.txt"
    if not sample.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    content = sample.read_bytes()
    record = parse_document(content, sample.name)
    sections = record["topics"]
    store_document(forum, record, sample.name, content=content)
    items = list(TrendItem.objects.filter(forum=forum))
    bullets = sum(len(section["items"]) for section in sections)
    assert 0 < len(items) <= bullets  # near-identical bullets are one item
    assert all(item.origin == "archive" for item in items)
    codes_by_title = {
        item.title: set(TopicTag.objects.on(item).values_list("topic__code", flat=True)) for item in items
    }
    nato = next(title for title in codes_by_title if "NATO" in title)
    assert codes_by_title[nato] & {"security", "cybersecurity"}
    iot = [s for s in sections if s["title"].strip().startswith("IoT")]
    assert iot
    iot_titles = {title for title in codes_by_title for entry in iot[0]["items"] if title[:20] in entry["text"]}
    assert iot_titles
    assert all("iot-security" in codes_by_title[title] for title in iot_titles)
    # storing it again (another import of the same file) adds nothing
    store_document(forum, parse_document(content, sample.name), sample.name, content=content)
    assert TrendItem.objects.filter(forum=forum).count() == len(items)
