"""The calendar's .ics: exported, parsed back with ``icalendar`` and compared. Timed events keep their
zone (TZID) with a VTIMEZONE that alone places them right on both sides of a daylight-saving change;
whole days are DATE values with an exclusive end; a month or an undecided date is left out."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from mshub.calendar.ics import calendar_for
from mshub.calendar.models import ExternalEvent
from mshub.calendar.services import create_event, update_event
from mshub.meetings.models import MeetingSeries, SeriesVisibility
from mshub.meetings.services.meetings import change_status, create_meeting
from tests.calendar.conftest import body, days_event, timed_event

pytestmark = pytest.mark.django_db


def parse(body: bytes) -> Calendar:
    return Calendar.from_ical(body)


def events_of(cal: Calendar) -> dict[str, object]:
    return {str(component["UID"]): component for component in cal.walk("VEVENT")}


def ics(forum, query: str = "", client: Client | None = None) -> Calendar:  # type: ignore[no-untyped-def]
    response = (client or Client()).get(reverse("calendar:ics", kwargs={"forum": forum.slug}) + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return parse(response.content)


def test_a_timed_event_across_the_november_change_round_trips_through_its_vtimezone(forum):
    # 30 October (EDT, -4) to 4 November 2025 (EST, -5): the clocks went back on 2 November.
    event = timed_event(
        forum, "UN OEWG", dt.datetime(2025, 10, 30, 9), dt.datetime(2025, 11, 4, 17), "America/New_York"
    )
    cal = parse(calendar_for([event]))
    vevent = events_of(cal)[event.uid]
    assert vevent["DTSTART"].params["TZID"] == "America/New_York"  # type: ignore[index]
    assert vevent["DTSTART"].to_ical() == b"20251030T090000"  # type: ignore[index]
    assert vevent["DTEND"].to_ical() == b"20251104T170000"  # type: ignore[index]
    assert vevent.decoded("DTSTART") == event.start  # type: ignore[attr-defined]
    assert vevent.decoded("DTEND") == event.end  # type: ignore[attr-defined]
    # The VTIMEZONE alone (not the zone database) gives the right instants on either side of the change.
    (vtimezone,) = cal.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "America/New_York"
    offsets = {sub["TZOFFSETTO"].to_ical() for sub in vtimezone.subcomponents}
    assert offsets == {"-0400", "-0500"}
    tz = vtimezone.to_tz(lookup_tzid=False)
    assert dt.datetime(2025, 10, 30, 9, tzinfo=tz).astimezone(dt.UTC) == dt.datetime(2025, 10, 30, 13, tzinfo=dt.UTC)
    assert dt.datetime(2025, 11, 4, 17, tzinfo=tz).astimezone(dt.UTC) == dt.datetime(2025, 11, 4, 22, tzinfo=dt.UTC)
    assert event.start == dt.datetime(2025, 10, 30, 13, tzinfo=dt.UTC)
    assert event.end == dt.datetime(2025, 11, 4, 22, tzinfo=dt.UTC)


def test_whole_days_are_dates_with_the_day_after_as_the_end(forum, igf2015):
    cal = ics(forum, "?year=2015")
    vevent = events_of(cal)[igf2015.uid]
    assert vevent["DTSTART"].params["VALUE"] == "DATE"  # type: ignore[index]
    assert vevent.decoded("DTSTART") == dt.date(2015, 11, 10)  # type: ignore[attr-defined]
    assert vevent.decoded("DTEND") == dt.date(2015, 11, 14)  # type: ignore[attr-defined] # the 13th is the last day
    assert str(vevent["LOCATION"]) == "João Pessoa, Brazil"  # type: ignore[index]
    assert str(vevent["URL"]) == "https://www.intgovforum.org/"  # type: ignore[index]
    assert not cal.walk("VTIMEZONE")  # no timed event, no zone
    one_day = days_event(forum, "CWG", dt.date(2016, 10, 11))
    (only,) = parse(calendar_for([one_day])).walk("VEVENT")
    assert (only.decoded("DTSTART"), only.decoded("DTEND")) == (dt.date(2016, 10, 11), dt.date(2016, 10, 12))


def test_months_and_undecided_dates_are_left_out(forum, igf2015):
    month = create_event(forum, name_ja="国連総会 WSIS+10", precision="month", year=2015, month=12)
    tbd = create_event(forum, name_en="NETmundial Initiative", precision="tbd", year=2015)
    uids = set(events_of(ics(forum, "?year=2015")))
    assert uids == {igf2015.uid}
    assert month.uid not in uids
    assert tbd.uid not in uids


def test_the_uid_stays_and_the_sequence_grows_with_each_edit(forum, igf2015):
    before = events_of(ics(forum, "?year=2015"))[igf2015.uid]
    assert before["SEQUENCE"] == 0  # type: ignore[index]
    igf2015.status = "cancelled"
    update_event(igf2015, igf2015.version, forum)
    after = events_of(ics(forum, "?year=2015"))[igf2015.uid]
    assert after["SEQUENCE"] == 1  # type: ignore[index]
    assert after["STATUS"] == "CANCELLED"  # type: ignore[index]


def test_the_filters_of_the_list_apply(forum, igf2015):
    icann = days_event(forum, "ICANN54", dt.date(2015, 10, 18), dt.date(2015, 10, 22), body=body("icann"), country="IE")
    assert set(events_of(ics(forum, "?year=2015&body=icann"))) == {icann.uid}
    assert set(events_of(ics(forum, "?year=2015&country=BR"))) == {igf2015.uid}
    assert set(events_of(ics(forum, "?year=2016"))) == set()
    # without a year: from the first of January of last year on
    recent = days_event(forum, "Recent", dt.date.today() - dt.timedelta(days=30))
    assert set(events_of(ics(forum))) == {recent.uid}


def test_the_forums_own_meetings_are_added_on_request(forum, igf2015):
    series = MeetingSeries.objects.create(
        forum=forum, slug="regular", name_ja="定例会合", visibility=SeriesVisibility.PUBLIC
    )
    start = dt.datetime(2015, 11, 20, 9, tzinfo=dt.UTC)
    announced = change_status(create_meeting(series, start=start, end=start + dt.timedelta(hours=2)), "announced")
    planned = create_meeting(series, start=start, end=start + dt.timedelta(hours=2))
    assert set(events_of(ics(forum, "?year=2015"))) == {igf2015.uid}
    uids = set(events_of(ics(forum, "?year=2015&meetings=1")))
    assert uids == {igf2015.uid, f"{announced.uid}@mshub"}
    assert f"{planned.uid}@mshub" not in uids


def test_the_export_parses_back_to_the_same_events(forum, igf2015):
    timed = timed_event(
        forum, "Session", dt.datetime(2015, 11, 11, 14), dt.datetime(2015, 11, 11, 15, 30), "America/Fortaleza"
    )
    events = list(ExternalEvent.objects.filter(pk__in=[igf2015.pk, timed.pk]))
    parsed = events_of(parse(calendar_for(events)))
    for event in events:
        vevent = parsed[event.uid]
        assert str(vevent["SUMMARY"]) == event.name  # type: ignore[index]
        if event.is_timed:
            assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (event.start, event.end)  # type: ignore[attr-defined]
        else:
            assert vevent.decoded("DTSTART") == event.first_day  # type: ignore[attr-defined]
            assert vevent.decoded("DTEND") == event.last_day + dt.timedelta(days=1)  # type: ignore[attr-defined, operator]
