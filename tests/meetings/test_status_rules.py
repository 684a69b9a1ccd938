"""The meeting-state rules live once on the model: screens, the survey, statistics and the API ask it."""

from __future__ import annotations

import pytest

from mshub.meetings.models import Meeting, MeetingStatus

pytestmark = pytest.mark.django_db

OPEN = {"planned", "announced", "postponed"}
TOOK_PLACE = {"held", "report_published"}


@pytest.mark.parametrize("status", MeetingStatus.values)
def test_each_status_says_whether_topics_may_be_proposed_and_whether_it_took_place(announced, cast, status):
    Meeting.objects.filter(pk=announced.pk).update(status=status)
    meeting = Meeting.objects.get(pk=announced.pk)
    assert meeting.open_for_proposals == (status in OPEN)
    assert meeting.took_place == (status in TOOK_PLACE)
    assert Meeting.objects.took_place().filter(pk=meeting.pk).exists() == (status in TOOK_PLACE)
    assert Meeting.objects.public().filter(pk=meeting.pk).exists() == meeting.is_public
    # The meeting page offers the call for topics exactly when the proposals screen takes them.
    page = cast.client("member").get(meeting.get_absolute_url()).content.decode()
    assert ("proposals/" in page) == (status in OPEN)
    response = cast.client("member").post(f"{meeting.get_absolute_url()}proposals/", {"title": "提案"})
    assert response.status_code in (302, 400)
    assert meeting.proposals.exists() == (status in OPEN)


def test_the_status_buttons_never_offer_publishing_the_report(announced):
    Meeting.objects.filter(pk=announced.pk).update(status=MeetingStatus.HELD)
    meeting = Meeting.objects.get(pk=announced.pk)
    assert meeting.can_become(MeetingStatus.REPORT_PUBLISHED)
    assert MeetingStatus.REPORT_PUBLISHED not in meeting.choosable_statuses()
    assert not meeting.can_become(MeetingStatus.PLANNED)
