"""The secretariat's upload: a batch parsed in the background, reviewed beside its source, stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mshub.archive.models import ImportBatch, ImportItem
from mshub.meetings.models import Meeting
from tests.archive.variants import WIDE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_upload_parse_review_correct_and_store(cast, django_capture_on_commit_callbacks):
    client = cast.client("secretariat")
    base = f"/{cast.forum.slug}/archive/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            base,
            {
                "documents": [
                    SimpleUploadedFile("report23.txt", WIDE.encode()),
                    SimpleUploadedFile("broken.pdf", b"%PDF-1.4 not really"),
                ]
            },
        )
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    progress = client.get(response["Location"]).content.decode()
    assert "2 of 2 files read" in progress
    good, bad = ImportItem.objects.order_by("pk")
    assert good.status == "parsed"
    assert bad.status == "failed"
    assert "broken.pdf" in bad.error

    review_url = f"{base}files/{good.pk}/"
    page = client.get(review_url).content.decode()
    assert "みなとカンファレンスセンター" in page  # the parsed venue in the form
    assert "資料１に基づき" in page  # the source text beside it
    bad_post = client.post(review_url, {"genre": "meeting_report", "number": "", "date": ""})
    assert bad_post.status_code == 400
    assert not Meeting.objects.exists()
    stored = client.post(
        review_url,
        {
            "genre": "meeting_report",
            "number": 23,
            "date": "2019-11-08",
            "start": "18:30",
            "end": "20:45",
            "venue": "会議室B (訂正)",
            "onsite": 42,
            "remote": 17,
        },
    )
    assert stored.status_code == 302
    meeting = Meeting.objects.get(number=23)
    assert meeting.local_date.isoformat() == "2019-11-08"  # the correction was stored
    assert meeting.venue_ja == "会議室B (訂正)"
    good.refresh_from_db()
    assert good.status == "stored"
    assert batch.items.count() == 2
    again = client.post(review_url, {"genre": "meeting_report", "number": 23, "date": "2019-11-08"})
    assert again.status_code == 302
    assert Meeting.objects.count() == 1


def test_upload_without_files_is_refused(cast):
    response = cast.client("secretariat").post(f"/{cast.forum.slug}/archive/", {})
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()


def test_only_the_secretariat_imports(cast):
    assert cast.client("steering").get(f"/{cast.forum.slug}/archive/").status_code == 403
