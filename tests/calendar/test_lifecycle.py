"""What happens to a forum's additions when a person is erased or the forum is deleted: the shared
events stay, the forum's rows go (or keep the count without the name)."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.calendar.models import ExternalEvent, Presence, ReportBack
from mshub.calendar.services import add_presence, add_report_back
from mshub.core.services import delete_forum
from mshub.meetings.models import MeetingSeries
from mshub.meetings.services.meetings import create_meeting
from mshub.people.erasure import erase_person
from mshub.people.models import Person
from tests.factories import AffiliationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_erasing_a_person_keeps_the_count_and_drops_what_names_them(cast, igf2015):
    person = PersonFactory(forum=cast.forum, family_name_latin="Watanabe")
    AffiliationFactory(person=person)
    add_presence(
        cast.forum, igf2015, person, role="speaker", note="Watanabe spoke on IoT", affiliation_en="Watanabe Lab"
    )
    assert erase_person(person, cast.users["secretariat"]) == "anonymised"
    presence = Presence.objects.get()
    assert (presence.note, presence.affiliation_en, presence.role) == ("", "", "speaker")
    assert "Watanabe" not in str(Person.objects.get(pk=person.pk))


def test_deleting_a_forum_takes_its_additions_and_leaves_the_shared_events(cast, igf2015):
    series = MeetingSeries.objects.create(forum=cast.forum, slug="regular", name_ja="定例")
    start = dt.datetime(2015, 12, 1, 9, tzinfo=dt.UTC)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=2))
    add_presence(cast.forum, igf2015, PersonFactory(forum=cast.forum), role="delegate")
    add_report_back(cast.forum, igf2015, meeting=meeting)
    delete_forum(cast.forum)
    assert not Presence.objects.exists()
    assert not ReportBack.objects.exists()
    event = ExternalEvent.objects.get(pk=igf2015.pk)
    assert event.revisions.get().forum is None  # its history stays, the forum it came through gone


def test_merging_people_moves_their_presence_and_keeps_one_row_per_event(cast, igf2015):
    from mshub.calendar.services import create_event
    from mshub.people.services import merge_persons

    icann = create_event(cast.forum, name_en="ICANN54", precision="days", start_date=dt.date(2015, 10, 18))
    keep, duplicate = PersonFactory(forum=cast.forum), PersonFactory(forum=cast.forum)
    add_presence(cast.forum, igf2015, keep, role="speaker")
    add_presence(cast.forum, igf2015, duplicate, role="delegate")  # the same person twice: one row stays
    add_presence(cast.forum, icann, duplicate, role="observer")
    merge_persons(keep, duplicate)
    assert sorted(Presence.objects.values_list("event__name_en", "person", "role")) == [
        ("ICANN54", keep.pk, "observer"),
        ("IGF 2015", keep.pk, "speaker"),
    ]
