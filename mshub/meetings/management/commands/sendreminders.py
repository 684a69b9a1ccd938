"""Send the reminder mail to registrants of meetings that start within the next N hours (default 36).

Run it from cron (or Celery beat) a few times a day; each registration is reminded once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from mshub.meetings.models import Meeting, MeetingStatus, Registration, RegistrationStatus
from mshub.meetings.notifications import send_reminder


class Command(BaseCommand):
    help = "Remind registrants of meetings starting soon (each registration once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--hours", type=int, default=36)

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        soon = Meeting.objects.filter(
            status=MeetingStatus.ANNOUNCED, start__gt=now, start__lte=now + dt.timedelta(hours=options["hours"])
        )
        sent = 0
        with transaction.atomic():
            due = list(
                Registration.objects.select_for_update()
                .filter(meeting__in=soon, status=RegistrationStatus.CONFIRMED, reminded_at__isnull=True)
                .select_related("meeting__series", "meeting__forum")
            )
            for registration in due:
                send_reminder(registration)
                sent += 1
            Registration.objects.filter(pk__in=[r.pk for r in due]).update(reminded_at=now)
        self.stdout.write(f"{sent} reminder(s) sent")
