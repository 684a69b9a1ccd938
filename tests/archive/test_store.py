"""Storing imports: idempotent, corrections kept, presenters matched to the registry, provenance."""

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import TestCase

from mshub.archive.models import ArchiveDocument, SourceLink
from mshub.meetings.models import AgendaItem, Decision, Intervention, Meeting
from mshub.meetings.services.minutes import add_decision
from mshub.meetings.services.registration import participation
from mshub.people.models import Person
from tests.archive.variants import MEMO, WIDE
from tests.factories import AffiliationFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _import(path, forum, *extra):
    out = StringIO()
    call_command("importdocs", str(path), "--forum", forum.slug, *extra, stdout=out)
    return out.getvalue()


def test_a_report_becomes_a_meeting_with_agenda_minutes_and_provenance(forum, tmp_path):
    aoyama = PersonFactory(forum=forum, family_name_ja="青山", given_name_ja="葵")
    path = tmp_path / "report23.txt"
    path.write_text(WIDE, encoding="utf-8")
    assert "stored as document" in _import(path, forum)
    meeting = Meeting.objects.get(forum=forum, number=23)
    assert meeting.local_start.strftime("%Y-%m-%d %H:%M") == "2019-11-07 18:30"
    assert meeting.venue_ja == "みなとカンファレンスセンター 会議室Ｂ"
    counts = participation(meeting)
    assert (counts.onsite, counts.remote) == (42, 17)
    item = AgendaItem.objects.get(meeting=meeting, title_ja="地域IGFの報告")
    assert item.presenters.get().person == aoyama  # matched in the registry, not duplicated
    assert [i.kind for i in Intervention.objects.filter(item=item)] == ["Q", "A", "C"]
    # Numbered as the item page numbers them: an entry added there afterwards comes last.
    assert [i.position for i in Intervention.objects.filter(item=item)] == [1, 2, 3]
    from mshub.core.models import ActivityEntry

    # One log entry for the import, naming the meeting: not a second "meeting.created" beside it.
    assert list(ActivityEntry.objects.values_list("verb", "target_id")) == [("archive.imported", str(meeting.pk))]
    assert AgendaItem.objects.get(meeting=meeting, title_ja="アジアの動き").outcome == "deferred"
    assert meeting.footnotes.get(mark=1).text_ja.startswith("特定サービス")
    # A presenter not in the registry is created, with the affiliation the report gives for that day.
    ishikawa = Person.objects.get(forum=forum, family_name_ja="石川")
    assert ishikawa.affiliation_on(dt.date(2019, 11, 7)).organization.name_ja == "デジタル通信省 国際政策課"
    document = ArchiveDocument.objects.get(forum=forum)
    assert document.meeting == meeting
    assert SourceLink.objects.filter(document=document, key="item:2.1").exists()


def test_importing_the_same_file_twice_changes_nothing(forum, tmp_path):
    path = tmp_path / "report23.txt"
    path.write_text(WIDE, encoding="utf-8")
    assert _import(path, forum).endswith("1 file(s): 1 read, 0 failed; 1 stored, 0 unchanged (imported before)\n")
    counts = (
        Meeting.objects.count(),
        AgendaItem.objects.count(),
        Intervention.objects.count(),
        Person.objects.count(),
        ArchiveDocument.objects.count(),
        SourceLink.objects.count(),
    )
    again = _import(path, forum)
    assert "already stored as document" in again
    assert again.endswith("; 0 stored, 1 unchanged (imported before)\n")
    assert (
        Meeting.objects.count(),
        AgendaItem.objects.count(),
        Intervention.objects.count(),
        Person.objects.count(),
        ArchiveDocument.objects.count(),
        SourceLink.objects.count(),
    ) == counts


