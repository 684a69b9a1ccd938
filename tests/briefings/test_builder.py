"""The builder: sections by topic from the period's items, trims, reorders, and refresh keeping them."""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import Any

import pytest

from mshub.briefings import builder
from mshub.briefings.content import briefing_content, coming_events, open_consultations
from mshub.briefings.models import BriefingEntry
from mshub.calendar.services import create_event
from tests.briefings.conftest import END, START, briefing, headings, titles, trend
from tests.consultations.conftest import consultation

pytestmark = pytest.mark.django_db


def test_proposes_sections_by_topic_in_the_trees_order_items_by_date(forum: Any, sample: dict[str, Any]) -> None:
    b = briefing(forum)
    # security's topics come before human rights' (privacy); "Other" last; the old item is out of the period
    assert headings(b) == ["サイバーセキュリティ", "CSIRT", "IoTセキュリティ", "プライバシー・個人情報保護", "その他"]
    assert titles(b)[-1] == ["エクアドルがアサンジ氏のネット接続を停止"]
    assert "範囲外の古い動向" not in functools.reduce(operator.iadd, titles(b), [])


def test_an_item_under_several_topics_goes_once_to_the_most_specific(forum: Any, sample: dict[str, Any]) -> None:
    b = briefing(forum)
    assert BriefingEntry.objects.filter(briefing=b, item=sample["nato"]).count() == 1
    entry = BriefingEntry.objects.get(briefing=b, item=sample["nato"])
    assert entry.section.topic.code == "cybersecurity"  # not its parent "security"


def test_entries_are_ordered_by_date(forum: Any) -> None:
    trend(forum, "later", dt.date(2016, 11, 2), "privacy")
    trend(forum, "earlier", dt.date(2016, 9, 2), "privacy")
    assert titles(briefing(forum)) == [["earlier", "later"]]


def test_trim_and_reorder_then_refresh_keeps_them_and_adds_new_items(forum: Any, sample: dict[str, Any]) -> None:
    b = briefing(forum)
    sections = builder.sections_with_entries(b)
    other, iot = sections[-1], sections[2]
    assert builder.move_section(other, "up")
    assert builder.move_section(other, "up")
    builder.set_included(BriefingEntry.objects.get(briefing=b, item=sample["csirt"]), False)
    extra = trend(forum, "NTIAのIoTセキュリティ検討", dt.date(2016, 9, 5), "iot-security")
    trend(forum, "ICANN57", dt.date(2016, 11, 5), "dns")
    trend(forum, "Dyn後の対策", dt.date(2016, 11, 1), "iot-security")
    builder.move_entry(BriefingEntry.objects.get(briefing=b, item=sample["dyn"]), "down")  # alone: no move
    assert builder.refresh(b) == 3
    assert builder.refresh(b) == 0
    assert headings(b) == [
        "サイバーセキュリティ",
        "CSIRT",
        "その他",
        "IoTセキュリティ",
        "プライバシー・個人情報保護",
        "DNS",
    ]
    iot_titles = titles(b)[3]
    assert iot_titles == ["Dynへの攻撃とIoTセキュリティ", "NTIAのIoTセキュリティ検討", "Dyn後の対策"]  # appended
    assert not BriefingEntry.objects.get(briefing=b, item=sample["csirt"]).included
    entry = BriefingEntry.objects.get(briefing=b, item=extra)
    assert builder.move_entry(entry, "up")
    assert titles(b)[3] == ["NTIAのIoTセキュリティ検討", "Dynへの攻撃とIoTセキュリティ", "Dyn後の対策"]
    assert iot.pk == builder.sections_with_entries(b)[3].pk
    content = briefing_content(b)
    assert "欧州議会がCSIRT設立を求める指令" not in str(content)  # trimmed: left out of what is published
    assert [s["heading"]["ja"] for s in content["sections"]][:3] == [
        "サイバーセキュリティ",
        "その他",
        "IoTセキュリティ",
    ]


def test_moves_past_the_ends_do_nothing(forum: Any, sample: dict[str, Any]) -> None:
    b = briefing(forum)
    sections = builder.sections_with_entries(b)
    assert not builder.move_section(sections[0], "up")
    assert not builder.move_section(sections[-1], "down")
    assert not builder.move_section(sections[0], "sideways")


def test_summaries_become_plain_text(forum: Any, sample: dict[str, Any]) -> None:
    content = briefing_content(briefing(forum))
    privacy = next(s for s in content["sections"] if s["topic"] == "privacy")
    assert privacy["entries"][0]["text"]["ja"] == "欧州と米国"


def test_section_notes_and_entry_text(forum: Any, sample: dict[str, Any]) -> None:
    b = briefing(forum)
    section = builder.sections_with_entries(b)[0]
    builder.update_section(section, None, note_ja="注視が必要", heading_en="Security: international")
    entry = BriefingEntry.objects.get(briefing=b, item=sample["nato"])
    builder.update_entry_text(entry, " 第4の領域 ", "", None)
    content = briefing_content(b)
    assert content["sections"][0]["note"]["ja"] == "注視が必要"
    assert content["sections"][0]["heading"]["en"] == "Security: international"
    assert content["sections"][0]["entries"][0]["text"]["ja"] == "第4の領域"
    with pytest.raises(builder.BriefingError):
        builder.update_section(section, None, order="1")


def test_a_period_ending_before_it_starts_is_refused(forum: Any) -> None:
    with pytest.raises(builder.BriefingError):
        briefing(forum, period_start=END, period_end=START)


def test_consultations_open_in_the_period_and_events_of_the_coming_months(forum: Any) -> None:
    utc = dt.UTC
    at = lambda d: dt.datetime.combine(d, dt.time(12), tzinfo=utc)  # noqa: E731
    open_one = consultation(None, "CSTD WGEC questionnaire", at(dt.date(2016, 10, 1)), at(dt.date(2016, 12, 7)))
    closed_before = consultation(None, "Closed in August", at(dt.date(2016, 7, 1)), at(dt.date(2016, 8, 31)))
    opens_after = consultation(None, "Opens in December", at(dt.date(2016, 12, 1)), at(dt.date(2017, 1, 4)))
    spanning = consultation(None, "Open all along", at(dt.date(2016, 6, 1)), at(dt.date(2017, 2, 1)))
    igf = create_event(
        None, name_en="IGF 2016", precision="days", start_date=dt.date(2016, 12, 6), end_date=dt.date(2016, 12, 9)
    )
    icann = create_event(None, name_en="ICANN57", precision="days", start_date=dt.date(2016, 11, 3))
    late = create_event(None, name_en="Too late", precision="days", start_date=dt.date(2017, 3, 15))
    b = briefing(forum)
    consultations = open_consultations(b)
    assert open_one in consultations
    assert spanning in consultations
    assert closed_before not in consultations
    assert opens_after not in consultations
    events = coming_events(b)
    assert igf in events
    assert icann not in events
    assert late not in events
    content = briefing_content(b)
    assert [e["name"]["en"] for e in content["events"]] == ["IGF 2016"]
    assert {c["title"]["en"] for c in content["consultations"]} == {"CSTD WGEC questionnaire", "Open all along"}


def test_a_topic_deleted_once_untagged_leaves_its_section(forum: Any, sample: dict[str, Any]) -> None:
    from mshub.topics.models import Topic
    from mshub.topics.services import delete_topic, untag

    b = briefing(forum)
    topic = Topic.objects.get(forum=forum, code="iot-security")
    untag(forum, sample["dyn"], [topic], None)
    delete_topic(forum, None, topic)
    assert BriefingEntry.objects.filter(briefing=b, item=sample["dyn"]).exists()
