"""The migration that adds unique positions first renumbers siblings that shared one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("meetings", "0009_web_urls_only")]
AFTER = [("meetings", "0010_versions_and_unique_positions")]


@pytest.mark.usefixtures("at_latest_afterwards")
def test_duplicate_positions_are_renumbered_in_their_shown_order() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    forum = apps.get_model("core", "Forum").objects.create(slug="old", name_ja="旧", name_en="Old")
    series = apps.get_model("meetings", "MeetingSeries").objects.create(forum=forum, slug="s", name_ja="定例")
    start = dt.datetime(2020, 1, 1, 9, tzinfo=dt.UTC)
    meeting = apps.get_model("meetings", "Meeting").objects.create(
        forum=forum, series=series, number=1, start=start, end=start + dt.timedelta(hours=1), timezone="Asia/Tokyo"
    )
    decision = apps.get_model("meetings", "Decision")
    made = [decision.objects.create(meeting=meeting, position=p, text_en=f"D{i}") for i, p in enumerate([1, 2, 2, 3])]
    item = apps.get_model("meetings", "AgendaItem")
    items = [item.objects.create(meeting=meeting, position=p, title_en=f"I{i}") for i, p in enumerate([0, 1, 2])]

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    with connection.cursor() as cursor:
        cursor.execute("SELECT text_en, position FROM meetings_decision ORDER BY position")
        assert cursor.fetchall() == [("D0", 1), ("D1", 2), ("D2", 3), ("D3", 4)]
        cursor.execute("SELECT title_en, position FROM meetings_agendaitem ORDER BY position")
        assert cursor.fetchall() == [("I0", 0), ("I1", 1), ("I2", 2)]  # no duplicates: left as they were
    assert len(made) == 4
    assert len(items) == 3
