"""Background work of the meetings area."""

from __future__ import annotations

from celery import shared_task


@shared_task
def render_report_pdf(version_pk: int) -> None:
    from mshub.meetings.models import ReportVersion
    from mshub.meetings.reports.pdf import render_pdf
    from mshub.meetings.services.publishing import store_pdf

    version = ReportVersion.objects.select_related("meeting__series").filter(pk=version_pk).first()
    if version is None or version.pdf:
        return  # withdrawn, or rendered already (queued twice: a reader asked after a restart)
    store_pdf(version, render_pdf(version.html))


@shared_task
def send_report_notice(meeting_pk: int) -> None:
    from mshub.meetings.models import Meeting
    from mshub.meetings.notifications import send_report_published

    send_report_published(Meeting.objects.select_related("series", "forum").get(pk=meeting_pk))


@shared_task
def send_registrant_mail(mail_pk: int) -> None:
    """Send each pending delivery of a mail to registrants; record sent or failed, with the time."""
    from django.utils import timezone

    from mshub.meetings.models import DeliveryStatus, MailDelivery
    from mshub.meetings.notifications import registrant_message

    deliveries = MailDelivery.objects.filter(mail_id=mail_pk, status=DeliveryStatus.PENDING).select_related(
        "mail", "registration__meeting__series", "registration__meeting__forum"
    )
    for delivery in deliveries:
        try:
            registrant_message(delivery.mail, delivery.registration).send()
        except Exception as exc:
            delivery.status, delivery.error = DeliveryStatus.FAILED, str(exc)[:300]
        else:
            delivery.status = DeliveryStatus.SENT
        delivery.sent_at = timezone.now()
        delivery.save(update_fields=["status", "error", "sent_at"])
