"""Benchmarks: print numbers, assert nothing. Run with `make bench`.

Builds a throw-away SQLite database under a temporary directory, fills a forum with N people
(each with dated affiliations), and measures the people list and person pages through Django's
test client (the full middleware, template and ORM stack, without network noise).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    var = tempfile.mkdtemp(prefix="mshub-bench-")
    os.environ.update(DJANGO_SETTINGS_MODULE="mshub.settings.test", MSHUB_VAR_DIR=var, ALLOWED_HOSTS="testserver")
    os.makedirs(Path(var) / "static")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from tests.factories import (
        AffiliationFactory,
        ForumFactory,
        MembershipFactory,
        OrganizationFactory,
        PersonFactory,
        UserFactory,
    )

    forum = ForumFactory(slug="bench")
    user = UserFactory(email="bench@example.org")
    MembershipFactory(forum=forum, user=user, role="secretariat")
    client = Client()
    client.force_login(user)
    organizations = [OrganizationFactory(forum=forum) for _ in range(80)]  # a national forum's scale

    print(f"{'people':>7} {'page':<14} {'queries':>7} {'ms/req':>8} {'req/s':>7}")
    for n in (50, 500, 2000):
        missing = n - forum.persons.count()
        for i in range(missing):
            AffiliationFactory(person=PersonFactory(forum=forum), organization=organizations[i % len(organizations)])
        person = forum.persons.first()
        assert person is not None
        for label, url in (("people list", "/bench/people/"), ("person page", person.get_absolute_url())):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            query_count = len(queries.captured_queries)  # read now: later requests reset the log
            rounds = 30
            start = time.perf_counter()
            for _ in range(rounds):
                assert client.get(url).status_code == 200
            per = (time.perf_counter() - start) / rounds
            print(f"{n:>7} {label:<14} {query_count:>7} {per * 1000:>8.1f} {1 / per:>7.0f}")


if __name__ == "__main__":
    main()
