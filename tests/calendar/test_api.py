"""The calendar's API: bodies, kinds and events shared by every forum, read through any forum one may
read; a forum's presence for its members only, and none of another forum's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mshub.calendar.services import add_presence, create_event
from tests.calendar.conftest import body, days_event, kind
from tests.factories import ForumFactory, PersonFactory
from tests.test_api import generated_schema

pytestmark = pytest.mark.django_db


def api(forum, name: str, client: Client | None = None, **kwargs):  # type: ignore[no-untyped-def]
    return (client or Client()).get(reverse(f"api:{name}", kwargs={"forum": forum.slug, **kwargs}))


def test_events_are_read_through_any_readable_forum_with_their_page_there(forum, igf2015):
    other = ForumFactory(slug="other", is_public=True)
    month = create_event(forum, name_ja="国連総会", precision="month", year=2015, month=12)
    rows = api(other, "event-list").json()["results"]
    assert [row["uid"] for row in rows] == [igf2015.uid, month.uid]
    igf = rows[0]
    assert igf["body"] == "igf"
    assert igf["kind"] == "meeting"
    assert igf["country"] == "BR"
    assert (igf["precision"], igf["start_date"], igf["end_date"], igf["timezone"]) == (
        "days",
        "2015-11-10",
        "2015-11-13",
        "America/Fortaleza",
    )
    assert igf["page"] == f"/other/calendar/events/{igf2015.pk}/"
    assert (rows[1]["first_day"], rows[1]["last_day"], rows[1]["month"]) == ("2015-12-01", "2015-12-31", 12)
    detail = api(other, "event-detail", pk=month.pk).json()
    assert detail["name_ja"] == "国連総会"
    private = ForumFactory(is_public=False)
    assert api(private, "event-list").status_code == 403
    assert api(private, "event-detail", pk=month.pk).status_code == 403


def test_bodies_and_kinds(forum):
    bodies = {row["code"]: row for row in api(forum, "body-list").json()["results"]}
    assert bodies["icann"]["website"] == "https://www.icann.org/"
    assert bodies["mic"]["name_ja"] == "総務省"
    kinds = [row["code"] for row in api(forum, "eventkind-list").json()["results"]]
    assert kinds == ["meeting", "summit", "workshop", "deadline", "milestone"]


def test_presence_is_the_forums_own_and_its_members(cast, igf2015):
    other = ForumFactory()
    add_presence(cast.forum, igf2015, PersonFactory(forum=cast.forum, family_name_latin="Ours"), role="speaker")
    add_presence(other, igf2015, PersonFactory(forum=other, family_name_latin="Theirs"), role="observer")
    assert api(cast.forum, "presence-list").status_code == 403
    rows = api(cast.forum, "presence-list", cast.client("member")).json()["results"]
    assert [(row["role"], row["event"]) for row in rows] == [("speaker", igf2015.pk)]
    assert "Ours" in rows[0]["name"]


def test_the_schema_documents_the_calendar():
    paths = generated_schema()["paths"]
    for path in ("bodies", "event-kinds", "events", "presence"):
        assert f"/api/v1/{{forum}}/{path}/" in paths
        assert f"/api/v1/{{forum}}/{path}/{{id}}/" in paths


def test_the_event_list_reads_in_a_fixed_number_of_queries(forum):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api(forum, "event-list", Client()).status_code == 200
        return len(queries)

    days_event(forum, "One", dt.date(2015, 1, 1), body=body("igf"), kind=kind("meeting"))
    few = count()
    for n in range(10):
        days_event(forum, f"More {n}", dt.date(2015, 2, 1 + n), body=body("icann"), kind=kind("summit"))
    assert count() == few
