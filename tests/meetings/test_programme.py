"""Planned times on agenda items: typed as wall-clock "14:10", checked against the meeting, printed in the
programme (meeting page, report HTML/Markdown, .ics)."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from mshub.meetings.models import AgendaItem
from mshub.meetings.reports.render import render_html, render_markdown
from mshub.meetings.services.agenda import add_item

pytestmark = pytest.mark.django_db


def item_url(item):
    return reverse("meetings:item", kwargs={**item.meeting.url_kwargs(), "pk": item.pk})


def save_times(client, item, start, minutes):
    data = {"action": "item", "title_ja": item.title_ja, "outcome": "held", "planned_start": start}
    data["duration_minutes"], data["version"] = minutes, item.version
    return client.post(item_url(item), data)


def test_the_secretariat_types_a_start_and_a_duration(announced, cast):
    """The fixture meeting runs 18:00–20:00 Asia/Tokyo."""
    item = add_item(announced, title_ja="IGF報告")
    response = save_times(cast.client("steering"), item, "18:10", "30")
    assert response.status_code == 302
    item.refresh_from_db()
    assert f"{item.planned_start:%H:%M}" == "18:10"
    assert item.duration_minutes == 30
    assert item.planned_time == "18:10–18:40"


@pytest.mark.parametrize(
    ("start", "minutes", "field", "message"),
    [
        ("17:50", "10", "planned_start", "The meeting runs from 18:00 to 20:00"),
        ("20:00", "", "planned_start", "The meeting runs from 18:00 to 20:00"),
        ("19:40", "30", "duration_minutes", "would end at 20:10, after the meeting ends (20:00)"),
        ("quarter past", "10", "planned_start", "Enter a time as hours and minutes, e.g. 14:10."),
    ],
)
def test_times_outside_the_meeting_are_refused_with_a_clear_error(announced, cast, start, minutes, field, message):
    item = add_item(announced, title_ja="IGF報告")
    response = save_times(cast.client("steering"), item, start, minutes)
    assert response.status_code == 400
    assert message in str(response.context["item_form"].errors[field])
    item.refresh_from_db()
    assert item.planned_start is None


def test_the_programme_shows_times_on_the_page_in_reports_and_in_the_ics(announced, client):
    opening = add_item(announced, title_ja="開会", title_en="Opening")
    report = add_item(announced, title_ja="IGF報告", title_en="IGF report")
    closing = add_item(announced, title_ja="閉会", title_en="Closing")
    AgendaItem.objects.filter(pk=opening.pk).update(planned_start="18:00", duration_minutes=5)
    AgendaItem.objects.filter(pk=report.pk).update(planned_start="18:05", duration_minutes=40)
    AgendaItem.objects.filter(pk=closing.pk).update(duration_minutes=10)

    page = client.get(announced.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<span class="time">18:05–18:45</span> <span class="num">2.</span> IGF report' in page
    assert "(10 min)" in page

    html = render_html(announced, "ja")
    assert '<span class="time">18:00–18:05</span> 1. 開会' in html
    markdown = render_markdown(announced, "en")
    assert "2. 18:05–18:45 IGF report" in markdown

    ics = client.get(reverse("meetings:meeting-ics", kwargs=announced.url_kwargs()), HTTP_ACCEPT_LANGUAGE="en")
    [event] = Calendar.from_ical(ics.content).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert "18:00–18:05 1. Opening\n18:05–18:45 2. IGF report\n(10 min) 3. Closing" in description
    assert description.endswith(announced.get_absolute_url())


def test_a_series_calendar_reads_the_agendas_in_a_fixed_number_of_queries(announced, series, client):
    from mshub.meetings.services.meetings import change_status, create_meeting

    url = reverse("meetings:series-ics", kwargs={"forum": series.forum.slug, "series": series.slug})

    def grow(n):
        for i in range(n):
            meeting = create_meeting(series, start=announced.start, end=announced.end, title_ja=f"会合{i}")
            change_status(meeting, "announced")
            add_item(meeting, title_ja="議題")

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(10)
    with CaptureQueriesContext(connection) as large:
        body = client.get(url).content
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(Calendar.from_ical(body).walk("VEVENT")) == 13
