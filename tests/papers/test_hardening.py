"""What a review of the papers found, each held by a test: another hearing's comments stay out of the
disposition table, a hearing holds the paper until it closes, a published table no longer changes,
digests are claimed before they are sent and a changed disposition is mailed again, headings take no
comment, a stale save after a state change is refused, comments on removed paragraphs stay on the
page, out-of-range hearing dates are a form error, reference links and the API's Markdown are inert."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from mshub.papers import paragraphs
from mshub.papers.mail import send_digest
from mshub.papers.models import Comment, Paper
from mshub.papers.publication import inert_markdown
from mshub.papers.services.hearings import add_comment, dispose
from mshub.papers.services.revisions import PaperError, latest_revision, save_revision
from mshub.papers.services.states import move
from tests.factories import MembershipFactory, UserFactory
from tests.papers.conftest import client_of
from tests.papers.hearing_helpers import anchors, close, hearing_on

pytestmark = pytest.mark.django_db


def test_a_group_only_hearing_stays_out_of_another_audiences_disposition_table(paper_world):
    first = hearing_on(paper_world, audience="group")
    add_comment(first, user=paper_world.member, text="部会内だけの意見", anchor=anchors(paper_world)[0].anchor)
    close(first)
    move(paper_world.paper, "revising", actor=paper_world.chair)
    second = hearing_on(paper_world, audience="members")
    outsider = UserFactory(email="outsider@example.org")
    MembershipFactory(forum=paper_world.forum, user=outsider, role="member")
    add_comment(second, user=outsider, text="会員としての意見", anchor=anchors(paper_world)[1].anchor)
    page = client_of(outsider).get(paper_world.paper.urls.dispositions).content.decode()
    csv = client_of(outsider).get(paper_world.paper.urls.dispositions_csv).content.decode("utf-8-sig")
    for text in (page, csv):
        assert "会員としての意見" in text
        assert "部会内だけの意見" not in text
    assert "部会内だけの意見" in client_of(paper_world.member).get(paper_world.paper.urls.dispositions).content.decode()


def test_the_paper_stays_in_hearing_until_the_hearing_closes(paper_world):
    hearing = hearing_on(paper_world)
    with pytest.raises(PaperError, match="not closed"):
        move(paper_world.paper, "revising", actor=paper_world.chair)
    close(hearing)
    move(paper_world.paper, "revising", actor=paper_world.chair)
    assert Paper.objects.get(pk=paper_world.paper.pk).state == "revising"


def test_a_published_disposition_table_no_longer_changes(paper_world):
    hearing = hearing_on(paper_world)
    comment = add_comment(hearing, user=paper_world.member, text="意見", anchor=anchors(paper_world)[0].anchor)
    close(hearing)
    dispose(hearing, [(comment, "accepted", "", None)], actor=paper_world.chair)
    for state in ("revising", "final", "published"):
        move(paper_world.paper, state, actor=paper_world.chair)
    hearing.paper.refresh_from_db()
    with pytest.raises(PaperError, match="published"):
        dispose(hearing, [(comment, "not", "やはり不採用", None)], actor=paper_world.chair)
    comment.refresh_from_db()
    assert comment.disposition == "accepted"


def test_a_digest_is_claimed_before_it_is_sent_and_a_changed_disposition_is_mailed_again(paper_world):
    hearing = hearing_on(paper_world)
    comment = add_comment(hearing, user=paper_world.member, text="意見", anchor=anchors(paper_world)[0].anchor)
    close(hearing)
    dispose(hearing, [(comment, "partly", "一部", None)], actor=paper_world.chair)
    mail.outbox.clear()
    assert send_digest(paper_world.paper.pk) == 1
    assert send_digest(paper_world.paper.pk) == 0  # a second job finds the rows claimed
    dispose(hearing, [(comment, "partly", "一部", None)], actor=paper_world.chair)  # unchanged: nothing new
    assert send_digest(paper_world.paper.pk) == 0
    dispose(hearing, [(comment, "not", "再検討の結果不採用", None)], actor=paper_world.chair)
    assert send_digest(paper_world.paper.pk) == 1
    assert "再検討の結果不採用" in mail.outbox[-1].body
    assert len(mail.outbox) == 2


def test_a_heading_takes_no_comment(paper_world):
    hearing = hearing_on(paper_world)
    heading = next(p for p in paragraphs.numbered(hearing.revision.paragraphs) if p.is_heading)
    with pytest.raises(PaperError, match="no such paragraph"):
        add_comment(hearing, user=paper_world.member, text="見出しへの意見", anchor=heading.anchor)
    assert not Comment.objects.exists()


def test_a_save_loaded_before_a_hearing_opened_is_refused(paper_world):
    stale = Paper.objects.get(pk=paper_world.paper.pk)  # loaded by an editor while still a draft
    hearing_on(paper_world)  # the chair opens a hearing meanwhile
    with pytest.raises(PaperError, match="draft or being revised"):
        save_revision(stale, base_number=1, text="書き換え", message="", actor=paper_world.member)
    assert Paper.objects.get(pk=stale.pk).revision_count == 1


def test_comments_on_a_removed_paragraph_stay_on_the_paper_page(paper_world):
    hearing = hearing_on(paper_world)
    target = anchors(paper_world)[1]
    add_comment(hearing, user=paper_world.member, text="この段落は不要では", anchor=target.anchor)
    close(hearing)
    move(paper_world.paper, "revising", actor=paper_world.chair)
    text = latest_revision(paper_world.paper).text.replace(target.text + "\n", "")
    save_revision(paper_world.paper, base_number=1, text=text, message="段落を削除", actor=paper_world.chair)
    page = client_of(paper_world.member).get(paper_world.paper.urls.paper).content.decode()
    assert target.anchor not in {p["anchor"] for p in latest_revision(paper_world.paper).paragraphs}
    assert "この段落は不要では" in page
    assert 'id="removed-paragraphs"' in page


@pytest.mark.parametrize("typed", ["0001-01-01T00:00", "9999-12-31T23:59", "yesterday"])
def test_hearing_dates_out_of_range_are_a_form_error(paper_world, typed):
    response = client_of(paper_world.chair).post(
        paper_world.paper.urls.hearing_create,
        {"opens_at": typed, "closes_at": "2999-01-01T00:00", "audience": "members"},
    )
    assert response.status_code == 400
    assert not paper_world.paper.hearings.exists()


def test_reference_links_and_the_apis_markdown_are_inert(paper_world):
    hostile = (
        "[a][r] [c](javascript:alert(1)) <script>x</script>\n\n[r]: javascript:alert(1)\n[s]: <data:text/html,x>\n"
    )
    made = inert_markdown(hostile)
    assert "javascript:" not in made
    assert "data:" not in made
    assert "<script" not in made
    assert "[c](#)" in made
    revision = save_revision(paper_world.paper, base_number=1, text="本文。\n\n" + hostile, message="", actor=None)
    for state in ("final", "published"):
        move(paper_world.paper, state, actor=paper_world.chair)
    api = Client().get(f"/api/v1/{paper_world.forum.slug}/papers/{paper_world.paper.pk}/")
    assert api.status_code == 200
    for paragraph in api.json()["paragraphs"]:
        assert "javascript:" not in paragraph["text"]
        assert "<script" not in paragraph["text"]
        assert "href" not in paragraph["html"]  # the rendered HTML: the links are text
        assert "<script" not in paragraph["html"]
    assert "javascript:" not in api.json()["text"]
    assert revision.number == 2
