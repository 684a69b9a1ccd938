"""Paragraph anchors, append-only revisions, the save race on one connection, the state machine."""

from __future__ import annotations

import datetime as dt

import pytest

from mshub.core.models.events import ActivityEntry
from mshub.papers import paragraphs
from mshub.papers.merge import merge
from mshub.papers.models import MAX_TEXT, PaperRevision
from mshub.papers.services.revisions import PaperError, RevisionConflictError, latest_revision, save_revision
from mshub.papers.services.states import move, next_states

pytestmark = pytest.mark.django_db


def test_anchors_survive_edits_where_the_paragraph_survives():
    first = paragraphs.anchor("# 題\n\n第一段落です。\n\n第二段落です。\n\n第三段落です。\n")
    edited = "# 題\n\n新しい段落。\n\n第一段落でした。\n\n第三段落です。\n"
    second = paragraphs.anchor(edited, first)
    by_text = {p["text"]: p["anchor"] for p in second}
    assert by_text["# 題"] == first[0]["anchor"]
    assert by_text["第一段落でした。"] == first[1]["anchor"]  # edited, still the same paragraph
    assert by_text["第三段落です。"] == first[3]["anchor"]
    assert by_text["新しい段落。"] not in {p["anchor"] for p in first}
    assert first[2]["anchor"] not in by_text.values()  # the deleted paragraph's anchor is gone
    numbers = [p.number for p in paragraphs.numbered(second)]
    assert numbers == [None, 1, 2, 3]


def test_markdown_renders_inert():
    html = paragraphs.render("<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>")
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_revisions_are_appended_and_never_changed(paper_world):
    paper = paper_world.paper
    revision = save_revision(
        paper, base_number=1, text=latest_revision(paper).text + "\n追記。\n", message="追記", actor=paper_world.member
    )
    assert (revision.number, revision.base_number, revision.author) == (2, 1, paper_world.member)
    paper.refresh_from_db()
    assert paper.revision_count == 2
    with pytest.raises(ValueError, match="append-only"):
        revision.save()
    with pytest.raises(ValueError, match="append-only"):
        revision.delete()
    assert ActivityEntry.objects.filter(verb="papers.revision_saved").count() == 1


def test_the_second_save_from_the_same_base_is_a_conflict(paper_world):
    paper = paper_world.paper
    base = latest_revision(paper).text
    save_revision(paper, base_number=1, text=base + "\n甲の追記。\n", message="", actor=paper_world.member)
    with pytest.raises(RevisionConflictError) as caught:
        save_revision(paper, base_number=1, text=base + "\n乙の追記。\n", message="", actor=paper_world.second_member)
    assert caught.value.current.number == 2
    assert caught.value.base.number == 1
    assert "乙の追記" in caught.value.text
    assert PaperRevision.objects.filter(paper=paper).count() == 2


def test_bad_texts_are_refused(paper_world):
    paper = paper_world.paper
    with pytest.raises(PaperError):
        save_revision(paper, base_number=1, text="x" * (MAX_TEXT + 1), message="", actor=None)
    with pytest.raises(PaperError):
        save_revision(paper, base_number=1, text=" \x00 ", message="", actor=None)
    with pytest.raises(PaperError):
        save_revision(paper, base_number=1, text=latest_revision(paper).text, message="", actor=None)
    revision = save_revision(paper, base_number=1, text="本文\x00です。", message="", actor=None)
    assert "\x00" not in revision.text
    paper.refresh_from_db()
    assert paper.revision_count == 2


def test_merge_keeps_both_editors_changes():
    base = "第一段落。\n\n第二段落です。\n\n第三段落。\n"
    mine = base.replace("第一段落。", "第一段落（甲）。")
    theirs = base.replace("第三段落。", "第三段落（乙）。")
    result = merge(base, mine, theirs)
    assert result.is_clean
    assert "（甲）" in result.text
    assert "（乙）" in result.text


def test_states_move_only_along_the_cycle(paper_world):
    paper = paper_world.paper
    assert next_states(paper) == ["hearing", "final"]
    with pytest.raises(PaperError):
        move(paper, "published", actor=paper_world.chair)
    move(paper, "final", actor=paper_world.chair)
    move(paper, "published", actor=paper_world.chair)
    assert paper.published_revision.number == 1
    with pytest.raises(PaperError):
        move(paper, "submitted", actor=paper_world.chair, submitted_on=dt.date.today() + dt.timedelta(days=5))
    move(paper, "submitted", actor=paper_world.chair, submitted_on=dt.date(2004, 10, 14))
    paper.refresh_from_db()
    assert paper.submitted_to == "WGIG意見募集"
    assert paper.state == "submitted"
    assert ActivityEntry.objects.filter(verb="papers.state_changed").count() == 3


def test_the_disposition_table_lists_top_level_comments_without_names(paper_world):
    from django.utils import timezone

    from mshub.papers.models import Comment, Hearing
    from mshub.papers.threads import disposition_rows
    from tests.factories import group

    paper = paper_world.paper
    revision = latest_revision(paper)
    now = timezone.now()
    hearing = Hearing.objects.create(
        forum=paper.forum,
        paper=paper,
        revision=revision,
        opens_at=now - dt.timedelta(days=10),
        closes_at=now - dt.timedelta(days=1),
        audience="members",
    )
    anchor = paragraphs.numbered(revision.paragraphs)[2]
    first = Comment.objects.create(
        forum=paper.forum,
        hearing=hearing,
        revision=revision,
        anchor=anchor.anchor,
        paragraph_number=anchor.number,
        author=paper_world.member,
        stakeholder_group=group(paper.forum, "academia"),
        text="**透明性**の定義を明確に。",
        disposition="partly",
        reason="定義を脚注に追加した。",
    )
    Comment.objects.create(
        forum=paper.forum, hearing=hearing, revision=revision, parent=first, author=paper_world.chair, text="返信"
    )
    rows = disposition_rows(paper)
    assert len(rows) == 1
    assert (rows[0].paragraph, rows[0].revision, rows[0].text) == (2, 1, "透明性の定義を明確に。")
    assert rows[0].disposition == "Partly accepted"
    assert rows[0].stakeholder_group in {"学術", "Academia"}