def test_a_corrected_reimport_updates_but_keeps_manual_corrections(forum, tmp_path):
    first = tmp_path / "v1.txt"
    first.write_text(WIDE, encoding="utf-8")
    _import(first, forum)
    meeting = Meeting.objects.get(number=23)
    item = AgendaItem.objects.get(meeting=meeting, title_ja="地域IGFの報告")
    item.title_ja = "地域IGF(APrIGF)の報告"  # corrected by hand
    item.save()
    corrected = tmp_path / "v2.txt"
    corrected.write_text(
        WIDE.replace("会議室Ｂ", "会議室C").replace("地域IGFの報告", "地域IGFからの報告"), encoding="utf-8"
    )
    _import(corrected, forum)
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert meeting.venue_ja.endswith("会議室C")  # untouched field: updated
    assert item.title_ja == "地域IGF(APrIGF)の報告"  # manual correction: kept
    assert Meeting.objects.filter(number=23).count() == 1
    _import(corrected.rename(tmp_path / "v3.txt"), forum, "--overwrite")
    item.refresh_from_db()
    assert item.title_ja == "地域IGF(APrIGF)の報告"  # same bytes as v2: nothing to do
    third = tmp_path / "v4.txt"
    third.write_text(WIDE.replace("地域IGFの報告", "地域IGFからの報告"), encoding="utf-8")
    _import(third, forum, "--overwrite")
    item.refresh_from_db()
    assert item.title_ja == "地域IGFからの報告"


def test_a_known_person_keeps_their_registry_affiliation(forum, tmp_path):
    person = PersonFactory(forum=forum, family_name_ja="青山", given_name_ja="葵")
    org = OrganizationFactory(forum=forum, name_ja="北辰大学 法学部")
    AffiliationFactory(person=person, organization=org, start=dt.date(2010, 1, 1))
    path = tmp_path / "r.txt"
    path.write_text(WIDE, encoding="utf-8")
    _import(path, forum)
    assert person.affiliations.count() == 1  # the report agrees with the registry: nothing added


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_original_file_and_its_text_are_kept(forum, tmp_path, media):
    path = tmp_path / "report23.txt"
    path.write_bytes(WIDE.encode())
    _import(path, forum)
    document = ArchiveDocument.objects.get(forum=forum)
    assert document.file.read() == WIDE.encode()
    assert document.size == len(WIDE.encode())
    assert (document.kind, document.pages) == ("text", 3)  # the text's form feeds are its pages
    assert document.page_texts()[1].startswith("みなと政策会合 事務局\n- 2 -")


def test_a_memo_becomes_a_steering_meeting_with_attendees_materials_decisions_and_actions(forum, tmp_path, media):
    ishikawa = PersonFactory(forum=forum, family_name_ja="石川", given_name_ja="健")
    aoyama = PersonFactory(forum=forum, family_name_ja="青山", given_name_ja="葵")
    PersonFactory(forum=forum, family_name_ja="上田", given_name_ja="恵")
    PersonFactory(forum=forum, family_name_ja="上田", given_name_ja="浩")  # two 上田: not guessed
    path = tmp_path / "memo8.txt"
    path.write_text(MEMO, encoding="utf-8")
    _import(path, forum)
    meeting = Meeting.objects.get(forum=forum, series__is_steering=True)
    assert meeting.number == 8
    assert set(meeting.attendances.values_list("person", flat=True)) == {ishikawa.pk, aoyama.pk}
    document = ArchiveDocument.objects.get(forum=forum)
    assert any("上田" in w for w in document.parsed["warnings"])
    assert list(meeting.decisions.order_by("position").values_list("text_ja", flat=True)) == [
        "次回はデータ流通をテーマとする。",
        "開催は７月を目途とする。",
    ]
    actions = {a.text_ja: a.owner_text for a in meeting.action_items.all()}
    assert actions["登壇候補者に打診する"] == "石川"
    assert actions["会場を予約する"] == "事務局"
    assert [(m.label, m.title_ja) for m in meeting.materials.all()] == [
        ("資料1", "前回アンケート結果"),
        ("資料2", "次回会合の企画案"),
    ]
    keys = set(SourceLink.objects.filter(document=document).values_list("key", flat=True))
    assert {"meeting", "attendee", "decision:1", "action:1", "material:資料1"} <= keys
    counts = (meeting.decisions.count(), meeting.action_items.count(), meeting.materials.count())
    _import(path, forum)  # the same file: nothing changes
    assert (meeting.decisions.count(), meeting.action_items.count(), meeting.materials.count()) == counts


def test_a_memo_without_a_number_is_numbered_and_found_again_by_its_date(forum, tmp_path, media):
    undated = MEMO.replace("第８回 運営委員会 議事メモ", "運営委員会 議事メモ")
    first = tmp_path / "memo.txt"
    first.write_text(undated, encoding="utf-8")
    _import(first, forum)
    meeting = Meeting.objects.get(forum=forum, series__is_steering=True)
    assert meeting.number == 1
    second = tmp_path / "memo-corrected.txt"
    second.write_text(undated.replace("オンライン", "会議室A"), encoding="utf-8")
    _import(second, forum)
    meeting.refresh_from_db()
    assert Meeting.objects.filter(series=meeting.series).count() == 1
    assert meeting.venue_ja == "会議室A"


