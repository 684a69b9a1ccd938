"""Models know their pages: ``meeting.urls.<page>`` is the route reversed with the meeting's arguments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import NoReverseMatch, reverse

from mshub.core.pages import PageURLs
from mshub.meetings.models import Meeting, MeetingSeries
from mshub.meetings.services.meetings import create_meeting


def a_meeting(forum) -> Meeting:
    series = MeetingSeries.objects.create(forum=forum, slug="open", name_ja="公開会議", name_en="Open meeting")
    return create_meeting(series, start=dt.datetime(2025, 1, 10, 18), end=dt.datetime(2025, 1, 10, 20))


def test_a_meeting_names_its_pages(forum):
    meeting = a_meeting(forum)
    kwargs = {"forum": forum.slug, "series": meeting.series.slug, "number": meeting.number}
    assert meeting.urls.report == reverse("meetings:report", kwargs=kwargs)
    assert meeting.urls.report_pdf == reverse("meetings:report-pdf", kwargs=kwargs)
    assert isinstance(Meeting.urls, PageURLs)
    with pytest.raises(NoReverseMatch):
        meeting.urls.no_such_page  # noqa: B018
    with pytest.raises(AttributeError):
        meeting.urls._private  # noqa: B018


def test_the_meeting_page_links_through_them(forum, cast):
    meeting = a_meeting(forum)
    html = cast.client("secretariat").get(meeting.get_absolute_url()).content.decode()
    for page in ("meeting_update", "agenda", "memo", "registrations", "meeting_ics"):
        assert f'href="{getattr(meeting.urls, page)}"' in html
