"""``manage.py poll_trend_feeds``: poll every active trend feed now (safe to run twice, or at once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from mshub.trends.polling import poll_all


class Command(BaseCommand):
    help = "Poll every active trend feed and record each run."

    def handle(self, *args: Any, **options: Any) -> None:
        for run in poll_all():
            self.stdout.write(
                f"{run.feed}: {run.outcome} new={run.new} duplicate={run.duplicate} skipped={run.skipped} "
                f"{run.message}".rstrip()
            )