def test_a_meeting_entered_in_mshub_is_not_overwritten_by_an_import(forum, tmp_path, media):
    from mshub.meetings.models import MeetingSeries
    from mshub.meetings.services.meetings import create_meeting

    series = MeetingSeries.objects.create(forum=forum, slug="minato", name_ja="みなとインターネット政策会合")
    start = dt.datetime(2019, 11, 7, 9, 30, tzinfo=dt.UTC)
    create_meeting(series, start=start, end=start + dt.timedelta(hours=2), number=23, venue_ja="手入力の会場")
    path = tmp_path / "report23.txt"
    path.write_text(WIDE, encoding="utf-8")
    out = _import(path, forum)  # the report names this series: it is found by its name
    assert "already exists" in out
    assert "not stored" in out
    meeting = Meeting.objects.get(series=series, number=23)
    assert meeting.venue_ja == "手入力の会場"
    assert not ArchiveDocument.objects.exists()
    assert not meeting.agenda_items.exists()
    archive_files = tmp_path / "media" / "archive"
    assert not archive_files.exists() or not any(archive_files.rglob("*.txt"))  # no file left behind
    _import(path, forum, "--series", "archive")  # stored elsewhere when asked
    assert Meeting.objects.get(series__slug="archive", number=23).venue_ja.startswith("みなと")


def test_the_document_page_lists_every_record_with_its_page_and_serves_the_original(cast, tmp_path, media):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path = tmp_path / "report23.txt"
    path.write_text(WIDE, encoding="utf-8")
    _import(path, cast.forum)
    document = ArchiveDocument.objects.get()
    client = cast.client("secretariat")
    with CaptureQueriesContext(connection) as small:
        page = client.get(document.get_absolute_url()).content.decode()
    assert "欧州の動き" in page
    assert "item:2.1" in page
    assert 'id="page-3"' in page  # the text by page, for the page links
    original = client.get(f"{document.get_absolute_url()}original")
    assert b"".join(original.streaming_content) == WIDE.encode()
    assert "report23.txt" in original["Content-Disposition"]
    assert cast.client("steering").get(document.get_absolute_url()).status_code == 403
    # More records, the same number of queries.
    bigger = tmp_path / "report24.txt"
    extra = "".join(f"４．{n}．追加{n}\n" for n in range(1, 30))
    bigger.write_text(
        WIDE.replace("第２３回", "第２４回").replace(
            "３．次回テーマの検討\n", "３．次回テーマの検討\n４．追加\n" + extra, 1
        ),
        encoding="utf-8",
    )
    _import(bigger, cast.forum)
    large_doc = ArchiveDocument.objects.get(name="report24.txt")
    assert large_doc.links.count() > document.links.count() + 20
    with CaptureQueriesContext(connection) as large:
        client.get(large_doc.get_absolute_url())
    assert len(large) == len(small)


def test_an_import_is_removed_with_the_meeting_it_made(cast, tmp_path, media):
    from mshub.core.models import ActivityEntry

    path = tmp_path / "report23.txt"
    path.write_text(WIDE, encoding="utf-8")
    _import(path, cast.forum)
    document = ArchiveDocument.objects.get()
    stored = document.file.path
    client = cast.client("secretariat")
    remove = f"{document.get_absolute_url()}remove/"
    assert "欧州の動き" not in client.get(remove).content.decode()  # a confirmation, not the records
    assert cast.client("steering").post(remove).status_code == 403
    assert ArchiveDocument.objects.exists()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(remove)
    assert response.status_code == 302
    assert not ArchiveDocument.objects.exists()
    assert not SourceLink.objects.exists()
    assert not Meeting.objects.filter(number=23).exists()
    assert not Path(stored).exists()
    assert Person.objects.filter(family_name_ja="石川").exists()  # the registry keeps who was added
    assert ActivityEntry.objects.filter(verb="archive.removed").exists()
    _import(path, cast.forum)  # and it can be imported again
    assert Meeting.objects.filter(number=23).exists()


