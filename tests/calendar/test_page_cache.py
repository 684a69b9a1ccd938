"""A shared event belongs to no forum, yet every forum shows it: an edit made through any forum (or
a new body, or the edit of one) must reach every forum's cached calendar pages at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from mshub.calendar.models import Body, ExternalEvent
from mshub.calendar.services import add_presence, update_event
from mshub.core.models import Forum
from mshub.core.pagecache import forum_path
from tests.calendar.conftest import days_event
from tests.factories import ForumFactory, PersonFactory

pytestmark = pytest.mark.django_db


def get(url: str, etag: str = "") -> object:
    return Client().get(url, headers={"if-none-match": etag} if etag else {})


def test_an_edit_through_one_forum_reaches_every_forums_cached_calendar(forum):
    other = ForumFactory(slug="other", is_public=True)
    event = days_event(forum, "IGF 2015", dt.date(2015, 11, 10), dt.date(2015, 11, 13))
    pages = [
        reverse(name, kwargs={"forum": f.slug, **kwargs})
        for f in (forum, other)
        for name, kwargs in (
            ("calendar:year", {"year": 2015}),
            ("calendar:timeline", {}),
            ("calendar:event", {"pk": event.pk}),
            ("calendar:ics", {}),
        )
    ]
    first = {url: get(url) for url in pages}
    assert all(response["X-Page-Cache"] == "miss" for response in first.values())  # type: ignore[index]
    assert all(get(url)["X-Page-Cache"] == "hit" for url in pages)  # type: ignore[index]
    event.name_en = "IGF 2015 (10th)"
    update_event(event, event.version, forum)  # through the first forum only
    for url in pages:
        again = get(url, first[url]["ETag"])  # type: ignore[index]
        assert again.status_code == 200, url  # type: ignore[attr-defined]
        assert again["X-Page-Cache"] == "miss", url  # type: ignore[index]
        if ".ics" not in url:
            assert "IGF 2015 (10th)" in again.content.decode(), url  # type: ignore[attr-defined]


def test_a_new_body_changes_every_forums_filters(forum):
    other = ForumFactory(is_public=True)
    url = reverse("calendar:index", kwargs={"forum": other.slug})
    etag = get(url)["ETag"]  # type: ignore[index]
    Body.objects.create(code="rir-x", name_ja="RIR", name_en="A new RIR", short_name="RIRX")
    again = get(url, etag)
    assert again.status_code == 200  # type: ignore[attr-defined]
    assert "A new RIR" in again.content.decode()  # type: ignore[attr-defined]


@pytest.mark.django_db(transaction=True)  # real commits: the versions rise when the transaction commits
def test_every_forum_changes_once_on_commit_and_a_forums_presence_only_its_own(forum):
    other = ForumFactory()
    versions = lambda: dict(Forum.objects.values_list("pk", "content_version"))  # noqa: E731
    before = versions()
    with transaction.atomic():
        event = days_event(forum, "ICANN54", dt.date(2015, 10, 18))
        ExternalEvent.objects.filter(pk=event.pk)  # (a read changes nothing)
        assert versions() == before
    after = versions()
    assert after == {pk: v + 1 for pk, v in before.items()}  # both forums, once for the whole transaction
    person = PersonFactory(forum=forum)
    after = versions()
    add_presence(forum, event, person, role="speaker")
    assert versions()[forum.pk] == after[forum.pk] + 1
    assert versions()[other.pk] == after[other.pk]  # B's pages show nothing of A's presence
    # No forum key of its own (only its import's provenance, imported_by → forum): the flag decides.
    assert forum_path(ExternalEvent) == ("imported_by", "forum")
    assert ExternalEvent.shown_in_every_forum
