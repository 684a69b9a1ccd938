"""Build the demo community (idempotent; ``--reset`` rebuilds it).

It creates sign-in accounts (an administrator among them) whose password is ``demo``, so it runs
only with DEBUG on (``manage.py``'s development settings, ``make demo``) or when told explicitly
with ``--allow-insecure-demo-logins``.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings

from mshub.core.demo import MAIN, PASSWORD, TASKFORCE, build_demo

ALLOW_FLAG = "--allow-insecure-demo-logins"


class Command(BaseCommand):
    help = "Load an invented demo community: forums, organisations, people, meetings, one account per role."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="delete the demo forums and accounts first")
        parser.add_argument("--no-meetings", action="store_true", help="leave out meetings and reports (faster)")
        parser.add_argument(
            ALLOW_FLAG,
            action="store_true",
            help=f"run without DEBUG too, knowing it creates accounts (an admin among them) with password {PASSWORD!r}",
        )
        parser.add_argument("--url", default=settings.SITE_URL, help="address to print (default: SITE_URL)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_insecure_demo_logins"]:
            raise CommandError(
                f"loaddemo creates accounts, an administrator among them, whose password is {PASSWORD!r}. "
                "It runs only with DEBUG on; to load it anyway (never where others can reach the site), "
                f"add {ALLOW_FLAG}."
            )
        started = time.perf_counter()
        # The demo's invented registrants and mailing lists must not receive mail.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            summary = build_demo(reset=options["reset"], meetings=not options["no_meetings"])
        if summary.created:
            self.stdout.write(self.style.SUCCESS(f"Demo community loaded in {time.perf_counter() - started:.1f} s."))
        else:
            self.stdout.write("The demo community is already there (use --reset to rebuild it).")
        for slug, (n_orgs, n_people) in summary.counts.items():
            self.stdout.write(f"  {slug}: {n_orgs} organisations, {n_people} people")
        url = options["url"].rstrip("/")
        self.stdout.write(f"\nOpen {url}/  (national forum: {url}/{MAIN}/, private task force: {url}/{TASKFORCE}/)\n")
        rows = [("email", "password", "role"), *((email, PASSWORD, role) for email, role in summary.logins)]
        for email, password, role in rows:
            self.stdout.write(f"  {email:<28} {password:<10} {role}")
        self.stdout.write("")
