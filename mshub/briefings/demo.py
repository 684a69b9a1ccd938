"""The demo's briefing: the trend items of the last three months, as the secretariat would present
them to the steering group at the next meeting (published, attached to that meeting's first item)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from mshub.briefings import builder, publishing
from mshub.briefings.models import Audience, BriefingLanguage


def build_briefing(demo: Any) -> Any:
    from mshub.meetings.models import AgendaItem

    forum, actor = demo.forum, demo.secretariat
    today = timezone.localdate()
    start, end = today - dt.timedelta(days=90), today
    items = builder.trend_model()._default_manager.filter(forum=forum)
    if not items.filter(date__gte=start, date__lte=end).exists():
        dates = list(items.order_by("date").values_list("date", flat=True))
        if not dates:
            return None  # no trends step: nothing to brief on
        start, end = dates[0], dates[-1]
    briefing = builder.create_briefing(
        forum,
        actor,
        title_ja="最近の動向（インターネットガバナンス）",
        title_en="Recent trends in Internet governance",
        period_start=start,
        period_end=end,
        audience=Audience.STEERING,
        language=BriefingLanguage.JA,
        intro_ja=(
            "ここでご紹介する動向は事務局が把握している範囲での情報です。\n"
            "ご参加の皆様からさらなる動向を共有いただくことを歓迎します。"
        ),
        intro_en="The trends below are those the secretariat has followed; members are welcome to share more.",
    )
    sections = builder.sections_with_entries(briefing)
    if sections and sections[0].rows:  # type: ignore[attr-defined]
        builder.update_section(sections[0], actor, note_ja="今期もっとも動きの多かった分野です。")
    version = publishing.publish(briefing, actor, "初版")
    version.refresh_from_db()
    item = (
        AgendaItem.objects.filter(meeting__forum=forum, meeting__start__gte=timezone.now(), parent=None)
        .select_related("meeting__forum", "meeting__series")
        .order_by("meeting__start", "position", "pk")
        .first()
    )
    if item is not None:
        publishing.attach_to_agenda_item(version, item, "pdf" if version.pdf else "link", actor)
    briefing.refresh_from_db()
    return briefing
