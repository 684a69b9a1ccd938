"""The calendar's writes: every edit of a shared event appends a revision (who, when, through which
forum, what changed, why) and an activity-log entry; a concurrent edit is refused whole; a forum's
presence and report-backs name only its own records."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.calendar.models import ExternalEvent, ExternalEventRevision, Presence
from mshub.calendar.services import (
    CalendarError,
    add_presence,
    add_report_back,
    remove_presence,
    remove_report_back,
    update_event,
)
from mshub.core.concurrency import EditConflictError
from mshub.core.models import ActivityEntry
from mshub.meetings.models import MeetingSeries
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import create_meeting
from tests.factories import ForumFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_creating_an_event_records_its_first_revision_and_logs_it(cast, igf2015):
    revision = igf2015.revisions.get()
    assert (revision.number, revision.forum, revision.changed) == (1, cast.forum, [])
    assert revision.fields["body"] == "igf"
    assert revision.fields["start_date"] == "2015-11-10"
    assert revision.fields["country"] == "BR"
    entry = ActivityEntry.objects.get(forum=cast.forum, verb="calendar.event_created")
    assert entry.subject == str(igf2015)  # the log names the event by type and id


def test_each_edit_appends_a_revision_through_the_forum_that_made_it(cast, igf2015):
    other = ForumFactory()
    secretariat = cast.users["secretariat"]
    igf2015.end_date = dt.date(2015, 11, 14)
    changed = update_event(igf2015, 1, other, secretariat, message="a day was added")
    assert changed == ["end_date"]
    igf2015.refresh_from_db()
    assert (igf2015.version, igf2015.sequence, igf2015.last_day) == (2, 1, dt.date(2015, 11, 14))
    igf2015.city_en, igf2015.status = "Joao Pessoa", "cancelled"
    assert update_event(igf2015, 2, cast.forum, secretariat) == ["city_en", "status"]
    revisions = list(igf2015.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert (revisions[1].forum, revisions[1].actor, revisions[1].message) == (other, secretariat, "a day was added")
    assert revisions[1].fields["end_date"] == "2015-11-14"
    assert revisions[0].fields["end_date"] == "2015-11-13"  # the earlier state is kept
    assert revisions[2].changed == ["city_en", "status"]
    assert ActivityEntry.objects.filter(forum=other, verb="calendar.event_changed").get().data == {
        "fields": ["end_date"]
    }


def test_an_edit_that_changes_nothing_writes_nothing(cast, igf2015):
    assert update_event(igf2015, 1, cast.forum) == []
    igf2015.refresh_from_db()
    assert (igf2015.version, igf2015.sequence, igf2015.revisions.count()) == (1, 0, 1)


def test_a_concurrent_edit_is_refused_whole(cast, igf2015):
    first = ExternalEvent.objects.get(pk=igf2015.pk)
    second = ExternalEvent.objects.get(pk=igf2015.pk)
    first.city_en = "Natal"
    update_event(first, 1, cast.forum)
    second.city_en = "Recife"
    with pytest.raises(EditConflictError) as conflict:
        update_event(second, 1, cast.forum, message="mine")
    assert conflict.value.current.city_en == "Natal"
    igf2015.refresh_from_db()
    assert igf2015.city_en == "Natal"
    assert igf2015.revisions.count() == 2  # no revision for the refused edit
    assert not ExternalEventRevision.objects.filter(message="mine").exists()


def test_revisions_are_append_only(igf2015):
    revision = igf2015.revisions.get()
    revision.message = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        revision.save()
    with pytest.raises(ValueError, match="append-only"):
        revision.delete()


def test_presence_takes_this_forums_people_once(cast, igf2015):
    person = PersonFactory(forum=cast.forum)
    presence = add_presence(cast.forum, igf2015, person, cast.users["steering"], role="speaker")
    assert presence.forum == cast.forum
    with pytest.raises(CalendarError, match="already listed"):
        add_presence(cast.forum, igf2015, person, role="observer")
    with pytest.raises(CalendarError, match="this forum's registry"):
        add_presence(cast.forum, igf2015, PersonFactory(), role="observer")
    with pytest.raises(CalendarError):
        add_presence(cast.forum, igf2015, PersonFactory(forum=cast.forum), role="king")
    assert Presence.objects.count() == 1
    entry = ActivityEntry.objects.get(verb="calendar.presence_added")
    assert person.family_name_latin not in entry.summary  # the log names no one
    remove_presence(presence, cast.users["steering"])
    assert not Presence.objects.exists()
    assert ActivityEntry.objects.filter(verb="calendar.presence_removed").exists()


def test_a_report_back_names_this_forums_meeting_or_a_page(cast, igf2015):
    series = MeetingSeries.objects.create(forum=cast.forum, slug="regular", name_ja="定例")
    meeting = create_meeting(
        series, start=dt.datetime(2015, 12, 1, 9, tzinfo=dt.UTC), end=dt.datetime(2015, 12, 1, 11, tzinfo=dt.UTC)
    )
    item = add_item(meeting, title_ja="IGF 2015 の報告")
    by_item = add_report_back(cast.forum, igf2015, agenda_item=item)
    assert by_item.meeting == meeting  # the item's meeting
    by_page = add_report_back(cast.forum, igf2015, url="https://example.org/report", title_en="Report")
    assert by_page.meeting is None
    other_series = MeetingSeries.objects.create(forum=ForumFactory(), slug="x", name_ja="他")
    foreign = create_meeting(other_series, start=meeting.start, end=meeting.end)
    with pytest.raises(CalendarError, match="this forum's meetings"):
        add_report_back(cast.forum, igf2015, meeting=foreign)
    with pytest.raises(CalendarError, match="a meeting or give the address"):
        add_report_back(cast.forum, igf2015)
    with pytest.raises(CalendarError):
        add_report_back(cast.forum, igf2015, url="javascript:alert(1)")
    remove_report_back(by_page)
    assert list(igf2015.report_backs.all()) == [by_item]
