"""A consultation's page lists the forum's position papers that answer it, to those who may read them
(the area contract's ``related_records``: the consultations do not import the papers)."""

from __future__ import annotations

import pytest
from django.test import Client

from mshub.core.areas import related_to
from mshub.papers.services.states import move

pytestmark = pytest.mark.django_db


def test_the_consultation_page_lists_the_papers_that_answer_it(paper_world, cast):
    consultation = paper_world.base.consultation
    url = f"/{paper_world.forum.slug}/consultations/{consultation.pk}/"
    member = Client()
    member.force_login(paper_world.member)  # in the paper's group: reads the draft
    assert paper_world.paper.urls.paper in member.get(url).content.decode()
    page = Client().get(url)
    assert page.status_code == 200
    assert paper_world.paper.urls.paper not in page.content.decode()  # a draft: not for readers outside the group
    assert related_to(paper_world.forum, cast.users["visitor"], consultation) == []
    for state in ("final", "published"):
        move(paper_world.paper, state, actor=paper_world.chair)
    lines = related_to(paper_world.forum, cast.users["visitor"], consultation)
    assert [line.url for line in lines] == [paper_world.paper.urls.paper]
    assert related_to(paper_world.forum, cast.users["visitor"], paper_world.paper) == []  # only consultations
