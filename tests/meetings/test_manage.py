"""Planning screens: creating a meeting in the venue's zone, building the agenda without JavaScript."""

import datetime as dt

import pytest

from mshub.meetings.models import AgendaItem, Intervention, Meeting, Presenter
from mshub.meetings.services.agenda import agenda_tree, flatten
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_steering_creates_a_meeting_with_times_at_the_venue(series, cast):
    response = cast.client("steering").post(
        f"/{cast.forum.slug}/meetings/new/",
        {
            "series": series.pk,
            "title_ja": "IGF報告会",
            "date": "2026-07-09",
            "start_time": "15:00",
            "end_time": "17:30",
            "timezone": "Europe/Zurich",
            "venue_ja": "ジュネーブ",
            "language": "ja",
            "hybrid": "on",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(title_ja="IGF報告会")
    assert meeting.number == 1
    assert meeting.start == dt.datetime(2026, 7, 9, 13, 0, tzinfo=dt.UTC)
    assert meeting.local_start.strftime("%H:%M") == "15:00"


def test_end_before_start_is_a_field_error_and_input_is_kept(series, cast):
    response = cast.client("steering").post(
        f"/{cast.forum.slug}/meetings/new/",
        {
            "series": series.pk,
            "title_ja": "逆転",
            "date": "2026-07-09",
            "start_time": "18:00",
            "end_time": "17:00",
            "timezone": "Asia/Tokyo",
            "language": "ja",
        },
    )
    assert response.status_code == 200
    assert "end after it starts" in response.content.decode()
    assert 'value="逆転"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_member_cannot_create_meetings(series, cast):
    assert cast.client("member").get(f"/{cast.forum.slug}/meetings/new/").status_code == 403


def test_editing_time_bumps_the_calendar_sequence(announced, cast):
    before = announced.sequence
    response = cast.client("steering").post(
        f"{announced.get_absolute_url()}edit/",
        {
            "title_ja": announced.title_ja,
            "date": "2031-03-03",
            "start_time": "19:00",
            "end_time": "21:00",
            "timezone": "Asia/Tokyo",
            "language": "ja",
            "capacity": 2,
            "version": announced.version,
        },
    )
    assert response.status_code == 302
    announced.refresh_from_db()
    assert announced.sequence == before + 1
    assert announced.local_start.hour == 19


def test_agenda_items_and_sub_items_are_numbered_and_move_without_javascript(announced, cast):
    client = cast.client("steering")
    agenda_url = f"{announced.get_absolute_url()}agenda/"
    for title in ("開会", "IGF報告", "閉会"):
        client.post(agenda_url, {"title_ja": title})
    report = AgendaItem.objects.get(title_ja="IGF報告")
    for title in ("概要", "セキュリティ"):
        client.post(agenda_url, {"title_ja": title, "parent": report.pk})
    numbers = [(n.number, n.item.title_ja) for n in flatten(agenda_tree(announced))]
    assert numbers == [("1", "開会"), ("2", "IGF報告"), ("2.1", "概要"), ("2.2", "セキュリティ"), ("3", "閉会")]

    client.post(agenda_url, {"item": AgendaItem.objects.get(title_ja="セキュリティ").pk, "move": "up"})
    client.post(agenda_url, {"item": AgendaItem.objects.get(title_ja="閉会").pk, "move": "up"})
    numbers = [(n.number, n.item.title_ja) for n in flatten(agenda_tree(announced))]
    assert numbers == [("1", "開会"), ("2", "閉会"), ("3", "IGF報告"), ("3.1", "セキュリティ"), ("3.2", "概要")]


def test_item_page_records_presenters_and_interventions(announced, cast, forum):
    from mshub.meetings.services.agenda import add_item

    item = add_item(announced, title_ja="報告")
    person = PersonFactory(forum=forum)
    client = cast.client("steering")
    item_url = f"{announced.get_absolute_url()}agenda/{item.pk}/"
    client.post(item_url, {"action": "presenter", "person": person.pk})
    client.post(item_url, {"action": "intervention", "kind": "Q", "text_ja": "質問です"})
    client.post(item_url, {"action": "intervention", "kind": "A", "text_ja": "回答です"})
    bad = client.post(item_url, {"action": "intervention", "kind": "X", "text_ja": ""})
    assert bad.status_code == 400
    assert Presenter.objects.get(item=item).person == person
    assert list(Intervention.objects.filter(item=item).values_list("kind", "text_ja")) == [
        ("Q", "質問です"),
        ("A", "回答です"),
    ]
    other_forum_person = PersonFactory()
    client.post(item_url, {"action": "presenter", "person": other_forum_person.pk})
    assert Presenter.objects.filter(item=item).count() == 1


@pytest.mark.slow
def test_page_query_counts_are_the_same_with_10_or_200_items_and_registrations(announced, cast, forum, group):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mshub.meetings.services.agenda import add_item
    from mshub.meetings.services.registration import walk_in

    client = cast.client("secretariat")
    base = announced.get_absolute_url()
    pages = [base, f"{base}registrations/", f"{base}check-in/", f"{base}agenda/", f"{base}report/"]

    def grow(n: int) -> None:
        for i in range(n):
            item = add_item(announced, title_ja=f"議題{i}")
            Presenter.objects.create(item=item, person=PersonFactory(forum=forum))
            Intervention.objects.create(item=item, kind="Q", text_ja="質問")
            walk_in(announced, name=f"n{i}", mode="onsite" if i % 3 else "remote", stakeholder_group=group)

    def counts() -> list[int]:
        result = []
        for page in pages:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(page).status_code == 200, page
            result.append(len(ctx.captured_queries))
        return result

    grow(10)
    at_10 = counts()
    grow(190)
    assert counts() == at_10


def test_a_past_meeting_can_be_entered_with_its_number_once(series, cast):
    data = {
        "series": series.pk,
        "number": 11,
        "date": "2016-01-28",
        "start_time": "18:01",
        "end_time": "20:09",
        "timezone": "Asia/Tokyo",
        "language": "ja",
    }
    client = cast.client("steering")
    assert client.post(f"/{cast.forum.slug}/meetings/new/", data).status_code == 302
    again = client.post(f"/{cast.forum.slug}/meetings/new/", data)
    assert again.status_code == 200
    assert "already has a meeting with that number" in again.content.decode()
    assert Meeting.objects.get().number == 11
