"""The issue's final check: the real samples re-imported through the upload screen give organisations
classified or listed to classify, no abbreviation duplicates, the document's own series and number,
unpublished meetings, and the reported counts in the statistics. Skipped without the samples."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from mshub.archive.models import ImportItem
from mshub.meetings.models import Meeting
from mshub.people.models import Organization
from tests.factories import group
from tests.formdata import form_data

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_the_samples_reimported_through_the_upload_screen(cast):
    if not (SAMPLES / "igcj-11-report-2016.txt").is_file():
        pytest.skip("../shared/samples is not beside the checkout")
    from mshub.meetings.models import MeetingSeries

    regular = MeetingSeries.objects.create(forum=cast.forum, slug="meeting", name_ja="日本IGF会合")
    client = cast.client("secretariat")
    base = f"/{cast.forum.slug}/archive/"
    files = sorted(SAMPLES.glob("*.txt"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(base, {"documents": [SimpleUploadedFile(f.name, f.read_bytes()) for f in files]})
    assert response.status_code == 302
    government = group(cast.forum, "government")
    for item in ImportItem.objects.filter(status="parsed"):
        url = f"{base}files/{item.pk}/"
        data = form_data(client.get(url).content.decode(), "review-form")
        for i in range(int(data.get("neworgs-TOTAL_FORMS", 0))):
            if data[f"neworgs-{i}-name"].startswith("総務省"):
                data[f"neworgs-{i}-group"] = str(government.pk)  # the secretariat classifies the ministry
        stored = client.post(url, data)
        assert stored.status_code == 302, stored.content.decode()[:3000]
    assert ImportItem.objects.filter(status="stored").count() == len(files)

    meeting = Meeting.objects.get(forum=cast.forum)
    assert meeting.series != regular
    assert meeting.series.name_ja == "日本インターネットガバナンス会議(IGCJ)"
    assert meeting.number == 11
    assert meeting.awaiting_publication
    assert cast.client("visitor").get(meeting.get_absolute_url()).status_code in (403, 404)

    organisations = Organization.objects.filter(forum=cast.forum)
    assert organisations.filter(short_name="JPNIC").count() == 1
    assert not organisations.filter(name_ja="JPNIC").exists()
    for ministry in organisations.filter(name_ja__startswith="総務省"):
        assert ministry.stakeholder_group == government
    others = organisations.exclude(name_ja__startswith="総務省")
    assert others.exists()
    assert all(o.stakeholder_group is None for o in others)  # to classify, never "government"
    to_classify = client.get(f"/{cast.forum.slug}/organizations/?to_classify=true").content.decode()
    assert "一般社団法人日本ネットワークインフォメーションセンター" in to_classify

    statistics = client.get(f"/{cast.forum.slug}/meetings/statistics/").content.decode()
    row = statistics[statistics.index(str(meeting.series.numbered_name(11))) :][:600]
    cells = re.findall(r"<td[^>]*>(\d+)</td>", row)[:3]
    assert cells == ["31", "28", "3"]  # 28 on site + 3 remote, as the report says
