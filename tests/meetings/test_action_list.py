"""The forum-wide list of action items: owner and due date, overdue ones marked, filters, and only items
of meetings the reader may read (steering-group series stay the steering group's)."""

import datetime as dt

import pytest
from django.urls import reverse

from mshub.meetings.models import ActionItem, Meeting, MeetingSeries
from mshub.meetings.services.meetings import create_meeting
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def list_url(forum, **query):
    url = reverse("meetings:actions", kwargs={"forum": forum.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def held_meeting(series, days_ago, status="held"):
    start = dt.datetime.now() - dt.timedelta(days=days_ago)
    meeting = create_meeting(series, start=start, end=start + dt.timedelta(hours=1))
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    return meeting


@pytest.fixture
def actions(forum, series):
    steering = MeetingSeries.objects.create(forum=forum, slug="steering", name_ja="考える会", visibility="steering")
    today = dt.date.today()
    memo = held_meeting(steering, 20)
    published = held_meeting(series, 40, status="report_published")
    draft = held_meeting(series, 5)
    sato = PersonFactory(forum=forum, family_name_latin="Sato", family_name_ja="佐藤")
    kato = PersonFactory(forum=forum, family_name_latin="Kato", family_name_ja="加藤")

    def add(meeting, text, **fields):
        return ActionItem.objects.create(meeting=meeting, text_en=text, text_ja=text, **fields)

    return {
        "sato": sato,
        "kato": kato,
        "late": add(memo, "Approach speakers", owner=sato, due=today - dt.timedelta(days=3)),
        "memo_done": add(memo, "Book the venue", owner_text="Secretariat", status="done"),
        "public": add(published, "Publish the survey", owner=kato, due=today + dt.timedelta(days=7)),
        "draft": add(draft, "Draft the call for topics", owner=sato, due=today + dt.timedelta(days=2)),
    }


def rows(response):
    return [a.text_en for a in response.context["actions"]]


def test_the_steering_group_sees_open_items_of_every_series_with_overdue_ones_marked(forum, cast, actions):
    response = cast.client("steering").get(list_url(forum), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert rows(response) == ["Approach speakers", "Draft the call for topics", "Publish the survey"]
    page = response.content.decode()
    late = page.split("Approach speakers")[1].split("</tr>")[0]
    assert "Sato" in late
    assert "overdue" in late
    assert "overdue" not in page.split("Draft the call for topics")[1].split("</tr>")[0]


def test_filters_by_owner_and_status(forum, cast, actions):
    client = cast.client("steering")
    assert rows(client.get(list_url(forum, owner=actions["sato"].pk))) == [
        "Approach speakers",
        "Draft the call for topics",
    ]
    assert rows(client.get(list_url(forum, status="closed"))) == ["Book the venue"]
    assert len(rows(client.get(list_url(forum, status="all")))) == 4
    assert client.get(list_url(forum, status="everything")).status_code == 400
    assert client.get(list_url(forum, owner="me")).status_code == 400


def test_members_see_only_items_of_published_reports_in_series_they_may_see(forum, cast, actions):
    response = cast.client("member").get(list_url(forum, status="all"))
    assert rows(response) == ["Publish the survey"]
    assert [p.pk for p in response.context["owners"]] == [actions["kato"].pk]
    assert cast.client("visitor").get(list_url(forum)).status_code == 403


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_reads_in_a_fixed_number_of_queries(forum, series, cast, size, django_assert_max_num_queries):
    for i in range(size):
        meeting = held_meeting(series, 10 + i)
        ActionItem.objects.create(meeting=meeting, text_ja=f"課題{i}", owner=PersonFactory(forum=forum), due=None)
    client = cast.client("steering")
    with django_assert_max_num_queries(6):
        response = client.get(list_url(forum))
    assert len(rows(response)) == size
