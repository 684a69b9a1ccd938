"""Long lists: a series of many meetings is paged, its calendar of hundreds of events reads back
whole, and the API writes each presenter's affiliation as at each meeting's date."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from mshub.meetings.models import Meeting, MeetingStatus, Presenter
from mshub.meetings.services.agenda import add_item, agenda_tree, flatten, presenter_affiliation
from mshub.meetings.services.meetings import create_meeting
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def many_meetings(series, count: int, first: int = 1) -> list[Meeting]:
    """``count`` held meetings, a month apart, numbered from ``first``; every third in Geneva."""
    meetings = []
    for number in range(first, first + count):
        start = dt.datetime(2000, 1, 10, 9, tzinfo=UTC) + dt.timedelta(days=30 * number)
        meetings.append(
            Meeting(
                forum=series.forum,
                series=series,
                number=number,
                title_ja=f"会合{number}",
                title_en=f"Meeting {number}",
                start=start,
                end=start + dt.timedelta(hours=2),
                timezone="Europe/Zurich" if number % 3 == 0 else "Asia/Tokyo",
                venue_ja="会議室",
                status=MeetingStatus.HELD,
                sequence=number % 7,
            )
        )
    return Meeting.objects.bulk_create(meetings)


# ---- the series page -------------------------------------------------------------------------


def series_url(series, **query) -> str:
    url = reverse("meetings:series", kwargs={"forum": series.forum.slug, "series": series.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def listed(html: str, series) -> list[int]:
    """The numbers of the meetings a series page links, in their order."""
    return [int(n) for n in re.findall(rf'<h3><a href="/{series.forum.slug}/meetings/{series.slug}/(\d+)/">', html)]


def test_a_long_series_is_paged_by_fifty_the_newest_first(series, client):
    many_meetings(series, 55)
    create_meeting(series, start=dt.datetime(2031, 1, 1, 18), end=dt.datetime(2031, 1, 1, 20))  # planned: hidden

    first = client.get(series_url(series), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert listed(first, series) == list(range(55, 5, -1))
    assert 'rel="next" href="?page=2"' in first
    assert 'rel="prev"' not in first
    assert "Page 1 of 2" in first
    second = client.get(series_url(series, page=2), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert listed(second, series) == [5, 4, 3, 2, 1]
    assert 'rel="prev" href="?page=1"' in second
    assert 'rel="next"' not in second
    assert listed(client.get(series_url(series, page="last")).content.decode(), series) == [5, 4, 3, 2, 1]
    assert listed(client.get(series_url(series, page="")).content.decode(), series)[0] == 55  # as no page

    japanese = client.get(series_url(series, page=2), HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert listed(japanese, series) == [5, 4, 3, 2, 1]
    assert '<nav class="pagination" aria-label="' in japanese
    assert 'rel="prev" href="?page=1"' in japanese
    assert "2 / 2 ページ" in japanese


@pytest.mark.parametrize("page", ["abc", "99999", "3", "0", "-1", "1.5", "9" * 40, "%20", "%E3%81%82"])
def test_a_page_that_is_not_there_is_a_404(series, client, page):
    many_meetings(series, 55)
    assert client.get(series_url(series, page=page)).status_code == 404


@pytest.mark.parametrize("page", ["%00", "1%00", "%"])
def test_a_nul_or_broken_escape_in_the_page_is_refused_before_the_view(series, client, page):
    assert client.get(series_url(series, page=page)).status_code == 400  # mshub.core.params, site-wide


def test_an_empty_series_has_its_first_page(series, client):
    page = client.get(series_url(series), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "None yet." in page.content.decode()
    assert "pagination" not in page.content.decode()


def test_the_series_page_reads_in_as_many_queries_for_500_meetings_as_for_3(series, client):
    many_meetings(series, 3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(series_url(series)).status_code == 200
    many_meetings(series, 497, first=4)
    for page in (1, 5, 10):
        with CaptureQueriesContext(connection) as many:
            assert len(listed(client.get(series_url(series, page=page)).content.decode(), series)) == 50
        assert len(many.captured_queries) == len(few.captured_queries)


# ---- the series calendar ---------------------------------------------------------------------


def test_a_calendar_of_300_meetings_reads_back_every_event(series, client):
    meetings = many_meetings(series, 300)
    with_agenda = meetings[2]  # in Geneva
    opening = add_item(with_agenda, title_ja="開会", title_en="Opening", planned_start=dt.time(10, 0))
    reports = add_item(with_agenda, title_ja="報告", planned_start=dt.time(10, 5), duration_minutes=40)
    add_item(with_agenda, parent=reports, title_ja="IGF", title_en="IGF", duration_minutes=20)
    add_item(with_agenda, title_ja="閉会", title_en="Closing")
    assert opening.pk

    url = reverse("meetings:series-ics", kwargs={"forum": series.forum.slug, "series": series.slug})
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content
    events = Calendar.from_ical(body).walk("VEVENT")
    assert len(events) == 300
    assert body.count(b"DTSTART:") == 300  # every time in UTC ("…Z"), no TZID
    assert b"TZID" not in body
    for event, meeting in zip(events, meetings, strict=True):
        assert str(event["UID"]) == f"{meeting.uid}@mshub"
        assert event["DTSTART"].dt == meeting.start
        assert event["DTSTART"].dt.utcoffset() == dt.timedelta(0)
        assert event["DTEND"].dt == meeting.end
        assert int(event["SEQUENCE"]) == meeting.sequence
        assert str(event["SUMMARY"]) == f"{meeting.series.numbered_name(meeting.number, 'en')} Meeting {meeting.number}"
        local = meeting.start.astimezone(zoneinfo.ZoneInfo(meeting.timezone))
        assert str(event["DESCRIPTION"]).startswith(f"{local:%Y-%m-%d %H:%M} {meeting.timezone}")
        assert str(event["URL"]).endswith(meeting.get_absolute_url())

    # The programme is numbered and timed as the meeting page's (agenda_tree, planned_time).
    [event] = [e for e in events if str(e["UID"]) == f"{with_agenda.uid}@mshub"]
    with_agenda.refresh_from_db()
    from django.utils import translation

    with translation.override("en"):
        expected = [
            "  " * n.depth + " ".join(p for p in (n.item.planned_time, f"{n.number}.", n.item.title) if p)
            for n in flatten(agenda_tree(with_agenda))
        ]
    assert expected == ["10:00 1. Opening", "10:05–10:45 2. 報告", "  (20 min) 2.1. IGF", "3. Closing"]
    assert "\n".join(expected) in str(event["DESCRIPTION"])


# ---- the API's agendas -------------------------------------------------------------------------


def test_the_api_writes_each_presenters_affiliation_as_at_each_meetings_date(forum, series, client):
    """The page's agendas are read at once; each presenter's affiliation is still the one of the
    meeting's own date (the best of several, an ended one no longer, one typed for the record)."""
    early, late = many_meetings(series, 2)  # 2000-02 and 2000-03
    day_between = early.local_date + dt.timedelta(days=1)
    moved, typed, none = (PersonFactory(forum=forum) for _ in range(3))
    AffiliationFactory(person=moved, organization=OrganizationFactory(forum=forum), start=None, end=day_between)
    AffiliationFactory(person=moved, organization=OrganizationFactory(forum=forum), start=day_between)
    AffiliationFactory(person=moved, start=dt.date(1999, 1, 1), is_primary=False)
    AffiliationFactory(person=typed, start=dt.date(1999, 1, 1))
    for meeting in (early, late):
        parent = add_item(meeting, title_ja="報告", title_en="Reports")
        child = add_item(meeting, parent=parent, title_ja="詳細")
        Presenter.objects.create(item=parent, person=moved, position=2)
        Presenter.objects.create(item=parent, person=typed, position=1, affiliation_en="As typed")
        Presenter.objects.create(item=child, person=none)

    for language in ("ja", "en"):
        data = client.get(f"/api/v1/{forum.slug}/meetings/", HTTP_ACCEPT_LANGUAGE=language).json()["results"]
        assert [m["number"] for m in data] == [2, 1]
        for written, meeting in zip(data, (late, early), strict=True):
            from django.utils import translation

            with translation.override(language):
                expected = [
                    {
                        "id": item.pk,
                        "parent": item.parent_id,
                        "position": item.position,
                        "title_ja": item.title_ja,
                        "title_en": item.title_en,
                        "outcome": item.outcome,
                        "presenters": [
                            {"name": p.person.name, "affiliation": presenter_affiliation(p, meeting)}
                            for p in item.presenters.select_related("person")
                        ],
                    }
                    for item in meeting.agenda_items.all()
                ]
            assert written["agenda"] == expected
            detail = client.get(f"/api/v1/{forum.slug}/meetings/{meeting.pk}/", HTTP_ACCEPT_LANGUAGE=language)
            assert detail.json()["agenda"] == expected
        names = [[p["affiliation"] for p in m["agenda"][0]["presenters"]] for m in data]
        assert names[0][0] == names[1][0] == "As typed"  # typed, in English only, is used in Japanese too
        assert names[0][1] != names[1][1]  # moved between the two meetings
