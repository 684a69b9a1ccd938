"""``manage.py refreshfeeds``: import every active calendar feed subscription now (safe to run twice)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from mshub.calendar.importing import refresh_all


class Command(BaseCommand):
    help = "Refresh every active calendar feed subscription and record each run."

    def handle(self, *args: Any, **options: Any) -> None:
        for run in refresh_all():
            self.stdout.write(
                f"{run.subscription}: {run.outcome} created={run.created} updated={run.updated} "
                f"cancelled={run.cancelled} unchanged={run.unchanged} skipped={run.skipped} {run.error}".rstrip()
            )
