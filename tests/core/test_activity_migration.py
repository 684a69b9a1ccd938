"""Renaming ``core.Event`` to ``core.ActivityEntry`` keeps every row of the log, ids and all."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mshub.core.models import ActivityEntry

BEFORE = [("core", "0002_events_without_personal_data")]
AFTER = [("core", "0003_event_renamed_activityentry")]


@pytest.mark.usefixtures("at_latest_afterwards")
def test_the_rename_keeps_every_entry_of_the_log() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    forum = old.get_model("core", "Forum").objects.create(slug="old", name_ja="旧", name_en="Old")
    event = old.get_model("core", "Event")
    written = [
        event.objects.create(forum=forum, verb=f"thing.{n}", summary=f"S{n}", data={"n": n}).pk for n in range(3)
    ]

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    kept = ActivityEntry.objects.filter(forum__slug="old").order_by("pk")
    assert [(e.pk, e.verb, e.summary, e.data) for e in kept] == [
        (pk, f"thing.{n}", f"S{n}", {"n": n}) for n, pk in enumerate(written)
    ]
    assert ActivityEntry._meta.db_table in connection.introspection.table_names()
    assert "core_event" not in connection.introspection.table_names()
