"""The demo's position paper: the WSIS WG's paper with three revisions, a closed hearing with
disposed comments from several stakeholder groups, published and submitted."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.core.demo import TASKFORCE
from mshub.core.models import ActivityEntry
from mshub.papers.models import Comment, Paper
from mshub.papers.threads import disposition_rows
from tests.test_demo import load

pytestmark = pytest.mark.django_db


def test_the_demo_holds_a_submitted_paper_with_a_closed_hearing():
    load("--no-meetings")
    paper = Paper.objects.select_related("group", "published_revision").get(forum__slug=TASKFORCE)
    assert paper.group.slug == "wsis"
    assert paper.language == "ja"
    assert paper.state == "submitted"
    assert paper.submitted_on == dt.date(2005, 1, 14)
    assert paper.submission_url.startswith("https://")
    revisions = list(paper.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert len({r.author_id for r in revisions}) == 2
    assert paper.published_revision.number == 3
    assert 8 <= sum(1 for p in revisions[2].paragraphs if not p["text"].startswith("#")) <= 12
    [hearing] = paper.hearings.all()
    assert hearing.revision.number == 2
    assert hearing.is_closed()
    comments = Comment.objects.filter(hearing=hearing)
    top = comments.filter(parent__isnull=True)
    assert 4 <= top.count() <= 6
    assert comments.filter(parent__isnull=False).exists()  # a reply thread
    assert top.values("stakeholder_group").distinct().count() >= 3
    assert all(c.disposition and c.reason for c in top)
    assert {c.disposition for c in top} == {"accepted", "partly", "not", "scope"}
    assert top.filter(addressed_in__number=3).count() >= 2
    assert top.exclude(anchor="").count() >= 4  # anchored to paragraphs
    rows = disposition_rows(paper)
    assert len(rows) == top.count()
    verbs = ActivityEntry.objects.filter(forum__slug=TASKFORCE, verb="papers.state_changed")
    assert [e.data["to"] for e in verbs.order_by("pk")] == ["hearing", "revising", "final", "published", "submitted"]
    assert not Paper.objects.filter(forum__slug="jipf").exists()


def test_loading_the_demo_twice_keeps_one_paper():
    load("--no-meetings")
    load("--no-meetings")
    assert Paper.objects.filter(forum__slug=TASKFORCE).count() == 1
