"""Memo: materials with versions and content checks, decisions, action items that carry over."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mshub.meetings.models import ActionItem, Material, MaterialVersion
from mshub.meetings.services.meetings import create_meeting
from mshub.meetings.services.minutes import carried_over_actions

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def memo_url(meeting):
    return f"{meeting.get_absolute_url()}memo/"


def test_upload_a_material_then_a_new_version_keeps_the_old_one(announced, cast):
    client = cast.client("steering")
    response = client.post(
        memo_url(announced),
        {
            "section": "material",
            "material-label": "資料1",
            "material-title_ja": "IGF報告",
            "material-file": SimpleUploadedFile("igf.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    material = Material.objects.get(meeting=announced)
    client.post(
        memo_url(announced),
        {"section": "version", "material": material.pk, "file": SimpleUploadedFile("igf-v2.pdf", PDF + b"% v2\n")},
    )
    names = list(MaterialVersion.objects.filter(material=material).values_list("original_name", flat=True))
    assert names == ["igf-v2.pdf", "igf.pdf"]
    download = cast.client("anonymous").get(f"{announced.get_absolute_url()}materials/{material.pk}/")
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).endswith(b"% v2\n")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("slides.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200, "whatever its name says"),
        ("page.pdf", b"<html><script>alert(1)</script></html>\x00", "whatever its name says"),
        ("empty.pdf", b"", "The submitted file is empty"),  # Django's own message
    ],
)
def test_disguised_or_empty_uploads_are_refused_with_a_reason(announced, cast, name, content, message):
    response = cast.client("steering").post(
        memo_url(announced),
        {"section": "material", "material-title_ja": "怪しい資料", "material-file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Material.objects.exists()
    assert 'value="怪しい資料"' in response.content.decode()


def test_oversized_upload_is_refused(announced, cast, settings):
    settings.MATERIAL_MAX_BYTES = 1024
    response = cast.client("steering").post(
        memo_url(announced),
        {
            "section": "material",
            "material-title_ja": "大きすぎる",
            "material-file": SimpleUploadedFile("big.pdf", PDF + b"0" * 2048),
        },
    )
    assert response.status_code == 400
    assert "the limit is" in response.content.decode()
    assert not MaterialVersion.objects.exists()


def test_plain_text_and_utf8_japanese_are_accepted(announced, cast):
    response = cast.client("steering").post(
        memo_url(announced),
        {
            "section": "material",
            "material-title_ja": "メモ",
            "material-file": SimpleUploadedFile("memo.txt", "議事メモ\n".encode()),
        },
    )
    assert response.status_code == 302
    assert MaterialVersion.objects.get().content_type == "text/plain"


def test_open_action_items_carry_over_until_closed(series, announced, cast, forum):
    earlier = create_meeting(series, start=dt.datetime(2020, 1, 1, 18), end=dt.datetime(2020, 1, 1, 20))
    client = cast.client("steering")
    client.post(
        memo_url(earlier),
        {
            "section": "action",
            "action-text_ja": "次回テーマ案をまとめる",
            "action-owner_text": "事務局",
            "action-due": "2020-02-01",
        },
    )
    action = ActionItem.objects.get()
    assert list(carried_over_actions(announced)) == [action]
    assert "次回テーマ案をまとめる" in client.get(memo_url(announced)).content.decode()
    client.post(memo_url(announced), {"section": "close_action", "action": action.pk, "status": "done"})
    action.refresh_from_db()
    assert (action.status, action.closed_in) == ("done", announced)
    assert list(carried_over_actions(announced)) == []


def test_decisions_and_footnotes_are_numbered(announced, cast):
    client = cast.client("steering")
    client.post(memo_url(announced), {"section": "decision", "decision-text_ja": "次回は4月に開催する"})
    client.post(memo_url(announced), {"section": "footnote", "footnote-term": "CSIRT", "footnote-text_ja": "定義1"})
    client.post(memo_url(announced), {"section": "footnote", "footnote-term": "FIRST", "footnote-text_ja": "定義2"})
    assert list(announced.footnotes.values_list("mark", "term")) == [(1, "CSIRT"), (2, "FIRST")]
    assert announced.decisions.get().text_ja == "次回は4月に開催する"


def test_members_cannot_edit_the_memo(announced, cast):
    assert (
        cast.client("member").post(memo_url(announced), {"section": "decision", "decision-text_ja": "x"}).status_code
        == 403
    )


def test_empty_decisions_and_footnotes_are_refused(announced, cast):
    client = cast.client("steering")
    assert client.post(memo_url(announced), {"section": "decision", "decision-text_ja": ""}).status_code == 400
    assert client.post(memo_url(announced), {"section": "footnote", "footnote-term": "X"}).status_code == 400
    assert not announced.decisions.exists()
    assert not announced.footnotes.exists()


def test_open_actions_show_on_the_next_meetings_page_for_the_steering_group(series, announced, cast):
    earlier = create_meeting(series, start=dt.datetime(2020, 1, 1, 18), end=dt.datetime(2020, 1, 1, 20))
    ActionItem.objects.create(meeting=earlier, text_ja="会場を探す", owner_text="事務局")
    assert "会場を探す" in cast.client("steering").get(announced.get_absolute_url()).content.decode()
    assert "会場を探す" not in cast.client("anonymous").get(announced.get_absolute_url()).content.decode()


def test_an_intervention_can_name_a_speaker_of_this_forum_only(announced, cast, forum):
    from mshub.meetings.models import Intervention
    from mshub.meetings.services.agenda import add_item
    from tests.factories import PersonFactory

    item = add_item(announced, title_ja="議題")
    url = f"{announced.get_absolute_url()}agenda/{item.pk}/"
    mine, foreign = PersonFactory(forum=forum), PersonFactory()
    client = cast.client("steering")
    client.post(url, {"action": "intervention", "kind": "C", "text_ja": "記名", "speaker": mine.pk})
    assert (
        client.post(url, {"action": "intervention", "kind": "C", "text_ja": "x", "speaker": foreign.pk}).status_code
        == 400
    )
    assert list(Intervention.objects.values_list("speaker", flat=True)) == [mine.pk]
