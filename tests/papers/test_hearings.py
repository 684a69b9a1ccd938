"""Opening hearings, commenting (times, audience, anchors, parents, groups), threads, the pages."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.papers.models import Comment, Hearing
from mshub.papers.services.hearings import add_comment, open_hearing
from mshub.papers.services.revisions import PaperError, create_paper, latest_revision, save_revision
from mshub.papers.threads import comments_by_anchor
from tests.factories import UserFactory, group
from tests.papers.conftest import client_of
from tests.papers.hearing_helpers import anchors, close, hearing_on

pytestmark = pytest.mark.django_db


def test_opening_a_hearing_moves_the_paper_and_refuses_a_second(paper_world):
    hearing = hearing_on(paper_world)
    paper_world.paper.refresh_from_db()
    assert paper_world.paper.state == "hearing"
    assert hearing.revision.number == 1
    now = dt.datetime.now(dt.UTC)
    with pytest.raises(PaperError):
        open_hearing(
            paper_world.paper,
            opens_at=now,
            closes_at=now + dt.timedelta(days=1),
            audience="members",
            actor=paper_world.chair,
        )


@pytest.mark.parametrize(
    ("opens", "closes"),
    [(dt.timedelta(days=2), dt.timedelta(days=1)), (dt.timedelta(days=-3), dt.timedelta(days=-1))],
)
def test_bad_times_are_refused(paper_world, opens, closes):
    now = dt.datetime.now(dt.UTC)
    with pytest.raises(PaperError):
        open_hearing(
            paper_world.paper, opens_at=now + opens, closes_at=now + closes, audience="members", actor=paper_world.chair
        )
    assert not Hearing.objects.exists()


def test_comments_before_the_open_and_after_the_close_are_refused(paper_world):
    hearing = hearing_on(paper_world, opens=dt.timedelta(days=1), closes=dt.timedelta(days=3))
    with pytest.raises(PaperError, match="opens on"):
        add_comment(hearing, user=paper_world.member, text="早すぎ", now=hearing.opens_at - dt.timedelta(seconds=1))
    add_comment(hearing, user=paper_world.member, text="ちょうど", now=hearing.opens_at)
    with pytest.raises(PaperError, match="closed on"):
        add_comment(hearing, user=paper_world.member, text="遅すぎ", now=hearing.closes_at)
    assert Comment.objects.count() == 1


def test_comment_checks_text_anchor_parent_and_group(paper_world):
    hearing = hearing_on(paper_world)
    first = anchors(paper_world)[1]
    comment = add_comment(hearing, user=paper_world.member, text="説明\x00を加えて", anchor=first.anchor)
    assert (comment.paragraph_number, comment.text) == (2, "説明を加えて")
    assert comment.stakeholder_group == group(paper_world.forum, "academia")  # the member's affiliation
    with pytest.raises(PaperError):
        add_comment(hearing, user=paper_world.member, text=" ")
    with pytest.raises(PaperError):
        add_comment(hearing, user=paper_world.member, text="x" * 10_001)
    with pytest.raises(PaperError, match="paragraph"):
        add_comment(hearing, user=paper_world.member, text="偽", anchor="pdeadbeef")
    other = create_paper(paper_world.group, actor=paper_world.chair, text="別の段落。\n", title_ja="別の意見書")
    other_anchor = latest_revision(other).paragraphs[0]["anchor"]
    with pytest.raises(PaperError, match="paragraph"):
        add_comment(hearing, user=paper_world.member, text="偽", anchor=other_anchor)
    other_hearing = open_hearing(
        other, opens_at=hearing.opens_at, closes_at=hearing.closes_at, audience="members", actor=paper_world.chair
    )
    foreign = add_comment(other_hearing, user=paper_world.member, text="他の")
    with pytest.raises(PaperError, match="not one of this hearing"):
        add_comment(hearing, user=paper_world.member, text="返信", parent=foreign)
    reply = add_comment(hearing, user=paper_world.second_member, text="同意", parent=comment, anchor="")
    assert reply.anchor == comment.anchor
    assert reply.stakeholder_group == group(paper_world.forum, "technical-community")


def test_threads_and_comments_on_an_older_revision(paper_world):
    hearing = hearing_on(paper_world)
    target = anchors(paper_world)[0]
    top = add_comment(hearing, user=paper_world.member, text="段落1について", anchor=target.anchor)
    reply = add_comment(hearing, user=paper_world.second_member, text="返信", parent=top)
    add_comment(hearing, user=paper_world.member, text="返信の返信", parent=reply)
    add_comment(hearing, user=paper_world.member, text="全体について")
    close(hearing)
    from mshub.papers.services.states import move

    move(paper_world.paper, "revising", actor=paper_world.chair)
    text = latest_revision(paper_world.paper).text.replace(
        "WSIS作業部会は、マルチステークホルダーによる議論の重要性を強調する。",
        "WSIS作業部会は、マルチステークホルダーによる議論の重要性を改めて強調する。",
    )
    save_revision(paper_world.paper, base_number=1, text=text, message="修正", actor=paper_world.member)
    paper_world.paper.refresh_from_db()
    found = comments_by_anchor(paper_world.paper, paper_world.chair)
    [root] = found[target.anchor]
    assert [c.text for c in root.thread] == ["返信", "返信の返信"]
    assert [c.depth for c in root.thread] == [1, 2]
    assert root.other_revision == 1
    assert [c.text for c in found[""]] == ["全体について"]
    # the paper page (another helper's) includes the paragraph block with these comments
    from django.template.loader import render_to_string

    new = next(p for p in anchors(paper_world) if p.anchor == target.anchor)
    html = render_to_string(
        "papers/_paragraph_extra.html",
        {"paragraph": new, "comments": found[target.anchor], "paper": paper_world.paper, "user": paper_world.chair},
    )
    assert "on revision 1" in html
    assert "返信の返信" in html


def test_who_sees_which_comments(paper_world, cast):
    hearing = hearing_on(paper_world, audience="public")
    outsider = UserFactory(email="outsider@example.org")  # signed in, not a member: in a public hearing
    add_comment(hearing, user=paper_world.member, text="会員の意見")
    add_comment(hearing, user=outsider, text="外部の意見")
    assert len(comments_by_anchor(paper_world.paper, outsider)[""]) == 2  # the audience sees the round
    assert len(comments_by_anchor(paper_world.paper, cast.users["steering"])[""]) == 2
    from django.contrib.auth.models import AnonymousUser

    assert comments_by_anchor(paper_world.paper, AnonymousUser()) == {}


@pytest.mark.parametrize(
    ("audience", "role", "may"),
    [
        ("group", "member", True),
        ("group", "steering", False),
        ("members", "steering", True),
        ("members", "visitor", False),
        ("public", "visitor", True),
        ("public", "anonymous", False),
    ],
)
def test_the_audience_decides_who_comments(paper_world, cast, audience, role, may):
    hearing = hearing_on(paper_world, audience=audience)
    client = cast.client(role)
    response = client.post(hearing.urls.comment_create, {"text": "意見です", "anchor": ""})
    if may:
        assert response.status_code == 302
        assert Comment.objects.filter(hearing=hearing).count() == 1
    else:
        assert response.status_code in (302, 403)
        if role == "anonymous":
            assert "/accounts/login" in response["Location"] or "login" in response["Location"]
        assert not Comment.objects.exists()


def test_the_hearing_page_and_refused_comments(paper_world, cast):
    hearing = hearing_on(paper_world)
    client = client_of(paper_world.member)
    page = client.get(hearing.urls.hearing)
    assert page.status_code == 200
    assert b"comment-form" in page.content
    forged = client.post(hearing.urls.comment_create, {"text": "残したい文", "anchor": "pforged0"})
    assert forged.status_code == 400
    assert "残したい文" in forged.content.decode()
    forged = client.post(hearing.urls.comment_create, {"text": "返信したい", "parent": 999999})
    assert forged.status_code == 400
    assert "not one of this hearing" in forged.content.decode()
    hostile = '<script>alert(1)</script> =HYPERLINK("http://x")'
    assert client.post(hearing.urls.comment_create, {"text": hostile}).status_code == 302
    page = client_of(paper_world.chair).get(hearing.urls.hearing).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page
    assert "Balance" in page
    close(hearing)
    late = client.post(hearing.urls.comment_create, {"text": "遅れた意見"})
    assert late.status_code == 400
    assert "closed on" in late.content.decode()
    assert "遅れた意見" in late.content.decode()


def test_the_hearing_form_reads_times_in_the_forums_zone(paper_world):
    client = client_of(paper_world.chair)
    url = paper_world.paper.urls.hearing_create
    assert client.get(url).status_code == 200
    year = dt.date.today().year + 1
    response = client.post(
        url,
        {
            "opens_at": f"{year}-09-01T09:00",
            "closes_at": f"{year}-09-30T17:00",
            "audience": "members",
            "note": "ご意見を",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    hearing = Hearing.objects.get()
    zone = paper_world.forum.timezone
    from mshub.core.timezones import make_aware_in

    assert hearing.opens_at == make_aware_in(dt.datetime(year, 9, 1, 9, 0), zone)
    assert client_of(paper_world.member).get(url).status_code == 403


def test_htmx_gets_the_paragraphs_comments_back(paper_world):
    hearing = hearing_on(paper_world)
    target = anchors(paper_world)[0].anchor
    client = client_of(paper_world.member)
    headers = {"HX-Request": "true", "HX-Target": f"comments-{target}"}
    saved = client.post(hearing.urls.comment_create, {"text": "htmxで", "anchor": target}, headers=headers)
    assert saved.status_code == 200
    assert f'id="comments-{target}"' in saved.content.decode()
    assert "htmxで" in saved.content.decode()
    refused = client.post(hearing.urls.comment_create, {"text": "x" * 10_001, "anchor": target}, headers=headers)
    assert refused.status_code == 200
    assert 'role="alert"' in refused.content.decode()
    assert Comment.objects.count() == 1


def test_a_published_papers_hearing_is_readable_by_the_public(paper_world, cast):
    from mshub.papers.services.states import move

    hearing = hearing_on(paper_world)
    add_comment(hearing, user=paper_world.member, text="公開後も読める")
    close(hearing)
    for state in ("revising", "final", "published"):
        move(paper_world.paper, state, actor=paper_world.chair)
    page = cast.client("anonymous").get(hearing.urls.hearing)
    assert page.status_code == 200
    body = page.content.decode()
    assert "公開後も読める" in body
    assert "Closed" in body
    assert "comment-form" not in body
    assert cast.client("anonymous").get(paper_world.paper.urls.dispositions_csv).status_code == 200


def test_a_scheduled_hearing_takes_no_comment_yet_and_the_paragraph_block_links_to_an_open_one(paper_world):
    from django.template.loader import render_to_string

    scheduled = hearing_on(paper_world, opens=dt.timedelta(days=1), closes=dt.timedelta(days=5))
    page = client_of(paper_world.chair).get(scheduled.urls.hearing).content.decode()
    assert "Scheduled" in page
    assert "comment-form" not in page
    paragraph = anchors(paper_world)[0]
    context = {"paragraph": paragraph, "comments": None, "paper": paper_world.paper, "user": paper_world.member}
    assert "Comment on this paragraph" not in render_to_string("papers/_paragraph_extra.html", context)
    Hearing.objects.filter(pk=scheduled.pk).update(opens_at=scheduled.opens_at - dt.timedelta(days=2))
    paper_world.paper.__dict__.pop("_mshub_commentable", None)
    html = render_to_string("papers/_paragraph_extra.html", context)
    assert f"{scheduled.urls.hearing}#{paragraph.anchor}" in html
