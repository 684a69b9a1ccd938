"""The secretariat creates a series and sets who sees it; the steering group cannot."""

import pytest

from mshub.core.models import ActivityEntry
from mshub.meetings.models import MeetingSeries

pytestmark = pytest.mark.django_db


def test_the_secretariat_creates_a_steering_series_that_the_public_does_not_see(forum, cast, client):
    form = {
        "slug": "steering",
        "name_ja": "運営委員会",
        "name_en": "Steering group",
        "visibility": "steering",
        "is_steering": "on",
        "timezone": "Asia/Tokyo",
    }
    assert cast.client("steering").post(f"/{forum.slug}/meetings/new/series/", form).status_code == 403
    response = cast.client("secretariat").post(f"/{forum.slug}/meetings/new/series/", form)
    assert response.status_code == 302
    series = MeetingSeries.objects.get(forum=forum, slug="steering")
    assert series.visibility == "steering"
    assert ActivityEntry.objects.filter(verb="series.created").exists()
    assert client.get(f"/{forum.slug}/meetings/steering/").status_code == 302  # sign in first
    assert cast.client("member").get(f"/{forum.slug}/meetings/steering/").status_code == 403
    assert cast.client("steering").get(f"/{forum.slug}/meetings/steering/").status_code == 200
    assert "運営委員会" not in cast.client("member").get(f"/{forum.slug}/meetings/").content.decode()

    again = cast.client("secretariat").post(f"/{forum.slug}/meetings/new/series/", {**form, "name_ja": "別"})
    assert again.status_code == 200  # the short name is taken: said on the form, nothing overwritten
    assert MeetingSeries.objects.get(forum=forum, slug="steering").name_ja == "運営委員会"


def test_opening_a_series_to_members_keeps_its_address(forum, cast, series):
    form = {"name_ja": series.name_ja, "name_en": "Regular", "visibility": "members", "timezone": "Asia/Tokyo"}
    response = cast.client("secretariat").post(f"/{forum.slug}/meetings/{series.slug}/edit/", {**form, "slug": "x"})
    assert response["Location"] == f"/{forum.slug}/meetings/{series.slug}/"
    series.refresh_from_db()
    assert (series.slug, series.visibility, series.name_en) == ("regular", "members", "Regular")
    assert cast.client("member").get(f"/{forum.slug}/meetings/{series.slug}/").status_code == 200
    assert cast.client("visitor").get(f"/{forum.slug}/meetings/{series.slug}/").status_code == 403
