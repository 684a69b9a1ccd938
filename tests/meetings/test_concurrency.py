"""Two editors, one record: the second save is refused as a conflict and the first edit survives.
Ten writers adding at once: ten distinct positions (threads on their own connections)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from mshub.meetings.models import AgendaItem, Decision, Intervention, Meeting, MeetingSeries
from mshub.meetings.services.agenda import add_intervention, add_interventions, add_item
from mshub.meetings.services.meetings import create_meeting
from mshub.meetings.services.minutes import add_decision
from mshub.people.models import Person
from tests.factories import ForumFactory, PersonFactory
from tests.formdata import form_data

# --- two editors -------------------------------------------------------------------------------


def two_editors_save(client: Any, url: str, form_id: str, first: dict[str, str], second: dict[str, str]) -> Any:
    """Both load the form, the first saves, then the second: returns the second's response."""
    page_one = client.get(url).content.decode()
    page_two = client.get(url).content.decode()
    assert client.post(url, form_data(page_one, form_id, **first)).status_code == 302
    return client.post(url, form_data(page_two, form_id, **second))


def assert_conflict_page(response: Any, saved: str, typed: str) -> str:
    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this while you were editing" in html
    assert typed in html  # what the second editor typed is kept in the form …
    assert saved in html  # … beside what is saved now
    return html


@pytest.mark.django_db
def test_a_second_agenda_item_edit_is_a_conflict_and_the_first_survives(announced, cast):
    item = add_item(announced, title_ja="議題", title_en="Item")
    url = f"{announced.get_absolute_url()}agenda/{item.pk}/"
    client = cast.client("steering")
    response = two_editors_save(client, url, "item-form", {"title_en": "First editor"}, {"title_en": "Second editor"})
    html = assert_conflict_page(response, saved="First editor", typed='value="Second editor"')
    item.refresh_from_db()
    assert item.title_en == "First editor"
    assert item.version == 2
    # Having seen the saved values, the second editor can save again on purpose.
    assert client.post(url, form_data(html, "item-form")).status_code == 302
    item.refresh_from_db()
    assert item.title_en == "Second editor"


@pytest.mark.django_db
def test_a_second_meeting_edit_is_a_conflict_and_the_first_survives(announced, cast):
    url = f"{announced.get_absolute_url()}edit/"
    client = cast.client("steering")
    response = two_editors_save(client, url, "meeting-form", {"venue_en": "Room B"}, {"venue_en": "Room C"})
    assert_conflict_page(response, saved="Room B", typed='value="Room C"')
    announced.refresh_from_db()
    assert announced.venue_en == "Room B"


@pytest.mark.django_db
def test_a_second_person_edit_is_a_conflict_and_the_first_survives(forum, cast):
    person = PersonFactory(forum=forum, family_name_latin="Sato", given_name_latin="Aoi")
    url = f"/{forum.slug}/people/{person.pk}/edit/"
    client = cast.client("secretariat")
    response = two_editors_save(client, url, "person-form", {"pronouns": "she/her"}, {"pronouns": "they/them"})
    assert_conflict_page(response, saved="she/her", typed='value="they/them"')
    person.refresh_from_db()
    assert person.pronouns == "she/her"
    assert Person.objects.get(pk=person.pk).version == 2


# --- ten writers at once -----------------------------------------------------------------------


def at_once(work: Callable[[int], Any], n: int = 10) -> list[BaseException]:
    """Run ``work(i)`` in ``n`` threads released together; returns what they raised."""
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            work(i)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.fixture
def meeting(transactional_db: None) -> Meeting:
    forum = ForumFactory(slug="race")
    series = MeetingSeries.objects.create(forum=forum, slug="race", name_ja="定例", name_en="Regular")
    start = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    return create_meeting(series, start=start, end=start + dt.timedelta(hours=1), title_en="Race")


def test_ten_agenda_items_added_at_once_get_ten_positions(meeting):
    errors = at_once(lambda i: add_item(Meeting.objects.get(pk=meeting.pk), title_en=f"Item {i}"))
    assert errors == []
    positions = list(AgendaItem.objects.filter(meeting=meeting).values_list("position", flat=True))
    assert sorted(positions) == list(range(1, 11))


def test_ten_interventions_added_at_once_get_ten_positions(meeting):
    item = add_item(meeting, title_en="Q&A")

    def add(i: int) -> None:
        add_intervention(AgendaItem.objects.get(pk=item.pk), Intervention(kind="Q", text_en=f"Question {i}"))

    assert at_once(add) == []
    positions = list(Intervention.objects.filter(item=item).values_list("position", flat=True))
    assert sorted(positions) == list(range(1, 11))


def test_interventions_added_in_bulk_while_others_add_one_each_get_distinct_positions(meeting):
    item = add_item(meeting, title_en="Q&A")

    def add(i: int) -> None:
        fresh = AgendaItem.objects.get(pk=item.pk)
        if i % 2:
            add_intervention(fresh, Intervention(kind="C", text_en=f"Comment {i}"))
        else:
            add_interventions(fresh, [Intervention(kind=k, text_en=f"{k} {i}") for k in "QA"])

    assert at_once(add) == []
    rows = list(Intervention.objects.filter(item=item).order_by("position").values_list("position", "text_en"))
    assert [p for p, _ in rows] == list(range(1, 16))  # 5 × 2 in bulk and 5 one by one: 1 … 15
    for i in range(0, 10, 2):  # each bulk's entries stay together, in their order
        texts = [t for _, t in rows]
        assert texts.index(f"A {i}") == texts.index(f"Q {i}") + 1


def test_ten_decisions_added_at_once_get_ten_positions(meeting):
    def add(i: int) -> None:
        add_decision(Meeting.objects.get(pk=meeting.pk), Decision(text_en=f"Decision {i}"))

    assert at_once(add) == []
    positions = list(Decision.objects.filter(meeting=meeting).values_list("position", flat=True))
    assert sorted(positions) == list(range(1, 11))


@pytest.mark.django_db
def test_an_intervention_added_after_a_removal_takes_a_free_position(announced, cast):
    item = add_item(announced, title_en="Q&A")
    url = f"{announced.get_absolute_url()}agenda/{item.pk}/"
    client = cast.client("steering")
    for n in range(3):
        client.post(url, {"action": "intervention", "kind": "Q", "text_en": f"Question {n}"})
    first = Intervention.objects.filter(item=item).order_by("position").first()
    client.post(url, {"action": "remove_intervention", "intervention": first.pk})
    assert client.post(url, {"action": "intervention", "kind": "A", "text_en": "Answer"}).status_code == 302
    positions = list(Intervention.objects.filter(item=item).order_by("position").values_list("position", flat=True))
    assert positions == [2, 3, 4]
