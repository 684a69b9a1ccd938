"""Importing .ics files shaped like real producers' (tests/calendar/fixtures/): Google Calendar, Outlook/
Exchange (Windows zone names, X-MS properties), Apple Calendar (floating times, bare LF, a javascript: URL),
and a conference site (Indico). Then matching, updating, cancelling, and bad input that changes nothing."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from mshub.calendar.icsparse import MAX_EVENTS, parse
from mshub.calendar.importing import import_file
from mshub.calendar.models import EventStatus, ExternalEvent, ImportOutcome
from mshub.core.models import Forum
from tests.calendar.conftest import days_event
from tests.factories import ForumFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
UTC = dt.UTC


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def by_name(name: str) -> ExternalEvent:
    return ExternalEvent.objects.get(name_en=name)


NOW = dt.datetime(2026, 11, 1, tzinfo=UTC)  # when the fixtures' repeating events are expanded


def test_google_calendar(forum):
    run = import_file(load("google.ics"), "google.ics", forum, "Asia/Tokyo", now=NOW)
    assert run.outcome == ImportOutcome.DONE
    assert (run.created, run.skipped) == (14, 0)  # 4 events and a weekly call's 10 occurrences, one moved
    call = by_name("IGF preparatory call")
    assert call.uid == "7kq2abc0def1ghi2jkl3mno4pq@google.com"
    assert (call.timezone, call.start) == ("Asia/Tokyo", dt.datetime(2026, 11, 10, 0, 0, tzinfo=UTC))
    assert "https://meet.example.org/abc-defg-hij" in call.description_en  # the folded line, unfolded
    igf = by_name("IGF 2026")  # DTEND exclusive: 15–18 December
    assert (igf.precision, igf.start_date, igf.end_date) == ("days", dt.date(2026, 12, 15), dt.date(2026, 12, 18))
    assert igf.city_en == "Riyadh, Saudi Arabia"
    deadline = by_name("WSIS consultation deadline")
    assert deadline.start_date == deadline.end_date == dt.date(2026, 12, 1)
    weekly = ExternalEvent.objects.filter(name_en="Weekly MAG sync").order_by("start")
    assert [e.start.date() for e in weekly][:3] == [dt.date(2026, 11, 20), dt.date(2026, 11, 27), dt.date(2026, 12, 11)]
    assert len(weekly) == 9  # COUNT=10, less the occurrence the override moved
    assert weekly[0].uid == "weekly@google.com/20261120T130000Z"
    assert all((e.end - e.start) == dt.timedelta(hours=1) for e in weekly)
    moved = by_name("Weekly MAG sync (moved)")  # RECURRENCE-ID: that occurrence, at its new time
    assert moved.uid == "weekly@google.com/20261204T130000Z"
    assert (moved.timezone, moved.start) == ("Asia/Tokyo", dt.datetime(2026, 12, 4, 13, 0, tzinfo=UTC))
    assert by_name("Cancelled briefing").status == EventStatus.CANCELLED
    revision = igf.revisions.get()
    assert revision.message == "imported from google.ics"


def test_outlook_windows_zone_names(forum):
    run = import_file(load("outlook.ics"), "outlook.ics", forum)
    assert (run.outcome, run.created) == (ImportOutcome.DONE, 3)
    tokyo = by_name("ICANN86 prep (Tokyo)")
    assert tokyo.timezone == "Asia/Tokyo"
    assert tokyo.start == dt.datetime(2026, 3, 10, 0, 0, tzinfo=UTC)
    assert tokyo.uid.startswith("040000008200E00074C5B7101A82E008")
    assert tokyo.uid.endswith("ABCDEF")
    new_york = by_name("UN OEWG informal (New York)")  # 9 March 2026 is after the DST change (EDT, -4)
    assert new_york.timezone == "America/New_York"
    assert new_york.start == dt.datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    aprigf = by_name("APrIGF 2026")  # a VALARM inside the event does not get in the way
    assert (aprigf.start_date, aprigf.end_date) == (dt.date(2026, 8, 25), dt.date(2026, 8, 27))


def test_apple_floating_times_lf_and_hostile_text(forum, client):
    run = import_file(load("apple.ics"), "apple.ics", forum, "Asia/Kuala_Lumpur")
    assert (run.outcome, run.created) == (ImportOutcome.DONE, 2)
    social = by_name("APRICOT 2026 social (floating)")
    assert social.timezone == "Asia/Kuala_Lumpur"  # a time without a zone, read in the importer's
    assert social.start == dt.datetime(2026, 4, 15, 17, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Kuala_Lumpur"))
    assert "Asia/Kuala_Lumpur" in run.notes
    assert social.url == ""  # javascript: dropped
    apnic = ExternalEvent.objects.get(uid="B2C3D4E5-F6A7-8901-BCDE-F12345678901")
    assert (apnic.start_date, apnic.end_date) == (dt.date(2026, 4, 20), dt.date(2026, 4, 22))  # DURATION:P3D
    assert "comma, with" not in apnic.description_en
    assert "é accent spread over several lines" in apnic.description_en
    page = client.get(reverse("calendar:event", kwargs={"forum": forum.slug, "pk": apnic.pk}))
    assert b"<script>alert(1)</script>" not in page.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; APNIC 61" in page.content


def test_conference_site_export(forum):
    run = import_file(load("indico.ics"), "indico.ics", forum)
    assert (run.created, run.skipped) == (2, 1)  # "Lunch" has no date
    plenary = by_name("Opening plenary")
    assert plenary.url == "https://indico.example.org/event/1234/contributions/5678/"
    assert plenary.city_en == "Main hall"
    assert "Taro Yamada (JPNIC)" in plenary.description_en


def test_reimport_updates_and_cancels_never_duplicates(forum):
    import_file(load("google.ics"), "google.ics", forum, "Asia/Tokyo", now=NOW)
    count = ExternalEvent.objects.count()
    again = import_file(load("google.ics"), "google.ics", forum, "Asia/Tokyo", now=NOW)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 14)
    changed = load("google.ics").replace(b"DTEND;VALUE=DATE:20261219", b"DTEND;VALUE=DATE:20261220")
    changed = changed.replace(
        b"SUMMARY:WSIS consultation deadline\r\n", b"SUMMARY:WSIS consultation deadline\r\nSTATUS:CANCELLED\r\n"
    )
    run = import_file(changed, "google-2.ics", forum, "Asia/Tokyo", now=NOW)
    assert (run.created, run.updated, run.cancelled) == (0, 1, 1)
    assert ExternalEvent.objects.count() == count
    igf = by_name("IGF 2026")
    assert (igf.end_date, igf.sequence) == (dt.date(2026, 12, 19), 1)
    assert igf.revisions.first().message == "imported from google-2.ics"
    assert by_name("WSIS consultation deadline").status == EventStatus.CANCELLED


def test_matched_by_name_and_date_and_events_made_here_never_overwritten(forum):
    own = days_event(forum, "IGF 2026", dt.date(2026, 12, 15), dt.date(2026, 12, 18), name_ja="IGF 2026 (リヤド)")
    data = load("google.ics").replace(b"SUMMARY:IGF 2026", b"SUMMARY:igf   2026")
    run = import_file(data, "g.ics", forum, now=NOW)
    assert run.created == 13
    assert run.unchanged == 1
    own.refresh_from_db()
    assert (own.name_en, own.city_en, own.sequence) == ("IGF 2026", "", 0)


def test_round_trip_of_our_own_export(forum):
    days_event(forum, "IGF 2015", dt.date(2015, 11, 10), dt.date(2015, 11, 13))
    days_event(forum, "WSIS+10 high-level meeting", dt.date(2015, 12, 15), dt.date(2015, 12, 16))
    exported = Client().get(reverse("calendar:ics", kwargs={"forum": forum.slug}) + "?year=2015").content
    count = ExternalEvent.objects.count()
    run = import_file(exported, "ours.ics", forum)
    assert (run.outcome, run.created, run.updated, run.unchanged) == (ImportOutcome.DONE, 0, 0, 2)
    assert ExternalEvent.objects.count() == count


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"BEGIN:VCALENDAR\r\n" + b"X" * (2 * 1024 * 1024 + 1), "larger than"),
        (b"BEGIN:VCALENDAR\r\nSUMMARY:a\x00b\r\nEND:VCALENDAR\r\n", "NUL"),
        (b"<html><body>Not found</body></html>", "not a calendar file"),
        (b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\n" * 50 + b"END:VEVENT\r\n" * 50 + b"END:VCALENDAR\r\n", "nests"),
        (
            b"BEGIN:VCALENDAR\r\n" + b"BEGIN:VEVENT\r\nEND:VEVENT\r\n" * (MAX_EVENTS + 1) + b"END:VCALENDAR\r\n",
            "more than",
        ),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\nEND:VCALENDAR\r\n", "could not be read"),
    ],
)
def test_bad_files_change_nothing(forum, data, message):
    days_event(forum, "Already here", dt.date(2026, 1, 1))
    before = list(ExternalEvent.objects.values_list("pk", "sequence"))
    run = import_file(data, "bad.ics", forum)
    assert run.outcome == ImportOutcome.FAILED
    assert message in run.error
    assert list(ExternalEvent.objects.values_list("pk", "sequence")) == before


def test_broken_encoding_is_read_with_replacements(forum):
    data = load("indico.ics").replace(b"Opening plenary", b"Opening plenary \xff\xfe")
    run = import_file(data, "latin.ics", forum)
    assert run.outcome == ImportOutcome.DONE
    assert "UTF-8" in run.notes
    assert ExternalEvent.objects.filter(name_en__startswith="Opening plenary \ufffd").exists()


def test_parse_alone_reads_crlf_and_lf_alike():
    crlf = parse(load("indico.ics"))
    lf = parse(load("indico.ics").replace(b"\r\n", b"\n"))
    assert [e.fields for e in crlf.events] == [e.fields for e in lf.events]


def test_an_import_changes_every_forums_pages(forum):
    other = ForumFactory()
    before = dict(Forum.objects.values_list("pk", "content_version"))
    import_file(load("indico.ics"), "indico.ics", forum)
    after = dict(Forum.objects.values_list("pk", "content_version"))
    assert all(after[pk] > version for pk, version in before.items())  # the other forum's too
    assert other.pk in after


def test_a_zone_only_the_file_defines_keeps_the_instant_in_utc(forum):
    data = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:Microsoft Exchange Server 2010\r
BEGIN:VTIMEZONE\r
TZID:Customized Time Zone\r
BEGIN:STANDARD\r
DTSTART:16010101T000000\r
TZOFFSETFROM:+0530\r
TZOFFSETTO:+0530\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:custom-zone@example.org\r
SUMMARY:IGF India briefing\r
DTSTART;TZID=Customized Time Zone:20260601T100000\r
DTEND;TZID=Customized Time Zone:20260601T113000\r
END:VEVENT\r
END:VCALENDAR\r
"""
    run = import_file(data, "custom.ics", forum)
    assert run.created == 1
    event = by_name("IGF India briefing")
    assert (event.timezone, event.start) == ("UTC", dt.datetime(2026, 6, 1, 4, 30, tzinfo=UTC))


def test_japanese_text_goes_into_the_japanese_fields(forum):
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:igcj-ws@example.jp\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260720\r\nSUMMARY:IGF 準備ワークショップ\r\n"
        "LOCATION:東京\r\nDESCRIPTION:Hybrid session\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    run = import_file(data, "ja.ics", forum, now=NOW)
    assert run.created == 1
    event = ExternalEvent.objects.get(uid="igcj-ws@example.jp")
    assert (event.name_ja, event.name_en, event.city_ja, event.city_en) == ("IGF 準備ワークショップ", "", "東京", "")
    assert event.description_en == "Hybrid session"
    again = import_file(data.replace("東京".encode(), "大阪".encode()), "ja.ics", forum, now=NOW)
    assert again.updated == 1
    event.refresh_from_db()
    assert (event.city_ja, event.name_ja) == ("大阪", "IGF 準備ワークショップ")
