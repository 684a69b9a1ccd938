"""Trend items and briefings for the tests, made as the secretariat would (services, the topics' tags)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mshub.briefings import builder
from mshub.briefings.models import Audience, Briefing
from mshub.core.models import Forum
from mshub.topics.models import Topic
from mshub.topics.services import tag
from mshub.trends.models import TrendItem

START, END = dt.date(2016, 9, 1), dt.date(2016, 11, 30)


def trend(forum: Forum, title: str, day: dt.date, *codes: str, **fields: Any) -> TrendItem:
    item = TrendItem.objects.create(forum=forum, title=title, date=day, **fields)
    if codes:
        tag(forum, item, Topic.objects.filter(forum=forum, code__in=codes), None)
    return item


def briefing(forum: Forum, actor: Any = None, **fields: Any) -> Briefing:
    fields = {"period_start": START, "period_end": END, "audience": Audience.STEERING, "title_ja": "動向", **fields}
    return builder.create_briefing(forum, actor, **fields)


def headings(b: Briefing) -> list[str]:
    return [s.heading("ja") for s in builder.sections_with_entries(b)]


def titles(b: Briefing) -> list[list[str]]:
    return [[e.item.title for e in s.rows] for s in builder.sections_with_entries(b)]  # type: ignore[attr-defined]


@pytest.fixture
def sample(forum: Forum) -> dict[str, TrendItem]:
    """Items modelled on the 2016 IGCJ trend briefing: security, IoT, privacy, one untagged."""
    return {
        "nato": trend(
            forum, "NATOがサイバー空間を第4の作戦領域と定義", dt.date(2016, 10, 5), "cybersecurity", "security"
        ),
        "csirt": trend(forum, "欧州議会がCSIRT設立を求める指令", dt.date(2016, 9, 10), "csirt"),
        "dyn": trend(forum, "Dynへの攻撃とIoTセキュリティ", dt.date(2016, 10, 21), "iot-security"),
        "shield": trend(
            forum, "Privacy Shieldの策定", dt.date(2016, 9, 20), "privacy", summary_ja="<p>欧州と<b>米国</b></p>"
        ),
        "wiki": trend(forum, "エクアドルがアサンジ氏のネット接続を停止", dt.date(2016, 10, 17)),
        "old": trend(forum, "範囲外の古い動向", dt.date(2016, 8, 1), "cybersecurity"),
    }


def agenda_item(forum: Forum) -> Any:
    """An announced meeting next month with one agenda item, "国際動向の報告"."""
    from mshub.meetings.models import MeetingSeries
    from mshub.meetings.services.agenda import add_item
    from mshub.meetings.services.meetings import change_status, create_meeting

    series = MeetingSeries.objects.create(forum=forum, slug="regular", name_ja="定例会合", name_en="Regular meeting")
    start = (dt.datetime.now() + dt.timedelta(days=30)).replace(hour=18, minute=0, second=0, microsecond=0)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), title_ja="第10回会合")
    meeting = change_status(meeting, "announced")
    return add_item(meeting, title_ja="国際動向の報告", title_en="International trends")
