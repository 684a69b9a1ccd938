"""Build the demo community (idempotent; ``--reset`` rebuilds it)."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.test.utils import override_settings

from mshub.core.demo import MAIN, PASSWORD, build_demo


class Command(BaseCommand):
    help = "Load an invented demo community: forums, organisations, people, meetings, one account per role."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="delete the demo forums and accounts first")
        parser.add_argument("--url", default=settings.SITE_URL, help="address to print")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        # The demo's invented registrants and mailing lists must not receive mail.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            summary = build_demo(reset=options["reset"])
        if summary.created:
            self.stdout.write(f"Demo community loaded in {time.perf_counter() - started:.1f} s.")
        else:
            self.stdout.write("The demo community is already there (use --reset to rebuild it).")
        url = options["url"].rstrip("/")
        self.stdout.write(f"\n  Open {url}/  (the national forum: {url}/{MAIN}/)\n")
        self.stdout.write(f"  Demo logins (password for all: {PASSWORD}):")
        for email, role in summary.logins:
            self.stdout.write(f"    {email:<28} {role}")
        self.stdout.write("")
