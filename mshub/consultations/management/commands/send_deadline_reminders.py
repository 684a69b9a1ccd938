"""Mail each forum's person in charge before a consultation closes (lead times: CONSULTATION_REMINDER_DAYS).

Safe to run as often as wanted, and in several places at once: each reminder is sent once
(mshub/consultations/reminders.py)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from mshub.consultations.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = "Send the consultation deadline reminders that are due and not sent yet."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_deadline_reminders()
        self.stdout.write(
            f"sent {len(result.sent)}, already sent {result.already}, "
            f"skipped {result.skipped} (person in charge without an account address)"
        )
