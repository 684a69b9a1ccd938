"""Repeating events (RRULE, EXDATE, RECURRENCE-ID) become one event per occurrence in a window around the
import, at the first occurrence's wall-clock time in its zone, each with a UID of its own."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from mshub.calendar.icsparse import parse
from mshub.calendar.importing import import_file
from mshub.calendar.models import ExternalEvent
from mshub.calendar.recurrence import FUTURE_DAYS, MAX_OCCURRENCES, PAST_DAYS

UTC = dt.UTC
NOW = dt.datetime(2026, 1, 15, tzinfo=UTC)


def ics(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n".encode()


WEEKLY_NEW_YORK = """
UID:oewg-informal
SUMMARY:OEWG informal
DTSTART;TZID=America/New_York:20260302T100000
DTEND;TZID=America/New_York:20260302T113000
RRULE:FREQ=WEEKLY;COUNT=3
"""


def test_occurrences_keep_the_wall_clock_time_across_daylight_saving():
    events = parse(ics(WEEKLY_NEW_YORK), now=NOW).events
    assert [e.uid for e in events] == [
        "oewg-informal/20260302T150000Z",
        "oewg-informal/20260309T140000Z",  # 8 March: New York moved to daylight time
        "oewg-informal/20260316T140000Z",
    ]
    new_york = zoneinfo.ZoneInfo("America/New_York")
    assert {e.fields["start"].astimezone(new_york).time() for e in events} == {dt.time(10, 0)}
    assert {e.fields["end"] - e.fields["start"] for e in events} == {dt.timedelta(minutes=90)}
    assert {e.fields["timezone"] for e in events} == {"America/New_York"}


def test_exdate_and_an_override_change_only_their_occurrence():
    data = ics(
        WEEKLY_NEW_YORK.replace("COUNT=3", "COUNT=4") + "EXDATE;TZID=America/New_York:20260309T100000",
        """
UID:oewg-informal
RECURRENCE-ID;TZID=America/New_York:20260316T100000
SUMMARY:OEWG informal (moved to Tuesday)
DTSTART;TZID=America/New_York:20260317T090000
DTEND;TZID=America/New_York:20260317T100000
""",
    )
    events = {e.uid: e for e in parse(data, now=NOW).events}
    assert sorted(events) == [
        "oewg-informal/20260302T150000Z",
        "oewg-informal/20260316T140000Z",
        "oewg-informal/20260323T140000Z",
    ]
    moved = events["oewg-informal/20260316T140000Z"]
    assert moved.name == "OEWG informal (moved to Tuesday)"
    assert moved.fields["start"] == dt.datetime(2026, 3, 17, 13, 0, tzinfo=UTC)


def test_whole_day_yearly_events_and_an_endless_rule_stop_at_the_window():
    events = parse(
        ics(
            "UID:anniversary\r\nSUMMARY:WSIS anniversary\r\nDTSTART;VALUE=DATE:20051116\r\n"
            "DTEND;VALUE=DATE:20051118\r\nRRULE:FREQ=YEARLY",
            "UID:daily\r\nSUMMARY:Daily stand-up\r\nDTSTART:20250101T010000Z\r\nRRULE:FREQ=DAILY",
        ),
        now=NOW,
    ).events
    yearly = [e for e in events if e.uid.startswith("anniversary/")]
    # from 180 days before 15 January 2026 to 400 days after it
    assert [e.fields["start_date"] for e in yearly] == [dt.date(2025, 11, 16), dt.date(2026, 11, 16)]
    assert all(e.fields["end_date"] - e.fields["start_date"] == dt.timedelta(days=1) for e in yearly)
    assert yearly[1].uid == "anniversary/20261116"
    daily = [e for e in events if e.uid.startswith("daily/")]
    assert len(daily) == MAX_OCCURRENCES
    assert daily[0].fields["start"] == dt.datetime(2026, 1, 15, 1, 0, tzinfo=UTC) - dt.timedelta(days=PAST_DAYS)


def test_a_series_outside_the_window_keeps_its_first_occurrence():
    old = "UID:old\r\nSUMMARY:Old series\r\nDTSTART:20100105T010000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3"
    far = f"UID:far\r\nSUMMARY:Far series\r\nDTSTART:{NOW.year + 3}0105T010000Z\r\nRRULE:FREQ=WEEKLY"
    events = {e.uid: e for e in parse(ics(old, far), now=NOW).events}
    assert set(events) == {"old/20100105T010000Z", f"far/{NOW.year + 3}0105T010000Z"}
    assert FUTURE_DAYS < 3 * 365


def test_a_rule_that_cannot_be_read_imports_the_first_occurrence_and_says_so():
    # UNTIL in local time with a zoned start: RFC 5545 asks for UTC, and dateutil refuses it.
    bad = WEEKLY_NEW_YORK.replace("COUNT=3", "UNTIL=20260401T000000")
    feed = parse(ics(bad, "UID:x\r\nSUMMARY:Broken\r\nDTSTART:20260302T100000Z\r\nRRULE:FREQ=NOPE"), now=NOW)
    assert {e.name for e in feed.events} >= {"OEWG informal"}
    assert "could not be read" in " ".join(feed.notes)


@pytest.mark.django_db
def test_reimporting_a_series_adds_nothing(forum):
    first = import_file(ics(WEEKLY_NEW_YORK), "oewg.ics", forum, now=NOW)
    assert first.created == 3
    again = import_file(ics(WEEKLY_NEW_YORK), "oewg.ics", forum, now=NOW)
    assert (again.created, again.unchanged) == (0, 3)
    assert ExternalEvent.objects.filter(name_en="OEWG informal").count() == 3


def test_a_floating_series_is_read_in_the_importers_zone():
    floating = (
        "UID:apricot-daily\r\nSUMMARY:APRICOT daily briefing\r\nDTSTART:20260302T083000\r\nRRULE:FREQ=DAILY;COUNT=2"
    )
    events = parse(ics(floating), floating_zone="Asia/Kuala_Lumpur", now=NOW).events
    assert [e.uid for e in events] == ["apricot-daily/20260302T083000", "apricot-daily/20260303T083000"]
    assert [e.fields["start"] for e in events] == [
        dt.datetime(2026, 3, 2, 0, 30, tzinfo=UTC),  # 08:30 in Kuala Lumpur (UTC+8)
        dt.datetime(2026, 3, 3, 0, 30, tzinfo=UTC),
    ]
    assert {e.fields["timezone"] for e in events} == {"Asia/Kuala_Lumpur"}
