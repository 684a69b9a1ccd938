"""Publishing a report freezes a dated version; corrections publish a new version beside it."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import models, transaction

from mshub.core.models.events import record
from mshub.core.pagecache import forum_changed
from mshub.meetings.models import Meeting, MeetingStatus, ReportVersion
from mshub.meetings.models.reports import report_pdf_path
from mshub.meetings.reports.render import render_html, render_markdown

PDF_QUEUE_SECONDS = 600


def report_languages(meeting: Meeting) -> list[str]:
    """Japanese always; English where English fields exist (the title, or any item's title)."""
    languages = ["ja"]
    if meeting.title_en or meeting.agenda_items.exclude(title_en="").exists():
        languages.append("en")
    return languages


@transaction.atomic
def publish_report(meeting: Meeting, actor: Any = None, note: str = "") -> list[ReportVersion]:
    """Freeze the report as the next version (one per language) and queue the PDFs and the notice."""
    from mshub.meetings.services.meetings import change_status
    from mshub.meetings.tasks import send_report_notice

    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    first = meeting.status != MeetingStatus.REPORT_PUBLISHED
    if first:
        meeting = change_status(meeting, MeetingStatus.REPORT_PUBLISHED, actor=actor)
    version = (meeting.report_versions.aggregate(v=models.Max("version"))["v"] or 0) + 1
    versions = []
    for language in report_languages(meeting):
        versions.append(
            ReportVersion.objects.create(
                meeting=meeting,
                version=version,
                language=language,
                published_by=actor,
                note=note,
                html=render_html(meeting, language),
                markdown=render_markdown(meeting, language),
            )
        )
    record(meeting.forum, actor, "report.published", meeting, summary=f"v{version}", note=note)
    for v in versions:
        transaction.on_commit(partial(queue_pdf, v))
    if first:
        transaction.on_commit(lambda: send_report_notice.delay(meeting.pk))
    return versions


def queue_pdf(version: ReportVersion) -> bool:
    """Queue the rendering of ``version``'s PDF unless it is queued already (for ten minutes: then a
    reader asking again queues it again, should a restart have lost it). Returns whether it queued."""
    from mshub.meetings.tasks import render_report_pdf

    if version.pdf or not cache.add(f"mshub-report-pdf-queued:{version.pk}", True, PDF_QUEUE_SECONDS):
        return False
    render_report_pdf.delay(version.pk)
    return True


def store_pdf(version: ReportVersion, pdf: bytes) -> None:
    """Attach the rendered PDF to a frozen version (the only field ever set after publishing)."""
    stored = version.pdf.storage.save(report_pdf_path(version, "report.pdf"), ContentFile(pdf))
    ReportVersion.objects.filter(pk=version.pk).update(pdf=stored)
    version.pdf.name = stored
    forum_changed(version.meeting.forum_id)  # the report page's "PDF being prepared" notice
