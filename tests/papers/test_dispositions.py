"""Dispositions: only after the close, reasons, revisions; the table (page, CSV) and the digest mail."""

from __future__ import annotations

import csv
import io

import pytest

from mshub.papers.models import Comment
from mshub.papers.services.hearings import add_comment, dispose
from mshub.papers.services.revisions import PaperError, create_paper, latest_revision
from tests.factories import UserFactory
from tests.mailserver import body_of
from tests.papers.conftest import client_of
from tests.papers.hearing_helpers import anchors, close, hearing_on

pytestmark = pytest.mark.django_db


def commented(world, count=1, user=None, hearing=None):
    hearing = hearing or hearing_on(world)
    targets = anchors(world)
    comments = [
        add_comment(hearing, user=user or world.member, text=f"意見{i}", anchor=targets[i % len(targets)].anchor)
        for i in range(count)
    ]
    return hearing, comments


def test_dispositions_only_after_the_close_with_reasons_and_this_papers_revisions(paper_world):
    hearing, [comment] = commented(paper_world)
    with pytest.raises(PaperError, match="after the hearing closes"):
        dispose(hearing, [(comment, "accepted", "", None)], actor=paper_world.chair)
    close(hearing)
    with pytest.raises(PaperError, match="reason"):
        dispose(hearing, [(comment, "not", " ", None)], actor=paper_world.chair)
    other = create_paper(paper_world.group, actor=paper_world.chair, text="別。\n", title_ja="別")
    with pytest.raises(PaperError, match="revision"):
        dispose(hearing, [(comment, "accepted", "", latest_revision(other))], actor=paper_world.chair)
    reply = Comment.objects.create(
        forum=hearing.forum, hearing=hearing, revision=hearing.revision, parent=comment, text="返信"
    )
    with pytest.raises(PaperError, match="top-level"):
        dispose(hearing, [(reply, "accepted", "", None)], actor=paper_world.chair)
    dispose(hearing, [(comment, "accepted", "", latest_revision(paper_world.paper))], actor=paper_world.chair)
    comment.refresh_from_db()
    assert (comment.disposition, comment.addressed_in.number, comment.disposed_by) == ("accepted", 1, paper_world.chair)


def test_one_digest_per_commenter_and_never_twice(paper_world, smtp, django_capture_on_commit_callbacks):
    hearing, mine = commented(paper_world, 3)
    _same, theirs = commented(paper_world, 1, user=paper_world.second_member, hearing=hearing)
    close(hearing)
    decisions = [(c, "partly", "一部採用", None) for c in mine] + [(theirs[0], "scope", "対象外", None)]
    with django_capture_on_commit_callbacks(execute=True):
        dispose(hearing, decisions, actor=paper_world.chair)
    messages = smtp.wait_for(2)
    assert len(messages) == 2
    by_to = {m["To"]: m for m in messages}
    body = body_of(by_to[paper_world.member.email])
    assert all(f"意見{i}" in body for i in range(3))
    assert "Partly accepted" in body or "一部" in body
    assert not Comment.objects.filter(parent__isnull=True, notified_at__isnull=True).exists()
    with django_capture_on_commit_callbacks(execute=True):
        dispose(hearing, decisions, actor=paper_world.chair)
    assert len(smtp.wait_for(3, timeout=0.5)) == 2


def test_hostile_text_is_inert_in_the_table_csv_and_mail(paper_world, smtp, django_capture_on_commit_callbacks):
    paper = paper_world.paper
    paper.title_ja = "題\r\nBcc: victim@example.org"
    paper.save(update_fields=["title_ja"])
    hearing = hearing_on(paper_world)
    hostile = '=HYPERLINK("http://evil.example/","x") <script>alert(1)</script>'
    comment = add_comment(hearing, user=paper_world.member, text=hostile)
    close(hearing)
    with django_capture_on_commit_callbacks(execute=True):
        dispose(hearing, [(comment, "not", "<b>理由</b>", None)], actor=paper_world.chair)
    [message] = smtp.wait_for(1)
    assert "\n" not in message["Subject"]
    assert message["Bcc"] is None
    assert message.get_content_type() == "text/plain"
    client = client_of(paper_world.member)
    page = client.get(paper.urls.dispositions).content.decode()
    assert "<script>alert" not in page
    assert "<b>理由" not in page
    response = client.get(paper.urls.dispositions_csv)
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1][4].startswith("'=HYPERLINK")


def test_commenters_without_a_mail_or_erased_get_none(paper_world, smtp, django_capture_on_commit_callbacks):
    hearing = hearing_on(paper_world, audience="public")
    erased = UserFactory(email="erased-9@erased.invalid")
    c1 = add_comment(hearing, user=erased, text="消えた人")
    c2 = add_comment(hearing, user=paper_world.member, text="残る人")
    Comment.objects.filter(pk=c2.pk).update(author=None)
    close(hearing)
    with django_capture_on_commit_callbacks(execute=True):
        dispose(hearing, [(c1, "accepted", "", None), (c2, "accepted", "", None)], actor=paper_world.chair)
    assert smtp.wait_for(1, timeout=0.5) == []


def test_the_dispose_page(paper_world):
    hearing, comments = commented(paper_world, 2)
    chair = client_of(paper_world.chair)
    page = chair.get(hearing.urls.dispose)
    assert page.status_code == 200
    assert b"disposition-" not in page.content  # still open: no form
    close(hearing)
    first, second = comments
    data = {f"disposition-{first.pk}": "not", f"reason-{first.pk}": "", f"disposition-{second.pk}": "accepted"}
    refused = chair.post(hearing.urls.dispose, data)
    assert refused.status_code == 400
    assert Comment.objects.exclude(disposition="").count() == 0
    data[f"reason-{first.pk}"] = "範囲外の指摘"
    data[f"addressed-{second.pk}"] = str(latest_revision(paper_world.paper).pk)
    assert chair.post(hearing.urls.dispose, data).status_code == 302
    assert Comment.objects.get(pk=second.pk).addressed_in.number == 1
    assert client_of(paper_world.member).post(hearing.urls.dispose, data).status_code == 403
    table = client_of(paper_world.member).get(paper_world.paper.urls.dispositions).content.decode()
    assert "範囲外の指摘" in table
