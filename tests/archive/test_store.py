"""Storing imports: idempotent, corrections kept, presenters matched to the registry, provenance."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from mshub.archive.models import ArchiveDocument, SourceLink
from mshub.meetings.models import AgendaItem, Intervention, Meeting
from mshub.meetings.services.registration import participation
from mshub.people.models import Person
from tests.archive.variants import WIDE
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
    _import(path, forum)
    counts = (
        Meeting.objects.count(),
        AgendaItem.objects.count(),
        Intervention.objects.count(),
        Person.objects.count(),
        ArchiveDocument.objects.count(),
        SourceLink.objects.count(),
    )
    _import(path, forum)
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
