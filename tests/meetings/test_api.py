import pytest

from mshub.meetings.services.meetings import create_meeting
from tests.meetings.sample11 import build_meeting_11

pytestmark = pytest.mark.django_db


def test_meetings_api_lists_public_meetings_with_agenda_and_affiliations_at_the_time(forum, series, client):
    import datetime as dt

    build_meeting_11(forum)
    create_meeting(series, start=dt.datetime(2031, 1, 1, 18), end=dt.datetime(2031, 1, 1, 20), title_ja="計画中")
    data = client.get(f"/api/v1/{forum.slug}/meetings/").json()
    assert [m["number"] for m in data["results"]] == [11]
    meeting = data["results"][0]
    assert meeting["timezone"] == "Asia/Tokyo"
    assert dt.datetime.fromisoformat(meeting["start"]) == dt.datetime(2016, 1, 28, 9, 1, tzinfo=dt.UTC)
    first = meeting["agenda"][0]
    assert first["title_ja"] == "WSIS+10 の状況報告"
    assert first["presenters"] == [{"name": "高根 優子", "affiliation": "総務省情報通信国際戦略局国際政策課"}]


def test_meetings_api_query_count_is_flat(forum, client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mshub.meetings.models import Presenter
    from mshub.meetings.services.agenda import add_item
    from tests.factories import PersonFactory

    meeting = build_meeting_11(forum)
    with CaptureQueriesContext(connection) as few:
        client.get(f"/api/v1/{forum.slug}/meetings/")
    for n in range(20):
        Presenter.objects.create(item=add_item(meeting, title_ja=f"x{n}"), person=PersonFactory(forum=forum))
    with CaptureQueriesContext(connection) as many:
        client.get(f"/api/v1/{forum.slug}/meetings/")
    assert len(many.captured_queries) == len(few.captured_queries)
