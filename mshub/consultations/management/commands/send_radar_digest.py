"""Mail the weekly deadline radar to the members who asked for it (mshub/consultations/digest.py).

Safe to run as often as wanted, and in several places at once: each member gets one digest per ISO week."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from mshub.consultations.digest import send_radar_digest


class Command(BaseCommand):
    help = "Send this week's deadline-radar digest to the members who opted in and have not had it yet."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_radar_digest()
        self.stdout.write(
            f"sent {len(result.sent)}, already sent this week {result.already}, "
            f"nothing to send {result.empty} (nothing on their forum's radar)"
        )
