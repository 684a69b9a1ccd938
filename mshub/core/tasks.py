"""Background tasks that belong to no single area."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import EmailMessage


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_mail_task(
    subject: str, body: str, to: list[str], from_email: str | None = None, reply_to: list[str] | None = None
) -> int:
    """Send one plain-text mail. In a worker, network errors are retried with backoff."""
    message = EmailMessage(subject=subject, body=body, to=to, from_email=from_email, reply_to=reply_to)
    return message.send()
