"""The balance of a hearing, erasure of commenters, and pages whose queries do not grow with comments."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mshub.papers.balance import balance_of
from mshub.papers.models import Comment
from mshub.papers.services.hearings import add_comment
from mshub.papers.threads import comments_by_anchor
from mshub.people.erasure import erase_person
from mshub.people.models import Person, StakeholderGroup
from tests.factories import UserFactory, group
from tests.papers.conftest import client_of
from tests.papers.hearing_helpers import anchors, close, hearing_on

pytestmark = pytest.mark.django_db


def test_every_group_of_the_vocabulary_is_counted_and_absent_groups_are_named(paper_world):
    hearing = hearing_on(paper_world)
    academia, technical = group(paper_world.forum, "academia"), group(paper_world.forum, "technical-community")
    add_comment(hearing, user=paper_world.member, text="一")
    add_comment(hearing, user=paper_world.member, text="二")
    add_comment(hearing, user=paper_world.second_member, text="三")
    add_comment(hearing, user=paper_world.chair, text="四", stakeholder_group=academia)
    with CaptureQueriesContext(connection) as queries:
        balance = balance_of(hearing)
    assert len(queries) == 2
    vocabulary = list(StakeholderGroup.objects.filter(forum=paper_world.forum, active=True).order_by("order", "code"))
    assert [row.group for row in balance.rows] == vocabulary
    counts = {row.group: (row.comments, row.commenters) for row in balance.rows}
    assert counts[academia] == (3, 2)
    assert counts[technical] == (1, 1)
    assert set(balance.absent) == set(vocabulary) - {academia, technical}
    assert balance.comments == 4
    page = client_of(paper_world.chair).get(hearing.urls.hearing).content.decode()
    assert "No comment yet from:" in page
    assert vocabulary[0].name in page
    member_page = client_of(paper_world.member).get(hearing.urls.hearing).content.decode()
    assert "No comment yet from:" not in member_page  # the balance is the chairs' and the secretariat's
    close(hearing)
    assert "No comment yet from:" not in client_of(paper_world.chair).get(hearing.urls.hearing).content.decode()


def test_erasure_keeps_the_comment_and_drops_its_author(paper_world):
    hearing = hearing_on(paper_world)
    comment = add_comment(hearing, user=paper_world.second_member, text="消される人の意見")
    person = Person.objects.get(user=paper_world.second_member)
    erase_person(person)
    comment.refresh_from_db()
    assert comment.author is None
    assert comment.text == "消される人の意見"
    assert comment.stakeholder_group == group(paper_world.forum, "technical-community")


def test_pages_and_threads_stay_flat_as_comments_grow(paper_world):
    hearing = hearing_on(paper_world, audience="public")
    chair = client_of(paper_world.chair)
    outsider = UserFactory(email="reader@example.org")

    def count(url, client):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def threads(user):
        paper = type(paper_world.paper).objects.get(pk=paper_world.paper.pk)
        with CaptureQueriesContext(connection) as queries:
            comments_by_anchor(paper, user)
        return len(queries)

    add_comment(hearing, user=paper_world.member, text="最初", anchor=anchors(paper_world)[0].anchor)
    urls = [hearing.urls.hearing, paper_world.paper.urls.dispositions, paper_world.paper.urls.dispositions_csv]
    before = [count(url, chair) for url in urls]
    threads(paper_world.chair), threads(outsider)  # the users' roles are read once and kept on them
    before_threads = (threads(paper_world.chair), threads(outsider))
    for i in range(6):
        top = add_comment(hearing, user=paper_world.member, text=f"意見{i}", anchor=anchors(paper_world)[i % 3].anchor)
        add_comment(hearing, user=paper_world.second_member, text=f"返信{i}", parent=top)
    assert [count(url, chair) for url in urls] == before
    assert (threads(paper_world.chair), threads(outsider)) == before_threads
    assert before_threads[0] <= 2
    assert Comment.objects.count() == 13
