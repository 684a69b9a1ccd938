"""Numbering, times in the venue's zone, and the meeting lifecycle."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from mshub.core.models import ActivityEntry
from mshub.meetings.models import Meeting, MeetingSeries
from mshub.meetings.services.meetings import change_status, create_meeting

pytestmark = pytest.mark.django_db


def test_meetings_are_numbered_automatically_per_series(series, forum):
    first = create_meeting(series, start=dt.datetime(2025, 1, 10, 18), end=dt.datetime(2025, 1, 10, 20))
    second = create_meeting(series, start=dt.datetime(2025, 4, 10, 18), end=dt.datetime(2025, 4, 10, 20))
    other = MeetingSeries.objects.create(forum=forum, slug="steering", name_ja="考える会")
    steering = create_meeting(other, start=dt.datetime(2025, 2, 1, 10), end=dt.datetime(2025, 2, 1, 11))
    assert (first.number, second.number, steering.number) == (1, 2, 1)
    assert series.numbered(11, "ja") == "第11回"
    assert [series.numbered(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
    ]


def test_wall_clock_times_are_stored_in_utc_and_keep_the_venue_zone(series):
    geneva = create_meeting(
        series, start=dt.datetime(2025, 6, 23, 10, 0), end=dt.datetime(2025, 6, 23, 12, 0), timezone="Europe/Zurich"
    )
    geneva.refresh_from_db()
    assert geneva.start == dt.datetime(2025, 6, 23, 8, 0, tzinfo=dt.UTC)
    assert geneva.timezone == "Europe/Zurich"
    assert geneva.local_start.hour == 10
    late = create_meeting(
        series, start=dt.datetime(2025, 6, 30, 23, 30), end=dt.datetime(2025, 7, 1, 1, 0), timezone="Asia/Tokyo"
    )
    assert late.local_date == dt.date(2025, 6, 30)  # the venue's date, though UTC says 14:30 the same day


def test_a_meeting_takes_the_series_venue_and_is_logged_unless_the_caller_says_otherwise(series):
    series.default_venue_ja = "いつもの会議室"
    series.save()
    usual = create_meeting(series, start=dt.datetime(2025, 1, 10, 18), end=dt.datetime(2025, 1, 10, 20))
    assert usual.venue_ja == "いつもの会議室"
    past = create_meeting(
        series, start=dt.datetime(2016, 1, 10, 18), end=dt.datetime(2016, 1, 10, 20), series_venue=False, log=False
    )
    assert past.venue_ja == ""  # as its document gives it: no venue
    logged = ActivityEntry.objects.filter(verb="meeting.created")
    assert [entry.target_id for entry in logged] == [str(usual.pk)]


def test_a_meeting_that_ends_before_it_starts_is_refused_and_nothing_is_saved(series):
    with pytest.raises(ValidationError) as err:
        create_meeting(series, start=dt.datetime(2025, 1, 10, 20), end=dt.datetime(2025, 1, 10, 18))
    assert "end after it starts" in str(err.value)
    assert not Meeting.objects.exists()
    assert not ActivityEntry.objects.filter(verb="meeting.created").exists()


def test_the_lifecycle_allows_only_sensible_steps_and_bumps_the_calendar_sequence(series):
    meeting = create_meeting(series, start=dt.datetime(2025, 1, 10, 18), end=dt.datetime(2025, 1, 10, 20))
    with pytest.raises(ValidationError):
        change_status(meeting, "report_published")
    meeting = change_status(meeting, "announced")
    meeting = change_status(meeting, "postponed", note="Typhoon")
    meeting = change_status(meeting, "announced")
    meeting = change_status(meeting, "held")
    meeting = change_status(meeting, "report_published")
    assert meeting.sequence == 5
    with pytest.raises(ValidationError):
        change_status(meeting, "cancelled")
    assert ActivityEntry.objects.filter(verb="meeting.status").count() == 5
