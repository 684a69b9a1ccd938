"""Background work of the meetings area."""

from __future__ import annotations

from celery import shared_task


@shared_task
def render_report_pdf(version_pk: int) -> None:
    from mshub.meetings.models import ReportVersion
    from mshub.meetings.reports.render import render_pdf
    from mshub.meetings.services.publishing import store_pdf

    version = ReportVersion.objects.select_related("meeting__series").get(pk=version_pk)
    store_pdf(version, render_pdf(version.html))


@shared_task
def send_report_notice(meeting_pk: int) -> None:
    from mshub.meetings.models import Meeting
    from mshub.meetings.notifications import send_report_published

    send_report_published(Meeting.objects.select_related("series", "forum").get(pk=meeting_pk))
