"""Events: each date precision derives its days; bad input (an end before the start, an unknown zone,
a thirteenth month, "TBD" typed as a date) is refused with a message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from mshub.calendar.forms import EventForm
from mshub.calendar.models import Body, EventKind, ExternalEvent, ExternalEventRevision
from mshub.calendar.services import create_event
from mshub.calendar.vocabularies import BODIES, KINDS
from mshub.core.timezones import make_aware_in
from tests.calendar.conftest import timed_event

pytestmark = pytest.mark.django_db


def test_the_installation_starts_with_the_bodies_and_kinds(forum):
    assert set(Body.objects.values_list("code", flat=True)) == {row[0] for row in BODIES}
    assert {
        "igf",
        "icann",
        "itu",
        "un-ga",
        "un-gge",
        "un-oewg",
        "wsis",
        "aprigf",
        "apricot",
        "apnic",
        "wic",
        "mic",
    } <= {row[0] for row in BODIES}
    mic = Body.objects.get(code="mic")
    assert (mic.name_ja, mic.short_name, mic.website) == ("総務省", "MIC", "https://www.soumu.go.jp/")
    assert all(website.startswith("https://") for *_rest, website in BODIES)
    assert list(EventKind.objects.values_list("code", flat=True)) == [code for code, _ja, _en in KINDS]


def test_a_timed_event_covers_the_local_days_of_its_zone(forum):
    # 22:00–02:00 in New York is two local days there, and the next day in UTC
    event = timed_event(
        forum, "Late session", dt.datetime(2015, 11, 1, 22), dt.datetime(2015, 11, 2, 2), "America/New_York"
    )
    assert (event.first_day, event.last_day, event.year, event.month) == (
        dt.date(2015, 11, 1),
        dt.date(2015, 11, 2),
        2015,
        None,
    )
    assert event.start == dt.datetime(2015, 11, 2, 3, tzinfo=dt.UTC)  # EST (-5) after the November change
    assert event.local_start.hour == 22  # type: ignore[union-attr]


def test_whole_days_a_month_and_an_undecided_date(forum):
    one_day = create_event(forum, name_en="Day", precision="days", start_date=dt.date(2016, 10, 11))
    assert (one_day.end_date, one_day.first_day, one_day.last_day) == (dt.date(2016, 10, 11),) * 3
    month = create_event(forum, name_ja="国連総会", precision="month", year=2015, month=12)
    assert (month.first_day, month.last_day) == (dt.date(2015, 12, 1), dt.date(2015, 12, 31))
    february = create_event(forum, name_en="Feb", precision="month", year=2016, month=2)
    assert february.last_day == dt.date(2016, 2, 29)
    tbd = create_event(forum, name_en="NETmundial Initiative", precision="tbd", year=2015)
    assert (tbd.first_day, tbd.last_day, tbd.year) == (None, None, 2015)
    unknown = create_event(forum, name_en="Someday", precision="tbd")
    assert unknown.year is None


def test_fields_the_precision_does_not_use_are_cleared(forum):
    event = create_event(
        forum,
        name_en="Was timed",
        precision="days",
        start_date=dt.date(2015, 5, 25),
        end_date=dt.date(2015, 5, 29),
        start=make_aware_in(dt.datetime(2015, 5, 25, 9), "Europe/Zurich"),
        month=5,
    )
    assert (event.start, event.end, event.month) == (None, None, None)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {
                "precision": "timed",
                "start": dt.datetime(2015, 11, 13, 18, tzinfo=dt.UTC),
                "end": dt.datetime(2015, 11, 10, 9, tzinfo=dt.UTC),
            },
            "end",
            "An event cannot end before it starts.",
        ),
        ({"precision": "timed", "start": dt.datetime(2015, 11, 13, 18, tzinfo=dt.UTC)}, "end", "Give the end time."),
        (
            {"precision": "days", "start_date": dt.date(2015, 11, 13), "end_date": dt.date(2015, 11, 10)},
            "end_date",
            "The last day cannot come before the first.",
        ),
        ({"precision": "days"}, "start_date", "Give the first day."),
        ({"precision": "month", "year": 2015, "month": 13}, "month", "Ensure this value is less than or equal to 12."),
        ({"precision": "month", "year": 2015}, "month", "Give the month."),
        ({"precision": "tbd", "timezone": "Mars/Olympus_Mons"}, "timezone", "is not an IANA time zone"),
        ({"precision": "tbd", "year": 20150}, "year", "less than or equal to 2200"),
    ],
)
def test_bad_dates_are_refused_with_a_message_on_the_field(forum, fields, field, message):
    with pytest.raises(ValidationError) as refused:
        create_event(forum, name_en="Bad", **fields)
    assert field in refused.value.message_dict
    assert any(message in text for text in refused.value.message_dict[field])
    assert not ExternalEvent.objects.exists()
    assert not ExternalEventRevision.objects.exists()


def test_a_name_in_one_language_is_needed(forum):
    with pytest.raises(ValidationError) as refused:
        create_event(forum, precision="tbd")
    assert "name_ja" in refused.value.message_dict


def test_the_database_refuses_an_end_before_the_start_written_around_the_model(forum):
    event = create_event(forum, name_en="X", precision="days", start_date=dt.date(2015, 1, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        ExternalEvent.objects.filter(pk=event.pk).update(end_date=dt.date(2015, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        ExternalEvent.objects.filter(pk=event.pk).update(month=13)


def test_an_event_cannot_be_part_of_its_own_part(forum):
    summit = create_event(forum, name_en="Summit", precision="days", start_date=dt.date(2014, 11, 19))
    day = create_event(forum, name_en="Day 1", precision="days", start_date=dt.date(2014, 11, 19), parent=summit)
    summit.parent = day
    with pytest.raises(ValidationError) as refused:
        summit.full_clean()
    assert "parent" in refused.value.message_dict


def form(data, instance=None):  # type: ignore[no-untyped-def]
    base = {
        "name_en": "IGF 2015",
        "precision": "days",
        "timezone": "America/Fortaleza",
        "mode": "onsite",
        "status": "scheduled",
    }
    return EventForm(data={**base, **data}, instance=instance)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"start_date": "TBD"}, "start_date"),
        ({"start_date": "2015年12月?"}, "start_date"),
        ({"precision": "month", "year": "2015", "month": "12?"}, "month"),
        ({"precision": "timed", "start": "2015-11-10T09:00", "end": "2015-11-09T18:00"}, "end"),
        ({"timezone": "Tokyo"}, "timezone"),
        ({"precision": "someday"}, "precision"),
        ({"url": "javascript:alert(1)", "start_date": "2015-11-10"}, "url"),
    ],
)
def test_the_form_says_what_is_wrong(forum, data, field):
    bound = form(data)
    assert not bound.is_valid()
    assert field in bound.errors, bound.errors


def test_the_form_reads_typed_times_in_the_events_zone_not_the_readers(forum, settings):
    bound = form(
        {"precision": "timed", "timezone": "America/New_York", "start": "2015-10-31T09:00", "end": "2015-11-03T17:00"}
    )
    assert bound.is_valid(), bound.errors
    event = bound.save(commit=False)
    assert event.start == dt.datetime(2015, 10, 31, 13, tzinfo=dt.UTC)  # EDT, -4
    assert event.end == dt.datetime(2015, 11, 3, 22, tzinfo=dt.UTC)  # EST, -5
    edit = EventForm(
        instance=create_event(
            forum, name_en="x", precision="timed", timezone="America/New_York", start=event.start, end=event.end
        )
    )
    assert 'value="2015-10-31T09:00"' in str(edit["start"])


def test_an_undecided_date_needs_nothing_but_a_name(forum):
    bound = form({"precision": "tbd", "year": "2015", "name_en": "?? NETmundial Initiative"})
    assert bound.is_valid(), bound.errors
