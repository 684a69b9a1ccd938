"""The state questions templates ask (``meeting.is_announced``, ``registration.is_waitlisted`` …) answer
exactly for their state, and the pages that ask them say what they said when they compared strings."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from mshub.archive.models import ImportItem
from mshub.meetings.models import (
    AgendaItem,
    ItemOutcome,
    Meeting,
    MeetingStatus,
    Presenter,
    PresenterAnswer,
    Registration,
    RegistrationStatus,
    TopicProposal,
)
from mshub.meetings.services.statistics import MeetingStats


def truth(make, values, prop):
    """The values of the state for which ``prop`` is true."""
    return {value for value in values if getattr(make(value), prop)}


def test_meeting_states():
    statuses = MeetingStatus.values
    assert truth(lambda s: Meeting(status=s), statuses, "is_announced") == {"announced"}
    assert truth(lambda s: Meeting(status=s), statuses, "awaits_report") == {"held"}
    assert truth(lambda s: Meeting(status=s), statuses, "report_published") == {"report_published"}


def test_registration_states():
    statuses = RegistrationStatus.values
    assert truth(lambda s: Registration(status=s), statuses, "is_confirmed") == {"confirmed"}
    assert truth(lambda s: Registration(status=s), statuses, "is_waitlisted") == {"waitlisted"}
    assert truth(lambda s: Registration(status=s), statuses, "is_cancelled") == {"cancelled"}


def test_agenda_presenter_and_proposal_states():
    assert truth(lambda o: AgendaItem(outcome=o), ItemOutcome.values, "is_held") == {"held"}
    answers = ["", *PresenterAnswer.values]
    assert truth(lambda a: Presenter(answer=a), answers, "has_accepted") == {"accepted"}
    assert truth(lambda a: Presenter(answer=a), answers, "has_declined") == {"declined"}
    proposal_states = TopicProposal.Status.values
    assert truth(lambda s: TopicProposal(status=s), proposal_states, "awaits_review") == {"proposed"}


def test_archive_item_and_statistics_states():
    statuses = ImportItem.Status.values
    assert truth(lambda s: ImportItem(status=s), statuses, "awaits_review") == {"parsed"}
    assert truth(lambda s: ImportItem(status=s), statuses, "is_stored") == {"stored"}
    meeting = Meeting()
    assert MeetingStats(meeting, source="reported").as_reported
    assert not MeetingStats(meeting).as_reported


@pytest.mark.django_db
def test_the_status_section_of_the_meeting_page_follows_the_state(announced, cast):
    client = cast.client("secretariat")

    def page(status: str, start: dt.datetime) -> str:
        Meeting.objects.filter(pk=announced.pk).update(status=status, start=start, end=start + dt.timedelta(hours=2))
        return client.get(announced.get_absolute_url()).content.decode()

    later = timezone.now() + dt.timedelta(days=3)
    earlier = timezone.now() - dt.timedelta(days=3)
    assert "It can be marked as held once it has started." in page("announced", later)
    assert "It can be marked as held once it has started." not in page("announced", earlier)
    held = page("held", earlier)
    assert "Next: publish the report." in held
    assert "Publish a correction" not in held
    published = page("report_published", earlier)
    assert "Publish a correction" in published
    assert "Next: publish the report." not in published
