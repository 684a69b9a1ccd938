"""Helpers of the publication tests: a hearing with comments written through the models (hearings'
services are the hearings' own), and a paper taken through final to published."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import TestCase
from django.utils import timezone

from mshub.papers.models import Comment, Hearing, Paper
from mshub.papers.services.revisions import latest_revision, save_revision
from mshub.papers.services.states import move
from mshub.people.models import StakeholderGroup

HOSTILE = """# 見出し

本文の段落です。<script>alert('x')</script>

<img src=file:///etc/passwd> ![画像](file:///etc/passwd) [悪いリンク](javascript:alert(1)) [良いリンク](https://example.org/ok)

最後の段落。
"""


def closed_hearing(paper: Paper, commenter: Any, text: str = "第2段落に|縦棒\nと改行。") -> Comment:
    """A closed hearing on the paper's latest revision with one disposed comment on its ¶2."""
    revision = latest_revision(paper)
    now = timezone.now()
    hearing = Hearing.objects.create(
        forum=paper.forum,
        paper=paper,
        revision=revision,
        opens_at=now - dt.timedelta(days=20),
        closes_at=now - dt.timedelta(days=5),
        audience="members",
    )
    paragraph = [p for p in revision.paragraphs if not p["text"].startswith("#")][1]
    return Comment.objects.create(
        forum=paper.forum,
        hearing=hearing,
        revision=revision,
        anchor=paragraph["anchor"],
        paragraph_number=2,
        author=commenter,
        stakeholder_group=StakeholderGroup.objects.get(forum=paper.forum, code="civil-society"),
        text=text,
        disposition="partly",
        reason="一部を反映した。",
        disposed_at=now,
    )


def publish(paper: Paper, actor: Any, *, text: str | None = None) -> Paper:
    """Through hearing (a closed one), revising, final and published; the PDF rendered as after the commit."""
    paper.state = "hearing"
    paper.save(update_fields=["state"])
    comment = closed_hearing(paper, actor)
    move(paper, "revising", actor=actor)
    revision = latest_revision(paper)
    new = save_revision(
        paper, base_number=revision.number, text=text or revision.text + "\n追加の段落。\n", message="反映", actor=actor
    )
    Comment.objects.filter(pk=comment.pk).update(addressed_in=new)
    move(paper, "final", actor=actor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        move(paper, "published", actor=actor)
    paper.refresh_from_db()
    return paper
