"""Workflows done by services are all or nothing: a failure in the last step (the activity log) leaves
no half-written change behind."""

from __future__ import annotations

import pytest

from mshub.core.models import Event
from mshub.meetings.models import Meeting

pytestmark = pytest.mark.django_db


class LogDownError(Exception):
    pass


@pytest.fixture
def log_fails(monkeypatch):
    """The activity log fails: whatever module a workflow took ``record`` from."""

    def broken(*args, **kwargs):
        raise LogDownError

    def patch(*modules: str) -> None:
        for module in modules:
            monkeypatch.setattr(f"{module}.record", broken)

    return patch


def _edit(client, meeting: Meeting, **changes):
    data = {
        "title_ja": meeting.title_ja,
        "date": meeting.local_start.strftime("%Y-%m-%d"),
        "start_time": meeting.local_start.strftime("%H:%M"),
        "end_time": meeting.local_end.strftime("%H:%M"),
        "timezone": meeting.timezone,
        "venue_ja": meeting.venue_ja,
        "language": "ja",
        "capacity": 2,
        "version": meeting.version,
    }
    return client.post(f"{meeting.get_absolute_url()}edit/", {**data, **changes})


def test_meeting_edit_saves_bumps_and_logs_together(announced, cast):
    response = _edit(cast.client("steering"), announced, title_ja="新しい題", start_time="19:00", end_time="21:00")
    assert response.status_code == 302
    fresh = Meeting.objects.get(pk=announced.pk)
    assert fresh.title_ja == "新しい題"
    assert (fresh.version, fresh.sequence) == (announced.version + 1, announced.sequence + 1)
    event = Event.objects.filter(verb="meeting.changed").get()
    assert {"end_time", "start_time", "title_ja"} <= set(event.data["fields"])


def test_meeting_edit_whose_log_fails_leaves_the_meeting_as_it_was(announced, cast, log_fails):
    log_fails("mshub.meetings.services.meetings")
    with pytest.raises(LogDownError):
        _edit(cast.client("steering"), announced, title_ja="新しい題", start_time="19:00", end_time="21:00")
    fresh = Meeting.objects.get(pk=announced.pk)
    assert (fresh.title_ja, fresh.version, fresh.sequence) == ("テスト会合", announced.version, announced.sequence)
    assert fresh.start == announced.start
