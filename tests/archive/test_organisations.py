"""Organisations an import creates: no stakeholder group guessed, one record per organisation
whatever form of its name (abbreviation, full name with the abbreviation in brackets) a report uses."""

import pytest
from django.db.models import Model

from mshub.archive.store import store_document
from mshub.meetings.models import Meeting
from mshub.meetings.services.statistics import UNCLASSIFIED, presenters_by_group
from mshub.people.models import Organization
from tests.factories import OrganizationFactory, group

pytestmark = pytest.mark.django_db

JPNIC_FULL = "一般社団法人日本ネットワークインフォメーションセンター（JPNIC）"


def record(*presenters: dict, number: int = 11, sha: str = "a", **extra) -> dict:
    return {
        "sha256": sha * 64,
        "genre": "meeting_report",
        "series": "日本インターネットガバナンス会議(IGCJ)",
        "number": number,
        "date": "2016-01-28",
        "agenda": [{"number": "1", "title": "報告", "presenters": list(presenters), "items": []}],
        **extra,
    }


def store(forum, data: dict) -> Meeting:
    document = store_document(forum, data, "report.txt")
    assert document.meeting is not None
    return document.meeting


def organisation_of(meeting: Meeting, name: str) -> Model:
    presenter = meeting.agenda_items.get().presenters.get(person__family_name_ja=name.split()[0])
    return presenter.person.affiliation_on(meeting.local_date).organization


def test_a_new_organisation_has_no_group_and_counts_as_to_be_classified(forum):
    meeting = store(
        forum,
        record(
            {"name": "奥谷 泉", "organization": "JPNIC"},
            {"name": "浜田 忠久", "organization": "市民コンピュータコミュニケーション研究会(JCAFE)"},
        ),
    )
    created = Organization.objects.filter(forum=forum)
    assert created.count() == 2
    assert all(o.stakeholder_group is None for o in created)  # never filed under "government"
    assert presenters_by_group(Meeting.objects.filter(pk=meeting.pk)) == {2016: {UNCLASSIFIED: 2}}
    assert set(Organization.objects.unclassified()) == set(created)


def test_the_group_chosen_on_review_is_given_to_the_new_organisation(forum):
    civil = group(forum, "civil-society")
    store(
        forum,
        record(
            {"name": "浜田 忠久", "organization": "市民コンピュータコミュニケーション研究会(JCAFE)"},
            organization_groups={"市民コンピュータコミュニケーション研究会(JCAFE)": civil.pk},
        ),
    )
    jcafe = Organization.objects.get(forum=forum)
    assert jcafe.stakeholder_group == civil
    assert (jcafe.name_ja, jcafe.short_name) == ("市民コンピュータコミュニケーション研究会", "JCAFE")


def test_an_abbreviation_and_the_full_name_beside_it_are_one_organisation(forum):
    meeting = store(
        forum,
        record({"name": "奥谷 泉", "organization": "JPNIC"}, {"name": "木下 剛", "organization": JPNIC_FULL}),
    )
    jpnic = Organization.objects.get(forum=forum)
    assert organisation_of(meeting, "奥谷 泉") == organisation_of(meeting, "木下 剛") == jpnic
    assert (jpnic.name_ja, jpnic.short_name) == ("一般社団法人日本ネットワークインフォメーションセンター", "JPNIC")


def test_a_registry_organisation_is_found_by_the_abbreviation_in_brackets_and_keeps_the_form_as_alias(forum):
    tech = group(forum)
    jpnic = OrganizationFactory(
        forum=forum, name_ja="日本ネットワークインフォメーションセンター", short_name="JPNIC", stakeholder_group=tech
    )
    meeting = store(forum, record({"name": "奥谷 泉", "organization": JPNIC_FULL}))
    assert Organization.objects.filter(forum=forum).count() == 1
    assert organisation_of(meeting, "奥谷 泉") == jpnic
    jpnic.refresh_from_db()
    assert jpnic.aliases == [JPNIC_FULL]
    assert jpnic.stakeholder_group == tech
    # Found by the alias the next time, without another one added.
    store(forum, record({"name": "奥谷 泉", "organization": JPNIC_FULL}, number=12, sha="b"))
    jpnic.refresh_from_db()
    assert jpnic.aliases == [JPNIC_FULL]


def test_the_to_classify_filter_lists_organisations_without_a_group(cast):
    OrganizationFactory(forum=cast.forum, name_ja="", name_en="Classified Org", stakeholder_group=group(cast.forum))
    OrganizationFactory(forum=cast.forum, name_ja="", name_en="Unclassified Society", stakeholder_group=None)
    client = cast.client("secretariat")
    page = client.get(f"/{cast.forum.slug}/organizations/?to_classify=true").content.decode()
    assert "Unclassified Society" in page
    assert "Classified Org" not in page
    everything = client.get(f"/{cast.forum.slug}/organizations/").content.decode()
    assert "To be classified" in everything or "未分類" in everything
