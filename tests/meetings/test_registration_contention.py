"""Registrations while other writers hold the database (bench/burst.py, docs/scaling.md).

Under a burst of registrations on SQLite (16 writers or more at once) two things answered 500: a
registration whose lock wait passed the 5 s busy timeout, and, worse, a registration that had
committed but whose page-cache invalidation (raising the forum's ``content_version``, a second
write after the commit) could not get the lock: the registrant was told it failed, and the
confirmation mail was never sent. Here another connection really holds the lock.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core import mail
from django.db import connection, transaction

from mshub.core.models import Forum
from mshub.meetings.models import Meeting, Registration, RegistrationStatus
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.meetings.services.registration import register

pytestmark = pytest.mark.django_db(transaction=True)  # real commits, and their on-commit work


@pytest.fixture
def open_meeting(series: Any) -> Meeting:
    start = (dt.datetime.now() + dt.timedelta(days=30)).replace(hour=18, minute=0, second=0, microsecond=0)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2), capacity=1, title_en="Burst")
    return change_status(meeting, "announced")


@contextmanager
def short_lock_wait() -> Iterator[None]:
    """This connection gives up on a lock after 0.1 s (SQLite's busy timeout, PostgreSQL's lock_timeout)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA busy_timeout")
            before = cursor.fetchone()[0]
            cursor.execute("PRAGMA busy_timeout = 100")
        else:
            cursor.execute("SET lock_timeout = '100ms'")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {before}" if connection.vendor == "sqlite" else "RESET lock_timeout")


class OtherWriter:
    """A second connection to the same database that holds what raising a forum's version needs:
    SQLite's single write lock, or PostgreSQL's lock on the forum's row."""

    def __init__(self, forum: Forum) -> None:
        self.forum_id = forum.pk
        self.raw: Any = None

    def take(self) -> None:
        if connection.vendor == "sqlite":
            self.raw = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None, check_same_thread=False)
            self.raw.execute("BEGIN IMMEDIATE")
        else:
            self.raw = connection.get_new_connection(connection.get_connection_params())
            self.raw.execute("SELECT 1 FROM core_forum WHERE id = %s FOR UPDATE", [self.forum_id])

    def release(self) -> None:
        if self.raw is not None:
            self.raw.rollback() if connection.vendor != "sqlite" else self.raw.execute("ROLLBACK")
            self.raw.close()
            self.raw = None


def test_a_registration_that_committed_is_kept_and_confirmed_when_the_page_cache_cannot_write(
    open_meeting, group, caplog
):
    forum = open_meeting.forum
    version = Forum.objects.get(pk=forum.pk).content_version
    other = OtherWriter(forum)
    mail.outbox.clear()
    try:
        with short_lock_wait(), caplog.at_level(logging.ERROR, "mshub.core.pagecache"), transaction.atomic():
            # Runs first when the registration commits: the lock is taken between the commit and
            # the page cache's write, as another registrant's transaction would take it.
            transaction.on_commit(other.take)
            taken = register(open_meeting, name="Aoi", email="aoi@example.org", mode="onsite", stakeholder_group=group)
    finally:
        other.release()

    registration = Registration.objects.get(pk=taken.pk)  # committed, and nothing was raised above
    assert registration.status == RegistrationStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [["aoi@example.org"]]  # the confirmation still went out
    assert "could not raise its forum's content_version" in caplog.text
    assert Forum.objects.get(pk=forum.pk).content_version == version  # not raised this time …
    register(open_meeting, name="Ren", email="ren@example.org", mode="onsite", stakeholder_group=group)
    assert Forum.objects.get(pk=forum.pk).content_version > version  # … and raised by the next write


@pytest.mark.slow
def test_on_sqlite_a_registration_waits_out_a_writer_holding_the_database_for_six_seconds(open_meeting, group, client):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single write lock; PostgreSQL writers wait on row locks without a timeout")
    other = OtherWriter(open_meeting.forum)
    other.take()
    releaser = threading.Timer(6, other.release)  # longer than the 5 s the settings used to allow
    releaser.start()
    started = time.monotonic()
    try:
        response = client.post(
            f"{open_meeting.get_absolute_url()}register/",
            {"name": "Aoi", "email": "aoi@example.org", "stakeholder_group": group.pk, "mode": "onsite"},
        )
    finally:
        releaser.join()
    assert time.monotonic() - started >= 5.5  # it did wait for the other writer
    assert response.status_code == 302, response.content.decode()[:500]
    assert Registration.objects.filter(meeting=open_meeting, email="aoi@example.org").count() == 1
