"""The papers' pages: who sees and edits what, the paper with its numbered paragraphs, revisions,
the side-by-side comparison, the edit form's failures and the conflict page with its merge."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from mshub.core.models import Membership, Role
from mshub.papers import paragraphs
from mshub.papers.access import readable
from mshub.papers.models import MAX_TEXT, Paper, PaperRevision
from mshub.papers.services.revisions import latest_revision, save_revision
from mshub.papers.services.states import move
from tests.factories import UserFactory
from tests.papers.conftest import client_of

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<script>alert("x")</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n'
    '<a href="javascript:alert(2)">a</a>\n'
)


def outsider(forum) -> Client:
    """A member of the forum who is in no working group."""
    user = UserFactory(email="outsider@example.org")
    Membership.objects.create(forum=forum, user=user, role=Role.MEMBER)
    client = Client()
    client.force_login(user)
    return client


def edit(client: Client, paper: Paper, text: str, base: int, message: str = "") -> object:
    return client.post(paper.urls.paper_edit, {"text": text, "message": message, "base_number": base})


def assert_inert(body: str) -> None:
    assert "<script>alert" not in body
    assert not re.search(r"<a\s[^>]*href=\"?javascript", body)
    assert not re.search(r"<img\b", body)


# --- who may do what ------------------------------------------------------------------------------


def test_group_members_read_and_edit_the_draft(paper_world):
    paper = paper_world.paper
    member = client_of(paper_world.member)
    page = member.get(paper.urls.paper)
    assert page.status_code == 200
    assert member.get(paper.urls.paper_edit).status_code == 200
    text = latest_revision(paper).text.replace("強調する", "重視する")
    response = edit(member, paper, text, 1, "表現")
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.revision_count == 2
    assert latest_revision(paper).author == paper_world.member


def test_a_forum_member_outside_the_group_neither_reads_nor_edits_a_draft(paper_world, cast):
    paper = paper_world.paper
    client = outsider(paper_world.forum)
    for url in (paper.urls.paper, paper.urls.paper_edit, paper.urls.revisions, paper.urls.compare):
        assert client.get(url).status_code == 403, url
    response = edit(client, paper, "乗っ取り。\n", 1)
    assert response.status_code == 403
    assert PaperRevision.objects.filter(paper=paper).count() == 1
    index = client.get(reverse("papers:index", kwargs={"forum": paper_world.forum.slug}))
    assert index.status_code == 200
    assert "WGIG" not in index.content.decode()  # the draft is not listed either
    assert cast.client("visitor").get(paper.urls.paper).status_code == 403
    anonymous = Client().get(paper.urls.paper)
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]


def test_a_published_paper_is_read_by_the_forums_readers_but_edited_by_no_one(paper_world, cast):
    paper = paper_world.paper
    move(paper, "final", actor=paper_world.chair)
    move(paper, "published", actor=paper_world.chair)
    assert Client().get(paper.urls.paper).status_code == 200
    assert outsider(paper_world.forum).get(paper.urls.paper).status_code == 200
    member = client_of(paper_world.member)
    page = member.get(paper.urls.paper_edit)
    assert "can be edited only while" in page.content.decode()
    response = edit(member, paper, "新しい本文。\n", 1)
    assert response.status_code == 400
    assert "only while it is a draft" in response.content.decode()
    assert "新しい本文。" in response.content.decode()


def test_chairs_create_papers_members_cannot(paper_world, cast):
    group = paper_world.group
    url = reverse("papers:paper-create", kwargs={"forum": paper_world.forum.slug, "group": group.slug})
    data = {"title_ja": "第二の意見書", "title_en": "", "language": "ja", "text": "本文。\n", "message": ""}
    assert client_of(paper_world.member).get(url).status_code == 403
    assert client_of(paper_world.member).post(url, data).status_code == 403
    chair = client_of(paper_world.chair)
    assert chair.get(url).status_code == 200
    response = chair.post(url, data)
    assert response.status_code == 302
    paper = Paper.objects.get(title_ja="第二の意見書")
    assert (paper.group, paper.revision_count, paper.consultation) == (group, 1, None)
    no_title = chair.post(url, {**data, "title_ja": ""})
    assert no_title.status_code == 200
    assert "Give the paper a title" in no_title.content.decode()
    other = paper_world.base.__dict__.get("other")
    if other is not None:  # the chair of the WSIS WG chairs no other group
        other_url = reverse("papers:paper-create", kwargs={"forum": paper_world.forum.slug, "group": other.slug})
        assert chair.get(other_url).status_code == 403


def test_the_readable_query_agrees_with_the_rule(paper_world, cast):
    forum = paper_world.forum
    published = Paper.objects.create(forum=forum, group=paper_world.group, title_en="Published", state="published")
    papers = Paper.objects.filter(forum=forum).select_related("forum", "group")
    users = [*cast.users.values(), paper_world.second_member, UserFactory(email="nobody@example.org")]
    from django.contrib.auth.models import AnonymousUser

    for user in [*users, AnonymousUser()]:
        by_rule = {p.pk for p in papers if user.has_perm("papers.view_paper", p)}
        by_query = set(readable(papers, user, forum).values_list("pk", flat=True))
        assert by_query == by_rule, user
    assert published.pk in set(readable(papers, AnonymousUser(), forum).values_list("pk", flat=True))


# --- the paper page ---------------------------------------------------------------------------------


def test_the_paper_page_numbers_paragraphs_with_anchors(paper_world):
    paper = paper_world.paper
    body = client_of(paper_world.member).get(paper.urls.paper).content.decode()
    numbered = paragraphs.numbered(latest_revision(paper).paragraphs)
    for p in numbered:
        assert f'id="{p.anchor}"' in body
        if p.number:
            assert f'href="#{p.anchor}"' in body
            assert f"¶{p.number}" in body
    assert "¶5" not in body  # four numbered blocks: the heading carries none
    assert "revision 1 by" in body
    assert paper_world.group.urls.group in body
    assert "/consultations/" in body
    assert paper.urls.paper_edit in body
    assert paper.urls.revisions in body


def test_hostile_markdown_is_inert_on_paper_revision_and_compare_pages(paper_world):
    paper = paper_world.paper
    member = client_of(paper_world.member)
    assert edit(member, paper, latest_revision(paper).text + "\n" + HOSTILE, 1).status_code == 302
    for url in (paper.urls.paper, PaperRevision.objects.get(paper=paper, number=2).urls.revision, paper.urls.compare):
        response = member.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert_inert(body)
        assert "&lt;script&gt;" in body, url


def test_nul_bytes_are_refused_and_oversized_text_is_refused_with_the_text_kept(paper_world):
    paper = paper_world.paper
    member = client_of(paper_world.member)
    # the site refuses a form with a NUL byte before any view (mshub/core/params.py): nothing is written
    response = edit(member, paper, "本文\x00です。\n", 1, "NUL\x00")
    assert response.status_code == 400
    assert PaperRevision.objects.filter(paper=paper).count() == 1
    assert edit(member, paper, "本文です。\n", 1).status_code == 302
    big = "長" * (MAX_TEXT + 5) + "TAIL-MARK"
    refused = edit(member, paper, big, 2, "大きすぎ")
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "too long" in body
    assert "TAIL-MARK" in body
    assert "大きすぎ" in body
    paper.refresh_from_db()
    assert paper.revision_count == 2


def test_an_unchanged_text_is_refused_and_kept(paper_world):
    paper = paper_world.paper
    text = latest_revision(paper).text
    response = edit(client_of(paper_world.member), paper, text, 1, "同じ")
    assert response.status_code == 400
    assert "Nothing changed" in response.content.decode()
    assert "同じ" in response.content.decode()


# --- revisions and the comparison ---------------------------------------------------------------------


def test_revisions_list_and_revision_pages(paper_world):
    paper = paper_world.paper
    text = latest_revision(paper).text
    save_revision(paper, base_number=1, text=text + "\n追記。\n", message="追記した", actor=paper_world.member)
    client = client_of(paper_world.member)
    body = client.get(paper.urls.revisions).content.decode()
    assert "追記した" in body
    assert "原案" in body
    assert "?from=1&amp;to=2" in body
    old = client.get(PaperRevision.objects.get(paper=paper, number=1).urls.revision).content.decode()
    assert "This is an earlier text" in old
    assert "追記。" not in old
    assert client.get(f"{paper.urls.paper}revisions/9/").status_code == 404


def test_the_comparison_marks_exactly_the_changed_japanese_characters(paper_world):
    paper = paper_world.paper
    text = latest_revision(paper).text.replace("強調する", "重視する").replace("以上。", "")
    save_revision(paper, base_number=1, text=text + "\n新しい段落。\n", message="", actor=paper_world.member)
    body = client_of(paper_world.member).get(paper.urls.compare).content.decode()
    assert "<del>強調</del>" in body
    assert "<ins>重視</ins>" in body
    assert re.findall(r"<(?:del|ins)>([^<]*)</(?:del|ins)>", body) == ["強調", "重視"]
    assert "重要性を<ins>重視</ins>する。" in body
    assert 'class="diff-removed"' in body
    assert "以上。" in body
    assert 'class="diff-added"' in body
    assert "新しい段落。" in body
    same = client_of(paper_world.member).get(paper.urls.compare + "?from=2&to=2")
    assert same.status_code == 200
    assert "<ins>" not in same.content.decode()
    odd = client_of(paper_world.member).get(paper.urls.compare + "?from=x&to=99")
    assert odd.status_code == 200


def test_hostile_text_is_escaped_in_the_diff():
    from mshub.papers.diff import inline, side_by_side

    old, new = inline("<script>a</script>", '<script>b</script><img src=x onerror="1">')
    assert "<script" not in old + new
    assert "<img" not in new
    assert "&lt;script&gt;" in new
    first = paragraphs.anchor("一。\n\n二。\n\n三。\n")
    second = paragraphs.anchor("一。\n\n三です。\n\n四。\n", first)
    rows = side_by_side(first, second)
    assert [r.kind for r in rows] == ["same", "removed", "changed", "added"]
    assert [(r.old_number, r.new_number) for r in rows] == [(1, 1), (2, None), (3, 2), (None, 3)]


# --- the conflict ---------------------------------------------------------------------------------------


def test_a_conflicting_save_shows_both_versions_and_a_merge_that_saves_as_revision_3(paper_world):
    paper = paper_world.paper
    base = latest_revision(paper).text
    first = client_of(paper_world.member)
    second = client_of(paper_world.second_member)
    assert first.get(paper.urls.paper_edit).status_code == 200
    assert second.get(paper.urls.paper_edit).status_code == 200
    theirs = base.replace("強調する", "重視する")
    mine = base.replace("以上。", "以上、提案する。")
    assert edit(first, paper, theirs, 1, "甲の修正").status_code == 302
    response = edit(second, paper, mine, 1, "乙の修正")
    assert response.status_code == 409
    body = response.content.decode()
    assert "Revision 2 was saved by" in body
    assert "甲の修正" in body
    assert "以上、提案する。" in body  # your version, and in the merge
    assert "重視" in body
    assert 'name="base_number" value="2"' in body
    assert "乙の修正" in body
    merged = response.context["merged"]
    assert merged.failed == 0
    assert "重視する" in merged.text
    assert "以上、提案する。" in merged.text
    saved = edit(second, paper, merged.text, 2, "乙の修正（統合）")
    assert saved.status_code == 302
    paper.refresh_from_db()
    assert paper.revision_count == 3
    text = latest_revision(paper).text
    assert "重視する" in text
    assert "以上、提案する。" in text
    assert latest_revision(paper).author == paper_world.second_member


def test_a_merge_that_cannot_place_a_change_says_so_and_shows_the_full_text(paper_world):
    paper = paper_world.paper
    base = latest_revision(paper).text
    save_revision(paper, base_number=1, text="# 全く別の文書\n\n書き直した。\n", message="", actor=paper_world.member)
    mine = base.replace("透明性と説明責任", "透明性、説明責任と包摂性")
    response = edit(client_of(paper_world.second_member), paper, mine, 1)
    assert response.status_code == 409
    body = response.content.decode()
    if response.context["merged"].failed:
        assert 'data-testid="merge-failed"' in body
    assert "透明性、説明責任と包摂性" in body  # the full text beside the merge
    assert PaperRevision.objects.filter(paper=paper).count() == 2


# --- the working group's page ---------------------------------------------------------------------------


def test_the_group_page_lists_its_papers_and_offers_chairs_to_start_one(paper_world, cast):
    group = paper_world.group
    chair = client_of(paper_world.chair).get(group.urls.group).content.decode()
    assert "Position papers" in chair
    assert paper_world.paper.urls.paper in chair
    assert "Start a paper" in chair
    member = client_of(paper_world.member).get(group.urls.group).content.decode()
    assert paper_world.paper.urls.paper in member
    assert "Start a paper" not in member
    stranger = outsider(paper_world.forum).get(group.urls.group).content.decode()
    assert paper_world.paper.urls.paper not in stranger  # a draft is for the group
    index = Client().get(reverse("workinggroups:index", kwargs={"forum": paper_world.forum.slug}))
    assert reverse("papers:index", kwargs={"forum": paper_world.forum.slug}) in index.content.decode()


@pytest.mark.parametrize("base", ["99", "0", "x", "99999999999999999999"])
def test_a_forged_base_revision_never_breaks_the_page_and_keeps_the_text(paper_world, base):
    paper = paper_world.paper
    response = client_of(paper_world.member).post(
        paper.urls.paper_edit, {"text": "偽の基点からの本文。", "message": "m", "base_number": base}
    )
    assert response.status_code in (400, 409)
    assert "偽の基点からの本文。" in response.content.decode()
    assert PaperRevision.objects.filter(paper=paper).count() == 1


def test_a_new_paper_with_an_oversized_text_or_hostile_title_keeps_what_was_typed(paper_world):
    url = reverse("papers:paper-create", kwargs={"forum": paper_world.forum.slug, "group": paper_world.group.slug})
    chair = client_of(paper_world.chair)
    big = "長" * (MAX_TEXT + 1) + "TAIL-MARK"
    title = '<script>alert("t")</script>題'
    response = chair.post(url, {"title_ja": title, "language": "ja", "text": big, "message": "最初"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "too long" in body
    assert "TAIL-MARK" in body
    assert "&lt;script&gt;alert" in body
    assert "<script>alert" not in body
    assert not Paper.objects.filter(title_ja=title).exists()
    made = chair.post(url, {"title_ja": title, "language": "ja", "text": "本文。", "message": ""})
    assert made.status_code == 302
    page = chair.get(made["Location"]).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
