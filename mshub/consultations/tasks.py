"""Background work of the consultations area."""

from __future__ import annotations

from celery import shared_task


@shared_task
def send_deadline_reminders() -> int:
    """Run the reminder job (schedule it daily or hourly with celery beat or cron); the number sent."""
    from mshub.consultations.reminders import send_deadline_reminders as run

    return len(run().sent)


@shared_task
def send_radar_digest() -> int:
    """Run the weekly digest (schedule it weekly, or daily: each member gets one a week); the number sent."""
    from mshub.consultations.digest import send_radar_digest as run

    return len(run().sent)
