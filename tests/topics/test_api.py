"""The topics API: the tree with counts, one topic with its records; isolation between forums."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from mshub.calendar.services import create_event
from mshub.meetings.models import MeetingSeries
from mshub.meetings.services.meetings import change_status, create_meeting
from mshub.topics import services
from mshub.topics.models import Topic
from tests.conftest import ROLES, Cast
from tests.factories import ForumFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def topic(forum, code: str) -> Topic:  # type: ignore[no-untyped-def]
    return Topic.objects.get(forum=forum, code=code)


def meeting(forum, title: str, announce: bool = True):  # type: ignore[no-untyped-def]
    series, _ = MeetingSeries.objects.get_or_create(forum=forum, slug="regular", defaults={"name_ja": "定例会合"})
    start = timezone.now() - dt.timedelta(days=3)
    made = create_meeting(
        series, start=start, end=start + dt.timedelta(hours=2), title_ja=title, number=series.meetings.count() + 1
    )
    return change_status(made, "announced") if announce else made


def list_url(forum) -> str:  # type: ignore[no-untyped-def]
    return reverse("api:topic-list", kwargs={"forum": forum.slug})


def detail_url(forum, code: str) -> str:  # type: ignore[no-untyped-def]
    return reverse("api:topic-detail", kwargs={"forum": forum.slug, "code": code})


def all_topics(client, forum) -> list[dict]:  # type: ignore[no-untyped-def]
    rows, url = [], list_url(forum)
    while url:
        page = client.get(url).json()
        rows += page["results"]
        url = page["next"]
    return rows


def test_the_tree_with_names_synonyms_parents_and_counts(cast: Cast) -> None:
    forum = cast.forum
    dns = topic(forum, "dns")
    services.tag(forum, meeting(forum, "DNSの会合"), [dns], None)
    event = create_event(forum, name_en="ICANN54", precision="days", start_date=dt.date(2015, 10, 18))
    services.tag(forum, event, [dns], None)
    services.set_active(forum, None, topic(forum, "ipv6"), False)
    rows = {row["code"]: row for row in all_topics(cast.client("anonymous"), forum)}
    assert len(rows) == Topic.objects.of(forum).count()
    assert rows["dns"]["parent"] == "infrastructure"
    assert rows["infrastructure"]["parent"] is None
    assert rows["dns"]["name_en"] == "DNS"
    assert "ドメイン名" in rows["dns"]["synonyms_ja"]
    assert rows["dns"]["counts"] == {"meeting": 1, "event": 1, "total": 2}
    assert rows["privacy"]["counts"] == {"total": 0}
    assert rows["ipv6"]["active"] is False
    assert rows["dns"]["page"] == f"/{forum.slug}/topics/dns/"
    codes = [row["code"] for row in all_topics(cast.client("anonymous"), forum)]
    assert codes.index("infrastructure") < codes.index("dns")  # the tree's order


def test_a_topic_with_the_records_tagged_with_it(cast: Cast) -> None:
    forum = cast.forum
    dns = topic(forum, "dns")
    shown, planned = meeting(forum, "公開"), meeting(forum, "計画中", announce=False)
    event = create_event(forum, name_en="ICANN54", precision="days", start_date=dt.date(2015, 10, 18))
    for obj in (shown, planned, event):
        services.tag(forum, obj, [dns], None)
    data = cast.client("anonymous").get(detail_url(forum, "dns")).json()
    assert data["code"] == "dns"
    records = {(r["kind"], r["id"]): r for r in data["records"]}
    assert set(records) == {("meeting", str(shown.pk)), ("event", str(event.pk))}  # not the planned meeting
    assert records[("event", str(event.pk))] == {
        "kind": "event",
        "id": str(event.pk),
        "label": "ICANN54",
        "url": reverse("calendar:event", kwargs={"forum": forum.slug, "pk": event.pk}),
        "date": "2015-10-18",
    }
    member = cast.client("member").get(detail_url(forum, "dns")).json()
    assert ("meeting", str(planned.pk)) in {(r["kind"], r["id"]) for r in member["records"]}


def test_another_forums_topics_and_tags_never_appear(cast: Cast) -> None:
    forum = cast.forum
    other = ForumFactory(slug="other")
    Topic.objects.create(forum=other, code="only-there", name_ja="他", name_en="Elsewhere")
    theirs = OrganizationFactory(forum=other)
    services.tag(other, theirs, [topic(other, "dns")], None)
    event = create_event(forum, name_en="Shared event", precision="days", start_date=dt.date(2015, 1, 1))
    services.tag(other, event, [topic(other, "dns")], None)
    client = cast.client("secretariat")
    rows = {row["code"]: row for row in all_topics(client, forum)}
    assert "only-there" not in rows
    assert rows["dns"]["counts"] == {"total": 0}
    assert client.get(detail_url(forum, "only-there")).status_code == 404
    assert client.get(detail_url(forum, "dns")).json()["records"] == []


@pytest.mark.parametrize("role", ROLES)
def test_read_as_the_topic_pages(cast: Cast, role: str) -> None:
    forum = cast.forum
    forum.is_public = False
    forum.save()
    allowed = role in ("member", "wg_chair", "steering", "secretariat")
    assert cast.client(role).get(list_url(forum)).status_code == (200 if allowed else 403)
    assert cast.client(role).get(detail_url(forum, "dns")).status_code == (200 if allowed else 403)