def test_removing_one_version_keeps_a_meeting_another_version_made(forum, tmp_path, media):
    from mshub.archive.store import remove_document

    first, second = tmp_path / "v1.txt", tmp_path / "v2.txt"
    first.write_text(WIDE, encoding="utf-8")
    second.write_text(WIDE.replace("会議室Ｂ", "会議室C"), encoding="utf-8")
    _import(first, forum)
    _import(second, forum)
    assert remove_document(ArchiveDocument.objects.get(name="v2.txt")) is False
    assert Meeting.objects.filter(number=23).exists()
    assert remove_document(ArchiveDocument.objects.get(name="v1.txt")) is True
    assert not Meeting.objects.filter(number=23).exists()


def test_a_web_memo_records_attendees_and_secretariat_staff_found_in_the_registry(forum, tmp_path, media):
    from tests.archive.real_shapes import MEMO_WEB

    staff = PersonFactory(forum=forum, family_name_ja="千葉", given_name_ja="遥")
    path = tmp_path / "memo.txt"
    path.write_text(MEMO_WEB, encoding="utf-8")
    _import(path, forum)
    meeting = Meeting.objects.get(forum=forum, series__is_steering=True)
    assert staff.pk in set(meeting.attendances.values_list("person", flat=True))  # the note-taker attended
    document = ArchiveDocument.objects.get()
    assert any("小池" in w for w in document.parsed["warnings"])  # not in the registry: named, not guessed


def test_a_stored_batch_goes_on_past_bad_files_and_a_dry_run_writes_nothing(forum, tmp_path, media, monkeypatch):
    from mshub.archive import sources
    from mshub.core.models import ActivityEntry
    from tests.archive.variants import BRIEFING

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a-report.txt").write_text(WIDE, encoding="utf-8")
    (tmp_path / "docs" / "b-huge.txt").write_text("x" * 4096, encoding="utf-8")
    (tmp_path / "docs" / "c-corrupt.pdf").write_bytes(b"%PDF-1.7\n\x00\x01 broken")
    (tmp_path / "docs" / "d-briefing.txt").write_text(BRIEFING, encoding="utf-8")
    (tmp_path / "docs" / "e-memo.txt").write_text(MEMO, encoding="utf-8")
    monkeypatch.setattr(sources, "MAX_BYTES", 3000)  # b-huge is "huge" here; WIDE and the rest fit
    events = ActivityEntry.objects.count()
    dry = StringIO()
    call_command("importdocs", str(tmp_path / "docs"), "--dry-run", stdout=dry)
    assert "2 failed" in dry.getvalue()
    assert (ArchiveDocument.objects.count(), Meeting.objects.count(), ActivityEntry.objects.count()) == (0, 0, events)
    out = _import(tmp_path / "docs", forum)
    lines = dict(line.split(": ", 1) for line in out.splitlines() if line.startswith(str(tmp_path)))
    by_name = {Path(k).name: v for k, v in lines.items()}
    assert "larger than" in by_name["b-huge.txt"]
    assert by_name["c-corrupt.pdf"]
    assert "stored as document" in by_name["a-report.txt"]
    assert "stored as document" in by_name["e-memo.txt"]
    assert out.rstrip().endswith("5 file(s): 3 read, 2 failed; 3 stored, 0 unchanged (imported before)")
    assert Meeting.objects.filter(forum=forum).count() == 2  # the report and the memo
    assert ArchiveDocument.objects.get(name="d-briefing.txt").meeting is None  # kept as a document


def test_a_wrong_genre_forced_on_a_file_fails_alone_with_its_reason(forum, tmp_path, media):
    from tests.archive.variants import BRIEFING

    path = tmp_path / "briefing.txt"
    path.write_text(BRIEFING, encoding="utf-8")
    out = _import(path, forum, "--genre", "meeting_report")
    assert "not stored (a meeting needs its number and date to be stored)" in out
    assert str(path) in out
    assert not ArchiveDocument.objects.exists()
    assert not Meeting.objects.exists()


def test_imported_decisions_are_numbered_like_those_added_on_the_memo_screen(forum, tmp_path, media):
    """The import adds decisions through the meetings service: 1, 2 … under the meeting's lock, and a
    decision added on the memo screen afterwards comes after them."""
    path = tmp_path / "memo8.txt"
    path.write_text(MEMO, encoding="utf-8")
    _import(path, forum)
    meeting = Meeting.objects.get(forum=forum, series__is_steering=True)
    assert list(meeting.decisions.values_list("position", flat=True)) == [1, 2]
    add_decision(meeting, Decision(text_ja="追加の決定"))
    assert list(meeting.decisions.values_list("position", "text_ja"))[-1] == (3, "追加の決定")
