"""The deadlines as .ics (parsed back with icalendar: UIDs, times on both sides of a DST change, the
zone's VTIMEZONE, hostile titles, the reader's language, which consultations, validators and 304s,
flat query counts) and the weekly digest's page (GET shows, POST alone changes, members only)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from mshub.consultations.models import DigestSubscription
from tests.consultations.conftest import consultation

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
SITE = "https://hub.example.org"
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def _site(settings):  # type: ignore[no-untyped-def]
    settings.SITE_URL = SITE


def url(forum, name: str) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"consultations:{name}", kwargs={"forum": forum.slug})


def feed(client: Client, forum, language: str = "en") -> Calendar:  # type: ignore[no-untyped-def]
    response = client.get(url(forum, "ics"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_each_deadline_is_an_event_in_the_issuers_zone_across_a_dst_change(forum):
    year = timezone.now().year + 1  # New York moves to daylight time on the second Sunday of March
    before = consultation(forum, "Before", dt.datetime(year, 2, 1), dt.datetime(year, 3, 2, 17, 0), "America/New_York")
    after = consultation(forum, "After", dt.datetime(year, 2, 1), dt.datetime(year, 3, 20, 17, 0), "America/New_York")
    utc = consultation(forum, "In UTC", dt.datetime(year, 2, 1), dt.datetime(year, 4, 1, 12, 0), "UTC")
    cal = feed(Client(), forum)
    found = events(cal)
    assert set(found) == {before.uid, after.uid, utc.uid}
    first, second = found[before.uid]["dtstart"].dt, found[after.uid]["dtstart"].dt
    assert (first.hour, second.hour) == (17, 17)  # the issuer's wall-clock time, both sides of the change
    assert first.utcoffset() == dt.timedelta(hours=-5)
    assert second.utcoffset() == dt.timedelta(hours=-4)
    assert first == before.closes
    assert second == after.closes
    assert found[utc.uid]["dtstart"].dt == utc.closes
    raw = cal.to_ical().decode()
    assert f"DTSTART;TZID=America/New_York:{year}0302T170000" in raw
    assert f"DTSTART:{year}0401T120000Z" in raw
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "America/New_York"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    vevent = found[before.uid]
    assert str(vevent["url"]) == f"{SITE}/{forum.slug}/consultations/{before.pk}/"
    assert str(vevent["summary"]) == "Deadline: Before"
    assert str(vevent["transp"]) == "TRANSPARENT"
    assert str(vevent["categories"].cats[0]) == "ICANN"


def test_a_hostile_title_stays_one_escaped_summary(forum):
    now = timezone.now()
    hostile = "Evil, title; with\r\nBEGIN:VEVENT\r\nUID:forged\nX-INJECT:1 \\ end"
    c = consultation(forum, hostile, now - DAY, now + DAY, url="https://example.org/a,b;c")
    response = Client().get(url(forum, "ics"))
    raw = response.content.decode()
    assert "\r\nUID:forged" not in raw
    assert "\r\nX-INJECT" not in raw
    assert raw.count("\r\nBEGIN:VEVENT\r\n") == 1
    unfolded = raw.replace("\r\n ", "")  # long lines are folded (RFC 5545 3.1)
    assert "SUMMARY:Deadline: Evil\\, title\\; with BEGIN:VEVENT UID:forged X-INJECT:1 \\\\ end\r\n" in unfolded
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["uid"]) == c.uid
    assert str(event["summary"]) == "Deadline: Evil, title; with BEGIN:VEVENT UID:forged X-INJECT:1 \\ end"
    assert "https://example.org/a,b;c" in str(event["description"])


def test_the_summary_is_in_the_readers_language_and_old_deadlines_are_left_out(forum):
    now = timezone.now()
    both = consultation(forum, "English title", now - DAY, now + DAY, title_ja="日本語の題")
    recent = consultation(forum, "Closed last month", now - 60 * DAY, now - 30 * DAY)
    consultation(forum, "Closed long ago", now - 400 * DAY, now - 200 * DAY)
    upcoming = consultation(forum, "Opens later", now + 10 * DAY, now + 40 * DAY)
    english = events(feed(Client(), forum, "en"))
    assert set(english) == {both.uid, recent.uid, upcoming.uid}
    assert "English title" in str(english[both.uid]["summary"])
    assert "日本語の題" in str(english[both.uid]["description"])  # the other language, below
    japanese = events(feed(Client(), forum, "ja"))
    assert "日本語の題" in str(japanese[both.uid]["summary"])


def test_the_feed_is_validated_and_its_queries_do_not_grow(forum):
    now = timezone.now()
    consultation(forum, "One", now - DAY, now + DAY)
    client = Client()
    first = client.get(url(forum, "ics"))
    assert first.has_header("ETag")
    assert client.get(url(forum, "ics"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    def count() -> int:
        cache.clear()  # rendered, not served from the page cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(forum, "ics"), HTTP_IF_NONE_MATCH="nothing").status_code == 200
        return len(queries)

    few = count()
    for n in range(6):
        consultation(forum, f"More {n}", now - DAY, now + (n + 2) * DAY)
    assert count() == few


def test_the_list_and_the_radar_link_the_feed_and_the_digest(cast):
    forum = cast.forum
    index = Client().get(url(forum, "index")).content.decode()
    assert f'href="{url(forum, "ics")}"' in index
    radar = cast.client("member").get(url(forum, "radar")).content.decode()
    assert f'href="{url(forum, "ics")}"' in radar
    assert f'href="{url(forum, "digest")}"' in radar


def test_a_member_opts_in_and_out_of_the_digest_by_post_only(cast):
    forum, user = cast.forum, cast.users["member"]
    client = cast.client("member")
    page = client.get(url(forum, "digest"))
    assert page.status_code == 200
    assert 'name="subscribed" value="1"' in page.content.decode()
    assert client.get(url(forum, "digest") + "?subscribed=1").status_code == 200  # a GET changes nothing
    assert not DigestSubscription.objects.exists()
    assert client.post(url(forum, "digest"), {"subscribed": "1"}).status_code == 302
    assert client.post(url(forum, "digest"), {"subscribed": "1"}).status_code == 302  # twice: one row
    assert list(DigestSubscription.objects.values_list("forum", "user")) == [(forum.pk, user.pk)]
    html = client.get(url(forum, "digest")).content.decode()
    assert "member@example.org" in html
    assert 'name="subscribed" value="0"' in html
    assert client.post(url(forum, "digest"), {"subscribed": "maybe"}).status_code == 400
    assert client.post(url(forum, "digest"), {"subscribed": "0"}).status_code == 302
    assert not DigestSubscription.objects.exists()


def test_only_members_reach_the_digest_page(cast):
    forum = cast.forum
    assert cast.client("visitor").post(url(forum, "digest"), {"subscribed": "1"}).status_code == 403
    anonymous = Client().post(url(forum, "digest"), {"subscribed": "1"})
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    assert not DigestSubscription.objects.exists()
