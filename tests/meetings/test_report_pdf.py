"""A report's PDF is rendered once per published version and language, off the reader's request:
a reader who asks before it is ready is asked to come back, and the rendering is queued (again)."""

from __future__ import annotations

import pytest

from mshub.core import background
from mshub.meetings.models import ReportVersion
from mshub.meetings.services.publishing import queue_pdf

pytestmark = pytest.mark.django_db


def _version(meeting, **fields) -> ReportVersion:  # type: ignore[no-untyped-def]
    return ReportVersion.objects.create(
        meeting=meeting, version=1, language="en", html="<h1>Report</h1><p>x</p>", markdown="x", **fields
    )


@pytest.mark.django_db(transaction=True)  # the task thread has its own connection: it must see the version
def test_a_reader_never_waits_for_a_render_and_the_pdf_is_queued(announced, cast, settings):
    settings.TASK_THREADS = 1  # a real background thread: the request must not render
    version = _version(announced)
    reader = cast.client("secretariat")
    response = reader.get(f"{announced.get_absolute_url()}report.pdf?lang=en")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "being prepared" in response.content.decode()
    assert "ETag" not in response  # nothing a cache may keep
    background.wait(timeout=60)
    version.refresh_from_db()
    assert version.pdf.name.endswith(".pdf")
    ready = reader.get(f"{announced.get_absolute_url()}report.pdf?lang=en")
    assert ready.status_code == 200
    assert b"".join(ready.streaming_content).startswith(b"%PDF")
    assert ready["ETag"]


@pytest.mark.django_db(transaction=True)
def test_asking_again_queues_the_render_only_once(announced, settings):
    settings.TASK_THREADS = 1
    version = _version(announced)
    assert queue_pdf(version) is True
    assert queue_pdf(version) is False  # queued already: readers asking again add nothing
    background.wait(timeout=60)
    version.refresh_from_db()
    assert queue_pdf(version) is False  # rendered: nothing to queue


def test_the_secretariat_sees_which_pdfs_are_being_prepared(announced, cast):
    _version(announced)
    page = cast.client("secretariat").get(f"{announced.get_absolute_url()}report/").content.decode()
    assert "The PDF is being prepared for:" in page
    assert 'hx-trigger="every 3s"' in page
