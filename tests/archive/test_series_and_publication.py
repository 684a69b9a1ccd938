"""An imported meeting goes to the series the document names, keeps the document's number (or its
place by date), and stays unpublished until the secretariat publishes the upload."""

import datetime as dt

import pytest
from django.utils import timezone

from mshub.archive.models import ImportItem
from mshub.archive.store import StoreError, store_document
from mshub.core.models.events import ActivityEntry
from mshub.meetings.models import Meeting, MeetingSeries
from tests.archive.test_organisations import record
from tests.archive.test_upload import _review
from tests.archive.variants import WIDE
from tests.formdata import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def regular(forum) -> MeetingSeries:
    return MeetingSeries.objects.create(forum=forum, slug="meeting", name_ja="日本IGF会合", name_en="Japan IGF meeting")


def memo(date: str, sha: str, number=None) -> dict:
    return {"sha256": sha * 64, "genre": "steering_memo", "date": date, "number": number, "agenda": []}


def test_a_report_of_another_series_does_not_land_in_the_forums_regular_series(forum):
    own = regular(forum)
    meeting = store_document(forum, record(), "igcj11.txt").meeting
    assert meeting.series != own
    assert meeting.series.name_ja == "日本インターネットガバナンス会議(IGCJ)"
    assert (meeting.series.slug, meeting.number) == ("igcj", 11)
    # The series is found again, by its abbreviation too.
    again = store_document(forum, record(number=12, sha="b", series="IGCJ"), "igcj12.txt").meeting
    assert again.series == meeting.series


def test_imported_meetings_stay_unpublished(cast):
    meeting = store_document(cast.forum, record(), "igcj11.txt").meeting
    assert meeting.awaiting_publication
    assert not meeting.is_public
    url = meeting.get_absolute_url()
    assert cast.client("visitor").get(url).status_code in (403, 404)
    assert "第11回" not in cast.client("visitor").get(f"/{cast.forum.slug}/meetings/").content.decode()
    assert cast.client("secretariat").get(url).status_code == 200


def test_a_memo_without_number_is_not_numbered_after_a_later_meeting(forum):
    steering = MeetingSeries.objects.create(forum=forum, slug="steering", name_ja="運営会合", is_steering=True)
    start = timezone.make_aware(dt.datetime(2026, 3, 1, 10))
    Meeting.objects.create(
        forum=forum, series=steering, number=1, start=start, end=start + dt.timedelta(hours=1), status="held"
    )
    with pytest.raises(StoreError, match="give its number"):
        store_document(forum, memo("2017-05-10", "c"), "memo2017.txt")
    assert steering.meetings.count() == 1
    numbered = store_document(forum, memo("2017-05-10", "c", number=3), "memo2017.txt").meeting
    assert (numbered.series, numbered.number) == (steering, 3)
    with pytest.raises(StoreError, match=r"number 3 .* is taken"):
        store_document(forum, memo("2026-06-01", "d"), "memo2026.txt")  # third by date, but 3 is the 2017 one


def test_the_review_page_chooses_the_documents_series_or_a_new_one(secretariat, cast):
    own = regular(cast.forum)
    url, page = _review(secretariat, WIDE)
    data = form_data(page, "review-form")
    assert data["store_in"] == "+new"  # the document's series is not the forum's regular one
    assert data["new_series"] == "みなとインターネット政策会合"  # named as the document says
    data["new_series"] = "みなと会議"
    assert secretariat.post(url, data).status_code == 302
    meeting = Meeting.objects.get(number=23)
    assert meeting.series != own
    assert meeting.series.name_ja == "みなと会議"
    url, page = _review(secretariat, WIDE.replace("第２３回", "第２４回").replace("議事録", "議事録 "), "report24.txt")
    data = form_data(page, "review-form", store_in="+new", new_series="")
    assert secretariat.post(url, data).status_code == 400  # a new series needs its name


def test_one_action_publishes_a_whole_upload(secretariat, cast):
    url, page = _review(secretariat, WIDE)
    assert secretariat.post(url, form_data(page, "review-form", new_series="みなと会議")).status_code == 302
    item = ImportItem.objects.get()
    batch_url = f"{secretariat.base}batches/{item.batch_id}/"
    assert "Publish this upload" in secretariat.get(batch_url).content.decode()
    assert cast.client("steering").post(f"{batch_url}publish/").status_code == 403
    assert Meeting.objects.get().awaiting_publication
    assert secretariat.get(f"{batch_url}publish/").status_code == 405
    assert secretariat.post(f"{batch_url}publish/").status_code == 302
    meeting = Meeting.objects.get()
    assert not meeting.awaiting_publication
    assert meeting.is_public
    assert cast.client("visitor").get(meeting.get_absolute_url()).status_code == 200
    event = ActivityEntry.objects.get(verb="archive.published")
    assert event.data == {"meetings": 1}


def test_new_organisations_are_classified_on_the_review_page(secretariat, cast):
    from mshub.people.models import Organization
    from tests.factories import OrganizationFactory, group

    known = OrganizationFactory(forum=cast.forum, name_ja="デジタル通信省 国際政策課", short_name="DCM")
    url, page = _review(secretariat, WIDE)
    data = form_data(page, "review-form")
    names = [data[f"neworgs-{i}-name"] for i in range(int(data["neworgs-TOTAL_FORMS"]))]
    assert "北辰大学 法学部" in names
    assert known.name_ja not in names  # in the registry: offered as a match instead
    assert f"Matches existing organisation {known}" in page
    data[f"neworgs-{names.index('北辰大学 法学部')}-group"] = str(group(cast.forum, "academia").pk)
    assert secretariat.post(url, data).status_code == 302
    assert Organization.objects.get(name_ja="北辰大学 法学部").stakeholder_group.code == "academia"
    others = Organization.objects.exclude(pk=known.pk).exclude(name_ja="北辰大学 法学部")
    assert all(o.stakeholder_group is None for o in others)


@pytest.fixture
def secretariat(cast):
    client = cast.client("secretariat")
    client.base = f"/{cast.forum.slug}/archive/"
    return client
