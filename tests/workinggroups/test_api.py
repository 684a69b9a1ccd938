"""The working groups' JSON API: read by whoever reads the forum, members only for its members,
a flat query count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mshub.topics.models import Topic
from mshub.topics.services import tag
from mshub.workinggroups.services import create_group
from tests.workinggroups.conftest import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    cast.forum.is_public = True
    cast.forum.save()
    return make_world(cast.forum, cast.users)


def test_the_list_gives_the_groups_with_chairs_and_topics(client, cast, world):
    topic = Topic.objects.get(forum=cast.forum, code="dns")
    tag(cast.forum, world.wsis, [topic], None)
    data = client.get(reverse("api:workinggroup-list", kwargs={"forum": cast.forum.slug})).json()
    rows = {row["slug"]: row for row in data["results"]}
    assert set(rows) == {"wsis", "resources"}
    wsis = rows["wsis"]
    assert wsis["name_ja"] == "WSIS作業部会"
    assert wsis["state"] == "active"
    assert wsis["chairs"] == [str(world.chair_person)]
    assert wsis["topics"] == ["dns"]
    assert "members" not in wsis


def test_members_are_for_the_forums_members(client, cast, world):
    url = reverse("api:workinggroup-detail", kwargs={"forum": cast.forum.slug, "slug": "wsis"})
    assert client.get(url).json()["members"] is None
    client.force_login(cast.users["member"])
    members = client.get(url).json()["members"]
    assert {m["name"] for m in members} == {str(world.chair_person), str(world.member_person)}
    assert {m["stakeholder_group"] for m in members} >= {"Academia", "学術"} & {m["stakeholder_group"] for m in members}
    assert any(m["role"] == "chair" for m in members)


def test_a_private_forums_groups_are_closed_to_outsiders(client, cast, world):
    cast.forum.is_public = False
    cast.forum.save()
    assert client.get(reverse("api:workinggroup-list", kwargs={"forum": cast.forum.slug})).status_code == 403


def test_the_list_reads_in_a_fixed_number_of_queries(client, cast, world):
    url = reverse("api:workinggroup-list", kwargs={"forum": cast.forum.slug})
    client.force_login(cast.users["member"])  # (anonymous readers get the page cache's copy)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(4):
        group = create_group(cast.forum, None, name_ja=f"作業部会{n}", slug=f"wg-{n}", state="active")
        tag(cast.forum, group, [Topic.objects.get(forum=cast.forum, code="dns")], None)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(url).json()["results"]) == 6
    assert len(many) == len(few)
