"""The survey, reminders and announcements, delivered through a real SMTP server on 127.0.0.1."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from mshub.meetings.models import AttendanceMode, Registration
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
    response = cast.client("steering").post(f"{meeting.get_absolute_url()}status/", {"status": "announced"})
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
    cast.client("steering").post(f"{announced.get_absolute_url()}status/", {"status": "held"})
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


def test_survey_is_closed_before_the_meeting(announced, group):
    r = reg.register(announced, name="A", email="a@example.org", mode=AttendanceMode.ONSITE, stakeholder_group=group)
    response = Client().post(f"{announced.get_absolute_url()}survey/{r.token}/", {"satisfaction": "4"})
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()
    assert Registration.objects.count() == 1
    change_status(announced, "held")
