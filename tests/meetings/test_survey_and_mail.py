"""The survey, reminders and announcements, delivered through a real SMTP server on 127.0.0.1."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from mshub.meetings.models import AttendanceMode, Meeting, Registration
from mshub.meetings.models.survey import SurveyResponse
from mshub.meetings.services import registration as reg
from mshub.meetings.services.agenda import add_item
from mshub.meetings.services.meetings import change_status
from tests.mailserver import body_of

pytestmark = pytest.mark.django_db(transaction=True)  # on_commit mail must really run


def test_announcement_goes_to_the_series_list_over_smtp(smtp, series, cast):
    from mshub.meetings.services.meetings import create_meeting

    meeting = create_meeting(
        series,
        start=dt.datetime(2031, 4, 10, 18, 30),
        end=dt.datetime(2031, 4, 10, 20, 30),
        title_ja="第1回会合",
        venue_ja="会議室B",
    )
    client = cast.client("steering")
    confirm = client.post(f"{meeting.get_absolute_url()}status/", {"status": "announced"})
    assert confirm.status_code == 200  # first: to whom the announcement will go
    assert "forum-list@example.org" in confirm.content.decode()
    assert smtp.wait_for(1, timeout=0.5) == []
    response = client.post(f"{meeting.get_absolute_url()}status/", {"status": "announced", "confirm": "yes"})
    assert response.status_code == 302
    [message] = smtp.wait_for(1)
    assert message["To"] == "forum-list@example.org"
    body = body_of(message)
    assert "2031-04-10" in body
    assert "18:30" in body
    assert meeting.get_absolute_url() in body


def test_reminders_are_sent_once_to_confirmed_registrants(smtp, announced, group):
    a = reg.register(announced, name="A", email="a@example.org", mode=AttendanceMode.ONSITE, stakeholder_group=group)
    b = reg.register(announced, name="B", email="b@example.org", mode=AttendanceMode.REMOTE, stakeholder_group=group)
    reg.cancel(b)
    smtp.wait_for(2, timeout=5)
    smtp.messages.clear()
    out = StringIO()
    call_command("sendreminders", hours=24 * 40, stdout=out)
    assert "1 reminder(s) sent" in out.getvalue()
    [message] = smtp.wait_for(1)
    assert message["To"] == "a@example.org"
    assert a.token in body_of(message)
    call_command("sendreminders", hours=24 * 40, stdout=StringIO())
    assert len(smtp.wait_for(2, timeout=0.5)) == 1


def test_survey_invitation_link_takes_one_answer(smtp, announced, group, cast):
    item = add_item(announced, title_ja="IGF報告")
    r = reg.register(announced, name="A", email="a@example.org", mode=AttendanceMode.ONSITE, stakeholder_group=group)
    smtp.wait_for(1)
    smtp.messages.clear()
    _took_place(announced, checked_in=[r])
    cast.client("steering").post(f"{announced.get_absolute_url()}status/", {"status": "held", "confirm": "yes"})
    [invitation] = smtp.wait_for(1)
    link = re.search(r"https?://\S+/survey/\S+/", body_of(invitation)).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    client = Client()
    bad = client.post(f"/{path}", {"satisfaction": "9"})
    assert bad.status_code == 400
    ok = client.post(f"/{path}", {"satisfaction": "4", f"item_{item.pk}": "5", "comments": "良かった"})
    assert ok.status_code == 302
    again = client.post(f"/{path}", {"satisfaction": "1"})
    assert again.status_code == 302
    response = SurveyResponse.objects.get(registration=r)
    assert response.satisfaction == 4
    assert response.ratings.get().usefulness == 5
    results = cast.client("steering").get(f"{announced.get_absolute_url()}survey-results/").content.decode()
    assert "4.00" in results
    assert "良かった" in results
    assert cast.client("member").get(f"{announced.get_absolute_url()}survey-results/").status_code == 403


def _took_place(meeting, checked_in=()):
    """Move ``meeting`` into the past (it started 3 hours ago) and check ``checked_in`` in."""
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(start=now - dt.timedelta(hours=3), end=now - dt.timedelta(hours=1))
    Registration.objects.filter(pk__in=[r.pk for r in checked_in]).update(checked_in_at=now - dt.timedelta(hours=3))
    meeting.refresh_from_db()


def test_the_survey_goes_only_to_those_who_attended_and_the_confirmation_names_them(smtp, announced, group, cast):
    came = reg.register(announced, name="来た人", email="came@example.org", mode="onsite", stakeholder_group=group)
    online = reg.register(announced, name="Online", email="online@example.org", mode="remote", stakeholder_group=group)
    reg.register(announced, name="来なかった人", email="absent@example.org", mode="onsite", stakeholder_group=group)
    walk_in = reg.register(announced, name="Walk-in", email="", mode="onsite", stakeholder_group=group)
    smtp.wait_for(3)
    smtp.messages.clear()
    _took_place(announced, checked_in=[came, online, walk_in])
    client = cast.client("secretariat")
    confirm = client.post(f"{announced.get_absolute_url()}status/", {"status": "held", "note": "予定通り"})
    page = confirm.content.decode()
    assert confirm.status_code == 200
    assert "2 participants who attended" in page
    assert "came@example.org" in page
    assert "online@example.org" in page
    assert "absent@example.org" not in page
    assert "Walk-in" not in page  # no address: no mail, so not on the list
    assert smtp.wait_for(1, timeout=0.5) == []  # nothing sent before the confirmation
    steering_view = cast.client("steering").post(f"{announced.get_absolute_url()}status/", {"status": "held"})
    assert "came@example.org" not in steering_view.content.decode()  # names only: contacts are the secretariat's
    assert "来た人" in steering_view.content.decode()

    done = client.post(
        f"{announced.get_absolute_url()}status/", {"status": "held", "note": "予定通り", "confirm": "yes"}, follow=True
    )
    assert "sent to 2 participants" in done.content.decode()
    assert sorted(m["To"] for m in smtp.wait_for(2)) == ["came@example.org", "online@example.org"]
    assert smtp.wait_for(3, timeout=0.5)[2:] == []


def test_a_meeting_cannot_be_held_before_it_starts(announced, cast):
    with pytest.raises(ValidationError, match="once it has started"):
        change_status(announced, "held")
    client = cast.client("secretariat")
    page = client.get(announced.get_absolute_url()).content.decode()
    assert 'value="held"' not in page  # not offered
    assert "once it has started" in page
    response = client.post(f"{announced.get_absolute_url()}status/", {"status": "held", "confirm": "yes"}, follow=True)
    assert "once it has started" in response.content.decode()
    announced.refresh_from_db()
    assert announced.status == "announced"


def test_after_publication_the_status_section_says_what_can_still_be_done(announced, cast):
    from mshub.meetings.services.publishing import publish_report

    _took_place(announced)
    change_status(announced, "held")
    publish_report(announced)
    page = cast.client("secretariat").get(announced.get_absolute_url()).content.decode()
    assert 'id="status-choice"' not in page  # no empty list
    assert "Publish a correction" in page


def test_survey_is_closed_before_the_meeting(announced, group):
    r = reg.register(announced, name="A", email="a@example.org", mode=AttendanceMode.ONSITE, stakeholder_group=group)
    response = Client().post(f"{announced.get_absolute_url()}survey/{r.token}/", {"satisfaction": "4"})
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()
    assert Registration.objects.count() == 1
    change_status(announced, "held", now=announced.end)
