from __future__ import annotations

import datetime as dt

import pytest

from mshub.meetings.models import Meeting, MeetingSeries
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.people.models import StakeholderGroup


@pytest.fixture
def series(forum) -> MeetingSeries:
    return MeetingSeries.objects.create(
        forum=forum,
        slug="regular",
        name_ja="定例会合",
        name_en="Regular meeting",
        mailing_list="forum-list@example.org",
    )


@pytest.fixture
def announced(series) -> Meeting:
    """A meeting next month with 2 on-site seats, open for registration."""
    start = (dt.datetime.now() + dt.timedelta(days=30)).replace(hour=18, minute=0, second=0, microsecond=0)
    meeting = create_meeting(
        series,
        start=start,
        end=start + dt.timedelta(hours=2),
        capacity=2,
        title_ja="テスト会合",
        venue_ja="会議室A",
        online_url="https://meet.example.org/x",
    )
    return change_status(meeting, "announced")


@pytest.fixture
def group(forum) -> StakeholderGroup:
    return StakeholderGroup.objects.get(forum=forum, code="civil-society")
