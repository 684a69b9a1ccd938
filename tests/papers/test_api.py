"""The papers' JSON API: the papers the caller may read, the published text with its paragraphs and the
disposition table without names, a flat query count."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mshub.papers.services.revisions import create_paper
from tests.papers.publishing import publish

pytestmark = pytest.mark.django_db


def list_url(forum):
    return reverse("api:paper-list", kwargs={"forum": forum.slug})


def ids(client, forum):
    response = client.get(list_url(forum))
    assert response.status_code == 200
    return {row["id"] for row in response.json()["results"]}


def test_the_public_sees_published_papers_only(client, cast, paper_world):
    cast.forum.is_public = True
    cast.forum.save()
    draft = create_paper(paper_world.group, actor=paper_world.chair, text="草稿。\n", title_ja="草稿")
    published = publish(paper_world.paper, paper_world.chair)
    assert ids(client, cast.forum) == {published.pk}
    assert client.get(reverse("api:paper-detail", kwargs={"forum": cast.forum.slug, "pk": draft.pk})).status_code == 404
    client.force_login(cast.users["visitor"])
    assert ids(client, cast.forum) == {published.pk}
    client.force_login(paper_world.member)  # a member of the group reads its drafts
    assert ids(client, cast.forum) == {published.pk, draft.pk}
    client.force_login(cast.users["steering"])
    assert ids(client, cast.forum) == {published.pk, draft.pk}


def test_a_forum_member_outside_the_group_sees_only_published_papers(client, cast, paper_world):
    from tests.factories import MembershipFactory, UserFactory

    outsider = UserFactory(email="outsider@example.org")
    MembershipFactory(forum=cast.forum, user=outsider, role="member")
    create_paper(paper_world.group, actor=paper_world.chair, text="草稿。\n", title_ja="草稿")
    client.force_login(outsider)
    assert ids(client, cast.forum) == set()


def test_the_detail_gives_the_published_text_paragraphs_and_dispositions(client, cast, paper_world):
    paper = publish(paper_world.paper, paper_world.chair)
    client.force_login(cast.users["member"])
    data = client.get(reverse("api:paper-detail", kwargs={"forum": cast.forum.slug, "pk": paper.pk})).json()
    assert data["group"] == "wsis"
    assert data["state"] == "published"
    assert data["revision"] == 2
    assert data["published_revision"] == 2
    assert data["text"] == paper.published_revision.text
    numbered = [p for p in data["paragraphs"] if p["number"]]
    assert numbered[0]["number"] == 1
    assert numbered[0]["anchor"].startswith("p")
    assert data["consultation"] == paper_world.base.consultation.pk
    [row] = data["dispositions"]
    assert row["stakeholder_group"]
    assert row["disposition"]
    assert row["addressed_in"] == 2
    assert row["paragraph"] == 2
    assert "author" not in row
    assert str(paper_world.chair) not in str(data)


def test_a_draft_shows_no_text(client, cast, paper_world):
    client.force_login(paper_world.member)
    data = client.get(reverse("api:paper-detail", kwargs={"forum": cast.forum.slug, "pk": paper_world.paper.pk})).json()
    assert (data["text"], data["paragraphs"], data["dispositions"], data["published_revision"]) == (None, [], [], None)


def test_the_list_reads_in_a_fixed_number_of_queries(client, cast, paper_world):
    client.force_login(paper_world.member)
    client.get(list_url(cast.forum))
    with CaptureQueriesContext(connection) as few:
        client.get(list_url(cast.forum))
    for n in range(4):
        create_paper(paper_world.group, actor=paper_world.chair, text=f"草稿{n}。\n", title_ja=f"草稿{n}")
    publish(paper_world.paper, paper_world.chair)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(list_url(cast.forum)).json()["results"]) == 5
    assert len(many) == len(few)
