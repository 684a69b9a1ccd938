"""Briefing pages: the builder without scripts and with htmx, publishing, versions, the slides, the
Markdown, the PDF, attaching to an agenda item, and who reads what."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse

from mshub.briefings import builder, publishing
from mshub.briefings.models import Audience, BriefingEntry, BriefingVersion
from tests.briefings.conftest import agenda_item, briefing, trend

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def post(client: Any, b: Any, **data: Any) -> Any:
    return client.post(b.urls.builder, data)


def test_secretariat_creates_a_briefing_from_a_period(cast: Any, sample: dict[str, Any]) -> None:
    client = cast.client("secretariat")
    url = reverse("briefings:create", kwargs={"forum": cast.forum.slug})
    bad = client.post(
        url, {"period_start": "2016-11-30", "period_end": "2016-09-01", "audience": "steering", "language": "ja"}
    )
    assert bad.status_code == 200
    assert "has-error" in bad.content.decode()
    response = client.post(
        url,
        {
            "period_start": "2016-09-01",
            "period_end": "2016-11-30",
            "audience": "steering",
            "language": "ja",
            "title_ja": "動向",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert page.index("NATOがサイバー空間") < page.index("Dynへの攻撃") < page.index("エクアドル")


def test_builder_actions_without_scripts_and_with_htmx(cast: Any, sample: dict[str, Any]) -> None:
    b = briefing(cast.forum)
    client = cast.client("secretariat")
    other = builder.sections_with_entries(b)[-1]
    assert post(client, b, action="section-up", section=other.pk).status_code == 302
    entry = BriefingEntry.objects.get(briefing=b, item=sample["dyn"])
    assert post(client, b, action="exclude", entry=entry.pk).status_code == 302
    entry.refresh_from_db()
    assert not entry.included
    partial = client.post(b.urls.builder, {"action": "include", "entry": entry.pk}, HTTP_HX_REQUEST="true")
    assert partial.status_code == 200
    html = partial.content.decode()
    assert html.startswith('<div id="builder-sections"')
    assert "<html" not in html
    assert (
        post(client, b, action="section", section=other.pk, **{f"section-{other.pk}-note_ja": "注視が必要"}).status_code
        == 302
    )
    other.refresh_from_db()
    assert other.note_ja == "注視が必要"
    assert post(client, b, action="nonsense").status_code == 302
    assert post(client, b, action="exclude", entry="x").status_code == 400
    assert post(client, b, action="exclude", entry=999999).status_code == 404


def test_forged_builder_forms_are_refused_and_change_nothing(cast: Any, sample: dict[str, Any]) -> None:
    b = briefing(cast.forum)
    client = cast.client("secretariat")
    section = builder.sections_with_entries(b)[0]
    entry = BriefingEntry.objects.filter(briefing=b).first()
    assert entry is not None
    # valid edits: an entry's own text, a section moved down
    assert (
        post(client, b, action="entry-text", entry=entry.pk, **{f"entry-{entry.pk}-override_ja": "要約"}).status_code
        == 302
    )
    entry.refresh_from_db()
    assert entry.override_ja == "要約"
    assert post(client, b, action="section-down", section=section.pk).status_code == 302
    # a heading longer than the page's field allows: refused with the reason, nothing saved
    refused = post(client, b, action="section", section=section.pk, **{f"section-{section.pk}-heading_ja": "長" * 201})
    assert refused.status_code == 400
    assert "Not saved" in refused.content.decode()
    section.refresh_from_db()
    assert section.heading_ja != "長" * 201
    settings = post(
        client, b, action="settings", **{"briefing-period_start": "2016-12-01", "briefing-period_end": "2016-01-01"}
    )
    assert settings.status_code == 400
    b.refresh_from_db()
    assert b.period_start != dt.date(2016, 12, 1)


def test_another_briefings_entry_is_not_found(cast: Any, sample: dict[str, Any]) -> None:
    first, second = briefing(cast.forum), briefing(cast.forum)
    entry = BriefingEntry.objects.filter(briefing=second).first()
    assert post(cast.client("secretariat"), first, action="exclude", entry=entry.pk).status_code == 404


def test_publishing_appends_versions_that_never_change(cast: Any, sample: dict[str, Any]) -> None:
    b = briefing(cast.forum)
    client = cast.client("secretariat")
    assert client.post(b.urls.publish, {"message": "初版"}).status_code == 302
    builder.set_included(BriefingEntry.objects.get(briefing=b, item=sample["nato"]), False)
    client.post(b.urls.publish, {"message": "NATOを削除"})
    first, second = BriefingVersion.objects.filter(briefing=b).order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert "NATO" in first.html
    assert "NATO" not in second.html
    with pytest.raises(ValueError, match="frozen"):
        first.save()
    with pytest.raises(ValueError, match="kept"):
        first.delete()
    versions = client.get(b.urls.versions).content.decode()
    assert "NATOを削除" in versions
    assert "v1" in versions
    assert "NATO" in client.get(first.urls.version).content.decode()
    compared = client.get(second.urls.version).content.decode()
    assert "Item dropped: NATOがサイバー空間を第4の作戦領域と定義" in compared
    assert "NATO" not in client.get(b.urls.slides).content.decode()  # the latest
    assert "NATO" in client.get(first.urls.version_slides).content.decode()


def test_an_empty_briefing_is_not_published(cast: Any) -> None:
    b = briefing(cast.forum)
    response = cast.client("secretariat").post(b.urls.publish)
    assert response.status_code == 302
    assert not b.versions.exists()


def test_slides_one_section_per_topic_with_hostile_text_escaped(cast: Any, sample: dict[str, Any]) -> None:
    trend(cast.forum, HOSTILE, dt.date(2016, 10, 1), "dns", summary_ja=HOSTILE, source_name=HOSTILE)
    b = briefing(cast.forum, title_ja=HOSTILE)
    version = publishing.publish(b, cast.users["secretariat"])
    html = cast.client("steering").get(b.urls.slides).content.decode()
    assert html.count('<section class="slide topic-slide">') == 6  # the five of the sample and DNS
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in html
    assert '<html lang="ja">' in html
    assert "<script>alert" not in version.html
    markdown = cast.client("steering").get(b.urls.markdown)
    assert markdown["Content-Type"].startswith("text/markdown")
    text = markdown.content.decode()
    assert "## サイバーセキュリティ" in text
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_english_slides_when_the_briefing_is_in_english(cast: Any, sample: dict[str, Any]) -> None:
    b = briefing(cast.forum, language="en", title_en="Recent trends")
    publishing.publish(b)
    html = cast.client("secretariat").get(b.urls.slides).content.decode()
    assert '<html lang="en">' in html
    assert "Cybersecurity" in html
    assert "Other" in html


@pytest.mark.slow
def test_pdf_rendered_in_the_background_has_japanese_glyphs(
    cast: Any, sample: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    from pypdf import PdfReader

    b = briefing(cast.forum)
    with django_capture_on_commit_callbacks(execute=True):
        version = publishing.publish(b)
    version.refresh_from_db()
    assert version.pdf
    response = cast.client("steering").get(b.urls.pdf)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(b"".join(response.streaming_content)))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "サイバーセキュリティ" in text
    assert "NATO" in text
    box = reader.pages[0].mediabox
    assert abs(float(box.width) / float(box.height) - 16 / 9) < 0.01
    fonts = {str(f["/BaseFont"]) for p in reader.pages for f in (p["/Resources"].get("/Font") or {}).values()}
    assert any("CJK" in f for f in fonts), fonts


def test_pdf_not_yet_rendered_asks_to_come_back(cast: Any, sample: dict[str, Any]) -> None:
    b = briefing(cast.forum)
    publishing.publish(b)  # the test's transaction never commits: the PDF is not rendered
    response = cast.client("steering").get(b.urls.pdf)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


@pytest.mark.parametrize(
    ("audience", "readers"),
    [
        (Audience.STEERING, {"steering", "secretariat"}),
        (Audience.MEMBERS, {"member", "wg_chair", "steering", "secretariat"}),
        (Audience.PUBLIC, {"anonymous", "visitor", "member", "wg_chair", "steering", "secretariat"}),
    ],
)
def test_who_reads_a_published_briefing(cast: Any, sample: dict[str, Any], audience: str, readers: set[str]) -> None:
    b = briefing(cast.forum, audience=audience)
    draft_readers = {
        role
        for role in ("anonymous", "visitor", "member", "steering", "secretariat")
        if cast.client(role).get(b.urls.detail).status_code == 200
    }
    assert draft_readers == {"secretariat"}
    publishing.publish(b)
    for role in ("anonymous", "visitor", "member", "wg_chair", "steering", "secretariat"):
        client = cast.client(role)
        expected = role in readers
        assert (client.get(b.urls.slides).status_code == 200) == expected, role
        assert (client.get(b.urls.markdown).status_code == 200) == expected, role
        listed = str(b) in client.get(reverse("briefings:list", kwargs={"forum": cast.forum.slug})).content.decode()
        assert listed == expected, role
        assert (client.get(b.urls.builder).status_code == 200) == (role == "secretariat"), role


def test_public_briefing_of_a_private_forum_is_for_members(cast: Any, sample: dict[str, Any]) -> None:
    cast.forum.is_public = False
    cast.forum.save()
    b = briefing(cast.forum, audience=Audience.PUBLIC)
    publishing.publish(b)
    assert cast.client("anonymous").get(b.urls.slides).status_code == 302
    assert cast.client("member").get(b.urls.slides).status_code == 200


def test_attach_a_published_version_to_an_agenda_item(cast: Any, sample: dict[str, Any]) -> None:
    from mshub.meetings.models import Material

    item = agenda_item(cast.forum)
    b = briefing(cast.forum)
    client = cast.client("secretariat")
    assert client.post(b.urls.attach, {"item": item.pk, "mode": "link"}).status_code == 200  # nothing published
    assert not Material.objects.filter(item=item).exists()
    version = publishing.publish(b)
    response = client.post(b.urls.attach, {"item": item.pk, "mode": "link"})
    assert response.status_code == 302
    material = Material.objects.get(item=item)
    assert material.url.endswith(version.urls.version_slides)
    assert material.url.startswith("http")
    b.refresh_from_db()
    assert b.agenda_item == item
    assert b.meeting == item.meeting
    refused = client.post(b.urls.attach, {"item": item.pk, "mode": "pdf"})  # the PDF is not rendered yet
    assert refused.status_code == 200
    assert Material.objects.filter(item=item).count() == 1
    meeting_page = client.get(item.meeting.urls.meeting).content.decode()
    assert "(v1)" in meeting_page
