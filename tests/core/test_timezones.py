"""Datetimes are stored aware in UTC; each thing keeps its IANA zone; readers choose theirs."""

import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mshub.core.models import ActivityEntry
from mshub.core.timezones import in_zone, make_aware_in, validate_timezone
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db


def test_wall_clock_time_in_geneva_is_stored_as_utc_and_shown_back_in_zurich_time():
    # 2025-06-23 10:00 in Geneva is CEST (UTC+2); in winter the same wall time is UTC+1.
    summer = make_aware_in(dt.datetime(2025, 6, 23, 10, 0), "Europe/Zurich")
    winter = make_aware_in(dt.datetime(2025, 12, 15, 10, 0), "Europe/Zurich")
    assert summer == dt.datetime(2025, 6, 23, 8, 0, tzinfo=dt.UTC)
    assert winter == dt.datetime(2025, 12, 15, 9, 0, tzinfo=dt.UTC)
    assert in_zone(summer, "Europe/Zurich").hour == 10
    assert in_zone(summer, "Asia/Tokyo").strftime("%H:%M %Z") == "17:00 JST"


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="Naive"):
        in_zone(dt.datetime(2025, 1, 1, 12, 0), "Asia/Tokyo")


def test_unknown_zone_is_a_validation_error():
    validate_timezone("Asia/Tokyo")
    with pytest.raises(ValidationError):
        validate_timezone("Mars/Olympus_Mons")
    forum = ForumFactory.build(timezone="JST+9")
    with pytest.raises(ValidationError):
        forum.full_clean()


def test_stored_values_are_utc_whatever_zone_is_active(forum):
    timezone.activate(zoneinfo.ZoneInfo("Asia/Tokyo"))
    try:
        event = ActivityEntry.objects.create(forum=forum, verb="probe")
    finally:
        timezone.deactivate()
    event.refresh_from_db()
    assert event.at.utcoffset() == dt.timedelta(0)


def _rendered_time(client, forum, event):
    html = client.get(f"/{forum.slug}/events/").content.decode()
    return html.split(f'<time datetime="{event.at.astimezone(dt.UTC):%Y-%m-%d}')[1].split("</time>")[0]


def test_pages_show_the_forum_zone_by_default_and_the_readers_choice_when_set(cast):
    forum = cast.forum
    forum.timezone = "Europe/Zurich"
    forum.save()
    event = ActivityEntry.objects.create(forum=forum, verb="probe")
    ActivityEntry.objects.filter(pk=event.pk).update(at=dt.datetime(2025, 6, 23, 8, 0, tzinfo=dt.UTC))
    event.refresh_from_db()
    client = cast.client("secretariat")

    assert "10:00 CEST" in _rendered_time(client, forum, event)

    response = client.post("/accounts/timezone/", {"timezone": "Asia/Tokyo", "next": f"/{forum.slug}/events/"})
    assert response.status_code == 302
    assert "17:00 JST" in _rendered_time(client, forum, event)
    cast.users["secretariat"].refresh_from_db()
    assert cast.users["secretariat"].timezone == "Asia/Tokyo"


def test_anonymous_reader_zone_is_kept_in_a_cookie(client):
    response = client.post("/accounts/timezone/", {"timezone": "America/New_York", "next": "/"})
    assert response.cookies["mshub_tz"].value == "America/New_York"
    bad = client.post("/accounts/timezone/", {"timezone": "Nowhere/Else", "next": "https://evil.example/"})
    assert bad["Location"] == "/"
